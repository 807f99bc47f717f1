import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY,
  decideApproval,
  parseApprovalCommand,
  parseApprovers,
  permissionFromApi,
  type ApprovalFacts,
  type ApprovalPolicy,
} from '../../src/github/approval.js';

describe('parseApprovalCommand', () => {
  it('reads the command alone or with a reason', () => {
    expect(parseApprovalCommand('/approve-migration')).toEqual({});
    expect(parseApprovalCommand('  /approve-migration   ')).toEqual({});
    expect(parseApprovalCommand('/approve-migration table is empty in prod')).toEqual({ reason: 'table is empty in prod' });
    expect(parseApprovalCommand('/approve-migration\nran it on staging,\n  took 2s')).toEqual({ reason: 'ran it on staging, took 2s' });
    expect(parseApprovalCommand('/APPROVE-MIGRATION ok')).toEqual({ reason: 'ok' });
  });

  it('ignores everything else', () => {
    expect(parseApprovalCommand('/approve-migrations')).toBeNull();
    expect(parseApprovalCommand('please /approve-migration')).toBeNull();
    expect(parseApprovalCommand('> /approve-migration')).toBeNull();
    expect(parseApprovalCommand('')).toBeNull();
    expect(parseApprovalCommand('/approve')).toBeNull();
  });

  it('caps a long reason', () => {
    const reason = parseApprovalCommand(`/approve-migration ${'x'.repeat(2000)}`)?.reason ?? '';
    expect(reason.length).toBe(500);
    expect(reason.endsWith('…')).toBe(true);
  });
});

describe('parseApprovers', () => {
  it('reads users and org/teams, with or without @', () => {
    expect(parseApprovers(['alice', '@bob', 'acme/DBAs', '@acme/platform-team'])).toEqual([
      { kind: 'user', login: 'alice' },
      { kind: 'user', login: 'bob' },
      { kind: 'team', org: 'acme', slug: 'dbas' },
      { kind: 'team', org: 'acme', slug: 'platform-team' },
    ]);
  });
  it('names a bad entry', () => {
    expect(() => parseApprovers(['alice', 'not a user'])).toThrow('"not a user" is neither a GitHub user name nor an org/team');
  });
});

describe('permissionFromApi', () => {
  it('prefers the role name, which tells maintain and triage apart', () => {
    expect(permissionFromApi({ permission: 'write', role_name: 'maintain' })).toBe('maintain');
    expect(permissionFromApi({ permission: 'read', role_name: 'triage' })).toBe('triage');
    expect(permissionFromApi({ permission: 'write', role_name: 'custom-release-role' })).toBe('write');
    expect(permissionFromApi({ permission: 'none' })).toBe('none');
  });
});

describe('decideApproval', () => {
  const facts = (over: Partial<ApprovalFacts>): ApprovalFacts => ({
    commenter: { login: 'alice', type: 'User' },
    author: 'dev',
    permission: 'write',
    teams: [],
    ...over,
  });

  it('accepts a writer and anyone above', () => {
    for (const permission of ['write', 'maintain', 'admin'] as const) {
      expect(decideApproval(facts({ permission }), DEFAULT_POLICY)).toEqual({ kind: 'accepted' });
    }
  });

  it('refuses a reader, saying what is needed', () => {
    const d = decideApproval(facts({ permission: 'read' }), DEFAULT_POLICY);
    expect(d).toEqual({ kind: 'refused', reason: '@alice has read access to this repository; approving needs write access or higher.' });
    expect(decideApproval(facts({ permission: 'triage' }), { ...DEFAULT_POLICY, minPermission: 'triage' })).toEqual({ kind: 'accepted' });
  });

  it('refuses the author unless allowed', () => {
    const f = facts({ commenter: { login: 'Dev', type: 'User' }, permission: 'admin' });
    expect(decideApproval(f, DEFAULT_POLICY)).toMatchObject({ kind: 'refused', reason: expect.stringContaining('opened this pull request') });
    expect(decideApproval(f, { ...DEFAULT_POLICY, allowAuthor: true })).toEqual({ kind: 'accepted' });
  });

  it('refuses bots by type or by login', () => {
    expect(decideApproval(facts({ commenter: { login: 'renovate', type: 'Bot' }, permission: 'admin' }), DEFAULT_POLICY).kind).toBe('refused');
    expect(decideApproval(facts({ commenter: { login: 'dependabot[bot]', type: 'User' }, permission: 'admin' }), DEFAULT_POLICY).kind).toBe('refused');
  });

  it('with approvers listed, only they (or their teams) may approve', () => {
    const policy: ApprovalPolicy = { ...DEFAULT_POLICY, approvers: parseApprovers(['carol', 'acme/dbas']) };
    expect(decideApproval(facts({ permission: 'admin' }), policy)).toMatchObject({ kind: 'refused', reason: '@alice is not among the approvers (@carol, @acme/dbas).' });
    expect(decideApproval(facts({ commenter: { login: 'carol' }, permission: 'read' }), policy)).toEqual({ kind: 'accepted' });
    expect(decideApproval(facts({ permission: 'read', teams: [{ org: 'ACME', slug: 'dbas' }] }), policy)).toEqual({ kind: 'accepted' });
    expect(decideApproval(facts({ commenter: { login: 'carol' }, permission: 'none' }), policy).kind).toBe('refused');
  });
});
