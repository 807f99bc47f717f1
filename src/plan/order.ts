// Objects a migration drops and then creates again under the same name (a column, table, view,
// constraint or index): moving the drop to the contract phase would make the re-creation fail
// with "already exists" and the late drop remove what was re-created. Such a drop stays in
// front of its re-creation, in the re-creation's phase.
import type { Operation } from '../core/types.js';
import type { Draft } from './context.js';
import { PHASE_NAMES } from './types.js';

const DROPS: Partial<Record<Operation['kind'], string>> = {
  DROP_COLUMN: 'column', DROP_TABLE: 'table', DROP_VIEW: 'view', DROP_CONSTRAINT: 'constraint',
  DROP_TYPE: 'type',
  // Indexes are not here: a re-created index is built under a temporary name and renamed after
  // the old one is dropped (statements.ts), so the old one keeps serving queries until then.
};
const CREATES: Partial<Record<Operation['kind'], string>> = {
  ADD_COLUMN_NULLABLE: 'column', ADD_COLUMN_NOT_NULL: 'column', ADD_COLUMN_VOLATILE_DEFAULT: 'column',
  CREATE_TABLE: 'table', CREATE_VIEW: 'view', ADD_FOREIGN_KEY: 'constraint', ADD_CHECK: 'constraint',
  ADD_UNIQUE: 'constraint', ADD_PRIMARY_KEY: 'constraint', ADD_EXCLUSION: 'constraint',
  CREATE_INDEX: 'index', CREATE_INDEX_CONCURRENTLY: 'index', CREATE_TYPE: 'type',
};

function keyOf(kind: string, op: Operation): string | undefined {
  switch (kind) {
    case 'column': return op.table && op.columnName ? `column ${op.table}.${op.columnName}` : undefined;
    case 'constraint': return op.table && op.constraintName ? `constraint ${op.table}.${op.constraintName}` : undefined;
    case 'index': return op.indexName ? `index ${op.indexName}` : undefined;
    default: return op.table ? `${kind} ${op.table}` : undefined;
  }
}

export class DropOrder {
  private readonly pending = new Map<string, Draft[]>();

  /** Called with each statement's operations and the drafts planned for it, in order. */
  add(ops: readonly Operation[], drafts: readonly Draft[]): void {
    const live = drafts.filter((d) => !d.absorbed);
    const rank = (d: Draft) => PHASE_NAMES.indexOf(d.phase);
    for (const op of ops) {
      const created = CREATES[op.kind];
      const key = created ? keyOf(created, op) : undefined;
      const drops = key ? this.pending.get(key) : undefined;
      if (key && drops && live.length > 0) {
        const earliest = live.reduce((a, b) => (rank(b) < rank(a) ? b : a));
        for (const d of drops) if (!d.absorbed && rank(d) > rank(earliest)) d.phase = earliest.phase;
        this.pending.delete(key);
      }
    }
    for (const op of ops) {
      const dropped = DROPS[op.kind];
      const key = dropped ? keyOf(dropped, op) : undefined;
      if (key) this.pending.set(key, [...(this.pending.get(key) ?? []), ...live.filter((d) => d.step.sql.length > 0)]);
    }
  }
}
