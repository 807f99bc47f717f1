// What lies between two statements: whitespace, comments and stray semicolons. The parser
// has already said where statements start, so the gap holds nothing else and these few rules
// (Postgres' comment syntax: `--` to end of line, `/* */` that nest) are all it takes.

export interface Gap {
  /** Offset of the first character that is not whitespace, a comment or `;` (or `to`). */
  next: number;
  /** Comment texts without their markers, trimmed; empty comments left out. */
  comments: string[];
}

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

export function readGap(text: string, from: number, to: number): Gap {
  const comments: string[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === 0x3b /* ; */) {
      i++;
    } else if (c === 0x2d /* - */ && text.charCodeAt(i + 1) === 0x2d) {
      let eol = text.indexOf('\n', i);
      if (eol === -1 || eol > to) eol = to;
      pushComment(comments, text.slice(i + 2, eol));
      i = eol;
    } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const end = blockCommentEnd(text, i, to);
      pushComment(comments, text.slice(i + 2, end - (text.startsWith('*/', end - 2) && end - 2 >= i + 2 ? 2 : 0)));
      i = end;
    } else {
      break;
    }
  }
  return { next: Math.min(i, to), comments };
}

function pushComment(comments: string[], body: string): void {
  const trimmed = body.trim();
  if (trimmed !== '') comments.push(trimmed);
}

/** End (exclusive) of the block comment opening at `from`; nested comments count. */
function blockCommentEnd(text: string, from: number, to: number): number {
  let depth = 0;
  let i = from;
  while (i < to) {
    if (text.startsWith('/*', i)) {
      depth++;
      i += 2;
    } else if (text.startsWith('*/', i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  return to;
}

/** End of `text[from, to)` with trailing whitespace removed. */
export function trimEnd(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}
