// Which ALTER COLUMN ... TYPE changes PostgreSQL does without rewriting the table: the binary-
// coercible ones and the typmod widenings its support functions recognise. Measured on PG 15
// (relfilenode unchanged): varchar->text, text->varchar, varchar(n)->varchar(m>n),
// numeric(p,s)->numeric(p2>p,s), numeric(p,s)->numeric, timestamp(3)->timestamp(6), cidr->inet,
// varbit(4)->varbit(8), timestamp->timestamptz with TimeZone=UTC, USING col::text (a plain cast).
// Rewrote: text->varchar(5), USING lower(col), timestamptz(6)->timestamptz(3).
// Also without a rewrite (pg_cast castmethod 'b' and the typmod support functions):
// text/varchar <-> citext, interval(3)->interval(6) or interval, time(0)->time.

export type TypeChange =
  | { effect: 'none' }
  /** No table rewrite, but the column's indexes change operator class and are rebuilt. */
  | { effect: 'index-rebuild' }
  | { effect: 'utc-only' }
  | { effect: 'rewrite'; mayFail: boolean; limit?: number };

interface ParsedType {
  base: string;
  mods: number[];
  array: boolean;
}

export function parseType(text: string): ParsedType {
  const array = text.endsWith('[]');
  const core = text.replace(/(\[\])+$/, '');
  const m = /^([^()]+?)(?:\(([^)]*)\))?$/.exec(core);
  const base = (m?.[1] ?? core).trim();
  const mods = (m?.[2] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '').map(Number);
  return { base, mods, array };
}

// text, varchar and citext convert to each other without a function (pg_cast castmethod 'b',
// and the citext extension's casts WITHOUT FUNCTION); only a new length limit needs a check.
const STRINGS = new Set(['varchar', 'text', 'citext']);
const TIMES = new Set(['timestamp', 'timestamptz', 'time', 'timetz', 'interval']);
/** Other binary-coercible pairs from pg_cast (castmethod 'b') a migration may meet. */
const BINARY = new Set(['cidr>inet', 'xml>text', 'xml>varchar', 'int4>oid', 'oid>int4', 'int8>int8', 'integer>oid', 'oid>integer', 'bit>varbit']);

/** Without a limit, widening; returns false when `to` is narrower than `from`. */
function widens(from: number | undefined, to: number | undefined): boolean {
  if (to === undefined) return true;
  if (from === undefined) return false;
  return to >= from;
}

export function typeChange(oldText: string, newText: string, pgVersion: number): TypeChange {
  if (oldText === newText) return { effect: 'none' };
  const a = parseType(oldText);
  const b = parseType(newText);
  if (a.array || b.array) return { effect: 'rewrite', mayFail: false };
  if (STRINGS.has(a.base) && STRINGS.has(b.base)) {
    const from = a.base === 'varchar' ? a.mods[0] : undefined;
    const to = b.base === 'varchar' ? b.mods[0] : undefined;
    // citext compares case-insensitively: its indexes use another operator class and are rebuilt.
    if (widens(from, to)) return { effect: (a.base === 'citext') !== (b.base === 'citext') ? 'index-rebuild' : 'none' };
    return { effect: 'rewrite', mayFail: true, ...(to !== undefined ? { limit: to } : {}) };
  }
  if (a.base === 'numeric' && b.base === 'numeric') {
    if (b.mods.length === 0) return { effect: 'none' };
    if (a.mods.length > 0 && (a.mods[1] ?? 0) === (b.mods[1] ?? 0) && (b.mods[0] ?? 0) >= (a.mods[0] ?? 0)) return { effect: 'none' };
    return { effect: 'rewrite', mayFail: true };
  }
  if (a.base === 'varbit' && b.base === 'varbit') {
    return widens(a.mods[0], b.mods[0]) ? { effect: 'none' } : { effect: 'rewrite', mayFail: true };
  }
  if (BINARY.has(`${a.base}>${b.base}`) && b.mods.length === 0) return { effect: 'none' };
  if (a.base === 'interval' && b.base === 'interval') {
    // interval's modifiers are (field mask, precision); 32767 is "all fields". Narrowing the
    // fields truncates values; a higher or dropped precision changes nothing stored.
    if (b.mods.length === 0) return { effect: 'none' };
    if (b.mods[0] !== 32767) return { effect: 'rewrite', mayFail: false };
    return widens(a.mods[1], b.mods[1]) && (a.mods.length === 0 || a.mods[0] === 32767 || b.mods[0] === 32767) ? { effect: 'none' } : { effect: 'rewrite', mayFail: false };
  }
  if (TIMES.has(a.base) && a.base === b.base) {
    return widens(a.mods[0], b.mods[0]) ? { effect: 'none' } : { effect: 'rewrite', mayFail: false };
  }
  if (a.base === 'timestamp' && b.base === 'timestamptz' && widens(a.mods[0], b.mods[0])) {
    return pgVersion >= 12 ? { effect: 'utc-only' } : { effect: 'rewrite', mayFail: false };
  }
  return { effect: 'rewrite', mayFail: false };
}
