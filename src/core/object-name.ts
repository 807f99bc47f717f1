// The names PostgreSQL makes up for objects a statement does not name (indexes, constraints):
// makeObjectName in src/backend/commands/indexcmds.c, within NAMEDATALEN.

/** Postgres' NAMEDATALEN - 1: longer identifiers are truncated. */
const MAX_IDENT_BYTES = 63;

function truncateBytes(s: string, bytes: number): string {
  // Whole characters, as pg_mbcliplen clips: never half of a multibyte one.
  const chars = [...s];
  while (Buffer.byteLength(chars.join(''), 'utf8') > bytes) chars.pop();
  return chars.join('');
}

/**
 * Postgres' makeObjectName: `name1_name2_label`, shortening the longer of name1/name2 until
 * the whole fits 63 bytes. The plan names what it creates the way Postgres would have named
 * it, so the final schema matches what the original statement would have produced; the
 * analysis knows an unnamed key by the name Postgres gives it.
 */
export function makeObjectName(name1: string, name2: string | undefined, label: string): string {
  const overhead = Buffer.byteLength(label) + 1 + (name2 ? 1 : 0);
  const avail = MAX_IDENT_BYTES - overhead;
  let n1 = Buffer.byteLength(name1);
  let n2 = name2 ? Buffer.byteLength(name2) : 0;
  while (n1 + n2 > avail) {
    if (n1 > n2) n1--;
    else n2--;
  }
  const parts = [truncateBytes(name1, n1)];
  if (name2) parts.push(truncateBytes(name2, n2));
  parts.push(label);
  return parts.join('_');
}
