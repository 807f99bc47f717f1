// Which GitHub answers mean "this token may not write" (fall back to a review without writes)
// and which do not (a rate limit also answers 403; a failed read is an error).
import { describe, expect, it } from 'vitest';
import { isWriteRefused } from '../../src/action/read-only.js';
import { pullNumberOfQueueRef } from '../../src/github/merge-queue.js';

const refused = (method: string, message = 'Resource not accessible by integration', headers: Record<string, string> = {}) => ({
  status: 403,
  message,
  request: { method, url: 'https://api.github.com/repos/a/b/statuses/abc' },
  response: { headers },
});

describe('isWriteRefused', () => {
  it('a 403 to a write', () => {
    expect(isWriteRefused(refused('POST'))).toBe(true);
    expect(isWriteRefused(refused('PATCH'))).toBe(true);
  });
  it('not a rate limit, a read, another status or a plain error', () => {
    expect(isWriteRefused(refused('POST', 'You have exceeded a secondary rate limit'))).toBe(false);
    expect(isWriteRefused(refused('POST', 'Forbidden', { 'retry-after': '60' }))).toBe(false);
    expect(isWriteRefused(refused('POST', 'Forbidden', { 'x-ratelimit-remaining': '0' }))).toBe(false);
    expect(isWriteRefused(refused('GET'))).toBe(false);
    expect(isWriteRefused({ ...refused('POST'), status: 404 })).toBe(false);
    expect(isWriteRefused(new Error('boom'))).toBe(false);
  });
});

describe('pullNumberOfQueueRef', () => {
  it('reads the pull request from the queue branch GitHub names', () => {
    expect(pullNumberOfQueueRef('refs/heads/gh-readonly-queue/main/pr-104-929f8209d40f77f4abc622a499c93a83babdbe64')).toBe(104);
    expect(pullNumberOfQueueRef('refs/heads/gh-readonly-queue/release/2.x/pr-7-929f8209d40f77f4abc622a499c93a83babdbe64')).toBe(7);
  });
  it('null for anything else', () => {
    expect(pullNumberOfQueueRef('refs/heads/main')).toBeNull();
    expect(pullNumberOfQueueRef('refs/heads/feature/pr-12-abcdef1')).toBeNull();
  });
});
