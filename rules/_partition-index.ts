// How to build an index on a partitioned table without blocking writes: PostgreSQL has no
// CREATE INDEX CONCURRENTLY for a partitioned table ("cannot create index on partitioned table
// ... concurrently"), so the index is made on the parent alone (ON ONLY, instant, INVALID), built
// concurrently on each partition, and each partition's index attached; the parent's index turns
// valid once every partition has one attached. Shared by require-concurrent-index and
// concurrent-index-partitioned-table.
import type { IndexStmt } from '@pgsql/types';
import { keyColumns } from '../src/analyze/ast.js';
import type { AnalysisState } from '../src/analyze/state.js';
import { ident, tableRef } from '../src/analyze/rule-helpers.js';
import { ownMigrationComment } from './_tx-advice.js';

const shortName = (qualified: string): string => qualified.split('.').pop() ?? qualified;

/** The ON ONLY / per-partition CONCURRENTLY / ATTACH recipe for `idx` on the partitioned `table`. */
export function partitionedIndexRecipe(state: Readonly<AnalysisState>, idx: IndexStmt, table: string, text: string): string {
  const sql = text.trim().replace(/;$/, '');
  const cols = keyColumns(idx.indexParams);
  const parentIndex = idx.idxname ?? `${shortName(table)}_${cols.join('_') || 'expr'}_idx`;
  // Everything after the table name: USING, the columns, INCLUDE, WHERE.
  const rest = /\bON\s+(?:ONLY\s+)?(?:"[^"]+"|[^\s(]+)(?:\.(?:"[^"]+"|[^\s(]+))?\s*([\s\S]*)$/i.exec(sql)?.[1] ?? `(${cols.map(ident).join(', ')})`;
  const unique = idx.unique ? 'UNIQUE ' : '';
  const lines = [
    `CREATE ${unique}INDEX IF NOT EXISTS ${ident(parentIndex)} ON ONLY ${tableRef(table)} ${rest};  -- the parent alone: instant, INVALID until every partition's index is attached`,
  ];
  const parts = state.facts.partitions?.get(table) ?? [];
  for (const part of parts) {
    const child = `${shortName(part)}_${parentIndex}`.slice(0, 63);
    // The comment the verifier reads (core/transaction.ts saysOwnMigration): the recipe runs as a
    // migration of its own, outside a transaction, not in the file's place and transaction.
    lines.push(`CREATE ${unique}INDEX CONCURRENTLY IF NOT EXISTS ${ident(child)} ON ${tableRef(part)} ${rest};  ${ownMigrationComment(state)}`);
    lines.push(`ALTER INDEX ${ident(parentIndex)} ATTACH PARTITION ${ident(child)};`);
  }
  if (parts.length === 0) {
    lines.push(`-- for each partition: CREATE ${unique}INDEX CONCURRENTLY <partition>_${parentIndex} ON <partition> ${rest};  (${ownMigrationComment(state).replace(/^-- /, '')})`);
    lines.push(`-- then: ALTER INDEX ${ident(parentIndex)} ATTACH PARTITION <partition>_${parentIndex};`);
  }
  return lines.join('\n');
}

/** True when the statement targets the partitioned table itself (not `ON ONLY`, which builds nothing). */
export function onPartitionedTable(state: Readonly<AnalysisState>, idx: IndexStmt, table: string | undefined): boolean {
  return !!table && !!state.facts.partitionedTables?.has(table) && idx.relation?.inh === true; // ONLY leaves inh unset
}
