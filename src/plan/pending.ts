// The condition that picks the rows a repeated UPDATE batch of the plan has not reached yet,
// with each new value cast to its column's type: from the migration itself or, for a column
// that existed before it, from the base schema (AnalyzedMigration.columnShapes, read by
// src/verify). See pendingComparison.
import type { Node } from '@pgsql/types';
import { columnTypeSource, isUntypedLiteral, pendingComparison } from '../analyze/column-type.js';
import { columnShapeKey } from '../core/column-shape.js';
import type { StatementContext } from './context.js';
import { deparse, ident } from './sql.js';

/** The column's type as SQL, when the migration or the base schema tells it. */
function columnTypeAt(ctx: StatementContext, table: string, column: string): string | undefined {
  const source = columnTypeSource(ctx.migration.up.statements, ctx.statement.index, table, column);
  if (!source) return undefined;
  if ('typeName' in source) return deparse({ TypeName: source.typeName } as Node);
  return ctx.migration.columnShapes?.get(columnShapeKey(source.table, source.column))?.type;
}

/** `col IS DISTINCT FROM value` (or the row form for several columns), each value as its column's type when known. */
export function pendingCondition(ctx: StatementContext, table: string | undefined, cols: string[], values: Node[]): string {
  return pendingComparison(cols.map((c, i) => ({ column: ident(c), value: deparse(values[i]!), type: table ? columnTypeAt(ctx, table, c) : undefined, untyped: isUntypedLiteral(values[i]) })));
}
