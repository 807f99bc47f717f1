// `--format json`: the report contract of docs/design.md, built field by field so the key order is
// stable and nothing internal (ASTs, statement objects or indexes) leaks into what other tools
// read. Fields beyond the contract's minimum are added after the contract's own.
import type { CheckResult } from '../check/types.js';
import type {
  DryRunError,
  DryRunResult,
  Finding,
  MigrationReport,
  Operation,
  ParseNote,
  Report,
  ReportError,
  StatementTrace,
} from '../core/types.js';
import type {
  JsonDryRun,
  JsonDryRunError,
  JsonFinding,
  JsonMigration,
  JsonNote,
  JsonOperation,
  JsonReport,
  JsonReportError,
  JsonStatementTrace,
} from './json-schema.js';

export function renderJson(result: CheckResult): string {
  return JSON.stringify(toJsonReport(result.report), null, 2) + '\n';
}

/**
 * The same text as renderJson, in pieces of at most a few hundred bytes each beyond the
 * report's outer levels: a report of 10^5 operations is ~90 MB of JSON, which as one string
 * (and again as the bytes written) doubles the peak memory of a run on a large file.
 */
export function* renderJsonChunks(result: CheckResult): Generator<string> {
  yield* jsonChunks(jsonReport(result.report, true), '', 0);
  yield '\n';
}

/**
 * A list whose members are made into their JSON form one at a time as they are written: the
 * JSON copy of 10^5 operations never exists all at once, only each member's in turn.
 */
class MappedList<T> {
  constructor(readonly items: readonly T[], readonly map: (item: T) => unknown) {}
}

/** Levels below this are written by one JSON.stringify each (report > migrations > migration > operations > one operation). */
const CHUNKED_DEPTH = 4;

/** Values JSON.stringify leaves out of an object (and writes as null in an array). */
function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** JSON.stringify(value, null, 2) as it reads nested at `indent`, split at array and object members down to CHUNKED_DEPTH. */
function* jsonChunks(value: unknown, indent: string, depth: number): Generator<string> {
  const mapped = value instanceof MappedList ? value : undefined;
  const plain = mapped !== undefined || (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function');
  if (!plain || depth >= CHUNKED_DEPTH) {
    yield stringified(value, indent);
    return;
  }
  const inner = `${indent}  `;
  if (mapped !== undefined || Array.isArray(value)) {
    const items: readonly unknown[] = mapped ? mapped.items : (value as unknown[]);
    if (items.length === 0) {
      yield '[]';
      return;
    }
    yield '[\n';
    const whole = depth + 1 >= CHUNKED_DEPTH;
    for (let i = 0; i < items.length; i++) {
      const item = mapped ? mapped.map(items[i]) : items[i];
      const end = i < items.length - 1 ? ',\n' : '\n';
      // A member written whole is one piece with its indent and separator: 10^5 of them cost no nested generators.
      if (whole || omitted(item)) {
        yield `${inner}${omitted(item) ? 'null' : stringified(item, inner)}${end}`;
        continue;
      }
      yield inner;
      yield* jsonChunks(item, inner, depth + 1);
      yield end;
    }
    yield `${indent}]`;
    return;
  }
  const entries = Object.entries(value as object).filter(([, v]) => !omitted(v));
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{\n';
  for (let i = 0; i < entries.length; i++) {
    const [key, v] = entries[i]!;
    yield `${inner}${JSON.stringify(key)}: `;
    yield* jsonChunks(v, inner, depth + 1);
    yield i < entries.length - 1 ? ',\n' : '\n';
  }
  yield `${indent}}`;
}

function stringified(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2);
  return indent === '' || !text.includes('\n') ? text : text.replaceAll('\n', `\n${indent}`);
}

export function toJsonReport(report: Report): JsonReport {
  return jsonReport(report, false) as JsonReport;
}

/** `lazy`: the migrations and their operations and findings as MappedLists, for jsonChunks. */
function jsonReport(report: Report, lazy: boolean): JsonReport | Record<string, unknown> {
  return {
    version: 1,
    risk: report.risk,
    ...(report.pgVersion !== undefined ? { pgVersion: report.pgVersion } : {}),
    migrations: lazy ? new MappedList(report.migrations, (m) => migration(m, true)) : report.migrations.map((m) => migration(m, false)),
    errors: report.errors.map(reportError),
    ...(report.notes && report.notes.length ? { notes: report.notes.map((n) => ({ message: n.message, ...(n.path !== undefined ? { path: n.path } : {}) })) } : {}),
  };
}

function migration(m: MigrationReport, lazy: boolean): JsonMigration | Record<string, unknown> {
  const toFinding = (f: Finding) => finding(f, m.path);
  return {
    path: m.path,
    risk: m.risk,
    rollback: { path: m.rollback.path, status: m.rollback.status },
    operations: lazy ? new MappedList(m.operations, operation) : m.operations.map(operation),
    findings: lazy ? new MappedList(m.findings, toFinding) : m.findings.map(toFinding),
    ...(m.dryRun ? { dryRun: dryRun(m.dryRun) } : {}),
    ...(m.id !== undefined ? { id: m.id } : {}),
    ...(m.layout !== undefined ? { layout: m.layout } : {}),
    ...(m.change !== undefined ? { change: m.change } : {}),
    ...(m.irreversible !== undefined ? { irreversible: m.irreversible } : {}),
    ...(m.notes && m.notes.length ? { notes: m.notes.map(note) } : {}),
    ...(m.impact ? { impact: { ...m.impact, ...(m.impact.blockingOn ? { blockingOn: { ...m.impact.blockingOn } } : {}), prerequisites: [...m.impact.prerequisites] } } : {}),
  };
}

function operation(o: Operation): JsonOperation {
  // Optional fields are assigned, not spread from `cond ? {...} : {}`: a report has one of these
  // per operation (10^5 for a large file), and each spread built and copied an object. The order
  // of assignment is the order of the keys in the JSON.
  const out: Partial<JsonOperation> = { kind: o.kind, risk: o.risk, line: o.line, column: o.column };
  if (o.table !== undefined) out.table = o.table;
  if (o.lock !== undefined) out.lock = o.lock;
  out.rules = [...o.rules];
  if (o.notValid) out.notValid = true;
  if (o.usingIndex) out.usingIndex = true;
  if (o.columnName !== undefined) out.columnName = o.columnName;
  if (o.constraintName !== undefined) out.constraintName = o.constraintName;
  if (o.indexName !== undefined) out.indexName = o.indexName;
  if (o.typeName !== undefined) out.typeName = o.typeName;
  if (o.targetIsNew !== undefined) out.targetIsNew = o.targetIsNew;
  if (o.estimate) out.estimate = { ...o.estimate };
  return out as JsonOperation;
}

function finding(f: Finding, migrationPath: string): JsonFinding {
  // Assigned in key order, as operation() does: one per finding, 10^4 and more for a large file.
  const out: Partial<JsonFinding> = { rule: f.rule, risk: f.risk, line: f.line, column: f.column, message: f.message };
  if (f.suggestion !== undefined) {
    out.suggestion = f.suggestion;
    if (f.suggestionRuns && f.suggestionRuns !== 'instead') out.suggestionRuns = f.suggestionRuns;
    if (f.alsoReplaces?.length) out.alsoReplacesLines = f.alsoReplaces.map((r) => r.line);
  }
  // Only when it differs: a rollback finding points at the down file.
  if (f.path !== undefined && f.path !== migrationPath) out.path = f.path;
  if (f.suggestionVerification) out.suggestionVerification = f.suggestionVerification;
  return out as JsonFinding;
}

function dryRun(d: DryRunResult): JsonDryRun {
  return {
    engine: d.engine,
    serverVersion: d.serverVersion,
    ...(d.targetPgVersion !== undefined ? { targetPgVersion: d.targetPgVersion } : {}),
    status: d.status,
    ...(d.reason !== undefined ? { reason: d.reason } : {}),
    statements: d.statements.map(trace),
    ...(d.rollback
      ? {
          rollback: {
            status: d.rollback.status,
            differences: [...d.rollback.differences],
            reapply: d.rollback.reapply,
            ...(d.rollback.error ? { error: dryRunError(d.rollback.error) } : {}),
          },
        }
      : {}),
    durationMs: d.durationMs,
    ...(d.error ? { error: dryRunError(d.error) } : {}),
    ...(d.refused !== undefined ? { refused: d.refused } : {}),
    ...(d.timedOut !== undefined ? { timedOut: d.timedOut } : {}),
    ...(d.rollbackStatements ? { rollbackStatements: d.rollbackStatements.map(trace) } : {}),
    ...(d.seed
      ? {
          seed: {
            rows: d.seed.rows,
            tables: [...d.seed.tables],
            skipped: d.seed.skipped.map((x) => ({ table: x.table, reason: x.reason })),
            ...(d.seed.reason !== undefined ? { reason: d.seed.reason } : {}),
          },
        }
      : {}),
    ...(d.baseFromCache !== undefined ? { baseFromCache: d.baseFromCache } : {}),
  };
}

function trace(t: StatementTrace): JsonStatementTrace {
  return {
    path: t.path,
    line: t.line,
    column: t.column,
    durationMs: t.durationMs,
    locks: t.locks.map((l) => ({
      relation: l.relation,
      mode: l.mode,
      heldMs: l.heldMs,
      preExisting: l.preExisting,
      ...(l.kind !== undefined ? { kind: l.kind } : {}),
      ...(l.heldAcross !== undefined ? { heldAcross: l.heldAcross } : {}),
    })),
    rewrites: [...t.rewrites],
    ...(t.rewrittenTables ? { rewrittenTables: [...t.rewrittenTables] } : {}),
    ...(t.error ? { error: dryRunError(t.error) } : {}),
  };
}

function dryRunError(e: DryRunError): JsonDryRunError {
  return { sqlstate: e.sqlstate, message: e.message, path: e.path, line: e.line, column: e.column };
}

function reportError(e: ReportError): JsonReportError {
  return { path: e.path, line: e.line, column: e.column, message: e.message, ...(e.rule ? { rule: e.rule } : {}), ...(e.risk ? { risk: e.risk } : {}) };
}

function note(n: ParseNote): JsonNote {
  return { path: n.path, line: n.line, column: n.column, message: n.message };
}
