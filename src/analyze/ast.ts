// Small readers over libpg-query's JSON AST: names, qualified relations, type names and
// expression shapes. Pure functions; nothing here knows about rules or risk.
import type { AlterTableCmd, Node, RangeVar, TypeName } from '@pgsql/types';

/** Every tag a parse tree node can carry: 'IndexStmt', 'AlterTableStmt', 'ColumnDef', ... */
export type NodeTag = KeyOfEach<Node>;
type KeyOfEach<T> = T extends unknown ? keyof T : never;

/** The node's single key and value: `{ AlterTableStmt: {...} }` -> ['AlterTableStmt', {...}]. */
export function nodeTag(node: Node | undefined | null): [string, Record<string, unknown>] | null {
  const key = firstKey(node);
  if (key === undefined) return null;
  return [key, (node as unknown as Record<string, Record<string, unknown>>)[key] ?? {}];
}

/**
 * A node's tag without building the array Object.keys would: rules ask for tags millions of
 * times on a large file. The parser's plain objects inherit nothing enumerable, so the first
 * key for-in visits is Object.keys' first.
 */
export function firstKey(node: Node | undefined | null): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  for (const key in node) return key;
  return undefined;
}

const TAG_ONLY = new Map<string, Node>();

/**
 * The node's tag with nothing under it (`{ AlterTableStmt: {} }`), shared per tag: what an
 * earlier statement keeps of its tree when no rule reads more (AnalysisState.earlierInFile).
 * A transaction statement keeps its kind (BEGIN, COMMIT...), which later stages still read
 * (core/transaction.ts txControl) once the trees are gone.
 */
export function tagOnly(node: Node): Node {
  const key = firstKey(node);
  if (key === undefined) return node;
  const kind = key === 'TransactionStmt' ? (node as { TransactionStmt: { kind?: string } }).TransactionStmt.kind : undefined;
  const id = kind ? `${key}:${kind}` : key;
  let stub = TAG_ONLY.get(id);
  if (!stub) {
    stub = Object.freeze({ [key]: Object.freeze(kind ? { kind } : {}) }) as unknown as Node;
    TAG_ONLY.set(id, stub);
  }
  return stub;
}

/** The inner value when the node has the given tag. */
export function as<T>(node: Node | undefined | null, tag: string): T | undefined {
  if (firstKey(node) !== tag) return undefined;
  return ((node as unknown as Record<string, unknown>)[tag] ?? {}) as T;
}

/**
 * ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY (PostgreSQL 14+): it commits part way, so
 * PostgreSQL refuses it in a transaction block, and it takes only SHARE UPDATE EXCLUSIVE.
 */
export function detachesConcurrently(cmd: AlterTableCmd | undefined): boolean {
  return cmd?.subtype === 'AT_DetachPartition' && as<{ concurrent?: boolean }>(cmd.def, 'PartitionCmd')?.concurrent === true;
}

/** Some command of the ALTER TABLE statement `ast` detaches a partition concurrently. */
export function alterDetachesConcurrently(ast: Node): boolean {
  return (as<{ cmds?: Node[] }>(ast, 'AlterTableStmt')?.cmds ?? []).some((c) => detachesConcurrently(as<AlterTableCmd>(c, 'AlterTableCmd')));
}

/** `String` nodes -> their values (names lists, qualified names). */
export function stringList(nodes: Node[] | undefined): string[] {
  return (nodes ?? []).map((n) => as<{ sval?: string }>(n, 'String')?.sval ?? '').filter((s) => s !== '');
}

/** Postgres folds unquoted names to lower case; the parser already did, so just qualify. */
export function qualifiedName(schema: string | undefined, name: string): string {
  return `${schema ?? 'public'}.${name}`;
}

export function relationName(rel: RangeVar | undefined): string | undefined {
  if (!rel?.relname) return undefined;
  return qualifiedName(rel.schemaname, rel.relname);
}

/** A dotted name list (`{schema, name}` or `{name}`) -> `schema.name`. */
export function qualifiedFromList(nodes: Node[] | undefined): string | undefined {
  const parts = stringList(nodes);
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return qualifiedName(undefined, parts[0]!);
  return qualifiedName(parts[parts.length - 2], parts[parts.length - 1]!);
}

// Maps, not object literals, wherever a key comes from the SQL: a type named `constructor` or
// `toString` would otherwise find Object.prototype's member.
const TYPE_ALIASES: ReadonlyMap<string, string> = new Map(Object.entries({
  int2: 'smallint', int4: 'integer', int8: 'bigint', float4: 'real', float8: 'double precision',
  bool: 'boolean', bpchar: 'char', varchar: 'varchar', timestamptz: 'timestamptz', timestamp: 'timestamp',
}));

/** Canonical, comparable spelling of a type: `varchar(255)`, `integer`, `numeric(10,2)`, `text[]`. */
export function typeNameText(t: TypeName | undefined): string {
  if (!t) return '';
  const names = stringList(t.names).filter((n, i, all) => !(n === 'pg_catalog' && all.length > 1));
  const base = names[names.length - 1] ?? '';
  const schema = names.length > 1 ? `${names[names.length - 2]}.` : '';
  const mods = (t.typmods ?? []).map((m) => {
    const c = as<{ ival?: { ival?: number } }>(m, 'A_Const');
    if (c) return String(c.ival?.ival ?? 0);
    const ref = as<{ fields?: Node[] }>(m, 'ColumnRef');
    return ref ? stringList(ref.fields).join('.') : '?';
  });
  const canonical = TYPE_ALIASES.get(base) ?? base;
  const arr = (t.arrayBounds ?? []).map(() => '[]').join('');
  return `${schema}${canonical}${mods.length ? `(${mods.join(',')})` : ''}${arr}`;
}

/** Base type name without modifiers or schema: `varchar`, `integer`. */
export function typeBase(t: TypeName | undefined): string {
  const text = typeNameText(t);
  const name = text.split('(', 1)[0]!;
  return name.slice(name.lastIndexOf('.') + 1);
}

/** Every function called anywhere inside an expression, lower-case, unqualified. */
export function functionsCalled(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const n of node) functionsCalled(n, out);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'FuncCall') {
        const names = stringList((value as { funcname?: Node[] }).funcname);
        const name = names[names.length - 1];
        if (name) out.push(name.toLowerCase());
      }
      if (key === 'SubLink') out.push('(subquery)');
      functionsCalled(value, out);
    }
  }
  return out;
}

/** True when the expression is a constant (literal, cast of a literal, array of literals, NULL). */
export function isConstantExpr(node: Node | undefined): boolean {
  if (!node) return true;
  const t = nodeTag(node);
  if (!t) return true;
  const [tag, v] = t;
  if (tag === 'A_Const') return true;
  if (tag === 'TypeCast') return isConstantExpr((v as { arg?: Node }).arg);
  if (tag === 'A_ArrayExpr') return ((v as { elements?: Node[] }).elements ?? []).every(isConstantExpr);
  if (tag === 'A_Expr') {
    const e = v as { lexpr?: Node; rexpr?: Node };
    return isConstantExpr(e.lexpr) && isConstantExpr(e.rexpr);
  }
  return false;
}

/** Column names of `ColumnRef`s in an index or constraint key list (`String` or `IndexElem`). */
export function keyColumns(nodes: Node[] | undefined): string[] {
  return (nodes ?? []).map((n) => {
    const s = as<{ sval?: string }>(n, 'String');
    if (s) return s.sval ?? '';
    const ie = as<{ name?: string; expr?: Node }>(n, 'IndexElem');
    if (ie?.name) return ie.name;
    return '(expression)';
  });
}

/**
 * Whether a boolean option of a utility statement is on: `(CONCURRENTLY)` and
 * `(CONCURRENTLY true)` are, `(CONCURRENTLY false)`, `off`, `0` are not. Postgres reads the
 * option's value (defGetBoolean), so its name alone says nothing.
 */
export function optionOn(options: Node[] | undefined, name: string): boolean {
  const d = (options ?? []).map((o) => as<{ defname?: string; arg?: Node }>(o, 'DefElem')).filter((x) => x?.defname === name).at(-1);
  if (!d) return false;
  if (!d.arg) return true;
  const s = as<{ sval?: string }>(d.arg, 'String')?.sval ?? as<{ boolval?: boolean }>(d.arg, 'Boolean')?.boolval;
  if (typeof s === 'boolean') return s;
  if (typeof s === 'string') return !['false', 'off', 'no', '0', 'f', 'n'].includes(s.toLowerCase());
  const i = as<{ ival?: number }>(d.arg, 'Integer');
  if (i) return (i.ival ?? 0) !== 0;
  return true;
}

type ConstValue = boolean | number | string | null;

/** The value of a constant expression the parser left unevaluated, or undefined when it is not one. */
/** The same expression written twice (places aside): `t.id` and `t.id`. */
function sameExpression(a: Node | undefined, b: Node | undefined): boolean {
  const bare = (n: Node | undefined) => JSON.stringify(n, (k, val: unknown) => (k === 'location' ? undefined : val));
  return a !== undefined && b !== undefined && bare(a) === bare(b);
}

/** `x IS NULL OR x IS NOT NULL`: one branch or the other holds for every row. */
function coversNull(args: readonly Node[]): boolean {
  const tests = args.map((a) => nodeTag(a)).filter((t) => t?.[0] === 'NullTest').map((t) => t![1] as { arg?: Node; nulltesttype?: string });
  return tests.some((x) => x.nulltesttype === 'IS_NULL' && tests.some((y) => y.nulltesttype === 'IS_NOT_NULL' && sameExpression(x.arg, y.arg)));
}

function constValue(node: Node | undefined): ConstValue | undefined {
  const t = nodeTag(node);
  if (!t) return undefined;
  const [tag, v] = t;
  if (tag === 'A_Const') {
    const c = v as { isnull?: boolean; ival?: { ival?: number }; fval?: { fval?: string }; sval?: { sval?: string }; boolval?: { boolval?: boolean } };
    if (c.isnull) return null;
    if (c.boolval) return c.boolval.boolval === true;
    if (c.ival) return c.ival.ival ?? 0;
    if (c.fval) return Number(c.fval.fval);
    if (c.sval) return c.sval.sval ?? '';
    return undefined;
  }
  if (tag === 'TypeCast') {
    const inner = constValue((v as { arg?: Node }).arg);
    const type = stringList((v as { typeName?: TypeName }).typeName?.names).at(-1);
    if (type === 'bool' && typeof inner === 'string') return ['t', 'true', 'y', 'yes', 'on', '1'].includes(inner.toLowerCase());
    return inner;
  }
  if (tag === 'NullTest') {
    const n = v as { arg?: Node; nulltesttype?: string };
    const inner = constValue(n.arg);
    if (inner === undefined) return undefined;
    return n.nulltesttype === 'IS_NULL' ? inner === null : inner !== null;
  }
  if (tag === 'BoolExpr') {
    const b = v as { boolop?: string; args?: Node[] };
    const args = (b.args ?? []).map(constValue);
    if (b.boolop === 'NOT_EXPR') return typeof args[0] === 'boolean' ? !args[0] : undefined;
    // true OR <anything> is true, false AND <anything> is false, whatever the other side is.
    if (b.boolop === 'OR_EXPR' && coversNull(b.args ?? [])) return true;
    if (b.boolop === 'OR_EXPR') return args.includes(true) ? true : args.every((a) => a === false) ? false : undefined;
    if (b.boolop === 'AND_EXPR') return args.includes(false) ? false : args.every((a) => a === true) ? true : undefined;
    return undefined;
  }
  if (tag === 'A_Expr') {
    const e = v as { kind?: string; name?: Node[]; lexpr?: Node; rexpr?: Node };
    // `x IS NOT DISTINCT FROM x` holds for every row; `t.id = t.id` (=, <=, >=) for every row whose id is not null.
    if (e.kind === 'AEXPR_NOT_DISTINCT' && e.lexpr && sameExpression(e.lexpr, e.rexpr)) return true;
    if (e.kind === 'AEXPR_OP' && ['=', '<=', '>='].includes(stringList(e.name).at(-1) ?? '') && e.lexpr && sameExpression(e.lexpr, e.rexpr) && nodeTag(e.lexpr)?.[0] === 'ColumnRef') return true;
    if (e.kind !== 'AEXPR_OP') return undefined;
    const l = constValue(e.lexpr);
    const r = constValue(e.rexpr);
    if (l === undefined || r === undefined || l === null || r === null || typeof l !== typeof r) return undefined;
    switch (stringList(e.name).at(-1)) {
      case '=': return l === r;
      case '<>': case '!=': return l !== r;
      case '<': return l < r;
      case '<=': return l <= r;
      case '>': return l > r;
      case '>=': return l >= r;
      default: return undefined;
    }
  }
  return undefined;
}

/** True for a WHERE that every row passes: `true`, `1 = 1`, `NOT false`, `NULL IS NULL`, `x = 1 OR true`. */
export function isAlwaysTrue(expr: Node | undefined): boolean {
  return !!expr && constValue(expr) === true;
}

/** True for a WHERE that no row passes (`false`, `1 = 2`, `NULL IS NOT NULL`, a bare NULL): the statement touches nothing. */
export function isAlwaysFalse(expr: Node | undefined): boolean {
  if (!expr) return false;
  const v = constValue(expr);
  return v === false || v === null;
}

/** Column names an expression reads (the last part of each ColumnRef), without duplicates. */
export function columnRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => columnRefs(n, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'ColumnRef') {
        const name = stringList((value as { fields?: Node[] }).fields).at(-1);
        if (name && !out.includes(name)) out.push(name);
      } else columnRefs(value, out);
    }
  }
  return out;
}

/**
 * Node kinds that hold no statement, call or expression below them (constants, names, column and
 * table references): tree walks that look for those skip them.
 */
export const LEAF_NODES: ReadonlySet<string> = new Set(['String', 'A_Const', 'Integer', 'Float', 'Boolean', 'BitString', 'ColumnRef', 'ParamRef', 'A_Star', 'RangeVar']);

/** Every function call in a statement's tree, in no set order; iterative, since expressions nest deeply. */
export function funcCalls(ast: Node): Array<{ funcname?: Node[]; args?: Node[] }> {
  const calls: Array<{ funcname?: Node[]; args?: Node[] }> = [];
  const stack: unknown[] = [ast];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    const call = (v as { FuncCall?: { funcname?: Node[]; args?: Node[] } }).FuncCall;
    if (call) calls.push(call);
    // Keys in their own order, without an array of values per node.
    for (const key in v) {
      const x = (v as Record<string, unknown>)[key];
      if (x && typeof x === 'object' && !LEAF_NODES.has(key)) stack.push(x);
    }
  }
  return calls;
}
