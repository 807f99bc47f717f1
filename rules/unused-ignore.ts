import type { Rule } from '../src/analyze/rule.js';

// Raised by the analyzer itself (src/analyze/analyze.ts), not by a check of its own: only it
// knows, at the end of a file, which ignore comments silenced nothing.
export const rule: Rule = {
  id: 'unused-ignore',
  risk: 'SAFE',
  title: 'An ignore comment that suppresses nothing',
  docs: {
    why:
      'A `-- migration-guard-ignore` comment that silences no finding is either stale (the statement was fixed) or names a rule wrongly, and then the finding it meant to silence is still reported, or a later real problem is silenced by accident.',
    instead: 'Remove the comment, or correct the rule id it lists (ids are in docs/rules.md).',
    bad: '-- migration-guard-ignore require-concurrent-index\nCREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);',
    good: 'CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);',
  },
};

export default rule;
