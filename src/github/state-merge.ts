// Runs write the sticky comment concurrently (a review and an approval, two reviews, two App
// replicas), and GitHub has no conditional write for comments: a write replaces the whole body.
// So no run writes what it wants outright: it writes its state merged with what the comment says
// now. The merge is a join — the same whoever merges, in either order, and merging again changes
// nothing — so runs that keep re-reading and merging settle on one state instead of taking turns.
import type { ApprovalRecord } from '../check/types.js';
import { MAX_VOIDED, voidApproval, type CommentState, type ReviewState, type VoidedApproval } from './comment-state.js';

export type ReviewedState = CommentState & { review: ReviewState };

/**
 * `mine` merged with `current` (the comment's state as just read):
 * - the review is the newer one (by `at`); when both are of the same content, it has been under
 *   review since the earlier `since`;
 * - an approval of the merged review's content hash is never dropped for none: of two, the newer
 *   is kept (the gate is the same either way);
 * - an approval of any other content is never resurrected: it is voided (once);
 * - the voided approvals of both, oldest first, as many as the comment keeps.
 */
export function mergeStates(mine: ReviewedState, current: CommentState | null, now: Date): ReviewedState {
  if (!current) return { ...mine, voided: ordered(mine.voided) };
  const review = current.review ? newerReview(mine.review, current.review) : mine.review;
  const candidates = [current.approval, mine.approval].filter((a): a is ApprovalRecord => a !== null);
  const approval = newestApproval(candidates.filter((a) => a.contentHash === review.contentHash));
  const voided: VoidedApproval[] = [...current.voided, ...mine.voided];
  for (const stale of candidates.filter((a) => a.contentHash !== review.contentHash)) {
    if (!voided.some((v) => keyOf(v) === keyOf(stale))) voided.push(voidApproval(stale, review.headSha, now));
  }
  return { version: 1, review, approval, voided: ordered(voided) };
}

/** The approval in a state that covers its review's content, or null. */
export function validApproval(state: CommentState | null): ApprovalRecord | null {
  return state?.review && state.approval && state.approval.contentHash === state.review.contentHash ? state.approval : null;
}

/** Whether two reviews are of the same head and the same content. */
export function sameTarget(a: ReviewState, b: ReviewState): boolean {
  return a.headSha === b.headSha && a.contentHash === b.contentHash;
}

function newerReview(a: ReviewState, b: ReviewState): ReviewState {
  // Ties are broken by the review itself, not by which side is "mine", so both sides pick the same.
  const aIsNewer = (compare(a.at, b.at) || compare(`${a.headSha}${a.contentHash}`, `${b.headSha}${b.contentHash}`)) > 0;
  const [older, newer] = aIsNewer ? [b, a] : [a, b];
  if (older.contentHash !== newer.contentHash) return newer;
  const since = [older.since ?? older.at, newer.since ?? newer.at].sort(compare)[0]!;
  return { ...newer, since };
}

function newestApproval(approvals: ApprovalRecord[]): ApprovalRecord | null {
  return [...approvals].sort((x, y) => compare(x.at, y.at) || compare(x.approver, y.approver)).at(-1) ?? null;
}

/** Deduplicated, oldest voiding first, the newest MAX_VOIDED. */
function ordered(voided: VoidedApproval[]): VoidedApproval[] {
  const seen = new Map<string, VoidedApproval>();
  for (const v of voided) if (!seen.has(keyOf(v))) seen.set(keyOf(v), v);
  return [...seen.values()].sort((x, y) => compare(x.voidedAt, y.voidedAt) || compare(keyOf(x), keyOf(y))).slice(-MAX_VOIDED);
}

function keyOf(a: ApprovalRecord): string {
  return `${a.approver}\n${a.contentHash}\n${a.headSha}\n${a.at}`;
}

/** ISO 8601 times compare as instants; other strings as text. */
function compare(x: string, y: string): number {
  const dx = Date.parse(x);
  const dy = Date.parse(y);
  if (!Number.isNaN(dx) && !Number.isNaN(dy) && dx !== dy) return dx < dy ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}
