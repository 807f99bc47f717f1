import type { CreateStmt, DropStmt, IndexStmt } from '@pgsql/types';
import { nodeTag } from '../src/analyze/ast.js';
import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { alterCmds, stmtTag } from '../src/analyze/rule-helpers.js';
import { executesNow } from './_statement.js';

const CREATES: Record<string, string> = { CreateSchemaStmt: 'CREATE SCHEMA', CreateSeqStmt: 'CREATE SEQUENCE', CreateExtensionStmt: 'CREATE EXTENSION' };

type Check = Parameters<NonNullable<Rule['check']>>[0];

/**
 * Whether `ADD CONSTRAINT name` on `table` is re-runnable: only when a DROP CONSTRAINT IF EXISTS
 * of that name ran before it, and no other ADD of the name came in between (each drop guards
 * one add).
 */
function guardedAdd(state: Check['state'], statement: Check['statement'], table: string | undefined, name: string): boolean {
  let guarded = false;
  for (const step of state.earlierInFile ?? []) {
    if (step.statement === statement) break;
    step.operations.forEach((op, i) => {
      const cmd = alterCmds(step.statement)[i];
      if (!cmd || op.table !== table) return;
      if (cmd.subtype === 'AT_DropConstraint' && cmd.name === name && cmd.missing_ok) guarded = true;
      const added = (cmd.def as { Constraint?: { conname?: string } } | undefined)?.Constraint?.conname;
      if (cmd.subtype === 'AT_AddConstraint' && added === name) guarded = false;
    });
  }
  return guarded;
}

/**
 * Whether the file builds `index` before this statement. ADD CONSTRAINT ... USING INDEX renames
 * the index to the constraint's name, and DROP CONSTRAINT drops it with the constraint: on a
 * second run the index named in USING INDEX is gone, unless the file builds it again first.
 */
function buildsIndexEarlier(state: Check['state'], statement: Check['statement'], index: string): boolean {
  for (const step of state.earlierInFile ?? []) {
    if (step.statement === statement) break;
    const [tag, v] = nodeTag(step.statement.ast) ?? ['', {}];
    if (tag === 'IndexStmt' && (v as IndexStmt).idxname === index) return true;
  }
  return false;
}

/** What the statement creates or drops without IF [NOT] EXISTS, or undefined when it is re-runnable. */
function fragile(statement: Check['statement'], operations: Check['operations'], state: Check['state']): string[] {
  const [tag, v] = nodeTag(statement.ast) ?? ['', {}];
  switch (tag) {
    case 'CreateStmt': {
      const create = v as CreateStmt;
      // A temporary table dropped at commit is gone before the migration could run again.
      if (create.if_not_exists || (create.relation?.relpersistence === 't' && create.oncommit === 'ONCOMMIT_DROP')) return [];
      return ['CREATE TABLE without IF NOT EXISTS'];
    }
    // An unnamed index gets a fresh name on every run (and IF NOT EXISTS needs a name).
    case 'IndexStmt': return (v as IndexStmt).if_not_exists || !(v as IndexStmt).idxname ? [] : [`CREATE INDEX${(v as IndexStmt).concurrent ? ' CONCURRENTLY' : ''} without IF NOT EXISTS`];
    case 'CreateSchemaStmt': case 'CreateSeqStmt': case 'CreateExtensionStmt':
      return v.if_not_exists ? [] : [`${CREATES[tag]} without IF NOT EXISTS`];
    case 'DropStmt': return (v as DropStmt).missing_ok ? [] : ['DROP without IF EXISTS'];
    case 'AlterTableStmt':
      return alterCmds(statement).flatMap((c, i) => {
        // A named constraint added twice fails ("already exists"); an unnamed one gets a new name.
        const constraint = (c.def as { Constraint?: { conname?: string; indexname?: string } } | undefined)?.Constraint;
        const conname = constraint?.conname;
        if (c.subtype === 'AT_AddConstraint' && conname && !guardedAdd(state, statement, operations[i]?.table, conname)) {
          return [`ADD CONSTRAINT ${conname} without a DROP CONSTRAINT IF EXISTS before it`];
        }
        // Unnamed, the constraint keeps the index: a second run finds it already attached.
        if (c.subtype === 'AT_AddConstraint' && constraint?.indexname && (!conname || !buildsIndexEarlier(state, statement, constraint.indexname))) {
          return [conname ? `ADD CONSTRAINT ${conname} USING INDEX ${constraint.indexname} without building that index earlier in the file` : `ADD ... USING INDEX ${constraint.indexname} without a constraint name`];
        }
        if (c.subtype === 'AT_AttachPartition') return ['ATTACH PARTITION'];
        if (c.subtype === 'AT_DetachPartition') return ['DETACH PARTITION'];
        if (c.missing_ok) return [];
        if (c.subtype === 'AT_AddColumn') return ['ADD COLUMN without IF NOT EXISTS'];
        if (c.subtype === 'AT_DropColumn') return ['DROP COLUMN without IF EXISTS'];
        if (c.subtype === 'AT_DropConstraint') return ['DROP CONSTRAINT without IF EXISTS'];
        return [];
      });
    case 'RenameStmt': {
      // ALTER TABLE IF EXISTS old RENAME TO new skips once old is gone; a renamed column, constraint
      // or index is looked up by its old name whatever IF EXISTS says of the table.
      const rename = v as { renameType?: string; missing_ok?: boolean };
      if (rename.missing_ok && !['OBJECT_COLUMN', 'OBJECT_TABCONSTRAINT', 'OBJECT_TRIGGER', 'OBJECT_POLICY', 'OBJECT_RULE'].includes(rename.renameType ?? '')) return [];
      return [`RENAME${rename.renameType === 'OBJECT_COLUMN' ? ' COLUMN' : ''} (the old name is gone once it ran)`];
    }
    default: return [];
  }
}

function suggestionFor(what: string): string {
  if (what.includes('USING INDEX')) return 'build the index in this file first (CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS, in a migration without a transaction), then DROP CONSTRAINT IF EXISTS and ADD CONSTRAINT ... USING INDEX: a second run then rebuilds the index the first run consumed';
  if (what.startsWith('ADD CONSTRAINT')) return 'put ALTER TABLE ... DROP CONSTRAINT IF EXISTS with the same name right before it';
  if (what.includes('PARTITION')) return 'run it inside a transaction, or alone in its migration, so that a failed run leaves nothing to repeat';
  if (what.startsWith('RENAME')) return 'run it inside a transaction with what depends on it; a table rename can be written ALTER TABLE IF EXISTS old RENAME TO new';
  return what.includes('NOT EXISTS') ? 'add IF NOT EXISTS' : 'add IF EXISTS';
}

export const rule: Rule = {
  id: 'prefer-robust-stmts',
  risk: 'SAFE',
  title: 'Outside a transaction, statements without IF [NOT] EXISTS make a half-applied migration impossible to re-run',
  enabledByDefault: false,
  presets: ['squawk'],
  docs: {
    why:
      'A migration that runs outside a transaction block (CREATE INDEX CONCURRENTLY needs that) and fails half-way leaves its first statements applied. Running it again then fails at the first CREATE, ADD COLUMN or ADD CONSTRAINT that already happened, or the first DROP of what is already gone, and someone has to finish it by hand. ADD CONSTRAINT has no IF NOT EXISTS: a DROP CONSTRAINT IF EXISTS of the same name right before it makes the pair re-runnable, except for ADD CONSTRAINT ... USING INDEX: it renames the index to the constraint, the DROP CONSTRAINT of the next run drops both, and the index it names no longer exists, unless the file builds it again first. A RENAME looks for the old name, which the first run took away (ALTER TABLE IF EXISTS old RENAME TO new skips instead), and ATTACH / DETACH PARTITION fail when repeated. An unnamed CREATE INDEX gets a new name on every run, and a temporary table with ON COMMIT DROP is gone at the end of its transaction: neither needs a guard. Statements that can simply run again (SET NOT NULL, ENABLE ROW LEVEL SECURITY, ALTER COLUMN TYPE) are not reported, though squawk reports every ALTER TABLE outside a transaction.',
    policy: 'Off by default: inside a transaction a failed migration rolls back entirely, and most runners record which migrations completed; turn it on (or use `preset: squawk`) if your migrations must be re-runnable.',
    instead: 'Write CREATE ... IF NOT EXISTS, ADD COLUMN IF NOT EXISTS, DROP ... IF EXISTS. A failed CREATE INDEX CONCURRENTLY leaves an INVALID index behind: drop it (DROP INDEX CONCURRENTLY IF EXISTS) before building it again.',
    bad: 'CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);',
    good: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_at_idx ON orders (created_at);',
    equivalents: { squawk: 'prefer-robust-stmts', pgfence: 'Prefer robust DDL statements' },
  },
  // guardedAdd reads the ALTER TABLE statements before it (their DROP CONSTRAINT IF EXISTS),
  // buildsIndexEarlier the CREATE INDEX statements (the index an ADD ... USING INDEX consumes).
  readsEarlierTree: (s) => stmtTag(s) === 'AlterTableStmt' || stmtTag(s) === 'IndexStmt',
  check({ statement, operations, state }) {
    if (!executesNow(statement) || state.tx.active) return [];
    return fragile(statement, operations, state).map((what): RuleHit => ({
      message: `${what}: outside a transaction a failed run leaves it applied, and running the migration again then fails here`,
      suggestion: suggestionFor(what),
    }));
  },
};

export default rule;
