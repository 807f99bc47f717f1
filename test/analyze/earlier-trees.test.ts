// An earlier statement of the file keeps its syntax tree in state.earlierInFile only when a rule
// says it reads it (Rule.readsEarlierTree); the others keep their tag alone, so a large file
// does not hold every tree. A rule that reads an earlier tree without saying so would silently
// lose findings: every rule's documented examples, run in a transaction and out of one, must
// give the same findings as a run where every earlier statement keeps its tree.
import { describe, expect, it } from 'vitest';
import { firstKey } from '../../src/analyze/ast.js';
import { analyzeSource } from '../../src/analyze/analyze.js';
import type { Rule } from '../../src/analyze/rule.js';
import { beginFile, newRunState } from '../../src/analyze/track.js';
import { initParser, parseSource } from '../../src/parse/index.js';
import { allRules } from '../../rules/index.js';
import { lintSql } from '../support/lint-sql.js';

const keepingEvery: Rule[] = allRules.map((r) => ({ ...r, readsEarlierTree: () => true }));
const everyRuleOn = Object.fromEntries(allRules.map((r) => [r.id, 'on' as const]));

describe('earlier statements keep their trees for the rules that read them', () => {
  const examples = allRules.flatMap((r) => [[`${r.id} bad`, r.docs.bad], [`${r.id} good`, r.docs.good]] as const);
  it.each(examples)('%s: the same findings as with every earlier tree kept', async (_name, sql) => {
    for (const runner of ['none', 'wrapped'] as const) {
      const declared = await lintSql(sql, { runner, settings: everyRuleOn });
      const every = await lintSql(sql, { runner, settings: everyRuleOn, rules: keepingEvery });
      expect(declared.findings, runner).toEqual(every.findings);
    }
  });

  it('keeps only the tag of a statement no rule reads again, and the tree of one a rule does', async () => {
    await initParser();
    const sql = "SET timezone = 'UTC';\nCREATE TABLE t (id bigint);\nCREATE INDEX t_id ON t (id);\n";
    const parsed = parseSource({ path: 'm.sql', text: sql });
    const state = newRunState({ pgVersion: 16 });
    beginFile(state, 'm.sql', 'none', false);
    analyzeSource(parsed, sql, state, allRules);
    const steps = [...(state.earlierInFile ?? [])];
    expect(steps.map((s) => firstKey(s.statement.ast))).toEqual(['VariableSetStmt', 'CreateStmt', 'IndexStmt']);
    // changing-column-type reads an earlier SET timezone.
    expect(steps[0]!.statement.ast).toBe(parsed.statements[0]!.ast);
    expect(steps[1]!.statement.ast).toEqual({ CreateStmt: {} });
    expect(steps[2]!.statement.ast).toEqual({ IndexStmt: {} });
    expect(steps[2]!.statement.text).toBe(parsed.statements[2]!.text);
  });
});
