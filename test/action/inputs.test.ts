import { describe, expect, it } from 'vitest';
import { parseInputs } from '../../src/action/inputs.js';
import { statusDescription } from '../../src/github/status.js';
import { toFileChanges } from '../../src/github/pr-files.js';

const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('parseInputs', () => {
  it('gives the defaults a user expects', () => {
    const i = parseInputs(inputs({ 'github-token': 't' }));
    expect(i).toMatchObject({ migrations: [], comment: true, approverPermission: 'write', approvers: [], allowAuthorApproval: false, statusContext: 'migration-guard' });
    expect(i.failOn).toBeUndefined();
    expect(i.approvalRisk).toBeUndefined();
    expect(i.dryRun).toBeUndefined();
  });

  it('reads every input', () => {
    const i = parseInputs(
      inputs({
        'github-token': 't',
        migrations: 'db/migrations\n  other/migrations , ',
        'pg-version': '14',
        'fail-on': 'caution',
        'approval-risk': 'CAUTION',
        'approver-permission': 'maintain',
        approvers: '@acme/dbas, carol',
        'allow-author-approval': 'true',
        'dry-run': 'true',
        'dry-run-engine': 'url',
        'database-url': 'postgres://u@localhost/db',
        comment: 'false',
      }),
    );
    expect(i).toMatchObject({
      migrations: ['db/migrations', 'other/migrations'],
      pgVersion: 14,
      failOn: 'CAUTION',
      approvalRisk: 'CAUTION',
      approverPermission: 'maintain',
      approvers: [{ kind: 'team', org: 'acme', slug: 'dbas' }, { kind: 'user', login: 'carol' }],
      allowAuthorApproval: true,
      dryRun: true,
      dryRunEngine: 'url',
      databaseUrl: 'postgres://u@localhost/db',
      comment: false,
    });
    expect(parseInputs(inputs({ 'github-token': 't', 'fail-on': 'never' })).failOn).toBe('never');
  });

  it('names the input that is wrong', () => {
    const bad: Array<[Record<string, string>, string]> = [
      [{}, 'input "github-token": is empty'],
      [{ 'pg-version': '8.4' }, 'input "pg-version": "8.4" is not a Postgres major version'],
      [{ 'fail-on': 'HIGH' }, 'input "fail-on": "HIGH" is not one of SAFE, CAUTION, DANGEROUS, never'],
      [{ 'approver-permission': 'owner' }, 'input "approver-permission"'],
      [{ comment: 'yes' }, 'input "comment": "yes" is not a boolean'],
      [{ 'dry-run-engine': 'docker' }, 'input "dry-run-engine"'],
      [{ 'dry-run-engine': 'url' }, 'input "database-url": is needed'],
      [{ approvers: 'a b' }, 'input "approvers"'],
    ];
    for (const [values, message] of bad) {
      expect(() => parseInputs(inputs({ 'github-token': 't', ...values, ...(Object.keys(values).length === 0 ? { 'github-token': '' } : {}) }))).toThrow(message);
    }
  });
});

describe('statusDescription', () => {
  it('makes one line of at most 140 characters', () => {
    expect(statusDescription('a\nb   c')).toBe('a b c');
    const long = statusDescription('é'.repeat(300));
    expect([...long]).toHaveLength(140);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('toFileChanges', () => {
  it('maps GitHub file statuses to changes', () => {
    expect(
      toFileChanges([
        { filename: 'a.sql', status: 'added' },
        { filename: 'b.sql', status: 'removed' },
        { filename: 'c.sql', status: 'modified' },
        { filename: 'd.sql', status: 'renamed', previous_filename: 'old.sql' },
        { filename: 'e.sql', status: 'copied' },
        { filename: 'f.sql', status: 'changed' },
        { filename: 'g.sql', status: 'unchanged' },
      ]),
    ).toEqual([
      { path: 'a.sql', status: 'added' },
      { path: 'b.sql', status: 'deleted' },
      { path: 'c.sql', status: 'modified' },
      { path: 'd.sql', status: 'renamed', previousPath: 'old.sql' },
      { path: 'e.sql', status: 'added' },
      { path: 'f.sql', status: 'modified' },
    ]);
  });

  it('keeps what a path holds after the change (a submodule: its commit), not what a deleted one held', () => {
    expect(
      toFileChanges([
        { filename: 'db', status: 'modified', sha: 'c'.repeat(40) },
        { filename: 'b.sql', status: 'removed', sha: 'd'.repeat(40) },
      ]),
    ).toEqual([
      { path: 'db', status: 'modified', object: 'c'.repeat(40) },
      { path: 'b.sql', status: 'deleted' },
    ]);
  });
});
