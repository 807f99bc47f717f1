// Where a column's type is decided for a statement: by the migration before it, or by the base
// schema under the name the column had before the migration's renames.
import { describe, expect, it } from 'vitest';
import { columnTypeSource } from '../../src/analyze/column-type.js';
import { typeNameText } from '../../src/analyze/ast.js';
import { initParser, parseSource } from '../../src/parse/index.js';

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
