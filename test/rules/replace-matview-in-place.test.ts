import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';
import { findingsOf, runOnPostgres } from './part-a-support.js';

const ID = 'replace-matview-in-place';
const HISTORY = 'CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, total numeric);\nCREATE MATERIALIZED VIEW order_totals AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id;';
const QUERY = 'SELECT customer_id, sum(total) AS total, count(*) AS n FROM orders GROUP BY customer_id';

describe(ID, () => {
  it('a view dropped and built again in one transaction: its readers wait for the whole query', async () => {
    const [f] = findingsOf(await lintSql(`BEGIN;\nDROP MATERIALIZED VIEW order_totals;\nCREATE MATERIALIZED VIEW order_totals AS ${QUERY};\nCOMMIT;`, { history: HISTORY }), ID);
    expect(f).toMatchObject({ risk: 'CAUTION', line: 3 });
    expect(f!.message).toContain('dropped at line 2');
    expect(f!.message).toContain("waits behind the DROP's ACCESS EXCLUSIVE lock");
  });

  it('without a transaction its readers fail in between; the suggested swap runs on PostgreSQL', async () => {
    const [f] = findingsOf(await lintSql(`DROP MATERIALIZED VIEW IF EXISTS order_totals;\nCREATE MATERIALIZED VIEW order_totals AS ${QUERY};`, { history: HISTORY }), ID);
    expect(f!.message).toContain('fail with "relation does not exist"');
    expect(f!.suggestion).toContain('CREATE MATERIALIZED VIEW order_totals_new AS');
    await runOnPostgres('replace_matview', `${HISTORY}\nINSERT INTO orders SELECT g, g % 7, g FROM generate_series(1, 50) g;\nREFRESH MATERIALIZED VIEW order_totals;`, [f!.suggestion!, 'SELECT n FROM order_totals LIMIT 1']);
  });

  it('is silent for a new name, WITH NO DATA, or a view this run created', async () => {
    expect(findingsOf(await lintSql(`CREATE MATERIALIZED VIEW order_totals_v2 AS ${QUERY};`, { history: HISTORY }), ID)).toEqual([]);
    expect(findingsOf(await lintSql(`DROP MATERIALIZED VIEW order_totals;\nCREATE MATERIALIZED VIEW order_totals AS ${QUERY} WITH NO DATA;`, { history: HISTORY }), ID)).toEqual([]);
    expect(findingsOf(await lintSql(`DROP MATERIALIZED VIEW order_totals;\nCREATE MATERIALIZED VIEW order_totals AS ${QUERY};`, { earlier: [HISTORY] }), ID)).toEqual([]);
  });
});
