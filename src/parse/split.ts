// Finds the semicolon that ends a statement, the way psql does, so that one bad statement
// does not hide the good ones after it. Strings, dollar quotes and comments are recognised by
// Postgres' own scanner; only `BEGIN ATOMIC ... END` bodies of SQL-standard functions (whose
// inner semicolons do not end the statement) need tracking here.
import { scanSql, type Token } from './wasm.js';
import { ByteOffsets } from './positions.js';

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
 * Offset of the `;` that ends the statement starting at `start` (which must be outside any
 * string or comment), or the text's length when none does. The scanner is slow (about
 * 1 MB/s), so it reads a window that ends at a `;` found by plain search and widens it only
 * while that `;` turns out to be inside a literal or a BEGIN ATOMIC body.
 */
export function statementEnd(text: string, start: number, from: number = start): number {
  let candidate = text.indexOf(';', Math.max(start, from));
  for (;;) {
    const end = candidate === -1 ? text.length : candidate + 1;
    const window = text.slice(start, end);
    const scanned = scanSql(window);
    if (scanned.ok) {
      const bodies = new AtomicBodies();
      const bytes = new ByteOffsets(window);
      for (const token of scanned.value) if (bodies.endsStatement(token)) return start + bytes.toUnit(token.start);
    }
    // Not scannable to the end: an unterminated quote or comment swallows the rest, as in Postgres.
    if (candidate === -1) return text.length;
    // Doubling keeps the total scanning work linear when a long literal holds many `;`.
    candidate = text.indexOf(';', start + 2 * (end - start));
  }
}
