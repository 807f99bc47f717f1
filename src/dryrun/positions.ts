// Maps a Postgres error back to the file: its `position` is 1-based, in characters (code
// points) of the statement text we sent, which starts at the statement's offset in the file.
import type { DryRunError, Statement } from '../core/types.js';
import type { DbErrorInfo } from './sandbox.js';

/** 1-based line and column (in code points) of a UTF-16 offset in `text`. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: [...text.slice(lineStart, offset)].length + 1 };
}

/** UTF-16 index of the `n`th code point (0-based) of `s`. */
function codePointIndex(s: string, n: number): number {
  let i = 0;
  for (let k = 0; k < n && i < s.length; k++) {
    const c = s.codePointAt(i)!;
    i += c > 0xffff ? 2 : 1;
  }
  return i;
}

export function errorAt(err: DbErrorInfo, stmt: Statement, sourceText: string): DryRunError {
  let line = stmt.line;
  let column = stmt.column;
  if (err.position !== undefined && err.position >= 1 && err.position <= [...stmt.text].length + 1) {
    const at = lineColumnAt(sourceText, stmt.start + codePointIndex(stmt.text, err.position - 1));
    line = at.line;
    column = at.column;
  }
  return { sqlstate: err.sqlstate, message: err.message, path: stmt.path, line, column };
}
