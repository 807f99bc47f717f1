// Splits SQL text at the semicolons that end statements, the way psql does, so that one bad
// statement does not hide the good ones around it. Strings, dollar quotes and comments are
// recognised by Postgres' own scanner; only `BEGIN ATOMIC ... END` bodies of SQL-standard
// functions (whose inner semicolons do not end the statement) need tracking here.
import { ByteOffsets } from './positions.js';
import { scanSql, type Token } from './wasm.js';

/** A piece of the text: [start, end) string offsets, `end` at the `;` (or the end of the text). */
export interface Piece {
  start: number;
  end: number;
}

/** The scanner's token list is ~100 bytes of JSON per token; scan big texts in slices of about this many characters. */
const SLICE = 256 * 1024;

/** Tracks CREATE FUNCTION/PROCEDURE ... BEGIN ATOMIC ... END nesting within one piece. */
class AtomicBodies {
  private head: string[] = [];
  private depth = 0;
  private previous = '';

  /** Feeds one token; returns true when a `;` here ends the statement. */
  endsStatement(token: Token): boolean {
    const word = token.text.toLowerCase();
    if (word === ';') {
      if (this.depth > 0) return false;
      this.reset();
      return true;
    }
    if (token.tokenName === 'SQL_COMMENT' || token.tokenName === 'C_COMMENT') return false;
    if (this.head.length < 4) this.head.push(word);
    if (this.inRoutine()) {
      if (word === 'atomic' && this.previous === 'begin') this.depth++;
      else if (this.depth > 0 && word === 'case') this.depth++;
      else if (this.depth > 0 && word === 'end') this.depth--;
    }
    this.previous = word;
    return false;
  }

  private inRoutine(): boolean {
    const h = this.head;
    if (h[0] !== 'create') return false;
    const kind = h[1] === 'or' && h[2] === 'replace' ? h[3] : h[1];
    return kind === 'function' || kind === 'procedure';
  }

  private reset(): void {
    this.head = [];
    this.depth = 0;
    this.previous = '';
  }
}

/**
 * Scans `text` in slices that each end at a `;` the scanner confirms as a real token, so a
 * slice never starts inside a string or comment. When the rest of the text cannot be scanned
 * (an unterminated quote or comment), the rest becomes one piece: Postgres would read it as
 * one unterminated token too.
 */
export function splitStatements(text: string): Piece[] {
  const pieces: Piece[] = [];
  const bodies = new AtomicBodies();
  let pieceStart = 0;
  let sliceStart = 0;

  while (sliceStart < text.length) {
    let candidate = text.length <= sliceStart + SLICE ? -1 : text.indexOf(';', sliceStart + SLICE);
    let tokens: Token[] | undefined;
    let sliceEnd = text.length;
    for (;;) {
      sliceEnd = candidate === -1 ? text.length : candidate + 1;
      const scanned = scanSql(text.slice(sliceStart, sliceEnd));
      if (scanned.ok) {
        const last = scanned.value[scanned.value.length - 1];
        const slice = text.slice(sliceStart, sliceEnd);
        const endsAtSemicolon = last !== undefined && last.text === ';' && last.end === Buffer.byteLength(slice, 'utf8');
        if (candidate === -1 || endsAtSemicolon) {
          tokens = scanned.value;
          break;
        }
      }
      if (candidate === -1) break;
      // Doubling the slice keeps the total scanning work linear when a long literal holds many `;`.
      candidate = text.indexOf(';', sliceStart + 2 * (sliceEnd - sliceStart));
    }
    if (tokens === undefined) {
      pieces.push({ start: pieceStart, end: text.length });
      return pieces;
    }
    const bytes = new ByteOffsets(text.slice(sliceStart, sliceEnd));
    for (const token of tokens) {
      if (!bodies.endsStatement(token)) continue;
      const at = sliceStart + bytes.toUnit(token.start);
      pieces.push({ start: pieceStart, end: at });
      pieceStart = at + 1;
    }
    sliceStart = sliceEnd;
  }
  if (pieceStart < text.length) pieces.push({ start: pieceStart, end: text.length });
  return pieces;
}
