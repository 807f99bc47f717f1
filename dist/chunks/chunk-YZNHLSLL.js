import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  blocksReads,
  blocksWrites
} from "./chunk-UTBNT2LW.js";

// src/estimate/model.ts
function workOf(op) {
  switch (op.kind) {
    case "ALTER_COLUMN_TYPE":
      return op.rules.length === 0 ? { kind: "catalog" } : { kind: "rewrite" };
    case "ADD_COLUMN_VOLATILE_DEFAULT":
    case "VACUUM_FULL":
    case "CLUSTER":
    case "SET_LOGGED":
    case "SET_UNLOGGED":
    case "SET_TABLESPACE":
      return { kind: "rewrite" };
    case "SET_NOT_NULL":
      return op.rules.includes("set-not-null-without-check") ? { kind: "scan", what: "SET NOT NULL scan", nullsOnly: true } : { kind: "catalog" };
    case "ADD_CHECK":
    case "ADD_FOREIGN_KEY":
      return op.notValid ? { kind: "catalog" } : { kind: "scan", what: "constraint check of every row" };
    case "VALIDATE_CONSTRAINT":
      return { kind: "scan", what: "validation scan" };
    case "ATTACH_PARTITION":
      return { kind: "scan", what: "partition constraint scan" };
    case "CREATE_INDEX":
    case "REINDEX":
      return { kind: "index", concurrently: false, what: "index build" };
    case "CREATE_INDEX_CONCURRENTLY":
      return { kind: "index", concurrently: true, what: "concurrent index build" };
    case "ADD_UNIQUE":
    case "ADD_PRIMARY_KEY":
    case "ADD_EXCLUSION":
      return op.usingIndex ? { kind: "catalog" } : { kind: "index", concurrently: false, what: "index build for the constraint" };
    case "UPDATE_VALUES":
    case "DELETE_ROWS":
      return { kind: "update" };
    case "ADD_COLUMN_NULLABLE":
    case "ADD_COLUMN_NOT_NULL":
    case "DROP_COLUMN":
    case "RENAME_COLUMN":
    case "RENAME_TABLE":
    case "SET_DEFAULT":
    case "DROP_DEFAULT":
    case "DROP_NOT_NULL":
    case "DROP_CONSTRAINT":
    case "DROP_INDEX":
    case "DROP_TABLE":
    case "TRUNCATE":
    case "DETACH_PARTITION":
    case "ALTER_TABLE_OTHER":
    case "CREATE_TRIGGER":
    case "DROP_TRIGGER":
    case "ENABLE_RLS":
    case "CREATE_POLICY":
    case "RENAME_CONSTRAINT":
    case "RENAME_INDEX":
      return { kind: "catalog" };
    default:
      return void 0;
  }
}
function tableSize(stats, cal) {
  const rows = stats.rows !== void 0 && stats.rows >= 0 ? stats.rows : void 0;
  const bytes = stats.bytes !== void 0 && stats.bytes >= 0 ? stats.bytes : void 0;
  if (rows !== void 0 && bytes !== void 0) return { rows, bytes };
  const w = cal.heapBytesPerRow;
  if (rows !== void 0) return { rows, bytes: rows * w, assumed: `~${Math.round(w)} bytes a row assumed` };
  if (bytes !== void 0) return { rows: bytes / w, bytes, assumed: `~${Math.round(w)} bytes a row assumed` };
  return void 0;
}
function indexCount(stats, rows) {
  if (stats.indexes) return { n: stats.indexes.length };
  if (stats.indexBytes !== void 0 && rows > 0) return { n: Math.max(0, Math.round(stats.indexBytes / (rows * 22))), assumed: "index count guessed from index size" };
  return { n: 1, assumed: "one index (the primary key) assumed" };
}
var SPREAD = {
  rewrite: { low: 0.5, high: 2 },
  scan: { low: 0.5, high: 2 },
  // Text and multi-column keys sort several times slower than the integer key measured.
  index: { low: 0.5, high: 3 },
  // A WHERE clause may touch only part of the table.
  update: { low: 0.1, high: 2 },
  catalog: { low: 0, high: 10 }
};
var CATALOG_MS = 1;
function estimateOperation(op, stats, cal, table = op.table) {
  const work = workOf(op);
  if (!work || !table) return void 0;
  const size = tableSize(stats, cal);
  if (!size) return void 0;
  const { rows, bytes } = size;
  const perByte = (rate) => rate / cal.heapBytesPerRow;
  const notes = [];
  let ms;
  let what;
  switch (work.kind) {
    case "rewrite": {
      const idx = indexCount(stats, rows);
      ms = bytes * perByte(cal.rates.rewrite) + idx.n * rows * cal.rates.index;
      what = `table rewrite${idx.n ? ` and ${idx.n} index rebuild${idx.n === 1 ? "" : "s"}` : ""}`;
      if (idx.assumed) notes.push(idx.assumed);
      break;
    }
    case "scan":
      ms = bytes * perByte(work.nullsOnly ? cal.rates.notnull : cal.rates.scan);
      what = work.what;
      break;
    case "index":
      ms = rows * cal.rates.index * (work.concurrently ? 2 : 1);
      what = work.what;
      break;
    case "update":
      ms = bytes * perByte(cal.rates.update);
      what = "update of every row (fewer with a WHERE clause)";
      break;
    case "catalog":
      ms = CATALOG_MS;
      what = "catalog change only";
      break;
  }
  if (size.assumed) notes.push(size.assumed);
  const lock = op.lock ?? "AccessExclusiveLock";
  const spread = SPREAD[work.kind];
  const durationMs = roundMs(ms);
  const blocking = blocksWrites(lock) || blocksReads(lock);
  const sizeText = describeTableSize(rows, bytes, stats);
  const basis = work.kind === "catalog" ? `${what}: no row is read, but the lock waits behind any open transaction on ${table}` : `${what} of ${table} (${sizeText}${notes.length ? `; ${notes.join("; ")}` : ""}), ${cal.source}${cal.sizes.length ? ` at ${cal.sizes.map(shortCount).join(" and ")} rows` : ""}`;
  return {
    durationMs,
    lockMs: blocking ? durationMs : 0,
    lock,
    blocks: blocksReads(lock) ? "reads and writes" : blocksWrites(lock) ? "writes" : "none",
    basis,
    low: roundMs(ms * spread.low),
    high: roundMs(Math.max(ms * spread.high, work.kind === "catalog" ? spread.high : 0))
  };
}
function roundMs(ms) {
  if (!Number.isFinite(ms) || ms <= 0) return 0;
  if (ms < 1) return Math.round(ms);
  const mag = 10 ** Math.max(0, Math.floor(Math.log10(ms)) - 1);
  return Math.round(ms / mag) * mag;
}
function shortCount(n) {
  if (n >= 1e9) return `${trim(n / 1e9)}G`;
  if (n >= 1e6) return `${trim(n / 1e6)}M`;
  if (n >= 1e3) return `${trim(n / 1e3)}k`;
  return String(Math.round(n));
}
function trim(x) {
  return x >= 10 ? String(Math.round(x)) : x.toFixed(1).replace(/\.0$/, "");
}
function formatBytes(n) {
  const units = ["B", "kB", "MB", "GB", "TB"];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${n >= 10 || i === 0 ? Math.round(n) : n.toFixed(1)} ${units[i]}`;
}
function describeTableSize(rows, bytes, stats) {
  const parts = [`${shortCount(rows)} rows`, formatBytes(bytes)];
  if (stats.indexBytes) parts.push(`${formatBytes(stats.indexBytes)} of indexes`);
  return parts.join(", ");
}
function formatDuration(ms) {
  if (ms < 1) return "<1 ms";
  if (ms < 1e3) return `${roundMs(ms)} ms`;
  const s = ms / 1e3;
  if (s < 60) return `${s < 10 ? s.toFixed(1).replace(/\.0$/, "") : Math.round(s)} s`;
  const m = s / 60;
  if (m < 60) return `${m < 10 ? m.toFixed(1).replace(/\.0$/, "") : Math.round(m)} min`;
  const h = m / 60;
  return `${h < 10 ? h.toFixed(1).replace(/\.0$/, "") : Math.round(h)} h`;
}
function formatRange(central, low, high) {
  const range = low !== void 0 && high !== void 0 && high > 0 ? ` (${formatDuration(low)}\u2013${formatDuration(high)})` : "";
  return `~${formatDuration(central)}${range}`;
}

export {
  workOf,
  estimateOperation,
  formatBytes,
  formatRange
};
