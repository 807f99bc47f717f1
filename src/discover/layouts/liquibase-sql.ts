// Liquibase formatted SQL: files starting with `--liquibase formatted sql`, made of
// `--changeset author:id attrs` blocks with `--rollback <sql>` lines (or a
// `/* liquibase rollback ... */` block). One Migration per file (the unit a pull request
// changes): up is the file without its rollback lines, down is only the rollback SQL, both at
// their file positions. `--rollback empty` / `--rollback not required` count as an empty rollback.
// Folders are ordered by path, as `includeAll` does. Rollbacks are optional in Liquibase, so
// they are expected once a folder uses them; a file that has some changesets without one
// reports those changesets.
import { byteCompare } from '../version.js';
import { keepRanges, lines, type Range } from '../text.js';
import { coverage, emptyBuild, repoPath, sqlFiles, baseName, type Layout, type LayoutBuild, type LayoutIssue, type DraftMigration } from './types.js';

const HEADER = /^\s*--\s*liquibase\s+formatted\s+sql\b/i;
const CHANGESET = /^\s*--\s*changeset\s+(\S+)(.*)$/i;
const ROLLBACK_LINE = /^(\s*--\s*rollback\b\s?)(.*)$/i;
const ROLLBACK_BLOCK_START = /^\s*\/\*\s*liquibase\s+rollback\b/i;
// Every pattern here runs on attacker-written text: each is anchored and has no two adjacent
// quantifiers over the same characters, so matching is linear in the line (no backtracking storm).
const BLOCK_HEADER = /\/\*\s*liquibase\s+rollback\b/iy;
const CHANGESET_ANYWHERE = /^[ \t]*--[ \t]*changeset[ \t]+[^\s:]+:\S/im;
// Liquibase's `--precondition-<name> <body>` (AbstractFormattedChangeLogParser): a comment to
// Postgres, yet `sql-check` (named exactly so) runs the body's SQL before the changeset.
const PRECONDITION = /^\s*--\s*precondition-([a-zA-Z0-9-]+) (.*)$/i;
// The body is `[expectedResult:]<word>|'<text>'|"<text>" <sql>` (tried in this order).
// `--property name:<n> value:<v>` sets `${n}`, which Liquibase replaces in the changesets' SQL.
// Liquibase's patterns (`\s*--[\s]*property\s+(.*:.*)\s+(.*:.*).*`, `.*name:\s*(\S++).*`) would
// backtrack on a long line: the same is tested by scanning (propertyOf).
const PROPERTY_START = /^\s*--\s*property\s/i;
const SQL_CHECK_BODY = [/^(?:expectedResult:)?(\w+) (.*)$/i, /^(?:expectedResult:)?'([^']+)' (.*)$/i, /^(?:expectedResult:)?"([^"]+)" (.*)$/i];

/** `--rollback empty` / `--rollback not required`: a deliberate empty rollback. */
function isEmptyRollback(sql: string): boolean {
  let t = sql.trim();
  if (t.endsWith(';')) t = t.slice(0, -1).trimEnd();
  return /^empty$/i.test(t) || /^not\s+required$/i.test(t);
}

/** True when the text is Liquibase formatted SQL: its first non-blank line says so, or it has changesets. */
export function isLiquibaseSql(text: string): boolean {
  const first = firstNonBlankLine(text);
  return (first !== undefined && HEADER.test(first)) || CHANGESET_ANYWHERE.test(text);
}

/**
 * The first line (lines end at `\n` or `\r\n`) with more than whitespace, read up to it: every
 * SQL file is asked, and splitting a 20 MB one into its lines first took 0.3 s.
 */
function firstNonBlankLine(text: string): string | undefined {
  for (let from = 0; ; ) {
    const newline = text.indexOf('\n', from);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(from, newline > from && text[newline - 1] === '\r' ? end - 1 : end);
    if (line.trim() !== '') return line;
    if (newline === -1) return undefined;
    from = newline + 1;
  }
}

export const liquibaseSql: Layout = {
  name: 'liquibase-sql',
  rollbacks: 'when-used',
  async detect(folder) {
    const files = sqlFiles(folder.files);
    const texts = await Promise.all(files.map((f) => folder.read(f)));
    return coverage(texts, isLiquibaseSql);
  },
  async build(folder) {
    const out: LayoutBuild = emptyBuild();
    const files = [...sqlFiles(folder.files)].sort(byteCompare);
    for (const file of files) {
      // includeAll runs a .sql file without the header as one raw changeset, so every file counts.
      const text = await folder.read(file);
      out.migrations.push(parseChangelog(text, repoPath(folder.dir, file), file, out.issues));
    }
    return out;
  },
};

/**
 * The SQL a `--precondition-sql-check` line runs, at its offsets in the line; null for any other
 * line. Java's trim() (characters up to U+0020) is what Liquibase applies to the body.
 */
function sqlCheck(line: string): { start: number; end: number; sql: string } | null {
  const m = PRECONDITION.exec(line);
  if (!m || m[1] !== 'sql-check') return null;
  const end = javaTrimmedEnd(line);
  let from = line.length - m[2]!.length;
  while (from < end && line.charCodeAt(from) <= 0x20) from++;
  const body = line.slice(from, end);
  for (const pattern of SQL_CHECK_BODY) {
    const b = pattern.exec(body);
    if (b) return { start: end - b[2]!.length, end, sql: b[2]! };
  }
  return null;
}

const JAVA_SPACE = /[ \t\n\x0B\f\r]/;

/**
 * A `--property` line's name and value as Liquibase reads them: the line is `--property`, blanks,
 * then something with a colon, blanks, something with a colon; the name and the value follow the
 * last `name:` and `value:` that have a word after them. Null for any other line.
 */
function propertyOf(line: string): { name: string; value: string } | null {
  const start = PROPERTY_START.exec(line);
  if (!start) return null;
  const rest = line.slice(start[0].length - 1);
  const colon = rest.indexOf(':');
  let blank = colon + 1;
  while (colon >= 0 && blank < rest.length && !JAVA_SPACE.test(rest[blank]!)) blank++;
  if (colon < 0 || blank >= rest.length || rest.indexOf(':', blank + 1) < 0) return null;
  const name = lastWordAfter(line, /name:/gi);
  const value = lastWordAfter(line, /value:/gi);
  return name !== null && value !== null ? { name, value } : null;
}

/** The run of non-blanks after the last match of `key` that has one (blanks skipped). */
function lastWordAfter(line: string, key: RegExp): string | null {
  const ends: number[] = [];
  for (let m = key.exec(line); m; m = key.exec(line)) ends.push(m.index + m[0].length);
  for (let i = ends.length - 1; i >= 0; i--) {
    let at = ends[i]!;
    while (at < line.length && JAVA_SPACE.test(line[at]!)) at++;
    let end = at;
    while (end < line.length && !JAVA_SPACE.test(line[end]!)) end++;
    if (end > at) return line.slice(at, end);
  }
  return null;
}

/** Where Java's trim() would end the text (a loop: a regex anchored at the end is quadratic on a run of blanks). */
function javaTrimmedEnd(text: string): number {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) <= 0x20) end--;
  return end;
}

/**
 * Whether a precondition's SQL can stand as a statement of its own in the reviewed text: nothing
 * in it may open a comment, string or dollar quote that would run on into the changeset's SQL
 * (and hide it from the review), or end the statement early.
 */
function isolable(sql: string): boolean {
  const rest = sql.replace(/\$\{[A-Za-z_][A-Za-z0-9_.\-]*\}/g, 'x');
  if (/;|--|\/\*|\*\/|\\|\$/.test(rest)) return false;
  return (rest.split("'").length - 1) % 2 === 0 && (rest.split('"').length - 1) % 2 === 0;
}

function parseChangelog(text: string, path: string, rel: string, issues: LayoutIssue[]): DraftMigration {
  const changesets: Array<{ line: number; label: string; attrs: string; hasRollback: boolean }> = [];
  // The rollback SQL of each changeset (0: lines before the first one), for the order rollbacks run in.
  const rollbackOf: Range[][] = [[]];
  const rollbackLines: Range[] = []; // whole lines/blocks, removed from up
  const rollbackSql: Range[] = []; // the SQL inside them, kept in down
  // Precondition SQL that runs: shown to the review as a statement of its own, on its line.
  const checks: Array<{ start: number; end: number; sql: string }> = [];
  // A property is set once: the first definition stays (Liquibase's properties are immutable).
  const properties = Object.create(null) as Record<string, string>;
  const all = lines(text);
  for (let i = 0; i < all.length; i++) {
    const line = all[i]!;
    const property = propertyOf(line.text);
    if (property) {
      if (!Object.prototype.hasOwnProperty.call(properties, property.name)) properties[property.name] = property.value;
      continue;
    }
    const check = sqlCheck(line.text);
    if (check) {
      if (isolable(check.sql)) checks.push({ start: line.start, end: line.end, sql: check.sql });
      else issues.push({ path: rel, line: line.number, column: check.start + 1, message: 'this --precondition-sql-check runs SQL that cannot be reviewed on its own (a comment, quote, semicolon or dollar sign in it could run on into the changeset\'s SQL); Liquibase runs it before the changeset' });
      continue;
    }
    const cs = CHANGESET.exec(line.text);
    if (cs) {
      changesets.push({ line: line.number, label: cs[1]!, attrs: cs[2] ?? '', hasRollback: false });
      rollbackOf.push([]);
      continue;
    }
    const current = changesets[changesets.length - 1];
    const rb = ROLLBACK_LINE.exec(line.text);
    if (rb) {
      rollbackLines.push([line.start, line.end]);
      if (!isEmptyRollback(rb[2]!)) {
        rollbackSql.push([line.start + rb[1]!.length, line.end]);
        rollbackOf[rollbackOf.length - 1]!.push([line.start + rb[1]!.length, line.end]);
      }
      if (current) current.hasRollback = true;
      continue;
    }
    if (ROLLBACK_BLOCK_START.test(line.text)) {
      const start = line.start + line.text.search(/\/\*/);
      BLOCK_HEADER.lastIndex = start;
      const header = BLOCK_HEADER.exec(text)!;
      const innerStart = start + header[0].length;
      const close = text.indexOf('*/', innerStart);
      const innerEnd = close < 0 ? text.length : close;
      const end = close < 0 ? text.length : close + 2;
      rollbackLines.push([start, end]);
      if (!isEmptyRollback(text.slice(innerStart, innerEnd))) {
        rollbackSql.push([innerStart, innerEnd]);
        rollbackOf[rollbackOf.length - 1]!.push([innerStart, innerEnd]);
      }
      if (current) current.hasRollback = true;
      while (i + 1 < all.length && all[i + 1]!.start < end) i++;
    }
  }
  const upKeep: Range[] = [];
  let pos = 0;
  for (const [s, e] of [...rollbackLines].sort((a, b) => a[0] - b[0])) {
    upKeep.push([pos, s]);
    pos = e;
  }
  upKeep.push([pos, text.length]);
  const anyRollback = changesets.some((c) => c.hasRollback) || rollbackLines.length > 0;
  const noTransaction = changesets.some((c) => /\brunInTransaction:\s*false\b/i.test(c.attrs));
  const repeatable = changesets.length > 0 && changesets.every((c) => /\b(runOnChange|runAlways):\s*true\b/i.test(c.attrs));
  const id = rel.replace(/\.sql$/i, '');
  // Liquibase rolls a file's changesets back last first, each one's rollback as written.
  const spans = rollbackOf.filter((r) => r.length > 0).map((r): [number, number] => [r[0]![0], r[r.length - 1]![1]]);
  return {
    id,
    version: id,
    name: baseName(id),
    up: { path, text: withChecks(keepRanges(text, upKeep), checks) },
    down: anyRollback ? { path, text: keepRanges(text, rollbackSql) } : null,
    ...(anyRollback && spans.length > 1 ? { downOrder: spans.reverse() } : {}),
    ...(noTransaction ? { noTransaction } : {}),
    ...(repeatable ? { repeatable } : {}),
    ...(Object.keys(properties).length > 0 ? { placeholders: properties } : {}),
    ...(anyRollback
      ? {
          partsWithoutRollback: changesets
            .filter((c) => !c.hasRollback)
            .map((c) => ({ line: c.line, column: 1, label: `changeset ${c.label}` })),
        }
      : {}),
  };
}

/** Each precondition line becomes `;<sql>;` and blanks, as long as the line: its statement stands alone. */
function withChecks(up: string, checks: ReadonlyArray<{ start: number; end: number; sql: string }>): string {
  let out = up;
  for (const c of checks) out = `${out.slice(0, c.start)};${c.sql};${' '.repeat(c.end - c.start - c.sql.length - 2)}${out.slice(c.end)}`;
  return out;
}

/**
 * The changesets of a changelog's up text (the file without its rollbacks, at file positions),
 * as Liquibase tells them apart: by `author:id` (the file is the same). Each runs from its
 * `--changeset` line to the next one; the text before the first is keyed ''. Null when a key
 * is there twice (Liquibase refuses the file).
 */
export function changesetBlocks(up: string): Array<{ key: string; start: number; end: number }> | null {
  const blocks: Array<{ key: string; start: number; end: number }> = [{ key: '', start: 0, end: up.length }];
  for (const line of lines(up)) {
    const cs = CHANGESET.exec(line.text);
    if (!cs) continue;
    blocks[blocks.length - 1]!.end = line.start;
    blocks.push({ key: cs[1]!, start: line.start, end: up.length });
  }
  return new Set(blocks.map((b) => b.key)).size === blocks.length ? blocks : null;
}

/**
 * How the head's changelog adds to the base branch's: each changeset of the base branch's (and
 * the text before the first) is in the head with the same key and the same SQL (`same`: the
 * comparison of the checksum the caller stands by), in any order. `kept`: those, in the head;
 * `added`: the head's other changesets, new to Liquibase wherever they stand. Null when a base
 * changeset changed or went away, or when nothing was added.
 */
export function addedChangesets(baseUp: string, headUp: string, same: (a: string, b: string) => boolean): { kept: Array<[number, number]>; added: Array<[number, number]> } | null {
  const base = changesetBlocks(baseUp);
  const head = changesetBlocks(headUp);
  if (!base || !head) return null;
  const byKey = new Map(head.map((b) => [b.key, b]));
  const kept: Array<[number, number]> = [];
  for (const b of base) {
    const h = byKey.get(b.key);
    if (!h || !same(baseUp.slice(b.start, b.end), headUp.slice(h.start, h.end))) return null;
    byKey.delete(b.key);
    kept.push([h.start, h.end]);
  }
  const added = [...byKey.values()].map((b): [number, number] => [b.start, b.end]);
  return added.length > 0 ? { kept: kept.sort((a, b) => a[0] - b[0]), added } : null;
}
