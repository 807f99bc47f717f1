// Every rule's documented examples are linted as written (no history, so the tables they do
// not create are pre-existing), for the target a first `-- pgVersion:` line names: the bad one
// must trigger the rule and the good one must not.
// The docs page shows these examples, so this keeps the documentation honest.
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import { exampleTarget, lintSql } from '../support/lint-sql.js';

const checked = allRules.filter((r) => r.check || r.finish);

describe('documented rule examples', () => {
  it('covers every rule that checks SQL', () => {
    expect(checked.length).toBeGreaterThan(20);
  });

  describe.each(checked.map((r) => [r.id, r] as const))('%s', (id, rule) => {
    it('the bad example triggers the rule', async () => {
      const out = await lintSql(rule.docs.bad, { settings: { [id]: 'on' }, ...exampleTarget(rule.docs.bad) });
      expect(out.errors, `bad example of ${id} must parse`).toEqual([]);
      expect(out.findings.map((f) => f.rule), `bad example of ${id}:\n${rule.docs.bad}`).toContain(id);
    });

    it('the good example does not', async () => {
      const out = await lintSql(rule.docs.good, { settings: { [id]: 'on' }, ...exampleTarget(rule.docs.good) });
      expect(out.errors, `good example of ${id} must parse`).toEqual([]);
      const own = out.findings.filter((f) => f.rule === id);
      expect(own, `good example of ${id}:\n${rule.docs.good}`).toEqual([]);
    });
  });
});
