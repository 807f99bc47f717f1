import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/core/js-tier.ts
import { setFlagsFromString } from "node:v8";
if (Number(process.versions.v8.split(".")[0]) < 12) setFlagsFromString("--interrupt-budget=262144");

// src/parse/wasm.ts
import { loadModule, parseSync, parsePlPgSQLSync, scanSync } from "libpg-query";
var loading;
var ready = false;
function initParser() {
  loading ??= loadModule().then(() => {
    ready = true;
  });
  return loading;
}
function parserReady() {
  return ready;
}
function describe(e) {
  const text = e instanceof Error ? e.message : String(e);
  return text.split("\n")[0].slice(0, 500) || "unknown parser failure";
}
function oneLine(message) {
  const flat = message.replace(/\r\n|\r|\n/g, "\\n").replace(/[\u0000-\u001f\u007f]/g, " ");
  return flat.length > 200 ? `${flat.slice(0, 160)}...${flat.endsWith('"') ? '"' : ""}` : flat;
}
function failure(e) {
  const details = e?.sqlDetails;
  if (details && typeof details.message === "string") {
    const cursor = typeof details.cursorPosition === "number" && details.cursorPosition >= 0 ? details.cursorPosition : 0;
    return { ok: false, message: oneLine(details.message), cursor, internal: false };
  }
  return { ok: false, message: oneLine(describe(e)), cursor: void 0, internal: true };
}
function parseSql(sql) {
  if (!ready) throw new Error("initParser() must be awaited before parsing");
  if (sql.trim() === "") return { ok: true, value: { version: 0, stmts: [] } };
  try {
    return { ok: true, value: parseSync(sql) };
  } catch (e) {
    return failure(e);
  }
}
function parsePlpgsql(sql) {
  if (!ready) throw new Error("initParser() must be awaited before parsing");
  try {
    return { ok: true, value: parsePlPgSQLSync(sql) };
  } catch (e) {
    return failure(e);
  }
}
function scanSql(sql) {
  if (!ready) throw new Error("initParser() must be awaited before parsing");
  if (sql === "") return { ok: true, value: [] };
  try {
    return { ok: true, value: scanSync(sql).tokens };
  } catch (e) {
    return failure(e);
  }
}

// src/parse/prefetch.ts
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { MessageChannel, receiveMessageOnPort, isMainThread, Worker } from "node:worker_threads";
var PREFETCH_MIN_CHARS = 1e6;
var AHEAD = 4;
var AHEAD_CHARS = 8e6;
var SLOT = {
  /** Outcomes the worker has sent. */
  POSTED: 0,
  /** Outcomes the main thread has taken. */
  TAKEN: 1,
  /** 1 while the worker is inside the parser. */
  WORKING: 2,
  /** Bumped by the main thread after every take and every command, to wake a waiting worker. */
  TICK: 3,
  /** 1 once the worker has stopped (it sends nothing more). */
  DONE: 4,
  /** JSON characters sent and not yet taken (see AHEAD_CHARS). */
  CHARS: 5
};
var GIVE_UP_MS = 5e3;
var GIVE_UP_PARSING_MS = 6e4;
function startPrefetch(text, script = workerScript(), giveUpMs = GIVE_UP_MS) {
  if (text.length < PREFETCH_MIN_CHARS || !isMainThread || availableParallelism() < 2) return null;
  if (!script) return null;
  const counters = new SharedArrayBuffer(6 * 4);
  const shared = new Int32Array(counters);
  const { port1, port2 } = new MessageChannel();
  try {
    const worker = new Worker(script, { workerData: { text, counters, port: port2 }, transferList: [port2] });
    worker.unref();
    worker.on("error", () => {
    });
  } catch {
    return null;
  }
  const tick = () => {
    Atomics.add(shared, SLOT.TICK, 1);
    Atomics.notify(shared, SLOT.TICK);
  };
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    port1.postMessage("stop");
    tick();
    port1.close();
  };
  const next = () => {
    const since = Date.now();
    let idleSince = since;
    for (; ; ) {
      const posted = Atomics.load(shared, SLOT.POSTED);
      const m = receiveMessageOnPort(port1);
      if (m) {
        const taken = m.message;
        if (taken.json !== void 0) Atomics.sub(shared, SLOT.CHARS, taken.json.length);
        Atomics.add(shared, SLOT.TAKEN, 1);
        tick();
        return taken;
      }
      if (Atomics.load(shared, SLOT.POSTED) !== posted) continue;
      if (Atomics.load(shared, SLOT.DONE) === 1) return void 0;
      const now = Date.now();
      if (Atomics.load(shared, SLOT.WORKING) === 1) {
        if (now - since > GIVE_UP_PARSING_MS) return void 0;
        idleSince = now;
      } else if (now - idleSince > giveUpMs) return void 0;
      Atomics.wait(shared, SLOT.POSTED, posted, 100);
    }
  };
  return {
    take(from, to) {
      if (stopped) return void 0;
      const m = next();
      if (!m || m.from !== from || m.to !== to) {
        stop();
        return void 0;
      }
      if (m.json !== void 0) return { ok: true, value: JSON.parse(m.json) };
      if (!m.outcome || !m.outcome.ok && m.outcome.internal) return void 0;
      return m.outcome;
    },
    stop
  };
}
function workerScript() {
  for (const rel of ["./parse-worker.js", "../parse-worker.js"]) {
    const url = new URL(rel, import.meta.url);
    if (url.protocol === "file:" && existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

// src/parse/positions.ts
var SURROGATE = /[\uD800-\uDFFF]/;
function utf8Width(text, i) {
  const c = text.charCodeAt(i);
  if (c < 128) return { bytes: 1, units: 1 };
  if (c < 2048) return { bytes: 2, units: 1 };
  if (c >= 55296 && c <= 56319 && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 56320 && d <= 57343) return { bytes: 4, units: 2 };
  }
  return { bytes: 3, units: 1 };
}
var ByteOffsets = class {
  constructor(text) {
    this.text = text;
    this.ascii = Buffer.byteLength(text, "utf8") === text.length;
  }
  text;
  ascii;
  byte = 0;
  unit = 0;
  toUnit(byteOffset) {
    if (byteOffset <= 0) return 0;
    if (this.ascii) return Math.min(byteOffset, this.text.length);
    if (byteOffset < this.byte) {
      this.byte = 0;
      this.unit = 0;
    }
    while (this.byte < byteOffset && this.unit < this.text.length) {
      const w = utf8Width(this.text, this.unit);
      this.byte += w.bytes;
      this.unit += w.units;
    }
    return this.unit;
  }
};
function codePointToUnit(text, cp) {
  if (cp <= 0) return 0;
  if (!SURROGATE.test(text)) return Math.min(cp, text.length);
  let unit = 0;
  for (let n = 0; n < cp && unit < text.length; n++) unit += utf8Width(text, unit).units;
  return unit;
}
var LineIndex = class {
  constructor(text) {
    this.text = text;
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
    this.hasSurrogates = SURROGATE.test(text);
  }
  text;
  starts = [0];
  hasSurrogates;
  position(offset) {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (this.starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = this.starts[lo];
    let column = at - lineStart + 1;
    if (this.hasSurrogates) {
      column = 1;
      for (let i = lineStart; i < at; ) {
        i += utf8Width(this.text, i).units;
        column++;
      }
    }
    return { line: lo + 1, column };
  }
};

// src/parse/split.ts
var AtomicBodies = class {
  head = [];
  depth = 0;
  previous = "";
  /** Feeds one token; returns true when a `;` here ends the statement. */
  endsStatement(token) {
    const word = token.text.toLowerCase();
    if (word === ";") {
      if (this.depth > 0) return false;
      this.reset();
      return true;
    }
    if (token.tokenName === "SQL_COMMENT" || token.tokenName === "C_COMMENT") return false;
    if (this.head.length < 4) this.head.push(word);
    if (this.inRoutine()) {
      if (word === "atomic" && this.previous === "begin") this.depth++;
      else if (this.depth > 0 && word === "case") this.depth++;
      else if (this.depth > 0 && word === "end") this.depth--;
    }
    this.previous = word;
    return false;
  }
  inRoutine() {
    const h = this.head;
    if (h[0] !== "create") return false;
    const kind = h[1] === "or" && h[2] === "replace" ? h[3] : h[1];
    return kind === "function" || kind === "procedure";
  }
  reset() {
    this.head = [];
    this.depth = 0;
    this.previous = "";
  }
};
function statementEnd(text, start, from = start) {
  let candidate = text.indexOf(";", Math.max(start, from));
  for (; ; ) {
    const end = candidate === -1 ? text.length : candidate + 1;
    const window = text.slice(start, end);
    const scanned = scanSql(window);
    if (scanned.ok) {
      const bodies = new AtomicBodies();
      const bytes = new ByteOffsets(window);
      for (const token of scanned.value) if (bodies.endsStatement(token)) return start + bytes.toUnit(token.start);
    }
    if (candidate === -1) return text.length;
    candidate = text.indexOf(";", start + 2 * (end - start));
  }
}

// src/parse/trivia.ts
function isSpace(c) {
  return c === 32 || c >= 9 && c <= 13;
}
function readGap(text, from, to) {
  const comments = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === 59) {
      i++;
    } else if (c === 45 && text.charCodeAt(i + 1) === 45) {
      let eol = text.indexOf("\n", i);
      if (eol === -1 || eol > to) eol = to;
      pushComment(comments, text.slice(i + 2, eol));
      i = eol;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const end = blockCommentEnd(text, i, to);
      pushComment(comments, text.slice(i + 2, end - (text.startsWith("*/", end - 2) && end - 2 >= i + 2 ? 2 : 0)));
      i = end;
    } else {
      break;
    }
  }
  return { next: Math.min(i, to), comments };
}
function pushComment(comments, body) {
  const trimmed = body.trim();
  if (trimmed !== "") comments.push(trimmed);
}
function blockCommentEnd(text, from, to) {
  let depth = 0;
  let i = from;
  while (i < to) {
    if (text.startsWith("/*", i)) {
      depth++;
      i += 2;
    } else if (text.startsWith("*/", i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  return to;
}
function trimEnd(text, from, to) {
  let end = to;
  while (end > from && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

// src/parse/recover.ts
var BOUNDARY_TRIES = 8;
function toRanges(text, from, to, stmts) {
  const bytes = new ByteOffsets(text.slice(from, to));
  const ranges = [];
  for (const raw of stmts) {
    if (raw.stmt === void 0) continue;
    const location = raw.stmt_location ?? 0;
    const start = from + bytes.toUnit(location);
    const end = raw.stmt_len ? from + bytes.toUnit(location + raw.stmt_len) : to;
    ranges.push({ start, end, ast: raw.stmt, open: !raw.stmt_len && to === text.length });
  }
  return ranges;
}
function errorIn(text, from, to, failure2) {
  const offset = failure2.cursor === void 0 || failure2.cursor === 0 ? readGap(text, from, to).next : from + codePointToUnit(text.slice(from, to), failure2.cursor);
  const message = failure2.internal ? `the SQL parser failed on this statement: ${failure2.message}` : failure2.message;
  return { offset: Math.min(offset, to), message };
}
function goodPrefix(text, from, at, parse) {
  let candidate = at;
  for (let tries = 0; tries < BOUNDARY_TRIES; tries++) {
    candidate = candidate - 1 < from ? -1 : text.lastIndexOf(";", candidate - 1);
    if (candidate < from) break;
    const parsed = parse(from, candidate + 1);
    if (!parsed.ok) continue;
    const last = parsed.value.stmts?.[parsed.value.stmts.length - 1];
    if (last === void 0) break;
    if ((last.stmt_location ?? 0) + (last.stmt_len ?? 0) + 1 !== Buffer.byteLength(text.slice(from, candidate + 1), "utf8")) continue;
    return { boundary: candidate + 1, ranges: toRanges(text, from, candidate, parsed.value.stmts ?? []) };
  }
  return { boundary: from, ranges: [] };
}
function* walkToFailure(text, from, errors, parse) {
  let start = readGap(text, from, text.length).next;
  while (start < text.length) {
    const end = statementEnd(text, start, start);
    const alone = parse(start, end);
    if (alone.ok) yield* toRanges(text, start, end, alone.value.stmts ?? []);
    else errors.push(errorIn(text, start, end, alone));
    if (!alone.ok && alone.cursor === void 0) return end + 1;
    start = readGap(text, end + 1, text.length).next;
  }
  return text.length;
}
var PIECE = 8 * 1024;
var CUT_FAILURE = /^unterminated |at end of input$/;
function pieceEnd(text, from, size = PIECE) {
  if (text.length - from <= size + size / 2) return text.length;
  const semi = text.indexOf(";", from + size);
  return semi === -1 ? text.length : semi + 1;
}
function* statementRanges(text, errors, parse = (from, to) => parseSql(text.slice(from, to))) {
  let from = 0;
  let to = pieceEnd(text, from);
  while (from < text.length) {
    const whole = parse(from, to);
    if (whole.ok) {
      const stmts = whole.value.stmts ?? [];
      const last = stmts[stmts.length - 1];
      if (to === text.length) {
        yield* toRanges(text, from, to, stmts);
        return;
      }
      const kept = toRanges(text, from, to, last !== void 0 && !last.stmt_len ? stmts.slice(0, -1) : stmts);
      if (kept.length === 0) {
        to = pieceEnd(text, from, 2 * (to - from));
        continue;
      }
      from = kept[kept.length - 1].end + 1;
      to = pieceEnd(text, from);
      yield* kept;
      continue;
    }
    if (whole.cursor === void 0) {
      from = yield* walkToFailure(text, from, errors, parse);
      to = pieceEnd(text, from);
      continue;
    }
    if (to < text.length && CUT_FAILURE.test(whole.message)) {
      to = pieceEnd(text, from, 2 * (to - from));
      continue;
    }
    const at = from + codePointToUnit(text.slice(from, to), whole.cursor);
    const good = goodPrefix(text, from, at, parse);
    yield* good.ranges;
    const start = readGap(text, good.boundary, text.length).next;
    const end = statementEnd(text, start, start);
    const alone = parse(start, end);
    if (alone.ok) yield* toRanges(text, start, end, alone.value.stmts ?? []);
    else errors.push(errorIn(text, start, end, alone));
    from = end + 1;
    to = pieceEnd(text, from);
  }
}

export {
  initParser,
  parserReady,
  parseSql,
  parsePlpgsql,
  scanSql,
  ByteOffsets,
  LineIndex,
  readGap,
  trimEnd,
  AHEAD,
  AHEAD_CHARS,
  SLOT,
  startPrefetch,
  statementRanges
};
