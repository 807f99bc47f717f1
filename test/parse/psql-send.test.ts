// psql's \g, \gx, \gset, \gexec and \gdesc send the query buffer: they end the query before
// them as a `;` would, on their own line or at the end of the query's line, so the statements
// after them are parsed and analysed (a DROP COLUMN after \gexec used to go unreported).
import { beforeAll, describe, expect, it } from 'vitest';
import { initParser, parseSource } from '../../src/parse/index.js';
import { lintSql } from '../support/lint-sql.js';

beforeAll(async () => {
  await initParser();
});

describe('psql commands that send the query', () => {
  it.each(['\\g', '\\gx', '\\gset', '\\gset p_', '\\gexec', '\\gdesc'])('%s on its own line ends the query', (cmd) => {
    const text = `SELECT format('ANALYZE %I', relname) FROM pg_class WHERE relkind = 'r'\n${cmd}\nALTER TABLE users DROP COLUMN legacy;\n`;
    const parsed = parseSource({ path: 'db/m.sql', text });
    expect(parsed.errors).toEqual([]);
    expect(parsed.statements.map((s) => s.line)).toEqual([1, 3]);
    expect(parsed.statements[1]!.text).toBe('ALTER TABLE users DROP COLUMN legacy');
    expect(parsed.notes[0]).toMatchObject({ line: 2, column: 1, message: `skipped psql meta-command ${cmd} (it ends the query before it)` });
  });

  it('at the end of the query line too, with positions kept', () => {
    const text = `SELECT 'x' AS v \\gset\nALTER TABLE users DROP COLUMN legacy;\n`;
    const parsed = parseSource({ path: 'db/m.sql', text });
    expect(parsed.errors).toEqual([]);
    expect(parsed.statements.map((s) => [s.line, s.column])).toEqual([[1, 1], [2, 1]]);
    expect(parsed.notes[0]).toMatchObject({ line: 1, column: 17 });
  });

  it('a backslash-g inside a string is left alone', () => {
    const text = `INSERT INTO paths VALUES ('C:\\gexec\\dir');\n`;
    const parsed = parseSource({ path: 'db/m.sql', text });
    expect(parsed.errors).toEqual([]);
    expect(parsed.notes).toEqual([]);
    expect(parsed.statements[0]!.text).toBe(`INSERT INTO paths VALUES ('C:\\gexec\\dir')`);
  });

  it('the DROP COLUMN after \\gexec is reported', async () => {
    const out = await lintSql(`SELECT 'GRANT SELECT ON ' || relname || ' TO reader' FROM pg_class\n\\gexec\nALTER TABLE users DROP COLUMN legacy;\n`, { path: 'db/m.sql' });
    expect(out.findings.map((f) => f.rule)).toContain('ban-drop-column');
  });
});
