import type { Node } from '@pgsql/types';
import type { NodeTag } from '../src/analyze/ast.js';
import type { Rule } from '../src/analyze/rule.js';
import { stmtTag } from '../src/analyze/rule-helpers.js';
import { executesNow } from './_statement.js';

/** Postgres keeps NAMEDATALEN - 1 = 63 bytes of an identifier and drops the rest. */
const MAX_BYTES = 63;

// A run of name characters is tried from its first character only (the lookbehind): tried at
// every position, each run was read again from each of its characters.
/** The fewest UTF-16 code units that can take more than 63 bytes in UTF-8 (3 bytes each at most). */
const MIN_LONG_CHARS = 22;
const MAYBE_LONG = /(?<![A-Za-z0-9_$\u0080-\uffff])[A-Za-z0-9_$\u0080-\uffff]{22}|"[^"]{22}/;

/**
 * Statements that give something a name (tables, columns, indexes, constraints, ...). A statement
 * that only refers to a name (DROP INDEX, SELECT, a REFERENCES target) is not here: PostgreSQL
 * truncates a reference to the same 63 bytes as the definition, so it finds the object the
 * long name created, and a DROP INDEX IF EXISTS of a long name drops it.
 */
const NAMING_TAGS: readonly NodeTag[] = [
  'CreateStmt', 'CreateTableAsStmt', 'ViewStmt', 'IndexStmt', 'AlterTableStmt', 'RenameStmt', 'CreateSeqStmt',
  'CreateTrigStmt', 'CreateFunctionStmt', 'CreateSchemaStmt', 'CreateEnumStmt', 'CompositeTypeStmt', 'CreateDomainStmt',
  'CreateRangeStmt', 'CreatePolicyStmt', 'CreateStatsStmt', 'AlterDomainStmt', 'CreateEventTrigStmt',
];
const NAMING = new Set<string>(NAMING_TAGS);

const last = (names: unknown): string | undefined => {
  const n = Array.isArray(names) ? (names.at(-1) as { String?: { sval?: string } } | undefined) : undefined;
  return n?.String?.sval;
};
const relname = (rel: unknown): string | undefined => (rel as { relname?: string } | undefined)?.relname;

/**
 * The names a node defines, by its tag, as the parser kept them (already cut to 63 bytes): a
 * created relation, column, constraint, index, trigger, routine and its parameters, type,
 * schema, policy, statistics object, or a RENAME's new name. Its other names are references.
 */
const DEFINED: Record<string, (n: Record<string, unknown>) => Array<string | undefined>> = {
  CreateStmt: (n) => [relname(n.relation)],
  ViewStmt: (n) => [relname(n.view), ...((n.aliases as Node[] | undefined) ?? []).map((a) => last([a]))],
  IntoClause: (n) => [relname(n.rel), ...((n.colNames as Node[] | undefined) ?? []).map((a) => last([a]))],
  CreateSeqStmt: (n) => [relname(n.sequence)],
  CompositeTypeStmt: (n) => [relname(n.typevar)],
  ColumnDef: (n) => [n.colname as string | undefined],
  Constraint: (n) => [n.conname as string | undefined],
  IndexStmt: (n) => [n.idxname as string | undefined],
  RenameStmt: (n) => [n.newname as string | undefined],
  CreateTrigStmt: (n) => [n.trigname as string | undefined],
  CreateEventTrigStmt: (n) => [n.trigname as string | undefined],
  CreateFunctionStmt: (n) => [last(n.funcname)],
  FunctionParameter: (n) => [n.name as string | undefined],
  CreateSchemaStmt: (n) => [n.schemaname as string | undefined],
  CreateEnumStmt: (n) => [last(n.typeName)],
  CreateDomainStmt: (n) => [last(n.domainname)],
  CreateRangeStmt: (n) => [last(n.typeName)],
  CreatePolicyStmt: (n) => [n.policy_name as string | undefined],
  CreateStatsStmt: (n) => [last(n.defnames)],
};

/** Every name the statement's tree defines (see DEFINED), anywhere in it. */
function definedNames(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const n of node) definedNames(n, out);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      const pick = DEFINED[key];
      if (pick && value && typeof value === 'object') for (const name of pick(value as Record<string, unknown>)) if (name) out.add(name);
      definedNames(value, out);
    }
  }
  return out;
}

/**
 * Identifiers as written in the SQL text, skipping strings, comments and dollar-quoted bodies.
 * The parser has already truncated the ones in its tree, so the text is the only place the
 * full name survives. Unquoted names are folded to lower case, as Postgres does. `minChars`:
 * only names of at least that many UTF-16 code units (the rule's, 22, is the shortest that can
 * exceed 63 bytes), so a long statement's many short words are skipped, not copied.
 */
export function identifiersIn(sql: string, minChars = 0): string[] {
  const out: string[] = [];
  // Sticky patterns matched at i: slicing the rest of the text at every step would make this
  // quadratic in the statement's length (a long function body took seconds).
  const dollarAt = /\$([A-Za-z_][A-Za-z0-9_]*)?\$/y;
  const wordAt = /[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/y;
  const plainRun = /[^-/'$"A-Za-z_\u0080-\uffff]+/y;
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (sql.startsWith('--', i)) { const n = sql.indexOf('\n', i); i = n < 0 ? sql.length : n + 1; continue; }
    if (sql.startsWith('/*', i)) { const n = sql.indexOf('*/', i + 2); i = n < 0 ? sql.length : n + 2; continue; }
    if (ch === "'") {
      let j = i + 1;
      const escapes = i > 0 && /[eE]/.test(sql[i - 1]!);
      while (j < sql.length) {
        if (escapes && sql[j] === '\\') { j += 2; continue; }
        if (sql[j] === "'") { if (sql[j + 1] === "'") { j += 2; continue; } break; }
        j++;
      }
      i = j + 1;
      continue;
    }
    if (ch === '$') {
      dollarAt.lastIndex = i;
      const dollar = dollarAt.exec(sql);
      if (dollar) {
        const close = sql.indexOf(dollar[0], i + dollar[0].length);
        i = close < 0 ? sql.length : close + dollar[0].length;
        continue;
      }
    }
    if (ch === '"') {
      // Up to the closing quote; a doubled quote is one quote of the name.
      let j = i + 1;
      let name = '';
      for (;;) {
        const q = sql.indexOf('"', j);
        if (q < 0) { name += sql.slice(j); j = sql.length; break; }
        name += sql.slice(j, q);
        if (sql[q + 1] !== '"') { j = q; break; }
        name += '"';
        j = q + 2;
      }
      if (name.length >= minChars) out.push(name);
      i = j + 1;
      continue;
    }
    // test, not exec: a word is copied out only when it is long enough to be kept (most are not).
    wordAt.lastIndex = i;
    if (wordAt.test(sql)) {
      const end = wordAt.lastIndex;
      if (end - i >= minChars) out.push(sql.slice(i, end).replace(/[A-Z]/g, (c) => c.toLowerCase()));
      i = end;
      continue;
    }
    // Past this character and the run of others that start nothing above (spaces, digits,
    // punctuation) at once, not one loop turn each.
    plainRun.lastIndex = i + 1;
    i = plainRun.test(sql) ? plainRun.lastIndex : i + 1;
  }
  return out;
}

/** The name Postgres keeps: the first 63 bytes, cut at a character boundary. */
export function truncateIdentifier(name: string): string {
  let bytes = 0;
  let out = '';
  for (const ch of name) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (bytes + n > MAX_BYTES) break;
    bytes += n;
    out += ch;
  }
  return out;
}

export const rule: Rule = {
  id: 'identifier-too-long',
  risk: 'CAUTION',
  title: 'Names longer than 63 bytes are silently truncated',
  docs: {
    why:
      'Postgres keeps only the first 63 bytes of a name (bytes, not characters: an accented letter takes two) and drops the rest with at most a NOTICE. The table, column, index or constraint then exists under a name that differs from the one in the migration and the code: tools that look objects up by name (ORMs, schema diff, a later DROP INDEX written out in full in another system) miss it, and two long names that share their first 63 bytes collide, so the second CREATE fails or, with IF NOT EXISTS, silently does nothing. Only names a statement creates are reported (CREATE, ADD COLUMN/CONSTRAINT, RENAME TO): PostgreSQL cuts a name that refers to an object (DROP INDEX, a REFERENCES target, a query) to the same 63 bytes, so the reference finds what the long name created.',
    instead: 'Choose a name of at most 63 bytes; abbreviate the middle rather than the end, so names stay distinct.',
    bad: 'CREATE INDEX CONCURRENTLY orders_customer_id_created_at_status_shipping_country_code_partial_idx ON orders (customer_id, created_at);',
    good: 'CREATE INDEX CONCURRENTLY orders_customer_created_idx ON orders (customer_id, created_at);',
    equivalents: { squawk: 'identifier-too-long' },
  },
  statements: NAMING_TAGS,
  check({ statement }) {
    if (!executesNow(statement) || !NAMING.has(stmtTag(statement))) return [];
    // Over 63 bytes takes at least 22 characters (3-byte UTF-8 at most per BMP character): a
    // statement with no such run of name characters cannot have one, and most have none.
    if (!MAYBE_LONG.test(statement.text)) return [];
    // A long name in the text is one the statement defines when its first 63 bytes are a name
    // the tree defines; the others (the table an index is on, a foreign key's target) are references.
    // The tree is walked only when the text has a name over the limit (22 characters is often
    // under it: most statements that pass the test above have none).
    const overLimit = identifiersIn(statement.text, MIN_LONG_CHARS).filter((n) => Buffer.byteLength(n, 'utf8') > MAX_BYTES);
    if (overLimit.length === 0) return [];
    const defined = definedNames(statement.ast);
    const seen = new Set<string>();
    const long = overLimit.filter((n) => defined.has(truncateIdentifier(n)) && !seen.has(n) && seen.add(n));
    return long.map((name) => ({
      message: `"${name}" is ${Buffer.byteLength(name, 'utf8')} bytes; Postgres silently truncates it to "${truncateIdentifier(name)}"`,
      suggestion: `use a name of at most ${MAX_BYTES} bytes, e.g. by abbreviating its middle part`,
    }));
  },
};

export default rule;
