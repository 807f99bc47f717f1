// concurrent-index-partitioned-table, and what require-concurrent-index(-drop) say of partitioned tables.
import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';
import { findingsOf, runOnPostgres } from './part-a-support.js';

const ID = 'concurrent-index-partitioned-table';
const HISTORY = "CREATE TABLE m (id bigint, device_id bigint, taken_on date) PARTITION BY RANGE (taken_on);\nCREATE TABLE m_2025 PARTITION OF m FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');\nCREATE TABLE m_2026 PARTITION OF m FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');\nCREATE TABLE plain (id bigint, device_id bigint);";

describe(ID, () => {
  it('CREATE INDEX CONCURRENTLY on a partitioned table fails on PostgreSQL; the suggested ON ONLY / per-partition / ATTACH steps run', async () => {
    const sql = 'CREATE INDEX CONCURRENTLY m_device_idx ON m (device_id);';
    await expect(runOnPostgres('cipt_fail', HISTORY, [sql])).rejects.toThrow('cannot create index on partitioned table');
    const [f] = findingsOf(await lintSql(sql, { history: HISTORY }), ID);
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.suggestion).toContain('CREATE INDEX IF NOT EXISTS m_device_idx ON ONLY m (device_id);');
    expect(f?.suggestion).toContain('CREATE INDEX CONCURRENTLY IF NOT EXISTS m_2026_m_device_idx ON m_2026 (device_id);');
    expect(f?.suggestion).toContain('ALTER INDEX m_device_idx ATTACH PARTITION m_2025_m_device_idx;');
    // Each statement on its own (CONCURRENTLY cannot run in the implicit transaction of a multi-statement query).
    await runOnPostgres('cipt_recipe', HISTORY, f!.suggestion!.split('\n').filter((l) => !l.startsWith('--')));
    // A plain table is fine.
    expect(findingsOf(await lintSql('CREATE INDEX CONCURRENTLY plain_device_idx ON plain (device_id);', { history: HISTORY }), ID)).toEqual([]);
  });

  it('DROP INDEX CONCURRENTLY of a partitioned index fails; require-concurrent-index-drop does not ask for it', async () => {
    const history = `${HISTORY}\nCREATE INDEX m_device_idx ON m (device_id);`;
    const drop = 'DROP INDEX CONCURRENTLY m_device_idx;';
    await expect(runOnPostgres('cipt_drop', history, [drop])).rejects.toThrow('cannot drop partitioned index');
    const [f] = findingsOf(await lintSql(drop, { history }), ID);
    expect(f?.suggestion).toContain('DROP INDEX m_device_idx;');
    expect(findingsOf(await lintSql('DROP INDEX m_device_idx;', { history }), 'require-concurrent-index-drop')).toEqual([]);
  });

  it('require-concurrent-index: a plain build on a partitioned table gets the partition-by-partition steps; ON ONLY builds nothing', async () => {
    const [f] = findingsOf(await lintSql('CREATE INDEX m_device_idx ON m (device_id);', { history: HISTORY }), 'require-concurrent-index');
    expect(f?.suggestion).toContain('ON ONLY m (device_id)');
    expect(f?.suggestion).not.toContain('CREATE INDEX CONCURRENTLY m_device_idx ON m ');
    expect(findingsOf(await lintSql('CREATE INDEX m_device_idx ON ONLY m (device_id);', { history: HISTORY }), 'require-concurrent-index')).toEqual([]);
  });
});
