// Flyway: `V1_2__name.sql` (versioned), `U1_2__name.sql` (undo, a paid feature, so rollbacks
// are expected only once a folder has any), `R__name.sql` (repeatable: re-run whenever its
// checksum changes, after all versioned migrations, ordered by description). A sidecar
// `V1__name.sql.conf` with `executeInTransaction=false` opts out of the transaction, as does
// the same setting in a `-- flyway:executeInTransaction=false` comment line of the script; and
// Flyway's PostgreSQL parser runs a file outside a transaction by itself when a statement cannot
// run in one (flywayTransaction). A file holding both kinds Flyway refuses to run unless told
// how (`mixed=true`, or the setting in the script's config).
// `B5__name.sql` (a baseline migration) is the whole schema at version 5: Flyway runs it only on
// an empty database, in place of V5 and the ones before, so it is no step of the sequence
// (LayoutBuild.snapshots).
import type { Statement } from '../../core/types.js';
import { compareVersions, naturalCompare } from '../version.js';
import { coverage, directFiles, emptyBuild, repoPath, sqlFiles, type DraftMigration, type Layout, type LayoutBuild, type StatementsOf } from './types.js';

const VERSIONED = /^([VU])(\d+(?:[._]\d+)*)__(.+)\.sql$/;
const REPEATABLE = /^R__(.+)\.sql$/;
const BASELINE = /^B\d+(?:[._]\d+)*__.+\.sql$/;
const SCRIPT_CONFIG = /^[ \t]*--[ \t]*flyway:executeInTransaction[ \t]*=[ \t]*(true|false)\b/im;
const SIDECAR_CONFIG = /^[ \t]*executeInTransaction[ \t]*=[ \t]*([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])\b/m;
/** A word every statement Flyway runs outside a transaction holds: only a file with one is parsed here. */
const MAYBE_NON_TRANSACTIONAL = /\b(?:CONCURRENTLY|VACUUM|SYSTEM|DATABASE|TABLESPACE|SUBSCRIPTION|DISCARD)\b/i;

/**
 * The statements Flyway's PostgreSQL parser runs outside a transaction
 * (PostgreSQLParser.detectCanExecuteInTransaction), read from the tree rather than its regular
 * expressions' text: CREATE/DROP DATABASE, TABLESPACE or SUBSCRIPTION; ALTER SYSTEM; CREATE or
 * DROP INDEX CONCURRENTLY; REINDEX SCHEMA, DATABASE or SYSTEM; VACUUM; DISCARD ALL. Flyway does not
 * know REINDEX ... CONCURRENTLY nor DETACH PARTITION ... CONCURRENTLY: it runs them in its
 * transaction, where PostgreSQL refuses them. ALTER TYPE ... ADD VALUE counts only on a server
 * before 12, which Flyway asks and a file cannot tell. This is Flyway's list, not PostgreSQL's
 * (analyze/transaction-block.ts): it decides how Flyway runs the script, so it must stay
 * Flyway's, gaps included.
 */
function flywayRunsOutsideTransaction(stmt: Statement): boolean {
  const ast = stmt.ast as unknown as Record<string, Record<string, unknown> | undefined>;
  if (ast.CreatedbStmt || ast.DropdbStmt || ast.CreateTableSpaceStmt || ast.DropTableSpaceStmt || ast.CreateSubscriptionStmt || ast.DropSubscriptionStmt || ast.AlterSystemStmt) return true;
  if (ast.IndexStmt) return ast.IndexStmt.concurrent === true;
  if (ast.DropStmt) return ast.DropStmt.concurrent === true && ast.DropStmt.removeType === 'OBJECT_INDEX';
  if (ast.ReindexStmt) return ['REINDEX_OBJECT_SCHEMA', 'REINDEX_OBJECT_SYSTEM', 'REINDEX_OBJECT_DATABASE'].includes(ast.ReindexStmt.kind as string);
  if (ast.VacuumStmt) return ast.VacuumStmt.is_vacuumcmd === true;
  if (ast.DiscardStmt) return ast.DiscardStmt.target === 'DISCARD_ALL';
  return false;
}

/** What Flyway makes of a script's transaction by itself (no executeInTransaction setting for it). */
export interface FlywayTransaction {
  /** Some statement cannot run in a transaction, so Flyway runs the script without one. */
  nonTransactional: boolean;
  /**
   * The script also holds statements that can: Flyway refuses it unless `mixed` is true
   * ("Detected both transactional and non-transactional statements within the same migration").
   * The statement it names, the first at which both kinds were seen.
   */
  mixedAt?: { line: number; column: number; nonTransactional: boolean };
}

/**
 * Reads how Flyway runs `text` from its statements (comments and strings are no statements).
 * Without a reader of statements (a discovery run on its own, not by check), as Flyway runs a
 * file without them: in a transaction.
 */
async function flywayTransaction(path: string, text: string, statements: StatementsOf | undefined): Promise<FlywayTransaction> {
  if (!statements || !MAYBE_NON_TRANSACTIONAL.test(text)) return { nonTransactional: false };
  const top = await statements(path, text);
  let inside = false;
  let outside = false;
  let mixedAt: FlywayTransaction['mixedAt'];
  for (const s of top) {
    const out = flywayRunsOutsideTransaction(s);
    if (out) outside = true;
    else inside = true;
    if (inside && outside && !mixedAt) mixedAt = { line: s.line, column: s.column, nonTransactional: out };
  }
  return { nonTransactional: outside, ...(mixedAt ? { mixedAt } : {}) };
}

/** Flyway's identity of a version: numeric parts, leading zeros and trailing `.0`s dropped. */
export function flywayVersionKey(version: string): string {
  const parts = version.split(/[._]/).map((p) => p.replace(/^0+(?=\d)/, ''));
  while (parts.length > 1 && parts[parts.length - 1] === '0') parts.pop();
  return parts.join('.');
}

export const flyway: Layout = {
  name: 'flyway',
  rollbacks: 'when-used',
  async detect(folder) {
    return 0.9 * coverage(sqlFiles(directFiles(folder)), (f) => VERSIONED.test(f) || REPEATABLE.test(f) || BASELINE.test(f));
  },
  async build(folder) {
    const out: LayoutBuild = emptyBuild();
    const files = directFiles(folder);
    const versioned: Array<{ file: string; version: string; name: string }> = [];
    const undo = new Map<string, string[]>();
    const repeatable: Array<{ file: string; name: string }> = [];
    for (const file of sqlFiles(files)) {
      const v = VERSIONED.exec(file);
      const r = REPEATABLE.exec(file);
      if (v && v[1] === 'V') versioned.push({ file, version: v[2]!, name: v[3]! });
      else if (v) undo.set(flywayVersionKey(v[2]!), [...(undo.get(flywayVersionKey(v[2]!)) ?? []), file]);
      else if (r) repeatable.push({ file, name: r[1]! });
      else if (BASELINE.test(file)) (out.snapshots ??= []).push(file);
      else out.leftovers.push(file);
    }
    versioned.sort((a, b) => compareVersions(a.version, b.version) || naturalCompare(a.file, b.file));
    repeatable.sort((a, b) => naturalCompare(a.name, b.name));

    const draft = async (file: string, fields: Omit<DraftMigration, 'up' | 'down'>, downFile?: string): Promise<DraftMigration> => {
      const conf = `${file}.conf`;
      const text = await folder.read(file);
      const path = repoPath(folder.dir, file);
      // The script's own setting (its .conf sidecar's first) decides, and then Flyway neither detects nor refuses.
      const set = (files.includes(conf) ? SIDECAR_CONFIG.exec(await folder.read(conf)) : null) ?? SCRIPT_CONFIG.exec(text);
      const detected = set ? null : await flywayTransaction(path, text, folder.statements);
      const noTransaction = set ? set[1]!.toLowerCase() === 'false' : detected!.nonTransactional;
      return {
        ...fields,
        up: { path, text },
        down: downFile ? { path: repoPath(folder.dir, downFile), text: await folder.read(downFile) } : null,
        ...(noTransaction ? { noTransaction } : {}),
        ...(detected?.mixedAt ? { mixedTransaction: detected.mixedAt } : {}),
      };
    };
    const usedUndo = new Set<string>();
    for (const m of versioned) {
      const key = flywayVersionKey(m.version);
      const downFile = undo.get(key)?.[0];
      if (downFile) usedUndo.add(key);
      out.migrations.push(
        await draft(m.file, { id: m.file.slice(0, -4), version: m.version, name: m.name, dupKey: key }, downFile),
      );
    }
    for (const [key, downFiles] of undo) if (!usedUndo.has(key)) out.orphans.push(...downFiles);
    for (const m of repeatable) {
      out.migrations.push(await draft(m.file, { id: m.file.slice(0, -4), version: '', name: m.name, repeatable: true }));
    }
    return out;
  },
};
