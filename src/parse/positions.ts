// Offsets in three units meet here: libpg-query reports statement locations in UTF-8 bytes,
// its error cursor in characters (code points), and JavaScript strings index UTF-16 code
// units. Everything the parse stage returns is in UTF-16 offsets plus 1-based line/column,
// where the column counts characters the way an editor (and Postgres) does.

const SURROGATE = /[\uD800-\uDFFF]/;

/** UTF-8 length of the code unit at `i` (a surrogate pair counts 4 bytes for both units). */
function utf8Width(text: string, i: number): { bytes: number; units: number } {
  const c = text.charCodeAt(i);
  if (c < 0x80) return { bytes: 1, units: 1 };
  if (c < 0x800) return { bytes: 2, units: 1 };
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return { bytes: 4, units: 2 };
  }
  return { bytes: 3, units: 1 };
}

/**
 * Converts UTF-8 byte offsets of `text` to string offsets. Queries usually come in increasing
 * order (statements in file order), so it walks forward from the last answer instead of
 * building a table the size of the file.
 */
export class ByteOffsets {
  private readonly ascii: boolean;
  private byte = 0;
  private unit = 0;

  constructor(private readonly text: string) {
    this.ascii = Buffer.byteLength(text, 'utf8') === text.length;
  }

  toUnit(byteOffset: number): number {
    if (byteOffset <= 0) return 0;
    if (this.ascii) return Math.min(byteOffset, this.text.length);
    if (byteOffset < this.byte) {
      this.byte = 0;
      this.unit = 0;
    }
    while (this.byte < byteOffset && this.unit < this.text.length) {
      const w = utf8Width(this.text, this.unit);
      this.byte += w.bytes;
      this.unit += w.units;
    }
    return this.unit;
  }
}

/** String offset of the `cp`-th code point of `text` (0-based), clamped to the text. */
export function codePointToUnit(text: string, cp: number): number {
  if (cp <= 0) return 0;
  if (!SURROGATE.test(text)) return Math.min(cp, text.length);
  let unit = 0;
  for (let n = 0; n < cp && unit < text.length; n++) unit += utf8Width(text, unit).units;
  return unit;
}

/** Maps string offsets to 1-based line and column (column in code points). */
export class LineIndex {
  private readonly starts: number[] = [0];
  private readonly hasSurrogates: boolean;

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    this.hasSurrogates = SURROGATE.test(text);
  }

  position(offset: number): { line: number; column: number } {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = this.starts[lo]!;
    let column = at - lineStart + 1;
    if (this.hasSurrogates) {
      column = 1;
      for (let i = lineStart; i < at; ) {
        i += utf8Width(this.text, i).units;
        column++;
      }
    }
    return { line: lo + 1, column };
  }
}
