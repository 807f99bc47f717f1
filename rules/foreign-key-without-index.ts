import type { Rule, RuleHit } from '../src/analyze/rule.js';
import type { AnalysisState } from '../src/analyze/state.js';
import { ident, tableRef } from './_sql-build.js';
import { ownMigrationComment } from './_tx-advice.js';

/** An index serves a foreign-key lookup when its first columns are the key's columns, in any order. */
function covered(indexes: readonly string[][], columns: readonly string[]): boolean {
  return indexes.some((idx) => {
    const lead = idx.slice(0, columns.length);
    return lead.length === columns.length && columns.every((c) => lead.includes(c));
  });
}

/** True when the analyzer saw the table's definition, so it knows all of its indexes. */
function tableKnown(state: Readonly<AnalysisState>, table: string): boolean {
  if (state.newTables.has(table)) return true;
  const prefix = `${table}.`;
  for (const key of state.facts.columnTypes.keys()) if (key.startsWith(prefix)) return true;
  return false;
}

export const rule: Rule = {
  id: 'foreign-key-without-index',
  risk: 'CAUTION',
  title: 'A foreign key without an index on its columns makes deletes and updates of the referenced table scan the referencing table',
  docs: {
    why:
      'PostgreSQL indexes the referenced side of a foreign key (it must be unique) but not the referencing side. Every DELETE of a referenced row, and every UPDATE of its key, has to find the referencing rows: without an index whose first columns are the foreign-key columns that is a sequential scan of the referencing table, under a lock, once per row deleted. ON DELETE CASCADE makes it worse. Indexes created later in the same file count. When the run has not seen the table definition (a file reviewed without its history), its indexes are unknown: the finding says no index is visible in the reviewed files rather than staying silent.',
    instead:
      'Create an index whose leading columns are the foreign-key columns, with CREATE INDEX CONCURRENTLY on an existing table (a plain CREATE INDEX is fine on a table created in the same migration). A partial index does not count.',
    bad: 'CREATE TABLE line_items (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id));',
    good: 'CREATE TABLE line_items (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id));\nCREATE INDEX line_items_order_id_idx ON line_items (order_id);',
    equivalents: { eugene: 'E15' },
  },
  finish(state) {
    const hits: RuleHit[] = [];
    const seen = new Set<string>();
    for (const fk of state.fileForeignKeys ?? []) {
      const key = `${fk.table}|${fk.columns.join(',')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (covered(state.indexedColumns.get(fk.table) ?? [], fk.columns)) continue;
      const bare = fk.table.split('.').slice(1).join('.');
      const name = `${bare}_${fk.columns.join('_')}_idx`.slice(0, 63);
      const isNew = state.newTables.has(fk.table);
      const suggestion = `CREATE INDEX ${isNew ? '' : 'CONCURRENTLY '}${ident(name)} ON ${tableRef(fk.table)} (${fk.columns.map(ident).join(', ')});${isNew ? '' : `  ${ownMigrationComment(state)}`}`;
      if (!tableKnown(state, fk.table)) {
        // The table's history is not in the reviewed files: its indexes are unknown, not absent.
        hits.push({
          position: fk.position,
          message: `foreign key${fk.name ? ` ${fk.name}` : ''} ${fk.table} (${fk.columns.join(', ')})${fk.referencedTable ? ` -> ${fk.referencedTable}` : ''}: no index on ${tableRef(fk.table)}(${fk.columns.join(', ')}) is visible in the reviewed files (the table's history is unknown); without one, each DELETE or key UPDATE on ${fk.referencedTable ?? 'the referenced table'} scans ${fk.table}`,
          suggestion: `-- if no index starts with these columns yet:\n${suggestion}`,
          suggestionRuns: 'after',
        });
        continue;
      }
      hits.push({
        position: fk.position,
        message: `foreign key${fk.name ? ` ${fk.name}` : ''} ${fk.table} (${fk.columns.join(', ')})${fk.referencedTable ? ` -> ${fk.referencedTable}` : ''} has no index starting with its columns: each DELETE or key UPDATE on ${fk.referencedTable ?? 'the referenced table'} scans ${fk.table}`,
        suggestion,
        // As well as the foreign key, after the file: not in place of anything.
        suggestionRuns: 'after',
      });
    }
    return hits;
  },
};

export default rule;
