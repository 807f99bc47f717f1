// The impact summary of one migration: risk, estimated blocking time (what users feel), data
// loss, bytes rewritten or scanned and the WAL they write, how hard it is to roll back, and
// what must happen first. Built from the operations (with their estimates), the findings and
// the table stats; it adds no judgement of its own beyond summing them.

import type { TableStats } from '../core/table-stats.js';
import type { LockMode, MigrationImpact, MigrationReport, Operation, FileTransaction } from '../core/types.js';
import { workOf } from './model.js';

const DESTROYING = new Set(['DROP_TABLE', 'DROP_COLUMN', 'TRUNCATE', 'DELETE_ROWS', 'DROP_SCHEMA', 'DROP_DATABASE']);

export function summarizeImpact(
  report: MigrationReport,
  transaction: FileTransaction,
  tableStats: ReadonlyMap<string, TableStats>,
): MigrationImpact {
  const ops = report.operations;
  const blocking = blockingTime(ops, transaction);
  const destroyed = ops.filter((o) => DESTROYING.has(o.kind) && !o.targetIsNew);
  const dataLoss = destroyed.length > 0 || report.irreversible === true;
  const bytes = bytesTouched(ops, tableStats);
  const impact: MigrationImpact = {
    risk: report.risk,
    ...blocking,
    dataLoss: dataLoss ? 'irreversible' : 'none',
    ...(destroyed.length ? { dataLossDetail: destroyed.map(describeLoss).join('; ') } : {}),
    ...bytes,
    rollback: destroyed.length ? 'needs-data-restore' : report.irreversible ? 'impossible' : 'schema-only',
    prerequisites: prerequisites(report),
  };
  return impact;
}

/**
 * Time ordinary traffic waits. In a transaction a lock is held until COMMIT, so from the first
 * blocking statement on, every later statement's time adds to it; outside one, each blocking
 * statement blocks for its own run.
 */
function blockingTime(ops: Operation[], transaction: FileTransaction): Partial<MigrationImpact> {
  const estimated = ops.filter((o) => o.estimate);
  if (estimated.length === 0) return {};
  let ms = 0;
  let low = 0;
  let high = 0;
  let worst: { table: string; lock: LockMode; ms: number } | undefined;
  let holding = false;
  for (const o of ops) {
    const e = o.estimate;
    const blocks = e !== undefined && e.lockMs > 0;
    if (blocks) holding = holding || transaction === 'wrapped';
    if (!e || !(blocks || holding)) continue;
    ms += e.durationMs;
    low += e.low ?? e.durationMs;
    high += e.high ?? e.durationMs;
    if (blocks && (!worst || e.lockMs > worst.ms)) worst = { table: o.table!, lock: e.lock, ms: e.lockMs };
  }
  return {
    blockingMs: ms,
    blockingLow: low,
    blockingHigh: high,
    ...(worst ? { blockingOn: { table: worst.table, lock: worst.lock } } : {}),
  };
}

/**
 * Bytes a rewrite writes (heap and indexes) or a scan reads, from the stats. A rewrite's WAL is
 * about the bytes it writes (wal_level replica logs the new heap and indexes whole); a backfill
 * UPDATE writes a new version of each row plus its index entries; scans write none.
 */
function bytesTouched(ops: Operation[], tableStats: ReadonlyMap<string, TableStats>): Partial<MigrationImpact> {
  let rewritten = 0;
  let scanned = 0;
  let wal = 0;
  let known = false;
  for (const o of ops) {
    if (!o.table || o.targetIsNew || !o.estimate) continue;
    const s = tableStats.get(o.table);
    const work = workOf(o);
    if (!s || !work || s.bytes === undefined) continue;
    known = true;
    const heap = s.bytes + (s.toastBytes ?? 0);
    if (work.kind === 'rewrite') {
      rewritten += heap + (s.indexBytes ?? 0);
      wal += heap + (s.indexBytes ?? 0);
    } else if (work.kind === 'scan') {
      scanned += heap;
    } else if (work.kind === 'index') {
      scanned += heap;
      // The new index is WAL-logged whole; its size is unknown, a single-column btree is about a fifth of the heap.
      wal += Math.round(s.bytes / 5);
    } else if (work.kind === 'update') {
      rewritten += s.bytes;
      wal += s.bytes + (s.indexBytes ?? 0);
    }
  }
  return known ? { bytesRewritten: rewritten, bytesScanned: scanned, walBytes: wal } : {};
}

function describeLoss(o: Operation): string {
  const what = o.kind.toLowerCase().replace(/_/g, ' ');
  return `${what}${o.columnName ? ` ${o.columnName}` : ''}${o.table ? ` on ${o.table}` : ''} (line ${o.line})`;
}

/** What has to happen before this migration ships safely, read from what it does. */
function prerequisites(report: MigrationReport): string[] {
  const out = new Set<string>();
  for (const o of report.operations) {
    if (o.targetIsNew) continue;
    if (o.kind === 'DROP_COLUMN' || o.kind === 'DROP_TABLE' || o.kind === 'RENAME_COLUMN' || o.kind === 'RENAME_TABLE') {
      out.add('deploy code that no longer uses the old name first');
    }
    if (o.kind === 'SET_NOT_NULL' || o.kind === 'ADD_COLUMN_NOT_NULL') out.add('backfill the column first (no NULLs left)');
    if ((o.kind === 'ADD_CHECK' || o.kind === 'ADD_FOREIGN_KEY' || o.kind === 'VALIDATE_CONSTRAINT') && !o.notValid) out.add('fix rows that break the constraint first');
    if (o.kind === 'ALTER_COLUMN_TYPE') out.add('deploy code that works with both column types first');
  }
  return [...out];
}
