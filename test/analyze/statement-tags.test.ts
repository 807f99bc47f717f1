// A rule's `statements` list makes the analyzer skip it for every other statement, so a tag
// missing from the list silently loses findings. The documented bad example of each such rule
// is linted with the list removed (the rule sees every statement): every statement it then
// reports on must carry a listed tag, and the list must name only tags the parser produces.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstKey } from '../../src/analyze/ast.js';
import type { Rule } from '../../src/analyze/rule.js';
import { initParser, parseSource } from '../../src/parse/index.js';
import { allRules } from '../../rules/index.js';
import { exampleTarget, lintSql } from '../support/lint-sql.js';

/** The tags of @pgsql/types' Node union, read from its declaration (types vanish at run time). */
function parserTags(): Set<string> {
  const require = createRequire(import.meta.url);
  const dts = readFileSync(path.join(path.dirname(require.resolve('@pgsql/types/package.json')), 'types.d.ts'), 'utf8');
  const start = dts.indexOf('export type Node = {');
  const end = dts.indexOf('\n};', start);
  return new Set([...dts.slice(start, end).matchAll(/^ {4}(\w+): \w+;$/gm)].map((m) => m[1]!));
}

const listed = allRules.filter((r): r is Rule & { statements: NonNullable<Rule['statements']> } => !!r.statements);

describe('rules that name the statements they read', () => {
  it('exist, and list only tags of the parser', () => {
    const tags = parserTags();
    expect(tags.has('IndexStmt')).toBe(true);
    expect(listed.length).toBeGreaterThan(10);
    for (const rule of listed) {
      expect(rule.statements.length, rule.id).toBeGreaterThan(0);
      expect(rule.statements.filter((t) => !tags.has(t)), rule.id).toEqual([]);
    }
  });

  describe.each(listed.map((r) => [r.id, r] as const))('%s', (id, rule) => {
    it('reports on its bad example only at statements of a listed tag', async () => {
      await initParser();
      const unlisted: Rule = { ...rule, statements: undefined };
      const rules = allRules.map((r) => (r === rule ? unlisted : r));
      const out = await lintSql(rule.docs.bad, { settings: { [id]: 'on' }, rules, ...exampleTarget(rule.docs.bad) });
      const statements = parseSource({ path: 'migration.sql', text: rule.docs.bad }).statements;
      const hit = out.findings.filter((f) => f.rule === id);
      expect(hit.length, `bad example of ${id}`).toBeGreaterThan(0);
      for (const f of hit) {
        const stmt = statements.find((s) => s.index === f.statement);
        expect(stmt, `${id}: a finding without its statement`).toBeDefined();
        expect(rule.statements, `${id} reported on:\n${stmt!.text}`).toContain(firstKey(stmt!.ast));
      }
      // And with the list in place, the analyzer loses none of them.
      const kept = (await lintSql(rule.docs.bad, { settings: { [id]: 'on' }, ...exampleTarget(rule.docs.bad) })).findings.filter((f) => f.rule === id);
      expect(kept).toEqual(hit);
    });
  });
});
