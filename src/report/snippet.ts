// A quoted piece of source with line numbers and a `^^^` marker, as rustc prints it:
//
//   --> db/migrations/0042.up.sql:3:1
//    |
//  3 | CREATE INDEX orders_created_at_idx ON orders (created_at);
//    | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
//
// Columns are code points (as the parser reports them); the marker is placed in display
// columns after tab expansion, so it stays under the right characters.
import { layoutLine } from './text-layout.js';

export interface SnippetStyle {
  gutter: (s: string) => string;
  marker: (s: string) => string;
  label: (s: string) => string;
}

export interface SnippetRequest {
  /** The whole source, split at `\n`. */
  lines: readonly string[];
  /** 1-based line of the marker, and the code-point columns it covers: [from, to). */
  line: number;
  fromColumn: number;
  /** Exclusive; when absent the marker covers the word (or single character) at `fromColumn`. */
  toColumn?: number;
  /** Further lines to show after the marked one (the rest of a multi-line statement). */
  lastLine?: number;
  /** At most this many lines after the marked one; more are elided with `...`. */
  maxExtraLines?: number;
  /** Text after the marker, on the same line. */
  label?: string;
  /** Width of the line-number gutter (so all snippets of a file can align); default: fits `lastLine`. */
  gutterWidth?: number;
}

export function gutterWidthFor(lastLine: number): number {
  return String(lastLine).length;
}

/** The `  --> path:line:col` line that introduces a snippet. */
export function locationLine(path: string, line: number, column: number, gutterWidth: number, style: SnippetStyle): string {
  return `${' '.repeat(gutterWidth)}${style.gutter('-->')} ${path}:${line}:${column}`;
}

export function renderSnippet(req: SnippetRequest, style: SnippetStyle): string[] {
  const last = Math.max(req.line, Math.min(req.lastLine ?? req.line, req.lines.length));
  const gw = req.gutterWidth ?? gutterWidthFor(last);
  const blank = ' '.repeat(gw);
  const bar = style.gutter('|');
  const out: string[] = [`${blank} ${bar}`];

  const sourceLine = (n: number) => stripCr(req.lines[n - 1] ?? '');
  const codeLine = (n: number) => {
    const text = layoutLine(sourceLine(n)).text.trimEnd();
    return `${style.gutter(String(n).padStart(gw))} ${bar}${text ? ' ' + text : ''}`;
  };

  out.push(codeLine(req.line));
  const raw = sourceLine(req.line);
  const laid = layoutLine(raw);
  const cps = laid.starts.length - 1;
  const from = clamp(req.fromColumn - 1, 0, cps);
  const to = clamp((req.toColumn ?? wordEnd(raw, req.fromColumn)) - 1, from, cps);
  const startCol = laid.starts[from]!;
  const width = Math.max(1, laid.starts[to]! - startCol);
  const label = req.label ? ' ' + style.label(req.label) : '';
  out.push(`${blank} ${bar} ${' '.repeat(startCol)}${style.marker('^'.repeat(width))}${label}`);

  const maxExtra = req.maxExtraLines ?? Infinity;
  const extra = last - req.line;
  const shown = extra > maxExtra ? Math.max(0, maxExtra - 1) : extra;
  for (let n = req.line + 1; n <= req.line + shown; n++) out.push(codeLine(n));
  if (shown < extra) out.push(`${style.gutter('...')}`);
  return out;
}

/** Exclusive 1-based column just past the word starting at `column` (at least one character). */
function wordEnd(line: string, column: number): number {
  const cps = Array.from(line);
  let i = column - 1;
  if (i >= cps.length) return column + 1;
  const isWord = (ch: string) => /[\p{L}\p{N}_$]/u.test(ch);
  if (cps[i] === '"') {
    // A quoted identifier: mark through the closing quote.
    let j = i + 1;
    while (j < cps.length && cps[j] !== '"') j++;
    return Math.min(j + 1, cps.length) + 1;
  }
  if (!isWord(cps[i]!)) return column + 1;
  while (i < cps.length && isWord(cps[i]!)) i++;
  return i + 1;
}

function stripCr(s: string): string {
  return s.endsWith('\r') ? s.slice(0, -1) : s;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}

/** Exclusive end column of a line's content without trailing whitespace (code points, 1-based). */
export function contentEnd(line: string): number {
  return Array.from(stripCr(line).trimEnd()).length + 1;
}
