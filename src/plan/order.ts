// Objects a migration drops and then creates again under the same name (a column, table, view,
// constraint, index or type): moving the drop to the contract phase would make the re-creation fail
// with "already exists" and the late drop remove what was re-created. Such a drop stays in
// front of its re-creation, in the re-creation's phase.
import type { AlterTableCmd, Constraint, CreateStmt, Node } from '@pgsql/types';
import { as, nodeTag } from '../analyze/ast.js';
import type { Operation, OperationKind } from '../core/types.js';
import { constraintKey, qualified, type Draft, type PlanMemory } from './context.js';
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
 * dropped (documenso's add_organisation_sso_portal). Such a step follows them: `latest` is the
 * backfill phase once a step of the migration so far is in it.
 */
export function afterDeferred(ops: readonly Operation[], drafts: readonly Draft[], latest: PhaseName | undefined): void {
  if (!latest || ops.length === 0 || !ops.every((o) => o.targetIsNew) || !ops.some((o) => CONTRACT_KINDS.has(o.kind))) return;
  for (const d of drafts) if (!d.absorbed && PHASE_NAMES.indexOf(d.phase) < PHASE_NAMES.indexOf(latest)) d.phase = latest;
}

/**
 * What Postgres refuses while a constraint exists: a type change or drop of a column, on its
 * table or on the table a foreign key references, and a drop of the referenced key.
 */
const ON_ITS_TABLE = new Set<OperationKind>(['ALTER_COLUMN_TYPE', 'DROP_COLUMN']);
const ON_REFERENCED = new Set<OperationKind>(['ALTER_COLUMN_TYPE', 'DROP_COLUMN', 'DROP_CONSTRAINT']);

/**
 * A constraint's drop kept for the contract phase waits there for its re-add under the same name,
 * which then runs it in front of itself (statements.ts, sameNameConstraints). A statement between
 * the two may need it gone: Prisma drops a foreign key, changes the type of its column and of
 * the key it references, and adds it again (documenso's add_folders: 'foreign key constraint
 * cannot be implemented'). Such a drop runs where the migration has it, before that statement.
 */
export class HeldConstraintDrops {
  /** Foreign keys added in the change: constraint key -> the table it references. */
  private readonly references = new Map<string, string>();

  /** Called with each statement before it is planned: learns the foreign keys it adds. */
  learn(ast: Node): void {
    const t = nodeTag(ast);
    if (t?.[0] === 'AlterTableStmt') {
      const v = t[1] as { relation?: CreateStmt['relation']; cmds?: Node[] };
      for (const c of v.cmds ?? []) this.noteForeignKey(v.relation, as<Constraint>(as<AlterTableCmd>(c, 'AlterTableCmd')?.def, 'Constraint'));
    } else if (t?.[0] === 'CreateStmt') {
      const v = t[1] as CreateStmt;
      for (const e of v.tableElts ?? []) this.noteForeignKey(v.relation, as<Constraint>(e, 'Constraint'));
    }
  }

  /** Called with each statement's operations and drafts after it is planned. */
  release(ops: readonly Operation[], drafts: readonly Draft[], memory: PlanMemory): void {
    const tables = memory.constraintDropTables;
    const live = drafts.filter((d) => !d.absorbed);
    if (!tables || tables.size === 0 || live.length === 0) return;
    const touches = (table: string, kinds: ReadonlySet<OperationKind>) => ops.some((o) => o.table === table && kinds.has(o.kind));
    const rank = (d: Draft) => PHASE_NAMES.indexOf(d.phase);
    const earliest = live.reduce((a, b) => (rank(b) < rank(a) ? b : a));
    for (const [key, table] of tables) {
      const drop = memory.drops.get(key);
      if (drop && drafts.includes(drop)) continue; // this statement's own drop
      const referenced = this.references.get(key);
      if (!touches(table, ON_ITS_TABLE) && !(referenced && touches(referenced, ON_REFERENCED))) continue;
      if (drop && !drop.absorbed && rank(drop) > rank(earliest)) drop.phase = earliest.phase;
      memory.drops.delete(key);
      tables.delete(key);
    }
  }

  private noteForeignKey(rel: CreateStmt['relation'], c: Constraint | undefined): void {
    if (!rel || c?.contype !== 'CONSTR_FOREIGN' || !c.conname || !c.pktable) return;
    const target = qualified(c.pktable);
    if (target) this.references.set(constraintKey(rel, c.conname), target);
  }
}
