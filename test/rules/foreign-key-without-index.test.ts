import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';
import { expectValidSql, findingsOf } from './part-a-support.js';

const ID = 'foreign-key-without-index';
const TABLE = 'CREATE TABLE line_items (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id));';

describe(ID, () => {
  it('flags a foreign key of a new table with no index on its columns, at the statement that adds it', async () => {
    const [f] = findingsOf(await lintSql(`SELECT 1;\n${TABLE}`), ID);
    expect(f?.risk).toBe('CAUTION');
    expect(f?.line).toBe(2);
    expect(f?.message).toContain('public.line_items (order_id) -> public.orders');
    expect(f?.suggestion).toBe('CREATE INDEX line_items_order_id_idx ON line_items (order_id);');
  });

  it('accepts an index created later in the same file, or a key whose leading columns cover it', async () => {
    expect(findingsOf(await lintSql(`${TABLE}\nCREATE INDEX ON line_items (order_id, id);`), ID)).toEqual([]);
    const composite = 'CREATE TABLE memberships (user_id bigint REFERENCES users (id), org_id bigint REFERENCES orgs (id), PRIMARY KEY (org_id, user_id));';
    const found = findingsOf(await lintSql(composite), ID);
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining('(user_id)')]);
  });

  it('does not count a partial index', async () => {
    expect(findingsOf(await lintSql(`${TABLE}\nCREATE INDEX li_partial ON line_items (order_id) WHERE order_id = 1;`), ID)).toHaveLength(1);
  });

  it('checks a foreign key added to a history table, with a CONCURRENTLY suggestion', async () => {
    const history = 'CREATE TABLE orders (id bigint PRIMARY KEY);\nCREATE TABLE payments (id bigint PRIMARY KEY, order_id bigint);';
    const [f] = findingsOf(await lintSql('ALTER TABLE payments ADD CONSTRAINT payments_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID;', { history }), ID);
    expect(f?.suggestion).toContain('CREATE INDEX CONCURRENTLY payments_order_id_idx ON payments (order_id);');
    await expectValidSql(f?.suggestion);
    const indexed = `${history}\nCREATE INDEX payments_order_idx ON payments (order_id);`;
    expect(findingsOf(await lintSql('ALTER TABLE payments ADD FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID;', { history: indexed }), ID)).toEqual([]);
  });

  it('says "unknown" about tables whose definition the run never saw: no index is visible in the reviewed files', async () => {
    const [f] = findingsOf(await lintSql('ALTER TABLE payments ADD FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID;'), ID);
    expect(f?.risk).toBe('CAUTION');
    expect(f?.message).toContain('no index on payments(order_id) is visible in the reviewed files');
  });

  it('reports per file: a foreign key from an earlier migration is not reported again', async () => {
    const out = await lintSql('SELECT 1;', { earlier: [TABLE] });
    expect(findingsOf(out, ID)).toEqual([]);
  });
});
