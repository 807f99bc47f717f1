// The SQL blocks of the full corpus's seeds/ (MG_CORPUS; skipped without it) (examples from migration-guide documents), judged
// the way a PostgreSQL reviewer would, file by file. Each file is linted alone, so every table it
// does not create itself counts as pre-existing (and holding rows).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEEDS as seedsDir } from '../support/corpus.js';
import { lintSql, type LintSqlOptions } from '../support/lint-sql.js';

const SEEDS = seedsDir ?? '';
const PART_A = [
  'require-concurrent-index-drop', 'require-concurrent-reindex', 'concurrently-in-transaction', 'constraint-missing-not-valid',
  'validate-in-same-transaction', 'set-not-null-without-check', 'adding-not-null-column-without-default', 'volatile-default',
  'adding-serial-or-identity-column', 'changing-column-type', 'drop-not-null', 'disallowed-unique-constraint',
  'exclusion-constraint', 'multiple-blocking-alters', 'foreign-key-without-index',
];

async function lintSeed(file: string, opts: LintSqlOptions = {}) {
  const out = await lintSql(readFileSync(path.join(SEEDS, file), 'utf8'), { path: file, ...opts });
  return out.findings.filter((f) => PART_A.includes(f.rule));
}

describe.skipIf(!seedsDir)('seed migrations, as a PostgreSQL reviewer reads them', () => {
  it('never trips an internal error in a part-A rule', async () => {
    for (const file of readdirSync(SEEDS).filter((f) => f.endsWith('.sql'))) {
      for (const f of await lintSeed(file)) expect(f.message, `${file}:${f.line}`).not.toContain('internal error');
    }
  });

  it('000_1 "NOT NULL column with default": the phased add is fine, SET NOT NULL and the CHECK block the table', async () => {
    const found = await lintSeed('000_c222f292f27c7cfe_1.sql');
    // Phase 1, ADD COLUMN ... DEFAULT 'standard', is catalog-only on PostgreSQL 11+.
    expect(found.filter((f) => f.line === 3)).toEqual([]);
    const setNotNull = found.find((f) => f.rule === 'set-not-null-without-check');
    expect(setNotNull).toMatchObject({ line: 39, risk: 'DANGEROUS' });
    expect(setNotNull?.suggestion).toContain('CHECK (customer_tier IS NOT NULL) NOT VALID');
    const check = found.find((f) => f.rule === 'constraint-missing-not-valid');
    expect(check).toMatchObject({ line: 43, risk: 'DANGEROUS' });
    expect(check?.suggestion).toContain("ALTER TABLE customers ADD CONSTRAINT customer_tier_check CHECK (customer_tier IN ('standard', 'gold', 'premium')) NOT VALID;");
    expect(check?.suggestion).toContain('ALTER TABLE customers VALIDATE CONSTRAINT customer_tier_check;');
    // On PostgreSQL 10 the constant default of phase 1 rewrites the table.
    const pg10 = await lintSeed('000_c222f292f27c7cfe_1.sql', { pgVersion: 10 });
    expect(pg10.find((f) => f.rule === 'volatile-default')?.line).toBe(3);
  });

  it('000_2 loyalty program: column constraints on customers scan it; the new tables and their foreign keys are fine', async () => {
    const found = await lintSeed('000_c222f292f27c7cfe_2.sql');
    const scans = found.filter((f) => f.rule === 'constraint-missing-not-valid');
    expect(scans.map((f) => f.line)).toEqual([46, 46]);
    expect(scans[0]?.message).toContain('loyalty_points with CHECK');
    expect(scans[1]?.message).toContain('loyalty_tier_id with REFERENCES');
    expect(scans[1]?.suggestion).toContain('FOREIGN KEY (loyalty_tier_id) REFERENCES loyalty_tiers (tier_id) NOT VALID;');
    // loyalty_transactions.customer_id is covered by idx_loyalty_transactions_customer_date.
    expect(found.filter((f) => f.rule === 'foreign-key-without-index')).toEqual([]);
    expect(found.filter((f) => f.rule === 'adding-not-null-column-without-default' || f.rule === 'volatile-default')).toEqual([]);
  });

  it('001 "progressive migration": CREATE INDEX CONCURRENTLY inside BEGIN fails; the DO block still blocks the table', async () => {
    const found = await lintSeed('001_d6ba92e180413f1f_1.sql');
    expect(found.find((f) => f.rule === 'concurrently-in-transaction')).toMatchObject({ line: 7, risk: 'DANGEROUS' });
    expect(found.find((f) => f.rule === 'set-not-null-without-check')?.line).toBe(52);
    expect(found.find((f) => f.rule === 'constraint-missing-not-valid')?.line).toBe(55);
    // The rollback function's DROP INDEX only runs if someone calls it.
    expect(found.filter((f) => f.rule === 'require-concurrent-index-drop')).toEqual([]);
  });

  it('002_4 "zero-downtime column addition": the closing CHECK "briefly blocking" is a full scan under ACCESS EXCLUSIVE', async () => {
    const found = await lintSeed('002_d391d158aa7f153c_4.sql');
    expect(found.map((f) => f.rule)).toEqual(['constraint-missing-not-valid']);
    const [check] = found;
    expect(check).toMatchObject({ line: 53, risk: 'DANGEROUS' });
    expect(check?.message).toContain('hs.work_orders');
    expect(check?.suggestion).toContain('ALTER TABLE hs.work_orders ADD CONSTRAINT chk_work_orders_priority_score CHECK (priority_score >= 0 AND priority_score <= 100) NOT VALID;');
    expect(check?.suggestion).toContain('ALTER TABLE hs.work_orders VALIDATE CONSTRAINT chk_work_orders_priority_score;');
    // With a stats file showing a small table the lock is brief: CAUTION.
    const small = await lintSeed('002_d391d158aa7f153c_4.sql', { tableStats: { 'hs.work_orders': { rows: 2_000 } } });
    expect(small[0]?.risk).toBe('CAUTION');
  });

  it('002_1 and 002_5: foreign keys to users without an index are worth a note, nothing more', async () => {
    const found = await lintSeed('002_d391d158aa7f153c_1.sql');
    const fks = found.filter((f) => f.rule === 'foreign-key-without-index');
    expect(fks.length).toBeGreaterThan(0);
    expect(fks.every((f) => f.risk === 'CAUTION')).toBe(true);
    expect(fks.some((f) => f.message.includes('migration_mgmt.schema_versions (approved_by) -> user_mgmt.users'))).toBe(true);
    const equipment = await lintSeed('002_d391d158aa7f153c_5.sql');
    // (business_id, customer_id) is indexed by idx_customer_equipment_new_business_customer; customer_id alone is not.
    const cols = equipment.filter((f) => f.rule === 'foreign-key-without-index').map((f) => /\(([^)]*)\) ->/.exec(f.message)?.[1]);
    expect(cols).toContain('customer_id');
    expect(cols).not.toContain('business_id');
  });

  it('002_6: SQL inside string literals is data, not statements', async () => {
    expect(await lintSeed('002_d391d158aa7f153c_6.sql').then((f) => f.filter((x) => x.rule !== 'foreign-key-without-index'))).toEqual([]);
  });

  it('003_2 "safe, repeatable migration": the CHECK added in a DO block still scans users', async () => {
    const found = await lintSeed('003_06be8484076fa167_2.sql');
    expect(found.map((f) => [f.rule, f.line])).toEqual([['constraint-missing-not-valid', 38]]);
    expect(found[0]?.suggestion).toContain("CHECK (timezone ~ '^[A-Za-z_/]+$') NOT VALID;");
  });

  it('003_3 rollback: DROP INDEX without CONCURRENTLY is a CAUTION', async () => {
    const found = await lintSeed('003_06be8484076fa167_3.sql');
    expect(found.find((f) => f.rule === 'require-concurrent-index-drop')).toMatchObject({ line: 11, risk: 'CAUTION' });
  });

  it('004 Prisma examples: new table + foreign key + unique index, and NOT NULL columns with defaults, are safe', async () => {
    expect(await lintSeed('004_5cc622493ef1f24a_1.sql')).toEqual([]);
    expect(await lintSeed('004_5cc622493ef1f24a_2.sql')).toEqual([]);
    expect(await lintSeed('004_5cc622493ef1f24a_3.sql')).toEqual([]);
    // Before PostgreSQL 11 even DEFAULT CURRENT_TIMESTAMP rewrites users and profiles.
    const pg10 = await lintSeed('004_5cc622493ef1f24a_2.sql', { pgVersion: 10 });
    expect(pg10.filter((f) => f.rule === 'volatile-default')).toHaveLength(4);
  });
});
