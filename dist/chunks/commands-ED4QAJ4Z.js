import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  configFromFlags
} from "./chunk-KDDTE7TC.js";
import {
  FORMATS
} from "./chunk-AXTFZQU2.js";
import {
  UsageError
} from "./chunk-FISKFK3V.js";
import {
  renderJson,
  renderJsonChunks,
  renderSarif,
  verdict
} from "./chunk-QWNBOI35.js";
import {
  ruleDocsUrl
} from "./chunk-ZCZCFGZS.js";
import "./chunk-HQM6YGGO.js";
import {
  formatWorkflowCommands,
  fsRepoFiles,
  gitWorkTreeOf,
  normalizePath,
  renderAnnotations,
  runCheck
} from "./chunk-L7Z44GLS.js";
import {
  ROLLBACK_TEXT,
  blockingText,
  collectDiagnostics,
  dataLossText,
  defaultRuleLookup,
  estimateText,
  estimated,
  findStatement,
  performanceText,
  seedSkipped,
  seedSummary,
  serverAndTarget,
  suggestionLabel
} from "./chunk-TDEUNMES.js";
import "./chunk-TGAEFO6I.js";
import "./chunk-4I7UKKAC.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-LHUFNNUF.js";
import "./chunk-YZNHLSLL.js";
import {
  allRules,
  ruleById
} from "./chunk-UHER332N.js";
import "./chunk-M7F56F33.js";
import "./chunk-2FJ3R25C.js";
import "./chunk-YRNUPKXT.js";
import {
  byCodeUnit,
  trimTrailing
} from "./chunk-RRVIRGX7.js";
import {
  lockModeSql,
  riskRank
} from "./chunk-UTBNT2LW.js";
import "./chunk-O6AHY4CV.js";
import {
  RISKS
} from "./chunk-GAJUOGXM.js";
import "./chunk-KBDENZBY.js";
import "./chunk-A3JI777A.js";
import {
  __commonJS,
  __toESM
} from "./chunk-ZGDBGMMU.js";

// node_modules/picocolors/picocolors.js
var require_picocolors = __commonJS({
  "node_modules/picocolors/picocolors.js"(exports, module) {
    var p = process || {};
    var argv = p.argv || [];
    var env = p.env || {};
    var isColorSupported = !(!!env.NO_COLOR || argv.includes("--no-color")) && (!!env.FORCE_COLOR || argv.includes("--color") || p.platform === "win32" || (p.stdout || {}).isTTY && env.TERM !== "dumb" || !!env.CI);
    var formatter = (open, close, replace = open) => (input) => {
      let string = "" + input, index = string.indexOf(close, open.length);
      return ~index ? open + replaceClose(string, close, replace, index) + close : open + string + close;
    };
    var replaceClose = (string, close, replace, index) => {
      let result = "", cursor = 0;
      do {
        result += string.substring(cursor, index) + replace;
        cursor = index + close.length;
        index = string.indexOf(close, cursor);
      } while (~index);
      return result + string.substring(cursor);
    };
    var createColors2 = (enabled = isColorSupported) => {
      let f = enabled ? formatter : () => String;
      return {
        isColorSupported: enabled,
        reset: f("\x1B[0m", "\x1B[0m"),
        bold: f("\x1B[1m", "\x1B[22m", "\x1B[22m\x1B[1m"),
        dim: f("\x1B[2m", "\x1B[22m", "\x1B[22m\x1B[2m"),
        italic: f("\x1B[3m", "\x1B[23m"),
        underline: f("\x1B[4m", "\x1B[24m"),
        inverse: f("\x1B[7m", "\x1B[27m"),
        hidden: f("\x1B[8m", "\x1B[28m"),
        strikethrough: f("\x1B[9m", "\x1B[29m"),
        black: f("\x1B[30m", "\x1B[39m"),
        red: f("\x1B[31m", "\x1B[39m"),
        green: f("\x1B[32m", "\x1B[39m"),
        yellow: f("\x1B[33m", "\x1B[39m"),
        blue: f("\x1B[34m", "\x1B[39m"),
        magenta: f("\x1B[35m", "\x1B[39m"),
        cyan: f("\x1B[36m", "\x1B[39m"),
        white: f("\x1B[37m", "\x1B[39m"),
        gray: f("\x1B[90m", "\x1B[39m"),
        bgBlack: f("\x1B[40m", "\x1B[49m"),
        bgRed: f("\x1B[41m", "\x1B[49m"),
        bgGreen: f("\x1B[42m", "\x1B[49m"),
        bgYellow: f("\x1B[43m", "\x1B[49m"),
        bgBlue: f("\x1B[44m", "\x1B[49m"),
        bgMagenta: f("\x1B[45m", "\x1B[49m"),
        bgCyan: f("\x1B[46m", "\x1B[49m"),
        bgWhite: f("\x1B[47m", "\x1B[49m"),
        blackBright: f("\x1B[90m", "\x1B[39m"),
        redBright: f("\x1B[91m", "\x1B[39m"),
        greenBright: f("\x1B[92m", "\x1B[39m"),
        yellowBright: f("\x1B[93m", "\x1B[39m"),
        blueBright: f("\x1B[94m", "\x1B[39m"),
        magentaBright: f("\x1B[95m", "\x1B[39m"),
        cyanBright: f("\x1B[96m", "\x1B[39m"),
        whiteBright: f("\x1B[97m", "\x1B[39m"),
        bgBlackBright: f("\x1B[100m", "\x1B[49m"),
        bgRedBright: f("\x1B[101m", "\x1B[49m"),
        bgGreenBright: f("\x1B[102m", "\x1B[49m"),
        bgYellowBright: f("\x1B[103m", "\x1B[49m"),
        bgBlueBright: f("\x1B[104m", "\x1B[49m"),
        bgMagentaBright: f("\x1B[105m", "\x1B[49m"),
        bgCyanBright: f("\x1B[106m", "\x1B[49m"),
        bgWhiteBright: f("\x1B[107m", "\x1B[49m")
      };
    };
    module.exports = createColors2();
    module.exports.createColors = createColors2;
  }
});

// src/cli/commands.ts
import { closeSync, existsSync as existsSync2, openSync, readdirSync, realpathSync, statSync as statSync2, writeSync } from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";

// src/discover/lint-scope.ts
var NESTED_FILE = /^(migration|up|down)\.sql$/i;
var NESTED_DIR = /^(deploy|revert|verify|rollbacks?|[vV]?\d+(\.\d+)*)$/;
var SIDE_DIRS = ["rollback", "rollbacks", "meta"];
function lintScope(named, config) {
  const configured = (config.migrations ?? []).map((m) => normalizePath(m.path));
  const scopes = [];
  for (const n of named) {
    const p = normalizePath(n.path);
    if (n.isDir) {
      scopes.push({ dir: p, depth: Infinity });
      continue;
    }
    const home = configured.filter((d) => d === "" || p.startsWith(`${d}/`)).sort((a, b) => b.length - a.length)[0];
    if (home !== void 0) {
      scopes.push({ dir: home, depth: Infinity });
      continue;
    }
    const dir = parent(p);
    scopes.push({ dir, depth: 0 }, ...SIDE_DIRS.map((s) => ({ dir: join(dir, s), depth: 0 })));
    if (dir !== "" && (NESTED_FILE.test(base(p)) || NESTED_DIR.test(base(dir)))) scopes.push({ dir: parent(dir), depth: 1 });
  }
  return scopes;
}
function parent(p) {
  const i = p.lastIndexOf("/");
  return i < 0 ? "" : p.slice(0, i);
}
function base(p) {
  return p.slice(p.lastIndexOf("/") + 1);
}
function join(dir, name) {
  return dir ? `${dir}/${name}` : name;
}

// src/discover/git.ts
import { execFile, spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { promisify } from "node:util";

// src/discover/errors.ts
var DiscoverError = class extends Error {
  constructor(message, path2, line = 1, column = 1) {
    super(message);
    this.path = path2;
    this.line = line;
    this.column = column;
    this.name = "DiscoverError";
  }
  path;
  line;
  column;
  format() {
    return this.path ? `${this.path}:${this.line}:${this.column}: ${this.message}` : this.message;
  }
};

// src/discover/git.ts
var run = promisify(execFile);
async function gitChanges(repoDir, baseRef) {
  if (!existsSync(repoDir) || !statSync(repoDir).isDirectory()) throw new DiscoverError(`not a folder: ${repoDir}`);
  const git = async (args) => (await run("git", args, { cwd: repoDir, maxBuffer: 1 << 30, encoding: "utf8" })).stdout;
  const inside = await git(["rev-parse", "--is-inside-work-tree"]).catch(() => "false");
  if (inside.trim() !== "true") throw new DiscoverError(`not a git repository: ${repoDir} (--base needs a git checkout)`);
  if (baseRef.startsWith("-") || baseRef.trim() === "") throw new DiscoverError(`unknown --base ref '${baseRef}'`);
  const baseCommit = (await git(["rev-parse", "--verify", "--quiet", `${baseRef}^{commit}`]).catch(() => "")).trim();
  if (!baseCommit) throw new DiscoverError(`unknown --base ref '${baseRef}': no branch, tag or commit by that name (fetch it first?)`);
  const head = (await git(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]).catch(() => "")).trim();
  if (!head) throw new DiscoverError(`the repository at ${repoDir} has no commits yet, so there is nothing to compare with '${baseRef}'`);
  const mergeBase = (await git(["merge-base", baseCommit, head]).catch(() => "")).trim();
  if (!mergeBase) {
    const shallow = (await git(["rev-parse", "--is-shallow-repository"]).catch(() => "false")).trim() === "true";
    throw new DiscoverError(
      shallow ? `no merge base between '${baseRef}' and HEAD: the clone is shallow; fetch full history (actions/checkout with fetch-depth: 0)` : `no merge base between '${baseRef}' and HEAD: the histories are unrelated`
    );
  }
  const prefix = (await git(["rev-parse", "--show-prefix"])).trim();
  const notes = [];
  let changes;
  try {
    changes = parseNameStatus(await git(["diff", "--name-status", "-z", "-M", "--no-color", "--no-ext-diff", "--relative", mergeBase]));
  } catch (e) {
    const plain = await git(["diff", "--name-status", "-z", "--no-renames", "--no-color", "--no-ext-diff", "--relative", mergeBase]);
    changes = await pairExactRenames(parseNameStatus(plain), mergeBase, prefix, git, repoDir);
    const why = String(e.stderr ?? e.message).trim().split("\n")[0];
    notes.push({
      message: `git could not detect renames (${why}): a file renamed and edited in the same change is read as deleted and added; files renamed unchanged are still seen as renames`
    });
  }
  const untracked = await git(["ls-files", "-z", "--others", "--exclude-standard"]);
  const seen = new Set(changes.map((c) => c.path));
  for (const path2 of untracked.split("\0")) if (path2 && !seen.has(path2)) changes.push({ path: path2, status: "added" });
  const tree = await git(["ls-tree", "-r", "-z", "--name-only", "--full-tree", mergeBase]);
  const baseFiles = tree.split("\0").filter((p) => p !== "" && p.startsWith(prefix)).map((p) => p.slice(prefix.length)).sort();
  const read = blobReader(repoDir, mergeBase, prefix);
  return { mergeBase, changes, base: { list: async () => baseFiles, read }, notes };
}
async function pairExactRenames(changes, mergeBase, prefix, git, repoDir) {
  const deleted = changes.filter((c) => c.status === "deleted");
  const added = changes.filter((c) => c.status === "added" && existsSync(`${repoDir}/${c.path}`));
  if (deleted.length === 0 || added.length === 0) return changes;
  const byId = /* @__PURE__ */ new Map();
  const tree = await git(["ls-tree", "-r", "-z", "--full-tree", mergeBase, "--", ...deleted.map((c) => `${prefix}${c.path}`)]).catch(() => "");
  for (const entry of tree.split("\0")) {
    const m = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (!m || !m[2].startsWith(prefix)) continue;
    const list = byId.get(m[1]) ?? [];
    list.push(m[2].slice(prefix.length));
    byId.set(m[1], list);
  }
  const ids = (await git(["hash-object", "--", ...added.map((c) => c.path)]).catch(() => "")).split("\n");
  if (ids.length < added.length) return changes;
  const renamedFrom = /* @__PURE__ */ new Map();
  added.forEach((c, i) => {
    const from = byId.get(ids[i].trim())?.shift();
    if (from) renamedFrom.set(c.path, from);
  });
  const gone = new Set(renamedFrom.values());
  return changes.filter((c) => !(c.status === "deleted" && gone.has(c.path))).map((c) => c.status === "added" && renamedFrom.has(c.path) ? { path: c.path, status: "renamed", previousPath: renamedFrom.get(c.path) } : c);
}
function parseNameStatus(out) {
  const fields = out.split("\0");
  const changes = [];
  for (let i = 0; i < fields.length && fields[i] !== ""; ) {
    const status = fields[i++];
    const code = status[0];
    if (code === "R" || code === "C") {
      const from = fields[i++];
      const to = fields[i++];
      changes.push(code === "R" ? { path: to, status: "renamed", previousPath: from } : { path: to, status: "added" });
    } else {
      const path2 = fields[i++];
      changes.push({ path: path2, status: code === "A" ? "added" : code === "D" ? "deleted" : "modified" });
    }
  }
  return changes;
}
function blobReader(cwd, rev, prefix) {
  let pending = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    const child = spawn("git", ["cat-file", "--batch"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    const chunks = [];
    child.stdout.on("data", (c) => chunks.push(c));
    child.on("error", (e) => batch.forEach((r) => r.reject(e)));
    child.on("close", () => {
      const out = Buffer.concat(chunks);
      let pos = 0;
      for (const req of batch) {
        const nl = out.indexOf(10, pos);
        const header = out.subarray(pos, nl < 0 ? out.length : nl).toString("utf8");
        const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
        if (!m || nl < 0) {
          req.reject(new Error(`no such file in ${rev.slice(0, 12)}: ${req.path}`));
          pos = nl < 0 ? out.length : nl + 1;
          continue;
        }
        const size = Number(m[2]);
        const body = out.subarray(nl + 1, nl + 1 + size);
        pos = nl + 1 + size + 1;
        if (m[1] === "blob") req.resolve(new Uint8Array(body));
        else req.reject(new Error(`not a file in ${rev.slice(0, 12)}: ${req.path}`));
      }
    });
    child.stdin.end(batch.map((r) => `${rev}:${prefix}${r.path}
`).join(""));
  };
  return (path2) => new Promise((resolve, reject) => {
    if (/[\n\r]/.test(path2)) return reject(new Error(`unsupported file name: ${JSON.stringify(path2)}`));
    pending.push({ path: path2, resolve, reject });
    if (pending.length === 1) setImmediate(flush);
  });
}

// src/report/pretty.ts
var import_picocolors = __toESM(require_picocolors(), 1);

// src/report/text-layout.ts
var TAB_WIDTH = 4;
var stringWidthOf;
async function loadTextWidths() {
  stringWidthOf ??= (await import("./string-width-FDRKTZ3L.js")).default;
}
var TextWidthsNotLoaded = class extends Error {
  constructor() {
    super("text layout: await loadTextWidths() before laying out text beyond printable ASCII");
  }
};
var SGR = /\x1b\[[0-9;]*m/g;
function stringWidth(s) {
  if (PRINTABLE_ASCII.test(s)) return s.length;
  if (s.includes("\x1B")) {
    const plain = s.replace(SGR, "");
    if (PRINTABLE_ASCII.test(plain)) return plain.length;
  }
  if (!stringWidthOf) throw new TextWidthsNotLoaded();
  return stringWidthOf(s);
}
var segmenter;
var graphemes = (s) => (segmenter ??= new Intl.Segmenter("en", { granularity: "grapheme" })).segment(s);
var PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
function asciiStarts(length) {
  const starts = new Array(length + 1);
  for (let i = 0; i <= length; i++) starts[i] = i;
  return starts;
}
function layoutLine(line) {
  if (PRINTABLE_ASCII.test(line)) return { text: line, starts: asciiStarts(line.length) };
  let text = "";
  const starts = [];
  let col = 0;
  for (const { segment } of graphemes(line)) {
    const cps = Array.from(segment);
    let shown;
    let width;
    if (segment === "	") {
      width = TAB_WIDTH - col % TAB_WIDTH;
      shown = " ".repeat(width);
    } else if (/^[\u0000-\u001f\u007f]/.test(segment)) {
      shown = "\uFFFD";
      width = 1;
    } else {
      shown = segment;
      width = stringWidth(segment);
    }
    for (let i = 0; i < cps.length; i++) starts.push(col);
    text += shown;
    col += width;
  }
  starts.push(col);
  return { text, starts };
}
function displayWidth(s) {
  return s.includes("	") ? layoutLine(s).starts.at(-1) : stringWidth(s);
}
function padEnd(s, width) {
  const w = displayWidth(s);
  return w >= width ? s : s + " ".repeat(width - w);
}
function padStart(s, width) {
  const w = displayWidth(s);
  return w >= width ? s : " ".repeat(width - w) + s;
}
function truncate(s, width) {
  if (displayWidth(s) <= width) return s;
  if (width <= 1) return width === 1 ? "\u2026" : "";
  let out = "";
  let w = 0;
  for (const { segment } of graphemes(s)) {
    const sw = stringWidth(segment);
    if (w + sw > width - 1) break;
    out += segment;
    w += sw;
  }
  return out + "\u2026";
}
function wrap(text, width) {
  const lines = [];
  for (const para of text.split("\n")) {
    const indent = para.match(/^ */)[0];
    const words = para.split(/ +/).filter((w) => w !== "");
    if (words.length === 0) {
      lines.push("");
      continue;
    }
    let current = "";
    let currentWidth = 0;
    for (const word of words) {
      const w = displayWidth(word);
      if (current === "") {
        current = indent + word;
        currentWidth = indent.length + w;
      } else if (currentWidth + 1 + w <= width) {
        current += " " + word;
        currentWidth += 1 + w;
      } else {
        lines.push(current);
        current = indent + word;
        currentWidth = indent.length + w;
      }
    }
    lines.push(current);
  }
  return lines;
}

// src/report/snippet.ts
function gutterWidthFor(lastLine) {
  return String(lastLine).length;
}
function locationLine(path2, line, column, gutterWidth, style) {
  return `${" ".repeat(gutterWidth)}${style.gutter("-->")} ${path2}:${line}:${column}`;
}
function renderSnippet(req, style) {
  const last = Math.max(req.line, Math.min(req.lastLine ?? req.line, req.lines.length));
  const gw = req.gutterWidth ?? gutterWidthFor(last);
  const blank = " ".repeat(gw);
  const bar = style.gutter("|");
  const out = [`${blank} ${bar}`];
  const sourceLine = (n) => stripCr(req.lines[n - 1] ?? "");
  const codeLine = (n) => {
    const text = layoutLine(sourceLine(n)).text.trimEnd();
    return `${style.gutter(String(n).padStart(gw))} ${bar}${text ? " " + text : ""}`;
  };
  out.push(codeLine(req.line));
  const raw = sourceLine(req.line);
  const laid = layoutLine(raw);
  const cps = laid.starts.length - 1;
  const from = clamp(req.fromColumn - 1, 0, cps);
  const to = clamp((req.toColumn ?? wordEnd(raw, req.fromColumn)) - 1, from, cps);
  const startCol = laid.starts[from];
  const width = Math.max(1, laid.starts[to] - startCol);
  const label = req.label ? " " + style.label(req.label) : "";
  out.push(`${blank} ${bar} ${" ".repeat(startCol)}${style.marker("^".repeat(width))}${label}`);
  const maxExtra = req.maxExtraLines ?? Infinity;
  const extra = last - req.line;
  const shown = extra > maxExtra ? Math.max(0, maxExtra - 1) : extra;
  for (let n = req.line + 1; n <= req.line + shown; n++) out.push(codeLine(n));
  if (shown < extra) out.push(`${style.gutter("...")}`);
  return out;
}
function wordEnd(line, column) {
  const cps = Array.from(line);
  let i = column - 1;
  if (i >= cps.length) return column + 1;
  const isWord = (ch) => /[\p{L}\p{N}_$]/u.test(ch);
  if (cps[i] === '"') {
    let j = i + 1;
    while (j < cps.length && cps[j] !== '"') j++;
    return Math.min(j + 1, cps.length) + 1;
  }
  if (!isWord(cps[i])) return column + 1;
  while (i < cps.length && isWord(cps[i])) i++;
  return i + 1;
}
function stripCr(s) {
  return s.endsWith("\r") ? s.slice(0, -1) : s;
}
function clamp(n, lo, hi) {
  return Math.max(lo, Math.min(hi, n));
}
function contentEnd(line) {
  return Array.from(stripCr(line).trimEnd()).length + 1;
}

// src/report/impact-pretty.ts
function impactFields(m, field2, dim) {
  const impact = m.impact;
  if (!impact) return [];
  const out = [];
  const blocking = blockingText(impact);
  if (blocking !== void 0) out.push(field2("blocking", `${blocking} ${dim("(estimated downtime: reads/writes wait this long)")}`));
  for (const o of estimated(m)) {
    if (o.estimate.durationMs < 10 && o.estimate.lockMs === 0) continue;
    out.push(field2("", `${dim(`line ${o.line}`)} ${o.kind} ${o.table}: ${estimateText(o)}`));
    out.push(field2("", dim(`  based on ${o.estimate.basis}`)));
  }
  const perf = performanceText(impact);
  if (perf) out.push(field2("performance", perf));
  if (impact.dataLoss !== "none") out.push(field2("data loss", dataLossText(impact)));
  if (blocking !== void 0 || impact.dataLoss !== "none" || impact.rollback !== "schema-only") out.push(field2("undo", ROLLBACK_TEXT[impact.rollback]));
  if (impact.prerequisites.length) out.push(field2("first", impact.prerequisites.join("; ")));
  return out;
}

// src/report/pretty.ts
var DEFAULT_WIDTH = 100;
var MAX_EXTRA_LINES = 3;
function renderPretty(result, opts) {
  const c = import_picocolors.default.createColors(opts.color);
  const width = Math.max(40, Math.min(opts.width ?? DEFAULT_WIDTH, 240));
  const split = /* @__PURE__ */ new Map();
  const ctx = {
    c,
    width,
    verbose: opts.verbose ?? false,
    explained: /* @__PURE__ */ new Set(),
    sourceLines: (path2) => {
      let lines = split.get(path2);
      if (!lines) {
        const text = result.sources.get(path2);
        if (text === void 0) return void 0;
        lines = text.split("\n");
        split.set(path2, lines);
      }
      return lines;
    }
  };
  const diagnostics = collectDiagnostics(result, opts.ruleById ?? defaultRuleLookup);
  const blocks = [];
  result.report.migrations.forEach((mr, i) => {
    const mine = diagnostics.filter((d) => d.migration === i).sort(inFileOrder(mr.path));
    blocks.push(migrationBlock(ctx, mr, result.migrations[i], mine));
  });
  const loose = diagnostics.filter((d) => d.migration === void 0);
  if (loose.length) blocks.push([rule(ctx, "outside any migration", void 0), "", ...loose.flatMap((d) => [...diagnosticBlock(ctx, d), ""])]);
  const notes = result.report.notes ?? [];
  if (notes.length) blocks.push(notes.map((n) => c.dim(`note: ${n.path ? `${n.path}: ` : ""}${n.message}`)));
  if (result.report.migrations.length === 0 && loose.length === 0) blocks.push([c.dim("No migrations to check.")]);
  blocks.push(summary(ctx, result, diagnostics, opts.failOn ?? "DANGEROUS"));
  return blocks.map((b) => trimTrailing(b.join("\n"), "\n")).join("\n\n") + "\n";
}
function migrationBlock(ctx, mr, am, diags) {
  const { c } = ctx;
  const out = [rule(ctx, mr.path, mr.risk)];
  out.push(field(ctx, "rollback", rollbackText(ctx, mr)));
  out.push(...impactFields(mr, (label, value) => field(ctx, label, value), ctx.c.dim));
  if (ctx.verbose && (mr.layout || mr.change)) out.push(field(ctx, "layout", [mr.layout, mr.change].filter(Boolean).join(", ")));
  if (mr.dryRun) out.push(...dryRunLines(ctx, mr.dryRun, am));
  for (const n of mr.notes ?? []) out.push(field(ctx, "note", `${n.path === mr.path ? "" : n.path + ":"}${n.line}:${n.column} ${n.message}`));
  if (ctx.verbose && mr.operations.length) out.push(...operationLines(ctx, mr));
  out.push("");
  if (diags.length === 0) out.push(`   ${c.green("no findings")}`);
  for (const d of diags) out.push(...diagnosticBlock(ctx, d), "");
  return out;
}
function rollbackText(ctx, mr) {
  const { c } = ctx;
  switch (mr.rollback.status) {
    case "present":
      return mr.rollback.path ? `present: ${mr.rollback.path}` : "present";
    case "missing":
      return c.yellow("missing");
    case "not-required":
      return "not required (the layout has no rollbacks)";
  }
}
function dryRunLines(ctx, dr, am) {
  const { c } = ctx;
  const status = dr.status === "passed" ? c.green("passed") : dr.status === "skipped" ? c.dim("skipped") : c.red(dr.status);
  const parts = [dr.status === "skipped" ? status : `${status} on ${dr.engine} (${serverAndTarget(dr)}) in ${formatMs(dr.durationMs)}`];
  if (dr.reason) parts.push(dr.reason);
  if (dr.timedOut) parts.push(c.red("stopped by the time limit"));
  if (dr.refused) parts.push(c.red(`refused: ${dr.refused}`));
  if (dr.unobserved) parts.push(c.red(`not observed: ${dr.unobserved}`));
  if (dr.seed && dr.seed.rows > 0) parts.push(dr.seed.tables.length ? seedSummary(dr.seed) : c.yellow(seedSummary(dr.seed)));
  if (dr.rollback) {
    const rb = dr.rollback;
    const rbStatus = rb.status === "exact" ? c.green("exact") : rb.status === "not-run" ? c.dim("not run") : c.red(rb.status);
    parts.push(`rollback ${rbStatus}`);
    if (rb.reapply !== "not-run") parts.push(`re-apply ${rb.reapply === "passed" ? c.green("passed") : c.red(rb.reapply)}`);
  }
  const out = [field(ctx, "dry-run", parts.join(" \xB7 "))];
  if (dr.seed && (ctx.verbose || dr.seed.tables.length === 0)) for (const s of seedSkipped(dr.seed)) out.push(field(ctx, "", c.dim(`not seeded: ${s}`)));
  if (dr.seed && ctx.verbose && dr.seed.tables.length) out.push(field(ctx, "", c.dim(`seeded: ${dr.seed.tables.join(", ")}`)));
  const rows = dr.statements.filter((t) => ctx.verbose || t.error || t.rewrites.length || t.locks.some((l) => l.preExisting && l.mode !== "AccessShareLock"));
  if (rows.length) out.push(...traceTable(ctx, rows, am));
  const hidden = dr.statements.length - rows.length;
  if (hidden > 0 && rows.length) out.push(field(ctx, "", c.dim(`${hidden} more statement${hidden === 1 ? "" : "s"} took no blocking lock on an existing table (--verbose)`)));
  return out;
}
function traceTable(ctx, rows, am) {
  const { c } = ctx;
  const indent = " ".repeat(15);
  const lineW = Math.max(4, ...rows.map((t) => String(t.line).length));
  const msW = Math.max(4, ...rows.map((t) => formatMs(t.durationMs).length));
  const avail = Math.max(30, ctx.width - indent.length - lineW - msW - 8);
  const stmtW = Math.max(12, Math.floor(avail * 0.4));
  const lockW = Math.max(10, Math.floor(avail * 0.35));
  const rewriteW = Math.max(8, avail - stmtW - lockW);
  const row = (line, stmt, locks, rewrites, ms) => `${indent}${padStart(line, lineW)}  ${padEnd(truncate(stmt, stmtW), stmtW)}  ${padEnd(truncate(locks, lockW), lockW)}  ${padEnd(truncate(rewrites, rewriteW), rewriteW)}  ${padStart(ms, msW)}`.trimEnd();
  const out = [c.dim(row("line", "statement", "locks", "rewrites", "time"))];
  for (const t of rows) {
    const locks = t.locks.filter((l) => ctx.verbose || l.preExisting).map((l) => `${lockModeSql(l.mode)} ${l.relation}`).join(", ");
    const line = row(String(t.line), statementHead(ctx, t, am), locks || "\u2014", t.rewrites.join(", ") || "\u2014", formatMs(t.durationMs));
    out.push(t.error ? c.red(line) : line);
  }
  return out;
}
function statementHead(ctx, t, am) {
  const stmt = am ? findStatement(am, t.path, t.statement) : void 0;
  const text = stmt?.text ?? ctx.sourceLines(t.path)?.[t.line - 1] ?? "";
  return text.replace(/\s+/g, " ").trim();
}
function operationLines(ctx, mr) {
  const { c } = ctx;
  const posW = Math.max(8, ...mr.operations.map((o) => `${o.line}:${o.column}`.length));
  const kindW = Math.max(4, ...mr.operations.map((o) => o.kind.length));
  const out = [field(ctx, "operations", c.dim(`${padEnd("line:col", posW)}  ${padEnd("kind", kindW)}  ${padEnd("risk", 9)}  lock / table`))];
  for (const o of mr.operations) {
    const target = [o.lock ? lockModeSql(o.lock) : "", o.table ?? ""].filter(Boolean).join(" ");
    out.push(field(ctx, "", `${padEnd(`${o.line}:${o.column}`, posW)}  ${padEnd(o.kind, kindW)}  ${riskColor(ctx, o.risk)(padEnd(o.risk, 9))}  ${target}`.trimEnd()));
  }
  return out;
}
function diagnosticBlock(ctx, d) {
  const { c } = ctx;
  const color = riskColor(ctx, d.risk);
  const heading = d.kind === "finding" ? `${c.bold(color(d.risk))} ${c.bold(d.ruleId)}${d.rule ? c.bold(`: ${d.rule.title}`) : ""}` : `${c.bold(color(d.risk))} ${c.bold(d.kind === "parse-error" ? "parse error" : "dry-run failed")}${c.bold(`: ${d.message}`)}`;
  const out = [heading];
  const lines = ctx.sourceLines(d.path);
  const span = markSpan(d, lines);
  const gw = gutterWidthFor(span.lastLine);
  const style = { gutter: (s) => c.bold(c.blue(s)), marker: (s) => c.bold(color(s)), label: (s) => c.bold(color(s)) };
  out.push(locationLine(d.path, d.line, d.column, gw, style));
  let noteInBody = d.kind === "finding";
  if (lines && d.line <= lines.length) {
    const snippetBase = {
      lines,
      line: d.line,
      fromColumn: d.column,
      ...span.toColumn !== void 0 ? { toColumn: span.toColumn } : {},
      lastLine: span.lastLine,
      ...ctx.verbose ? {} : { maxExtraLines: MAX_EXTRA_LINES },
      gutterWidth: gw
    };
    let snippet = renderSnippet(snippetBase, style);
    if (noteInBody) {
      const markerLine = snippet[2];
      if (displayWidth(markerLine) + 1 + displayWidth(d.message) <= ctx.width && !d.message.includes("\n")) {
        snippet = renderSnippet({ ...snippetBase, label: d.message }, style);
        noteInBody = false;
      }
    }
    out.push(...snippet);
  }
  const snippetEnd = out.length;
  const eq = (label, text) => out.push(...equation(ctx, gw, label, text));
  if (noteInBody) eq("note", d.message);
  if (d.rule && (ctx.verbose || !ctx.explained.has(d.ruleId))) {
    ctx.explained.add(d.ruleId);
    eq("why", d.rule.docs.why);
    if (d.rule.docs.lock) eq("lock", d.rule.docs.lock);
  }
  const instead = d.suggestion ?? d.rule?.docs.instead;
  if (instead) eq(suggestionLabel(d).toLowerCase(), instead);
  if (ctx.verbose && d.rule) {
    if (d.suggestion && d.rule.docs.instead) eq("help", d.rule.docs.instead);
    eq("bad", d.rule.docs.bad);
    eq("good", d.rule.docs.good);
    eq("docs", ruleDocsUrl(d.ruleId));
  }
  if (out.length > snippetEnd) out.splice(snippetEnd, 0, `${" ".repeat(gw)} ${style.gutter("|")}`);
  return out;
}
function markSpan(d, lines) {
  if (d.endLine === void 0 || d.endColumn === void 0 || !lines) return { lastLine: d.line };
  if (d.endLine === d.line) return { toColumn: d.endColumn, lastLine: d.line };
  return { toColumn: contentEnd(lines[d.line - 1] ?? ""), lastLine: d.endLine };
}
function equation(ctx, gw, label, text) {
  const { c } = ctx;
  const prefix = `${" ".repeat(gw)} ${c.bold("=")} ${c.bold(label + ":")} `;
  const indent = " ".repeat(gw + 3 + label.length + 2);
  const flat = text.split("\n").map((l) => layoutLine(l).text).join("\n");
  const lines = wrap(flat, Math.max(20, ctx.width - indent.length));
  return lines.map((l, i) => (i === 0 ? prefix + l : l ? indent + l : "").trimEnd());
}
function summary(ctx, result, diags, failOn) {
  const { c } = ctx;
  const { report } = result;
  const out = [rule(ctx, "summary", void 0)];
  const count = (n, what) => `${n} ${what}${n === 1 ? "" : "s"}`;
  const perRisk = (risks) => [...RISKS].reverse().map((r) => riskColor(ctx, r)(`${risks.filter((x) => x === r).length} ${r}`)).join(", ");
  const files = /* @__PURE__ */ new Set();
  for (const m of report.migrations) {
    files.add(m.path);
    if (m.rollback.path) files.add(m.rollback.path);
  }
  out.push(`${count(report.migrations.length, "migration")} in ${count(files.size, "file")}: ${perRisk(report.migrations.map((m) => m.risk))}`);
  const findings = diags.filter((d) => d.kind === "finding");
  const parseErrors = diags.filter((d) => d.kind === "parse-error").length;
  const dryRunErrors = diags.filter((d) => d.kind === "dry-run-error").length;
  const extras = [
    parseErrors ? c.red(count(parseErrors, "parse error")) : "",
    dryRunErrors ? c.red(count(dryRunErrors, "dry-run failure")) : ""
  ].filter(Boolean);
  out.push([`${count(findings.length, "finding")}: ${perRisk(findings.map((d) => d.risk))}`, ...extras].join(" \xB7 "));
  const { reasons } = verdict(result, failOn);
  if (reasons.length) out.push(c.bold(c.red(`exit 1: ${reasons.join(", ")}`)));
  else out.push(c.bold(c.green(`exit 0: nothing at or above the fail threshold ${failOn}`)));
  return out;
}
function rule(ctx, title, risk) {
  const { c } = ctx;
  const riskPart = risk ? `${c.bold(riskColor(ctx, risk)(risk))} ` : "";
  const plainWidth = 3 + displayWidth(title) + 1 + (risk ? risk.length + 1 : 0);
  const fill = Math.max(2, ctx.width - plainWidth);
  return `${c.dim("\u2500\u2500")} ${c.bold(title)} ${riskPart}${c.dim("\u2500".repeat(fill))}`;
}
function field(ctx, label, value) {
  return `   ${ctx.c.dim(padEnd(label, 12))}${value}`;
}
function riskColor(ctx, risk) {
  const { c } = ctx;
  return risk === "DANGEROUS" ? c.red : risk === "CAUTION" ? c.yellow : c.green;
}
function inFileOrder(migrationPath) {
  return (a, b) => Number(a.path !== migrationPath) - Number(b.path !== migrationPath) || byCodeUnit(a.path, b.path) || a.line - b.line || a.column - b.column || riskRank(b.risk) - riskRank(a.risk);
}
function formatMs(ms) {
  return ms >= 1e4 ? `${(ms / 1e3).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

// src/report/render.ts
function renderPlainFormat(result, format, opts = {}) {
  const lookup = opts.ruleById ? { ruleById: opts.ruleById } : {};
  switch (format) {
    case "pretty":
      return renderPretty(result, {
        color: opts.color ?? false,
        ...opts.width !== void 0 ? { width: opts.width } : {},
        ...opts.verbose !== void 0 ? { verbose: opts.verbose } : {},
        ...opts.failOn !== void 0 ? { failOn: opts.failOn } : {},
        ...lookup
      });
    case "json":
      return renderJson(result);
    case "sarif":
      return JSON.stringify(renderSarif(result, lookup), null, 2) + "\n";
    case "github":
      return formatWorkflowCommands(renderAnnotations(result, lookup));
  }
}
async function renderReportWhenReady(result, format, opts = {}) {
  if (format === "markdown") return [(await import("./markdown-report-VLJS4JCH.js")).renderMarkdownReport(result, opts)];
  if (format === "json") return renderJsonChunks(result);
  if (format !== "pretty") return [renderPlainFormat(result, format, opts)];
  try {
    return [renderPlainFormat(result, format, opts)];
  } catch (e) {
    if (!(e instanceof TextWidthsNotLoaded)) throw e;
  }
  await loadTextWidths();
  return [renderPlainFormat(result, format, opts)];
}

// src/cli/terminal.ts
function useColor(stream, flag) {
  if (flag !== void 0) return flag;
  if (process.env.NO_COLOR !== void 0 && process.env.NO_COLOR !== "") return false;
  if (process.env.FORCE_COLOR !== void 0 && process.env.FORCE_COLOR !== "" && process.env.FORCE_COLOR !== "0") return true;
  return stream.isTTY === true;
}
var STAGE_LABEL = {
  discover: "finding migrations",
  parse: "reading history",
  analyze: "analyzing",
  "dry-run": "dry-run"
};
function progressLine(stream, enabled) {
  if (!enabled || !stream.isTTY) return { update() {
  }, done() {
  } };
  let last = 0;
  let shown = false;
  return {
    update(e) {
      const now = Date.now();
      if (now - last < 50 && e.done < e.total) return;
      last = now;
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      const count = e.total > 1 ? ` ${Math.min(e.done, e.total)}/${e.total}` : "";
      const label = e.label ? ` ${e.label}` : "";
      let line = `${STAGE_LABEL[e.stage]}${count}${label}`;
      if (line.length > width) line = `${line.slice(0, width - 1)}\u2026`;
      stream.write(`\r\x1B[2K${line}`);
      shown = true;
    },
    done() {
      if (shown) stream.write("\r\x1B[2K");
      shown = false;
    }
  };
}

// src/cli/rule-text.ts
var import_picocolors2 = __toESM(require_picocolors(), 1);
function renderRuleText(rule2, color) {
  const c = (0, import_picocolors2.createColors)(color);
  const riskColor2 = rule2.risk === "DANGEROUS" ? c.red : rule2.risk === "CAUTION" ? c.yellow : c.green;
  const indent = (s) => s.split("\n").map((l) => `    ${l}`).join("\n");
  const lines = [
    `${riskColor2(c.bold(rule2.risk))} ${c.bold(rule2.id)}: ${rule2.title}`,
    "",
    ...rule2.enabledByDefault === false ? [c.bold(`Off by default`) + ` (turn on: rules: { ${rule2.id}: on }${rule2.presets?.length ? ` or preset: ${rule2.presets.join(" / ")}` : ""})`, ...rule2.docs.policy ? [indent(rule2.docs.policy)] : [], ""] : [],
    c.bold("Why"),
    indent(rule2.docs.why)
  ];
  if (rule2.docs.lock) lines.push("", c.bold("Lock"), indent(rule2.docs.lock));
  lines.push("", c.bold("Instead"), indent(rule2.docs.instead), "", c.bold("Bad"), c.red(indent(rule2.docs.bad)), "", c.bold("Good"), c.green(indent(rule2.docs.good)));
  const eq = rule2.docs.equivalents;
  if (eq && (eq.squawk || eq.strongMigrations || eq.eugene || eq.pgfence)) {
    const parts = [eq.squawk && `squawk: ${eq.squawk}`, eq.strongMigrations && `strong_migrations: ${eq.strongMigrations}`, eq.eugene && `eugene: ${eq.eugene}`, eq.pgfence && `pgfence: ${eq.pgfence}`].filter(Boolean);
    lines.push("", c.bold("Same rule elsewhere"), indent(parts.join("\n")));
  }
  lines.push("", c.dim(`Silence it for one statement with: -- migration-guard-ignore ${rule2.id}`), "");
  return lines.join("\n");
}

// src/cli/commands.ts
async function lintCommand(paths, flags) {
  if (paths.length === 0) throw new UsageError("lint needs at least one file or folder (e.g. `migration-guard lint db/migrations`)");
  for (const p of paths) {
    if (!existsSync2(p)) throw new UsageError(`no such file or folder: ${p}`);
    if (statSync2(p).isDirectory() && !holdsSqlFile(p)) {
      throw new UsageError(`no .sql files in ${p}`);
    }
  }
  const root = commonRoot(paths.map((p) => path.resolve(p)));
  const named = paths.map((p) => ({ path: toPosix(path.relative(root, path.resolve(p))) || ".", isDir: statSync2(p).isDirectory() }));
  const config = await configFromFlags(root, flags);
  const files = fsRepoFiles(root, lintScope(named, config));
  return review(files, { kind: "paths", paths: named.map((n) => n.path) }, config, flags, false);
}
function holdsSqlFile(dir) {
  const pending = [dir];
  const linked = /* @__PURE__ */ new Set();
  for (let next = pending.pop(); next !== void 0; next = pending.pop()) {
    for (const entry of readdirSync(next, { withFileTypes: true })) {
      if (entry.name.toLowerCase().endsWith(".sql")) return true;
      const full = path.join(next, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isSymbolicLink() && statSync2(full, { throwIfNoEntry: false })?.isDirectory()) {
        const real = realpathSync(full);
        if (!linked.has(real)) {
          linked.add(real);
          pending.push(full);
        }
      }
    }
  }
  return false;
}
async function checkCommand(repoDir, flags) {
  const root = repoRoot(repoDir);
  const config = await configFromFlags(root, flags);
  const scope = await scopeFor(root, flags.base);
  return review(fsRepoFiles(root), scope, config, flags, config.dryRun.enabled, root);
}
async function planCommand(repoDir, flags) {
  const format = flags.format ?? "pretty";
  if (format !== "pretty" && format !== "json") throw new UsageError(`plan --format must be pretty or json, not "${format}"`);
  const root = repoRoot(repoDir);
  const config = await configFromFlags(root, flags);
  const progress = progressFor(flags);
  let result;
  try {
    result = await runCheck({ files: fsRepoFiles(root), config, scope: await scopeFor(root, flags.base), keepHistory: flags.verify !== false, onProgress: progress.update });
  } finally {
    progress.done();
  }
  const verifyOpts = {
    engine: config.dryRun.engine,
    ...config.dryRun.databaseUrl ? { databaseUrl: config.dryRun.databaseUrl } : {},
    seedRows: flags.seedRows !== void 0 ? config.dryRun.seedRows : config.dryRun.seedRows || 100,
    statementTimeoutMs: config.dryRun.statementTimeoutMs,
    totalTimeoutMs: config.dryRun.totalTimeoutMs
  };
  const base2 = result.history ?? [];
  const replayed = result.migrations.filter((a) => !a.migration.historyFollows);
  const review2 = replayed.map((a) => ({ migration: a.migration, up: a.up, down: a.down }));
  const verify = flags.verify !== false ? await import("./verify-3Y5R7US6.js") : null;
  const session = verify ? new verify.VerifySession(verifyOpts) : null;
  const { buildPlan, planDocument, renderPlanText } = await import("./plan-KUEN4244.js");
  let plan;
  let verification;
  try {
    session?.useExtensionsOf({ base: base2, review: review2 });
    if (verify && session) await verify.readColumnShapes(base2, replayed, { ...verifyOpts, session });
    plan = buildPlan(result.migrations, { pgVersion: config.pgVersion });
    if (verify && session && plan.phases.length > 0) verification = await verify.verifyPlan(planDocument(plan, config.pgVersion), { base: base2, review: review2 }, { ...verifyOpts, session });
  } finally {
    await session?.dispose();
  }
  const text = format === "json" ? JSON.stringify(planDocument(plan, config.pgVersion, verification), null, 2) : renderPlanText(plan, verification);
  emitChunks([text], flags.output);
  if (verification?.plan.status === "failed") return 1;
  return exitCode(result, config);
}
function rulesCommand(id, flags) {
  const color = useColor(process.stdout, flags.color);
  if (id) {
    const rule2 = ruleById(id);
    if (!rule2) throw new UsageError(`no rule "${id}"; \`migration-guard rules\` lists them`);
    process.stdout.write(renderRuleText(rule2, color));
    return 0;
  }
  const width = Math.max(...allRules.map((r) => r.id.length));
  for (const r of allRules) process.stdout.write(`${r.risk.padEnd(9)} ${r.id.padEnd(width)}  ${r.title}
`);
  return 0;
}
async function review(files, scope, config, flags, dryRun, root = null) {
  const format = parseFormat(flags.format);
  const progress = progressFor(flags);
  let result;
  try {
    result = await runCheck({ files, config, scope, dryRun, withoutTrees: format !== "markdown", onProgress: progress.update });
  } finally {
    progress.done();
  }
  const color = flags.output ? false : useColor(process.stdout, flags.color);
  emitChunks(await renderReportWhenReady(result, format, { color, width: process.stdout.columns ?? 100, pgVersion: config.pgVersion, failOn: config.failOn, approvalRisk: config.approvalRisk }), flags.output);
  if (result.report.migrations.length === 0 && root !== null) {
    const ignored = gitIgnoredSql(root);
    if (ignored > 0) process.stderr.write(`migration-guard: ${ignored} .sql file${ignored === 1 ? " was" : "s were"} skipped because git ignores them (.gitignore)
`);
  }
  return exitCode(result, config);
}
function gitIgnoredSql(root) {
  try {
    const out = execFileSync("git", ["ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--", "*.sql", "*.SQL"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: 1 << 28
    });
    return out.split("\0").filter((f) => f !== "" && !f.split("/").includes("node_modules")).length;
  } catch {
    return 0;
  }
}
function exitCode(result, config) {
  return verdict(result, config.failOn).exitCode;
}
function progressFor(flags) {
  return progressLine(process.stderr, flags.progress !== false);
}
var WRITE_BATCH = 1 << 20;
function emitChunks(chunks, output) {
  const fd = output ? openOutput(output) : void 0;
  const write = (s) => {
    if (fd === void 0) process.stdout.write(s);
    else writeAll(fd, s, output);
  };
  try {
    let batch = "";
    let endsLine = false;
    for (const chunk of chunks) {
      if (chunk === "") continue;
      batch += chunk;
      endsLine = chunk.endsWith("\n");
      if (batch.length >= WRITE_BATCH) {
        write(batch);
        batch = "";
      }
    }
    write(endsLine ? batch : `${batch}
`);
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}
function openOutput(output) {
  try {
    return openSync(output, "w");
  } catch (e) {
    throw cannotWrite(output, e);
  }
}
function writeAll(fd, text, output) {
  try {
    const bytes = Buffer.from(text, "utf8");
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
  } catch (e) {
    throw cannotWrite(output, e);
  }
}
function cannotWrite(output, e) {
  const code = e.code;
  const why = code === "ENOENT" ? `no such folder ${path.dirname(output)}` : code === "EISDIR" ? "it is a folder" : code === "EACCES" ? "permission denied" : code ?? String(e);
  return new UsageError(`--output ${output}: cannot write the report: ${why}`);
}
function parseFormat(format) {
  const f = format ?? "pretty";
  if (!FORMATS.includes(f)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, not "${f}"`);
  return f;
}
async function scopeFor(root, base2) {
  if (!base2) return { kind: "all" };
  const changes = await gitChanges(root, base2);
  return { kind: "changes", changes: changes.changes, base: changes.base, notes: changes.notes };
}
function repoRoot(dir) {
  const root = path.resolve(dir ?? ".");
  if (!existsSync2(root)) throw new UsageError(`no such folder: ${dir}`);
  if (!statSync2(root).isDirectory()) throw new UsageError(`not a folder: ${dir} (to lint single files use \`migration-guard lint ${dir}\`)`);
  return root;
}
function commonRoot(abs) {
  const dirs = abs.map((p) => statSync2(p).isDirectory() ? p : path.dirname(p));
  let common = dirs[0];
  for (const d of dirs.slice(1)) {
    while (!(d === common || d.startsWith(common + path.sep))) common = path.dirname(common);
  }
  const top = gitWorkTreeOf(common);
  if (top && abs.every((p) => p === top || p.startsWith(top + path.sep))) return top;
  return common;
}
function toPosix(p) {
  return p.split(path.sep).join("/");
}
export {
  FORMATS,
  checkCommand,
  lintCommand,
  planCommand,
  rulesCommand
};
