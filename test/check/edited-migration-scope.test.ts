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

  it('a Flyway repeatable migration runs again whole: every finding stays', async () => {
    const view = 'CREATE TABLE IF NOT EXISTS t (id int, name varchar(50));\n';
    const report = await reviewChange({ 'db/migration/V1__t.sql': 'CREATE TABLE base (id bigint PRIMARY KEY);\n', 'db/migration/R__t.sql': view }, { 'db/migration/R__t.sql': `${view}CREATE TABLE IF NOT EXISTS u (id bigint PRIMARY KEY);\n` });
    const m = report.migrations.find((x) => x.path === 'db/migration/R__t.sql')!;
    expect(m.findings.map((f) => f.rule)).toContain('prefer-text-field');
  });
});
