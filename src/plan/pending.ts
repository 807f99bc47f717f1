// The type a repeated UPDATE batch of the plan compares each set column as, when it picks the
// rows not reached yet (src/analyze/batch-sql.ts): from the migration itself or, for a column
// that existed before it, from the base schema (AnalyzedMigration.columnShapes, read by
// src/verify). See pendingComparison.
import type { Node } from '@pgsql/types';
import { columnTypeSource } from '../analyze/column-type.js';
import { columnShapeKey } from '../core/column-shape.js';
import type { StatementContext } from './context.js';
import { deparse } from './sql.js';

/** The SQL type of `table`'s columns as the statement sees them, when the migration or the base schema tells it. */
export function columnTypesAt(ctx: StatementContext, table: string | undefined): (column: string) => string | undefined {
  return (column) => {
    if (!table) return undefined;
    const source = columnTypeSource(ctx.migration.up.statements, ctx.statement.index, table, column);
    if (!source) return undefined;
    if ('typeName' in source) return deparse({ TypeName: source.typeName } as Node);
    return ctx.migration.columnShapes?.get(columnShapeKey(source.table, source.column))?.type;
  };
}
