import { describe, expect, it } from 'vitest';
import { EMPTY_STATE, embedState, parseState, stripState, type CommentState } from '../../src/github/comment-state.js';
import { approvedBlock, composeComment, MAX_COMMENT_LENGTH, replaceApproval } from '../../src/github/comment-body.js';

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
  const needs = '⛔ **This change needs approval** before it can merge';
  const report = `${marker}\n\n### Report\n\n${needs}\n\nDANGEROUS things\n`;

  it('wraps the approval block; replacing it keeps the rest of the report', () => {
    const body = composeComment({ marker, report, approvalBlock: needs, state: { ...state, approval: null } });
    expect(body.startsWith(marker)).toBe(true);
    expect(body).toContain(`<!-- migration-guard-approval -->${needs}<!-- /migration-guard-approval -->`);
    const approved = replaceApproval(body, approvedBlock(state.approval!), state, marker);
    expect(approved).toContain('### Report');
    expect(approved).toContain('DANGEROUS things');
    expect(approved).not.toContain(needs);
    expect(approved).toContain('✅ **Approved** by @alice on 2024-01-01 for `aaaaaaa`: empty table --&gt; fine &lt;!-- yes');
    expect(approved.match(/<!-- migration-guard-approval -->/g)).toHaveLength(1);
    expect(approved.match(/migration-guard-state/g)).toHaveLength(1);
    expect(parseState(approved)).toEqual(state);
  });

  it('puts the block after the marker when a body has none', () => {
    const approved = replaceApproval(`${marker}\nold text`, 'NEW', state, marker);
    expect(approved.indexOf('NEW')).toBeGreaterThan(approved.indexOf(marker));
    expect(approved.indexOf('NEW')).toBeLessThan(approved.indexOf('old text'));
  });

  it('says so when no migration is left, and never exceeds the size limit', () => {
    expect(composeComment({ marker, report: null, approvalBlock: '', state })).toContain('no longer changes any migration');
    const body = composeComment({ marker, report: 'x'.repeat(100_000), approvalBlock: '', state });
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(parseState(body)).toEqual(state);
  });
});
