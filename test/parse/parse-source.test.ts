import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedSource } from '../../src/core/types.js';
import { initParser, parseSource, type ParseOptions } from '../../src/parse/index.js';

beforeAll(async () => {
  await initParser();
});

function parse(text: string, opts?: ParseOptions): ParsedSource {
  return parseSource({ path: 'db/m.sql', text }, opts);
}

/** 1-based line/column (in code points) of the n-th occurrence of `needle`, computed independently of the parser. */
function where(text: string, needle: string, nth = 0): { line: number; column: number; offset: number } {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  if (offset === -1) throw new Error(`${needle} not in text`);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
  return { line, column, offset };
}

function kinds(p: ParsedSource): string[] {
  return p.statements.map((s) => Object.keys(s.ast)[0]!);
}

describe('initParser', () => {
  it('is idempotent and safe to call concurrently', async () => {
    await Promise.all([initParser(), initParser(), initParser()]);
    await initParser();
    expect(parse('select 1').statements).toHaveLength(1);
  });
});

describe('statements and positions', () => {
  it('returns statements in order with text, offsets and AST', () => {
    const text = 'CREATE TABLE a (id int);\n\n  ALTER TABLE a ADD COLUMN b text;\nDROP TABLE a';
    const p = parse(text);
    expect(p.errors).toEqual([]);
    expect(kinds(p)).toEqual(['CreateStmt', 'AlterTableStmt', 'DropStmt']);
    expect(p.statements.map((s) => s.index)).toEqual([0, 1, 2]);
    const alter = p.statements[1]!;
    expect(alter.text).toBe('ALTER TABLE a ADD COLUMN b text');
    expect({ line: alter.line, column: alter.column }).toEqual({ line: 3, column: 3 });
    expect(text.slice(alter.start, alter.end)).toBe(alter.text);
    expect(p.statements[2]!.text).toBe('DROP TABLE a');
    expect(p.statements.every((s) => s.path === 'db/m.sql')).toBe(true);
  });

  it('converts UTF-8 byte locations to string offsets and counts columns in characters', () => {
    const text = "COMMENT ON TABLE t IS 'Überprüfung – 日本語 😀';  CREATE INDEX i ON t (a);\n-- naïve\nDROP TABLE ü;";
    const p = parse(text);
    expect(p.errors).toEqual([]);
    const [comment, index, drop] = p.statements;
    expect(comment!.text).toBe("COMMENT ON TABLE t IS 'Überprüfung – 日本語 😀'");
    const idx = where(text, 'CREATE INDEX');
    expect(index!.start).toBe(idx.offset);
    expect({ line: index!.line, column: index!.column }).toEqual({ line: idx.line, column: idx.column });
    // The emoji is two UTF-16 units but one character: the column counts it once.
    expect(index!.column).toBe(idx.offset); // offset is 1 larger than the code point index
    expect(text.slice(index!.start, index!.end)).toBe('CREATE INDEX i ON t (a)');
    expect(drop!.text).toBe('DROP TABLE ü');
    expect(drop!.line).toBe(3);
    expect(drop!.comments).toEqual(['naïve']);
  });

  it('handles CRLF line ends', () => {
    const text = 'CREATE TABLE a (id int);\r\n-- second\r\nALTER TABLE a\r\n  ADD COLUMN b int;\r\n';
    const p = parse(text);
    expect(p.errors).toEqual([]);
    expect(p.statements[1]).toMatchObject({ line: 3, column: 1, text: 'ALTER TABLE a\r\n  ADD COLUMN b int', comments: ['second'] });
  });

  it('attaches the comments between the previous statement and this one', () => {
    const text = [
      '-- migrate:up',
      'CREATE TABLE a (id int); -- trailing on a',
      '/* block',
      '   comment */',
      '--> statement-breakpoint',
      '/* outer /* nested */ still outer */',
      'CREATE TABLE b (id int);',
      '--changeset me:1',
      '--//',
      'SELECT 1;',
      '-- after the last one',
    ].join('\n');
    const p = parse(text);
    expect(p.errors).toEqual([]);
    expect(p.statements.map((s) => s.comments)).toEqual([
      ['migrate:up'],
      ['trailing on a', 'block\n   comment', '> statement-breakpoint', 'outer /* nested */ still outer'],
      ['changeset me:1', '//'],
    ]);
  });

  it('leaves trailing comments out of a last statement without a semicolon', () => {
    const p = parse('SELECT 1;\nSELECT 2\n-- the end\n');
    expect(p.statements[1]!.text).toBe('SELECT 2');
  });

  it('gives no statements and no error for empty, blank and comment-only files', () => {
    for (const text of ['', '   \n\t\r\n', '-- nothing here\n/* nor here */\n', ';;\n;']) {
      const p = parse(text);
      expect(p).toEqual({ path: 'db/m.sql', statements: [], errors: [], notes: [] });
    }
  });
});

describe('errors', () => {
  it('points at Postgres’ error cursor and keeps the statements around it', () => {
    const text = "CREATE TABLE a (id int);\nALTER TABEL a ADD b int;\nCREATE TABLE ü (x text DEFAULT 'é');\nSELECT 1 +;\nDROP TABLE a;";
    const p = parse(text);
    expect(kinds(p)).toEqual(['CreateStmt', 'CreateStmt', 'DropStmt']);
    expect(p.statements[2]).toMatchObject({ text: 'DROP TABLE a', ...pick(where(text, 'DROP TABLE')) });
    const tabel = where(text, 'TABEL');
    const plus = where(text, ';', 3);
    expect(p.errors).toEqual([
      { path: 'db/m.sql', line: tabel.line, column: tabel.column, message: 'syntax error at or near "TABEL"' },
      { path: 'db/m.sql', line: plus.line, column: plus.column, message: 'syntax error at end of input' },
    ]);
  });

  it('maps error cursors through non-ASCII text', () => {
    const text = "SELECT '😀 日本';\nSELECT 'ö', frm;";
    const p = parse(text);
    // Not an error: `frm` is a column alias; make a real one after non-ASCII text on the same line.
    expect(p.errors).toEqual([]);
    const bad = "SELECT '😀 日本' FROM FROM t;";
    const e = parse(bad).errors[0]!;
    expect(e).toMatchObject(pick(where(bad, 'FROM', 1)));
    expect(e.column).toBe(20);
  });

  it('reports a whole-file failure that cannot be split (unterminated string) at its place', () => {
    const text = "CREATE TABLE a (id int);\nINSERT INTO a VALUES ('oops);\nDROP TABLE a;";
    const p = parse(text);
    expect(kinds(p)).toEqual(['CreateStmt']);
    expect(p.errors).toHaveLength(1);
    expect(p.errors[0]!.message).toMatch(/unterminated quoted string/);
    expect(p.errors[0]).toMatchObject(pick(where(text, "'oops")));
  });

  it('does not split at semicolons inside strings, dollar quotes, comments or BEGIN ATOMIC bodies', () => {
    const text = [
      "SELECT 'a;b';",
      '/* ; */ -- ;',
      'CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$ BEGIN PERFORM 1; RETURN 1; END $body$;',
      'CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END;',
      'SELEC 1;',
      'SELECT 3;',
    ].join('\n');
    const p = parse(text);
    expect(p.statements.filter((s) => !s.nestedIn).map((s) => s.text.slice(0, 17))).toEqual([
      "SELECT 'a;b'",
      'CREATE FUNCTION f',
      'CREATE FUNCTION g',
      'SELECT 3',
    ]);
    expect(p.errors).toEqual([{ path: 'db/m.sql', line: 5, column: 1, message: 'syntax error at or near "SELEC"' }]);
  });

  it('finds a missing semicolon between two statements (the crates.io down.sql case)', () => {
    const text = 'ALTER TABLE version_downloads DROP CONSTRAINT version_downloads_pkey\nALTER TABLE version_downloads ADD COLUMN id SERIAL PRIMARY KEY;\n';
    const p = parse(text);
    expect(p.statements).toEqual([]);
    expect(p.errors).toEqual([{ path: 'db/m.sql', line: 2, column: 1, message: 'syntax error at or near "ALTER"' }]);
  });

  it('never throws, even when called before initParser resolved in another module state', () => {
    expect(() => parse('\u0000\uD800 SELECT')).not.toThrow();
  });
});

describe('psql scripts', () => {
  it('blanks meta-commands and notes them, keeping positions', () => {
    const text = "\\c mosip_master\n\\set ON_ERROR_STOP 1\nCREATE TABLE a (id int);\n  \\ir ../ddl/x.sql\n\\echo 'done'\nDROP TABLE a;\n";
    const p = parse(text);
    expect(p.errors).toEqual([]);
    expect(p.statements.map((s) => [s.text, s.line])).toEqual([
      ['CREATE TABLE a (id int)', 3],
      ['DROP TABLE a', 6],
    ]);
    expect(p.notes).toEqual([
      { path: 'db/m.sql', line: 1, column: 1, message: 'skipped psql meta-command \\c mosip_master' },
      { path: 'db/m.sql', line: 2, column: 1, message: 'skipped psql meta-command \\set ON_ERROR_STOP 1' },
      { path: 'db/m.sql', line: 4, column: 3, message: 'skipped psql meta-command \\ir ../ddl/x.sql' },
      { path: 'db/m.sql', line: 5, column: 1, message: "skipped psql meta-command \\echo 'done'" },
    ]);
  });

  it('leaves backslash lines inside strings and dollar quotes alone', () => {
    const text = "\\c db\nSELECT $$\n\\not a command\n$$;\nSELECT E'\n\\n';";
    const p = parse(text);
    expect(p.errors).toEqual([]);
    expect(p.statements[0]!.text).toBe('SELECT $$\n\\not a command\n$$');
    expect(p.notes).toHaveLength(1);
  });

  it('fills psql variables with same-length stand-ins', () => {
    const text = "\\c db\nCREATE ROLE u LOGIN PASSWORD :pwd;\nDELETE FROM w WHERE lang != :'lang' AND a[1:2] = b::int;";
    const p = parse(text);
    expect(p.errors).toEqual([]);
    expect(p.statements[0]!.text).toBe("CREATE ROLE u LOGIN PASSWORD 'pw'");
    expect(p.statements[1]!.text).toBe("DELETE FROM w WHERE lang != 'lang'  AND a[1:2] = b::int");
    expect(p.notes.map((n) => n.message)).toEqual([
      'skipped psql meta-command \\c db',
      "psql variable :pwd is not set here; parsed as 'pw'",
      "psql variable :'lang' is not set here; parsed as 'lang'",
    ]);
  });
});

describe('placeholders', () => {
  it('substitutes unconfigured ${name} with a same-length identifier and notes each name once', () => {
    const text = 'CREATE TABLE ${tableName} (a int);\nALTER TABLE ${tableName} ADD b int;\nGRANT SELECT ON t TO ${DB.user};';
    const p = parse(text);
    expect(p.errors).toEqual([]);
    expect(p.statements.map((s) => s.text)).toEqual([
      'CREATE TABLE tablename___ (a int)',
      'ALTER TABLE tablename___ ADD b int',
      'GRANT SELECT ON t TO db_user___',
    ]);
    expect(p.notes).toEqual([
      { path: 'db/m.sql', line: 1, column: 14, message: 'placeholder ${tableName} is not configured; parsed as the identifier tablename' },
      { path: 'db/m.sql', line: 3, column: 22, message: 'placeholder ${DB.user} is not configured; parsed as the identifier db_user' },
    ]);
  });

  it('uses configured values and keeps positions in the original file', () => {
    const text = 'CREATE TABLE ${t} (a int); CREATE INDEX i ON ${t} (a);\nDROP TABLE ${t} CASCADE;';
    const p = parse(text, { placeholders: { t: 'public.orders_archive' } });
    expect(p.errors).toEqual([]);
    expect(p.notes).toEqual([]);
    expect(p.statements.map((s) => s.text)).toEqual([
      'CREATE TABLE public.orders_archive (a int)',
      'CREATE INDEX i ON public.orders_archive (a)',
      'DROP TABLE public.orders_archive CASCADE',
    ]);
    const idx = where(text, 'CREATE INDEX');
    expect(p.statements[1]).toMatchObject({ line: 1, column: idx.column, start: idx.offset });
    expect(text.slice(p.statements[1]!.start, p.statements[1]!.end)).toBe('CREATE INDEX i ON ${t} (a)');
    expect(p.statements[2]).toMatchObject({ line: 2, column: 1 });
    const err = parse('SELECT ${t} FROM FROM x;', { placeholders: { t: 'a_much_longer_column_name' } }).errors[0]!;
    expect(err.column).toBe(18);
  });

  it('Go template actions (pop renders each file as a template): a name is a placeholder, control actions are blank, positions stay', () => {
    const text = [
      'CREATE TABLE {{ index .Options "Namespace" }}.flows (id uuid);',
      '{{ if .Options.Extra }}CREATE INDEX flows_id ON {{index .Options "Namespace" }}.flows (id);{{ end }}',
      "COMMENT ON TABLE {{ .Options.Namespace }}.flows IS 'x';",
    ].join('\n');
    // Without the flag `{{` is not SQL: the file does not parse.
    expect(parse(text).errors.length).toBeGreaterThan(0);
    const p = parse(text, { goTemplates: true });
    expect(p.errors).toEqual([]);
    expect(p.statements.map((s) => s.text.replace(/\s+/g, ' '))).toEqual([
      'CREATE TABLE namespace___.flows (id uuid)',
      'CREATE INDEX flows_id ON namespace___.flows (id)',
      "COMMENT ON TABLE namespace___.flows IS 'x'",
    ]);
    expect(p.statements[1]).toMatchObject({ line: 2, column: where(text, 'CREATE INDEX').column });
    expect(p.statements[2]).toMatchObject({ line: 3, column: 1 });
    // One note per action as written (the second `{{index ...}}` is the first one again).
    expect(p.notes.map((n) => [n.line, n.message])).toEqual([
      [1, 'Go template {{ index .Options "Namespace" }} is not configured; parsed as the identifier namespace'],
      [3, 'Go template {{ .Options.Namespace }} is not configured; parsed as the identifier namespace'],
    ]);
    const configured = parse(text, { goTemplates: true, placeholders: { Namespace: 'auth' } });
    expect(configured.statements[0]!.text).toBe('CREATE TABLE auth.flows (id uuid)');
    expect(configured.notes).toEqual([]);
  });
});

describe('PL/pgSQL bodies', () => {
  const doBlock = [
    'CREATE TABLE t (a int);',
    'DO $$',
    'DECLARE v int;',
    'BEGIN',
    '  SELECT a INTO v FROM t;',
    '  IF v IS NULL THEN',
    '    ALTER TABLE t ADD COLUMN b int NOT NULL;',
    '  END IF;',
    "  EXECUTE 'CREATE INDEX t_a ON t (a)';",
    "  EXECUTE 'DROP TABLE ' || quote_ident('x');",
    "  EXECUTE format('DROP TABLE %I', v);",
    'END $$;',
    'SELECT 1;',
  ].join('\n');

  it('returns static SQL in a DO block right after it, with file positions', () => {
    const p = parse(doBlock);
    expect(p.errors).toEqual([]);
    expect(p.statements.map((s) => [s.index, Object.keys(s.ast)[0], s.nestedIn])).toEqual([
      [0, 'CreateStmt', undefined],
      [1, 'DoStmt', undefined],
      [2, 'SelectStmt', { statement: 1, kind: 'do-block' }],
      [3, 'AlterTableStmt', { statement: 1, kind: 'do-block' }],
      [4, 'IndexStmt', { statement: 1, kind: 'do-block' }],
      [5, 'SelectStmt', undefined],
    ]);
    const alter = p.statements[3]!;
    expect(alter.text).toBe('ALTER TABLE t ADD COLUMN b int NOT NULL');
    expect(alter).toMatchObject(pick(where(doBlock, 'ALTER TABLE')));
    expect(doBlock.slice(alter.start, alter.end)).toBe(alter.text);
    const index = p.statements[4]!;
    expect(index.text).toBe('CREATE INDEX t_a ON t (a)');
    expect(index).toMatchObject(pick(where(doBlock, 'CREATE INDEX')));
  });

  it('looks into plpgsql functions and procedures, and SQL-language ones written as a string', () => {
    const text = [
      'CREATE OR REPLACE FUNCTION f(id t.a%TYPE) RETURNS void AS $fn$',
      'BEGIN',
      '  UPDATE t SET a = 1 WHERE a = id; DELETE FROM t;',
      '  RETURN;',
      'END $fn$ LANGUAGE plpgsql;',
      "CREATE PROCEDURE p() LANGUAGE plpgsql AS 'BEGIN TRUNCATE t; END';",
      'CREATE FUNCTION s() RETURNS int LANGUAGE sql AS $$ DELETE FROM t RETURNING 1 $$;',
    ].join('\n');
    const p = parse(text);
    expect(p.errors).toEqual([]);
    expect(p.notes).toEqual([]);
    expect(p.statements.map((s) => [Object.keys(s.ast)[0], s.nestedIn?.statement, s.nestedIn?.kind])).toEqual([
      ['CreateFunctionStmt', undefined, undefined],
      ['UpdateStmt', 0, 'function-body'],
      ['DeleteStmt', 0, 'function-body'],
      ['CreateFunctionStmt', undefined, undefined],
      ['TruncateStmt', 3, 'function-body'],
      ['CreateFunctionStmt', undefined, undefined],
      ['DeleteStmt', 5, 'function-body'],
    ]);
    expect(p.statements[2]).toMatchObject({ text: 'DELETE FROM t', ...pick(where(text, 'DELETE FROM t')) });
    expect(p.statements[4]).toMatchObject({ text: 'TRUNCATE t', ...pick(where(text, 'TRUNCATE')) });
    expect(p.statements[6]).toMatchObject({ text: 'DELETE FROM t RETURNING 1', ...pick(where(text, 'DELETE FROM t RETURNING')) });
  });

  it('notes a body it cannot parse and keeps going', () => {
    const text = 'DO $$ BEGIN IF THEN END IF; END $$;\nSELECT 1;';
    const p = parse(text);
    expect(p.errors).toEqual([]);
    expect(kinds(p)).toEqual(['DoStmt', 'SelectStmt']);
    expect(p.notes).toHaveLength(1);
    expect(p.notes[0]).toMatchObject({ line: 1, column: 1 });
    expect(p.notes[0]!.message).toMatch(/^did not look inside the PL\/pgSQL DO block: /);
  });

  it('ignores DO blocks in other languages', () => {
    const p = parse("DO LANGUAGE plperl $$ my $x = 'ALTER TABLE t DROP a'; $$;");
    expect(p.statements).toHaveLength(1);
    expect(p.notes).toEqual([]);
  });
});

function pick(w: { line: number; column: number }): { line: number; column: number } {
  return { line: w.line, column: w.column };
}

describe('pathological input', () => {
  it('refuses comments nested absurdly deep instead of spending minutes in the lexer', () => {
    const text = `SELECT 1;\n/*${'/*'.repeat(20_000)} x ${'*/'.repeat(20_000)}*/ SELECT 2;`;
    const p = parse(text);
    expect(p.statements).toEqual([]);
    expect(p.errors).toEqual([{ path: 'db/m.sql', line: 2, column: 20_001, message: 'comments nested more than 10000 levels deep; the file is not parsed' }]);
    // Ordinary nesting is fine.
    expect(parse('/* a /* b /* c */ */ */ SELECT 1;').statements).toHaveLength(1);
  });

  it('reports Postgres’ own limits (5000 and 20000 nested parentheses) as errors or statements, never exceptions', () => {
    expect(parse(`SELECT ${'('.repeat(5000)}1${')'.repeat(5000)};`).statements).toHaveLength(1);
    const deep = parse(`SELECT 1;\nSELECT ${'('.repeat(20_000)}1${')'.repeat(20_000)};\nSELECT 3;`);
    expect(deep.statements.map((s) => s.text)).toEqual(['SELECT 1', 'SELECT 3']);
    expect(deep.errors).toHaveLength(1);
    expect(deep.errors[0]).toMatchObject({ line: 2, message: 'memory exhausted at or near "("' });
  });

  it('keeps error messages on one line and short, even for a huge unterminated literal', () => {
    const p = parse(`SELECT 1;\nSELECT $q$${'line\n'.repeat(100_000)}`);
    expect(p.statements).toHaveLength(1);
    expect(p.errors).toHaveLength(1);
    expect(p.errors[0]!.message).not.toMatch(/\n/);
    expect(p.errors[0]!.message.length).toBeLessThan(220);
    expect(p.errors[0]).toMatchObject({ line: 2, column: 8 });
  });

  it('treats a leading byte order mark as a space', () => {
    expect(parse('\uFEFFSELECT 1;')).toMatchObject({ errors: [], statements: [{ text: 'SELECT 1', column: 2 }] });
  });

  it('replaces NUL characters and lone surrogates without moving anything', () => {
    const p = parse("SELECT 1;\u0000\nSELECT '\uD800';");
    expect(p.statements.map((s) => s.line)).toEqual([1, 2]);
    expect(p.notes.map((n) => n.message)).toEqual(['replaced NUL characters with spaces']);
  });

  it('recovers around several errors and a semicolon inside a failing function body', () => {
    const text = [
      'SELEC 1;',
      'SELECT 2;',
      "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$ VOLATILE VOLATILE BROKEN;",
      'SELECT 4;',
      "INSERT INTO a VALUES ('x;y' oops);",
      'SELECT 6;',
    ].join('\n');
    const p = parse(text);
    expect(p.statements.filter((s) => !s.nestedIn).map((s) => s.text)).toEqual(['SELECT 2', 'SELECT 4', 'SELECT 6']);
    expect(p.errors.map((e) => [e.line, e.column])).toEqual([
      [1, 1],
      [3, 97],
      [5, 29],
    ]);
  });
});

describe('parser failures without a place', () => {
  it('reports a statement the parser itself fails on (stack overflow) and keeps the others', () => {
    const text = `SELECT 1;\nSELECT ${Array(20_000).fill('1').join('+')};\nSELECT 3;\nSELECT 4;`;
    const p = parse(text);
    expect(p.statements.map((s) => s.text)).toEqual(['SELECT 1', 'SELECT 3', 'SELECT 4']);
    expect(p.errors).toHaveLength(1);
    expect(p.errors[0]).toMatchObject({ line: 2, column: 1 });
    expect(p.errors[0]!.message).toMatch(/^the SQL parser failed on this statement: /);
  });
});
