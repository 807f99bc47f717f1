import { describe, expect, it } from 'vitest';
import { EMPTY_STATE, embedState, parseState, stripState, type CommentState } from '../../src/github/comment-state.js';
import { composeComment, MAX_COMMENT_LENGTH, replaceApproval } from '../../src/github/comment-body.js';
import { DEFAULT_POLICY } from '../../src/github/approval.js';

const state: CommentState = {
  version: 1,
  review: { headSha: 'a'.repeat(40), contentHash: 'sha256:abc', risk: 'DANGEROUS', needsApproval: true, paths: ['db/migrations/0001_x.up.sql'], at: '2024-01-01T00:00:00.000Z' },
  approval: { approver: 'alice', reason: 'empty table --> fine <!-- yes', contentHash: 'sha256:abc', headSha: 'a'.repeat(40), at: '2024-01-01T00:01:00.000Z' },
  voided: [],
};

describe('comment state', () => {
  it('round-trips through a comment body, whatever the text holds', () => {
    const body = `## Review\n\ntext\n\n${embedState(state)}`;
    expect(parseState(body)).toEqual(state);
    expect(stripState(body)).toBe('## Review\n\ntext');
  });

  it('reads nothing from a body without state or with broken state', () => {
    expect(parseState('just text')).toBeNull();
    expect(parseState('<!-- migration-guard-state bm90IGpzb24= -->')).toBeNull();
    expect(parseState('<!-- migration-guard-state eyJ2ZXJzaW9uIjoyfQ== -->')).toBeNull();
    expect(parseState(undefined)).toBeNull();
  });

  it('keeps the last state block when a body quotes an older one', () => {
    const older = embedState(EMPTY_STATE);
    expect(parseState(`${older}\n${embedState(state)}`)).toEqual(state);
  });
});

describe('comment body', () => {
  const marker = '<!-- migration-guard -->';
  it('lays out marker, report, approval and state; replacing the approval keeps the report', () => {
    const body = composeComment({ marker, report: '### Report\n\nDANGEROUS things', state: { ...state, approval: null }, policy: DEFAULT_POLICY });
    expect(body.startsWith(marker)).toBe(true);
    expect(body).toContain('**Needs approval.**');
    expect(body).toContain('someone with write access');
    const approved = replaceApproval(body, state, DEFAULT_POLICY, marker);
    expect(approved).toContain('### Report\n\nDANGEROUS things');
    expect(approved).toContain('**Approved** by @alice');
    expect(approved).toContain('&lt;!-- yes');
    expect(approved.match(/<!-- migration-guard-approval -->/g)).toHaveLength(1);
    expect(parseState(approved)).toEqual(state);
  });

  it('cuts a report that would not fit in one comment, keeping the state', () => {
    const body = composeComment({ marker, report: 'x'.repeat(100_000), state, policy: DEFAULT_POLICY });
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(body).toContain('too long for one comment');
    expect(parseState(body)).toEqual(state);
  });
});
