// An edited migration is reviewed for what the edit brings. chirpstack's initial migration,
// edited for one password hash, was migration-edited (right) and had every CREATE TABLE of it
// reported again (prefer-text-field, foreign-key-without-index...): statements a database that
// ran the migration never runs again, and one that has not runs as they were.
import { describe, expect, it } from 'vitest';
import { changeReviewer } from './review-change.js';

const reviewChange = changeReviewer();

const INIT = "CREATE TABLE account (id bigint PRIMARY KEY, name varchar(100), owner_id bigint REFERENCES account (id));\nINSERT INTO account (id, name) VALUES (1, 'admin');\n";

describe('an edited migration', () => {
  it('is reviewed for the statements the edit brings, with the edit itself reported', async () => {
    const report = await reviewChange(
      { 'migrations/000001_init.up.sql': INIT, 'migrations/000001_init.down.sql': 'DROP TABLE account;\n' },
      { 'migrations/000001_init.up.sql': INIT.replace("'admin'", "'root'") + 'ALTER TABLE account ADD COLUMN code char(2);\n' },
    );
    const m = report.migrations.find((x) => x.path === 'migrations/000001_init.up.sql')!;
    expect(m.findings.map((f) => `${f.line} ${f.rule}`).sort()).toEqual(['1 migration-edited', '3 ban-char-field']);
    expect(m.notes?.map((n) => n.message).join('\n')).toMatch(/^2 findings on statements this change leaves as the base branch has them are not shown/);
  });

  it('an edit that changes what the unchanged statements run under keeps every finding', async () => {
    const alter = 'ALTER TABLE account ADD CONSTRAINT account_name_check CHECK (name <> \'\');\n';
    const history = { 'migrations/000001_init.up.sql': 'CREATE TABLE account (id bigint PRIMARY KEY, name text);\n', 'migrations/000001_init.down.sql': 'DROP TABLE account;\n' };
    const lockTimeout = async (before: string, after: string) => {
      const report = await reviewChange(
        { ...history, 'migrations/000002_check.up.sql': before, 'migrations/000002_check.down.sql': 'SELECT 1;\n' },
        { 'migrations/000002_check.up.sql': after },
      );
      const m = report.migrations.find((x) => x.path === 'migrations/000002_check.up.sql')!;
      return m.findings.map((f) => f.rule);
    };
    // The SET above the ALTER taken away: the ALTER, as it was, now runs without a lock timeout.
    expect(await lockTimeout(`SET lock_timeout = '5s';\n${alter}`, alter)).toContain('require-lock-timeout');
    // A goose directive taken away in a comment: the same CONCURRENTLY index now runs in a transaction.
    const goose = await reviewChange(
      { 'db/00001_t.sql': '-- +goose Up\nCREATE TABLE t (id bigint PRIMARY KEY);\n', 'db/00002_i.sql': '-- +goose Up\n-- +goose NO TRANSACTION\nCREATE INDEX CONCURRENTLY t_id_idx ON t (id);\n' },
      { 'db/00002_i.sql': '-- +goose Up\nCREATE INDEX CONCURRENTLY t_id_idx ON t (id);\nSELECT 1;\n' },
    );
    const g = goose.migrations.find((x) => x.path === 'db/00002_i.sql')!;
    expect(g.findings.map((f) => f.rule)).toContain('concurrently-in-transaction');
  });

  // supabase/storage's 4f66e94ee1 split one ALTER of 0023-iceberg-catalog-id.sql, a DO block from
  // top to bottom, in two: every renaming-column, require-concurrent-index and SET NOT NULL of the
  // block was reported again, for statements that ran with the migration as they were.
  it('an edited DO block is reviewed for the statements in it the edit brings', async () => {
    const history = { 'migrations/000001_init.up.sql': 'CREATE TABLE catalogs (id text PRIMARY KEY, tenant text);\nCREATE TABLE tables (id bigint PRIMARY KEY, bucket_id text);\n', 'migrations/000001_init.down.sql': 'DROP TABLE tables;\nDROP TABLE catalogs;\n' };
    const block = (addId: string) => `DO $$\nBEGIN\n  ALTER TABLE tables RENAME COLUMN bucket_id TO bucket_name;\n${addId}  CREATE INDEX tables_bucket_idx ON tables (bucket_name);\n  ALTER TABLE tables ADD COLUMN catalog_id text REFERENCES catalogs (id);\nEND\n$$;\n`;
    const before = block("  ALTER TABLE catalogs ADD COLUMN code text;\n");
    const after = block("  ALTER TABLE catalogs ADD COLUMN code text;\n  ALTER TABLE catalogs ADD CONSTRAINT catalogs_code_key UNIQUE (code);\n");
    const report = await reviewChange(
      { ...history, 'migrations/000002_ids.up.sql': before, 'migrations/000002_ids.down.sql': 'SELECT 1;\n' },
      { 'migrations/000002_ids.up.sql': after },
    );
    const m = report.migrations.find((x) => x.path === 'migrations/000002_ids.up.sql')!;
    const rules = m.findings.map((f) => `${f.line} ${f.rule}`);
    expect(rules).toContain('1 migration-edited');
    expect(rules.some((r) => r.startsWith('5 '))).toBe(true);
    // The RENAME (line 3), the CREATE INDEX (line 6) and the foreign key (line 7, a finding of the
    // file's end) are the base branch's, word for word.
    expect(rules.filter((r) => r.startsWith('3 ') || r.startsWith('6 ') || r.startsWith('7 '))).toEqual([]);
    expect(m.notes?.map((n) => n.message).join('\n')).toMatch(/findings? on statements this change leaves as the base branch has them/);
    // A CREATE TABLE added in the block changes what the statements after it run against: every finding stays.
    const table = await reviewChange(
      { ...history, 'migrations/000002_ids.up.sql': before, 'migrations/000002_ids.down.sql': 'SELECT 1;\n' },
      { 'migrations/000002_ids.up.sql': block('  CREATE TABLE extra (id int);\n  ALTER TABLE catalogs ADD COLUMN code text;\n') },
    );
    const t = table.migrations.find((x) => x.path === 'migrations/000002_ids.up.sql')!;
    expect(t.findings.map((f) => f.rule)).toContain('renaming-column');
  });

  it('a Flyway repeatable migration runs again whole: every finding stays', async () => {
    const view = 'CREATE TABLE IF NOT EXISTS t (id int, name varchar(50));\n';
    const report = await reviewChange({ 'db/migration/V1__t.sql': 'CREATE TABLE base (id bigint PRIMARY KEY);\n', 'db/migration/R__t.sql': view }, { 'db/migration/R__t.sql': `${view}CREATE TABLE IF NOT EXISTS u (id bigint PRIMARY KEY);\n` });
    const m = report.migrations.find((x) => x.path === 'db/migration/R__t.sql')!;
    expect(m.findings.map((f) => f.rule)).toContain('prefer-text-field');
  });
});
