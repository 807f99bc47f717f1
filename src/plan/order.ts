// Objects a migration drops and then creates again under the same name (a column, table, view,
// constraint, index or type): moving the drop to the contract phase would make the re-creation fail
// with "already exists" and the late drop remove what was re-created. Such a drop stays in
// front of its re-creation, in the re-creation's phase.
import type { Operation } from '../core/types.js';
import type { Draft } from './context.js';
import { CONTRACT_KINDS } from './statements.js';
import { PHASE_NAMES, type PhaseName } from './types.js';

// Tables, views, sequences and indexes share one namespace (pg_class): a view may take the name
// of a dropped table. A rename frees its old name and takes its new one.
const DROPS: Partial<Record<Operation['kind'], string>> = {
  DROP_COLUMN: 'column', DROP_TABLE: 'relation', DROP_VIEW: 'relation', DROP_CONSTRAINT: 'constraint',
  DROP_TYPE: 'type', RENAME_COLUMN: 'column', RENAME_TABLE: 'relation',
  // Indexes are not here: a re-created index is built under a temporary name and renamed after
  // the old one is dropped (statements.ts), so the old one keeps serving queries until then.
};
const CREATES: Partial<Record<Operation['kind'], string>> = {
  ADD_COLUMN_NULLABLE: 'column', ADD_COLUMN_NOT_NULL: 'column', ADD_COLUMN_VOLATILE_DEFAULT: 'column',
  CREATE_TABLE: 'relation', CREATE_VIEW: 'relation', ADD_FOREIGN_KEY: 'constraint', ADD_CHECK: 'constraint',
  ADD_UNIQUE: 'constraint', ADD_PRIMARY_KEY: 'constraint', ADD_EXCLUSION: 'constraint',
  CREATE_INDEX: 'index', CREATE_INDEX_CONCURRENTLY: 'index', CREATE_TYPE: 'type', CREATE_DOMAIN: 'type',
  RENAME_COLUMN: 'column', RENAME_TABLE: 'relation',
};

/** The name an operation frees (`dropped`) or takes: a rename takes its new name, kept in typeName. */
function keyOf(kind: string, op: Operation, dropped: boolean): string | undefined {
  const renamed = !dropped && (op.kind === 'RENAME_COLUMN' || op.kind === 'RENAME_TABLE') ? op.typeName : undefined;
  if (!dropped && (op.kind === 'RENAME_COLUMN' || op.kind === 'RENAME_TABLE') && !renamed) return undefined;
  switch (kind) {
    case 'column': {
      const col = renamed ?? op.columnName;
      return op.table && col ? `column ${op.table}.${col}` : undefined;
    }
    case 'constraint': return op.table && op.constraintName ? `constraint ${op.table}.${op.constraintName}` : undefined;
    case 'index': return op.indexName ? `index ${op.indexName}` : undefined;
    case 'relation': {
      if (!op.table) return undefined;
      return renamed ? `relation ${op.table.split('.').slice(0, -1).join('.') || 'public'}.${renamed}` : `relation ${op.table}`;
    }
    // Types and domains share one namespace (pg_type).
    case 'type': return op.typeName ? `type ${op.typeName}` : undefined;
    default: return op.table ? `${kind} ${op.table}` : undefined;
  }
}

export class DropOrder {
  private readonly pending = new Map<string, Draft[]>();
  /** Destructive steps kept for a later phase, per table they touch (for a table that is rebuilt). */
  private readonly byTable = new Map<string, Draft[]>();

  /** Called with each statement's operations and the drafts planned for it, in order. */
  add(ops: readonly Operation[], drafts: readonly Draft[]): void {
    const live = drafts.filter((d) => !d.absorbed);
    const rank = (d: Draft) => PHASE_NAMES.indexOf(d.phase);
    const pull = (drops: Draft[]) => {
      if (live.length === 0) return;
      const earliest = live.reduce((a, b) => (rank(b) < rank(a) ? b : a));
      for (const d of drops) if (!d.absorbed && rank(d) > rank(earliest)) d.phase = earliest.phase;
    };
    for (const op of ops) {
      const created = CREATES[op.kind];
      const key = created ? keyOf(created, op, false) : undefined;
      const drops = key ? this.pending.get(key) : undefined;
      if (key && drops && live.length > 0) {
        pull(drops);
        this.pending.delete(key);
      }
      // A table created again under a name the migration freed (rename away, create, copy, drop:
      // a table rebuild) reuses the names of the old one's constraints and indexes too: what the
      // migration dropped from the old table before must run before the new one is created.
      if (created === 'relation' && key && op.kind !== 'RENAME_TABLE' && op.table && drops) {
        pull(this.byTable.get(op.table) ?? []);
        this.byTable.delete(op.table);
      }
    }
    for (const op of ops) {
      const dropped = DROPS[op.kind];
      const key = dropped ? keyOf(dropped, op, true) : undefined;
      const destructive = live.filter((d) => d.step.sql.length > 0);
      if (key) this.pending.set(key, [...(this.pending.get(key) ?? []), ...destructive]);
      if (op.table && (key || op.kind === 'DROP_INDEX' || op.kind === 'DROP_INDEX_CONCURRENTLY')) {
        this.byTable.set(op.table, [...(this.byTable.get(op.table) ?? []), ...destructive.filter((d) => d.phase !== 'expand')]);
      }
    }
  }
}

/**
 * A drop or rename of something the change created stays in the expand phase (no data, no
 * users), but the statements of its migration before it may have moved to a later phase and
 * still read it: a temporary column of a new table that an old table's backfill joins on, then
 * dropped (documenso's add_organisation_sso_portal). Such a step follows the latest of them.
 * `latest` is the latest phase among the migration's steps so far.
 */
export function afterDeferred(ops: readonly Operation[], drafts: readonly Draft[], latest: PhaseName | undefined): void {
  if (!latest || ops.length === 0 || !ops.every((o) => o.targetIsNew) || !ops.some((o) => CONTRACT_KINDS.has(o.kind))) return;
  for (const d of drafts) if (!d.absorbed && PHASE_NAMES.indexOf(d.phase) < PHASE_NAMES.indexOf(latest)) d.phase = latest;
}
