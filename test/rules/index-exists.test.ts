// CREATE INDEX IF NOT EXISTS of an index that exists builds nothing: PostgreSQL takes the table's
// SHARE lock, says "already exists, skipping" and is done. require-concurrent-index (DANGEROUS,
// "for the whole build") and require-statement-timeout reported the re-declarations that
// harbor's and hatchet's migrations repeat; require-lock-timeout still applies (the lock is
// queued for). Which indexes exist follows drops and renames.
import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';
import { runOnPostgres } from './part-a-support.js';

const rules = async (sql: string, history: string) => (await lintSql(sql, { history })).findings.map((f) => f.rule);
const HISTORY = 'CREATE TABLE t (id int, c int);\nCREATE INDEX t_c ON t (c);';

describe('CREATE INDEX IF NOT EXISTS of an index that exists', () => {
  it('builds nothing: no require-concurrent-index or require-statement-timeout, still require-lock-timeout', async () => {
    const found = await rules('CREATE INDEX IF NOT EXISTS t_c ON t (c);', HISTORY);
    expect(found).not.toContain('require-concurrent-index');
    expect(found).not.toContain('require-statement-timeout');
    expect(found).toContain('require-lock-timeout');
    // The lock is taken, and no index is built (the relation count stays).
    await runOnPostgres('index_exists', 'CREATE TABLE t (id int, c int); CREATE INDEX t_c ON t (c);', [
      'BEGIN;',
      'CREATE INDEX IF NOT EXISTS t_c ON t (c);',
      "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_locks WHERE relation = 't'::regclass AND pid = pg_backend_pid() AND mode = 'ShareLock') THEN RAISE EXCEPTION 'no SHARE lock'; END IF; END $$;",
      "DO $$ BEGIN IF (SELECT count(*) FROM pg_class WHERE relname LIKE 't\\_c%') <> 1 THEN RAISE EXCEPTION 'an index was built'; END IF; END $$;",
      'COMMIT;',
    ]);
  });

  it('is reported when the index is new, was dropped, or was renamed away; a rename to the name counts', async () => {
    for (const [sql, history] of [
      ['CREATE INDEX IF NOT EXISTS t_d ON t (c);', HISTORY],
      ['CREATE INDEX t_c ON t (c);', 'CREATE TABLE t (id int, c int);\nCREATE INDEX t_c ON t (c);\nDROP INDEX t_c;'],
      ['CREATE INDEX IF NOT EXISTS t_c ON t (c);', `${HISTORY}\nDROP INDEX IF EXISTS t_c;`],
      ['CREATE INDEX IF NOT EXISTS t_c ON t (c);', `${HISTORY}\nALTER INDEX t_c RENAME TO t_c_old;`],
      ['CREATE INDEX IF NOT EXISTS t_c ON t (c);', 'CREATE TABLE t (id int, c int);\nCREATE TABLE u (id int);\nCREATE INDEX t_c ON u (id);\nDROP TABLE u;'],
    ] as const) expect(await rules(sql, history), `${history} => ${sql}`).toContain('require-concurrent-index');
    expect(await rules('CREATE INDEX IF NOT EXISTS t_c_old ON t (c);', `${HISTORY}\nALTER INDEX t_c RENAME TO t_c_old;`)).not.toContain('require-concurrent-index');
  });
});
