// The order test files start in: the longest first, so that no long file starts last and runs
// alone on one worker while the others sit idle at the end of the run. vitest orders by the
// durations of the previous run it cached (node_modules/.vite) and, without them (a fresh clone,
// as CI runs it), by file size, which put the long dry-run and end-to-end files anywhere. The
// files below were the longest of a whole run; the rest keep vitest's own order.
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Longest first, as measured on a whole run (2026-12-02, on the 2 shared cores the README
 * names). A file missing here only starts later; test/scripts/sequencer.test.ts checks that
 * each one listed exists.
 */
export const LONGEST: readonly string[] = [
  'test/action/action-e2e.test.ts',
  'test/cli/cli.test.ts',
  'test/gate/action-gate-e2e.test.ts',
  'test/check/adversarial.test.ts',
  'test/dryrun/failure-cleanup.test.ts',
  'test/corpus/lint-corpus.test.ts',
  'test/dryrun/hostile.test.ts',
  'test/check/history-rollback.test.ts',
  'test/verify/verify-plan.test.ts',
  'test/action/merge-queue-e2e.test.ts',
  'test/gate/action-approvals-e2e.test.ts',
  'test/app/approval-e2e.test.ts',
  'test/check/snapshot-base.test.ts',
  'test/dryrun/snapshot-base.test.ts',
  'test/verify/suggestions.test.ts',
  'test/cli/errors.test.ts',
];

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = LONGEST.indexOf(path.relative(f.project.config.root, f.moduleId).split(path.sep).join('/'));
      return i < 0 ? LONGEST.length : i;
    };
    // Array.prototype.sort is stable: the files not listed keep vitest's order.
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}
