// Postgres' lexer takes time quadratic in the nesting depth of block comments (20,000 levels:
// ~4 s; a 20 MB file of `/*` would run for days). Real SQL never nests comments more than a
// few levels, so a file that does is refused before it reaches the parser.

export const MAX_COMMENT_DEPTH = 10_000;

/**
 * Offset where `/*` nesting first exceeds the limit, counting every `/*` and `*\/` in the text
 * (inside strings too: an overestimate, which only matters for absurd files), or -1.
 */
export function tooDeepComments(text: string, limit = MAX_COMMENT_DEPTH): number {
  let depth = 0;
  for (let i = text.indexOf('*'); i !== -1; i = text.indexOf('*', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 0x2f /* / */) {
      if (++depth > limit) return i - 1;
    } else if (text.charCodeAt(i + 1) === 0x2f && depth > 0) {
      depth--;
      i++;
    }
  }
  return -1;
}
