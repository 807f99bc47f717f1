import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

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

// src/parse/guard.ts
var MAX_COMMENT_DEPTH = 1e4;
function tooDeepComments(text, limit = MAX_COMMENT_DEPTH) {
  let depth = 0;
  for (let i = text.indexOf("*"); i !== -1; i = text.indexOf("*", i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 47) {
      if (++depth > limit) return i - 1;
    } else if (text.charCodeAt(i + 1) === 47 && depth > 0) {
      depth--;
      i++;
    }
  }
  return -1;
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

// src/parse/plpgsql.ts
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function defElems(list) {
  if (!Array.isArray(list)) return [];
  return list.map((n) => isObject(n) && isObject(n.DefElem) ? n.DefElem : void 0).filter((d) => d !== void 0);
}
function stringValue(node) {
  if (isObject(node) && isObject(node.String) && typeof node.String.sval === "string") return node.String.sval;
  return void 0;
}
function plpgsqlBody(ast) {
  const node = ast;
  if (isObject(node.DoStmt)) {
    const args = defElems(node.DoStmt.args);
    const language = stringValue(args.find((d) => d.defname === "language")?.arg) ?? "plpgsql";
    const body = stringValue(args.find((d) => d.defname === "as")?.arg);
    if (language.toLowerCase() !== "plpgsql" || body === void 0) return void 0;
    return { kind: "do-block", body };
  }
  if (isObject(node.CreateFunctionStmt)) {
    const options = defElems(node.CreateFunctionStmt.options);
    const language = stringValue(options.find((d) => d.defname === "language")?.arg);
    const as = options.find((d) => d.defname === "as")?.arg;
    const items = isObject(as) && isObject(as.List) && Array.isArray(as.List.items) ? as.List.items : [];
    const body = stringValue(items[0]);
    if (language?.toLowerCase() !== "plpgsql" || body === void 0) return void 0;
    return { kind: "function-body", body };
  }
  return void 0;
}
function collect(tree) {
  const found = [];
  const stack = [tree];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
      continue;
    }
    if (!isObject(v)) continue;
    const exec = v.PLpgSQL_stmt_execsql;
    const dyn = v.PLpgSQL_stmt_dynexecute;
    if (isObject(exec)) {
      const query = exprQuery(exec.sqlstmt);
      if (query !== void 0) found.push({ lineno: Number(exec.lineno) || 1, query });
      continue;
    }
    if (isObject(dyn)) {
      const raw = exprQuery(dyn.query);
      const value = raw === void 0 ? void 0 : literalValue(raw);
      if (raw !== void 0 && value !== void 0) found.push({ lineno: Number(dyn.lineno) || 1, query: value, literal: raw });
      continue;
    }
    const keys = Object.keys(v).filter((k) => k !== "datums");
    for (let i = keys.length - 1; i >= 0; i--) stack.push(v[keys[i]]);
  }
  return found.map((f, i) => ({ f, i })).sort((a, b) => a.f.lineno - b.f.lineno || a.i - b.i).map(({ f }) => f);
}
function exprQuery(expr) {
  if (isObject(expr) && isObject(expr.PLpgSQL_expr) && typeof expr.PLpgSQL_expr.query === "string") return expr.PLpgSQL_expr.query;
  return void 0;
}
function literalValue(raw) {
  const parsed = parseSql(`SELECT ${raw}`);
  if (!parsed.ok || parsed.value.stmts?.length !== 1) return void 0;
  const select = parsed.value.stmts[0]?.stmt?.SelectStmt;
  if (!isObject(select) || !Array.isArray(select.targetList) || select.targetList.length !== 1) return void 0;
  if (Object.keys(select).some((k) => !["targetList", "limitOption", "op"].includes(k))) return void 0;
  const target = select.targetList[0];
  const val = isObject(target) && isObject(target.ResTarget) ? target.ResTarget.val : void 0;
  const constant = isObject(val) && isObject(val.A_Const) ? val.A_Const : void 0;
  const sval = constant && isObject(constant.sval) ? constant.sval.sval : void 0;
  return typeof sval === "string" ? sval : void 0;
}
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function locate(body, query, from) {
  const exact = body.indexOf(query, from);
  if (exact !== -1) return exact;
  const head = /^\S{1,40}/.exec(query.trimStart())?.[0];
  if (head === void 0) return -1;
  const re = new RegExp(escapeRegExp(head), "gi");
  re.lastIndex = from;
  return re.exec(body)?.index ?? -1;
}
function innerStatements(statementText, statementStart, ast) {
  const target = plpgsqlBody(ast);
  if (target === void 0) return void 0;
  const result = { kind: target.kind, statements: [], notes: [] };
  const what = target.kind === "do-block" ? "DO block" : "function body";
  let tree = parsePlpgsql(statementText);
  if (!tree.ok && /%(row)?type\b/i.test(statementText)) {
    tree = parsePlpgsql(statementText.replace(/%(row)?type\b/gi, (m) => " ".repeat(m.length)));
  }
  if (!tree.ok) {
    result.notes.push({ offset: statementStart, message: `did not look inside the PL/pgSQL ${what}: ${tree.message}` });
    return result;
  }
  const found = collect(tree.value);
  if (found.length === 0) return result;
  const bodyAt = target.body === "" ? -1 : statementText.indexOf(target.body);
  const haystack = bodyAt === -1 ? statementText : target.body;
  const base = statementStart + (bodyAt === -1 ? 0 : bodyAt);
  const lineStarts = [0];
  if (bodyAt !== -1) for (let i = haystack.indexOf("\n"); i !== -1; i = haystack.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  let cursor = 0;
  for (const f of found) {
    const lineStart = bodyAt === -1 ? 0 : lineStarts[f.lineno - 1] ?? lineStarts[lineStarts.length - 1];
    const from = Math.max(lineStart, cursor);
    let at;
    if (f.literal !== void 0) {
      const literalAt = haystack.indexOf(f.literal, from);
      at = literalAt === -1 ? -1 : literalAt + literalContentOffset(f.literal);
      if (literalAt !== -1) cursor = literalAt + f.literal.length;
    } else {
      at = locate(haystack, f.query, from);
      if (at !== -1) cursor = at + f.query.length;
    }
    const located = at !== -1;
    const anchor = located ? at : bodyAt === -1 ? 0 : firstNonSpace(haystack, lineStart);
    const parsed = parseSql(f.query);
    if (!parsed.ok) {
      result.notes.push({ offset: base + anchor, message: `skipped a statement in the PL/pgSQL ${what} that does not parse: ${parsed.message}` });
      continue;
    }
    const bytes = new ByteOffsets(f.query);
    for (const raw of parsed.value.stmts ?? []) {
      if (raw.stmt === void 0) continue;
      const s = bytes.toUnit(raw.stmt_location ?? 0);
      const e = raw.stmt_len ? bytes.toUnit((raw.stmt_location ?? 0) + raw.stmt_len) : f.query.length;
      const end = trimEnd(f.query, s, e);
      const start = base + anchor + (located ? s : 0);
      result.statements.push({ start, end: start + (end - s), text: f.query.slice(s, end), ast: raw.stmt });
    }
  }
  return result;
}
function dynamicExecutes(statementText, ast) {
  const target = plpgsqlBody(ast);
  if (target === void 0) return [];
  const tree = parsePlpgsql(statementText.replace(/%(row)?type\b/gi, (m) => " ".repeat(m.length)));
  if (!tree.ok) return [];
  const out = [];
  const stack = [tree.value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
      continue;
    }
    if (!isObject(v)) continue;
    for (const key of ["PLpgSQL_stmt_dynexecute", "PLpgSQL_stmt_dynfors", "PLpgSQL_stmt_open"]) {
      const dyn = v[key];
      if (!isObject(dyn)) continue;
      const raw = exprQuery(key === "PLpgSQL_stmt_open" ? dyn.dynquery : dyn.query);
      if (raw !== void 0 && literalValue(raw) === void 0) out.push({ kind: target.kind, expression: raw });
    }
    for (const [k, x] of Object.entries(v)) if (k !== "datums" && x && typeof x === "object") stack.push(x);
  }
  return out;
}
function literalContentOffset(literal) {
  const q = literal.search(/['$]/);
  if (q === -1) return 0;
  if (literal[q] === "'") return q + 1;
  const close = literal.indexOf("$", q + 1);
  return close === -1 ? q + 1 : close + 1;
}
function firstNonSpace(text, from) {
  const m = /\S/g;
  m.lastIndex = from;
  return m.exec(text)?.index ?? from;
}

// src/core/strings.ts
function trimTrailing(s, char) {
  let end = s.length;
  while (end > 0 && s[end - 1] === char) end--;
  return end === s.length ? s : s.slice(0, end);
}

// src/parse/preprocess.ts
var OffsetMap = class {
  constructor(edits = []) {
    this.edits = edits;
  }
  edits;
  toOriginal(offset) {
    const edits = this.edits;
    let lo = 0;
    let hi = edits.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = lo + hi >> 1;
      if (edits[mid].at <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found === -1) return offset;
    const e = edits[found];
    if (offset < e.at + e.newLength) return e.from + Math.min(offset - e.at, Math.max(0, e.oldLength - 1));
    return offset - (e.at + e.newLength) + (e.from + e.oldLength);
  }
};
var LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
function sanitize(text, notes) {
  let out = text.startsWith("\uFEFF") ? ` ${text.slice(1)}` : text;
  const nul = out.indexOf("\0");
  if (nul !== -1) {
    notes.push({ offset: nul, message: "replaced NUL characters with spaces" });
    out = out.replace(/\0/g, " ");
  }
  if (/[\uD800-\uDFFF]/.test(out)) out = out.replace(LONE_SURROGATE, "\uFFFD");
  return out;
}
var META_LINE = /^[ \t]*\\[^\r\n]*/gm;
var SEND_COMMAND = /(?<!\\)\\g(?:x|set|exec|desc)?(?![A-Za-z])[^\r\n]*/g;
var SENDS_QUERY = /^\\g(?:x|set|exec|desc)?(?![A-Za-z])/;
var SCAN_CHECK_LIMIT = 1e6;
var LITERAL_TOKENS = /* @__PURE__ */ new Set(["SCONST", "USCONST", "XCONST", "BCONST", "C_COMMENT", "SQL_COMMENT", "IDENT", "UIDENT"]);
function rebuild(text, ranges, pick) {
  const parts = [];
  let last = 0;
  for (const r of ranges) {
    parts.push(text.slice(last, r.from), pick(r));
    last = r.to;
  }
  parts.push(text.slice(last));
  return parts.join("");
}
function strictlyInside(spans, offset) {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = lo + hi >> 1;
    const [s, e] = spans[mid];
    if (offset <= s) hi = mid - 1;
    else if (offset >= e) lo = mid + 1;
    else return true;
  }
  return false;
}
function blankMetaCommands(text, notes) {
  const lines = [];
  for (const m of text.matchAll(META_LINE)) {
    const from = m.index + m[0].indexOf("\\");
    lines.push({ from, to: m.index + m[0].length });
  }
  if (text.length <= SCAN_CHECK_LIMIT) {
    const starts = new Set(lines.map((l) => l.from));
    for (const m of text.matchAll(SEND_COMMAND)) if (!starts.has(m.index)) lines.push({ from: m.index, to: m.index + m[0].length });
    lines.sort((a, b) => a.from - b.from);
  }
  if (lines.length === 0) return text;
  const blanked = rebuild(text, lines, (l) => " ".repeat(l.to - l.from));
  let spans = [];
  if (blanked.length <= SCAN_CHECK_LIMIT) {
    let scannedText = blanked;
    let scanned = scanSql(blanked);
    if (!scanned.ok) {
      scannedText = text;
      scanned = scanSql(text);
    }
    if (scanned.ok) {
      const bytes = new ByteOffsets(scannedText);
      spans = scanned.value.filter((t) => LITERAL_TOKENS.has(t.tokenName)).map((t) => [bytes.toUnit(t.start), bytes.toUnit(t.end)]);
    }
  }
  const meta = lines.filter((l) => !strictlyInside(spans, l.from));
  for (const l of meta) {
    const command = text.slice(l.from, l.to).trim();
    const shown = command.length > 80 ? `${command.slice(0, 77)}...` : command;
    notes.push({ offset: l.from, message: `skipped psql meta-command ${shown}${SENDS_QUERY.test(command) ? " (it ends the query before it)" : ""}` });
  }
  const out = rebuild(text, meta, (l) => {
    const blank = " ".repeat(l.to - l.from);
    return SENDS_QUERY.test(text.slice(l.from, l.to)) ? `;${blank.slice(1)}` : blank;
  });
  return meta.length > 0 ? fillPsqlVariables(out, notes) : out;
}
function fillPsqlVariables(text, notes) {
  if (!text.includes(":") || text.length > SCAN_CHECK_LIMIT) return text;
  const scanned = scanSql(text);
  if (!scanned.ok) return text;
  const bytes = new ByteOffsets(text);
  const tokens = scanned.value;
  const fills = [];
  const noted = /* @__PURE__ */ new Set();
  let brackets = 0;
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i];
    if (t.text === "[") brackets++;
    else if (t.text === "]") brackets = Math.max(0, brackets - 1);
    const next = tokens[i + 1];
    if (t.text !== ":" || brackets > 0 || next.start !== t.end) continue;
    const quoted = next.text.startsWith("'") || next.text.startsWith('"');
    if (!(next.tokenName === "IDENT" || next.tokenName === "SCONST" && next.text.startsWith("'"))) continue;
    const from = bytes.toUnit(t.start);
    const to = bytes.toUnit(next.end);
    const name = quoted ? next.text.slice(1, -1) : next.text;
    const value = quoted ? `${next.text} ` : `'${name.slice(0, Math.max(0, name.length - 1))}'`;
    fills.push({ from, to, value });
    if (!noted.has(name)) {
      noted.add(name);
      notes.push({ offset: from, message: `psql variable ${text.slice(from, to)} is not set here; parsed as ${value.trim()}` });
    }
  }
  return fills.length === 0 ? text : rebuild(text, fills, (f) => f.value);
}
var PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_.\-]*)\}/g;
function neutralIdentifier(name) {
  const base = name.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  return base.padEnd(name.length + 3, "_");
}
function substitutePlaceholders(text, values, notes) {
  if (!text.includes("${")) return { text, edits: [] };
  const edits = [];
  const noted = /* @__PURE__ */ new Set();
  let out = "";
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1];
    const configured = Object.prototype.hasOwnProperty.call(values, name);
    const value = configured ? String(values[name]) : neutralIdentifier(name);
    if (!configured && !noted.has(name)) {
      noted.add(name);
      notes.push({
        offset: m.index,
        message: `placeholder \${${name}} is not configured; parsed as the identifier ${trimTrailing(value, "_")}`
      });
    }
    out += text.slice(last, m.index);
    if (value.length !== m[0].length) edits.push({ at: out.length, newLength: value.length, from: m.index, oldLength: m[0].length });
    out += value;
    last = m.index + m[0].length;
  }
  out += text.slice(last);
  return { text: out, edits };
}
function preprocess(text, placeholders = {}) {
  const notes = [];
  const clean = blankMetaCommands(sanitize(text, notes), notes);
  const { text: substituted, edits } = substitutePlaceholders(clean, placeholders, notes);
  notes.sort((a, b) => a.offset - b.offset);
  return { text: substituted, map: new OffsetMap(edits), notes };
}

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
function goodPrefix(text, from, at) {
  let candidate = at;
  for (let tries = 0; tries < BOUNDARY_TRIES; tries++) {
    candidate = candidate - 1 < from ? -1 : text.lastIndexOf(";", candidate - 1);
    if (candidate < from) break;
    const prefix = text.slice(from, candidate + 1);
    const parsed = parseSql(prefix);
    if (!parsed.ok) continue;
    const last = parsed.value.stmts?.[parsed.value.stmts.length - 1];
    if (last === void 0) break;
    if ((last.stmt_location ?? 0) + (last.stmt_len ?? 0) + 1 !== Buffer.byteLength(prefix, "utf8")) continue;
    return { boundary: candidate + 1, ranges: toRanges(text, from, candidate, parsed.value.stmts ?? []) };
  }
  return { boundary: from, ranges: [] };
}
function walkToFailure(text, from, ranges, errors) {
  let start = readGap(text, from, text.length).next;
  while (start < text.length) {
    const end = statementEnd(text, start, start);
    const alone = parseSql(text.slice(start, end));
    if (alone.ok) append(ranges, toRanges(text, start, end, alone.value.stmts ?? []));
    else errors.push(errorIn(text, start, end, alone));
    if (!alone.ok && alone.cursor === void 0) return end + 1;
    start = readGap(text, end + 1, text.length).next;
  }
  return text.length;
}
function append(to, items) {
  for (const item of items) to.push(item);
}
var PIECE = 64 * 1024;
function pieceEnd(text, from) {
  if (text.length - from <= PIECE + PIECE / 2) return text.length;
  const semi = text.indexOf(";", from + PIECE);
  return semi === -1 ? text.length : semi + 1;
}
function parseRanges(text) {
  const ranges = [];
  const errors = [];
  let from = 0;
  let to = pieceEnd(text, from);
  while (from < text.length) {
    const rest = text.slice(from, to);
    const whole = parseSql(rest);
    if (whole.ok) {
      const stmts = whole.value.stmts ?? [];
      const last = stmts[stmts.length - 1];
      if (to === text.length) {
        append(ranges, toRanges(text, from, to, stmts));
        break;
      }
      const kept = toRanges(text, from, to, last !== void 0 && !last.stmt_len ? stmts.slice(0, -1) : stmts);
      if (kept.length === 0) {
        to = text.length;
        continue;
      }
      append(ranges, kept);
      from = kept[kept.length - 1].end + 1;
      to = pieceEnd(text, from);
      continue;
    }
    if (whole.cursor === void 0) {
      from = walkToFailure(text, from, ranges, errors);
      to = pieceEnd(text, from);
      continue;
    }
    const at = from + codePointToUnit(rest, whole.cursor);
    const good = goodPrefix(text, from, at);
    append(ranges, good.ranges);
    const start = readGap(text, good.boundary, text.length).next;
    const end = statementEnd(text, start, start);
    const alone = parseSql(text.slice(start, end));
    if (alone.ok) append(ranges, toRanges(text, start, end, alone.value.stmts ?? []));
    else errors.push(errorIn(text, start, end, alone));
    from = end + 1;
    to = pieceEnd(text, from);
  }
  return { ranges, errors };
}

// src/parse/newer-syntax.ts
var NEWER_COMMANDS = {
  REPACK: 19
};
var PARSER_PG_VERSION = 18;
function newerSyntaxMessage(text, offset, message, statementStart) {
  if (!statementStart || !/^syntax error at or near /.test(message)) return void 0;
  const word = /^[A-Za-z_]+/.exec(text.slice(offset))?.[0]?.toUpperCase();
  const since = word ? NEWER_COMMANDS[word] : void 0;
  if (!word || since === void 0) return void 0;
  return `${word} (PostgreSQL ${since}) is not supported by this parser version (PostgreSQL ${PARSER_PG_VERSION} grammar): the statement is valid SQL for PostgreSQL ${since}+ but could not be checked; review it by hand`;
}

// src/parse/parse-source.ts
function endWithoutTrailingComments(text, start, end) {
  const slice = text.slice(start, end);
  if (slice.length > 1e6 || !(slice.includes("--") || slice.includes("/*"))) return end;
  const scanned = scanSql(slice);
  if (!scanned.ok) return end;
  const last = [...scanned.value].reverse().find((t) => t.tokenName !== "SQL_COMMENT" && t.tokenName !== "C_COMMENT");
  if (last === void 0) return end;
  return start + new ByteOffsets(slice).toUnit(last.end);
}
function describe2(e) {
  const text = e instanceof Error ? e.message : String(e);
  return text.split("\n")[0].slice(0, 300);
}
function parseSource(src, opts = {}) {
  const path = src.path;
  const result = { path, statements: [], errors: [], notes: [] };
  if (!parserReady()) {
    result.errors.push({ path, line: 1, column: 1, message: "internal error: the SQL parser was not loaded (initParser() must be awaited first)" });
    return result;
  }
  const original = typeof src.text === "string" ? src.text : "";
  try {
    const lines = new LineIndex(original);
    const pre = preprocess(original, opts.placeholders ?? {});
    const where = (offset) => lines.position(pre.map.toOriginal(offset));
    const note = (offset, message) => ({ path, ...where(offset), message });
    for (const n of pre.notes) result.notes.push({ path, ...lines.position(n.offset), message: n.message });
    const text = pre.text;
    const deep = tooDeepComments(text);
    if (deep !== -1) {
      result.errors.push({ path, ...where(deep), message: `comments nested more than ${MAX_COMMENT_DEPTH} levels deep; the file is not parsed` });
      return result;
    }
    const { ranges, errors } = parseRanges(text);
    const located = errors.map((e) => ({
      offset: e.offset,
      error: { path, ...where(e.offset), message: newerSyntaxMessage(text, e.offset, e.message, atStatementStart(text, e.offset)) ?? e.message }
    }));
    let previousEnd = 0;
    for (const range of ranges) {
      const gap = readGap(text, previousEnd, range.start);
      const lead = readGap(text, range.start, range.end);
      const first = lead.next;
      let end = trimEnd(text, first, range.end);
      if (range.open) end = trimEnd(text, first, endWithoutTrailingComments(text, first, end));
      previousEnd = range.end;
      const statementText = text.slice(first, end);
      const parentIndex = result.statements.length;
      result.statements.push({
        index: parentIndex,
        path,
        ...where(first),
        start: pre.map.toOriginal(first),
        end: pre.map.toOriginal(end),
        text: statementText,
        ast: range.ast,
        comments: [...gap.comments, ...lead.comments]
      });
      const inner = innerStatementsSafely(statementText, first, range.ast);
      if (inner === void 0) continue;
      for (const n of inner.notes) result.notes.push(note(n.offset, n.message));
      for (const s of inner.statements) {
        const nested = {
          index: result.statements.length,
          path,
          ...where(s.start),
          start: pre.map.toOriginal(s.start),
          end: pre.map.toOriginal(s.end),
          text: s.text,
          ast: s.ast,
          comments: [],
          nestedIn: { statement: parentIndex, kind: inner.kind }
        };
        result.statements.push(nested);
      }
    }
    for (const l of located.sort((a, b) => a.offset - b.offset)) result.errors.push(l.error);
    result.notes.sort((a, b) => a.line - b.line || a.column - b.column);
  } catch (e) {
    result.errors.push({ path, line: 1, column: 1, message: `internal error while parsing: ${describe2(e)}` });
  }
  return result;
}
function innerStatementsSafely(text, start, ast) {
  try {
    return innerStatements(text, start, ast);
  } catch (e) {
    return { kind: "DoStmt" in ast ? "do-block" : "function-body", statements: [], notes: [{ offset: start, message: `did not look inside the PL/pgSQL body: ${describe2(e)}` }] };
  }
}
function atStatementStart(text, offset) {
  const previous = text.lastIndexOf(";", offset - 1);
  return readGap(text, previous + 1, offset).next >= offset;
}

// src/parse/read.ts
var MAX_SQL_BYTES = 64 * 1024 * 1024;
function fail(path, message, line = 1, column = 1) {
  return { ok: false, error: { path, line, column, message } };
}
function megabytes(n) {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
function firstInvalidByte(bytes) {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need;
    let min;
    if (b < 128) {
      i++;
      continue;
    } else if (b >= 194 && b <= 223) {
      need = 1;
      min = 128;
    } else if (b >= 224 && b <= 239) {
      need = 2;
      min = 2048;
    } else if (b >= 240 && b <= 244) {
      need = 3;
      min = 65536;
    } else return i;
    let cp = b & 63 >> need;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === void 0 || (c & 192) !== 128) return i;
      cp = cp << 6 | c & 63;
    }
    if (cp < min || cp > 1114111 || cp >= 55296 && cp <= 57343) return i;
    i += need + 1;
  }
  return -1;
}
function placeOfByte(bytes, offset) {
  const before = new TextDecoder("utf-8").decode(bytes.subarray(0, offset));
  const lineStart = before.lastIndexOf("\n") + 1;
  let line = 1;
  for (let i = before.indexOf("\n"); i !== -1; i = before.indexOf("\n", i + 1)) line++;
  return { line, column: [...before.slice(lineStart)].length + 1 };
}
function decodeSql(bytes, displayPath) {
  if (bytes.length > MAX_SQL_BYTES) {
    return fail(displayPath, `file is too large to parse (${megabytes(bytes.length)}; the limit is ${megabytes(MAX_SQL_BYTES)})`);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, column } = placeOfByte(bytes, nul);
    return fail(displayPath, "binary file (contains NUL bytes), not SQL text", line, column);
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    const bad = Math.max(0, firstInvalidByte(bytes));
    const { line, column } = placeOfByte(bytes, bad);
    const hex = bytes[bad]?.toString(16).padStart(2, "0") ?? "??";
    return fail(displayPath, `file is not valid UTF-8: invalid byte 0x${hex} at line ${line}, column ${column}`, line, column);
  }
}

export {
  LineIndex,
  decodeSql,
  trimTrailing,
  initParser,
  dynamicExecutes,
  parseSource
};
