// Text helpers shared by the layouts: decoding file bytes, keeping one section of a file at
// its original positions, and telling whether some SQL holds anything but comments.

const decoder = new TextDecoder('utf-8');

/** UTF-8 bytes to a string; a leading BOM is dropped so line 1 columns match what editors show. */
export function decodeText(bytes: Uint8Array | string): string {
  const text = typeof bytes === 'string' ? bytes : decoder.decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A half-open range of string offsets, [start, end). */
export type Range = readonly [start: number, end: number];

/**
 * The whole text with everything outside `keep` replaced by spaces; line breaks stay, so a
 * position found in the result is the same position in the file. This is how an in-file section
 * (dbmate up, goose down, Liquibase rollback lines) becomes an SqlSource.
 */
export function keepRanges(text: string, keep: readonly Range[]): string {
  const sorted = [...keep].sort((a, b) => a[0] - b[0]);
  let out = '';
  let pos = 0;
  for (const [start, end] of sorted) {
    const s = Math.max(start, pos);
    const e = Math.min(Math.max(end, s), text.length);
    out += blank(text.slice(pos, s)) + text.slice(s, e);
    pos = e;
  }
  return out + blank(text.slice(pos));
}

function blank(segment: string): string {
  return segment.replace(/[^\r\n]/g, ' ');
}

/** One line of a text with its offsets; `end` excludes the line break. */
export interface Line {
  number: number;
  start: number;
  end: number;
  text: string;
}

export function lines(text: string): Line[] {
  const result: Line[] = [];
  const re = /\r?\n|\r/g;
  let start = 0;
  let number = 1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    result.push({ number, start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
    number++;
  }
  result.push({ number, start, end: text.length, text: text.slice(start) });
  return result;
}

/**
 * Lines as the Go runners (goose's bufio.Scanner, dbmate's multi-line regexps) see them: only
 * `\n` ends a line, and a `\r` right before it is not part of the line. A lone `\r` is inside
 * a line for them (Postgres still ends a `--` comment there), so a marker after one is no marker.
 */
export function lfLines(text: string): Line[] {
  const result: Line[] = [];
  let start = 0;
  let number = 1;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const stop = nl < 0 ? text.length : nl;
    const end = stop > start && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
    result.push({ number, start, end, text: text.slice(start, end) });
    if (nl < 0) return result;
    start = nl + 1;
    number++;
  }
}

/**
 * True when the SQL has nothing to run: only whitespace and comments. Used to record a
 * rollback that exists but is empty (a common placeholder in pop and golang-migrate folders).
 */
export function isBlankSql(text: string): boolean {
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '-' && text[i + 1] === '-') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl + 1;
    } else if (c === '/' && text[i + 1] === '*') {
      // Postgres block comments nest.
      let depth = 1;
      i += 2;
      while (i < text.length && depth > 0) {
        if (text[i] === '/' && text[i + 1] === '*') (depth++, (i += 2));
        else if (text[i] === '*' && text[i + 1] === '/') (depth--, (i += 2));
        else i++;
      }
    } else if (/\s|;/.test(c)) {
      i++;
    } else {
      return false;
    }
  }
  return true;
}
