// The suite's file order (test/support/sequencer.ts): the listed longest files start first, in
// their listed order, whatever order vitest's own sort gives; the others keep vitest's order;
// and every listed file exists (a renamed file would silently lose its early start).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { TestSpecification } from 'vitest/node';
import LongestFirst, { LONGEST } from '../support/sequencer.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

it('every listed file exists', () => {
  for (const f of LONGEST) expect(existsSync(path.join(ROOT, f)), f).toBe(true);
});

it('starts the listed files first, in their order, and keeps vitest\'s order for the rest', async () => {
  const project = { name: '', config: { root: ROOT, isolate: false, sequence: { groupOrder: 0 } } };
  const spec = (f: string) => ({ project, moduleId: path.join(ROOT, f) }) as unknown as TestSpecification;
  const others = ['test/a.test.ts', 'test/b.test.ts', 'test/c.test.ts'];
  // vitest's own sort with no cached results or file sizes: the order it was given.
  const ctx = { config: { root: ROOT }, cache: { getFileTestResults: () => undefined, getFileStats: () => undefined } };
  const sequencer = new LongestFirst(ctx as never);
  const given = [others[0]!, ...[...LONGEST].reverse(), others[1]!, others[2]!];
  const sorted = await sequencer.sort(given.map(spec));
  expect(sorted.map((s) => path.relative(ROOT, s.moduleId))).toEqual([...LONGEST, ...others]);
});
