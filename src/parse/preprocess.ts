// Turns a migration file into text the Postgres parser can read, without losing track of
// where things are in the file: psql meta-commands become spaces, and `${name}` placeholders
// are substituted the way Flyway or Liquibase would before running the file.
import { scanSql } from './wasm.js';
import { ByteOffsets } from './positions.js';
import { escapeRegExp, trimTrailing } from '../core/strings.js';
import type { PlaceholderKind, UnknownPlaceholder } from '../core/types.js';

/** One replacement made while preprocessing: original [from, from+oldLength) became newLength units. */
interface Edit {
  /** Offset in the preprocessed text. */
  at: number;
  newLength: number;
  from: number;
  oldLength: number;
}

/** Maps offsets in the preprocessed text back to offsets in the original text. */
export class OffsetMap {
  constructor(private readonly edits: readonly Edit[] = []) {}

  toOriginal(offset: number): number {
    const edits = this.edits;
    let lo = 0;
    let hi = edits.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (edits[mid]!.at <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found === -1) return offset;
    const e = edits[found]!;
    if (offset < e.at + e.newLength) return e.from + Math.min(offset - e.at, Math.max(0, e.oldLength - 1));
    return offset - (e.at + e.newLength) + (e.from + e.oldLength);
  }
}

export interface PreprocessNote {
  /** Offset in the original text. */
  offset: number;
  message: string;
}

/** A psql meta-command as written: its offset in the original text and its text from the backslash. */
export interface MetaCommandAt {
  offset: number;
  command: string;
  /** It sends the query buffer (`\g`, `\gexec`...): it ends the statement before it, as a `;` would. */
  sends: boolean;
}

export interface Preprocessed {
  text: string;
  map: OffsetMap;
  notes: PreprocessNote[];
  /** The psql meta-commands blanked, in order. */
  metaCommands: MetaCommandAt[];
  /** Placeholders (and Go template actions) without a value, each name once, at its first place. */
  /** `written`: the placeholder as the file has it; `standIn`: the identifier the SQL was parsed with. */
  unknownPlaceholders: Array<UnknownPlaceholder & { offset: number; written: string; standIn: string }>;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Replaces what the WebAssembly parser cannot take in a C string: a NUL would end the text
 * early, a lone surrogate has no UTF-8 form. Both are one code unit, so positions stay.
 */
function sanitize(text: string, notes: PreprocessNote[]): string {
  // A byte order mark that reached here (text not read through decodeSql) is not whitespace to Postgres.
  let out = text.startsWith('\uFEFF') ? ` ${text.slice(1)}` : text;
  const nul = out.indexOf('\0');
  if (nul !== -1) {
    notes.push({ offset: nul, message: 'replaced NUL characters with spaces' });
    out = out.replace(/\0/g, ' ');
  }
  if (/[\uD800-\uDFFF]/.test(out)) out = out.replace(LONE_SURROGATE, '\uFFFD');
  return out;
}

const META_LINE = /^[ \t]*\\[^\r\n]*/gm;
/** psql's `\g`, `\gx`, `\gset`, `\gexec`, `\gdesc` send the query buffer, also at the end of a query's line. */
const SEND_COMMAND = /(?<!\\)\\g(?:x|set|exec|desc)?(?![A-Za-z])[^\r\n]*/g;
const SENDS_QUERY = /^\\g(?:x|set|exec|desc)?(?![A-Za-z])/;
/** The scanner runs at ~1 MB/s; above this size meta-command lines are blanked without checking. */
export const SCAN_CHECK_LIMIT = 1_000_000;
const LITERAL_TOKENS = new Set(['SCONST', 'USCONST', 'XCONST', 'BCONST', 'C_COMMENT', 'SQL_COMMENT', 'IDENT', 'UIDENT']);

/** Rebuilds `text` with each range replaced by `pick(range)`. */
function rebuild<T extends { from: number; to: number }>(text: string, ranges: readonly T[], pick: (r: T) => string): string {
  const parts: string[] = [];
  let last = 0;
  for (const r of ranges) {
    parts.push(text.slice(last, r.from), pick(r));
    last = r.to;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

/** Sorted, disjoint [start, end) spans; true when `offset` lies strictly inside one. */
function strictlyInside(spans: ReadonlyArray<readonly [number, number]>, offset: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = spans[mid]!;
    if (offset <= s) hi = mid - 1;
    else if (offset >= e) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * psql meta-commands (`\c db`, `\ir file`, `\set ...`) are lines that start with a backslash.
 * A line inside a string, dollar quote or comment that happens to start with one is left
 * alone: after blanking every candidate, the scanner tells which candidates sit inside a
 * literal token.
 */
function blankMetaCommands(text: string, notes: PreprocessNote[], found: MetaCommandAt[]): string {
  const lines: Array<{ from: number; to: number }> = [];
  for (const m of text.matchAll(META_LINE)) {
    const from = m.index + m[0].indexOf('\\');
    lines.push({ from, to: m.index + m[0].length });
  }
  // Mid-line ones only where the scanner can tell them from a backslash inside a literal.
  if (text.length <= SCAN_CHECK_LIMIT) {
    const starts = new Set(lines.map((l) => l.from));
    for (const m of text.matchAll(SEND_COMMAND)) if (!starts.has(m.index)) lines.push({ from: m.index, to: m.index + m[0].length });
    lines.sort((a, b) => a.from - b.from);
  }
  if (lines.length === 0) return text;
  const blanked = rebuild(text, lines, (l) => ' '.repeat(l.to - l.from));

  let spans: Array<readonly [number, number]> = [];
  if (blanked.length <= SCAN_CHECK_LIMIT) {
    // Blanking a line inside a literal can remove its closing quote; then the original text
    // (where only real meta-commands might confuse the scanner) tells literal from command.
    let scannedText = blanked;
    let scanned = scanSql(blanked);
    if (!scanned.ok) {
      scannedText = text;
      scanned = scanSql(text);
    }
    if (scanned.ok) {
      const bytes = new ByteOffsets(scannedText);
      spans = scanned.value
        .filter((t) => LITERAL_TOKENS.has(t.tokenName))
        .map((t) => [bytes.toUnit(t.start), bytes.toUnit(t.end)] as const);
    }
  }

  const meta = lines.filter((l) => !strictlyInside(spans, l.from)).map((l) => {
    const command = text.slice(l.from, l.to).trim();
    return { ...l, command, sends: SENDS_QUERY.test(command) };
  });
  for (const m of meta) {
    found.push({ offset: m.from, command: m.command, sends: m.sends });
    const shown = m.command.length > 80 ? `${m.command.slice(0, 77)}...` : m.command;
    notes.push({ offset: m.from, message: `skipped psql meta-command ${shown}${m.sends ? ' (it ends the query before it)' : ''}` });
  }
  // A command that sends the query buffer ends the statement before it, as a `;` would.
  const out = rebuild(text, meta, (m) => {
    const blank = ' '.repeat(m.to - m.from);
    return m.sends ? `;${blank.slice(1)}` : blank;
  });
  return meta.length > 0 ? fillPsqlVariables(out, notes) : out;
}

/**
 * In a psql script (one that uses meta-commands), `:name`, `:'name'` and `:"name"` are psql
 * variables set on its command line. Each becomes a stand-in of the same length, a string
 * literal or quoted identifier, so the statement parses and nothing moves. Only a `:` token
 * glued to a name counts: `::` casts and `:=` are other tokens, and array slices sit in `[]`.
 */
function fillPsqlVariables(text: string, notes: PreprocessNote[]): string {
  if (!text.includes(':') || text.length > SCAN_CHECK_LIMIT) return text;
  const scanned = scanSql(text);
  if (!scanned.ok) return text;
  const bytes = new ByteOffsets(text);
  const tokens = scanned.value;
  const fills: Array<{ from: number; to: number; value: string }> = [];
  const noted = new Set<string>();
  let brackets = 0;
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i]!;
    if (t.text === '[') brackets++;
    else if (t.text === ']') brackets = Math.max(0, brackets - 1);
    const next = tokens[i + 1]!;
    if (t.text !== ':' || brackets > 0 || next.start !== t.end) continue;
    const quoted = next.text.startsWith("'") || next.text.startsWith('"');
    if (!(next.tokenName === 'IDENT' || (next.tokenName === 'SCONST' && next.text.startsWith("'")))) continue;
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

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_.\-]*)\}/g;

/**
 * A stand-in identifier exactly as long as the placeholder, so that nothing after it moves:
 * `${tableName}` becomes `tablename___`. Lower case and trailing underscores keep it a valid
 * unquoted identifier that is never a keyword.
 */
export function neutralIdentifier(name: string): string {
  const base = name.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  return base.padEnd(name.length + 3, '_');
}

/**
 * A Go text/template action, `{{ index .Options "Namespace" }}`, which pop renders in its SQL
 * migrations (supabase/auth names its schema that way). Its name is the last quoted string or
 * field of the action; actions that only steer the template (if, else, end, range...) have none.
 */
const GO_TEMPLATE = /\{\{-?\s*([^{}]*?)\s*-?\}\}/g;
const GO_CONTROL = /^(?:if|else|end|range|with|define|template|block|break|continue)\b|^\/\*/;

function goTemplateName(action: string): string | null {
  if (GO_CONTROL.test(action)) return null;
  const quoted = [...action.matchAll(/"([A-Za-z_][A-Za-z0-9_]*)"/g)].pop()?.[1];
  return quoted ?? /\.([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(action)?.[1] ?? null;
}

/**
 * What goose's environment substitution replaces (mfridman/interpolate): `$NAME`, `${NAME}` and
 * `${NAME` with a shell modifier (`:-default`, `-default`, `:?message`, `:+alt`...) `}`; `$$` is
 * left as it is. Line by line, wherever it stands: in strings and comments too.
 */
const ENV_REFERENCE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:[:?=+-][^}\n]*)?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** A placeholder as a message names it: `placeholder ${x}`, `Go template {{ ... }}`, `environment variable $X (goose ENVSUB)`. */
export function describePlaceholder(p: UnknownPlaceholder): string {
  return p.kind === 'placeholder' ? `placeholder ${p.shown}` : p.shown;
}

/** Where `${name}` placeholders (and, with `goTemplates`, Go template actions; with `envsub`, goose's environment references) are, and what they stand for. */
function placeholdersIn(text: string, goTemplates: boolean, envsub = false): Array<{ index: number; length: number; kind: PlaceholderKind; name: string | null; shown: string }> {
  const out: Array<{ index: number; length: number; kind: PlaceholderKind; name: string | null; shown: string }> = [];
  if (envsub && text.includes('$')) {
    for (const m of text.matchAll(ENV_REFERENCE)) {
      const name = m[1] ?? m[2];
      if (name !== undefined) out.push({ index: m.index, length: m[0].length, kind: 'environment', name, shown: `environment variable ${m[0]} (goose ENVSUB)` });
    }
    return out;
  }
  if (text.includes('${')) for (const m of text.matchAll(PLACEHOLDER)) out.push({ index: m.index, length: m[0].length, kind: 'placeholder', name: m[1]!, shown: `\${${m[1]}}` });
  if (goTemplates && text.includes('{{')) {
    for (const m of text.matchAll(GO_TEMPLATE)) out.push({ index: m.index, length: m[0].length, kind: 'go-template', name: goTemplateName(m[1]!), shown: `Go template {{ ${m[1]} }}` });
  }
  return out.sort((a, b) => a.index - b.index);
}

function substitutePlaceholders(
  text: string,
  values: Record<string, string>,
  notes: PreprocessNote[],
  goTemplates: boolean,
  unknown: Preprocessed['unknownPlaceholders'],
  envsub = false,
): { text: string; edits: Edit[] } {
  const found = placeholdersIn(text, goTemplates, envsub);
  if (found.length === 0) return { text, edits: [] };
  const edits: Edit[] = [];
  const noted = new Set<string>();
  let out = '';
  let last = 0;
  for (const m of found) {
    if (m.index < last) continue;
    const name = m.name;
    const configured = name !== null && Object.prototype.hasOwnProperty.call(values, name);
    // A control action leaves every branch in place, as blank space.
    const value = name === null ? ' '.repeat(m.length) : configured ? String(values[name]) : neutralIdentifier(name);
    if (name !== null && !configured && !noted.has(m.shown)) {
      noted.add(m.shown);
      const placeholder: UnknownPlaceholder = { kind: m.kind, name, shown: m.shown };
      unknown.push({ offset: m.index, ...placeholder, written: text.slice(m.index, m.index + m.length), standIn: value });
      notes.push({ offset: m.index, message: `${describePlaceholder(placeholder)} is not configured; parsed as the identifier ${trimTrailing(value, '_')}` });
    }
    out += text.slice(last, m.index);
    if (value.length !== m.length) edits.push({ at: out.length, newLength: value.length, from: m.index, oldLength: m.length });
    out += value;
    last = m.index + m.length;
  }
  out += text.slice(last);
  return { text: out, edits };
}

/** `goTemplates`: the file is rendered as a Go template before it runs (pop), so `{{ ... }}` actions are placeholders too. */
export function preprocess(text: string, placeholders: Record<string, string> = {}, goTemplates = false, envsub = false): Preprocessed {
  const notes: PreprocessNote[] = [];
  const metaCommands: MetaCommandAt[] = [];
  const clean = blankMetaCommands(sanitize(text, notes), notes, metaCommands);
  const unknownPlaceholders: Preprocessed['unknownPlaceholders'] = [];
  const { text: substituted, edits } = substitutePlaceholders(clean, placeholders, notes, goTemplates, unknownPlaceholders, envsub);
  notes.sort((a, b) => a.offset - b.offset);
  return { text: substituted, map: new OffsetMap(edits), notes, metaCommands, unknownPlaceholders };
}

/**
 * Puts back, in a finding's message or suggestion, the placeholders the SQL was parsed with
 * stand-ins for (`${schema}` as `schema___`, pop's `{{ identifier .Parameters.tableName }}` as
 * `tablename___`): the author wrote the placeholder, and a suggestion with the stand-in is SQL
 * for a name that does not exist. In a finding (`restore`), a stand-in only part of a longer
 * name is not put back (`{{ ... }}_id_length` is no name once pop renders it): `otherwise` is
 * said instead.
 */
export function placeholderStandIns(placeholders: ReadonlyArray<{ written: string; standIn: string }>): {
  restore(text: string, otherwise?: string): string;
  restoreInNames(text: string): string;
} {
  const byStandIn = new Map<string, string>();
  for (const p of placeholders) if (!byStandIn.has(p.standIn)) byStandIn.set(p.standIn, p.written);
  const escaped = [...byStandIn.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const alternatives = escaped.join('|');
  const whole = new RegExp(`(?<![A-Za-z0-9_$])(${alternatives})(?![A-Za-z0-9_$])`, 'g');
  const starting = new RegExp(`(?<![A-Za-z0-9_$])(${alternatives})`, 'g');
  const anywhere = new RegExp(alternatives);
  const put = (m: string) => byStandIn.get(m) ?? m;
  return {
    restore(text, otherwise) {
      if (byStandIn.size === 0 || !anywhere.test(text)) return text;
      const restored = text.replace(whole, put);
      return otherwise !== undefined && anywhere.test(restored) ? otherwise : restored;
    },
    /**
     * Also where a stand-in starts a longer name (`"table____vr_idx"` from Flyway's
     * `"${table}_vr_idx"`, which the runner fills in as text): the plan's SQL, run as printed.
     */
    restoreInNames(text) {
      if (byStandIn.size === 0 || !anywhere.test(text)) return text;
      return text.replace(starting, put);
    },
  };
}
