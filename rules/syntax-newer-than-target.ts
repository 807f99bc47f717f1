import type { AlterTableCmd, Node } from '@pgsql/types';
import { detachesConcurrently, LEAF_NODES, optionOn } from '../src/analyze/ast.js';
import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { executesNow } from './_statement.js';

interface Feature {
  what: string;
  since: number;
}

type Json = Record<string, unknown>;

/** The syntax a node uses that arrived in a given PostgreSQL major version, by node tag. */
function featureOf(tag: string, v: Json): Feature | undefined {
  switch (tag) {
    case 'ReindexStmt': return optionOn(v.params as Node[] | undefined, 'concurrently') ? { what: 'REINDEX ... CONCURRENTLY', since: 12 } : undefined;
    case 'MergeStmt': return { what: 'MERGE', since: 15 };
    case 'CallStmt': return { what: 'CALL', since: 11 };
    case 'CreateFunctionStmt': return v.is_procedure ? { what: 'CREATE PROCEDURE', since: 11 } : undefined;
    case 'CreateTrigStmt': return v.replace ? { what: 'CREATE OR REPLACE TRIGGER', since: 14 } : undefined;
    case 'IndexStmt':
      if (v.nulls_not_distinct) return { what: 'NULLS NOT DISTINCT', since: 15 };
      return Array.isArray(v.indexIncludingParams) && v.indexIncludingParams.length > 0 ? { what: 'CREATE INDEX ... INCLUDE', since: 11 } : undefined;
    case 'ColumnDef': return v.compression ? { what: `COMPRESSION ${String(v.compression)}`, since: 14 } : undefined;
    case 'AlterTableCmd':
      switch (v.subtype) {
        case 'AT_DetachPartition':
          return detachesConcurrently(v as AlterTableCmd) ? { what: 'DETACH PARTITION ... CONCURRENTLY', since: 14 } : undefined;
        case 'AT_DetachPartitionFinalize': return { what: 'DETACH PARTITION ... FINALIZE', since: 14 };
        case 'AT_DropExpression': return { what: 'ALTER COLUMN ... DROP EXPRESSION', since: 13 };
        case 'AT_SetExpression': return { what: 'ALTER COLUMN ... SET EXPRESSION', since: 17 };
        case 'AT_SetCompression': return { what: 'ALTER COLUMN ... SET COMPRESSION', since: 14 };
        case 'AT_AddConstraint':
          return (v.def as { Constraint?: { contype?: string } } | undefined)?.Constraint?.contype === 'CONSTR_NOTNULL'
            ? { what: 'ADD CONSTRAINT ... NOT NULL (a named NOT NULL constraint)', since: 18 } : undefined;
        default: return undefined;
      }
    case 'Constraint':
      if (v.contype === 'CONSTR_GENERATED') {
        return v.generated_kind === 'v'
          ? { what: 'a virtual generated column (GENERATED ALWAYS AS (...) without STORED)', since: 18 }
          : { what: 'GENERATED ALWAYS AS (...) STORED', since: 12 };
      }
      if (v.contype === 'CONSTR_IDENTITY') return { what: 'an identity column (GENERATED ... AS IDENTITY)', since: 10 };
      if (v.nulls_not_distinct) return { what: 'NULLS NOT DISTINCT', since: 15 };
      if (Array.isArray(v.including) && v.including.length > 0) return { what: 'INCLUDE in a constraint', since: 11 };
      return undefined;
    default: return undefined;
  }
}


/** Every feature of the tree newer than `pgVersion`, once each (LEAF_NODES hold none: most of a CREATE or ALTER TABLE's tree). Function bodies are strings: not entered. */
function newerFeatures(ast: unknown, pgVersion: number): Feature[] {
  const found = new Map<string, Feature>();
  // Keys in their own order (for...in over the parser's plain objects), as Object.entries gave
  // them, without an array of pairs per node.
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    for (const key in node) {
      const value = (node as Json)[key];
      if (typeof value !== 'object' || value === null || LEAF_NODES.has(key)) continue;
      if (!Array.isArray(value)) {
        const f = featureOf(key, value as Json);
        if (f && f.since > pgVersion && !found.has(f.what)) found.set(f.what, f);
      }
      visit(value);
    }
  };
  visit(ast);
  return [...found.values()];
}

export const rule: Rule = {
  id: 'syntax-newer-than-target',
  risk: 'DANGEROUS',
  title: 'Syntax the target PostgreSQL version does not have: the migration fails there',
  docs: {
    why:
      'The parser reads the newest PostgreSQL syntax, but the server the migration runs on rejects what arrived after its version, and the migration stops with a syntax error there. Checked against `pgVersion` (CAUTION while it is not set and 16 is assumed; DANGEROUS once the configuration names it): identity columns (10), CREATE PROCEDURE and CALL, INCLUDE in an index or constraint (11), stored generated columns and REINDEX ... CONCURRENTLY (12), ALTER COLUMN ... DROP EXPRESSION (13), DETACH PARTITION ... CONCURRENTLY or FINALIZE, CREATE OR REPLACE TRIGGER and column COMPRESSION (14), MERGE and NULLS NOT DISTINCT (15), ALTER COLUMN ... SET EXPRESSION (17), virtual generated columns (a GENERATED ALWAYS AS without STORED) and named NOT NULL constraints (18).',
    instead:
      'Write what the target version runs (the rule names the version that added the syntax), or raise `pgVersion` if the production server is newer than the configuration says. Before 12, build a replacement index with CREATE INDEX CONCURRENTLY instead of REINDEX CONCURRENTLY; before 14, DETACH PARTITION without CONCURRENTLY under a lock_timeout; before 18, add STORED to a generated column.',
    bad: 'ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (total * 100);',
    good: 'ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (total * 100) STORED;',
    equivalents: { pgfence: 'REINDEX (non-concurrent), Partition operations (version notes)' },
  },
  // Every feature of featureOf sits in one of these statements (function bodies are strings): the
  // rule walks no other statement's tree.
  statements: ['ReindexStmt', 'MergeStmt', 'CallStmt', 'CreateFunctionStmt', 'CreateTrigStmt', 'IndexStmt', 'AlterTableStmt', 'CreateStmt', 'CreateForeignTableStmt'],
  check({ statement, state }) {
    if (!executesNow(statement)) return [];
    // Without pgVersion in the configuration the target is a guess: production may well run
    // the newer server, so the hit asks for the version instead of blocking the merge.
    const assumed = state.pgVersionAssumed === true;
    return newerFeatures(statement.ast, state.pgVersion).map((f): RuleHit => ({
      ...(assumed ? { risk: 'CAUTION' as const } : {}),
      message: assumed
        ? `${f.what} needs PostgreSQL ${f.since} or later; pgVersion is not set, and on ${state.pgVersion} (the default) this statement is a syntax error and the migration fails: set pgVersion to the version production runs`
        : `${f.what} needs PostgreSQL ${f.since} or later; the target is ${state.pgVersion} (pgVersion), where this statement is a syntax error and the migration fails`,
      suggestion: `-- rewrite it without ${f.what}, or set pgVersion to the version production runs if it is ${f.since} or later`,
    }));
  },
};

export default rule;
