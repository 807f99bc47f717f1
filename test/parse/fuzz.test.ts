// Fuzzes readSqlFile's decoder and parseSource with a fixed seed: nothing may throw, and what
// comes back must be well formed. The suite runs 300 cases; for a long run set FUZZ_CASES,
// e.g. `FUZZ_CASES=100000 npx vitest run test/parse/fuzz.test.ts` (and FUZZ_SEED for another seed).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { ParsedSource } from '../../src/core/types.js';
import { decodeSql, initParser, parseSource } from '../../src/parse/index.js';
import { CORPUS } from '../support/corpus.js';
import { fuzzCases } from './fuzz-cases.js';

const CASES = Number(process.env.FUZZ_CASES ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20240611);

/** Every 25th corpus file: enough variety to cut and splice, quick to load. */
function corpusSample(): string[] {
  if (!existsSync(CORPUS)) return [];
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.sql')) files.push(path);
    }
  };
  walk(CORPUS);
  return files
    .sort()
    .filter((_, i) => i % 25 === 0)
    .map((f) => readFileSync(f, 'utf8'))
    .filter((t) => t.trim() !== '');
}

function checkShape(text: string, parsed: ParsedSource): void {
  const lines = text.split('\n').length;
  for (const p of [...parsed.errors, ...parsed.notes]) {
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.line).toBeLessThanOrEqual(lines);
    expect(p.column).toBeGreaterThanOrEqual(1);
    expect(typeof p.message).toBe('string');
    expect(p.message).not.toMatch(/\n/);
  }
  parsed.statements.forEach((s, i) => {
    expect(s.index).toBe(i);
    expect(s.start).toBeLessThanOrEqual(s.end);
    expect(s.line).toBeGreaterThanOrEqual(1);
    expect(s.line).toBeLessThanOrEqual(lines);
    if (s.nestedIn) expect(s.nestedIn.statement).toBeLessThan(i);
  });
}

beforeAll(async () => {
  await initParser();
});

it(`survives ${CASES} fuzz cases (seed ${SEED})`, () => {
  const corpus = corpusSample();
  let parsedCount = 0;
  for (const c of fuzzCases(SEED, CASES, corpus)) {
    let text: string;
    if (c.kind === 'bytes') {
      const decoded = (() => {
        try {
          return decodeSql(c.bytes, 'fuzz.sql');
        } catch (e) {
          throw new Error(`${c.name}: decodeSql threw ${String(e)}`);
        }
      })();
      if (!decoded.ok) {
        expect(decoded.error.line, c.name).toBeGreaterThanOrEqual(1);
        continue;
      }
      text = decoded.text;
    } else text = c.text;
    let parsed: ParsedSource;
    try {
      parsed = parseSource({ path: 'fuzz.sql', text }, c.kind === 'text' && c.placeholders ? { placeholders: c.placeholders } : {});
    } catch (e) {
      throw new Error(`${c.name}: parseSource threw ${String(e)}`);
    }
    expect(parsed.errors.filter((e) => e.message.startsWith('internal error')), c.name).toEqual([]);
    checkShape(text, parsed);
    parsedCount++;
  }
  expect(parsedCount).toBeGreaterThan(CASES / 2);
}, 600_000);
