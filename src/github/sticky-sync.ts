// Writing the sticky comment while other runs may write it too (a review and an approval, two
// reviews, two App replicas). GitHub has no conditional write for comments, so a run writes the
// merge of its state with the comment's as just read (state-merge.ts), publishes what follows
// from that state (the status, the check run), then reads the comment again: when another run
// wrote in between, it merges again, writes and publishes again. The run that publishes last
// read the comment after every write before its publishing, so the status ends as the comment
// ends. What no re-read can see is in docs/security.md ("Runs that write at once").
import { parseState, sameState, type CommentState } from './comment-state.js';
import type { GitHubClient, RepoRef } from './octokit.js';
import { STICKY_MARKER } from './render.js';
import { listThread, type CommentThread, type StickyComment } from './sticky-comment.js';
import { writeStickyComment } from './sticky-settle.js';

/** The comment as one read found it. */
export interface CommentTurn {
  thread: CommentThread;
  comment: StickyComment | null;
  state: CommentState | null;
}

export interface StickyWriter {
  /** What this run wants the comment to say, given the comment as it is; null to leave it alone. */
  compose(turn: CommentTurn): Promise<{ state: CommentState; body: string } | null>;
  /** Publishes what follows from the state now in the comment (round 1 first). */
  publish(state: CommentState, comment: StickyComment, round: number): Promise<void>;
}

export interface Synced {
  /** The comment as last read or written. */
  comment: StickyComment | null;
  /** The state last published, or null when the writer left the comment alone before publishing. */
  published: CommentState | null;
  /** The state in the comment when the writer left it alone (a newer review owns it), else null. */
  leftTo: CommentState | null;
}

/** Rounds of merge, write and publish before giving up on a comment that keeps changing. */
const MAX_ROUNDS = 4;

export async function syncStickyComment(
  octokit: GitHubClient,
  repo: RepoRef,
  issueNumber: number,
  identity: string,
  first: CommentThread,
  writer: StickyWriter,
  log: (message: string) => void,
): Promise<Synced> {
  let thread = first;
  let published: CommentState | null = null;
  let written: StickyComment | null = null;
  for (let round = 1; ; round++) {
    const current = thread.own[0] ?? null;
    const state = parseState(current?.body);
    const want = await writer.compose({ thread, comment: current, state });
    if (!want) return { comment: current, published, leftTo: state };
    const settled = current !== null && thread.own.length === 1 && sameState(want.state, state);
    if (settled && published && sameState(want.state, published)) return { comment: current, published, leftTo: null };
    if (round > MAX_ROUNDS) {
      log(`the comment kept changing under ${MAX_ROUNDS} rounds of merging; leaving it as last written`);
      return { comment: written, published, leftTo: null };
    }
    if (round > 1) log('another run wrote the comment since this one read it: merging again');
    written = settled ? current : await writeStickyComment(octokit, repo, issueNumber, STICKY_MARKER, identity, want.body, thread.own);
    await writer.publish(want.state, written, round);
    published = want.state;
    thread = await listThread(octokit, repo, issueNumber, STICKY_MARKER, identity);
  }
}
