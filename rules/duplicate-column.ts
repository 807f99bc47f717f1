import type { Node } from '@pgsql/types';
import { as, nodeTag } from '../src/analyze/ast.js';
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

/** Columns assigned by a target list; `a[1]` and `a.f` assign parts of a column and may repeat. */
function assigned(targets: Node[] | undefined): string[] {
  return (targets ?? []).map((t) => as<{ name?: string; indirection?: Node[] }>(t, 'ResTarget'))
    .filter((r) => !!r?.name && (r.indirection ?? []).length === 0).map((r) => r!.name!);
}

function duplicatesOf(statement: Parameters<NonNullable<Rule['check']>>[0]['statement']): { names: string[]; what: string; error: string } | undefined {
  const [tag, v] = nodeTag(statement.ast) ?? ['', {}];
  if (tag === 'UpdateStmt') {
    return { names: repeated(assigned(v.targetList as Node[])), what: 'UPDATE ... SET', error: 'multiple assignments to same column' };
  }
  if (tag === 'InsertStmt') {
    const conflict = v.onConflictClause as { targetList?: Node[] } | undefined;
    const names = repeated(assigned(v.cols as Node[]));
    if (names.length) return { names, what: 'the INSERT column list', error: 'column specified more than once' };
    return { names: repeated(assigned(conflict?.targetList)), what: 'ON CONFLICT DO UPDATE SET', error: 'multiple assignments to same column' };
  }
  if (tag === 'CreateStmt') {
    const cols = ((v.tableElts as Node[] | undefined) ?? []).map((e) => as<{ colname?: string }>(e, 'ColumnDef')?.colname).filter((n): n is string => !!n);
    return { names: repeated(cols), what: 'CREATE TABLE', error: 'column specified more than once' };
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
      'PostgreSQL rejects a statement that names the same column twice: two assignments in one UPDATE ... SET ("multiple assignments to same column"), a column listed twice in INSERT, CREATE TABLE with two columns of one name ("column specified more than once"), or one ALTER TABLE adding a column twice. The migration fails at that statement, usually a typo or a bad merge; only assignments to different elements or fields of a column (a[1], a[2]) may repeat.',
    instead: 'Keep one of them: decide which value or definition is meant and remove the other.',
    bad: "UPDATE orders SET status = 'new', status = 'open' WHERE id = 1;",
    good: "UPDATE orders SET status = 'open' WHERE id = 1;",
  },
  statements: ['UpdateStmt', 'InsertStmt', 'CreateStmt', 'AlterTableStmt'],
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
