// Liquibase runs a `--precondition-sql-check` line's SQL before its changeset, though the line is
// a comment to Postgres: a DELETE in a data-modifying CTE there was never reviewed nor dry-run.
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { memoryRepoFiles } from '../../src/discover/fs-files.js';
import { config } from '../discover/helpers.js';

const BASE = '--liquibase formatted sql\n--changeset a:1\nCREATE TABLE users (id bigint PRIMARY KEY);\n--rollback DROP TABLE users;\n';

async function review(second: string) {
  const files = memoryRepoFiles(new Map([['db/changelog/001-users.sql', BASE], ['db/changelog/002-next.sql', second]]));
  const { report } = await runCheck({ files, config: config(), scope: { kind: 'all' } });
  return { report, m: report.migrations.find((x) => x.path === 'db/changelog/002-next.sql')! };
}

describe('liquibase --precondition-sql-check', () => {
  it('its SQL is reviewed as a statement on its line', async () => {
    const { m } = await review('--liquibase formatted sql\n--changeset a:2\n--preconditions onFail:MARK_RAN\n--precondition-sql-check expectedResult:0 DELETE FROM users\nSELECT 1;\n--rollback SELECT 1;\n');
    expect(m.findings.map((f) => f.rule)).toContain('dml-without-where');
    expect(m.risk).toBe('DANGEROUS');
    expect(m.operations[0]).toMatchObject({ kind: 'DELETE_ROWS', line: 4 });
  });

  it('a precondition that would hide the changeset\'s SQL from the review is a layout-error', async () => {
    const { report } = await review('--liquibase formatted sql\n--changeset a:2\n--preconditions onFail:WARN onError:WARN\n--precondition-sql-check expectedResult:0 SELECT 1 /*\nDROP TABLE users; -- */\n--rollback SELECT 1;\n');
    expect(report.errors.find((e) => e.path === 'db/changelog/002-next.sql' && e.rule === 'layout-error')).toMatchObject({ line: 4, risk: 'DANGEROUS' });
    expect(report.risk).toBe('DANGEROUS');
  });

  it('an ordinary read-only precondition is one more SELECT, not a problem', async () => {
    const { report, m } = await review("--liquibase formatted sql\n--changeset a:2\n--precondition-sql-check expectedResult:0 SELECT count(*) FROM information_schema.tables WHERE table_name = 'orders'\nCREATE TABLE orders (id bigint PRIMARY KEY);\n--rollback DROP TABLE orders;\n");
    expect(report.errors).toEqual([]);
    expect(m.risk).toBe('SAFE');
  });

  it('only sql-check runs SQL (table-exists names a table)', async () => {
    const { report } = await review('--liquibase formatted sql\n--changeset a:2\n--precondition-table-exists table:users\nCREATE TABLE orders (id bigint PRIMARY KEY);\n--rollback DROP TABLE orders;\n');
    expect(report.errors).toEqual([]);
  });
});

describe('liquibase --precondition-sql-check on hostile input', () => {
  it('a 1 MB line of blanks finishes', { timeout: 60_000 }, async () => {
    const { report } = await review(`--liquibase formatted sql\n--changeset a:2\n--precondition-sql-check expectedResult:0 SELECT${' '.repeat(1 << 20)}x \n`);
    expect(report.risk).toMatch(/SAFE|CAUTION|DANGEROUS/);
  });
});
