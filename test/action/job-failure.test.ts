import { describe, expect, it } from 'vitest';
import { jobFailure } from '../../src/action/job-failure.js';
import type { CheckResult } from '../../src/check/types.js';
import type { ReportError, Risk } from '../../src/core/types.js';

function result(risk: Risk, errors: ReportError[] = []): CheckResult {
  const migration = { path: 'db/1.up.sql', risk, rollback: { path: null, status: 'missing' as const }, operations: [], findings: [] };
  return { report: { version: 1, risk, migrations: [migration], errors }, migrations: [], sources: new Map() };
}
const status = { state: 'failure' as const, description: 'DANGEROUS migrations need /approve-migration' };

describe('the job fails by the same verdict as the CLI', () => {
  it('fails at or above fail-on, with the reasons the CLI prints', () => {
    const msg = jobFailure({ result: result('DANGEROUS'), risk: 'DANGEROUS', approved: false, status }, 'DANGEROUS');
    expect(msg).toBe('Migrations are DANGEROUS (fail-on: DANGEROUS: 1 migration at or above the fail threshold DANGEROUS) and not approved. DANGEROUS migrations need /approve-migration');
  });

  it('passes when approved, with fail-on never, and when the change holds no migration', () => {
    expect(jobFailure({ result: result('DANGEROUS'), risk: 'DANGEROUS', approved: true, status }, 'DANGEROUS')).toBeNull();
    expect(jobFailure({ result: result('DANGEROUS'), risk: 'DANGEROUS', approved: false, status }, 'never')).toBeNull();
    expect(jobFailure({ result: result('SAFE'), risk: null, approved: false, status }, 'SAFE')).toBeNull();
  });

  it('a problem with its own rule below fail-on passes the merge queue too (it used to fail on any error)', () => {
    const caution: ReportError = { path: 'db/2.up.sql', line: 1, column: 1, message: 'orphan rollback', rule: 'rollback-orphan', risk: 'CAUTION' };
    expect(jobFailure({ result: result('CAUTION', [caution]), risk: 'CAUTION', approved: false, status }, 'DANGEROUS', 'Merge queue: migrations')).toBeNull();
  });

  it('a parse error fails whatever risk fail-on names', () => {
    const parse: ReportError = { path: 'db/2.up.sql', line: 3, column: 7, message: 'syntax error at or near "TABEL"' };
    const msg = jobFailure({ result: result('SAFE', [parse]), risk: 'SAFE', approved: false, status }, 'DANGEROUS', 'Merge queue: migrations');
    expect(msg).toMatch(/^Merge queue: migrations are SAFE \(fail-on: DANGEROUS: 1 error\)/);
  });
});
