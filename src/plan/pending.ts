// The condition that picks the rows a repeated UPDATE batch has not reached yet: each set
// column differs from its new value. Postgres converts the new value to the column's type when
// it assigns it (varchar column, numeric value); the comparison must do the same, or it has no
// operator (character varying = numeric) or never sees a row as done. The type comes from the
// migration itself or, for a column that existed before it, from the base schema
// (AnalyzedMigration.columnShapes, read by src/verify).
import type { Node } from '@pgsql/types';
import { columnTypeSource } from '../analyze/column-type.js';
import { columnShapeKey } from '../core/column-shape.js';
import type { StatementContext } from './context.js';
import { deparse, ident } from './sql.js';

// Types without an equality operator (json, xml) or whose `=` is not identity (box compares
// areas): compared by their text, which is exact for two values of the same type.
const NO_IDENTITY_EQUALITY = new Set(['json', 'xml', 'point', 'line', 'lseg', 'box', 'path', 'polygon', 'circle']);

/** The column's type as SQL, when the migration or the base schema tells it. */
export function columnTypeAt(ctx: StatementContext, table: string, column: string): string | undefined {
  const source = columnTypeSource(ctx.migration.up.statements, ctx.statement.index, table, column);
  if (!source) return undefined;
  if ('typeName' in source) return deparse({ TypeName: source.typeName } as Node);
  return ctx.migration.columnShapes?.get(columnShapeKey(source.table, source.column))?.type;
}

function baseName(type: string): string {
  const name = type.replace(/(\[\])+$/, '').replace(/\(.*$/, '').trim();
  return name.slice(name.lastIndexOf('.') + 1).replace(/^"|"$/g, '').toLowerCase();
}

/** `col IS DISTINCT FROM value` (or the row form for several columns), with each value as its column's type when known. */
export function pendingCondition(ctx: StatementContext, table: string | undefined, cols: string[], values: string[]): string {
  const sides = cols.map((c, i) => {
    const type = table ? columnTypeAt(ctx, table, c) : undefined;
    if (!type) return { col: ident(c), value: values[i]! };
    const cast = `CAST(${values[i]} AS ${type})`;
    return NO_IDENTITY_EQUALITY.has(baseName(type)) ? { col: `${ident(c)}::text`, value: `${cast}::text` } : { col: ident(c), value: cast };
  });
  return sides.length === 1
    ? `${sides[0]!.col} IS DISTINCT FROM ${sides[0]!.value}`
    : `(${sides.map((s) => s.col).join(', ')}) IS DISTINCT FROM (${sides.map((s) => s.value).join(', ')})`;
}
