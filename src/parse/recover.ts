// Parses SQL text into statement extents, one bad statement at a time: the good statements
// around a syntax error are kept, and each bad one gets its own error at its own place.
import type { Node, ParseResult } from '@pgsql/types';
import { ByteOffsets, codePointToUnit } from './positions.js';
import { statementEnd } from './split.js';
import { readGap } from './trivia.js';
import { parseSql, type Outcome } from './wasm.js';

/** A statement's raw extent in the text: from its first token to its `;` (exclusive). */
export interface Range {
  start: number;
  end: number;
  ast: Node;
  /** True when the statement runs to the end of the text with no `;` after it. */
  open: boolean;
}

export interface RawError {
  offset: number;
  message: string;
}

type RawStmts = ReadonlyArray<{ stmt?: Node; stmt_location?: number; stmt_len?: number }>;
type Failure = Extract<Outcome<unknown>, { ok: false }>;

/**
 * Parses the text from `from` to `to`: parseSql of that slice, or the same outcome found
 * otherwise (parsed ahead on another thread, parse/prefetch.ts). Every parse of statementRanges
 * goes through it, in an order that depends on the text alone.
 */
export type ParseSlice = (from: number, to: number) => Outcome<ParseResult>;

/** How many `;` before an error are tried as the end of the last good statement. */
const BOUNDARY_TRIES = 8;

function toRanges(text: string, from: number, to: number, stmts: RawStmts): Range[] {
  const bytes = new ByteOffsets(text.slice(from, to));
  const ranges: Range[] = [];
  for (const raw of stmts) {
    if (raw.stmt === undefined) continue;
    const location = raw.stmt_location ?? 0;
    const start = from + bytes.toUnit(location);
    const end = raw.stmt_len ? from + bytes.toUnit(location + raw.stmt_len) : to;
    // Postgres gives no length to a statement with no `;`; only at the end of the text is it really open.
    ranges.push({ start, end, ast: raw.stmt, open: !raw.stmt_len && to === text.length });
  }
  return ranges;
}

function errorIn(text: string, from: number, to: number, failure: Failure): RawError {
  const offset =
    failure.cursor === undefined || failure.cursor === 0
      ? readGap(text, from, to).next
      : from + codePointToUnit(text.slice(from, to), failure.cursor);
  const message = failure.internal ? `the SQL parser failed on this statement: ${failure.message}` : failure.message;
  return { offset: Math.min(offset, to), message };
}

/**
 * The good statements between `from` and an error at `at`: tries the nearest `;` before the
 * error as the end of the last good statement. A candidate counts when the text up to it parses
 * and Postgres' last statement ends exactly there (so it is not inside a string or comment).
 */
function goodPrefix(text: string, from: number, at: number, parse: ParseSlice): { boundary: number; ranges: Range[] } {
  let candidate = at;
  for (let tries = 0; tries < BOUNDARY_TRIES; tries++) {
    candidate = candidate - 1 < from ? -1 : text.lastIndexOf(';', candidate - 1);
    if (candidate < from) break;
    const parsed = parse(from, candidate + 1);
    if (!parsed.ok) continue;
    const last = parsed.value.stmts?.[parsed.value.stmts.length - 1];
    if (last === undefined) break; // only comments and `;` before the error: nothing to keep
    if ((last.stmt_location ?? 0) + (last.stmt_len ?? 0) + 1 !== Buffer.byteLength(text.slice(from, candidate + 1), 'utf8')) continue;
    return { boundary: candidate + 1, ranges: toRanges(text, from, candidate, parsed.value.stmts ?? []) };
  }
  return { boundary: from, ranges: [] };
}

/**
 * The parser failed without naming a place (e.g. its stack overflowed on a 10,000-term
 * expression). Goes statement by statement until the statement that fails that way, yielding
 * the good ones, and returns where to resume parsing the rest as a whole.
 */
function* walkToFailure(text: string, from: number, errors: RawError[], parse: ParseSlice): Generator<Range, number> {
  let start = readGap(text, from, text.length).next;
  while (start < text.length) {
    const end = statementEnd(text, start, start);
    const alone = parse(start, end);
    if (alone.ok) yield* toRanges(text, start, end, alone.value.stmts ?? []);
    else errors.push(errorIn(text, start, end, alone));
    if (!alone.ok && alone.cursor === undefined) return end + 1;
    start = readGap(text, end + 1, text.length).next;
  }
  return text.length;
}

/**
 * Text parsed per call on the fast path. One call on a whole 20 MB file makes the parser build
 * a JSON tree of hundreds of MB inside WebAssembly memory (which never shrinks) and again as a
 * string in JavaScript; small pieces keep both small and parse faster in total. The JSON text
 * is about 8 times the SQL: at 8 KB a piece's stays under V8's large-object size (128 KB), so it
 * dies young, where the 530 KB text of a 64 KB piece waited in the large-object space for a full
 * collection (the 20 MB file parsed on its own thread: 700 -> 615 MB peak; 64 KB and 8 KB parse
 * the file equally fast, the corpus no slower).
 */
export const PIECE = 8 * 1024;

/**
 * Postgres' messages for text that ends too soon: inside a quoted string, quoted identifier,
 * dollar quote or comment ("unterminated ..."), or inside a statement ("... at end of input").
 * At a piece's end rather than the text's, that is the cut, not the SQL.
 */
const CUT_FAILURE = /^unterminated |at end of input$/;

/** Where the piece starting at `from` ends: just after the first `;` past `size` characters. */
function pieceEnd(text: string, from: number, size = PIECE): number {
  if (text.length - from <= size + size / 2) return text.length;
  const semi = text.indexOf(';', from + size);
  return semi === -1 ? text.length : semi + 1;
}

/**
 * Parses the text a piece at a time (the fast path). A piece ends at a `;` found by plain
 * search, which may be inside a string, comment or function body; that is safe, because
 * Postgres' lexer reads left to right: every statement closed by its `;` inside the piece is
 * the same as in the whole text, and only the last one can be cut. A cut statement that still
 * parses is left open and parsed again as the head of the next piece; one that does not goes
 * the way of a syntax error: the statements before the error are kept, the statement that
 * holds it is delimited by the scanner over the whole text and parsed alone, and parsing goes
 * on after that statement's `;`. Postgres stops at the first error, so each round costs about
 * the distance to the next error.
 *
 * Yields the statements in file order as each piece is parsed (a caller that is done with a
 * tree lets it go before the next piece is read); pushes syntax errors onto `errors`.
 */
export function* statementRanges(text: string, errors: RawError[], parse: ParseSlice = (from, to) => parseSql(text.slice(from, to))): Generator<Range, void> {
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
      // Keep the statements closed by their `;`; what follows the last of them (a cut
      // statement, or a comment the piece's `;` was in) is read again with the next piece.
      const kept = toRanges(text, from, to, last !== undefined && !last.stmt_len ? stmts.slice(0, -1) : stmts);
      if (kept.length === 0) {
        // One statement longer than the piece: a piece twice as long, up to the next `;` (not
        // the whole rest of the text, whose tree a large file would hold at once).
        to = pieceEnd(text, from, 2 * (to - from));
        continue;
      }
      from = kept[kept.length - 1]!.end + 1;
      to = pieceEnd(text, from);
      yield* kept;
      continue;
    }
    if (whole.cursor === undefined) {
      from = yield* walkToFailure(text, from, errors, parse);
      to = pieceEnd(text, from);
      continue;
    }
    // A piece whose `;` fell inside a literal, a comment or a BEGIN ATOMIC body fails for the
    // cut alone: it is read again twice as long (doubling keeps the re-reading linear). The
    // syntax-error path would parse it up to eight more times and scan the cut statement, which
    // made a file of PL/pgSQL functions (a `;` on every body line) parse about 5 times slower.
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
