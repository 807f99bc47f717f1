// SQL Liquibase runs that Postgres (and so the review) saw as comments: a
// `--precondition-sql-check` line's SQL runs before its changeset, and a `--property` line's
// value replaces `${name}` in the changesets (a value of `1;DROP/**/TABLE/**/users` turned
// `SELECT ${n};` into a DROP that was reviewed as `SELECT n___;`).
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

describe('liquibase --property', () => {
  it('its value is what ${name} becomes in the changeset (a value holding SQL is reviewed)', async () => {
    const { m } = await review('--liquibase formatted sql\n--property name:n value:1;DROP/**/TABLE/**/users\n--changeset a:2\nSELECT ${n};\n--rollback SELECT 1;\n');
    expect(m.findings.map((f) => f.rule)).toContain('ban-drop-table');
    expect(m.risk).toBe('DANGEROUS');
  });

  it('the first definition stays, and a configured placeholder outranks the file', async () => {
    const sql = '--liquibase formatted sql\n--property name:t value:users\n--property name:t value:other\n--changeset a:2\nDROP TABLE ${t};\n--rollback SELECT 1;\n';
    const files = memoryRepoFiles(new Map([['db/changelog/001-users.sql', BASE], ['db/changelog/002-next.sql', sql]]));
    const first = (await runCheck({ files, config: config(), scope: { kind: 'all' } })).report.migrations[1]!;
    expect(first.operations[0]).toMatchObject({ kind: 'DROP_TABLE', table: 'public.users' });
    const configured = (await runCheck({ files, config: config({ placeholders: { t: 'scratch' } }), scope: { kind: 'all' } })).report.migrations[1]!;
    expect(configured.operations[0]).toMatchObject({ kind: 'DROP_TABLE', table: 'public.scratch' });
  });

  it('a 1 MB property line finishes', { timeout: 60_000 }, async () => {
    const { report } = await review(`--liquibase formatted sql\n--property ${'name: '.repeat(1 << 17)}x\n--property a:${' :'.repeat(1 << 18)}\n--changeset a:2\nSELECT 1;\n`);
    expect(report.risk).toMatch(/SAFE|CAUTION|DANGEROUS/);
  });
});
