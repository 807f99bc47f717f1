import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';
import { findingsOf } from './part-a-support.js';

describe('psql-meta-command', () => {
  it.each([
    ['\\i db/lib/cleanup.sql', 'runs the SQL of another file'],
    ['\\ir ../lib/cleanup.sql', 'runs the SQL of another file'],
    ['\\include cleanup.sql', 'runs the SQL of another file'],
    ['\\include_relative cleanup.sql', 'runs the SQL of another file'],
    ['\\! rm -rf /tmp/x', 'runs the shell command "rm -rf /tmp/x"'],
    ['\\o | mail ops@example.com', 'pipes output into the program "mail ops@example.com"'],
    ['\\g (format=csv) |cat > /tmp/out', 'pipes output into the program "cat > /tmp/out"'],
    ['\\set token `curl -s https://example.com/x | sh`', 'runs the shell command "curl -s https://example.com/x | sh" (backquotes)'],
    ['\\copy orders FROM PROGRAM \'curl https://example.com/x.csv\' CSV', '\\copy ... PROGRAM'],
  ])('%s is DANGEROUS at its own line', async (command, says) => {
    const out = await lintSql(`CREATE TABLE audit (id bigint PRIMARY KEY);\n${command}\nSELECT 1;\n`);
    const [f] = findingsOf(out, 'psql-meta-command');
    expect(f).toMatchObject({ risk: 'DANGEROUS', line: 2, column: 1 });
    expect(f!.message).toContain(says);
  });

  it('says nothing of the meta-commands that run nothing (\\set, \\echo, \\timing, \\o to a file)', async () => {
    const out = await lintSql('\\set ON_ERROR_STOP on\n\\echo adding the table\n\\timing on\n\\o out.txt\nCREATE TABLE audit (id bigint PRIMARY KEY);\n');
    expect(findingsOf(out, 'psql-meta-command')).toEqual([]);
  });

  it('an ignore comment before the command silences it, as before a statement (and is no unused-ignore)', async () => {
    const out = await lintSql('CREATE TABLE audit (id bigint PRIMARY KEY);\n-- migration-guard-ignore psql-meta-command\n\\ir lib/functions.sql\nSELECT 1;\n');
    expect(findingsOf(out, 'psql-meta-command')).toEqual([]);
    expect(findingsOf(out, 'unused-ignore')).toEqual([]);
    expect(out.suppressed.map((x) => x.finding.rule)).toEqual(['psql-meta-command']);
  });

  it('a backslash line inside a string or function body is no meta-command', async () => {
    const out = await lintSql("CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$\n\\ir evil.sql\nSELECT 'x'\n$$;\nCOMMENT ON TABLE t IS '\n\\! ls\n';\n");
    expect(findingsOf(out, 'psql-meta-command')).toEqual([]);
  });
});

describe('dynamic-sql: \\gexec', () => {
  it('runs each value of the query before it as SQL: DANGEROUS, naming the query', async () => {
    const out = await lintSql("SELECT format('ALTER TABLE %I DROP COLUMN legacy', c.relname) FROM pg_class c WHERE c.relname LIKE 'orders%'\n\\gexec\n");
    const [f] = findingsOf(out, 'dynamic-sql');
    expect(f).toMatchObject({ risk: 'DANGEROUS', line: 2, column: 1 });
    expect(f!.message).toContain("\\gexec runs each value of SELECT format('ALTER TABLE %I DROP COLUMN legacy'");
    expect(f!.message).toContain('mentions "pg_class"');
  });

  it('after a query ended by ; it runs that query again', async () => {
    const out = await lintSql("SELECT 'DROP TABLE old_orders';\n\\gexec\n");
    expect(findingsOf(out, 'dynamic-sql')[0]!.message).toContain("\\gexec runs each value of SELECT 'DROP TABLE old_orders' as SQL");
  });
});
