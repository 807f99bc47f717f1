// mergeDryRun is pure: observed rewrites and locks raise the statement's operations, a feared
// rewrite that did not happen is noted, and a base failure is not blamed on the migration.
import { describe, expect, it } from 'vitest';
import { mergeDryRun } from '../../src/dryrun/index.js';
import type { DryRunResult, MigrationReport } from '../../src/core/types.js';

const report: MigrationReport = {
  path: 'db/0002.up.sql', risk: 'CAUTION', rollback: { path: 'db/0002.down.sql', status: 'present' },
  operations: [
    { kind: 'ADD_COLUMN_NULLABLE', risk: 'SAFE', line: 1, column: 1, table: 'public.orders', lock: 'AccessExclusiveLock', rules: [], statement: 0 },
    { kind: 'ALTER_COLUMN_TYPE', risk: 'CAUTION', line: 2, column: 1, table: 'public.orders', lock: 'AccessExclusiveLock', rules: ['changing-column-type'], statement: 1 },
    { kind: 'UPDATE_VALUES', risk: 'CAUTION', line: 3, column: 1, table: 'public.orders', lock: 'RowExclusiveLock', rules: [], statement: 2 },
  ],
  findings: [{ rule: 'changing-column-type', risk: 'CAUTION', line: 2, column: 1, message: 'May rewrite the table.', statement: 1 }],
};

const lock = (mode: 'AccessExclusiveLock' | 'RowExclusiveLock', heldAcross: number) =>
  ({ relation: 'public.orders', mode, heldMs: 12, preExisting: true, kind: 'table' as const, heldAcross });

const result = (over: Partial<DryRunResult>): DryRunResult => ({
  engine: 'pglite', serverVersion: '18.6', status: 'passed', durationMs: 5,
  statements: [
    { statement: 0, path: 'db/0002.up.sql', line: 1, column: 1, durationMs: 1, locks: [lock('AccessExclusiveLock', 2)], rewrites: [] },
    { statement: 1, path: 'db/0002.up.sql', line: 2, column: 1, durationMs: 1, locks: [], rewrites: [] },
    { statement: 2, path: 'db/0002.up.sql', line: 3, column: 1, durationMs: 9, locks: [lock('RowExclusiveLock', 0)], rewrites: [] },
  ],
  rollback: { status: 'exact', differences: [], reapply: 'passed' },
  ...over,
});

describe('mergeDryRun', () => {
  it('a blocking lock held across a backfill makes the statement DANGEROUS; a feared rewrite that did not happen is noted', () => {
    const merged = mergeDryRun(report, result({}));
    const f = merged.findings.find((x) => x.rule === 'observed-blocking-lock')!;
    expect(f).toMatchObject({ risk: 'DANGEROUS', line: 1, statement: 0 });
    expect(f.message).toMatch(/ACCESS EXCLUSIVE on public\.orders.*across 2 more statements/);
    expect(merged.operations[0]!.risk).toBe('DANGEROUS');
    expect(merged.operations[0]!.rules).toContain('observed-blocking-lock');
    expect(merged.findings.find((x) => x.rule === 'changing-column-type')!.message).toMatch(/no rewrite observed/);
    expect(merged.risk).toBe('DANGEROUS');
    expect(report.findings[0]!.message).toBe('May rewrite the table.'); // input untouched
  });

  // lemmy's 2026-03-08 fixup_post_action_indexes: DROP INDEX names no table, and the lock the
  // dry-run saw on post_actions was said to be stronger than the static analysis expected.
  it('a DROP INDEX\'s lock on its table is the one the static analysis foresaw for the index', () => {
    const drop: MigrationReport = {
      path: 'db/0002.up.sql', risk: 'CAUTION', rollback: { path: null, status: 'not-required' },
      operations: [{ kind: 'DROP_INDEX', risk: 'CAUTION', line: 1, column: 1, indexName: 'public.orders_x_idx', lock: 'AccessExclusiveLock', rules: [], statement: 0 }],
      findings: [],
    };
    const merged = mergeDryRun(drop, result({
      statements: [{ statement: 0, path: 'db/0002.up.sql', line: 1, column: 1, durationMs: 1, rewrites: [],
        locks: [{ ...lock('AccessExclusiveLock', 0), relation: 'public.orders_x_idx', kind: 'index' as const }, lock('AccessExclusiveLock', 0)] }],
      rollback: undefined,
    }));
    expect(merged.findings.filter((f) => f.rule === 'observed-blocking-lock')).toEqual([]);
    // Held across what follows in its transaction, it is reported, without the claim.
    const held = mergeDryRun(drop, result({
      statements: [{ statement: 0, path: 'db/0002.up.sql', line: 1, column: 1, durationMs: 1, rewrites: [],
        locks: [{ ...lock('AccessExclusiveLock', 1), relation: 'public.orders_x_idx', kind: 'index' as const }, lock('AccessExclusiveLock', 1)] },
      { statement: 1, path: 'db/0002.up.sql', line: 2, column: 1, durationMs: 1, locks: [], rewrites: [] }],
      rollback: undefined,
    }));
    const f = held.findings.find((x) => x.rule === 'observed-blocking-lock');
    expect(f?.message).toMatch(/across 1 more statement/);
    expect(f?.message).not.toMatch(/expected a weaker lock/);
  });

  it('rollback differences become findings on the down file; the re-apply that fails on the leftover is the same finding', () => {
    const merged = mergeDryRun(report, result({
      statements: [],
      rollback: { status: 'incomplete', differences: ['index public.orders_created_at_idx still exists after rollback'], reapply: 'failed',
        error: { sqlstate: '42P07', message: 'relation "orders_created_at_idx" already exists', path: 'db/0002.up.sql', line: 4, column: 1 } },
    }));
    expect(merged.findings).toContainEqual(expect.objectContaining({ rule: 'rollback-incomplete', path: 'db/0002.down.sql', message: expect.stringMatching(/^Index public\.orders_created_at_idx still exists after rollback/) }));
    expect(merged.findings.filter((f) => f.rule.startsWith('rollback-'))).toHaveLength(1);
    expect(merged.findings.find((f) => f.rule === 'rollback-incomplete')!.message).toMatch(/cannot be applied again: relation "orders_created_at_idx" already exists/);
  });

  it('a re-apply that fails with no leftover is its own finding', () => {
    const merged = mergeDryRun(report, result({
      statements: [],
      rollback: { status: 'exact', differences: [], reapply: 'failed',
        error: { sqlstate: '42P07', message: 'relation "x" already exists', path: 'db/0002.up.sql', line: 4, column: 1 } },
    }));
    expect(merged.findings).toContainEqual(expect.objectContaining({ rule: 'rollback-reapply-failed', line: 4 }));
  });

  it('the columns of a table the rollback left behind are not findings of their own', () => {
    const merged = mergeDryRun(report, result({
      statements: [],
      rollback: { status: 'incomplete', reapply: 'not-run', differences: [
        'column public.u.id still exists after rollback', 'constraint public.u.u_pkey still exists after rollback', 'table public.u still exists after rollback', 'column public.t.w is missing after rollback',
      ] },
    }));
    expect(merged.findings.filter((f) => f.rule === 'rollback-incomplete').map((f) => f.message.split(' (')[0])).toEqual(['Table public.u still exists after rollback', 'Column public.t.w is missing after rollback']);
  });

  it('a base failure adds the dry-run but blames nothing on the migration', () => {
    const merged = mergeDryRun(report, { engine: 'pglite', serverVersion: '18.6', status: 'base-failed', reason: 'base broke', statements: [], durationMs: 0 });
    expect(merged.findings).toEqual(report.findings);
    expect(merged.risk).toBe('CAUTION');
    expect(merged.dryRun?.status).toBe('base-failed');
  });
});
