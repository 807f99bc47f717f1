// Test helpers for the plan and the renderers: SQL -> AnalyzedMigration through the real
// parser and analyzer, and a PGlite harness that runs a plan and reads back the schema.
import { fileTransaction } from '../../src/core/transaction.js';
import { PGlite } from '@electric-sql/pglite';
import { parseSync } from 'libpg-query';
import { analyzeSource } from '../../src/analyze/analyze.js';
import { beginFile, newRunState } from '../../src/analyze/track.js';
import type { AnalyzedMigration } from '../../src/check/types.js';
import { maxRisk } from '../../src/core/risk.js';
import type { Finding, Migration, MigrationReport, RollbackStatus, TransactionMode } from '../../src/core/types.js';
import { initParser, parseSource } from '../../src/parse/index.js';
import type { Plan } from '../../src/plan/index.js';
import { readMigrationShapes } from '../../src/verify/shapes.js';
import { imageCache } from '../../src/dryrun/cache.js';
import { freshKey } from '../../src/dryrun/engines/pglite.js';
import { TEST_CACHE_DIR } from '../dryrun/helpers.js';
import { allRules } from '../../rules/index.js';

export interface MigrationInput {
  path: string;
  sql: string;
  down?: string | null;
  rollbackStatus?: RollbackStatus;
  transaction?: TransactionMode;
  /** Findings to report instead of running the rules (keeps renderer snapshots independent of rule wording). */
  findings?: Finding[];
  /** Base history: learned from (its objects pre-exist), not reviewed. */
  history?: boolean;
  /** Rendered as a Go template before it runs (pop): `{{ ... }}` actions are placeholders. */
  goTemplates?: boolean;
}

/** Parses and analyzes migrations in order, sharing one analysis state (as a check run does). */
export async function analyzeMigrations(inputs: MigrationInput[], pgVersion = 16): Promise<AnalyzedMigration[]> {
  await initParser();
  const state = newRunState({ pgVersion });
  return inputs.map((input) => {
    const up = parseSource({ path: input.path, text: input.sql }, input.goTemplates ? { goTemplates: true } : {});
    const down = input.down ? parseSource({ path: input.path.replace(/\.up\.sql$/, '.down.sql'), text: input.down }) : null;
    const transaction = input.transaction ?? 'none';
    const fileMode = fileTransaction(transaction, up.statements);
    beginFile(state, input.path, fileMode, input.history === true);
    const analyzed = analyzeSource(up, input.sql, state, input.findings ? [] : allRules);
    const operations = analyzed.operations;
    const findings = input.findings ?? analyzed.findings;
    for (const f of input.findings ?? []) {
      const stmt = up.statements.find((s) => s.line === f.line);
      for (const o of operations) if (stmt && o.statement === stmt.index) o.risk = maxRisk(o.risk, f.risk);
    }
    const rollbackStatus: RollbackStatus = input.rollbackStatus ?? (input.down ? 'present' : 'missing');
    const risk = up.errors.length > 0 ? 'DANGEROUS' : maxRisk(...operations.map((o) => o.risk), ...findings.map((f) => f.risk));
    const report: MigrationReport = {
      path: input.path,
      risk,
      rollback: { path: down ? down.path : null, status: rollbackStatus },
      operations,
      findings,
    };
    const name = input.path.split('/').pop()!.replace(/\.sql$/, '');
    const migration: Migration = {
      id: name,
      version: name.split('_')[0] ?? name,
      name,
      layout: input.goTemplates ? 'pop' : 'golang-migrate',
      dir: input.path.split('/').slice(0, -1).join('/'),
      up: { path: input.path, text: input.sql },
      down: down && input.down ? { path: down.path, text: input.down } : null,
      rollbackStatus,
      transaction,
      change: 'added',
    };
    return { migration, up, down, report, transaction: fileMode };
  });
}

/** Every statement the plan proposes (steps and rollbacks), for parse checks. */
export function allPlanSql(plan: Plan): string[] {
  return plan.phases.flatMap((p) => [...p.steps.flatMap((s) => s.sql), ...(p.rollbackSql ?? [])]);
}

/** Throws with the statement when libpg-query rejects it. */
export function assertParses(sql: string): void {
  try {
    parseSync(sql);
  } catch (e) {
    throw new Error(`proposed SQL does not parse: ${(e as Error).message}\n${sql}`);
  }
}

// ---------------------------------------------------------------------------------------------
// PGlite

/**
 * A PGlite started from the run's freshly initialised image (test/support/global-setup.ts), as
 * the dry-run's engines start: the same database initdb makes, without paying for initdb again.
 */
export async function openDb(): Promise<PGlite> {
  const image = TEST_CACHE_DIR ? await imageCache(TEST_CACHE_DIR).get(freshKey()) : null;
  const db = new PGlite(image ? { loadDataDir: new Blob([image.data]) } : {});
  await db.waitReady;
  return db;
}

/** Drops everything the previous case created (user schemas, functions and all). */
export async function resetDb(db: PGlite): Promise<void> {
  const schemas = await db.query<{ nspname: string }>(
    `SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'`,
  );
  for (const { nspname } of schemas.rows) await db.exec(`DROP SCHEMA "${nspname.replace(/"/g, '""')}" CASCADE`);
  await db.exec('CREATE SCHEMA public');
}

/** Runs the plan phase by phase, step by step, the way the plan says (one transaction or none). */
export async function runPlan(db: PGlite, plan: Plan, phases?: string[]): Promise<void> {
  for (const phase of plan.phases) {
    if (phases && !phases.includes(phase.name)) continue;
    for (const step of phase.steps) await runStatements(db, step.sql, step.transactional);
  }
}

export async function runStatements(db: PGlite, sql: string[], transactional: boolean): Promise<void> {
  if (sql.length === 0) return;
  if (transactional) await db.exec('BEGIN');
  for (const s of sql) {
    try {
      await db.exec(s);
    } catch (e) {
      if (transactional) await db.exec('ROLLBACK');
      throw new Error(`${(e as Error).message}\nwhile running:\n${s}`);
    }
  }
  if (transactional) await db.exec('COMMIT');
}

/** A sorted description of the user schema: columns, constraints, indexes, triggers, functions. */
export async function catalog(db: PGlite): Promise<string[]> {
  const user = `n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'`;
  const res = await db.query<{ x: string }>(`
    SELECT format('%s %s.%s: %s %s default %s', c.relkind, n.nspname, c.relname, a.attname,
                  format_type(a.atttypid, a.atttypmod), CASE WHEN a.attnotnull THEN 'not null' ELSE 'null' END,
                  coalesce(pg_get_expr(d.adbin, d.adrelid), '-')) AS x
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE ${user} AND c.relkind IN ('r', 'p', 'v', 'm') AND a.attnum > 0 AND NOT a.attisdropped
    UNION ALL
    SELECT format('constraint %s.%s %s %s valid=%s', n.nspname, c.relname, con.conname, pg_get_constraintdef(con.oid), con.convalidated)
      FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE ${user}
    UNION ALL
    SELECT format('index %s valid=%s', pg_get_indexdef(i.indexrelid), i.indisvalid)
      FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE ${user}
    UNION ALL
    SELECT format('trigger %s on %s', t.tgname, t.tgrelid::regclass) FROM pg_trigger t WHERE NOT t.tgisinternal
    UNION ALL
    SELECT format('function %s', p.oid::regprocedure) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE ${user}
    ORDER BY 1`);
  return res.rows.map((r) => r.x);
}

/**
 * Reads from `db` (holding the schema before the migrations) the columns they change the type
 * of or rename, as src/verify does before a plan is built.
 */
export async function withShapes(db: PGlite, migrations: AnalyzedMigration[]): Promise<void> {
  const q = { query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows };
  for (const m of migrations) await readMigrationShapes(q, m);
}
