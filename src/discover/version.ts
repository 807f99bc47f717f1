// Comparing migration versions the way runners do: numbers by value (0010 after 9, 20-digit
// timestamps beyond Number precision), dotted versions part by part (1.10 after 1.9), a
// pre-release tag before its release (1.2.0-B1 before 1.2.0), and names as a last resort.

/** Compares two strings of decimal digits by value, without converting to Number. */
export function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Compares dotted versions: `1.2.3`, `1_2_3` (Flyway), `v1.10`, `1.2.0.1-B1`. Trailing zero parts
 * are ignored (Flyway treats 1 and 1.0 as the same version). A version with a pre-release suffix
 * comes before the same version without one.
 */
export function compareVersions(a: string, b: string): number {
  const pa = splitVersion(a);
  const pb = splitVersion(b);
  const n = Math.max(pa.parts.length, pb.parts.length);
  for (let i = 0; i < n; i++) {
    const c = compareDigits(pa.parts[i] ?? '0', pb.parts[i] ?? '0');
    if (c !== 0) return c;
  }
  if (pa.pre === pb.pre) return 0;
  if (pa.pre === '') return 1;
  if (pb.pre === '') return -1;
  return naturalCompare(pa.pre, pb.pre);
}

function splitVersion(v: string): { parts: string[]; pre: string } {
  const m = /^[vV]?(\d+(?:[._]\d+)*)(?:[-+]?(.*))?$/s.exec(v);
  if (!m) return { parts: [], pre: v };
  const parts = m[1]!.split(/[._]/);
  while (parts.length > 1 && /^0+$/.test(parts[parts.length - 1]!)) parts.pop();
  return { parts, pre: m[2] ?? '' };
}

/** Name order where runs of digits compare by value: `file2` before `file10`. */
export function naturalCompare(a: string, b: string): number {
  const ta = a.match(/\d+|\D+/g) ?? [];
  const tb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    const x = ta[i]!;
    const y = tb[i]!;
    const c = /^\d/.test(x) && /^\d/.test(y) ? compareDigits(x, y) : x < y ? -1 : x > y ? 1 : 0;
    if (c !== 0) return c;
  }
  return ta.length - tb.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Plain code-unit order, the order of `ls` with LC_ALL=C and of Prisma's migration folders. */
export function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
