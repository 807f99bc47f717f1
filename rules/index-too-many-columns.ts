import type { IndexStmt, Node } from '@pgsql/types';
import { as, keyColumns } from '../src/analyze/ast.js';
import type { Rule } from '../src/analyze/rule.js';
import { sqlOf, stmtNode } from '../src/analyze/rule-helpers.js';
import { executesNow } from './_statement.js';

/** More key columns than this in a non-unique index is advice territory. */
const MAX_COLUMNS = 3;

export const rule: Rule = {
  id: 'index-too-many-columns',
  risk: 'SAFE',
  title: 'A non-unique index with more than three key columns rarely pays for itself',
  docs: {
    why:
      'A B-tree index is used from its leading columns: a query that filters on the first one or two already gets most of the benefit, and the columns after the third seldom narrow the search further. Each extra column still makes the index larger (more to keep in memory, slower to build) and adds work to every INSERT and to every UPDATE of any of its columns (an UPDATE of an indexed column also rules out HOT updates). A unique index is different: its columns define what must be unique, so all of them are needed. This is advice (SAFE).',
    policy: 'On by default, at SAFE: it never fails a build (the default failOn is DANGEROUS). strong_migrations raises the same best practice.',
    instead:
      'Index the two or three most selective columns that queries filter on, and check with EXPLAIN that the wider index is used before adding it. To answer a query from the index alone, put the extra columns in INCLUDE (they are stored but not sorted on).',
    bad: 'CREATE INDEX CONCURRENTLY orders_search_idx ON orders (customer_id, status, created_at, region);',
    good: 'CREATE INDEX CONCURRENTLY orders_search_idx ON orders (customer_id, status, created_at) INCLUDE (region);',
    equivalents: { strongMigrations: 'add_index_columns' },
  },
  statements: ['IndexStmt'],
  check({ statement }) {
    const index = stmtNode<IndexStmt>(statement, 'IndexStmt');
    if (!index || !executesNow(statement) || index.unique || (index.indexParams ?? []).length <= MAX_COLUMNS) return [];
    const params = index.indexParams ?? [];
    const names = keyColumns(params);
    // The extra plain columns can move to INCLUDE (expressions cannot).
    const rest = params.slice(MAX_COLUMNS);
    const movable = rest.every((p) => !!as<{ name?: string }>(p, 'IndexElem')?.name);
    const narrowed = movable
      ? sqlOf({ IndexStmt: { ...index, indexParams: params.slice(0, MAX_COLUMNS), indexIncludingParams: [...(index.indexIncludingParams ?? []), ...rest] } } as Node)
      : undefined;
    return [{
      message: `non-unique index ${index.idxname ? `${index.idxname} ` : ''}has ${params.length} key columns (${names.join(', ')}): the columns after the third seldom narrow a search, and each one makes the index larger and every write to the table slower`,
      suggestion: narrowed
        ? `-- keep the leading columns queries filter on (reorder if others are more selective); carry the rest for index-only scans:\n${narrowed};`
        : 'keep the two or three leading columns queries filter on',
    }];
  },
};

export default rule;
