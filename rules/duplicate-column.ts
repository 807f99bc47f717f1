import type { Node } from '@pgsql/types';
import { as, nodeTag, stringList } from '../src/analyze/ast.js';
import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { alterCmds, stmtTag } from '../src/analyze/rule-helpers.js';
import { executesNow } from './_statement.js';

/** Names that occur more than once, in order of their second occurrence. */
function repeated(names: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of names) {
    if (seen.has(n) && !out.includes(n)) out.push(n);
    seen.add(n);
  }
  return out;
}

/**
 * Columns assigned twice by a SET list or an INSERT column list. `a[1]` and `a.f` assign parts of
 * a column and may repeat among themselves, but not beside an assignment of the whole column
 * (`SET a = ROW(1, 2), a.x = 1` fails too).
 */
function assignedTwice(targets: Node[] | undefined): string[] {
  const whole: string[] = [];
  const parts = new Set<string>();
  for (const t of targets ?? []) {
    const r = as<{ name?: string; indirection?: Node[] }>(t, 'ResTarget');
    if (!r?.name) continue;
    if ((r.indirection ?? []).length === 0) whole.push(r.name);
    else parts.add(r.name);
  }
  return [...new Set([...repeated(whole), ...whole.filter((n) => parts.has(n))])];
}

/**
 * The name PostgreSQL gives a select-list entry without an alias (FigureColname): a column's
 * own name, a function's name, "?column?" for a constant or an operator expression. Undefined
 * where the name depends on more than the tree shows (a `*`, a cast of a constant, a
 * subquery): such entries are never reported.
 */
function outputName(target: Node): string | undefined {
  const r = as<{ name?: string; val?: Node }>(target, 'ResTarget');
  if (!r) return undefined;
  if (r.name) return r.name;
  const [tag, v] = nodeTag(r.val) ?? ['', {}];
  switch (tag) {
    case 'ColumnRef': {
      const last = (v.fields as Node[] | undefined)?.at(-1);
      return as<{ sval?: string }>(last, 'String')?.sval;
    }
    case 'FuncCall': return stringList(v.funcname as Node[]).at(-1);
    case 'TypeCast': {
      const inner = outputName({ ResTarget: { val: v.arg as Node } } as Node);
      return inner === '?column?' ? undefined : inner;
    }
    case 'A_Expr': return v.kind === 'AEXPR_NULLIF' ? 'nullif' : '?column?';
    case 'A_Const': case 'BoolExpr': case 'NullTest': case 'BooleanTest': case 'ParamRef': return '?column?';
    case 'CaseExpr': return 'case';
    case 'CoalesceExpr': return 'coalesce';
    default: return undefined;
  }
}

/** The output columns a query gives a view or a new table: the given names first, then the select list's. */
function queryColumns(query: Node | undefined, given: string[]): string[] {
  let select = as<{ targetList?: Node[]; op?: string; larg?: unknown }>(query, 'SelectStmt');
  // A UNION, INTERSECT or EXCEPT takes its column names from its first branch.
  while (select && select.op && select.op !== 'SETOP_NONE' && select.larg) select = select.larg as typeof select;
  const derived = (select?.targetList ?? []).map(outputName);
  return [...given, ...derived.slice(given.length)].filter((n): n is string => !!n);
}

function duplicatesOf(statement: Parameters<NonNullable<Rule['check']>>[0]['statement']): { names: string[]; what: string; error: string } | undefined {
  const [tag, v] = nodeTag(statement.ast) ?? ['', {}];
  if (tag === 'UpdateStmt') {
    return { names: assignedTwice(v.targetList as Node[]), what: 'UPDATE ... SET', error: 'multiple assignments to same column' };
  }
  if (tag === 'InsertStmt') {
    const conflict = v.onConflictClause as { targetList?: Node[] } | undefined;
    const names = assignedTwice(v.cols as Node[]);
    if (names.length) return { names, what: 'the INSERT column list', error: 'column specified more than once' };
    return { names: assignedTwice(conflict?.targetList), what: 'ON CONFLICT DO UPDATE SET', error: 'multiple assignments to same column' };
  }
  if (tag === 'MergeStmt') {
    for (const w of (v.mergeWhenClauses as Node[] | undefined) ?? []) {
      const clause = as<{ commandType?: string; targetList?: Node[] }>(w, 'MergeWhenClause');
      const names = assignedTwice(clause?.targetList);
      if (names.length === 0) continue;
      return clause?.commandType === 'CMD_INSERT'
        ? { names, what: 'the MERGE ... INSERT column list', error: 'column specified more than once' }
        : { names, what: 'MERGE ... UPDATE SET', error: 'multiple assignments to same column' };
    }
    return undefined;
  }
  if (tag === 'CreateStmt' || tag === 'CreateForeignTableStmt') {
    const base = (tag === 'CreateStmt' ? v : (v.base ?? {})) as { tableElts?: Node[] };
    const cols = (base.tableElts ?? []).map((e) => as<{ colname?: string }>(e, 'ColumnDef')?.colname).filter((n): n is string => !!n);
    return { names: repeated(cols), what: tag === 'CreateStmt' ? 'CREATE TABLE' : 'CREATE FOREIGN TABLE', error: 'column specified more than once' };
  }
  if (tag === 'ViewStmt') {
    return { names: repeated(queryColumns(v.query as Node, stringList(v.aliases as Node[]))), what: 'the columns of CREATE VIEW', error: 'column specified more than once' };
  }
  if (tag === 'CreateTableAsStmt') {
    const into = v.into as { colNames?: Node[] } | undefined;
    const what = v.objtype === 'OBJECT_MATVIEW' ? 'the columns of CREATE MATERIALIZED VIEW' : 'the columns of CREATE TABLE ... AS';
    return { names: repeated(queryColumns(v.query as Node, stringList(into?.colNames))), what, error: 'column specified more than once' };
  }
  if (tag === 'SelectStmt' && v.intoClause) {
    const into = v.intoClause as { colNames?: Node[] };
    return { names: repeated(queryColumns(statement.ast as Node, stringList(into.colNames))), what: 'the columns of SELECT ... INTO', error: 'column specified more than once' };
  }
  if (stmtTag(statement) === 'AlterTableStmt') {
    const added = alterCmds(statement).filter((c) => c.subtype === 'AT_AddColumn' && !c.missing_ok)
      .map((c) => as<{ colname?: string }>(c.def, 'ColumnDef')?.colname).filter((n): n is string => !!n);
    return { names: repeated(added), what: 'ALTER TABLE ... ADD COLUMN', error: 'column already exists' };
  }
  return undefined;
}

export const rule: Rule = {
  id: 'duplicate-column',
  risk: 'DANGEROUS',
  title: 'The same column twice in one statement: the statement fails',
  docs: {
    why:
      'PostgreSQL rejects a statement that names the same column twice: two assignments in one UPDATE ... SET, ON CONFLICT DO UPDATE SET or MERGE ... UPDATE SET ("multiple assignments to same column"), a column listed twice in INSERT or MERGE ... INSERT, CREATE TABLE with two columns of one name, a view, CREATE TABLE ... AS or SELECT ... INTO whose select list gives two columns one name (`SELECT 1 a, 2 a`, or two constants that are both named ?column?) ("column specified more than once"), or one ALTER TABLE adding a column twice. The migration fails at that statement, usually a typo or a bad merge; only assignments to different elements or fields of a column (a[1], a[2], a.x, a.y) may repeat, and never beside an assignment of the whole column.',
    instead: 'Keep one of them: decide which value or definition is meant and remove the other.',
    bad: "UPDATE orders SET status = 'new', status = 'open' WHERE id = 1;",
    good: "UPDATE orders SET status = 'open' WHERE id = 1;",
    equivalents: { squawk: 'ban-duplicate-column-assignments' },
  },
  statements: ['UpdateStmt', 'InsertStmt', 'MergeStmt', 'CreateStmt', 'CreateForeignTableStmt', 'ViewStmt', 'CreateTableAsStmt', 'SelectStmt', 'AlterTableStmt'],
  check({ statement }) {
    if (!executesNow(statement)) return [];
    const found = duplicatesOf(statement);
    if (!found || found.names.length === 0) return [];
    return found.names.map((name): RuleHit => ({
      message: `${name} appears more than once in ${found.what}: PostgreSQL refuses the statement ("${found.error}")`,
      suggestion: `keep a single ${name}`,
    }));
  },
};

export default rule;
