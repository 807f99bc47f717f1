// The merge every writer of the sticky comment applies to the comment's state as just read: the
// rules that keep an approval from being lost to, or resurrected by, a concurrent write.
import { describe, expect, it } from 'vitest';
import { EMPTY_STATE, embedState, MAX_VOIDED, parseState, sameState, type CommentState, type ReviewState } from '../../src/github/comment-state.js';
import { mergeStates, sameTarget, validApproval, type ReviewedState } from '../../src/github/state-merge.js';
import type { ApprovalRecord } from '../../src/check/types.js';

const H1 = '1'.repeat(40);
const H2 = '2'.repeat(40);
const NOW = new Date('2024-05-01T12:00:00.000Z');

function review(o: Partial<ReviewState> = {}): ReviewState {
  return { headSha: H1, contentHash: 'sha256:one', risk: 'DANGEROUS', needsApproval: true, paths: ['db/0002.up.sql'], at: '2024-05-01T10:00:00.000Z', since: '2024-05-01T09:00:00.000Z', ...o };
}

function approval(approver: string, contentHash = 'sha256:one', at = '2024-05-01T10:30:00.000Z'): ApprovalRecord {
  return { approver, contentHash, headSha: H1, at };
}

function state(o: Partial<ReviewedState> = {}): ReviewedState {
  return { version: 1, review: review(), approval: null, voided: [], ...o };
}

describe('mergeStates', () => {
  it('keeps an approval the comment got after this run read it (the lost-approval race)', () => {
    // The review read the comment before alice approved; the comment now has her approval.
    const mine = state({ review: review({ at: '2024-05-01T11:00:00.000Z' }) });
    const current = state({ approval: approval('alice') });
    const merged = mergeStates(mine, current, NOW);
    expect(merged.review.at).toBe('2024-05-01T11:00:00.000Z');
    expect(merged.approval).toMatchObject({ approver: 'alice' });
    expect(validApproval(merged)).toMatchObject({ approver: 'alice' });
  });

  it('never resurrects an approval of other content: it is voided, once', () => {
    // A review of new content (sha256:two) meets an approval of the old content written since its read.
    const mine = state({ review: review({ headSha: H2, contentHash: 'sha256:two', at: '2024-05-01T11:00:00.000Z', since: '2024-05-01T11:00:00.000Z' }) });
    const current = state({ approval: approval('alice') });
    const merged = mergeStates(mine, current, NOW);
    expect(merged.approval).toBeNull();
    expect(merged.voided).toEqual([{ ...approval('alice'), voidedAt: NOW.toISOString(), voidedAtSha: H2 }]);
    // Merging the written state again changes nothing: the voided approval is not voided twice.
    expect(sameState(mergeStates(mine, merged, new Date('2024-05-01T13:00:00.000Z')), merged)).toBe(true);
  });

  it('an approval run merging into a newer review of other content does not bring its approval back', () => {
    const newer = state({ review: review({ headSha: H2, contentHash: 'sha256:two', at: '2024-05-01T11:00:00.000Z' }) });
    const mine = state({ approval: approval('alice') }); // the approval run's view: the older review plus its approval
    const merged = mergeStates(mine, newer, NOW);
    expect(merged.review).toEqual(newer.review);
    expect(merged.approval).toBeNull();
    expect(merged.voided.map((v) => v.approver)).toEqual(['alice']);
    expect(sameTarget(merged.review, mine.review)).toBe(false);
  });

  it('of two approvals of the same content, the newer is kept, whichever side merges', () => {
    const alice = approval('alice', 'sha256:one', '2024-05-01T10:30:00.000Z');
    const bob = approval('bob', 'sha256:one', '2024-05-01T10:31:00.000Z');
    expect(mergeStates(state({ approval: alice }), state({ approval: bob }), NOW).approval).toEqual(bob);
    expect(mergeStates(state({ approval: bob }), state({ approval: alice }), NOW).approval).toEqual(bob);
    // No approval never wins over one.
    expect(mergeStates(state(), state({ approval: alice }), NOW).approval).toEqual(alice);
    expect(mergeStates(state({ approval: alice }), state(), NOW).approval).toEqual(alice);
  });

  it('the newer review wins; the same content keeps the earlier since', () => {
    const older = state({ review: review({ at: '2024-05-01T10:00:00.000Z', since: '2024-05-01T09:00:00.000Z' }) });
    const newer = state({ review: review({ at: '2024-05-01T11:00:00.000Z', since: '2024-05-01T10:59:00.000Z', paths: ['db/0002.up.sql', 'x'] }) });
    for (const [mine, current] of [
      [older, newer],
      [newer, older],
    ] as const) {
      const merged = mergeStates(mine, current, NOW);
      expect(merged.review).toEqual({ ...newer.review, since: '2024-05-01T09:00:00.000Z' });
    }
  });

  it('two reviews written at the same instant pick the same winner whichever side merges', () => {
    const a = state({ review: review({ headSha: H1 }) });
    const b = state({ review: review({ headSha: H2 }) });
    expect(mergeStates(a, b, NOW).review.headSha).toBe(mergeStates(b, a, NOW).review.headSha);
  });

  it('unions the voided approvals, oldest first, as many as the comment keeps, so merging again is stable', () => {
    const voided = (i: number) => ({ ...approval(`v${i}`, 'sha256:old'), voidedAt: `2024-04-0${i}T00:00:00.000Z`, voidedAtSha: H1 });
    const mine = state({ voided: [voided(1), voided(2), voided(3), voided(4)] });
    const current = state({ voided: [voided(3), voided(4), voided(5), voided(6)] });
    const merged = mergeStates(mine, current, NOW);
    expect(merged.voided.map((v) => v.approver)).toEqual(['v2', 'v3', 'v4', 'v5', 'v6']);
    expect(merged.voided).toHaveLength(MAX_VOIDED);
    // As written and read back, then merged with the same run's state again: nothing to write.
    const readBack = parseState(embedState(merged))!;
    expect(sameState(mergeStates(mine, readBack, NOW), readBack)).toBe(true);
  });

  it('is the run\'s own state when the comment has none, and idempotent on its own output', () => {
    const mine = state({ approval: approval('alice') });
    expect(mergeStates(mine, null, NOW)).toEqual(mine);
    expect(mergeStates(mine, EMPTY_STATE, NOW)).toEqual(mine);
    const once = mergeStates(mine, state({ approval: approval('bob', 'sha256:one', '2024-05-01T10:45:00.000Z') }), NOW);
    expect(sameState(mergeStates(mine, once, NOW), once)).toBe(true);
  });
});

describe('sameState', () => {
  it('ignores key order and what the comment would not keep', () => {
    const a: CommentState = state({ approval: approval('alice') });
    const reordered = JSON.parse(JSON.stringify({ voided: a.voided, approval: a.approval, review: a.review, version: 1 })) as CommentState;
    expect(sameState(a, reordered)).toBe(true);
    expect(sameState(a, { ...a, approval: null })).toBe(false);
    expect(sameState(null, null)).toBe(true);
    expect(sameState(a, null)).toBe(false);
  });
});
