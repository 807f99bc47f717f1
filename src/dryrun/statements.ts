// What the runner must know about a statement before running it: whether Postgres refuses it
// inside a transaction block (the list: analyze/transaction-block.ts), and whether it must not
// run at all (COPY … PROGRAM: a program on the database server). Whether it controls the
// transaction: core/transaction.ts txControl.
import type { Statement } from '../core/types.js';
import { nodeTag } from '../analyze/ast.js';
import { transactionBlockRefusal } from '../analyze/transaction-block.js';
import type { Sandbox } from './sandbox.js';

/** The major release of a server_version ("15.20 (Debian ...)" -> 15). */
export function serverMajor(serverVersion: string): number {
  const major = Number.parseInt(serverVersion, 10);
  // An engine that says nothing usable: the newest rules, as for PGlite.
  return Number.isFinite(major) ? major : 99;
}

/**
 * Statements Postgres (release `serverVersion`) may refuse inside a transaction block
 * (analyze/transaction-block.ts), answered without the database: a REINDEX or CLUSTER that is
 * refused only on a partitioned table counts, so the callers that cannot ask the database
 * (a batch of the base history, a rollback replayed inside a transaction) run it on its own.
 */
export function cannotRunInTransaction(stmt: Statement, serverVersion: string): boolean {
  return transactionBlockRefusal(stmt.ast, serverMajor(serverVersion)) !== undefined;
}

/**
 * The same, asked of the sandbox for a REINDEX or CLUSTER: refused when the table or index is
 * partitioned there. The session's search_path is pinned for our queries, so an unqualified
 * name counts as partitioned when a partitioned relation of that name exists in any schema.
 */
export async function refusedInSandbox(sandbox: Sandbox, stmt: Statement): Promise<boolean> {
  const r = transactionBlockRefusal(stmt.ast, serverMajor(sandbox.serverVersion));
  if (!r) return false;
  if (!r.ifPartitioned) return true;
  const { schema, name } = r.ifPartitioned;
  const rows = await sandbox.query<{ n: number | string }>(
    `select count(*)::int as n from pg_catalog.pg_class c join pg_catalog.pg_namespace s on s.oid = c.relnamespace
      where c.relname = $1 and c.relkind in ('p', 'I') and ($2::text is null and s.nspname not in ('pg_catalog', 'information_schema') or s.nspname = $2::text)`,
    [name, schema ?? null]);
  return Number(rows[0]?.n ?? 0) > 0;
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
