// docs/rules.md is generated from the rules; this test fails when it is out of date and
// rewrites it when run with UPDATE_DOCS=1.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import type { Rule } from '../../src/analyze/rule.js';
import { renderRulesMarkdown } from '../../src/docs/rules-markdown.js';

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'rules.md');

describe('docs/rules.md', () => {
  it('matches the rules (regenerate with UPDATE_DOCS=1 npx vitest run test/docs)', () => {
    const rendered = renderRulesMarkdown(allRules);
    if (process.env.UPDATE_DOCS === '1') writeFileSync(file, rendered);
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      // a missing file is simply out of date
    }
    expect(
      current === rendered,
      'docs/rules.md is out of date with rules/*.ts: run `UPDATE_DOCS=1 npx vitest run test/docs` and commit docs/rules.md',
    ).toBe(true);
  });

  it('has an anchor, a table-of-contents row and both examples for every rule', () => {
    const md = renderRulesMarkdown(allRules);
    for (const r of allRules) {
      expect(md).toContain(`\n## ${r.id}\n`);
      expect(md).toContain(`| [\`${r.id}\`](#${r.id}) | ${r.risk} |`);
      expect(md).toContain(r.docs.bad.trimEnd());
      expect(md).toContain(r.docs.good.trimEnd());
    }
  });
});

describe('renderRulesMarkdown', () => {
  const base: Rule = {
    id: 'fixture-rule',
    risk: 'CAUTION',
    title: 'A | piped title',
    docs: { why: 'because', instead: 'do this', bad: 'SELECT 1;', good: 'SELECT 2;' },
  };

  it('lists a rule without equivalents in the no-equivalent section', () => {
    const md = renderRulesMarkdown([base]);
    expect(md).toContain('**Equivalent in other tools:** none');
    expect(md).toContain('## Rules with no equivalent in other tools\n\n- [`fixture-rule`](#fixture-rule)');
    expect(md).toContain('| A \\| piped title |');
  });

  it('links squawk and eugene names, several per tool', () => {
    const md = renderRulesMarkdown([{ ...base, sizeSensitive: true, docs: { ...base.docs, lock: 'SHARE', equivalents: { squawk: 'a-rule, b-rule', strongMigrations: 'add_index', eugene: 'E6' } } }]);
    expect(md).toContain('squawk [`a-rule`](https://squawkhq.com/docs/a-rule), [`b-rule`](https://squawkhq.com/docs/b-rule) · strong_migrations `add_index` · eugene [`E6`](https://kaveland.no/eugene/hints/E6/)');
    expect(md).toContain('**Lock:** SHARE');
    expect(md).toContain('size-aware');
    expect(md).not.toContain('- [`fixture-rule`]');
  });

  it('keeps examples that contain backticks inside their fence', () => {
    const md = renderRulesMarkdown([{ ...base, docs: { ...base.docs, bad: 'SELECT 1; -- ```' } }]);
    expect(md).toContain('````sql\nSELECT 1; -- ```\n````');
  });
});
