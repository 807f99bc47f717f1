import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';
import { expectValidSql, findingsOf } from './part-a-support.js';

const ID = 'validate-in-same-transaction';
const ADD = 'ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;';
const VALIDATE = 'ALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;';

describe(ID, () => {
  it('flags VALIDATE inside the BEGIN block that added the constraint NOT VALID', async () => {
    const [f] = findingsOf(await lintSql(`BEGIN;\n${ADD}\n${VALIDATE}\nCOMMIT;`), ID);
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.line).toBe(3);
    expect(f?.message).toContain('ACCESS EXCLUSIVE lock the ADD took on public.orders');
    expect(f?.suggestion).toContain('COMMIT;');
    await expectValidSql(f?.suggestion);
  });

  it('names the SHARE ROW EXCLUSIVE locks for a foreign key', async () => {
    const sql = 'BEGIN;\nALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;\nCOMMIT;';
    const [f] = findingsOf(await lintSql(sql), ID);
    expect(f?.message).toContain('SHARE ROW EXCLUSIVE');
  });

  it('flags it when the runner wraps the file, and suggests the next migration', async () => {
    const [f] = findingsOf(await lintSql(`${ADD}\n${VALIDATE}`, { runner: 'wrapped' }), ID);
    expect(f?.message).toContain('the runner wraps');
    expect(f?.suggestion).toContain('move this to the next migration');
  });

  it('flags ADD ... NOT VALID and VALIDATE in one ALTER TABLE statement', async () => {
    const sql = 'ALTER TABLE orders ADD CONSTRAINT c CHECK (total >= 0) NOT VALID, VALIDATE CONSTRAINT c;';
    expect(findingsOf(await lintSql(sql), ID)).toHaveLength(1);
  });

  it('is silent when each runs in its own transaction', async () => {
    expect(findingsOf(await lintSql(`${ADD}\n${VALIDATE}`, { runner: 'none' }), ID)).toEqual([]);
    expect(findingsOf(await lintSql(`BEGIN;\n${ADD}\nCOMMIT;\nBEGIN;\n${VALIDATE}\nCOMMIT;`), ID)).toEqual([]);
    expect(findingsOf(await lintSql(VALIDATE, { runner: 'wrapped', earlier: [ADD] }), ID)).toEqual([]);
  });

  it('is silent on a table created in this run', async () => {
    const sql = `BEGIN;\nCREATE TABLE orders (total numeric);\n${ADD}\n${VALIDATE}\nCOMMIT;`;
    expect(findingsOf(await lintSql(sql), ID)).toEqual([]);
  });

  it('flags VALIDATE in one ALTER TABLE with a sub-command that locks harder (eugene\'s VALIDATE ..., DROP COLUMN), and after another blocking statement of the transaction', async () => {
    const history = `CREATE TABLE orders (id bigint PRIMARY KEY, total numeric, old_total numeric);\n${ADD}`;
    const [same] = findingsOf(await lintSql('ALTER TABLE orders VALIDATE CONSTRAINT orders_total_check, DROP COLUMN old_total;', { history }), ID);
    expect(same?.risk).toBe('DANGEROUS');
    expect(same?.message).toContain('shares its ALTER TABLE with drop column, so the statement takes an ACCESS EXCLUSIVE lock on public.orders');
    expect(same?.suggestion).toContain(VALIDATE);
    const [after] = findingsOf(await lintSql(`BEGIN;\nALTER TABLE orders ALTER COLUMN total SET DEFAULT 0;\n${VALIDATE}\nCOMMIT;`, { history }), ID);
    expect(after?.message).toContain('runs in the transaction where set default took an ACCESS EXCLUSIVE lock on public.orders');
    // Outside a transaction each statement's lock ends with it; a lock on another table does not matter.
    expect(findingsOf(await lintSql(`ALTER TABLE orders ALTER COLUMN total SET DEFAULT 0;\n${VALIDATE}`, { history }), ID)).toEqual([]);
    expect(findingsOf(await lintSql(`BEGIN;\nALTER TABLE other ADD COLUMN x int;\n${VALIDATE}\nCOMMIT;`, { history }), ID)).toEqual([]);
    // VALIDATE alone, or with another SHARE UPDATE EXCLUSIVE sub-command, keeps its weak lock.
    expect(findingsOf(await lintSql('ALTER TABLE orders VALIDATE CONSTRAINT orders_total_check, SET (fillfactor = 90);', { history }), ID)).toEqual([]);
  });
});
