// The parse stage: SQL text in, statements with file positions out. Bad SQL is data (errors
// with line and column), never an exception; so is anything the WebAssembly parser throws.
import type { Node } from '@pgsql/types';
import type { MetaCommand, ParsedSource, ParseError, ParseNote, SqlSource, Statement } from '../core/types.js';
import { MAX_COMMENT_DEPTH, tooDeepComments } from './guard.js';
import { innerStatements } from './plpgsql.js';
import { ByteOffsets, LineIndex } from './positions.js';
import { startPrefetch, type Prefetch } from './prefetch.js';
import { preprocess, type MetaCommandAt } from './preprocess.js';
import { statementRanges, type RawError } from './recover.js';
import { readGap, trimEnd } from './trivia.js';
import { initParser, parseSql, parserReady, scanSql } from './wasm.js';
import { holdYoungGeneration } from '../core/young-generation.js';
import { newerSyntaxMessage } from './newer-syntax.js';

export interface ParseOptions {
  /**
   * Values for `${name}` placeholders (Flyway, Liquibase). A placeholder without a value is
   * parsed as a neutral identifier of the same length, and a note says so.
   */
  placeholders?: Record<string, string>;
  /** The file is rendered as a Go template before it runs (pop): `{{ ... }}` actions are placeholders too. */
  goTemplates?: boolean;
  /**
   * goose's `-- +goose ENVSUB ON`: goose replaces `$NAME`, `${NAME}` and `${NAME:-default}` (and
   * the other shell forms) with the deploy's environment, in strings and comments too, so each is
   * a placeholder the review has no value for.
   */
  envsub?: boolean;
  /**
   * A large text may be parsed on a worker thread while the caller reads the statements
   * already parsed (parse/prefetch.ts): for a caller that does real work per statement, on a
   * machine with an idle core. The result is the same either way. `{ worker }`: the same, with
   * that script as the worker's code instead of dist/parse-worker.js (tests run it from the sources).
   */
  parseAhead?: boolean | { worker: URL };
}

/** Most statements have no comments before them: one shared empty list (a file holds 10^5 statements). */
const NO_COMMENTS: readonly string[] = Object.freeze([]);

/**
 * Receives each statement as soon as it is parsed (a nested statement right after its parent);
 * the result holds what it returns. A caller that has read a statement's tree can return the
 * statement without it, so a large file never holds every tree at once.
 */
export type StatementSink = (statement: Statement) => Statement;

/** Cuts comments that trail the file's last statement when it has no `;` (Postgres counts them in). */
function endWithoutTrailingComments(text: string, start: number, end: number): number {
  const slice = text.slice(start, end);
  if (slice.length > 1_000_000 || !(slice.includes('--') || slice.includes('/*'))) return end;
  const scanned = scanSql(slice);
  if (!scanned.ok) return end;
  const last = [...scanned.value].reverse().find((t) => t.tokenName !== 'SQL_COMMENT' && t.tokenName !== 'C_COMMENT');
  if (last === undefined) return end;
  return start + new ByteOffsets(slice).toUnit(last.end);
}

function describe(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0]!.slice(0, 300);
}

/**
 * Parses one SQL text into statements (in file order; statements found inside a DO block or
 * PL/pgSQL body follow their parent, with `nestedIn`), errors and notes. Synchronous; call
 * `await initParser()` once first. Never throws.
 *
 * `line`, `column`, `start` and `end` refer to the text as given. `text` is the SQL as parsed:
 * the same characters, except psql meta-commands blanked, psql variables and `${name}`
 * placeholders filled in (so it is what a dry-run should execute).
 */
export function parseSource(src: SqlSource, opts: ParseOptions = {}, sink: StatementSink = (s) => s): ParsedSource {
  const path = src.path;
  const result: ParsedSource = { path, statements: [], errors: [], notes: [] };
  if (!parserReady()) {
    result.errors.push({ path, line: 1, column: 1, message: 'internal error: the SQL parser was not loaded (initParser() must be awaited first)' });
    return result;
  }
  const original = typeof src.text === 'string' ? src.text : '';
  let prefetch: Prefetch | null = null;
  try {
    const lines = new LineIndex(original);
    const pre = preprocess(original, opts.placeholders ?? {}, opts.goTemplates === true, opts.envsub === true);
    const where = (offset: number) => lines.position(pre.map.toOriginal(offset));
    const note = (offset: number, message: string): ParseNote => ({ path, ...where(offset), message });
    for (const n of pre.notes) result.notes.push({ path, ...lines.position(n.offset), message: n.message });

    const text = pre.text;
    const deep = tooDeepComments(text);
    if (deep !== -1) {
      result.errors.push({ path, ...where(deep), message: `comments nested more than ${MAX_COMMENT_DEPTH} levels deep; the file is not parsed` });
      return result;
    }
    const errors: RawError[] = [];
    let previousEnd = 0;
    const wanted = opts.parseAhead;
    prefetch = wanted === true ? startPrefetch(text) : wanted ? startPrefetch(text, wanted.worker) : null;
    const ahead = prefetch;
    const parse = ahead ? (from: number, to: number) => ahead.take(from, to) ?? parseSql(text.slice(from, to)) : undefined;
    for (const range of statementRanges(text, errors, parse)) {
      const gap = readGap(text, previousEnd, range.start);
      const lead = readGap(text, range.start, range.end);
      const first = lead.next;
      let end = trimEnd(text, first, range.end);
      if (range.open) end = trimEnd(text, first, endWithoutTrailingComments(text, first, end));
      previousEnd = range.end;
      const statementText = text.slice(first, end);
      const parentIndex = result.statements.length;
      // Every field in the literal itself (no spread): V8 then keeps them all inside the object,
      // where a spread in the middle put the rest in a second block (10^5 statements held 2 of each).
      const at = where(first);
      holdYoungGeneration();
      result.statements.push(sink({
        index: parentIndex,
        path,
        line: at.line,
        column: at.column,
        start: pre.map.toOriginal(first),
        end: pre.map.toOriginal(end),
        text: statementText,
        ast: range.ast,
        comments: gap.comments.length + lead.comments.length === 0 ? NO_COMMENTS : [...gap.comments, ...lead.comments],
      }));
      const inner = innerStatementsSafely(statementText, first, range.ast);
      if (inner === undefined) continue;
      for (const n of inner.notes) result.notes.push(note(n.offset, n.message));
      for (const s of inner.statements) {
        const place = where(s.start);
        const nested: Statement = {
          index: result.statements.length,
          path,
          line: place.line,
          column: place.column,
          start: pre.map.toOriginal(s.start),
          end: pre.map.toOriginal(s.end),
          text: s.text,
          ast: s.ast,
          comments: NO_COMMENTS,
          nestedIn: { statement: parentIndex, kind: inner.kind },
        };
        result.statements.push(sink(nested));
      }
    }
    const located: Array<{ offset: number; error: ParseError }> = errors.map((e) => ({
      offset: e.offset,
      error: { path, ...where(e.offset), message: newerSyntaxMessage(text, e.offset, e.message, atStatementStart(text, e.offset)) ?? e.message },
    }));
    for (const l of located.sort((a, b) => a.offset - b.offset)) result.errors.push(l.error);
    result.notes.sort((a, b) => a.line - b.line || a.column - b.column);
    if (pre.metaCommands.length > 0) result.metaCommands = metaCommands(pre.metaCommands, result.statements, lines);
    if (pre.unknownPlaceholders.length > 0) result.unknownPlaceholders = pre.unknownPlaceholders.map((u) => ({ ...lines.position(u.offset), kind: u.kind, name: u.name, shown: u.shown, written: u.written, standIn: u.standIn }));
  } catch (e) {
    // Last resort: nothing above is meant to throw, but a parse stage that throws takes the whole review down.
    result.errors.push({ path, line: 1, column: 1, message: `internal error while parsing: ${describe(e)}` });
  } finally {
    prefetch?.stop();
  }
  return result;
}

const META_NAME = /^\\([A-Za-z_]+|[^A-Za-z_\s])/;

/**
 * The meta-commands with their positions, names and arguments; a command that sends the query
 * buffer (`\g`, `\gexec`, ...) with the statement it sends: the last one that ends before it.
 */
function metaCommands(found: readonly MetaCommandAt[], statements: readonly Statement[], lines: LineIndex): MetaCommand[] {
  const top = statements.filter((s) => !s.nestedIn);
  let next = 0;
  return found.map(({ offset, command, sends }) => {
    const name = META_NAME.exec(command)?.[1] ?? '';
    const meta: MetaCommand = { ...lines.position(offset), name, argument: command.slice(name.length + 1).trim() };
    while (next < top.length && top[next]!.end <= offset) next++;
    const sent = top[next - 1];
    if (sends && sent) meta.sends = sent.text;
    return meta;
  });
}

function innerStatementsSafely(text: string, start: number, ast: Node): ReturnType<typeof innerStatements> {
  try {
    return innerStatements(text, start, ast);
  } catch (e) {
    return { kind: 'DoStmt' in ast ? 'do-block' : 'function-body', statements: [], notes: [{ offset: start, message: `did not look inside the PL/pgSQL body: ${describe(e)}` }] };
  }
}

/**
 * Only whitespace, comments and `;` between the previous `;` (or the file's start) and `offset`.
 * A forward scan with readGap: linear in the gap, whatever an attacker puts in it.
 */
function atStatementStart(text: string, offset: number): boolean {
  const previous = text.lastIndexOf(';', offset - 1);
  return readGap(text, previous + 1, offset).next >= offset;
}

/**
 * A text's top-level statements, the parser loaded first: how the stage that runs discovery
 * reads a file's statements for it (DiscoverOptions.statements; discovery sits below parsing).
 */
export async function topLevelStatements(path: string, text: string): Promise<Statement[]> {
  await initParser();
  return parseSource({ path, text }).statements.filter((s) => !s.nestedIn);
}
