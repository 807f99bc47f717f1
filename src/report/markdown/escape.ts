// Text into Markdown safely: table cells, inline code, and fenced blocks that cannot be closed
// early by the SQL they quote.

export function cell(text: string): string {
  return inert(text.replace(/\r?\n/g, ' ')).replace(/\|/g, '\\|').trim();
}

export function code(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

export function fenced(lang: string, body: string): string {
  const longest = Math.max(2, ...(body.match(/`{3,}/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${body}\n${fence}`;
}

/** Plain prose in Markdown: text a pull request controls (names, paths, messages) renders as itself. */
export function prose(text: string): string {
  return inert(text);
}

/**
 * Whether text a table cell shows reads back as itself when copied from the rendered comment: one
 * line, no `|`, no run of spaces (a cell collapses it, also inside a string literal), and nothing
 * `inert` changes beyond entities (its zero-width space after `@` breaks `@>`).
 */
export function copiesFromCell(text: string): boolean {
  const t = text.trim();
  return !/[\r\n|]| {2}/.test(t) && inert(t) === entities(t);
}

function entities(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const ZWSP = '\u200b';

/**
 * Makes text inert in GitHub Markdown: no HTML or entities, no link, image or autolink, no
 * @-mention (a team mention notifies the whole team), no #123 cross-reference. A SQL identifier
 * may be any string at all, so every user-controlled string passes through here (or `code`).
 * A zero-width space breaks what GitHub would otherwise turn into a mention or a link.
 */
function inert(text: string): string {
  return entities(text)
    .replace(/([[\]])/g, '\\$1')
    .replace(/@/g, `@${ZWSP}`)
    .replace(/#(?=\d)/g, `#${ZWSP}`)
    .replace(/\b(https?|ftp)(?=:\/\/)/gi, `$1${ZWSP}`)
    .replace(/\bwww\./gi, `www${ZWSP}.`);
}

/**
 * The longest start of `text`, at most `max` characters, that ends at a line break outside every
 * fenced block: a comment cut to fit GitHub's size limit never ends in half a SQL block (which
 * would show the start of a statement as if it were the whole advice).
 */
export function cutOutsideFences(text: string, max: number): string {
  if (text.length <= max) return text;
  const limit = Math.max(0, text.lastIndexOf('\n', max));
  let open: { at: number; fence: number } | null = null;
  let pos = 0;
  while (pos < limit) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(pos, end);
    const m = /^\s*(`{3,})/.exec(line);
    if (m) {
      if (!open) open = { at: pos, fence: m[1]!.length };
      else if (m[1]!.length >= open.fence && /^\s*`+\s*$/.test(line)) open = null;
    }
    pos = end + 1;
  }
  return text.slice(0, open ? open.at : limit);
}
