// Builds CheckResults for the renderer tests from real SQL: the real parser (src/parse) and the
// real analyzer (src/analyze) with the given rules. Only the dry-run part is given as data,
// since the renderers read it and nothing else.
import { fileTransaction } from '../../src/core/transaction.js';
import { analyzeSource } from '../../src/analyze/analyze.js';
import type { Rule } from '../../src/analyze/rule.js';
import { beginFile, newRunState } from '../../src/analyze/track.js';
import type { AnalyzedMigration, CheckResult } from '../../src/check/types.js';
import { maxRisk } from '../../src/core/risk.js';
import type { DryRunResult, LayoutName, Migration, MigrationReport, ParsedSource, Risk, RollbackStatus, TransactionMode } from '../../src/core/types.js';
import { initParser, parseSource } from '../../src/parse/index.js';
import type { IndexStmt } from '@pgsql/types';

export interface FixtureMigration {
  path: string;
  sql: string;
  down?: { path: string; sql: string } | null;
  rollbackStatus?: RollbackStatus;
  layout?: LayoutName;
  runner?: TransactionMode;
  dryRun?: DryRunResult;
}

export interface FixtureOptions {
  /** SQL applied before the migrations (base history): its tables count as existing. */
  history?: string;
  rules: readonly Rule[];
  pgVersion?: number;
}

export async function buildCheckResult(migrations: FixtureMigration[], opts: FixtureOptions): Promise<CheckResult> {
  await initParser();
  const state = newRunState({ pgVersion: opts.pgVersion ?? 16 });
  if (opts.history) {
    const parsed = parseSource({ path: 'history.sql', text: opts.history });
    beginFile(state, 'history.sql', 'none', true);
    analyzeSource(parsed, opts.history, state, opts.rules);
  }
  const sources = new Map<string, string>();
  const analyzed: AnalyzedMigration[] = [];
  const errors: CheckResult['report']['errors'] = [];

  for (const fm of migrations) {
    sources.set(fm.path, fm.sql);
    const up = parseSource({ path: fm.path, text: fm.sql });
    const fileMode = fileTransaction(fm.runner ?? 'none', up.statements);
    beginFile(state, fm.path, fileMode, false);
    const out = analyzeSource(up, fm.sql, state, opts.rules);
    let down: ParsedSource | null = null;
    if (fm.down) {
      sources.set(fm.down.path, fm.down.sql);
      down = parseSource({ path: fm.down.path, text: fm.down.sql });
    }
    const parseErrors = [...up.errors, ...(down?.errors ?? [])];
    errors.push(...parseErrors.map((e) => ({ path: e.path, line: e.line, column: e.column, message: e.message })));
    const risks: Risk[] = [...out.operations.map((o) => o.risk), ...out.findings.map((f) => f.risk)];
    if (parseErrors.length || fm.dryRun?.status === 'failed') risks.push('DANGEROUS');
    const rollbackStatus = fm.rollbackStatus ?? (fm.down ? 'present' : 'missing');
    const report: MigrationReport = {
      path: fm.path,
      risk: maxRisk(...risks),
      rollback: { path: fm.down?.path ?? null, status: rollbackStatus },
      operations: out.operations,
      findings: out.findings,
      ...(fm.dryRun ? { dryRun: fm.dryRun } : {}),
      id: fm.path.replace(/^.*\//, '').replace(/(\.up)?\.sql$/, ''),
      layout: fm.layout ?? 'golang-migrate',
      change: 'added',
      ...(up.notes.length ? { notes: up.notes } : {}),
    };
    const migration: Migration = {
      id: report.id!,
      version: report.id!.split('_')[0]!,
      name: report.id!,
      layout: report.layout!,
      dir: fm.path.includes('/') ? fm.path.replace(/\/[^/]*$/, '') : '.',
      up: { path: fm.path, text: fm.sql },
      down: fm.down ? { path: fm.down.path, text: fm.down.sql } : null,
      rollbackStatus,
      transaction: fm.runner ?? 'none',
      change: 'added',
    };
    analyzed.push({ migration, up, down, report, transaction: fileMode });
  }

  return {
    report: {
      version: 1,
      risk: maxRisk(...analyzed.map((a) => a.report.risk)),
      migrations: analyzed.map((a) => a.report),
      errors,
      pgVersion: opts.pgVersion ?? 16,
    },
    migrations: analyzed,
    sources,
  };
}

/**
 * A rule whose text the tests control, so snapshots do not change when the real rules' wording
 * does. It flags CREATE INDEX without CONCURRENTLY on a table that existed before.
 */
export const fixtureRule: Rule = {
  id: 'fixture-concurrent-index',
  risk: 'DANGEROUS',
  title: 'CREATE INDEX without CONCURRENTLY blocks writes',
  docs: {
    why: 'A plain CREATE INDEX holds a SHARE lock for the whole build, so every INSERT, UPDATE and DELETE on the table waits until the index is complete.',
    lock: 'SHARE on the table: reads continue, writes wait.',
    instead: 'Use CREATE INDEX CONCURRENTLY in a migration of its own.',
    bad: 'CREATE INDEX i ON t (c);',
    good: 'CREATE INDEX CONCURRENTLY i ON t (c);',
  },
  check({ statement, operations }) {
    const node = (statement.ast as { IndexStmt?: IndexStmt }).IndexStmt;
    const op = operations[0];
    if (!node || node.concurrent || !op || op.targetIsNew) return [];
    return [
      {
        operation: 0,
        message: `index ${node.idxname ?? '(unnamed)'} on ${op.table} is built while writes wait`,
        suggestion: statement.text.replace(/^CREATE INDEX/i, 'CREATE INDEX CONCURRENTLY') + ';',
      },
    ];
  },
};

export const fixtureLookup = (id: string): Rule | undefined => (id === fixtureRule.id ? fixtureRule : undefined);

/** A dry-run result as the dry-run stage reports it, for a migration with one indexed table. */
export function passedDryRun(path: string, line: number): DryRunResult {
  return {
    engine: 'pglite',
    serverVersion: '18.6',
    status: 'passed',
    statements: [
      {
        statement: 0,
        path,
        line,
        column: 1,
        durationMs: 12,
        locks: [
          { relation: 'public.orders', mode: 'ShareLock', heldMs: 12, preExisting: true },
          { relation: 'public.orders_created_at_idx', mode: 'AccessExclusiveLock', heldMs: 12, preExisting: false },
        ],
        rewrites: [],
      },
    ],
    rollback: { status: 'exact', differences: [], reapply: 'passed' },
    durationMs: 40,
  };
}
