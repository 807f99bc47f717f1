import type { CreateStmt, DropStmt, IndexStmt } from '@pgsql/types';
import { nodeTag } from '../src/analyze/ast.js';
import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { alterCmds } from '../src/analyze/rule-helpers.js';
import { executesNow } from './_statement.js';

const CREATES: Record<string, string> = { CreateSchemaStmt: 'CREATE SCHEMA', CreateSeqStmt: 'CREATE SEQUENCE', CreateExtensionStmt: 'CREATE EXTENSION' };

/** What the statement creates or drops without IF [NOT] EXISTS, or undefined when it is re-runnable. */
function fragile(statement: Parameters<NonNullable<Rule['check']>>[0]['statement']): string[] {
  const [tag, v] = nodeTag(statement.ast) ?? ['', {}];
  switch (tag) {
    case 'CreateStmt': return (v as CreateStmt).if_not_exists ? [] : ['CREATE TABLE without IF NOT EXISTS'];
    case 'IndexStmt': return (v as IndexStmt).if_not_exists ? [] : [`CREATE INDEX${(v as IndexStmt).concurrent ? ' CONCURRENTLY' : ''} without IF NOT EXISTS`];
    case 'CreateSchemaStmt': case 'CreateSeqStmt': case 'CreateExtensionStmt':
      return v.if_not_exists ? [] : [`${CREATES[tag]} without IF NOT EXISTS`];
    case 'DropStmt': return (v as DropStmt).missing_ok ? [] : ['DROP without IF EXISTS'];
    case 'AlterTableStmt':
      return alterCmds(statement).flatMap((c) => {
        if (c.missing_ok) return [];
        if (c.subtype === 'AT_AddColumn') return ['ADD COLUMN without IF NOT EXISTS'];
        if (c.subtype === 'AT_DropColumn') return ['DROP COLUMN without IF EXISTS'];
        if (c.subtype === 'AT_DropConstraint') return ['DROP CONSTRAINT without IF EXISTS'];
        return [];
      });
    default: return [];
  }
}

export const rule: Rule = {
  id: 'prefer-robust-stmts',
  risk: 'SAFE',
  title: 'Outside a transaction, statements without IF [NOT] EXISTS make a half-applied migration impossible to re-run',
  enabledByDefault: false,
  presets: ['squawk'],
  docs: {
    why:
      'A migration that runs outside a transaction block (CREATE INDEX CONCURRENTLY needs that) and fails half-way leaves its first statements applied. Running it again then fails at the first CREATE or ADD COLUMN that already happened, or the first DROP of what is already gone, and someone has to finish it by hand.',
    policy: 'Off by default: inside a transaction a failed migration rolls back entirely, and most runners record which migrations completed; turn it on (or use `preset: squawk`) if your migrations must be re-runnable.',
    instead: 'Write CREATE ... IF NOT EXISTS, ADD COLUMN IF NOT EXISTS, DROP ... IF EXISTS. A failed CREATE INDEX CONCURRENTLY leaves an INVALID index behind: drop it (DROP INDEX CONCURRENTLY IF EXISTS) before building it again.',
    bad: 'CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);',
    good: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_at_idx ON orders (created_at);',
    equivalents: { squawk: 'prefer-robust-stmts', pgfence: 'Prefer robust DDL statements' },
  },
  check({ statement, state }) {
    if (!executesNow(statement) || state.tx.active) return [];
    return fragile(statement).map((what): RuleHit => ({
      message: `${what}: outside a transaction a failed run leaves it applied, and running the migration again then fails here`,
      suggestion: what.includes('NOT EXISTS') ? 'add IF NOT EXISTS' : 'add IF EXISTS',
    }));
  },
};

export default rule;
