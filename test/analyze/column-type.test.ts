// Where a column's type is decided for a statement: by the migration before it, or by the base
// schema under the name the column had before the migration's renames.
import { describe, expect, it } from 'vitest';
import { columnTypeSource } from '../../src/analyze/column-type.js';
import { typeNameText } from '../../src/analyze/ast.js';
import { initParser, parseSource } from '../../src/parse/index.js';
import { analyzeSource } from '../../src/analyze/analyze.js';
import { beginFile, newRunState } from '../../src/analyze/track.js';
import { columnTypeIn } from '../../rules/_backfill-sql.js';

async function sourceAt(sql: string, table: string, column: string) {
  await initParser();
  const parsed = parseSource({ path: 'm.sql', text: sql });
  const last = parsed.statements.filter((s) => !s.nestedIn).at(-1)!;
  const source = columnTypeSource(parsed.statements, last.index, table, column);
  return source && 'typeName' in source ? typeNameText(source.typeName) : source;
}

describe('columnTypeSource', () => {
  it('follows column and table renames back to the base', async () => {
    const sql = 'ALTER TABLE a RENAME TO b;\nALTER TABLE b RENAME COLUMN x TO y;\nUPDATE b SET y = 1;';
    expect(await sourceAt(sql, 'public.b', 'y')).toEqual({ table: 'public.a', column: 'x' });
    expect(await sourceAt('UPDATE s.t SET c = 1;', 's.t', 'c')).toEqual({ table: 's.t', column: 'c' });
  });

  it('takes the type the migration gives: ADD COLUMN (a serial as its integer type), ALTER TYPE, CREATE TABLE', async () => {
    expect(await sourceAt('ALTER TABLE t ADD COLUMN c varchar(20);\nUPDATE t SET c = 1;', 'public.t', 'c')).toBe('varchar(20)');
    expect(await sourceAt('ALTER TABLE t ADD COLUMN n bigserial;\nUPDATE t SET n = 1;', 'public.t', 'n')).toBe('bigint');
    expect(await sourceAt('ALTER TABLE t ALTER COLUMN c TYPE numeric(10,2), ADD COLUMN d int;\nUPDATE t SET c = 1;', 'public.t', 'c')).toBe('numeric(10,2)');
    expect(await sourceAt('CREATE TABLE t (c jsonb);\nUPDATE t SET c = 1;', 'public.t', 'c')).toBe('jsonb');
  });

  it('knows nothing of a column dropped before the statement', async () => {
    expect(await sourceAt('ALTER TABLE t DROP COLUMN c;\nUPDATE t SET c = 1;', 'public.t', 'c')).toBeUndefined();
  });
});

describe('column types the analysis keeps for batched UPDATEs', () => {
  it('follows the history: a serial as its integer type, renamed tables and columns, dropped columns', async () => {
    await initParser();
    const state = newRunState({ pgVersion: 16 });
    const sql = 'CREATE TABLE a (id bigserial, x numeric(19,4), "Mood" varchar(20), gone text);\nALTER TABLE a RENAME TO b;\nALTER TABLE b RENAME COLUMN x TO y;\nALTER TABLE b DROP COLUMN gone;';
    beginFile(state, 'h.sql', 'none', true);
    analyzeSource(parseSource({ path: 'h.sql', text: sql }), sql, state, []);
    const typeOf = columnTypeIn(state.facts, 'public.b');
    expect([typeOf('id'), typeOf('y'), typeOf('Mood'), typeOf('gone')]).toEqual(['bigint', 'numeric(19, 4)', 'varchar(20)', undefined]);
    expect(columnTypeIn(state.facts, 'public.a')('id')).toBeUndefined();
    expect(state.facts.columnTypes.has('public.b.gone')).toBe(false);
  });
});

