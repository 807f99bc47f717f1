// earlierStepPasses answers as earlierInFile.some(test) does, for a test that reads the state
// (its answer for a step can change as the run goes on), while it remembers the step that
// passed last time.
import { describe, expect, it } from 'vitest';
import { earlierStepPasses } from '../../src/analyze/rule-helpers.js';
import { FileSteps, type AnalysisState, type FileStep } from '../../src/analyze/state.js';
import type { Statement } from '../../src/core/types.js';

const step = (index: number): FileStep => ({
  statement: { index, path: 'm.sql', line: index + 1, column: 1, start: 0, end: 0, text: `-- ${index}`, ast: { SelectStmt: {} } } as unknown as Statement,
  operations: [],
  txId: 0,
  inTransaction: false,
  lockTimeout: false,
  statementTimeout: false,
});

describe('earlierStepPasses', () => {
  it('agrees with some() at every call while the steps that pass change', () => {
    // The state says which statement indexes pass now.
    const passing = new Set<number>();
    const test = (s: FileStep, state: Readonly<AnalysisState>) => (state as unknown as { passing: Set<number> }).passing.has(s.statement.index);
    const look = earlierStepPasses(test);
    const steps = new FileSteps();
    const state = { earlierInFile: steps, passing } as unknown as AnalysisState;
    const some = () => steps.some((s) => test(s, state));
    const history: boolean[] = [];
    const script: Array<() => void> = [
      () => steps.push(step(0)),
      () => steps.push(step(1)),
      () => passing.add(1),
      () => steps.push(step(2)),
      () => passing.delete(1), // the remembered step stops passing
      () => passing.add(0),
      () => passing.delete(0),
      () => passing.add(2),
      () => steps.push(step(3)),
      () => passing.clear(),
    ];
    for (const change of script) {
      change();
      const got = look(state);
      expect(got).toBe(some());
      history.push(got);
    }
    expect(history).toEqual([false, false, true, true, false, true, false, true, true, false]);
  });

  it('is false without earlier steps, and keeps files apart', () => {
    const look = earlierStepPasses(() => true);
    expect(look({} as AnalysisState)).toBe(false);
    const a = new FileSteps();
    const b = new FileSteps();
    a.push(step(0));
    expect(look({ earlierInFile: a } as unknown as AnalysisState)).toBe(true);
    expect(look({ earlierInFile: b } as unknown as AnalysisState)).toBe(false);
  });
});
