// A migration file's bytes as text: strict UTF-8, a byte order mark dropped, and every way that
// goes wrong (binary, not UTF-8, too big) a one-line error with a place. Here, below both stages
// that read files: discovery decodes the files it lists, the parse stage the files it is given.
import type { ParseError } from './types.js';

/** Files above this are refused: no real migration is that large, and parsing it would need gigabytes. */
export const MAX_SQL_BYTES = 64 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; error: ParseError };

export function readFailure(path: string, message: string, line = 1, column = 1): ReadResult {
  return { ok: false, error: { path, line, column, message } };
}

export function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Index of the first byte that does not begin a valid UTF-8 sequence (overlong forms,
 * surrogates and values above U+10FFFF are invalid, as in the WHATWG decoder).
 */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** 1-based line and column (in characters) of byte `offset` (invalid bytes before it count as one character each). */
function placeOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 1;
  for (let i = before.indexOf('\n'); i !== -1; i = before.indexOf('\n', i + 1)) line++;
  return { line, column: [...before.slice(lineStart)].length + 1 };
}

/** Decodes a migration file's bytes: strict UTF-8, BOM removed. */
export function decodeSql(bytes: Uint8Array, displayPath: string): ReadResult {
  if (bytes.length > MAX_SQL_BYTES) {
    return readFailure(displayPath, `file is too large to parse (${megabytes(bytes.length)}; the limit is ${megabytes(MAX_SQL_BYTES)})`);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, column } = placeOfByte(bytes, nul);
    return readFailure(displayPath, 'binary file (contains NUL bytes), not SQL text', line, column);
  }
  try {
    // The default (ignoreBOM: false) drops a leading byte order mark, which is what we want.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const bad = Math.max(0, firstInvalidByte(bytes));
    const { line, column } = placeOfByte(bytes, bad);
    const hex = bytes[bad]?.toString(16).padStart(2, '0') ?? '??';
    return readFailure(displayPath, `file is not valid UTF-8: invalid byte 0x${hex} at line ${line}, column ${column}`, line, column);
  }
}
