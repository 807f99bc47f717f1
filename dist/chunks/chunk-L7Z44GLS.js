import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  bySeverity,
  collectDiagnostics,
  defaultRuleLookup,
  suggestionLabel
} from "./chunk-TDEUNMES.js";
import {
  require_dist
} from "./chunk-TGAEFO6I.js";
import {
  CONFIG_FILE_NAMES
} from "./chunk-4I7UKKAC.js";
import {
  CHECKSUM_REFUSAL,
  NO_TREE,
  analyzeSet,
  calibrationFor,
  duplicateVersion,
  impactOf,
  migrationEdited,
  migrationOutOfOrder,
  parseOptionsFor,
  renameRunsNothing,
  rollbackMissing,
  rollbackOrphan,
  routinesCreatedInText
} from "./chunk-LHUFNNUF.js";
import {
  allRules,
  ruleById
} from "./chunk-UHER332N.js";
import {
  byCodeUnit,
  decodeSql,
  holdYoungGeneration,
  parseSource,
  topLevelStatements,
  trimTrailing
} from "./chunk-RRVIRGX7.js";
import {
  maxRisk
} from "./chunk-UTBNT2LW.js";
import {
  LAYOUT_TRANSACTION
} from "./chunk-O6AHY4CV.js";
import {
  initParser
} from "./chunk-KBDENZBY.js";
import {
  __toESM
} from "./chunk-ZGDBGMMU.js";

// src/analyze/rule.ts
function effectiveSettings(rules, preset, settings) {
  const out = {};
  if (preset) {
    for (const r of rules) if (r.presets?.includes(preset)) out[r.id] = "on";
  }
  return { ...out, ...settings };
}

// src/discover/version.ts
function compareDigits(a, b) {
  const x = a.replace(/^0+(?=\d)/, "");
  const y = b.replace(/^0+(?=\d)/, "");
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}
function compareVersions(a, b) {
  const pa = splitVersion(a);
  const pb = splitVersion(b);
  const n = Math.max(pa.parts.length, pb.parts.length);
  for (let i = 0; i < n; i++) {
    const c = compareDigits(pa.parts[i] ?? "0", pb.parts[i] ?? "0");
    if (c !== 0) return c;
  }
  if (pa.pre === pb.pre) return 0;
  if (pa.pre === "") return 1;
  if (pb.pre === "") return -1;
  return naturalCompare(pa.pre, pb.pre);
}
function splitVersion(v) {
  const m = /^[vV]?(\d+(?:[._]\d+)*)(?:[-+]?(.*))?$/s.exec(v);
  if (!m) return { parts: [], pre: v };
  const parts = m[1].split(/[._]/);
  while (parts.length > 1 && /^0+$/.test(parts[parts.length - 1])) parts.pop();
  return { parts, pre: m[2] ?? "" };
}
function naturalCompare(a, b) {
  const ta = a.match(/\d+|\D+/g) ?? [];
  const tb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    const x = ta[i];
    const y = tb[i];
    const c = /^\d/.test(x) && /^\d/.test(y) ? compareDigits(x, y) : x < y ? -1 : x > y ? 1 : 0;
    if (c !== 0) return c;
  }
  return ta.length - tb.length || (a < b ? -1 : a > b ? 1 : 0);
}
function byteCompare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/discover/text.ts
var decoder = new TextDecoder("utf-8");
function decodeText(bytes) {
  const text = typeof bytes === "string" ? bytes : decoder.decode(bytes);
  return text.charCodeAt(0) === 65279 ? text.slice(1) : text;
}
function keepRanges(text, keep) {
  const sorted = [...keep].sort((a, b) => a[0] - b[0]);
  let out = "";
  let pos = 0;
  for (const [start, end] of sorted) {
    const s = Math.max(start, pos);
    const e = Math.min(Math.max(end, s), text.length);
    out += blank(text.slice(pos, s)) + text.slice(s, e);
    pos = e;
  }
  return out + blank(text.slice(pos));
}
function blank(segment) {
  return segment.replace(/[^\r\n]/g, " ");
}
function lines(text) {
  const result = [];
  const re = /\r?\n|\r/g;
  let start = 0;
  let number = 1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    result.push({ number, start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
    number++;
  }
  result.push({ number, start, end: text.length, text: text.slice(start) });
  return result;
}
function lfLines(text) {
  const result = [];
  let start = 0;
  let number = 1;
  for (; ; ) {
    const nl = text.indexOf("\n", start);
    const stop = nl < 0 ? text.length : nl;
    const end = stop > start && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
    result.push({ number, start, end, text: text.slice(start, end) });
    if (nl < 0) return result;
    start = nl + 1;
    number++;
  }
}
function isBlankSql(text) {
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "-" && text[i + 1] === "-") {
      const nl = text.indexOf("\n", i);
      i = nl < 0 ? text.length : nl + 1;
    } else if (c === "/" && text[i + 1] === "*") {
      let depth = 1;
      i += 2;
      while (i < text.length && depth > 0) {
        if (text[i] === "/" && text[i + 1] === "*") depth++, i += 2;
        else if (text[i] === "*" && text[i + 1] === "/") depth--, i += 2;
        else i++;
      }
    } else if (/\s|;/.test(c)) {
      i++;
    } else {
      return false;
    }
  }
  return true;
}

// src/discover/layouts/types.ts
function repoPath(dir, rel) {
  return dir ? `${dir}/${rel}` : rel;
}
function directFiles(folder) {
  return folder.files.filter((f) => !f.includes("/"));
}
function sqlFiles(files) {
  return files.filter((f) => /\.sql$/i.test(f));
}
function coverage(files, test) {
  if (files.length === 0) return 0;
  return files.filter(test).length / files.length;
}
function baseName(path2) {
  return path2.slice(path2.lastIndexOf("/") + 1);
}
function emptyBuild() {
  return { migrations: [], orphans: [], leftovers: [], issues: [] };
}

// src/discover/layouts/liquibase-sql.ts
var HEADER = /^\s*--\s*liquibase\s+formatted\s+sql\b/i;
var CHANGESET = /^\s*--\s*changeset\s+(\S+)(.*)$/i;
var ROLLBACK_LINE = /^(\s*--\s*rollback\b\s?)(.*)$/i;
var ROLLBACK_BLOCK_START = /^\s*\/\*\s*liquibase\s+rollback\b/i;
var BLOCK_HEADER = /\/\*\s*liquibase\s+rollback\b/iy;
var CHANGESET_ANYWHERE = /^[ \t]*--[ \t]*changeset[ \t]+[^\s:]+:\S/im;
var PRECONDITION = /^\s*--\s*precondition-([a-zA-Z0-9-]+) (.*)$/i;
var PROPERTY_START = /^\s*--\s*property\s/i;
var SQL_CHECK_BODY = [/^(?:expectedResult:)?(\w+) (.*)$/i, /^(?:expectedResult:)?'([^']+)' (.*)$/i, /^(?:expectedResult:)?"([^"]+)" (.*)$/i];
function isEmptyRollback(sql) {
  let t = sql.trim();
  if (t.endsWith(";")) t = t.slice(0, -1).trimEnd();
  return /^empty$/i.test(t) || /^not\s+required$/i.test(t);
}
function isLiquibaseSql(text) {
  const first = firstNonBlankLine(text);
  return first !== void 0 && HEADER.test(first) || CHANGESET_ANYWHERE.test(text);
}
function firstNonBlankLine(text) {
  for (let from = 0; ; ) {
    const newline = text.indexOf("\n", from);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(from, newline > from && text[newline - 1] === "\r" ? end - 1 : end);
    if (line.trim() !== "") return line;
    if (newline === -1) return void 0;
    from = newline + 1;
  }
}
var liquibaseSql = {
  name: "liquibase-sql",
  rollbacks: "when-used",
  async detect(folder) {
    const files = sqlFiles(folder.files);
    const texts = await Promise.all(files.map((f) => folder.read(f)));
    return coverage(texts, isLiquibaseSql);
  },
  async build(folder) {
    const out = emptyBuild();
    const files = [...sqlFiles(folder.files)].sort(byteCompare);
    for (const file of files) {
      const text = await folder.read(file);
      out.migrations.push(parseChangelog(text, repoPath(folder.dir, file), file, out.issues));
    }
    return out;
  }
};
function sqlCheck(line) {
  const m = PRECONDITION.exec(line);
  if (!m || m[1] !== "sql-check") return null;
  const end = javaTrimmedEnd(line);
  let from = line.length - m[2].length;
  while (from < end && line.charCodeAt(from) <= 32) from++;
  const body = line.slice(from, end);
  for (const pattern of SQL_CHECK_BODY) {
    const b = pattern.exec(body);
    if (b) return { start: end - b[2].length, end, sql: b[2] };
  }
  return null;
}
var JAVA_SPACE = /[ \t\n\x0B\f\r]/;
function propertyOf(line) {
  const start = PROPERTY_START.exec(line);
  if (!start) return null;
  const rest = line.slice(start[0].length - 1);
  const colon = rest.indexOf(":");
  let blank2 = colon + 1;
  while (colon >= 0 && blank2 < rest.length && !JAVA_SPACE.test(rest[blank2])) blank2++;
  if (colon < 0 || blank2 >= rest.length || rest.indexOf(":", blank2 + 1) < 0) return null;
  const name = lastWordAfter(line, /name:/gi);
  const value = lastWordAfter(line, /value:/gi);
  return name !== null && value !== null ? { name, value } : null;
}
function lastWordAfter(line, key) {
  const ends = [];
  for (let m = key.exec(line); m; m = key.exec(line)) ends.push(m.index + m[0].length);
  for (let i = ends.length - 1; i >= 0; i--) {
    let at = ends[i];
    while (at < line.length && JAVA_SPACE.test(line[at])) at++;
    let end = at;
    while (end < line.length && !JAVA_SPACE.test(line[end])) end++;
    if (end > at) return line.slice(at, end);
  }
  return null;
}
function javaTrimmedEnd(text) {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) <= 32) end--;
  return end;
}
function isolable(sql) {
  const rest = sql.replace(/\$\{[A-Za-z_][A-Za-z0-9_.\-]*\}/g, "x");
  if (/;|--|\/\*|\*\/|\\|\$/.test(rest)) return false;
  return (rest.split("'").length - 1) % 2 === 0 && (rest.split('"').length - 1) % 2 === 0;
}
function parseChangelog(text, path2, rel, issues) {
  const changesets = [];
  const rollbackOf = [[]];
  const rollbackLines = [];
  const rollbackSql = [];
  const checks = [];
  const properties = /* @__PURE__ */ Object.create(null);
  const all = lines(text);
  for (let i = 0; i < all.length; i++) {
    const line = all[i];
    const property = propertyOf(line.text);
    if (property) {
      if (!Object.prototype.hasOwnProperty.call(properties, property.name)) properties[property.name] = property.value;
      continue;
    }
    const check = sqlCheck(line.text);
    if (check) {
      if (isolable(check.sql)) checks.push({ start: line.start, end: line.end, sql: check.sql });
      else issues.push({ path: rel, line: line.number, column: check.start + 1, message: "this --precondition-sql-check runs SQL that cannot be reviewed on its own (a comment, quote, semicolon or dollar sign in it could run on into the changeset's SQL); Liquibase runs it before the changeset" });
      continue;
    }
    const cs = CHANGESET.exec(line.text);
    if (cs) {
      changesets.push({ line: line.number, label: cs[1], attrs: cs[2] ?? "", hasRollback: false });
      rollbackOf.push([]);
      continue;
    }
    const current = changesets[changesets.length - 1];
    const rb = ROLLBACK_LINE.exec(line.text);
    if (rb) {
      rollbackLines.push([line.start, line.end]);
      if (!isEmptyRollback(rb[2])) {
        rollbackSql.push([line.start + rb[1].length, line.end]);
        rollbackOf[rollbackOf.length - 1].push([line.start + rb[1].length, line.end]);
      }
      if (current) current.hasRollback = true;
      continue;
    }
    if (ROLLBACK_BLOCK_START.test(line.text)) {
      const start = line.start + line.text.search(/\/\*/);
      BLOCK_HEADER.lastIndex = start;
      const header = BLOCK_HEADER.exec(text);
      const innerStart = start + header[0].length;
      const close = text.indexOf("*/", innerStart);
      const innerEnd = close < 0 ? text.length : close;
      const end = close < 0 ? text.length : close + 2;
      rollbackLines.push([start, end]);
      if (!isEmptyRollback(text.slice(innerStart, innerEnd))) {
        rollbackSql.push([innerStart, innerEnd]);
        rollbackOf[rollbackOf.length - 1].push([innerStart, innerEnd]);
      }
      if (current) current.hasRollback = true;
      while (i + 1 < all.length && all[i + 1].start < end) i++;
    }
  }
  const upKeep = [];
  let pos = 0;
  for (const [s, e] of [...rollbackLines].sort((a, b) => a[0] - b[0])) {
    upKeep.push([pos, s]);
    pos = e;
  }
  upKeep.push([pos, text.length]);
  const anyRollback = changesets.some((c) => c.hasRollback) || rollbackLines.length > 0;
  const noTransaction = changesets.some((c) => /\brunInTransaction:\s*false\b/i.test(c.attrs));
  const repeatable = changesets.length > 0 && changesets.every((c) => /\b(runOnChange|runAlways):\s*true\b/i.test(c.attrs));
  const id = rel.replace(/\.sql$/i, "");
  const spans = rollbackOf.filter((r) => r.length > 0).map((r) => [r[0][0], r[r.length - 1][1]]);
  return {
    id,
    version: id,
    name: baseName(id),
    up: { path: path2, text: withChecks(keepRanges(text, upKeep), checks) },
    down: anyRollback ? { path: path2, text: keepRanges(text, rollbackSql) } : null,
    ...anyRollback && spans.length > 1 ? { downOrder: spans.reverse() } : {},
    ...noTransaction ? { noTransaction } : {},
    ...repeatable ? { repeatable } : {},
    ...Object.keys(properties).length > 0 ? { placeholders: properties } : {},
    ...anyRollback ? {
      partsWithoutRollback: changesets.filter((c) => !c.hasRollback).map((c) => ({ line: c.line, column: 1, label: `changeset ${c.label}` }))
    } : {}
  };
}
function withChecks(up, checks) {
  let out = up;
  for (const c of checks) out = `${out.slice(0, c.start)};${c.sql};${" ".repeat(c.end - c.start - c.sql.length - 2)}${out.slice(c.end)}`;
  return out;
}
function changesetBlocks(up) {
  const blocks = [{ key: "", start: 0, end: up.length }];
  for (const line of lines(up)) {
    const cs = CHANGESET.exec(line.text);
    if (!cs) continue;
    blocks[blocks.length - 1].end = line.start;
    blocks.push({ key: cs[1], start: line.start, end: up.length });
  }
  return new Set(blocks.map((b) => b.key)).size === blocks.length ? blocks : null;
}
function addedChangesets(baseUp, headUp, same) {
  const base = changesetBlocks(baseUp);
  const head = changesetBlocks(headUp);
  if (!base || !head) return null;
  const byKey = new Map(head.map((b) => [b.key, b]));
  const kept = [];
  for (const b of base) {
    const h = byKey.get(b.key);
    if (!h || !same(baseUp.slice(b.start, b.end), headUp.slice(h.start, h.end))) return null;
    byKey.delete(b.key);
    kept.push([h.start, h.end]);
  }
  const added = [...byKey.values()].map((b) => [b.start, b.end]);
  return added.length > 0 ? { kept: kept.sort((a, b) => a[0] - b[0]), added } : null;
}

// src/discover/changes.ts
function applyChanges(sets, changes, baseSets, sameStatements2 = (a, b) => a === b) {
  const byPath = new Map(changes.map((c) => [c.path, c]));
  const baseByKey = /* @__PURE__ */ new Map();
  for (const set of baseSets ?? []) for (const m of set.migrations) baseByKey.set(setKey(set, m.up.path), m);
  const findings = [];
  const claimedDeletions = /* @__PURE__ */ new Set();
  const result = sets.map((set) => {
    const moved = baseSets ? movedWhole(set, sets, baseSets) : void 0;
    const migrations = set.migrations.map((m) => {
      const carried = moved?.get(m.up.path);
      if (carried) {
        for (const p of [carried.up.path, carried.down?.path]) if (p !== void 0) claimedDeletions.add(p);
        return { ...m, change: "unchanged" };
      }
      const previousPath = byPath.get(m.up.path)?.previousPath;
      const base = baseByKey.get(setKey(set, m.up.path)) ?? baseByKey.get(setKey(set, previousPath ?? "")) ?? (previousPath === void 0 ? void 0 : baseSets?.flatMap((b) => b.migrations).find((b) => b.up.path === previousPath));
      const marked = mark(m, byPath, base, sameStatements2, baseSets !== null);
      if (marked.upEdited && !m.repeatable) findings.push(migrationEdited(marked.migration, marked.migration.change, marked.renamedFrom));
      return marked.migration;
    });
    return { ...set, migrations };
  });
  const notes = [];
  const deletedPaths = new Set(changes.filter((c) => c.status === "deleted").map((c) => c.path));
  const fileName = (p) => p.slice(p.lastIndexOf("/") + 1);
  const headNames = new Set(result.flatMap((s) => s.migrations.filter((m) => m.change === "added" || m.change === "renamed").map((m) => fileName(m.up.path))));
  for (const set of baseSets ?? []) {
    if (set.migrations.length === 0 || sets.some((s) => s.dir === set.dir)) continue;
    if (!set.migrations.every((m) => deletedPaths.has(m.up.path) && !headNames.has(fileName(m.up.path)))) continue;
    for (const m of set.migrations) for (const p of [m.up.path, m.down?.path]) if (p !== void 0) claimedDeletions.add(p);
    notes.push({ path: set.dir, message: `${set.migrations.length} migration${set.migrations.length === 1 ? "" : "s"} of ${set.dir || "the repository root"} deleted with the whole folder: no runner applies ${set.migrations.length === 1 ? "it" : "them"} again, and databases that ran ${set.migrations.length === 1 ? "it" : "them"} keep what ${set.migrations.length === 1 ? "it" : "they"} made` });
  }
  for (const change of changes) {
    if (change.status !== "deleted" || claimedDeletions.has(change.path)) continue;
    const fromBase = baseSets ? findBase(baseSets, change.path) : null;
    const target = fromBase ? result.find((s) => s.dir === fromBase.set.dir && s.layout === fromBase.set.layout) : result.find((s) => parentOf(change.path) === s.dir || parentOf(parentOf(change.path)) === s.dir);
    if (fromBase === null && (!target || !/\.sql$/i.test(change.path))) continue;
    if (fromBase && fromBase.migration.up.path !== change.path) continue;
    const deleted = fromBase ? { ...fromBase.migration, change: "deleted" } : deletedStub(change.path, target);
    claimedDeletions.add(change.path);
    findings.push(migrationEdited(deleted, "deleted"));
    if (target) target.migrations = insertByBaseOrder(target.migrations, deleted, fromBase?.set.migrations ?? null);
    else result.push({ dir: fromBase.set.dir, layout: fromBase.set.layout, migrations: [deleted] });
  }
  for (const set of result) findings.push(...outOfOrder(set, baseSets ? baseSets.filter((b) => b.dir === set.dir && b.layout === set.layout) : null));
  return { sets: result, findings, notes };
}
function movedWhole(set, heads, baseSets) {
  const sameFolder = (a, b) => a.dir === b.dir;
  if (baseSets.some((b) => sameFolder(b, set))) return void 0;
  const within = (dir, path2) => path2 === void 0 ? void 0 : dir === "" ? path2 : path2.slice(dir.length + 1);
  const byName = new Map(set.migrations.map((m) => [within(set.dir, m.up.path), m]));
  for (const base of baseSets) {
    if (base.migrations.length === 0 || heads.some((h) => sameFolder(h, base))) continue;
    const pairs = /* @__PURE__ */ new Map();
    for (const b of base.migrations) {
      const h = byName.get(within(base.dir, b.up.path));
      if (!h || h.up.text !== b.up.text || within(set.dir, h.down?.path) !== within(base.dir, b.down?.path) || (h.down?.text ?? "") !== (b.down?.text ?? "")) break;
      pairs.set(h.up.path, b);
    }
    if (pairs.size === base.migrations.length) return pairs;
  }
  return void 0;
}
function setKey(set, upPath) {
  return `${set.dir}\0${set.layout}\0${upPath}`;
}
function mark(m, byPath, base, sameStatements2, baseKnown) {
  const up = byPath.get(m.up.path);
  const down = m.down && m.down.path !== m.up.path ? byPath.get(m.down.path) : void 0;
  const baseDown = base?.down && base.down.path !== base.up.path ? byPath.get(base.down.path) : void 0;
  let change = "unchanged";
  let upEdited = false;
  let upAsBase = false;
  let renamedFrom;
  if (up?.status === "added" && !base) change = "added";
  else if (up?.status === "renamed" && !base && baseKnown) change = "added";
  else if (up?.status === "renamed") {
    change = "renamed";
    upEdited = true;
    if (base) {
      renamedFrom = {
        version: base.version,
        layout: base.layout,
        // The statements only (a tool switch adds its annotations and takes in the rollback).
        sameStatements: sameSql(base.up.text, m.up.text) || sameStatements2(base.up.text, m.up.text, m.layout)
      };
      upAsBase = renameRunsNothing({ ...m, ...up.previousPath ? { previousPath: up.previousPath } : {} }, renamedFrom);
    }
  } else if (up) {
    change = "modified";
    const oneFile = m.down?.path === m.up.path;
    const checksummed = CHECKSUM_REFUSAL[m.layout] !== void 0;
    upAsBase = !!base && (sameSql(base.up.text, m.up.text) || sameStatements2(base.up.text, m.up.text, m.layout));
    const grown = !upAsBase && base && oneFile && m.layout === "liquibase-sql" && base.up.path === m.up.path ? addedChangesets(base.up.text, m.up.text, sameSql) : null;
    if (grown) return grownChangelog(m, base, grown);
    if (!base) upEdited = true;
    else if (checksummed) upEdited = oneFile ? !sameSql(base.up.text, m.up.text) : base.up.text !== m.up.text;
    else upEdited = !upAsBase;
  } else if (down || baseDown) {
    change = "modified";
    upAsBase = true;
  }
  const rollbackAsIs = change === "modified" && !rollbackChanged(m, base, down ?? baseDown, sameStatements2);
  if (change === "modified" && upAsBase && !upEdited && rollbackAsIs) change = "unchanged";
  const keptRollback = change === "modified" && !upAsBase && rollbackAsIs && !!base && !!m.down && m.down.path !== m.up.path && base.down?.path === m.down.path;
  const migration = {
    ...m,
    change,
    ...keptRollback ? { rollbackAsBase: { baseUp: base.up.text } } : {},
    // A runner that re-applies the migration when it changes runs every statement again: all of
    // them are the change's to review.
    ...change === "modified" && upEdited && base && base.up.path === m.up.path && !m.repeatable && !/\b(?:runOnChange|runAlways):\s*true\b/i.test(m.up.text) ? { baseUp: base.up.text } : {},
    ...change === "renamed" && up?.previousPath ? { previousPath: up.previousPath } : {},
    // Where the base branch has this migration; when its migrations are unknown, where it would be.
    ...base ? { basePath: base.up.path } : !baseKnown && change !== "added" ? { basePath: (change === "renamed" ? up?.previousPath : void 0) ?? m.up.path } : {},
    ...upAsBase ? { upAsBase: true } : {}
  };
  return { migration, upEdited, ...renamedFrom ? { renamedFrom } : {} };
}
function grownChangelog(m, base, grown) {
  const reviewed = grown.added;
  const within = ([s, e]) => reviewed.some(([a, b]) => s >= a && e <= b);
  const order = m.downOrder?.filter(within);
  const down = m.down ? { ...m.down, text: keepRanges(m.down.text, reviewed) } : null;
  const none = down !== null && isBlankSql(down.text);
  const migration = {
    ...m,
    change: "modified",
    basePath: base.up.path,
    baseChangesets: grown.kept,
    ...down ? { down: none ? null : down } : {},
    ...none ? { rollbackStatus: "missing" } : {},
    ...order && order.length > 1 ? { downOrder: order } : {}
  };
  if (none) delete migration.rollbackEmpty;
  if (order && order.length <= 1) delete migration.downOrder;
  return { migration, upEdited: false };
}
function rollbackChanged(m, base, downChange, sameStatements2) {
  if (m.down?.path !== m.up.path) {
    if (downChange === void 0) return false;
    if (downChange.status !== "modified" || !m.down || base?.down?.path !== m.down.path) return true;
    return !(sameSql(base.down.text, m.down.text) || sameStatements2(base.down.text, m.down.text, m.layout));
  }
  const before = base?.down?.text ?? "";
  const after = m.down?.text ?? "";
  return !(sameSql(before, after) || sameStatements2(before, after, m.layout));
}
function sameSql(a, b) {
  return a.replace(/\s+/g, " ").trim() === b.replace(/\s+/g, " ").trim();
}
function findBase(baseSets, path2) {
  for (const set of baseSets) {
    for (const migration of set.migrations) {
      if (migration.up.path === path2 || migration.down?.path === path2) return { set, migration };
    }
  }
  return null;
}
function deletedStub(path2, set) {
  const name = path2.slice(path2.lastIndexOf("/") + 1).replace(/\.sql$/i, "");
  return {
    id: name,
    version: name,
    name,
    layout: set.layout,
    dir: set.dir,
    up: { path: path2, text: "" },
    down: null,
    rollbackStatus: "not-required",
    transaction: "none",
    change: "deleted"
  };
}
function insertByBaseOrder(migrations, deleted, baseOrder) {
  const out = [...migrations];
  if (baseOrder) {
    const i = baseOrder.findIndex((m) => m.up.path === deleted.up.path);
    for (let j = i - 1; j >= 0; j--) {
      const at = out.findIndex((m) => m.up.path === baseOrder[j].up.path || m.id === baseOrder[j].id);
      if (at >= 0) {
        out.splice(at + 1, 0, deleted);
        return out;
      }
    }
    out.unshift(deleted);
    return out;
  }
  out.push(deleted);
  return out;
}
function outOfOrder(set, base) {
  const basePaths = base ? new Set(base.flatMap((s) => s.migrations.map((m) => m.up.path))) : null;
  const existing = (m) => !m.repeatable && m.change !== "deleted" && m.change !== "added" && (basePaths === null || basePaths.has(m.up.path) || m.change === "renamed");
  const findings = [];
  set.migrations.forEach((m, i) => {
    if (m.change !== "added" || m.repeatable) return;
    const later = set.migrations.slice(i + 1).find((o) => existing(o) && o.change !== "renamed");
    if (later) findings.push(migrationOutOfOrder(m, later));
  });
  return findings;
}
function parentOf(path2) {
  const i = path2.lastIndexOf("/");
  return i < 0 ? "" : path2.slice(0, i);
}

// src/discover/discover.ts
import { createHash } from "node:crypto";

// src/discover/layouts/plain.ts
var LEADING_VERSION = /^([vV]?\d+(?:[._]\d+)*)(?:[_\-.](.*))?$/s;
var VERSION_DIR = /^([vV]?\d+(?:\.\d+)*)\/([^/]+)\.sql$/;
var SNAPSHOT = /^(?:latest|schema|structure|baseline|current)(?:[._-][^/]*)?\.sql$/i;
function isSchemaSnapshot(file) {
  return SNAPSHOT.test(file);
}
function isPgDump(text) {
  return /^--\s*PostgreSQL database dump\s*$/m.test(text.slice(0, 400));
}
var SQLC_NAME = /^[ \t]*(?:--|\/\*)[ \t]*name:[ \t]*\w+[ \t]+:(?:one|many|exec|execrows|execresult|execlastid|copyfrom|batchexec|batchmany|batchone)\b/m;
function isSqlcQueries(text) {
  const first = SQLC_NAME.exec(text);
  if (!first) return false;
  return isBlankSql(text.slice(0, first.index));
}
function looksLikeMigrationName(file) {
  return /^[vV]?\d/.test(file) || /migrat|upgrade|rollback|schema/i.test(file);
}
var plain = {
  name: "plain",
  rollbacks: "never",
  async detect() {
    return 0.05;
  },
  async build(folder) {
    const out = emptyBuild();
    const entries = sqlFiles(folder.files).map((file) => {
      const inDir = VERSION_DIR.exec(file);
      if (inDir) return { file, version: inDir[1], name: inDir[2], versioned: true };
      if (file.includes("/")) return { file, version: "", name: file.slice(0, -4), versioned: false };
      const lead = file.endsWith(".sql") ? LEADING_VERSION.exec(file.slice(0, -4)) : null;
      return lead ? { file, version: lead[1], name: lead[2] ?? "", versioned: true } : { file, version: "", name: file.slice(0, -4), versioned: false };
    });
    entries.sort((a, b) => {
      if (a.versioned !== b.versioned) return a.versioned ? -1 : 1;
      return (a.versioned ? compareVersions(a.version, b.version) : 0) || naturalCompare(a.file, b.file);
    });
    const versioned = folder.besideMigrations === true || entries.some((e) => e.versioned);
    for (const e of entries) {
      if (versioned && !e.versioned && SNAPSHOT.test(e.file)) {
        (out.snapshots ??= []).push(e.file);
        continue;
      }
      out.migrations.push({
        id: e.file.slice(0, -4),
        version: e.version || e.name,
        name: e.name,
        up: { path: repoPath(folder.dir, e.file), text: await folder.read(e.file) },
        down: null
      });
    }
    return out;
  }
};

// src/discover/folders.ts
var INIT_DIR = /^(?:docker-entrypoint-)?init(?:db)?(?:[-_.]?(?:scripts?|d))?$/i;
var SQITCH_SCRIPT = /^(?:(.*)\/)?(deploy|revert|verify)\/.+\.sql$/;
var PRISMA = /^(?:(.*)\/)?[^/]+\/migration\.sql$/;
var DIR_PAIR = /^(?:(.*)\/)?[^/]+\/(?:up|down)\.sql$/;
var VERSION_SUBDIR = /^(?:(.*)\/)?[vV]?\d+(?:\.\d+)*\/([^/]+\.sql)$/;
var LIQUIBASE_ROOT = /^(changelogs?|changesets?|liquibase|migrations?|db)$/i;
var TEST_DIR = /(^|\/)(tests?|__tests__|integration|e2e|specs?|fixtures?|testdata|mocks?|stubs?)(\/|$)/i;
var NAMED_MIGRATIONS = /(^|\/)[^/]*(migrat|changelog|upgrade|versioned|flyway)[^/]*(\/|$)/i;
var NAMED_DATABASE = /(^|\/)(db|schema|ddl)$/i;
var MIGRATION_DIR = new RegExp(`${NAMED_MIGRATIONS.source}|${NAMED_DATABASE.source}`, "i");
function parent(path2) {
  const i = path2.lastIndexOf("/");
  return i < 0 ? "" : path2.slice(0, i);
}
function under(dir, path2) {
  if (dir === "") return path2;
  return path2.startsWith(`${dir}/`) ? path2.slice(dir.length + 1) : null;
}
async function findFolderGroups(paths, readText) {
  const all = [...paths].sort();
  const sql = all.filter((p) => /\.sql$/i.test(p));
  const claimed = /* @__PURE__ */ new Set();
  const groups = [];
  const claim = (dir, shape, accept) => {
    const files = all.flatMap((p) => {
      const rel = under(dir, p);
      return rel !== null && !claimed.has(p) && accept(rel) ? [rel] : [];
    });
    for (const rel of files) if (/\.sql$/i.test(rel)) claimed.add(dir ? `${dir}/${rel}` : rel);
    if (files.some((f) => /\.sql$/i.test(f))) groups.push({ dir, files, ...shape ? { shape } : {} });
  };
  const sqitchRoots = /* @__PURE__ */ new Set();
  for (const p of sql) {
    const m = SQITCH_SCRIPT.exec(p);
    if (!m) continue;
    const root = m[1] ?? "";
    const prefix = root ? `${root}/` : "";
    const hasDeploy = sql.some((q) => q.startsWith(`${prefix}deploy/`));
    const marked = all.includes(`${prefix}sqitch.plan`) || sql.some((q) => q.startsWith(`${prefix}revert/`));
    if (hasDeploy && marked) sqitchRoots.add(root);
  }
  for (const root of [...sqitchRoots].sort((a, b) => b.length - a.length)) {
    claim(root, "sqitch", (rel) => /^(deploy|revert|verify)\/.+\.sql$/i.test(rel) || rel === "sqitch.plan");
  }
  const prismaRoots = new Set(sql.filter((p) => !claimed.has(p)).flatMap((p) => PRISMA.test(p) ? [PRISMA.exec(p)[1] ?? ""] : []));
  for (const root of prismaRoots) {
    claim(root, "prisma", (rel) => /^[^/]+\/(migration|down)\.sql$/.test(rel) && (rel.endsWith("/migration.sql") || all.includes(`${root ? `${root}/` : ""}${parent(rel)}/migration.sql`)));
  }
  const pairRoots = new Set(sql.filter((p) => !claimed.has(p)).flatMap((p) => DIR_PAIR.test(p) ? [DIR_PAIR.exec(p)[1] ?? ""] : []));
  for (const root of pairRoots) {
    claim(root, "directory-pairs", (rel) => /^[^/]+\/((up|down)\.sql|metadata\.(toml|ya?ml))$/.test(rel));
  }
  const liquibaseRoots = /* @__PURE__ */ new Set();
  const liquibaseDirs = /* @__PURE__ */ new Set();
  for (const p of sql) {
    if (claimed.has(p) || !isLiquibaseSql(await readText(p))) continue;
    liquibaseDirs.add(parent(p));
    let dir = parent(p);
    let root = dir;
    for (let d = dir; ; d = parent(d)) {
      if (LIQUIBASE_ROOT.test(d.slice(d.lastIndexOf("/") + 1))) {
        root = d;
        break;
      }
      if (d === "") break;
    }
    liquibaseRoots.add(root);
    dir = root;
  }
  for (const root of [...liquibaseRoots].sort((a, b) => b.length - a.length)) {
    claim(root, "liquibase-sql", (rel) => /\.sql$/i.test(rel) && liquibaseDirs.has(parent(root ? `${root}/${rel}` : rel)));
  }
  const versionRoots = /* @__PURE__ */ new Map();
  for (const p of sql) {
    const m = VERSION_SUBDIR.exec(p);
    if (claimed.has(p) || !m) continue;
    const root = versionRoots.get(m[1] ?? "") ?? { unnumbered: false, dirs: /* @__PURE__ */ new Set(), pairs: false };
    if (!/^[vV]?\d/.test(m[2])) root.unnumbered = true;
    if (/\.(up|down)\.sql$/i.test(m[2])) root.pairs = true;
    root.dirs.add(parent(p));
    versionRoots.set(m[1] ?? "", root);
  }
  for (const [root, seen] of versionRoots) {
    const numbered = !seen.pairs && seen.dirs.size >= 2;
    if (!seen.unnumbered && !numbered) continue;
    claim(root, "plain", (rel) => VERSION_SUBDIR.test(rel) && (numbered || !/^[vV]?\d/.test(rel.slice(rel.indexOf("/") + 1))) || numbered && isSchemaSnapshot(rel));
  }
  const dirs = new Set(sql.filter((p) => !claimed.has(p)).map((p) => {
    const d = parent(p);
    return /(^|\/)rollbacks?$/i.test(d) && sql.some((q) => !claimed.has(q) && parent(q) === parent(d)) ? parent(d) : d;
  }));
  for (const dir of dirs) {
    claim(dir, void 0, (rel) => !rel.includes("/") || /^rollbacks?\/[^/]+\.sql$/i.test(rel) || rel === "meta/_journal.json");
  }
  const aboveMigrations = /* @__PURE__ */ new Set();
  for (const g of groups) {
    if (g.dir === "" || !(g.shape || namedWithVersions(g.files))) continue;
    for (let d = parent(g.dir); ; d = parent(d)) {
      aboveMigrations.add(d);
      if (d === "") break;
    }
  }
  for (const g of groups) if (!g.shape && aboveMigrations.has(g.dir)) g.besideMigrations = true;
  const last = (dir) => dir.slice(dir.lastIndexOf("/") + 1);
  for (const g of groups) {
    if (g.shape || !INIT_DIR.test(last(g.dir))) continue;
    const migrations = groups.some((o) => o !== g && !INIT_DIR.test(last(o.dir)) && parent(o.dir) === parent(g.dir) && (o.shape || namedWithVersions(o.files) || MIGRATION_DIR.test(o.dir)));
    if (migrations) g.initScripts = true;
  }
  return groups.sort((a, b) => a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0);
}
var DELTA_DIR = /(^|\/)deltas?$/i;
function inVersionFolders(files) {
  const sql = files.filter((f) => /\.sql$/i.test(f));
  return sql.filter((f) => /^[vV]?\d+(?:\.\d+)*\/[^/]+$/.test(f)).length * 2 > sql.length;
}
function namedWithVersions(files) {
  const sqlNames = files.filter((f) => /\.sql$/i.test(f)).map((f) => f.slice(f.lastIndexOf("/") + 1));
  return sqlNames.filter((f) => /^[vV]?\d/.test(f)).length * 2 > sqlNames.length;
}
function looksLikeMigrationFolder(group) {
  if (NAMED_MIGRATIONS.test(group.dir)) return true;
  if (TEST_DIR.test(group.dir)) return false;
  if (NAMED_DATABASE.test(group.dir)) return true;
  if (DELTA_DIR.test(group.dir) && inVersionFolders(group.files)) return true;
  const files = group.files.filter((f) => /\.sql$/i.test(f));
  return files.filter((f) => looksLikeMigrationName(f.slice(f.lastIndexOf("/") + 1))).length * 2 >= files.length;
}

// src/discover/layouts/sections.ts
function findMarkers(text, re) {
  const found = [];
  for (const line of lfLines(text)) {
    const m = re.exec(line.text);
    if (m) found.push({ kind: m[1].toLowerCase().replace(/\s+/g, " "), line, rest: m[2] ?? "" });
  }
  return found;
}
function sectionTexts(text, markers, sectionKinds) {
  const starts = markers.filter((m) => sectionKinds.includes(m.kind));
  const ranges = /* @__PURE__ */ new Map();
  starts.forEach((m, i) => {
    const next = starts[i + 1];
    const range = [m.line.end, next ? next.line.start : text.length];
    ranges.set(m.kind, [...ranges.get(m.kind) ?? [], range]);
  });
  const result = /* @__PURE__ */ new Map();
  for (const [kind, rs] of ranges) result.set(kind, keepRanges(text, rs));
  return result;
}
function numberedFiles(folder, pattern, out) {
  const named = sqlFiles(directFiles(folder)).flatMap((file) => {
    const m = pattern.exec(file);
    if (!m) out.leftovers.push(file);
    return m ? [{ file, version: m[1], name: m[2] ?? "" }] : [];
  });
  return named.sort((a, b) => compareDigits(a.version, b.version) || naturalCompare(a.file, b.file));
}

// src/discover/layouts/dbmate.ts
var MARKER = /^--[\t\n\f\r ]*migrate:(up|down)((?:[\t\n\f\r ][^]*)?)$/;
var NAME = /^(\d+)(?:[_-](.*))?\.sql$/;
var dbmate = {
  name: "dbmate",
  rollbacks: "always",
  async detect(folder) {
    const files = sqlFiles(directFiles(folder));
    const texts = await Promise.all(files.map((f) => folder.read(f)));
    return coverage(texts, (t) => /^--\s*migrate:up\b/im.test(t));
  },
  async build(folder) {
    const out = emptyBuild();
    for (const { file, version, name } of numberedFiles(folder, NAME, out)) {
      const text = await folder.read(file);
      const markers = findMarkers(text, MARKER);
      const up = markers.find((m) => m.kind === "up");
      const down = markers.find((m) => m.kind === "down");
      if (!up) {
        out.issues.push({ path: file, line: 1, column: 1, message: "dbmate migration has no '-- migrate:up' section" });
      }
      const sections = sectionTexts(text, markers, ["up", "down"]);
      const path2 = repoPath(folder.dir, file);
      const noTransaction = [up, down].some((m) => m && transactionOff(m.rest));
      out.migrations.push({
        id: file.slice(0, -4),
        version,
        name,
        up: { path: path2, text: up ? sections.get("up") : text },
        down: down ? { path: path2, text: sections.get("down") } : null,
        ...noTransaction ? { noTransaction } : {},
        dupKey: version.replace(/^0+(?=\d)/, "")
      });
    }
    return out;
  }
};
function transactionOff(rest) {
  return rest.trim().split(/[\t\n\f\r ]+/).some((pair) => pair === "transaction:false");
}

// src/discover/layouts/directory-pairs.ts
var FILE = /^([^/]+)\/(up|down)\.sql$/;
var directoryPairs = {
  name: "directory-pairs",
  rollbacks: "always",
  async detect(folder) {
    return coverage(sqlFiles(folder.files), (f) => FILE.test(f));
  },
  async build(folder) {
    const out = emptyBuild();
    const byDir = /* @__PURE__ */ new Map();
    for (const file of sqlFiles(folder.files)) {
      const m = FILE.exec(file);
      if (!m) {
        out.leftovers.push(file);
        continue;
      }
      const entry = byDir.get(m[1]) ?? {};
      entry[m[2]] = file;
      byDir.set(m[1], entry);
    }
    const parsed = [...byDir.entries()].map(([id, e]) => {
      const m = /^(\d[\d-]*)(?:_(.*))?$/.exec(id);
      const version = m ? m[1] : id;
      return { id, version, key: version.replace(/-/g, ""), name: m ? m[2] ?? "" : id, numeric: m !== null, ...e };
    });
    parsed.sort(
      (a, b) => a.numeric && b.numeric ? byteCompare(a.key, b.key) || naturalCompare(a.id, b.id) : naturalCompare(a.id, b.id)
    );
    for (const e of parsed) {
      if (!e.up) {
        out.orphans.push(e.down);
        continue;
      }
      const noTransaction = await optsOutOfTransaction(folder.files, e.id, folder.read);
      out.migrations.push({
        id: e.id,
        version: e.version,
        name: e.name,
        up: { path: repoPath(folder.dir, e.up), text: await folder.read(e.up) },
        down: e.down ? { path: repoPath(folder.dir, e.down), text: await folder.read(e.down) } : null,
        ...noTransaction ? { noTransaction } : {},
        ...e.numeric ? { dupKey: e.key.replace(/^0+(?=\d)/, "") } : {}
      });
    }
    return out;
  }
};
async function optsOutOfTransaction(files, id, read) {
  if (files.includes(`${id}/metadata.toml`)) {
    if (/^[ \t]*run_in_transaction[ \t]*=[ \t]*false\b/m.test(await read(`${id}/metadata.toml`))) return true;
  }
  for (const name of ["metadata.yaml", "metadata.yml"]) {
    if (files.includes(`${id}/${name}`) && /^[ \t]*createIndexConcurrently:[ \t]*true\b/m.test(await read(`${id}/${name}`))) return true;
  }
  return false;
}

// src/discover/layouts/drizzle.ts
var NAME2 = /^(\d+)_(.+)\.sql$/;
var drizzle = {
  name: "drizzle",
  rollbacks: "never",
  async detect(folder) {
    const files = sqlFiles(directFiles(folder));
    const named = coverage(files, (f) => NAME2.test(f));
    if (folder.files.includes("meta/_journal.json") || /(^|\/)drizzle$/i.test(folder.dir)) return named;
    const texts = await Promise.all(files.map((f) => folder.read(f)));
    return texts.some((t) => t.includes("--> statement-breakpoint")) ? named : 0;
  },
  async build(folder) {
    const out = emptyBuild();
    const files = sqlFiles(directFiles(folder));
    const journal = folder.files.includes("meta/_journal.json") ? journalOrder(await folder.read("meta/_journal.json")) : [];
    const seen = /* @__PURE__ */ new Set();
    const own = new Set(files);
    journal.forEach((tag, i) => {
      const problem = !own.has(`${tag}.sql`) ? `names ${tag}.sql, which is not a migration file of this folder; drizzle runs it all the same, unreviewed` : seen.has(tag) ? `names ${tag}.sql again; drizzle runs it a second time when this entry's 'when' is newer than the last migration applied` : null;
      seen.add(tag);
      if (problem) out.issues.push({ path: "meta/_journal.json", line: 1, column: 1, message: `drizzle journal entry ${i + 1} ${problem}` });
    });
    const rank = (file) => {
      const i = journal.indexOf(file.slice(0, -4));
      return i < 0 ? Number.MAX_SAFE_INTEGER : i;
    };
    const named = files.flatMap((file) => {
      const m = NAME2.exec(file);
      if (!m) out.leftovers.push(file);
      return m ? [{ file, version: m[1], name: m[2] }] : [];
    });
    named.sort((a, b) => rank(a.file) - rank(b.file) || naturalCompare(a.file, b.file));
    for (const { file, version, name } of named) {
      out.migrations.push({
        id: baseName(file).slice(0, -4),
        version,
        name,
        up: { path: repoPath(folder.dir, file), text: await folder.read(file) },
        down: null
      });
    }
    return out;
  }
};
function journalOrder(text) {
  try {
    const journal = JSON.parse(text);
    return (Array.isArray(journal.entries) ? journal.entries : []).flatMap((e) => typeof e?.tag === "string" ? [e.tag] : []);
  } catch {
    return [];
  }
}

// src/discover/layouts/flyway.ts
var VERSIONED = /^([VU])(\d+(?:[._]\d+)*)__(.+)\.sql$/;
var REPEATABLE = /^R__(.+)\.sql$/;
var BASELINE = /^B\d+(?:[._]\d+)*__.+\.sql$/;
var SCRIPT_CONFIG = /^[ \t]*--[ \t]*flyway:executeInTransaction[ \t]*=[ \t]*(true|false)\b/im;
var SIDECAR_CONFIG = /^[ \t]*executeInTransaction[ \t]*=[ \t]*([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])\b/m;
var MAYBE_NON_TRANSACTIONAL = /\b(?:CONCURRENTLY|VACUUM|SYSTEM|DATABASE|TABLESPACE|SUBSCRIPTION|DISCARD)\b/i;
function flywayRunsOutsideTransaction(stmt) {
  const ast = stmt.ast;
  if (ast.CreatedbStmt || ast.DropdbStmt || ast.CreateTableSpaceStmt || ast.DropTableSpaceStmt || ast.CreateSubscriptionStmt || ast.DropSubscriptionStmt || ast.AlterSystemStmt) return true;
  if (ast.IndexStmt) return ast.IndexStmt.concurrent === true;
  if (ast.DropStmt) return ast.DropStmt.concurrent === true && ast.DropStmt.removeType === "OBJECT_INDEX";
  if (ast.ReindexStmt) return ["REINDEX_OBJECT_SCHEMA", "REINDEX_OBJECT_SYSTEM", "REINDEX_OBJECT_DATABASE"].includes(ast.ReindexStmt.kind);
  if (ast.VacuumStmt) return ast.VacuumStmt.is_vacuumcmd === true;
  if (ast.DiscardStmt) return ast.DiscardStmt.target === "DISCARD_ALL";
  return false;
}
async function flywayTransaction(path2, text, statements) {
  if (!statements || !MAYBE_NON_TRANSACTIONAL.test(text)) return { nonTransactional: false };
  const top = await statements(path2, text);
  let inside = false;
  let outside = false;
  let mixedAt;
  for (const s of top) {
    const out = flywayRunsOutsideTransaction(s);
    if (out) outside = true;
    else inside = true;
    if (inside && outside && !mixedAt) mixedAt = { line: s.line, column: s.column, nonTransactional: out };
  }
  return { nonTransactional: outside, ...mixedAt ? { mixedAt } : {} };
}
function flywayVersionKey(version) {
  const parts = version.split(/[._]/).map((p) => p.replace(/^0+(?=\d)/, ""));
  while (parts.length > 1 && parts[parts.length - 1] === "0") parts.pop();
  return parts.join(".");
}
var flyway = {
  name: "flyway",
  rollbacks: "when-used",
  async detect(folder) {
    return 0.9 * coverage(sqlFiles(directFiles(folder)), (f) => VERSIONED.test(f) || REPEATABLE.test(f) || BASELINE.test(f));
  },
  async build(folder) {
    const out = emptyBuild();
    const files = directFiles(folder);
    const versioned = [];
    const undo = /* @__PURE__ */ new Map();
    const repeatable = [];
    for (const file of sqlFiles(files)) {
      const v = VERSIONED.exec(file);
      const r = REPEATABLE.exec(file);
      if (v && v[1] === "V") versioned.push({ file, version: v[2], name: v[3] });
      else if (v) undo.set(flywayVersionKey(v[2]), [...undo.get(flywayVersionKey(v[2])) ?? [], file]);
      else if (r) repeatable.push({ file, name: r[1] });
      else if (BASELINE.test(file)) (out.snapshots ??= []).push(file);
      else out.leftovers.push(file);
    }
    versioned.sort((a, b) => compareVersions(a.version, b.version) || naturalCompare(a.file, b.file));
    repeatable.sort((a, b) => naturalCompare(a.name, b.name));
    const draft = async (file, fields, downFile) => {
      const conf = `${file}.conf`;
      const text = await folder.read(file);
      const path2 = repoPath(folder.dir, file);
      const set = (files.includes(conf) ? SIDECAR_CONFIG.exec(await folder.read(conf)) : null) ?? SCRIPT_CONFIG.exec(text);
      const detected = set ? null : await flywayTransaction(path2, text, folder.statements);
      const noTransaction = set ? set[1].toLowerCase() === "false" : detected.nonTransactional;
      return {
        ...fields,
        up: { path: path2, text },
        down: downFile ? { path: repoPath(folder.dir, downFile), text: await folder.read(downFile) } : null,
        ...noTransaction ? { noTransaction } : {},
        ...detected?.mixedAt ? { mixedTransaction: detected.mixedAt } : {}
      };
    };
    const usedUndo = /* @__PURE__ */ new Set();
    for (const m of versioned) {
      const key = flywayVersionKey(m.version);
      const downFile = undo.get(key)?.[0];
      if (downFile) usedUndo.add(key);
      out.migrations.push(
        await draft(m.file, { id: m.file.slice(0, -4), version: m.version, name: m.name, dupKey: key }, downFile)
      );
    }
    for (const [key, downFiles] of undo) if (!usedUndo.has(key)) out.orphans.push(...downFiles);
    for (const m of repeatable) {
      out.migrations.push(await draft(m.file, { id: m.file.slice(0, -4), version: "", name: m.name, repeatable: true }));
    }
    return out;
  }
};

// src/discover/layouts/golang-migrate.ts
var PAIR = /^[vV]?(\d+)(?:[._-](.*?))?\.(up|down)\.sql$/;
var RUNNER_FILE = /^(\d+)_(.*)\.(up|down)\.(.*)$/s;
var golangMigrate = {
  name: "golang-migrate",
  rollbacks: "always",
  async detect(folder) {
    return 0.9 * coverage(sqlFiles(directFiles(folder)), (f) => PAIR.test(f));
  },
  async build(folder) {
    const out = emptyBuild();
    const byId = /* @__PURE__ */ new Map();
    const sql = new Set(sqlFiles(directFiles(folder)));
    for (const file of directFiles(folder)) {
      const m = sql.has(file) ? PAIR.exec(file) : RUNNER_FILE.exec(file);
      if (!m) {
        if (sql.has(file)) out.leftovers.push(file);
        continue;
      }
      const id = sql.has(file) ? file.slice(0, -`.${m[3]}.sql`.length) : file.slice(0, -`.${m[3]}.${m[4]}`.length);
      const entry = byId.get(id) ?? { version: m[1], name: m[2] ?? "" };
      entry[m[3]] = file;
      byId.set(id, entry);
    }
    const ordered = [...byId.entries()].sort(
      ([ia, a], [ib, b]) => compareDigits(a.version, b.version) || naturalCompare(ia, ib)
    );
    for (const [id, e] of ordered) {
      if (!e.up) {
        out.orphans.push(e.down);
        continue;
      }
      out.migrations.push({
        id,
        version: e.version,
        name: e.name,
        up: { path: repoPath(folder.dir, e.up), text: await folder.read(e.up) },
        down: e.down ? { path: repoPath(folder.dir, e.down), text: await folder.read(e.down) } : null,
        dupKey: e.version.replace(/^0+(?=\d)/, "")
      });
    }
    return out;
  }
};

// src/discover/layouts/goose.ts
var MARKER2 = /^--\s*\+goose\s+(up|down|statementbegin|statementend|no\s+transaction|envsub\s+on|envsub\s+off)\b(.*)$/i;
var NAME3 = /^(\d+)(?:[_-](.*))?\.sql$/;
var goose = {
  name: "goose",
  rollbacks: "always",
  async detect(folder) {
    const files = sqlFiles(directFiles(folder));
    const texts = await Promise.all(files.map((f) => folder.read(f)));
    return coverage(texts, (t) => /^--\s*\+goose\s+up\b/im.test(t));
  },
  async build(folder) {
    const out = emptyBuild();
    for (const { file, version, name } of numberedFiles(folder, NAME3, out)) {
      const text = await folder.read(file);
      const markers = findMarkers(text, MARKER2);
      const up = markers.find((m) => m.kind === "up");
      const down = markers.find((m) => m.kind === "down");
      if (!up) out.issues.push({ path: file, line: 1, column: 1, message: "goose migration has no '-- +goose Up' annotation" });
      const sections = sectionTexts(text, markers, ["up", "down"]);
      const path2 = repoPath(folder.dir, file);
      const noTransaction = markers.some((m) => m.kind === "no transaction");
      const envsub = markers.some((m) => /^envsub\s+on$/.test(m.kind));
      out.migrations.push({
        id: file.slice(0, -4),
        version,
        name,
        up: { path: path2, text: up ? sections.get("up") : text },
        down: down ? { path: path2, text: sections.get("down") } : null,
        ...noTransaction ? { noTransaction } : {},
        ...envsub ? { envsub } : {},
        dupKey: version.replace(/^0+(?=\d)/, "")
      });
    }
    return out;
  }
};

// src/discover/layouts/pop.ts
var FILE2 = /^(\d+)_(.+?)(?:\.(postgres|postgresql|pg|cockroach|cockroachdb|crdb|mysql|mariadb|sqlite|sqlite3|mssql|sqlserver|all))?(\.autocommit)?\.(up|down)\.sql$/;
var POSTGRES = /* @__PURE__ */ new Set(["postgres", "postgresql", "pg"]);
var pop = {
  name: "pop",
  // pop runs a migration without its down file, and rolls back only what has one: projects that
  // keep none (supabase/auth) do so on purpose.
  rollbacks: "when-used",
  async detect(folder) {
    const files = sqlFiles(directFiles(folder));
    const marked = files.some((f) => {
      const m = FILE2.exec(f);
      return m !== null && (m[3] !== void 0 || m[4] !== void 0);
    });
    return marked ? coverage(files, (f) => FILE2.test(f)) : 0;
  },
  async build(folder) {
    const out = emptyBuild();
    const byId = /* @__PURE__ */ new Map();
    for (const file of sqlFiles(directFiles(folder))) {
      const m = FILE2.exec(file);
      if (!m) {
        out.leftovers.push(file);
        continue;
      }
      const dialect = m[3];
      if (dialect !== void 0 && dialect !== "all" && !POSTGRES.has(dialect)) {
        (out.otherDatabases ??= []).push({ file, dialect });
        continue;
      }
      const id = `${m[1]}_${m[2]}`;
      const entry = byId.get(id) ?? { version: m[1], name: m[2] };
      const direction = m[5];
      const variant = { file, specific: dialect !== void 0 && dialect !== "all", autocommit: m[4] !== void 0 };
      const current = entry[direction];
      if (!current || variant.specific && !current.specific) entry[direction] = variant;
      byId.set(id, entry);
    }
    const ordered = [...byId.entries()].sort(
      ([ia, a], [ib, b]) => compareDigits(a.version, b.version) || naturalCompare(ia, ib)
    );
    for (const [id, e] of ordered) {
      if (!e.up) {
        out.orphans.push(e.down.file);
        continue;
      }
      out.migrations.push({
        id,
        version: e.version,
        name: e.name,
        up: { path: repoPath(folder.dir, e.up.file), text: await folder.read(e.up.file) },
        down: e.down ? { path: repoPath(folder.dir, e.down.file), text: await folder.read(e.down.file) } : null,
        ...e.up.autocommit ? { noTransaction: true } : {},
        dupKey: e.version.replace(/^0+(?=\d)/, "")
      });
    }
    return out;
  }
};

// src/discover/layouts/prisma.ts
var FILE3 = /^([^/]+)\/(migration|down)\.sql$/;
var prisma = {
  name: "prisma",
  rollbacks: "never",
  async detect(folder) {
    const files = sqlFiles(folder.files);
    return files.some((f) => f.endsWith("/migration.sql")) ? coverage(files, (f) => FILE3.test(f)) : 0;
  },
  async build(folder) {
    const out = emptyBuild();
    const byDir = /* @__PURE__ */ new Map();
    for (const file of sqlFiles(folder.files)) {
      const m = FILE3.exec(file);
      if (!m) {
        out.leftovers.push(file);
        continue;
      }
      const entry = byDir.get(m[1]) ?? {};
      entry[m[2] === "migration" ? "up" : "down"] = file;
      byDir.set(m[1], entry);
    }
    for (const [id, e] of [...byDir.entries()].sort(([a], [b]) => byteCompare(a, b))) {
      if (!e.up) {
        out.orphans.push(e.down);
        continue;
      }
      const m = /^(\d+)(?:_(.*))?$/.exec(id);
      out.migrations.push({
        id,
        version: m ? m[1] : id,
        name: m ? m[2] ?? "" : id,
        up: { path: repoPath(folder.dir, e.up), text: await folder.read(e.up) },
        down: e.down ? { path: repoPath(folder.dir, e.down), text: await folder.read(e.down) } : null
      });
    }
    return out;
  }
};

// src/discover/layouts/sqitch.ts
var SCRIPT = /^(deploy|revert|verify)\/(.+)\.sql$/;
function parseSqitchPlan(text) {
  const entries = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("%") || line.startsWith("#")) return;
    if (line.startsWith("@")) {
      entries.push({ kind: "tag", name: line.slice(1).split(/\s/)[0] });
      return;
    }
    const m = /^[+-]?([^\s[]+)\s*(?:\[([^\]]*)\])?/.exec(line);
    if (m) entries.push({ kind: "change", name: m[1], deps: (m[2] ?? "").split(/\s+/).filter(Boolean), line: i + 1 });
  });
  const changes = [];
  entries.forEach((entry, i) => {
    if (entry.kind !== "change") return;
    const later = entries.slice(i + 1);
    const rework = later.find((e) => e.kind === "change" && e.name === entry.name);
    let script = entry.name;
    if (rework && rework.kind === "change") {
      const dep = rework.deps.find((d) => d.startsWith(`${entry.name}@`));
      const tag = dep ? dep.slice(entry.name.length + 1) : later.find((e) => e.kind === "tag")?.name;
      if (tag) script = `${entry.name}@${tag}`;
    }
    changes.push({ name: entry.name, script, line: entry.line });
  });
  return changes;
}
var sqitch = {
  name: "sqitch",
  rollbacks: "always",
  async detect(folder) {
    const files = sqlFiles(folder.files);
    const hasDeploy = files.some((f) => f.startsWith("deploy/"));
    const marked = folder.files.includes("sqitch.plan") || files.some((f) => f.startsWith("revert/"));
    return hasDeploy && marked ? coverage(files, (f) => SCRIPT.test(f)) : 0;
  },
  async build(folder) {
    const out = emptyBuild();
    const deploy = /* @__PURE__ */ new Set();
    const revert = /* @__PURE__ */ new Set();
    const verify = /* @__PURE__ */ new Set();
    for (const file of sqlFiles(folder.files)) {
      const m = SCRIPT.exec(file);
      if (!m) out.leftovers.push(file);
      else if (m[1] === "deploy") deploy.add(m[2]);
      else if (m[1] === "revert") revert.add(m[2]);
      else verify.add(m[2]);
    }
    const order = [];
    if (folder.files.includes("sqitch.plan")) {
      for (const change of parseSqitchPlan(await folder.read("sqitch.plan"))) {
        if (!deploy.has(change.script)) {
          out.issues.push({
            path: "sqitch.plan",
            line: change.line,
            column: 1,
            message: `sqitch.plan lists change '${change.name}' but deploy/${change.script}.sql does not exist`
          });
          continue;
        }
        order.push(change);
      }
      const planned = new Set(order.map((c) => c.script));
      for (const script of [...deploy].filter((s) => !planned.has(s)).sort(naturalCompare)) {
        out.issues.push({
          path: `deploy/${script}.sql`,
          line: 1,
          column: 1,
          message: `deploy/${script}.sql is not in sqitch.plan, so sqitch never deploys it`
        });
        order.push({ script, name: script.replace(/@.*$/, "") });
      }
    } else {
      for (const script of [...deploy].sort(naturalCompare)) order.push({ script, name: script.replace(/@.*$/, "") });
    }
    const hasPlan = folder.files.includes("sqitch.plan");
    for (const [i, change] of order.entries()) {
      const up = `deploy/${change.script}.sql`;
      const down = `revert/${change.script}.sql`;
      out.migrations.push({
        id: change.script,
        version: hasPlan ? String(i + 1) : change.script,
        name: change.name,
        up: { path: repoPath(folder.dir, up), text: await folder.read(up) },
        down: revert.has(change.script) ? { path: repoPath(folder.dir, down), text: await folder.read(down) } : null
      });
      if (verify.has(change.script)) {
        const check = `verify/${change.script}.sql`;
        out.migrations.push({
          id: `${change.script}:verify`,
          version: `${hasPlan ? String(i + 1) : change.script}:verify`,
          name: change.name,
          up: { path: repoPath(folder.dir, check), text: await folder.read(check) },
          down: null,
          repeatable: true,
          noRollback: true
        });
      }
    }
    const used = new Set(order.map((c) => c.script));
    for (const script of revert) if (!used.has(script)) out.orphans.push(`revert/${script}.sql`);
    return out;
  }
};

// src/discover/layouts/sqlx.ts
var FILE4 = /^(\d+)_(.+?)(?:\.(up|down))?\.sql$/;
var NO_TRANSACTION = /^-- no-transaction/;
function sqlxCoverage(files) {
  return coverage(sqlFiles(files.filter((f) => !f.includes("/"))), (f) => FILE4.test(f));
}
var sqlx = {
  name: "sqlx",
  // Reversible migrations come with a down file; simple ones have none, on purpose.
  rollbacks: "when-used",
  async detect() {
    return 0;
  },
  async build(folder) {
    const out = emptyBuild();
    const byId = /* @__PURE__ */ new Map();
    for (const file of sqlFiles(directFiles(folder))) {
      const m = FILE4.exec(file);
      if (!m) {
        out.leftovers.push(file);
        continue;
      }
      const id = m[3] ? file.slice(0, -`.${m[3]}.sql`.length) : file.slice(0, -".sql".length);
      const entry = byId.get(id) ?? { version: m[1], name: m[2] };
      entry[m[3] === "down" ? "down" : "up"] = file;
      byId.set(id, entry);
    }
    const ordered = [...byId.entries()].sort(([ia, a], [ib, b]) => compareDigits(a.version, b.version) || naturalCompare(ia, ib));
    for (const [id, e] of ordered) {
      if (!e.up) {
        out.orphans.push(e.down);
        continue;
      }
      const text = await folder.read(e.up);
      out.migrations.push({
        id,
        version: e.version,
        name: e.name,
        up: { path: repoPath(folder.dir, e.up), text },
        down: e.down ? { path: repoPath(folder.dir, e.down), text: await folder.read(e.down) } : null,
        ...NO_TRANSACTION.test(text) ? { noTransaction: true } : {},
        // The version is an i64: 0042 and 42 are the same migration to sqlx.
        dupKey: e.version.replace(/^0+(?=\d)/, "")
      });
    }
    return out;
  }
};

// src/discover/layouts/supabase.ts
var NAME4 = /^(\d+)_(.+)\.sql$/;
var supabase = {
  name: "supabase",
  rollbacks: "never",
  async detect(folder) {
    if (!/(^|\/)supabase\/migrations$/.test(folder.dir)) return 0;
    return 0.95 * coverage(sqlFiles(directFiles(folder)), (f) => NAME4.test(f));
  },
  async build(folder) {
    const out = emptyBuild();
    const named = sqlFiles(directFiles(folder)).flatMap((file) => {
      const m = NAME4.exec(file);
      if (!m) out.leftovers.push(file);
      return m ? [{ file, version: m[1], name: m[2] }] : [];
    });
    named.sort((a, b) => compareDigits(a.version, b.version) || naturalCompare(a.file, b.file));
    for (const { file, version, name } of named) {
      out.migrations.push({
        id: file.slice(0, -4),
        version,
        name,
        up: { path: repoPath(folder.dir, file), text: await folder.read(file) },
        down: null,
        dupKey: version.replace(/^0+(?=\d)/, "")
      });
    }
    return out;
  }
};

// src/discover/layouts/versioned-rollbacks.ts
var ROLLBACK_DIR = /^rollbacks?\/[^/]+\.sql$/i;
var UPGRADE = /^(.+)_upgrade\.sql$/i;
var ROLLBACK_SUFFIX = /^(.+)_rollback\.sql$/i;
var VERSIONED2 = /^([vV]?\d+(?:\.\d+)*(?:-[0-9A-Za-z.]+)?)(?:[_-](.*))?\.sql$/;
function parseUp(file) {
  const up = UPGRADE.exec(file);
  if (up) {
    const stem = up[1];
    const fromTo = /^(.+)_to_(.+)$/i.exec(stem);
    return { file, version: stem, name: stem, sortKeys: fromTo ? [fromTo[2], fromTo[1]] : [stem], key: stem.toLowerCase() };
  }
  const v = VERSIONED2.exec(file);
  if (v && !ROLLBACK_SUFFIX.test(file)) {
    return { file, version: v[1], name: v[2] ?? "", sortKeys: [v[1]], key: versionKey(v[1], v[2] ?? "") };
  }
  return null;
}
function rollbackKey(file) {
  const name = baseName(file);
  const suffix = ROLLBACK_SUFFIX.exec(name);
  if (suffix && !file.includes("/")) return { key: suffix[1].toLowerCase(), versionOnly: "" };
  const v = VERSIONED2.exec(name);
  if (!v) return suffix ? { key: suffix[1].toLowerCase(), versionOnly: "" } : null;
  const rest = (v[2] ?? "").replace(/^rollback[_-]?/i, "").replace(/[_-]?rollback$/i, "");
  return { key: versionKey(v[1], rest), versionOnly: versionKey(v[1], "") };
}
function versionKey(version, name) {
  return `${version.replace(/^[vV]/, "").toLowerCase()}|${name.toLowerCase()}`;
}
var versionedRollbacks = {
  name: "versioned-rollbacks",
  rollbacks: "always",
  async detect(folder) {
    const direct = sqlFiles(directFiles(folder));
    const hasRollbacks = folder.files.some((f) => ROLLBACK_DIR.test(f)) || direct.some((f) => ROLLBACK_SUFFIX.test(f));
    if (!hasRollbacks) return 0;
    return 0.95 * coverage(direct, (f) => parseUp(f) !== null || ROLLBACK_SUFFIX.test(f));
  },
  async build(folder) {
    const out = emptyBuild();
    const ups = [];
    const rollbacks = [];
    for (const file of sqlFiles(folder.files)) {
      if (ROLLBACK_DIR.test(file) || !file.includes("/") && ROLLBACK_SUFFIX.test(file)) rollbacks.push(file);
      else if (file.includes("/")) out.leftovers.push(file);
      else {
        const up = parseUp(file);
        if (up) ups.push(up);
        else out.leftovers.push(file);
      }
    }
    ups.sort((a, b) => {
      for (let i = 0; i < Math.max(a.sortKeys.length, b.sortKeys.length); i++) {
        const c = compareVersions(a.sortKeys[i] ?? "", b.sortKeys[i] ?? "");
        if (c !== 0) return c;
      }
      return naturalCompare(a.file, b.file);
    });
    const downFor = /* @__PURE__ */ new Map();
    const unpaired = [];
    for (const file of rollbacks) {
      const key = rollbackKey(file);
      const exact = key && ups.find((u) => u.key === key.key && !downFor.has(u));
      const byVersion = key?.versionOnly ? ups.filter((u) => u.key.startsWith(key.versionOnly) && !downFor.has(u)) : [];
      const match = exact || (byVersion.length === 1 ? byVersion[0] : void 0);
      if (match) downFor.set(match, file);
      else unpaired.push(file);
    }
    out.orphans.push(...unpaired);
    for (const up of ups) {
      const down = downFor.get(up);
      out.migrations.push({
        id: up.file.slice(0, -4),
        version: up.version,
        name: up.name,
        up: { path: repoPath(folder.dir, up.file), text: await folder.read(up.file) },
        down: down ? { path: repoPath(folder.dir, down), text: await folder.read(down) } : null,
        dupKey: up.key
      });
    }
    return out;
  }
};

// src/discover/layouts/index.ts
var LAYOUT_MODULES = [
  liquibaseSql,
  dbmate,
  goose,
  sqitch,
  prisma,
  directoryPairs,
  pop,
  golangMigrate,
  flyway,
  drizzle,
  supabase,
  versionedRollbacks,
  sqlx,
  plain
];
function layoutModule(name) {
  return LAYOUT_MODULES.find((l) => l.name === name);
}

// src/discover/cargo.ts
var DRIVERS = [["sqlite", "SQLite"], ["mysql", "MySQL"]];
var DRIVER_USE = [
  ["postgres", /\bsqlx::(?:postgres|Postgres)\b|\bPg(?:Pool|Connection|ConnectOptions|PoolOptions)\b/],
  ["sqlite", /\bsqlx::(?:sqlite|Sqlite)\b|\bSqlite(?:Pool|Connection|ConnectOptions|PoolOptions)\b/],
  ["mysql", /\bsqlx::(?:mysql|MySql)\b|\bMySql(?:Pool|Connection|ConnectOptions|PoolOptions)\b/]
];
var MAX_SOURCES = 24;
function table(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? v : void 0;
}
var toml;
async function manifest(text) {
  const { parse: parse2 } = await (toml ??= import("./dist-PXEY3JBH.js"));
  try {
    return parse2(text);
  } catch {
    return void 0;
  }
}
function sqlxEntries(doc) {
  const sections = [doc, ...Object.values(table(doc.target) ?? {})].map(table).filter((t) => t !== void 0);
  return sections.flatMap((s) => ["dependencies", "dev-dependencies", "build-dependencies"].map((k) => table(s[k])?.sqlx)).filter((e) => e !== void 0);
}
function features(entry) {
  const list = table(entry)?.features;
  return Array.isArray(list) ? list.filter((f) => typeof f === "string") : [];
}
async function sqlxUse(dir, crates, rustFiles2, read) {
  const dirOf = (cargo) => cargo.slice(0, -"Cargo.toml".length).replace(/\/$/, "");
  const above = crates.filter((c) => dirOf(c) === "" || dir === dirOf(c) || dir.startsWith(`${dirOf(c)}/`)).sort((a, b) => b.length - a.length);
  const nearest = above[0];
  if (nearest === void 0) return null;
  const doc = await manifest(await read(nearest));
  if (!doc) return null;
  const own = table(table(doc.workspace)?.dependencies)?.sqlx;
  const entries = sqlxEntries(doc);
  if (entries.length === 0 && own === void 0) return null;
  const used = entries.length > 0 ? entries : [own];
  const evidence = [nearest];
  let named = drivers(used.flatMap(features));
  if (named.length === 0 && used.some((e) => table(e)?.workspace === true)) {
    for (const root of above.slice(1)) {
      const rootDoc = await manifest(await read(root));
      if (!table(rootDoc?.workspace)) continue;
      evidence.push(root);
      named = drivers(features(table(table(rootDoc?.workspace)?.dependencies)?.sqlx));
      break;
    }
  }
  if (named.length !== 1) {
    const crate = dirOf(nearest);
    const sources = sourcesIn(`${crate === "" ? "" : `${crate}/`}src/`, rustFiles2);
    const seen = /* @__PURE__ */ new Set();
    for (const file of sources) {
      const text = await read(file);
      for (const [driver, pattern] of DRIVER_USE) if (pattern.test(text)) seen.add(driver);
    }
    evidence.push(...sources);
    if (seen.size > 0) named = [...seen];
  }
  const other = named.includes("postgres") ? void 0 : DRIVERS.find(([feature]) => named.includes(feature));
  return { evidence, otherEngine: other ? other[1] : null };
}
function drivers(list) {
  return ["postgres", ...DRIVERS.map(([f]) => f)].filter((d) => list.includes(d));
}
function sourcesIn(src, files) {
  const telling = (f) => /(?:^|_)(?:db|database|store|storage|sql|pool|repo)\w*\.rs$/.test(f.slice(src.length)) ? 0 : /^(?:lib|main)\.rs$/.test(f.slice(src.length)) ? 1 : 2;
  return files.filter((f) => f.startsWith(src) && f.endsWith(".rs") && !f.slice(src.length).includes("/")).sort((a, b) => telling(a) - telling(b) || (a < b ? -1 : a > b ? 1 : 0)).slice(0, MAX_SOURCES);
}
async function sqlxRunner(layout, dir, files, crates, readText, change) {
  if (layout !== "golang-migrate" && layout !== "plain" || sqlxCoverage(files) <= 0.5) return { runner: layout };
  const use = await sqlxUse(dir, crates.manifests, crates.sources, readText);
  if (!use) return { runner: layout };
  const edited = use.evidence.filter(change.changed);
  const base = edited.length > 0 && change.base ? await change.base() : void 0;
  const sample = files.find((f) => /\.sql$/i.test(f));
  const from = sample ? change.previous(dir === "" ? sample : `${dir}/${sample}`) : void 0;
  const baseDir = from?.endsWith(`/${sample}`) ? from.slice(0, -sample.length - 1) : from === sample ? "" : dir;
  const before = base ? await sqlxUse(baseDir, base.files.manifests, base.files.sources, base.read) : null;
  if (edited.length > 0 && (before === null || before.otherEngine !== use.otherEngine)) {
    return { runner: layout, note: `reviewed as ${layout}: the change edits ${edited.join(", ")}, which would make this folder sqlx's${use.otherEngine ? ` (for ${use.otherEngine})` : ""}; such files count once they are on the base branch` };
  }
  return { runner: use.otherEngine ? { other: use.otherEngine } : "sqlx" };
}

// src/discover/change-view.ts
function rustFiles(paths) {
  return { manifests: paths.filter((p) => p === "Cargo.toml" || p.endsWith("/Cargo.toml")), sources: paths.filter((p) => p.endsWith(".rs")) };
}
function baseView(base, normalize) {
  let listed;
  const read = (path2) => base.read(path2).then(decodeText, () => "");
  return async () => ({ files: await (listed ??= base.list().then((paths) => rustFiles(paths.map(normalize)))), read });
}

// src/discover/globs.ts
import { createRequire } from "node:module";
var picomatch;
function globMatcher(globs) {
  if (globs.length === 0) return () => false;
  picomatch ??= createRequire(import.meta.url)("picomatch");
  return picomatch([...globs], { dot: true });
}

// src/discover/other-databases.ts
var ENGINES = new Map(Object.entries({
  sqlite: "SQLite",
  sqlite3: "SQLite",
  mysql: "MySQL",
  mariadb: "MariaDB",
  mssql: "SQL Server",
  sqlserver: "SQL Server",
  tsql: "SQL Server",
  oracle: "Oracle",
  h2: "H2",
  hsqldb: "HSQLDB",
  derby: "Derby",
  db2: "Db2",
  sybase: "Sybase",
  clickhouse: "ClickHouse",
  snowflake: "Snowflake",
  spanner: "Spanner",
  informix: "Informix",
  firebird: "Firebird",
  // PostgreSQL's wire protocol, its own SQL and schema changes: flipt keeps config/migrations/cockroachdb/ beside postgres/.
  cockroach: "CockroachDB",
  cockroachdb: "CockroachDB",
  crdb: "CockroachDB"
}));
var GLUED = ["sqlite", "mysql", "mariadb", "mssql", "sqlserver", "oracle", "clickhouse"];
function engineOfFolderName(segment) {
  const words = segment.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== "");
  for (const word of words) {
    let cut = word.length;
    while (cut > 0 && word.charCodeAt(cut - 1) >= 48 && word.charCodeAt(cut - 1) <= 57) cut--;
    const bare = word.length > 2 && cut > 0 ? word.slice(0, cut) : word;
    const engine = ENGINES.get(word) ?? ENGINES.get(bare);
    if (engine) return engine;
    const glued = GLUED.find((g) => bare.length > g.length && bare.endsWith(g));
    if (glued) return ENGINES.get(glued);
  }
  return null;
}
function engineOfPath(path2) {
  for (const segment of path2.split("/").slice(0, -1)) {
    const engine = engineOfFolderName(segment);
    if (engine) return engine;
  }
  return null;
}
function splitOtherDatabases(paths, overrides, rootOf = () => "") {
  const forceSkip = globMatcher(overrides.skip);
  const forceReview = globMatcher(overrides.review);
  const keep = [];
  const byDir = /* @__PURE__ */ new Map();
  const add = (dir, engine, path2) => {
    const folder = byDir.get(dir) ?? { dir, engine, files: [] };
    folder.files.push(path2);
    byDir.set(dir, folder);
  };
  for (const path2 of paths) {
    if (forceReview(path2)) {
      keep.push(path2);
      continue;
    }
    if (forceSkip(path2)) {
      add(path2.includes("/") ? path2.slice(0, path2.lastIndexOf("/")) : "", "not PostgreSQL (otherDatabases.skip)", path2);
      continue;
    }
    const root = rootOf(path2);
    const segments = path2.split("/").slice(0, -1);
    const start = root === "" ? 0 : root.split("/").length;
    let found = null;
    for (let i = start; i < segments.length && !found; i++) {
      const engine = engineOfFolderName(segments[i]);
      if (engine) found = { dir: segments.slice(0, i + 1).join("/"), engine };
    }
    if (found) add(found.dir, found.engine, path2);
    else keep.push(path2);
  }
  return { keep, other: [...byDir.values()].sort((a, b) => byCodeUnit(a.dir, b.dir)) };
}

// src/discover/unreadable.ts
var FORMATS = [
  {
    // goose: `<version>_<name>.go`, registered with goose.AddMigration* or NewGoMigration.
    name: /^\d+_[^/]*\.go$/,
    is: [/\bgoose\s*\.\s*(?:Add(?:Named)?Migration\w*|NewGoMigration)\s*\(/],
    message: "goose runs this Go migration (compiled into the program that migrates), and nothing here can review Go code: write it as a .sql migration, or have it approved"
  },
  {
    // Flyway: `V<version>__<name>.java` (U undo, R repeatable) implementing JavaMigration.
    name: /^[VUR]\d*(?:[._]\d+)*__[^/]+\.(?:java|kt|scala|groovy)$/,
    is: [/\b(?:Base)?JavaMigration\b|\bJdbcMigration\b|\bSpringJdbcMigration\b/],
    message: "Flyway runs this Java-based migration, and nothing here can review its code: write it as a .sql migration, or have it approved"
  },
  {
    // Liquibase: a changelog in XML, YAML or JSON that holds change sets (one that only
    // includes others holds no statements of its own).
    name: /\.(?:xml|ya?ml|json)$/i,
    is: [/databaseChangeLog/, /<\s*(?:\w+:)?changeSet\b|\bchangeSet\s*:|"changeSet"\s*:/],
    message: "Liquibase runs the change sets of this changelog, and nothing here can review an XML, YAML or JSON changelog: write the change sets as a formatted SQL changelog (--liquibase formatted sql), or have it approved"
  }
];
var CHANGELOG_PATH = /changelog|liquibase/i;
async function unreadableMigrations(paths, files, changed) {
  const candidates = [];
  for (const path2 of paths) {
    const name = path2.slice(path2.lastIndexOf("/") + 1);
    const format = FORMATS.find((f) => f.name.test(name));
    if (!format) continue;
    if (format === FORMATS[2] && !CHANGELOG_PATH.test(path2) && !changed?.(path2)) continue;
    candidates.push({ path: path2, format });
  }
  const found = await Promise.all(
    candidates.map(async ({ path: path2, format }) => {
      const text = await files.read(path2).then(decodeText, () => "");
      return format.is.every((p) => p.test(text)) ? { path: path2, format } : null;
    })
  );
  return found.filter((f) => f !== null).map(({ path: path2, format }) => ({ path: path2, line: 1, column: 1, message: format.message, rule: "layout-error", risk: "DANGEROUS" }));
}

// src/discover/sqlc.ts
var import_yaml = __toESM(require_dist(), 1);
var SQLC_CONFIG = /(?:^|\/)sqlc\.(?:ya?ml|json)$/;
async function sqlcSchemaFiles(listed, read, change) {
  const files = new Set(listed);
  const named = /* @__PURE__ */ new Map();
  for (const config of listed.filter((p) => SQLC_CONFIG.test(p))) {
    let text;
    if (!change.changed(config)) text = await read(config);
    else if (change.added(config) || !change.base) continue;
    else text = await (await change.base()).read(change.previous(config) ?? config);
    const dir = config.includes("/") ? config.slice(0, config.lastIndexOf("/")) : "";
    for (const entry of schemaEntries(text)) {
      const path2 = resolve(dir, entry);
      if (path2 !== null && /\.sql$/i.test(path2) && files.has(path2) && !named.has(path2)) named.set(path2, config);
    }
  }
  return named;
}
function schemaEntries(text) {
  let doc;
  try {
    doc = (0, import_yaml.parse)(text);
  } catch {
    return [];
  }
  if (!doc || typeof doc !== "object") return [];
  const out = [];
  for (const key of ["sql", "packages"]) {
    const list = doc[key];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const schema = item && typeof item === "object" ? item.schema : void 0;
      for (const s of Array.isArray(schema) ? schema : [schema]) if (typeof s === "string") out.push(s);
    }
  }
  return out;
}
function resolve(dir, entry) {
  const parts = dir === "" ? [] : dir.split("/");
  for (const part of entry.replace(/\\/g, "/").split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join("/");
}

// src/discover/placeholder-files.ts
var NAME5 = String.raw`[A-Za-z_][A-Za-z0-9_.\-]*`;
var LINE_FORMS = [
  { re: new RegExp(String.raw`^[ \t]*(?:spring\.)?flyway\.placeholders\.(${NAME5})[ \t]*[=:][ \t]*(.*)$`, "gm"), name: (m) => m[1] },
  { re: new RegExp(String.raw`^[ \t]*(?:spring\.liquibase\.parameters|liquibase\.parameters|parameter)\.(${NAME5})[ \t]*[=:][ \t]*(.*)$`, "gm"), name: (m) => m[1] },
  // Flyway reads FLYWAY_PLACEHOLDERS_<NAME> from the environment, the name lower-cased.
  { re: /\bFLYWAY_PLACEHOLDERS_([A-Z0-9_]+)[ \t]*[=:][ \t]*(.*)$/gm, name: (m) => m[1].toLowerCase() }
];
function blockDefinitions(text, out) {
  const lines2 = text.split(/\r?\n/);
  for (let i = 0; i < lines2.length; i++) {
    const head = /^([ \t]*)(?:\[[\w."-]*placeholders\]|[\w.-]*(?:placeholders|parameters)[ \t]*[:=]?)[ \t]*(?:#.*)?$/.exec(lines2[i]);
    if (!head) continue;
    const indent = head[1].length;
    const toml2 = lines2[i].trim().startsWith("[");
    for (let j = i + 1; j < lines2.length; j++) {
      const line = lines2[j];
      if (line.trim() === "" || /^\s*#/.test(line)) continue;
      const depth = /^[ \t]*/.exec(line)[0].length;
      if (toml2 ? line.trim().startsWith("[") : depth <= indent) break;
      const m = new RegExp(String.raw`^[ \t]*["']?(${NAME5})["']?[ \t]*[:=][ \t]*(.*)$`).exec(line);
      if (m) out.set(m[1], unquote(m[2]));
    }
  }
}
function markupDefinitions(text, out) {
  for (const block of text.matchAll(/<placeholders>([\s\S]*?)<\/placeholders>/g)) {
    for (const m of block[1].matchAll(/<([A-Za-z_][\w.\-]*)>([^<]*)<\/\1>/g)) out.set(m[1], m[2].trim());
  }
  for (const m of text.matchAll(/<property\b([^>]*)>/g)) {
    const name = /\bname\s*=\s*"([^"]*)"/.exec(m[1])?.[1];
    const value = /\bvalue\s*=\s*"([^"]*)"/.exec(m[1])?.[1];
    if (name !== void 0 && value !== void 0) out.set(name, value);
  }
  for (const block of text.matchAll(/placeholders\s*=\s*\[([^\]]*)\]/g)) {
    for (const m of block[1].matchAll(/['"]?([A-Za-z_][\w.\-]*)['"]?\s*:\s*(['"])([^'"]*)\2/g)) out.set(m[1], m[3]);
  }
}
function unquote(raw) {
  const v = raw.trim();
  return /^(["']).*\1$/.test(v) && v.length >= 2 ? v.slice(1, -1) : v;
}
function placeholderDefinitions(text) {
  const out = /* @__PURE__ */ new Map();
  if (!/placeholder|parameter|<property/i.test(text)) return out;
  for (const form of LINE_FORMS) {
    form.re.lastIndex = 0;
    for (const m of text.matchAll(form.re)) out.set(form.name(m), unquote(m[2]));
  }
  blockDefinitions(text, out);
  markupDefinitions(text, out);
  return out;
}
function placeholdersUsed(text, into) {
  if (!text.includes("${")) return;
  for (const m of text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_.\-]*)\}/g)) into.add(m[1]);
}
async function placeholderEdits(changed, readHead, readBase, used) {
  if (used.size === 0 || changed.length === 0) return [];
  const usedLower = new Map([...used].map((n) => [n.toLowerCase(), n]));
  const out = [];
  for (const path2 of changed) {
    const after = placeholderDefinitions(await readHead(path2));
    const before = placeholderDefinitions(await readBase(path2));
    const edits = [];
    for (const name of /* @__PURE__ */ new Set([...after.keys(), ...before.keys()])) {
      const used2 = usedLower.get(name.toLowerCase());
      if (used2 === void 0 || after.get(name) === before.get(name)) continue;
      const was = before.has(name) ? `\`${before.get(name)}\`` : "unset";
      const is = after.has(name) ? `\`${after.get(name)}\`` : "unset";
      edits.push(`\${${used2}} from ${was} to ${is}`);
    }
    if (edits.length === 0) continue;
    out.push({
      path: path2,
      line: 1,
      column: 1,
      message: `this change sets placeholder values the runner pastes into the migrations' SQL (${edits.join("; ")}): the migrations that use them run other SQL than the review read; merging it needs approval`,
      rule: "placeholder-unknown",
      risk: "DANGEROUS"
    });
  }
  return out;
}

// src/discover/runner-config.ts
var SETTINGS = /* @__PURE__ */ new Set([
  // Flyway: where and which files.
  "locations",
  "location",
  "sqlmigrationprefix",
  "sqlmigrationseparator",
  "sqlmigrationsuffixes",
  "sqlmigrationsuffix",
  "repeatablesqlmigrationprefix",
  "undosqlmigrationprefix",
  "baselinemigrationprefix",
  "ignoremigrationpatterns",
  "validatemigrationnaming",
  "target",
  "cherrypick",
  "outoforder",
  "skipdefaultresolvers",
  "resolvers",
  // Flyway: what else runs, and how.
  "initsql",
  "initsqls",
  "callbacks",
  "skipdefaultcallbacks",
  "mixed",
  "group",
  "executeintransaction",
  "placeholderprefix",
  "placeholdersuffix",
  "placeholderseparator",
  "placeholderreplacement",
  "scriptplaceholderprefix",
  "scriptplaceholdersuffix",
  "cleandisabled",
  "cleanonvalidationerror",
  "table",
  "defaultschema",
  "schemas",
  "baselineonmigrate",
  "baselineversion",
  // Liquibase: which changelog, and which of its changesets.
  "changelogfile",
  "changelog",
  "contexts",
  "contextfilter",
  "labels",
  "labelfilter",
  "searchpath"
]);
var RUNNER = /^(?:spring)?(flyway|liquibase)$/;
var CONFIG_LIKE = /\.(?:conf|properties|ya?ml|toml|xml|gradle|kts|env|sh|bash|cfg|ini|json|mk)$/i;
var SETTINGS_FILE = /(?:^|\/)(?:[^/]*flyway[^/]*|[^/]*liquibase[^/]*|application[^/]*\.(?:properties|ya?ml)|bootstrap[^/]*\.(?:properties|ya?ml)|pom\.xml|build\.gradle(?:\.kts)?|[^/]*\.env|\.env[^/]*|Dockerfile[^/]*|[^/]*compose[^/]*\.ya?ml|Makefile|\.github\/workflows\/[^/]+)$/i;
function settingOf(path2) {
  const parts = path2.flatMap((p) => p.split(".")).map((p) => p.replace(/^["']|["']$/g, "").toLowerCase());
  if (parts.length === 1) {
    const env = /^(?:spring_)?(?:flyway|liquibase)_(?:command_)?(.+)$/.exec(parts[0]);
    if (!env) return void 0;
    const name2 = env[1].replace(/[-_]/g, "");
    return SETTINGS.has(name2) ? name2 : void 0;
  }
  let at = -1;
  for (let i = 0; i < parts.length; i++) if (RUNNER.test(parts[i].replace(/[-_]/g, ""))) at = i;
  if (at === -1 || at === parts.length - 1) return void 0;
  if (parts[at + 1] === "placeholders" || parts[at + 1] === "parameters") return void 0;
  const name = parts.slice(at + 1).join("").replace(/[-_]/g, "");
  return SETTINGS.has(name) ? name : void 0;
}
function runnerSettings(text, file = "") {
  const found = /* @__PURE__ */ new Map();
  const bare = /(?:^|\/)[^/]*liquibase[^/]*\.(?:properties|ya?ml)$/i.test(file) ? ["liquibase"] : [];
  if (!/flyway|liquibase/i.test(text) && bare.length === 0) return /* @__PURE__ */ new Map();
  const add = (path2, value) => {
    const setting = settingOf([...bare, ...path2]);
    if (setting) found.set(setting, [...found.get(setting) ?? [], value.trim()]);
  };
  const lines2 = text.split(/\r\n|\n|\r/);
  const stack = [];
  let section = [];
  const blocks = [];
  let depth = 0;
  let lastKey = null;
  for (const raw of lines2) {
    const line = raw.replace(/^\uFEFF/, "");
    if (/^\s*(#|\/\/|$)/.test(line)) continue;
    const indent = /^[ \t]*/.exec(line)[0].length;
    if (/flyway|liquibase/i.test(line)) {
      const runner = /liquibase/i.test(line) && !/flyway/i.test(line) ? "liquibase" : "flyway";
      for (const m of line.matchAll(/(?:^|\s)--?([A-Za-z][\w.-]*)=("[^"]*"|'[^']*'|\S+)/g)) add([runner, m[1]], m[2]);
    }
    const toml2 = /^\s*\[+\s*([\w."-]+)\s*\]+\s*$/.exec(line);
    if (toml2) {
      section = toml2[1].split(".");
      stack.length = 0;
      continue;
    }
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (item && lastKey && indent >= lastKey.indent) {
      add(lastKey.path, item[1]);
      continue;
    }
    const block = /^\s*([\w.]+)\s*\{\s*$/.exec(line);
    if (block) blocks.push({ key: block[1], depth });
    depth += (line.match(/\{/g)?.length ?? 0) - (line.match(/\}/g)?.length ?? 0);
    while (blocks.length > 0 && depth <= blocks[blocks.length - 1].depth) blocks.pop();
    if (block) continue;
    const kv = /^\s*(?:export\s+|ENV\s+)?([\w.\-"'[\]]+)\s*(?:=|:(?!\/\/)|\s(?=\S))\s*(.*)$/.exec(line);
    if (kv) {
      const key = kv[1];
      while (stack.length > 0 && stack[stack.length - 1].indent >= indent) stack.pop();
      const path2 = [...section, ...blocks.map((b) => b.key), ...stack.map((s) => s.key), key];
      const value = kv[2].replace(/\s+#.*$/, "");
      if (value === "") {
        stack.push({ indent, key });
        lastKey = { indent, path: path2 };
      } else {
        add(path2, value);
        lastKey = null;
      }
    }
  }
  for (const plugin of text.matchAll(/<plugin>([\s\S]*?)<\/plugin>/g)) {
    const runner = /<artifactId>[^<]*(flyway|liquibase)[^<]*<\/artifactId>/i.exec(plugin[1])?.[1]?.toLowerCase();
    if (!runner) continue;
    for (const m of plugin[1].matchAll(/<([A-Za-z][\w.-]*)>([^<]*)<\/\1>/g)) add([runner, m[1]], m[2]);
  }
  return new Map([...found].map(([k, v]) => [k, v.sort().join(", ")]));
}
async function runnerConfigEdits(paths, readHead, readBase) {
  const out = [];
  for (const path2 of paths) {
    if (!SETTINGS_FILE.test(path2) && !CONFIG_LIKE.test(path2)) continue;
    const headText = await readHead(path2);
    if (headText !== "" && !/flyway|liquibase/i.test(headText) && !SETTINGS_FILE.test(path2)) continue;
    const after = runnerSettings(headText, path2);
    const before = runnerSettings(await readBase(path2), path2);
    const edits = [];
    for (const name of [.../* @__PURE__ */ new Set([...before.keys(), ...after.keys()])].sort()) {
      if (after.get(name) === before.get(name)) continue;
      const was = before.has(name) ? `\`${before.get(name)}\`` : "unset";
      const is = after.has(name) ? `\`${after.get(name)}\`` : "unset";
      edits.push(`${name} from ${was} to ${is}`);
    }
    if (edits.length === 0) continue;
    out.push({
      path: path2,
      line: 1,
      column: 1,
      message: `this change sets the migration runner's own settings (${edits.join("; ")}): they decide which files run, in what order and how, and what else runs, which this review does not follow; merging it needs approval`,
      rule: "layout-error",
      risk: "DANGEROUS"
    });
  }
  return out;
}
function changelogIncludes(text) {
  if (!/databaseChangeLog/.test(text) || !/include/i.test(text)) return [];
  const out = [];
  for (const m of text.matchAll(/<(include|includeAll)\b([^>]*)>/g)) {
    const target = new RegExp(`\\b${m[1] === "include" ? "file" : "path"}\\s*=\\s*["']([^"']*)["']`).exec(m[2])?.[1];
    if (target !== void 0) out.push({ kind: m[1], target });
  }
  const lines2 = text.split(/\r?\n/);
  for (let i = 0; i < lines2.length; i++) {
    const head = /["']?(include|includeAll)["']?\s*:/.exec(lines2[i]);
    if (!head) continue;
    const key = head[1] === "include" ? "file" : "path";
    for (let j = i; j < Math.min(lines2.length, i + 6); j++) {
      const v = new RegExp(`["']?${key}["']?\\s*:\\s*["']?([^"',}\\n]+)`).exec(j === i ? lines2[j].slice(head.index + head[0].length) : lines2[j]);
      if (v) {
        out.push({ kind: head[1], target: v[1].trim() });
        break;
      }
    }
  }
  return out;
}
async function changelogIncludeEdits(paths, readHead, readBase, reviewed, listed) {
  const isReviewed = new Set(reviewed);
  const out = [];
  const clean = (p) => p.replace(/^classpath\*?:/, "").replace(/^\.?\//, "").replace(/\/+$/, "");
  const resolve2 = (changelog, target) => {
    const parts = [...changelog.split("/").slice(0, -1), ...clean(target).split("/")];
    const stack = [];
    for (const p of parts) {
      if (p === "..") {
        if (stack.length === 0) return null;
        stack.pop();
      } else if (p !== "." && p !== "") stack.push(p);
    }
    return stack.join("/");
  };
  for (const path2 of paths) {
    if (!/\.(?:xml|ya?ml|json)$/i.test(path2)) continue;
    const head = changelogIncludes(await readHead(path2));
    if (head.length === 0) continue;
    const before = new Set(changelogIncludes(await readBase(path2)).map((i) => `${i.kind} ${i.target}`));
    const unread = [];
    for (const inc of head) {
      if (before.has(`${inc.kind} ${inc.target}`)) continue;
      const target = clean(inc.target);
      const relative = resolve2(path2, inc.target);
      const names = (p) => p === target || p.endsWith(`/${target}`) || relative !== null && p === relative;
      const under2 = (p) => target !== "" && (p.startsWith(`${target}/`) || p.includes(`/${target}/`)) || relative !== null && (relative === "" || p.startsWith(`${relative}/`));
      const runs = inc.kind === "include" ? listed.filter((p) => /\.sql$/i.test(p) && names(p)) : listed.filter((p) => /\.sql$/i.test(p) && under2(p));
      if (runs.some((p) => !isReviewed.has(p))) unread.push(`${inc.kind} ${inc.target}`);
    }
    if (unread.length === 0) continue;
    out.push({
      path: path2,
      line: 1,
      column: 1,
      message: `this change makes Liquibase run what this review does not read as migrations (${unread.join("; ")}): SQL there runs unreviewed; merging it needs approval`,
      rule: "layout-error",
      risk: "DANGEROUS"
    });
  }
  return out;
}

// src/discover/discover.ts
async function discoverMigrations(files, config, opts = {}) {
  const ignored = globMatcher(config.ignore);
  const listed = (await files.list()).map(normalizePath).filter((p) => !ignored(p));
  const result = { sets: [], errors: [], findings: [], notes: [] };
  const configured = (config.migrations ?? []).map((m) => normalizePath(m.path)).sort((a, b) => b.length - a.length);
  const split = splitOtherDatabases(listed, config.otherDatabases, (p) => configured.find((d) => d === "" || p.startsWith(`${d}/`)) ?? "");
  let paths = split.keep;
  const flywayDirs = new Set(listed.filter((p) => FLYWAY_FILE.test(p.slice(p.lastIndexOf("/") + 1))).map((p) => p.slice(0, Math.max(0, p.lastIndexOf("/")))));
  for (const folder of split.other) {
    const sql = folder.files.filter((f) => /\.sql$/i.test(f)).length;
    if (sql === 0) continue;
    const movedFromSameEngine = (f) => {
      const from = opts.previousPath?.(f);
      return from !== void 0 && engineOfPath(from) === folder.engine;
    };
    const folderSql = folder.files.filter((f) => /\.sql$/i.test(f));
    if (opts.addedByChange && !folder.engine.startsWith("not ") && folderSql.every(opts.addedByChange) && !folderSql.some(movedFromSameEngine)) {
      paths = [...paths, ...folder.files].sort();
      result.notes.push({
        path: folder.dir,
        message: `${sql} SQL file${sql === 1 ? "" : "s"} reviewed as PostgreSQL although the folder name says ${folder.engine}: the change adds the folder, and a runner that reads a whole tree (Flyway, Liquibase includeAll) would run ${sql === 1 ? "it" : "them"} (otherDatabases.skip in .migration-guard.yml on the base branch leaves such a folder alone)`
      });
      continue;
    }
    const flywayParent = folder.engine.startsWith("not ") ? void 0 : [...flywayDirs].find((d) => d !== folder.dir && (d === "" || folder.dir.startsWith(`${d}/`)));
    if (flywayParent !== void 0) {
      paths = [...paths, ...folder.files].sort();
      result.notes.push({
        path: folder.dir,
        message: `${sql} SQL file${sql === 1 ? "" : "s"} reviewed as PostgreSQL although the folder name says ${folder.engine}: ${flywayParent || "the repository root"} holds Flyway migrations, and Flyway runs every migration below its location (otherDatabases.skip in .migration-guard.yml on the base branch leaves such a folder alone)`
      });
      continue;
    }
    result.notes.push({
      path: folder.dir,
      message: `${sql} SQL file${sql === 1 ? "" : "s"} left alone: ${folder.engine.startsWith("not ") ? folder.engine : `the folder name says ${folder.engine}, not PostgreSQL`} (set otherDatabases.review in .migration-guard.yml to review ${sql === 1 ? "it" : "them"})`
    });
  }
  const cache = /* @__PURE__ */ new Map();
  const absent = /* @__PURE__ */ new Set();
  const runsAsSql = sqlRunBy(paths);
  const readText = (path2) => {
    let text = cache.get(path2);
    if (!text) {
      text = files.read(path2).then(
        (bytes) => {
          holdYoungGeneration();
          if (!runsAsSql(path2)) return decodeText(bytes);
          const decoded = decodeSql(bytes, path2);
          if (decoded.ok) return decoded.text;
          result.errors.push({ ...decoded.error, rule: "file-unreadable", risk: "DANGEROUS" });
          return "";
        },
        (e) => {
          if (e.code === "ENOENT") absent.add(path2);
          else result.errors.push({ path: path2, line: 1, column: 1, message: `cannot read file: ${e.code ?? (e instanceof Error ? e.message : String(e))}`, rule: "file-unreadable", risk: "DANGEROUS" });
          return "";
        }
      );
      cache.set(path2, text);
    }
    return text;
  };
  await Promise.all(paths.filter(runsAsSql).map(readText));
  if (absent.size > 0) {
    paths = paths.filter((p) => !absent.has(p));
    const first = [...absent].sort()[0];
    result.notes.push({
      message: `${absent.size} SQL file${absent.size === 1 ? "" : "s"} listed by git ${absent.size === 1 ? "is" : "are"} neither in the work tree nor in git's objects (a sparse or partial checkout?) and ${absent.size === 1 ? "was" : "were"} skipped, starting with ${first}`
    });
  }
  const grouped = /* @__PURE__ */ new Set();
  const testData = [];
  const crates = rustFiles(listed);
  const change = { changed: opts.changedByChange ?? (() => false), added: opts.addedByChange ?? (() => false), previous: opts.previousPath ?? (() => void 0), base: opts.base ? baseView(opts.base, normalizePath) : void 0 };
  const mixed = [];
  let sqlcSchemas;
  const sqlcSchema = () => sqlcSchemas ??= sqlcSchemaFiles(listed, readText, change);
  for (const { group, entry } of await migrationFolders(paths, config, readText, result.errors, opts.only ? null : testData)) {
    for (const f of group.files) grouped.add(repoPath(group.dir, f));
    await buildGroup(group, entry, config, readText, result, crates, change, mixed, opts.statements, sqlcSchema);
  }
  if (mixed.length > 0) {
    const allowed = await flywayMixedRoots(listed, files);
    result.errors.push(...mixed.filter((e) => !allowed.some((root) => root === "" || e.path.startsWith(`${root}/`))));
  }
  for (const group of testData) {
    const sql = group.files.filter((f) => /\.sql$/i.test(f)).length;
    result.notes.push({
      path: group.dir,
      message: `${sql} SQL file${sql === 1 ? "" : "s"} left alone: test data (a ${group.dir.split("/").find((p) => TEST_DATA_DIRS.has(p))}/ folder, which runners that read one folder, such as golang-migrate, goose, dbmate or pop, never run); set otherDatabases.review in .migration-guard.yml to review ${sql === 1 ? "it" : "them"}`
    });
  }
  if (!opts.only) result.errors.push(...await unreadableMigrations(listed, files, opts.changedByChange));
  if (opts.changedByChange) {
    const gone = (opts.goneByChange ?? []).map(normalizePath).filter((p) => !ignored(p) && !/\.sql$/i.test(p) && !CONFIG_FILE_NAMES.includes(p));
    const changed = [...listed.filter((p) => opts.changedByChange(p) && !runsAsSql(p) && !CONFIG_FILE_NAMES.includes(p)), ...gone];
    const used = /* @__PURE__ */ new Set();
    for (const set of result.sets) for (const m of set.migrations) for (const src of [m.up, m.down]) if (src) placeholdersUsed(src.text, used);
    const readBase = once(opts.base ? (p) => opts.base.read(p).then(decodeText, () => "") : opts.readBase ? (p) => opts.readBase(p).then((t) => t ?? "", () => "") : () => Promise.resolve(""));
    const readHead = once((p) => files.read(p).then(decodeText, () => ""));
    result.errors.push(...await placeholderEdits(changed, readHead, readBase, used));
    const unfollowed = await runnerConfigEdits(changed, readHead, readBase);
    unfollowed.push(...await submoduleChanges(opts.presentByChange ?? [], files, listed, ignored, result.sets.map((s) => s.dir), configured, result.notes));
    const reviewedFiles = result.sets.flatMap((s) => s.migrations.flatMap((m) => m.down ? [m.up.path, m.down.path] : [m.up.path]));
    unfollowed.push(...await changelogIncludeEdits(changed, readHead, readBase, reviewedFiles, listed));
    if (unfollowed.length > 0) {
      const touched = [.../* @__PURE__ */ new Set([...listed.filter((p) => opts.changedByChange(p)), ...gone])].sort();
      const digest = createHash("sha256");
      for (const p of touched) {
        const bytes = await files.read(p).catch(() => null);
        digest.update(`${Buffer.byteLength(p)}:${p}\0${bytes === null ? "none" : `${bytes.length}:`}`);
        if (bytes !== null) digest.update(bytes);
      }
      const bound = ` [bound to the ${touched.length} file${touched.length === 1 ? "" : "s"} this change touches: sha256:${digest.digest("hex").slice(0, 16)}]`;
      for (const e of unfollowed) e.message += bound;
    }
    result.errors.push(...unfollowed);
  }
  result.sets.sort((a, b) => a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : a.layout === "plain" ? 1 : b.layout === "plain" ? -1 : 0);
  const leftAlone = new Set(split.other.flatMap((f) => f.files));
  return opts.only ? await restrictTo(
    result,
    opts.only.map(normalizePath),
    paths,
    grouped,
    config,
    readText,
    (p) => leftAlone.has(p) || listed.some((l) => l.startsWith(`${p}/`) && leftAlone.has(l)) ? Promise.resolve("left-alone") : files.read(p).then(
      () => true,
      () => false
    )
  ) : result;
}
var TEST_DATA_DIRS = /* @__PURE__ */ new Set(["testdata", "stub", "stubs"]);
function isTestData(group, all) {
  if (!group.dir.split("/").some((p) => TEST_DATA_DIRS.has(p))) return false;
  if (group.shape === "flyway" || group.shape === "liquibase-sql") return false;
  return !all.some((g) => g.shape === "liquibase-sql" && (g.dir === "" || group.dir.startsWith(`${g.dir}/`)));
}
async function migrationFolders(paths, config, readText, errors, testData) {
  if (config.migrations && config.migrations.length > 0) {
    const units2 = [];
    for (const entry of config.migrations) {
      const dir = normalizePath(entry.path);
      const inside = paths.filter((p) => dir === "" || p.startsWith(`${dir}/`));
      if (!inside.some((p) => /\.sql$/i.test(p))) {
        errors.push({ path: dir, line: 1, column: 1, message: `configured migrations folder '${dir}' has no .sql files` });
        continue;
      }
      for (const group of await findFolderGroups(inside, readText)) units2.push({ group, entry });
    }
    return units2;
  }
  const units = [];
  for (const group of await findFolderGroups(paths, readText)) {
    const layout = group.shape ?? await detectLayout(folderOf(group, readText));
    if (layout !== "plain" || looksLikeMigrationFolder(group)) units.push({ group: { ...group, shape: layout } });
  }
  if (!testData) return units;
  const groups = units.map((u) => u.group);
  const forced = globMatcher(config.otherDatabases.review);
  return units.filter((u) => {
    if (!isTestData(u.group, groups) || u.group.files.some((f) => forced(repoPath(u.group.dir, f)))) return true;
    testData.push(u.group);
    return false;
  });
}
function folderOf(group, readText, statements) {
  return { dir: group.dir, files: group.files, read: (rel) => readText(repoPath(group.dir, rel)), ...group.besideMigrations ? { besideMigrations: true } : {}, ...statements ? { statements } : {} };
}
async function detectLayout(folder) {
  let best = "plain";
  let bestScore = 0;
  for (const layout of LAYOUT_MODULES) {
    const score = await layout.detect(folder);
    if (score > bestScore) {
      best = layout.name;
      bestScore = score;
    }
  }
  return best;
}
function reviewedSnapshots(dir, snapshots, change, result, initScripts = false, besideMigrations = true) {
  if (snapshots.length === 0) return [];
  const added = snapshots.filter((f) => change.added(repoPath(dir, f)));
  const left = snapshots.filter((f) => !added.includes(f));
  if (left.length > 0) {
    const named = left.length > 3 ? `${left.slice(0, 3).join(", ")} and ${left.length - 3} more` : left.join(", ");
    result.notes.push({
      path: dir,
      message: initScripts ? `${named} left alone: scripts that initialise a new database, beside the migrations (what a new database starts from), not migrations; editing one changes no database that exists` : besideMigrations ? `${left.join(", ")} left alone: the whole schema kept beside the versioned migrations (what a new database starts from), not one of them; editing it changes no database that has run them` : `${named} left alone: the whole schema as pg_dump writes it, not a migration (no runner applies a dump again); editing it changes no database`
    });
  }
  return added;
}
async function setAsideNonMigrations(dir, built, change, result, sqlcSchema) {
  const queries = [];
  const schemas = /* @__PURE__ */ new Map();
  const kept = [];
  for (const d of built.migrations) {
    const file = dir === "" ? d.up.path : d.up.path.slice(dir.length + 1);
    const sqlcConfig = !change.added(d.up.path) ? (await sqlcSchema()).get(d.up.path) : void 0;
    if (!file.includes("/") && isSchemaSnapshot(file) && isPgDump(d.up.text) && await soOnBase(d.up.path, isPgDump, change)) {
      (built.snapshots ??= []).push(file);
    } else if (isSqlcQueries(d.up.text) && !change.added(d.up.path) && await soOnBase(d.up.path, isSqlcQueries, change)) {
      queries.push(file);
    } else if (sqlcConfig !== void 0) {
      schemas.set(sqlcConfig, [...schemas.get(sqlcConfig) ?? [], file]);
    } else kept.push(d);
  }
  built.migrations = kept;
  for (const [config, files] of schemas) {
    result.notes.push({
      path: dir,
      message: `${files.join(", ")} left alone: the schema sqlc generates code from (${config} names ${files.length === 1 ? "it" : "them"} under \`schema:\`), not ${files.length === 1 ? "a migration" : "migrations"}; no runner applies ${files.length === 1 ? "it" : "them"}, so editing ${files.length === 1 ? "it" : "them"} changes no database`
    });
  }
  if (queries.length > 0) {
    result.notes.push({
      path: dir,
      message: `${queries.join(", ")} left alone: sqlc queries (each named by a \`-- name:\` annotation for code generation), not migrations; no runner applies ${queries.length === 1 ? "it" : "them"}`
    });
  }
}
async function soOnBase(path2, kind, change) {
  if (!change.changed(path2) || change.added(path2)) return true;
  const base = change.base ? await change.base() : void 0;
  return base ? kind(await base.read(change.previous(path2) ?? path2)) : false;
}
async function buildGroup(group, entry, config, readText, result, crates, change, mixed, statements, sqlcSchema) {
  const folder = folderOf(group, readText, statements);
  const sqlx2 = entry?.layout ? null : await sqlxRunner(group.shape ?? await detectLayout(folder), group.dir, group.files, crates, readText, change);
  if (sqlx2?.note) result.notes.push({ path: group.dir, message: sqlx2.note });
  const runner = entry?.layout ?? sqlx2.runner;
  if (typeof runner !== "string") {
    const forced = globMatcher(config.otherDatabases.review);
    if (!group.files.some((f) => forced(repoPath(group.dir, f)))) {
      const sql = group.files.filter((f) => /\.sql$/i.test(f)).length;
      result.notes.push({
        path: group.dir,
        message: `${sql} SQL file${sql === 1 ? "" : "s"} left alone: the crate uses sqlx with ${runner.other}, not PostgreSQL (its Cargo.toml features, or its sources' types) (set otherDatabases.review in .migration-guard.yml to review ${sql === 1 ? "it" : "them"})`
      });
      return;
    }
  }
  const layout = typeof runner === "string" ? runner : "sqlx";
  const built = group.initScripts && !entry ? { ...emptyBuild(), snapshots: sqlFiles(group.files) } : await layoutModule(layout).build(folder);
  for (const file of group.files) {
    if (!FIZZ_UP.test(file)) continue;
    result.errors.push({
      path: repoPath(group.dir, file),
      line: 1,
      column: 1,
      message: "pop runs this fizz migration (a DSL it turns into SQL as it runs), and nothing here can review it: write it as an .up.sql file, or have it approved",
      rule: "layout-error",
      risk: "DANGEROUS"
    });
  }
  for (const issue of built.issues) result.errors.push({ ...issue, path: repoPath(group.dir, issue.path), rule: "layout-error", risk: "DANGEROUS" });
  if (layout === "plain" && !entry) await setAsideNonMigrations(group.dir, built, change, result, sqlcSchema);
  for (const d of built.migrations) {
    if (!d.mixedTransaction) continue;
    const at = d.mixedTransaction;
    mixed.push({
      path: d.up.path,
      line: at.line,
      column: at.column,
      message: `Flyway refuses to run this migration: it mixes statements that run in a transaction with ${at.nonTransactional ? "this one, which cannot" : "one that cannot (before this one)"} ("Detected both transactional and non-transactional statements within the same migration (even though mixed is false)"): move the statements that cannot run in a transaction to a migration of their own, or set executeInTransaction in a ${d.up.path.slice(d.up.path.lastIndexOf("/") + 1)}.conf beside it`,
      rule: "layout-error",
      risk: "DANGEROUS"
    });
  }
  const other = built.otherDatabases ?? [];
  if (other.length > 0) {
    result.notes.push({
      path: group.dir,
      message: `${other.length} migration file${other.length === 1 ? "" : "s"} for other databases left alone (${[...new Set(other.map((o) => o.dialect))].sort().join(", ")}): ${layout} runs ${other.length === 1 ? "it" : "them"} only on those engines`
    });
  }
  for (const orphan of built.orphans) result.findings.push(rollbackOrphan(repoPath(group.dir, orphan)));
  const snapshots = reviewedSnapshots(group.dir, built.snapshots ?? [], change, result, group.initScripts === true && !entry, built.migrations.length > 0 || group.besideMigrations === true);
  const reviewed = snapshots.length > 0 ? (await layoutModule("plain").build({ ...folder, files: snapshots, besideMigrations: false })).migrations : [];
  const left = [];
  for (const file of built.snapshots ?? []) {
    if (!snapshots.includes(file)) left.push({ path: repoPath(group.dir, file), text: await folder.read(file) });
  }
  addSet(group.dir, layout, [...built.migrations, ...reviewed], entry, config, result, left);
  if (built.leftovers.length > 0 && layout !== "plain") {
    const rest = await layoutModule("plain").build({ ...folder, files: built.leftovers });
    addSet(group.dir, "plain", rest.migrations, entry, config, result);
  }
}
function addSet(dir, layout, drafts, entry, config, result, snapshots = []) {
  if (drafts.length === 0) return;
  const convention = layoutModule(layout).rollbacks;
  const required = entry?.requireRollback ?? (convention === "always" || convention === "when-used" && drafts.some((d) => d.down));
  const transaction = entry?.transaction ?? config.transaction[layout] ?? LAYOUT_TRANSACTION[layout];
  const migrations = drafts.map((d) => toMigration(d, layout, dir, required, transaction));
  for (const [i, m] of migrations.entries()) {
    if (m.rollbackStatus === "missing") result.findings.push(rollbackMissing(m, config.rollbackMissingRisk));
    if (required) {
      for (const part of drafts[i].partsWithoutRollback ?? []) result.findings.push(rollbackMissing(m, config.rollbackMissingRisk, part));
    }
  }
  const byKey = /* @__PURE__ */ new Map();
  drafts.forEach((d, i) => {
    if (d.dupKey !== void 0) byKey.set(d.dupKey, [...byKey.get(d.dupKey) ?? [], migrations[i]]);
  });
  for (const same of byKey.values()) {
    if (same.length > 1) for (const m of same) result.findings.push(duplicateVersion(m, same.filter((o) => o !== m)));
  }
  result.sets.push({ dir, layout, migrations, ...snapshots.length > 0 ? { snapshots } : {} });
}
var SQUAWK_NO_TRANSACTION = /^[ \t]*--[ \t]*squawk-disable-assume-in-transaction[ \t]*$/m;
function plainTransaction(transaction, text) {
  return transaction === "wrapped" && SQUAWK_NO_TRANSACTION.test(text) ? "none" : transaction;
}
function toMigration(d, layout, dir, required, transaction) {
  return {
    id: d.id,
    version: d.version,
    name: d.name,
    layout,
    dir,
    up: d.up,
    down: d.down,
    rollbackStatus: d.down ? "present" : required && !d.noRollback ? "missing" : "not-required",
    transaction: d.noTransaction ? "none" : layout === "plain" ? plainTransaction(transaction, d.up.text) : transaction,
    change: "unchanged",
    ...d.down && isBlankSql(d.down.text) ? { rollbackEmpty: true } : {},
    ...d.repeatable ? { repeatable: true } : {},
    ...d.placeholders ? { placeholders: d.placeholders } : {},
    ...d.envsub ? { envsub: true } : {},
    ...d.downOrder && d.down ? { downOrder: d.downOrder } : {}
  };
}
async function restrictTo(found, only, paths, grouped, config, readText, exists) {
  const known = new Set(paths);
  const exactFiles = new Set(only.filter((w) => known.has(w)));
  const folders = only.filter((w) => !known.has(w));
  const inFolder = (p, w) => w === "" || p.startsWith(`${w}/`);
  const wanted = (p) => exactFiles.has(p) || folders.some((w) => p === w || inFolder(p, w));
  const sets = found.sets.map((s) => ({ ...s, migrations: s.migrations.filter((m) => wanted(m.up.path) || m.down !== null && wanted(m.down.path)) })).filter((s) => s.migrations.length > 0);
  const covered = new Set(sets.flatMap((s) => s.migrations.flatMap((m) => m.down ? [m.up.path, m.down.path] : [m.up.path])));
  const errors = [];
  const lone = [];
  for (const w of only) {
    const inside = known.has(w) ? /\.sql$/i.test(w) ? [w] : [] : paths.filter((p) => inFolder(p, w) && /\.sql$/i.test(p));
    if (inside.length > 0) lone.push(...inside.filter((p) => !covered.has(p) && !grouped.has(p)));
    else if (covered.has(w)) continue;
    else {
      const there = known.has(w) || await exists(w);
      if (there === "left-alone") continue;
      if (there) lone.push(w);
      else errors.push({ path: w, line: 1, column: 1, message: `no such file: ${w}` });
    }
  }
  const byDir = /* @__PURE__ */ new Map();
  for (const p of [...new Set(lone)].sort()) {
    const dir = p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "";
    const list = byDir.get(dir);
    if (list) list.push(p);
    else byDir.set(dir, [p]);
  }
  for (const [dir, files] of byDir) {
    const migrations = [];
    for (const path2 of files) {
      const name = path2.slice(path2.lastIndexOf("/") + 1).replace(/\.sql$/i, "");
      const text = await readText(path2);
      migrations.push({
        id: name,
        version: name,
        name,
        layout: "plain",
        dir,
        up: { path: path2, text },
        down: null,
        rollbackStatus: "not-required",
        transaction: plainTransaction(config.defaultTransaction, text),
        change: "unchanged"
      });
    }
    sets.push({ dir, layout: "plain", migrations });
  }
  const kept = /* @__PURE__ */ new Set([...covered, ...lone, ...[...grouped].filter(wanted)]);
  return {
    // Notes about folders among (or around) what was asked for.
    notes: found.notes.filter((n) => n.path === void 0 || only.some((w) => w === "" || n.path === w || n.path.startsWith(`${w}/`) || w.startsWith(`${n.path}/`))),
    sets,
    errors: [...found.errors.filter((e) => kept.has(e.path)), ...errors],
    findings: found.findings.filter((f) => kept.has(f.path))
  };
}
var FLYWAY_FILE = /^(?:V\d+(?:[._]\d+)*|R)__.+\.sql$/;
var FIZZ_UP = /^\d+_[^./]+\.up\.fizz$/;
function sqlRunBy(paths) {
  const folderOf2 = (p) => p.slice(0, Math.max(0, p.lastIndexOf("/")));
  const sqlFolders = new Set(paths.filter((p) => /\.sql$/i.test(p)).map(folderOf2));
  return (path2) => /\.sql$/i.test(path2) || RUNNER_FILE.test(path2.slice(path2.lastIndexOf("/") + 1)) && sqlFolders.has(folderOf2(path2));
}
function normalizePath(p) {
  return trimTrailing(p.replace(/\\/g, "/").replace(/^(\.\/)+/, ""), "/").replace(/^\.$/, "");
}
var DATABASE_NAME = /^(?:migrations?|migrate|db|database|schema|sql|ddl|changelogs?|flyway|liquibase|sqitch|supabase|prisma|drizzle|dbmate|goose)$/i;
async function submoduleChanges(present, repo, listed, ignored, setDirs, configured, notes) {
  if (present.length === 0) return [];
  const files = new Set(listed);
  const out = [];
  let namers;
  const namerTexts = () => namers ??= Promise.all(listed.filter((p) => SETTINGS_FILE.test(p) || NAMES_FOLDERS.test(p)).map(async (p) => [p, await repo.read(p).then(decodeText, () => "")]));
  const isFolder = (path2) => repo.read(path2).then(() => false, (e) => e.code === "EISDIR");
  for (const raw of present) {
    const path2 = normalizePath(raw);
    if (ignored(path2) || /\.gitmodules$/.test(path2) || /\.sql$/i.test(path2)) continue;
    const inside = (a, b) => a === b || b === "" || a.startsWith(`${b}/`);
    const risky = path2.split("/").some((p) => DATABASE_NAME.test(p)) || setDirs.some((d) => inside(d, path2) || inside(path2, d)) || configured.some((d) => inside(d, path2) || inside(path2, d));
    let namedBy;
    if (!risky) {
      const naming = new RegExp(`(?:^|[^\\w.-])(?:\\./)?${path2.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:$|[^\\w.-])`, "m");
      namedBy = (await namerTexts()).find(([p, text]) => p !== path2 && naming.test(text))?.[0];
    }
    if (files.has(path2) && (!risky && namedBy === void 0 || !await isFolder(path2))) continue;
    if (!risky && namedBy === void 0) {
      notes.push({ path: path2, message: `the change moves the submodule ${path2}: files in a submodule are not reviewed` });
      continue;
    }
    out.push({
      path: path2,
      line: 1,
      column: 1,
      message: namedBy !== void 0 ? `this change adds or moves the submodule ${path2}, which ${namedBy} names (a runner may read migrations from it): files in a submodule are not read by this review, so any migration in it runs unreviewed; merging it needs approval` : `this change adds or moves the submodule ${path2}, where migrations may live: files in a submodule are not read by this review, so any migration in it runs unreviewed; merging it needs approval`,
      rule: "layout-error",
      risk: "DANGEROUS"
    });
  }
  return out;
}
var NAMES_FOLDERS = /(?:^|\/)(?:[^/]*changelog[^/]*\.(?:xml|ya?ml|json|sql)|package\.json|diesel\.toml|sqitch\.conf|atlas\.hcl|[jJ]ustfile|Taskfile\.ya?ml|[^/]*\.sh)$/;
async function flywayMixedRoots(listed, files) {
  const roots = [];
  for (const path2 of listed) {
    if (!SETTINGS_FILE.test(path2)) continue;
    const text = await files.read(path2).then(decodeText, () => "");
    const values = runnerSettings(text, path2).get("mixed");
    if (values?.split(", ").some((v) => v.replace(/^["']|["']$/g, "").toLowerCase() === "true")) roots.push(settingsRoot(path2));
  }
  return roots;
}
function settingsRoot(path2) {
  const dir = path2.includes("/") ? path2.slice(0, path2.lastIndexOf("/")) : "";
  return dir.replace(/(?:^|\/)(?:src\/[^/]+\/resources(?:\/config)?|conf|config|\.github\/workflows)$/i, "");
}
function once(read) {
  const answers = /* @__PURE__ */ new Map();
  return (path2) => {
    let answer = answers.get(path2);
    if (!answer) answers.set(path2, answer = read(path2));
    return answer;
  };
}

// src/parse/body-tokens.ts
function isSpace(c) {
  return c === " " || c === "	" || c === "\n" || c === "\r" || c === "\f" || c === "\v";
}
function isWordChar(c) {
  return c !== void 0 && /[\p{L}\p{N}_$]/u.test(c);
}
function routineBodyTokens(body) {
  const out = [];
  let last;
  let pendingSpace = false;
  let i = 0;
  const push = (s) => {
    if (pendingSpace && isWordChar(last) && isWordChar(s[0])) out.push(" ");
    pendingSpace = false;
    out.push(s);
    last = s[s.length - 1];
  };
  while (i < body.length) {
    const c = body[i];
    if (isSpace(c)) {
      pendingSpace = true;
      i++;
    } else if (c === "-" && body[i + 1] === "-") {
      while (i < body.length && body[i] !== "\n") i++;
      pendingSpace = true;
    } else if (c === "/" && body[i + 1] === "*") {
      let depth = 0;
      do {
        if (body[i] === "/" && body[i + 1] === "*") {
          depth++;
          i += 2;
        } else if (body[i] === "*" && body[i + 1] === "/") {
          depth--;
          i += 2;
        } else i++;
      } while (i < body.length && depth > 0);
      pendingSpace = true;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      for (; j < body.length; j++) {
        if (body[j] === c) {
          if (body[j + 1] === c) j++;
          else break;
        } else if (c === "'" && body[j] === "\\" && (last === "e" || last === "E")) j++;
      }
      push(body.slice(i, j + 1));
      i = j + 1;
    } else if (c === "$" && !isWordChar(last) && /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.test(body.slice(i, i + 66))) {
      const tag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(body.slice(i, i + 66))[0];
      const end = body.indexOf(tag, i + tag.length);
      const stop = end < 0 ? body.length : end + tag.length;
      push(body.slice(i, stop));
      i = stop;
    } else {
      let j = i;
      while (j < body.length && !isSpace(body[j]) && !`'"`.includes(body[j]) && !(body[j] === "-" && body[j + 1] === "-") && !(body[j] === "/" && body[j + 1] === "*") && !(body[j] === "$" && j > i && !isWordChar(body[j - 1]))) j++;
      if (j === i) j = i + 1;
      push(body.slice(i, j).toLowerCase());
      i = j;
    }
  }
  return out.join("");
}

// src/check/parallel.ts
import { existsSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
var MIN_CHARS_PER_THREAD = 4e5;
var IN_FLIGHT = 2;
async function runSetsInParallel(work, ctx, step, idleCores) {
  const weights = work.map(weightOf);
  const workers = workerCount(weights.reduce((a, b) => a + b, 0), work.filter((units) => units.length > 0).length, idleCores);
  const script = workerScript();
  if (workers === 0 || !script) return null;
  return analyzeSetsOn(script, workers, work, ctx, step, weights);
}
function idleMeter() {
  const start = cpuTimes();
  return () => {
    const now = cpuTimes();
    const total = now.total - start.total;
    if (total <= 0) return now.cores;
    return (now.idle - start.idle) / total * now.cores;
  };
}
function cpuTimes() {
  let idle = 0;
  let total = 0;
  const all = cpus();
  for (const { times: t } of all) {
    idle += t.idle;
    total += t.user + t.nice + t.sys + t.idle + t.irq;
  }
  return { idle, total, cores: all.length };
}
async function analyzeSetsOn(script, workers, work, ctx, step, weights = work.map(weightOf)) {
  const queue = work.map((_, i) => i).sort((a, b) => weights[b] - weights[a] || a - b);
  const mainOnly = [];
  const results = new Array(work.length);
  const pool = new Pool(script, workers, { ...ctx, extraFindings: [] }, {
    step: (set, unit, count) => step(work[set][unit], count),
    done: (set, migrations) => results[set] = { analyzed: migrations.map((m) => revive(work[set], m)), history: [] },
    // Never to a worker again: a set one worker failed on, the next would likely fail on too.
    failed: (sets) => mainOnly.push(...sets)
  });
  const taskFor = (set) => ({ set, units: work[set], extraFindings: extraFor(work[set], ctx.extraFindings) });
  try {
    for (; ; ) {
      pool.feed(queue, taskFor);
      const next = mainOnly.shift() ?? queue.shift();
      if (next !== void 0) {
        results[next] = analyzeSet(work[next], ctx, step);
        await pool.settled(true);
        continue;
      }
      if (pool.idle()) break;
      await pool.settled();
    }
  } finally {
    await pool.close();
  }
  return results.map((r, i) => r ?? analyzeSet(work[i], ctx, step));
}
function workerCount(chars, sets, idleCores, env = process.env, cores = availableParallelism()) {
  const forced = forcedWorkers(env);
  if (forced !== void 0) return Math.min(forced, Math.max(0, sets - 1));
  const threads = Math.min(cores - 1, Math.floor(chars / MIN_CHARS_PER_THREAD), sets);
  if (threads < 2) return 0;
  return Math.max(0, Math.min(threads - 1, Math.floor(idleCores() + 0.5)));
}
function parseAhead(idleCores, env = process.env, cores = availableParallelism()) {
  const forced = forcedWorkers(env);
  if (forced !== void 0) return forced > 0;
  return cores >= 3 && Math.floor(idleCores() + 0.5) >= 1;
}
function forcedWorkers(env) {
  const value = env.MG_WORKERS;
  if (value === void 0 || value === "") return void 0;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : void 0;
}
function workerScript() {
  for (const rel of ["./check-worker.js", "../check-worker.js"]) {
    const url = new URL(rel, import.meta.url);
    if (url.protocol === "file:" && existsSync(fileURLToPath(url))) return url;
  }
  return null;
}
function weightOf(units) {
  let n = 0;
  for (const u of units) n += u.migration.up.text.length + (u.underReview && u.migration.down ? u.migration.down.text.length : 0);
  return n;
}
function extraFor(units, findings) {
  const paths = new Set(units.flatMap((u) => u.migration.down ? [u.migration.up.path, u.migration.down.path] : [u.migration.up.path]));
  return findings.filter((f) => paths.has(f.path));
}
function revive(units, m) {
  const source = (s) => ({ ...s, statements: s.statements.map((st) => ({ ...st, ast: NO_TREE })) });
  return {
    migration: units[m.unit].migration,
    up: source(m.up),
    down: m.down ? source(m.down) : null,
    report: m.report,
    transaction: m.transaction,
    ...m.suppressed ? { suppressed: m.suppressed } : {},
    ...m.preexisting ? { preexisting: m.preexisting } : {}
  };
}
var Pool = class {
  constructor(script, n, ctx, on) {
    this.on = on;
    this.slots = Array.from({ length: n }, () => this.start(script, ctx));
  }
  on;
  slots;
  wake;
  start(script, ctx) {
    const worker = new Worker(script, { workerData: { ctx } });
    const slot = { worker, holding: /* @__PURE__ */ new Set(), alive: true };
    const giveBack = () => {
      if (!slot.alive) return;
      slot.alive = false;
      this.on.failed([...slot.holding]);
      slot.holding.clear();
      this.poke();
    };
    worker.on("message", (msg) => {
      if (msg.kind === "step") return this.on.step(msg.set, msg.unit, msg.count);
      slot.holding.delete(msg.set);
      if (msg.kind === "done") this.on.done(msg.set, msg.migrations);
      else this.on.failed([msg.set]);
      this.poke();
    });
    worker.on("error", giveBack);
    worker.on("exit", giveBack);
    return slot;
  }
  poke() {
    const wake = this.wake;
    this.wake = void 0;
    wake?.();
  }
  /** Hands queued sets to workers with room for them. */
  feed(queue, taskFor) {
    for (const slot of this.slots) {
      while (slot.alive && slot.holding.size < IN_FLIGHT && queue.length > 0) {
        const set = queue.shift();
        slot.holding.add(set);
        slot.worker.postMessage(taskFor(set));
      }
    }
  }
  /** True when no worker holds a set. */
  idle() {
    return this.slots.every((s) => s.holding.size === 0);
  }
  /**
   * Waits for a worker's message, or with `justPoll` only until the messages already queued are
   * in (an immediate runs after the event loop's poll phase, where they arrive).
   */
  settled(justPoll = false) {
    return new Promise((resolve2) => {
      const immediate = justPoll ? setImmediate(() => this.poke()) : void 0;
      this.wake = () => {
        if (immediate) clearImmediate(immediate);
        resolve2();
      };
    });
  }
  async close() {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
};

// src/check/run.ts
async function runCheck(opts) {
  const { config } = opts;
  const progress = opts.onProgress ?? (() => {
  });
  const withoutTrees = opts.withoutTrees === true && !opts.dryRun && !opts.keepHistory;
  const meter = idleMeter();
  const idleCores = withoutTrees ? meter : () => 0;
  await initParser();
  progress({ stage: "discover", done: 0, total: 1 });
  const only = opts.scope.kind === "paths" ? opts.scope.paths : void 0;
  const changes = opts.scope.kind === "changes" ? await withLinksToChanged(opts.scope.changes, opts.files) : null;
  const changedPaths = changes?.flatMap((c) => c.previousPath ? [c.path, c.previousPath] : [c.path]) ?? null;
  const touched = new Set(changedPaths ?? []);
  const added = /* @__PURE__ */ new Set();
  const renamedFrom = /* @__PURE__ */ new Map();
  for (const c of changes ?? []) {
    if (c.status === "added" || c.status === "renamed") added.add(c.path);
    if (c.previousPath) renamedFrom.set(c.path, c.previousPath);
  }
  const base = opts.scope.kind === "changes" ? opts.scope.base : null;
  const gone = (changes ?? []).flatMap((c) => c.status === "deleted" ? [c.path] : c.status === "renamed" && c.previousPath ? [c.previousPath] : []);
  const discovered = await discoverMigrations(
    opts.files,
    config,
    only ? { only, statements: topLevelStatements } : changedPaths ? { statements: topLevelStatements, changedByChange: (p) => touched.has(p), addedByChange: (p) => added.has(p), previousPath: (p) => renamedFrom.get(p), goneByChange: gone, presentByChange: (changes ?? []).filter((c) => c.status !== "deleted").map((c) => c.path), ...base ? { base } : {}, ...opts.scope.kind === "changes" && opts.scope.readBase ? { readBase: opts.scope.readBase } : {} } : { statements: topLevelStatements }
  );
  const errors = [...discovered.errors];
  const extraFindings = [...discovered.findings];
  let sets = discovered.sets;
  let baseSets = null;
  const changeNotes = [];
  if (opts.scope.kind === "changes") {
    baseSets = opts.scope.base ? (await discoverMigrations(opts.scope.base, config, { statements: topLevelStatements })).sets : null;
    const changed = applyChanges(sets, changes, baseSets, (a, b, layout) => sameStatements(a, b, parseOptionsFor(layout, config.placeholders)));
    sets = changed.sets;
    extraFindings.push(...changed.findings);
    changeNotes.push(...opts.scope.notes ?? [], ...changed.notes);
  }
  progress({ stage: "discover", done: 1, total: 1 });
  const perSet = sets.map(
    (set) => set.migrations.map((m) => ({
      migration: m,
      underReview: opts.scope.kind === "changes" ? m.change === "added" || m.change === "modified" || m.change === "renamed" : true
    }))
  );
  const total = perSet.reduce((n, units) => n + lastReviewedIndex(units) + 1, 0);
  const ctx = {
    config,
    settings: effectiveSettings(allRules, config.preset, config.rules),
    scopeKind: opts.scope.kind,
    dryRun: opts.dryRun === true,
    keepHistory: opts.dryRun === true || opts.keepHistory === true,
    withoutTrees,
    calibration: await calibrationFor(config, opts.dryRun === true),
    extraFindings,
    parseAhead: parseAhead(meter),
    repositoryRoutines: repositoryRoutines(sets)
  };
  const work = perSet.map((units) => units.slice(0, lastReviewedIndex(units) + 1));
  const engine = {
    engine: config.dryRun.engine,
    ...config.dryRun.databaseUrl ? { databaseUrl: config.dryRun.databaseUrl } : {},
    memoryLimitMb: config.dryRun.memoryLimitMb
  };
  const verify = opts.dryRun && work.some((units) => units.length > 0) ? await import("./verify-3Y5R7US6.js") : null;
  const session = verify ? new verify.VerifySession({ ...engine, targetMajor: config.pgVersion }) : null;
  session?.provider.prepare?.();
  try {
    let done = 0;
    const step = (unit, count = 1) => {
      done += count;
      progress({ stage: unit.underReview ? "analyze" : "parse", done: done - 1, total, label: unit.migration.up.path });
    };
    const parallel = ctx.withoutTrees ? await runSetsInParallel(work, ctx, step, idleCores) : null;
    const results = parallel ?? work.map((units) => analyzeSet(units, ctx, step));
    const analyzed = results.flatMap((r) => r.analyzed);
    const { history, perSet: historyPerSet, review: replayed } = replayOrder(work, results, ctx.keepHistory);
    const sources = /* @__PURE__ */ new Map();
    for (const { migration: m } of analyzed) {
      sources.set(m.up.path, m.up.text);
      if (m.down && m.down.path !== m.up.path) sources.set(m.down.path, m.down.text);
      else if (m.down) sources.set(m.up.path, await opts.files.read(m.up.path).then(decodeText, () => overlay(m.up.text, m.down.text)));
    }
    progress({ stage: "analyze", done: total, total });
    const notes = [...discovered.notes.filter(
      (n) => changedPaths === null || n.path === void 0 || changedPaths.some((p) => p === n.path || p.startsWith(`${n.path}/`))
    ), ...changeNotes];
    const reviewedPaths = new Set(analyzed.flatMap((a) => a.migration.down ? [a.migration.up.path, a.migration.down.path] : [a.migration.up.path]));
    const inScope2 = scopeFilter(changes, reviewedPaths, await opts.files.list());
    const unrelated = /* @__PURE__ */ new Map();
    const countUnrelated = (what) => unrelated.set(what, (unrelated.get(what) ?? 0) + 1);
    for (const e of extraFindings) {
      if (reviewedPaths.has(e.path)) continue;
      if (!inScope2(e.path)) {
        countUnrelated(e.rule);
        continue;
      }
      errors.push({ path: e.path, line: e.line, column: e.column, message: e.message, rule: e.rule, risk: e.risk });
    }
    const discoveryErrors = errors.splice(0, errors.length);
    for (const e of discoveryErrors) {
      if (inScope2(e.path)) errors.push(e);
      else countUnrelated(e.rule ?? "parse error");
    }
    if (unrelated.size > 0) notes.push(unrelatedNote(unrelated));
    const kept = /* @__PURE__ */ new Map();
    for (const rule of analyzed.flatMap((a) => a.preexisting ?? [])) kept.set(rule, (kept.get(rule) ?? 0) + 1);
    if (kept.size > 0) notes.push(keptRollbackNote(kept));
    for (const a of analyzed) errors.push(...parseErrorsOf(a));
    let planVerification;
    let verifiedPlan;
    if (session && verify && analyzed.length > 0) {
      const { runDryRun, mergeDryRun, takeSnapshot } = await import("./dryrun-WG5FWK42.js");
      const { verifySuggestions, verifyPlan, readColumnShapes, readMigrationShapes, hasShapeTargets } = verify;
      const review = replayed.map((a) => ({ migration: a.migration, up: a.up, down: a.down }));
      const snapshots = changes ? fromSnapshots(sets, historyPerSet, baseSets, touched, config.placeholders) : null;
      const snapshotBase = snapshots?.base;
      session.useExtensionsOf({ base: [...history, ...snapshotBase ?? []], review });
      const byId = new Map(analyzed.map((a) => [a.migration.id, a]));
      const result = await runDryRun(
        { base: history, review, ...snapshotBase ? { snapshotBase } : {} },
        {
          ...engine,
          statementTimeoutMs: config.dryRun.statementTimeoutMs,
          totalTimeoutMs: config.dryRun.totalTimeoutMs,
          seedRows: config.dryRun.seedRows,
          // As the analysis judges them: a change's migrations deploy together (what one creates
          // is new and empty to the next); a whole-history review replays a history that ran.
          seedBefore: opts.scope.kind === "changes" ? "base" : "each",
          targetMajor: config.pgVersion,
          onProgress: progress,
          provider: session.provider,
          // What the plan and its verification need from a database holding the migrations as
          // written, read from the dry-run's while it is one: no second database to build.
          observe: {
            before: async (db, m) => {
              const a = byId.get(m.migration.id);
              if (!a || !hasShapeTargets(a)) return;
              await readMigrationShapes(db, a);
              session.shapesRead.add(a.migration.id);
            },
            after: async (db, base3) => session.rememberSchema({ base: base3, review }, await takeSnapshot(db))
          }
        }
      );
      for (const a of analyzed) {
        const r = result.results.get(a.migration.id);
        const compared = r?.rollback?.status === "exact" || r?.rollback?.status === "incomplete";
        if (r) a.report = mergeDryRun(compared ? withoutStaticRollbackGuess(a) : a.report, { ...r, targetPgVersion: config.pgVersion });
      }
      for (const a of analyzed) {
        const r = a.migration.historyFollows ? result.base.historyRollbacks?.[a.migration.id] : void 0;
        const compared = r?.rollback?.status === "exact" || r?.rollback?.status === "incomplete";
        if (r) a.report = mergeDryRun(compared ? withoutStaticRollbackGuess(a) : a.report, { ...r, targetPgVersion: config.pgVersion });
      }
      const newer = newerEngineNote(result.results.values(), config.pgVersion);
      if (newer) notes.push(newer);
      const base2 = result.baseUsed;
      if (snapshots && result.base.fromSnapshot && result.base.status === "ok") notes.push(snapshotNote(snapshots.files, result.base.fromSnapshot.historyError));
      const verifyOpts = {
        ...engine,
        seedRows: config.dryRun.seedRows || 100,
        statementTimeoutMs: config.dryRun.statementTimeoutMs,
        totalTimeoutMs: config.dryRun.totalTimeoutMs,
        session
      };
      await verifySuggestions(base2, replayed, { ...verifyOpts, fallback: (f) => ruleById(f.rule)?.docs.instead });
      await readColumnShapes(base2, replayed, verifyOpts);
      const { buildPlan, planDocument } = await import("./plan-KUEN4244.js");
      const plan = buildPlan(analyzed, { pgVersion: config.pgVersion });
      if (plan.phases.length > 0) {
        planVerification = await verifyPlan(planDocument(plan, config.pgVersion), { base: base2, review }, verifyOpts);
        verifiedPlan = plan;
      }
    }
    for (const a of analyzed) {
      if (a.migration.upAsBase) a.report = withoutUpFindings(a);
      if (errors.some((e) => e.path === a.migration.up.path && (e.risk ?? "DANGEROUS") === "DANGEROUS")) a.report.risk = "DANGEROUS";
      a.report.impact = impactOf(a.report, a.transaction, config);
    }
    const migrations = analyzed.map((a) => a.report);
    const report = {
      version: 1,
      risk: maxRisk(...migrations.map((m) => m.risk), ...errors.map((e) => e.risk ?? "DANGEROUS")),
      migrations,
      errors: dedupeErrors(errors),
      pgVersion: config.pgVersion,
      ...notes.length ? { notes } : {}
    };
    return { report, migrations: analyzed, sources, history, ...planVerification ? { planVerification, plan: verifiedPlan } : {} };
  } finally {
    await session?.dispose();
  }
}
async function withLinksToChanged(changes, files) {
  if (!files.links || changes.length === 0) return changes;
  const links = await files.links();
  if (links.size === 0) return changes;
  const touched = new Set(changes.flatMap((c) => c.previousPath ? [c.path, c.previousPath] : [c.path]));
  const added = [];
  for (const [link, target] of links) {
    if (touched.has(link)) continue;
    if (target !== null && touched.has(target)) added.push({ path: link, status: "modified" });
  }
  return added.length === 0 ? changes : [...changes, ...added];
}
function scopeFilter(changes, reviewed, listed) {
  if (changes === null) return () => true;
  const changed = new Set(changes.flatMap((c) => c.previousPath ? [c.path, c.previousPath] : [c.path]));
  const files = new Set(listed);
  return (path2) => reviewed.has(path2) || changed.has(path2) || !files.has(path2);
}
function unrelatedNote(counts) {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const what = [...counts.entries()].sort(([a], [b]) => byCodeUnit(a, b)).map(([rule, n]) => `${n} ${rule}`).join(", ");
  return {
    message: `the base branch already has ${total} problem${total === 1 ? "" : "s"} in files this change does not touch (${what}); they are not part of this review (run \`migration-guard check\` without --base to list them)`
  };
}
function keptRollbackNote(counts) {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const what = [...counts.entries()].sort(([a], [b]) => byCodeUnit(a, b)).map(([rule, n]) => `${n} ${rule}`).join(", ");
  return {
    message: `${total} rollback problem${total === 1 ? "" : "s"} (${what}) ${total === 1 ? "is" : "are"} the base branch's: this change edits the migration but leaves its rollback as it was, and the rollback had ${total === 1 ? "it" : "them"} with the migration as it was; they are not part of this review`
  };
}
function newerEngineNote(results, target) {
  for (const r of results) {
    const major = Number(/^(\d+)/.exec(r.serverVersion)?.[1]);
    if (!Number.isInteger(major) || major <= target) continue;
    return {
      message: `the dry-run ran on ${r.engine}, PostgreSQL ${r.serverVersion}, but the target is PostgreSQL ${target} (pgVersion): syntax or behaviour that PostgreSQL ${target} lacks may pass the dry-run and still fail in production; run the dry-run on PostgreSQL ${target} (engine url or local) to be sure`
    };
  }
  return void 0;
}
function replayOrder(work, results, keep) {
  const history = [];
  const perSet = [];
  const review = [];
  work.forEach((units, i) => {
    const before = history.length;
    const { analyzed, history: past } = results[i];
    let lastPast = -1;
    let lastAny = -1;
    units.forEach((u, j) => {
      if (u.underReview || u.migration.change === "deleted") return;
      lastAny = j;
      if (!u.migration.repeatable) lastPast = j;
    });
    const pastById = new Map(past.map((h) => [h.migration.id, h]));
    const analyzedById = new Map(analyzed.map((a) => [a.migration.id, a]));
    units.forEach((u, j) => {
      const a = analyzedById.get(u.migration.id);
      if (!a) {
        const h = pastById.get(u.migration.id);
        if (h) history.push(h);
      } else if (j < lastAny && a.migration.repeatable) {
        if (keep) history.push({ migration: a.migration, up: a.up, down: a.down });
        review.push(a);
      } else if (j < lastPast) {
        a.migration = { ...a.migration, historyFollows: true };
        if (keep) history.push({ migration: a.migration, up: a.up, down: a.down });
      } else review.push(a);
    });
    perSet.push(history.slice(before));
  });
  return { history, perSet, review };
}
function fromSnapshots(sets, historyPerSet, baseSets, touched, placeholders) {
  const out = [];
  const used = [];
  sets.forEach((set, i) => {
    const files = baseSets ? baseSets.filter((b) => b.dir === set.dir && b.layout === set.layout).flatMap((b) => b.snapshots ?? []) : (set.snapshots ?? []).filter((f) => !touched.has(f.path));
    if (files.length === 0) {
      out.push(...historyPerSet[i] ?? []);
      return;
    }
    for (const up of files) {
      used.push(up.path);
      const migration = {
        id: up.path,
        version: "",
        name: up.path.slice(up.path.lastIndexOf("/") + 1),
        layout: "plain",
        dir: set.dir,
        up,
        down: null,
        rollbackStatus: "not-required",
        transaction: "none",
        change: "unchanged"
      };
      out.push({ migration, up: parseSource(up, parseOptionsFor("plain", placeholders)), down: null });
    }
  });
  return used.length > 0 ? { base: out, files: used } : null;
}
function snapshotNote(files, historyError) {
  return {
    message: `the dry-run built the base from ${files.join(", ")} as the base branch has ${files.length === 1 ? "it" : "them"} (the whole schema a new database starts from): the versioned history does not build a database from nothing (it fails at ${historyError.path}:${historyError.line}:${historyError.column}: ${historyError.message})`
  };
}
function repositoryRoutines(sets) {
  const names = /* @__PURE__ */ new Set();
  for (const set of sets) {
    for (const m of set.migrations) {
      if (m.change === "deleted") continue;
      for (const name of routinesCreatedInText(m.up.text)) names.add(name);
    }
  }
  return [...names];
}
function lastReviewedIndex(units) {
  for (let i = units.length - 1; i >= 0; i--) if (units[i].underReview) return i;
  return -1;
}
function withoutStaticRollbackGuess(a) {
  const findings = a.report.findings.filter((f) => f.rule !== "rollback-mismatch" && f.rule !== "rollback-incomplete");
  if (findings.length === a.report.findings.length) return a.report;
  const parseRisk = a.up.errors.length ? ["DANGEROUS"] : [];
  return { ...a.report, findings, risk: maxRisk(...findings.map((f) => f.risk), ...parseRisk) };
}
function parseErrorsOf(a) {
  const up = a.migration.upAsBase ? [] : a.up.errors;
  return [...up, ...a.down?.errors ?? []].map((e) => ({ path: e.path, line: e.line, column: e.column, message: e.message }));
}
var NOT_THE_UPS = /* @__PURE__ */ new Set([
  "rollback-missing",
  "rollback-empty",
  "rollback-mismatch",
  "rollback-destroys-data",
  "rollback-incomplete",
  "rollback-reapply-failed",
  "rollback-orphan",
  "migration-edited",
  "migration-out-of-order",
  "duplicate-version",
  // The dry-run did not run the rollback (or the up it runs after): the rollback was not judged.
  "dry-run-unobserved"
]);
function withoutUpFindings(a) {
  const down = a.migration.down?.path;
  const findings = a.report.findings.filter((f) => NOT_THE_UPS.has(f.rule) || down !== void 0 && down !== a.migration.up.path && f.path === down);
  const report = { ...a.report, operations: [], findings, risk: maxRisk(...findings.map((f) => f.risk)) };
  delete report.irreversible;
  return report;
}
function dedupeErrors(errors) {
  const seen = /* @__PURE__ */ new Set();
  return errors.filter((e) => {
    const key = `${e.path}:${e.line}:${e.column}:${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
var LAID_OUT_FREELY = /* @__PURE__ */ new Set(["sql", "plpgsql"]);
function withBodyTokens(ast) {
  const fn = ast.CreateFunctionStmt;
  const block = ast.DoStmt;
  const options = fn?.options ?? block?.args;
  if (!options) return ast;
  const defs = options.map((o) => o.DefElem);
  const language = defs.find((d) => d?.defname === "language")?.arg?.String?.sval ?? (block ? "plpgsql" : void 0);
  if (!language || !LAID_OUT_FREELY.has(language.toLowerCase())) return ast;
  const copy = JSON.parse(JSON.stringify(ast));
  const copied = copy.CreateFunctionStmt?.options ?? copy.DoStmt?.args;
  for (const o of copied) {
    const d = o.DefElem;
    if (d?.defname !== "as") continue;
    const strings = d.arg.List?.items ?? [d.arg];
    for (const item of strings) {
      const str = item?.String;
      if (str?.sval !== void 0) str.sval = routineBodyTokens(str.sval);
    }
  }
  return copy;
}
function sameStatements(a, b, opts) {
  const pa = parseSource({ path: "base.sql", text: a }, opts);
  const pb = parseSource({ path: "head.sql", text: b }, opts);
  if (pa.errors.length > 0 || pb.errors.length > 0) return false;
  const trees = (p) => p.statements.filter((s) => !s.nestedIn).map((s) => JSON.stringify(withBodyTokens(s.ast), (k, v) => k === "location" ? void 0 : v));
  const meta = (p) => (p.metaCommands ?? []).map((m) => `${m.name} ${m.argument}`);
  const actions = (text) => opts.goTemplates ? (text.match(/\{\{[^{}]*\}\}/g) ?? []).map((t) => t.replace(/\s+/g, " ")) : [];
  const same = (x, y) => x.length === y.length && x.every((t, i) => t === y[i]);
  return same(trees(pa), trees(pb)) && same(meta(pa), meta(pb)) && same(actions(a), actions(b));
}
function overlay(a, b) {
  let out = "";
  for (let i = 0; i < a.length; i++) out += a[i] === " " && b[i] !== void 0 ? b[i] : a[i];
  return out;
}

// src/discover/fs-files.ts
import { execFile } from "node:child_process";
import { existsSync as existsSync2, lstatSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
var run = promisify(execFile);
var SKIPPED_DIRS = /* @__PURE__ */ new Set([".git", "node_modules"]);
function fsRepoFiles(dir, scope) {
  const root = path.resolve(dir);
  let listing;
  let realRoot;
  const depths = scope ? deepestPerDir(scope) : null;
  const realDirs = /* @__PURE__ */ new Map();
  const realPath = (full) => {
    if (lstatSync(full).isSymbolicLink()) return realpathSync.native(full);
    const dir2 = path.dirname(full);
    let realDir = realDirs.get(dir2);
    if (realDir === void 0) realDirs.set(dir2, realDir = realpathSync.native(dir2));
    return path.join(realDir, path.basename(full));
  };
  return {
    list() {
      listing ??= depths ? gitListing(root, [...depths.keys()]).then(async (files) => (files ?? await walkScoped(root, depths)).filter((p) => inScope(depths, p))) : gitListing(root).then((files) => files ?? walk(root));
      return listing;
    },
    async links() {
      const out = /* @__PURE__ */ new Map();
      for (const rel of await this.list()) {
        const full = path.resolve(root, rel);
        let link;
        try {
          link = lstatSync(full).isSymbolicLink();
        } catch {
          continue;
        }
        if (!link) continue;
        try {
          const real = realpathSync.native(full);
          const rootReal = realRoot ??= realpathSync.native(root);
          out.set(rel, isInside(rootReal, real) ? path.relative(rootReal, real).split(path.sep).join("/") : null);
        } catch {
          out.set(rel, null);
        }
      }
      return out;
    },
    async read(rel) {
      const full = path.resolve(root, rel);
      try {
        if (isInside(root, full)) {
          const real = realPath(full);
          if (!isInside(realRoot ??= realpathSync.native(root), real)) throw new OutsideRepositoryError(rel);
          return new Uint8Array(readFileSync(real));
        }
        return new Uint8Array(readFileSync(full));
      } catch (e) {
        if (e.code !== "ENOENT" || !(await (listing ?? Promise.resolve([]))).includes(rel)) throw e;
        const blob = await indexBlob(root, rel);
        if (blob) return blob;
        throw e;
      }
    }
  };
}
async function indexBlob(root, rel) {
  if (/[\n\r]/.test(rel) || rel.startsWith("-")) return null;
  try {
    const out = await run("git", ["cat-file", "blob", `:./${rel}`], {
      cwd: root,
      encoding: "buffer",
      maxBuffer: 1 << 30,
      env: { ...process.env, GIT_NO_LAZY_FETCH: "1" }
    });
    return new Uint8Array(out.stdout);
  } catch {
    return null;
  }
}
var OutsideRepositoryError = class extends Error {
  constructor(path2) {
    super(`${path2} is a symbolic link that leads outside the repository; it is not followed and nothing outside the repository is read`);
    this.path = path2;
    this.name = "OutsideRepositoryError";
  }
  path;
};
function isInside(root, full) {
  const rel = path.relative(root, full);
  return rel === "" || !rel.startsWith("..") && !path.isAbsolute(rel);
}
function gitWorkTreeOf(dir) {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (existsSync2(path.join(d, ".git"))) return d;
    if (path.dirname(d) === d) return null;
  }
}
async function gitListing(root, dirs) {
  if (gitWorkTreeOf(root) === null) return null;
  const git = (args) => run("git", args, { cwd: root, maxBuffer: 1 << 30, encoding: "utf8" });
  const limit = dirs ? ["--", ...[...new Set(dirs)].map((d) => `:(literal)${d || "."}`)] : [];
  try {
    const [all, deleted] = await Promise.all([
      git(["ls-files", "-z", "--cached", "--others", "--exclude-standard", ...limit]),
      git(["ls-files", "-z", "--deleted", ...limit])
    ]);
    const gone = new Set(deleted.stdout.split("\0"));
    const files = all.stdout.split("\0").filter((f) => f !== "" && !gone.has(f) && !f.split("/").some((s) => SKIPPED_DIRS.has(s)));
    return [...new Set(files)].sort();
  } catch {
    return null;
  }
}
async function walk(root) {
  const out = [];
  const visit = async (rel) => {
    const entries = readdirSync(path.join(root, rel), { withFileTypes: true });
    for (const e of entries) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name)) await visit(child);
      } else if (e.isFile()) out.push(child);
    }
  };
  await visit("");
  return out.sort();
}
function deepestPerDir(scope) {
  const depths = /* @__PURE__ */ new Map();
  for (const s of scope) depths.set(s.dir, Math.max(depths.get(s.dir) ?? -1, s.depth));
  return depths;
}
function inScope(depths, p) {
  let levels = 0;
  for (let d = p; d !== ""; levels++) {
    const i = d.lastIndexOf("/");
    d = i < 0 ? "" : d.slice(0, i);
    const depth = depths.get(d);
    if (depth !== void 0 && levels <= depth) return true;
  }
  return false;
}
async function walkScoped(root, depths) {
  const out = /* @__PURE__ */ new Set();
  const subdirs = /* @__PURE__ */ new Map();
  const visit = async (rel, depth) => {
    let entries;
    try {
      entries = readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    const dirs = /* @__PURE__ */ new Set();
    subdirs.set(rel, dirs);
    for (const e of entries) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        dirs.add(e.name);
        if (depth > 0 && !SKIPPED_DIRS.has(e.name)) await visit(child, depth - 1);
      } else if (e.isFile()) out.add(child);
    }
  };
  for (const dir of [...depths.keys()].sort()) {
    const i = dir.lastIndexOf("/");
    const seen = subdirs.get(i < 0 ? "" : dir.slice(0, i));
    if (dir !== "" && seen && !seen.has(dir.slice(i + 1))) continue;
    await visit(dir, depths.get(dir));
  }
  return [...out].sort();
}

// src/report/github.ts
function annotationLevel(risk) {
  return risk === "DANGEROUS" ? "error" : risk === "CAUTION" ? "warning" : "notice";
}
function renderAnnotations(result, opts = {}) {
  return collectDiagnostics(result, opts.ruleById ?? defaultRuleLookup).sort(bySeverity).map(toAnnotation);
}
function toAnnotation(d) {
  return {
    level: annotationLevel(d.risk),
    path: d.path,
    line: d.line,
    column: d.column,
    ...d.endLine !== void 0 && d.endLine > d.line ? { endLine: d.endLine } : {},
    title: title(d),
    message: d.suggestion ? `${d.message}

${suggestionLabel(d)}: ${d.suggestion}` : d.message
  };
}
function title(d) {
  switch (d.kind) {
    case "parse-error":
      return `${d.risk} parse error`;
    case "dry-run-error":
      return `${d.risk} dry-run failed`;
    case "finding":
      return d.rule ? `${d.risk} ${d.ruleId}: ${d.rule.title}` : `${d.risk} ${d.ruleId}`;
  }
}
function formatWorkflowCommands(annotations) {
  return annotations.map(formatWorkflowCommand).map((l) => l + "\n").join("");
}
function formatWorkflowCommand(a) {
  const props = [
    ["file", a.path],
    ["line", a.line],
    ["col", a.column]
  ];
  if (a.endLine !== void 0) props.push(["endLine", a.endLine]);
  props.push(["title", a.title]);
  const list = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",");
  return `::${a.level} ${list}::${escapeData(a.message)}`;
}
function escapeData(s) {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export {
  normalizePath,
  runCheck,
  fsRepoFiles,
  OutsideRepositoryError,
  gitWorkTreeOf,
  renderAnnotations,
  formatWorkflowCommands
};
