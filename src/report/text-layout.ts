// Terminal columns, as opposed to string length: a tab reaches the next tab stop, a CJK
// character takes two columns, a combining accent none. The snippet marker and the tables are
// aligned in these units, so a source line with tabs or wide characters still lines up.
//
// string-width is loaded on demand (loadTextWidths): building its Unicode tables costs ~45 ms at
// import, a fifth of a one-file lint, and printable ASCII (nearly all SQL and messages) never
// needs it.

export const TAB_WIDTH = 4;

let stringWidthOf: ((s: string) => number) | undefined;

/** Loads what text beyond printable ASCII needs; the functions here throw TextWidthsNotLoaded for such text until it is done. */
export async function loadTextWidths(): Promise<void> {
  stringWidthOf ??= (await import('string-width')).default;
}

/** Text beyond printable ASCII was laid out before `await loadTextWidths()`. */
export class TextWidthsNotLoaded extends Error {
  constructor() {
    super('text layout: await loadTextWidths() before laying out text beyond printable ASCII');
  }
}

/** Colour codes (SGR, as picocolors writes them), which take no columns. */
const SGR = /\x1b\[[0-9;]*m/g;

function stringWidth(s: string): number {
  if (PRINTABLE_ASCII.test(s)) return s.length;
  // Coloured ASCII (every diagnostic's marker line on a terminal): string-width would strip the codes and count the rest.
  if (s.includes('\x1b')) {
    const plain = s.replace(SGR, '');
    if (PRINTABLE_ASCII.test(plain)) return plain.length;
  }
  if (!stringWidthOf) throw new TextWidthsNotLoaded();
  return stringWidthOf(s);
}

/** Built on first use: the first Intl.Segmenter of a process costs ~15 ms, and ASCII text never needs one. */
let segmenter: Intl.Segmenter | undefined;
const graphemes = (s: string) => (segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' })).segment(s);

/**
 * Printable ASCII (no tab, no control character): every character is one grapheme one column
 * wide, so the general path (graphemes, string-width) would give the same answer. Nearly every
 * line of SQL and every message is this, and a 10^5-finding report lays out hundreds of
 * thousands of them.
 */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function asciiStarts(length: number): number[] {
  const starts = new Array<number>(length + 1);
  for (let i = 0; i <= length; i++) starts[i] = i;
  return starts;
}

export interface LaidOutLine {
  /** The line as it is printed: tabs expanded to spaces, control characters made visible. */
  text: string;
  /**
   * Display column (0-based) at which each code point of the original line starts;
   * `starts[n]` for n = number of code points is the line's total width.
   */
  starts: number[];
}

/** Lays out one source line (no newline in it). Columns of the result count code points. */
export function layoutLine(line: string): LaidOutLine {
  if (PRINTABLE_ASCII.test(line)) return { text: line, starts: asciiStarts(line.length) };
  let text = '';
  const starts: number[] = [];
  let col = 0;
  for (const { segment } of graphemes(line)) {
    const cps = Array.from(segment);
    let shown: string;
    let width: number;
    if (segment === '\t') {
      width = TAB_WIDTH - (col % TAB_WIDTH);
      shown = ' '.repeat(width);
    } else if (/^[\u0000-\u001f\u007f]/.test(segment)) {
      // A stray \r or other control character would move the cursor: show a replacement mark.
      shown = '\uFFFD';
      width = 1;
    } else {
      shown = segment;
      width = stringWidth(segment);
    }
    // Every code point of a grapheme cluster starts where the cluster starts.
    for (let i = 0; i < cps.length; i++) starts.push(col);
    text += shown;
    col += width;
  }
  starts.push(col);
  return { text, starts };
}

/** Display width of a string (tabs count as if they started at column 0). */
export function displayWidth(s: string): number {
  return s.includes('\t') ? layoutLine(s).starts.at(-1)! : stringWidth(s);
}

/** Pads with spaces to `width` display columns. */
export function padEnd(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}

export function padStart(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : ' '.repeat(width - w) + s;
}

/** Cuts to at most `width` display columns, ending in `…` when something was cut. */
export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  if (width <= 1) return width === 1 ? '…' : '';
  let out = '';
  let w = 0;
  for (const { segment } of graphemes(s)) {
    const sw = stringWidth(segment);
    if (w + sw > width - 1) break;
    out += segment;
    w += sw;
  }
  return out + '…';
}

/**
 * Word-wraps prose to `width` display columns. Existing line breaks are kept; a word longer
 * than the width gets a line of its own rather than being split (it may be an identifier or
 * a URL that must stay whole to be copied).
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    // Indentation (of SQL in a suggestion) is kept, on continuation lines too.
    const indent = para.match(/^ */)![0];
    const words = para.split(/ +/).filter((w) => w !== '');
    if (words.length === 0) {
      lines.push('');
      continue;
    }
    let current = '';
    let currentWidth = 0;
    for (const word of words) {
      const w = displayWidth(word);
      if (current === '') {
        current = indent + word;
        currentWidth = indent.length + w;
      } else if (currentWidth + 1 + w <= width) {
        current += ' ' + word;
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
