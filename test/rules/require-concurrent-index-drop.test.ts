import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';
import { expectValidSql, findingsOf } from './part-a-support.js';

const ID = 'require-concurrent-index-drop';

describe(ID, () => {
  it('flags DROP INDEX of an index that existed before the run, with a concurrent suggestion', async () => {
    const out = await lintSql('DROP INDEX IF EXISTS orders_created_at_idx;', { history: 'CREATE TABLE orders (created_at timestamptz);\nCREATE INDEX orders_created_at_idx ON orders (created_at);' });
    const [f] = findingsOf(out, ID);
    expect(f?.risk).toBe('CAUTION');
    expect(f?.message).toContain('ACCESS EXCLUSIVE');
    expect(f?.suggestion).toContain('DROP INDEX CONCURRENTLY IF EXISTS orders_created_at_idx;');
    await expectValidSql(f?.suggestion);
  });

  it('splits several indexes into one concurrent drop each and keeps the schema', async () => {
    const out = await lintSql('DROP INDEX app.a_idx, app.b_idx;');
    const found = findingsOf(out, ID);
    expect(found).toHaveLength(2);
    expect(found[0]?.suggestion).toContain('DROP INDEX CONCURRENTLY app.a_idx;\nDROP INDEX CONCURRENTLY app.b_idx;');
  });

  it('is silent for DROP INDEX CONCURRENTLY', async () => {
    expect(findingsOf(await lintSql('DROP INDEX CONCURRENTLY orders_created_at_idx;'), ID)).toEqual([]);
  });

  it('is silent for an index created earlier in the same file or in an earlier migration of the run', async () => {
    const same = await lintSql('CREATE INDEX tmp_idx ON orders (x);\nDROP INDEX tmp_idx;');
    expect(findingsOf(same, ID)).toEqual([]);
    const earlier = await lintSql('DROP INDEX tmp_idx;', { earlier: ['CREATE INDEX tmp_idx ON orders (x);'] });
    expect(findingsOf(earlier, ID)).toEqual([]);
  });

  it('does not look inside function bodies, which do not run during the migration', async () => {
    const out = await lintSql('CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN DROP INDEX orders_created_at_idx; END $$;');
    expect(findingsOf(out, ID)).toEqual([]);
  });
});
