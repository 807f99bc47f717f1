// What the runner must know about a statement before running it: whether Postgres refuses it
// inside a transaction block, and whether it must not run at all (COPY … PROGRAM: a program on
// the database server). Whether it controls the transaction: core/transaction.ts txControl.
import type { Statement } from '../core/types.js';
import type { Node as PgNode } from '@pgsql/types';
import { alterDetachesConcurrently, nodeTag, optionOn } from '../analyze/ast.js';

const NO_TX_TAGS = new Set([
  'CreatedbStmt', 'DropdbStmt', 'AlterSystemStmt', 'CreateTableSpaceStmt', 'DropTableSpaceStmt',
  'CreateSubscriptionStmt', 'DropSubscriptionStmt',
]);

/** Statements Postgres refuses inside a transaction block ("... cannot run inside a transaction block"). */
export function cannotRunInTransaction(stmt: Statement): boolean {
  const t = nodeTag(stmt.ast);
  if (!t) return false;
  const [tag, v] = t;
  if (NO_TX_TAGS.has(tag)) return true;
  if ((tag === 'IndexStmt' || tag === 'DropStmt') && v.concurrent === true) return true;
  if (tag === 'VacuumStmt' && v.is_vacuumcmd === true) return true;
  if (tag === 'AlterTableStmt') return alterDetachesConcurrently(stmt.ast);
  if (tag === 'ReindexStmt') {
    return optionOn(v.params as PgNode[] | undefined, 'concurrently');
  }
  // A DO block that commits (a batched backfill) fails with "invalid transaction termination"
  // inside a transaction block.
  if (tag === 'DoStmt') {
    const args = (v.args as Array<{ DefElem?: { defname?: string; arg?: { String?: { sval?: string } } } }> | undefined) ?? [];
    const body = args.find((a) => a.DefElem?.defname === 'as')?.DefElem?.arg?.String?.sval ?? '';
    return /^\s*(COMMIT|ROLLBACK)\s*(AND\s+(NO\s+)?CHAIN\s*)?;/im.test(body.replace(/--[^\n]*/g, ''));
  }
  return false;
}

/**
 * Why the statement must not run, or null. Checked on the statement and on the statements
 * the parser found inside it (DO blocks, function bodies): PGlite would not refuse COPY …
 * PROGRAM, it wedges on it.
 */
export function refusal(stmt: Statement, nested: readonly Statement[]): string | null {
  for (const s of [stmt, ...nested]) {
    const t = nodeTag(s.ast);
    if (t && t[0] === 'CopyStmt' && t[1].is_program === true) {
      return `COPY … ${t[1].is_from ? 'FROM' : 'TO'} PROGRAM would run a program on the database server`;
    }
  }
  return null;
}

/** Top-level statements with the statements found inside each. */
export function topLevel(statements: readonly Statement[]): Array<{ stmt: Statement; nested: Statement[] }> {
  const out: Array<{ stmt: Statement; nested: Statement[] }> = [];
  const byIndex = new Map<number, { stmt: Statement; nested: Statement[] }>();
  for (const s of statements) {
    if (s.nestedIn) {
      // A statement nested in a nested one still belongs to its outermost parent.
      let parent = byIndex.get(s.nestedIn.statement);
      if (!parent) {
        const p = statements.find((x) => x.index === s.nestedIn!.statement);
        parent = p?.nestedIn ? byIndex.get(p.nestedIn.statement) : undefined;
      }
      parent?.nested.push(s);
      if (parent) byIndex.set(s.index, parent);
      continue;
    }
    const entry = { stmt: s, nested: [] as Statement[] };
    out.push(entry);
    byIndex.set(s.index, entry);
  }
  return out;
}
