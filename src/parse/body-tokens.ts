// A SQL or PL/pgSQL routine body as what it does, not how it is laid out: the parser keeps a
// function's body as the string it was written as, so a formatter's pass (pg_format re-indents
// bodies and upper-cases their keywords: lemmy's 6f45f801cc) looks like a new function. Outside
// quotes, case and the amount of white space mean nothing in either language, nor do comments.

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}_$]/u.test(c);
}

/**
 * The body with comments removed, white space between two words kept as one space and
 * dropped elsewhere, and everything outside quotes lower-cased. Quoted strings, quoted
 * identifiers and dollar-quoted strings are kept exactly.
 */
export function routineBodyTokens(body: string): string {
  // Pieces joined once at the end, and the last character kept aside: reading the end of a
  // string built with += flattens it each time, which made a 100 KB file quadratic.
  const out: string[] = [];
  let last: string | undefined;
  let pendingSpace = false;
  let i = 0;
  const push = (s: string) => {
    if (pendingSpace && isWordChar(last) && isWordChar(s[0])) out.push(' ');
    pendingSpace = false;
    out.push(s);
    last = s[s.length - 1];
  };
  while (i < body.length) {
    const c = body[i]!;
    if (isSpace(c)) {
      pendingSpace = true;
      i++;
    } else if (c === '-' && body[i + 1] === '-') {
      while (i < body.length && body[i] !== '\n') i++;
      pendingSpace = true;
    } else if (c === '/' && body[i + 1] === '*') {
      let depth = 0;
      do {
        if (body[i] === '/' && body[i + 1] === '*') { depth++; i += 2; } else if (body[i] === '*' && body[i + 1] === '/') { depth--; i += 2; } else i++;
      } while (i < body.length && depth > 0);
      pendingSpace = true;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      for (; j < body.length; j++) {
        if (body[j] === c) {
          if (body[j + 1] === c) j++;
          else break;
        } else if (c === "'" && body[j] === '\\' && (last === 'e' || last === 'E')) j++;
      }
      push(body.slice(i, j + 1));
      i = j + 1;
    } else if (c === '$' && !isWordChar(last) && /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.test(body.slice(i, i + 66))) {
      const tag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(body.slice(i, i + 66))![0];
      const end = body.indexOf(tag, i + tag.length);
      const stop = end < 0 ? body.length : end + tag.length;
      push(body.slice(i, stop));
      i = stop;
    } else {
      let j = i;
      while (j < body.length && !isSpace(body[j]!) && !"'\"".includes(body[j]!) && !(body[j] === '-' && body[j + 1] === '-') && !(body[j] === '/' && body[j + 1] === '*') && !(body[j] === '$' && j > i && !isWordChar(body[j - 1]))) j++;
      if (j === i) j = i + 1;
      push(body.slice(i, j).toLowerCase());
      i = j;
    }
  }
  return out.join('');
}
