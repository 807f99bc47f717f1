// The analysis spread over worker threads (src/check/parallel.ts) when a worker fails: whatever
// way it fails, its sets are analyzed on the main thread and the results are those of a run
// without workers, in the same order; nothing hangs. (That the bundled worker gives the same
// output as no worker is test/cli/workers.test.ts: the worker script exists only in dist/.)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effectiveSettings } from '../../src/analyze/rule.js';
import { analyzeSet, NO_TREE, type SetContext, type Unit } from '../../src/check/analyze-set.js';
import { analyzeSetsOn, idleMeter, MIN_CHARS_PER_THREAD, parseAhead, workerCount } from '../../src/check/parallel.js';
import { discoverMigrations } from '../../src/discover/discover.js';
import { memoryRepoFiles } from '../../src/discover/fs-files.js';
import { LOCAL_POSTGRES } from '../../src/estimate/constants.js';
import { initParser } from '../../src/parse/index.js';
import { allRules } from '../../rules/index.js';
import { config } from '../discover/helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mg-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A worker script that does `body` (plain JavaScript run as the worker). */
function script(name: string, body: string): URL {
  const file = path.join(dir, `${name}.mjs`);
  writeFileSync(file, body);
  return pathToFileURL(file);
}

let work: Unit[][];
let ctx: SetContext;
beforeAll(async () => {
  await initParser();
  const files = new Map<string, string>();
  for (const app of ['billing', 'catalog', 'orders']) {
    files.set(`${app}/db/migrations/0001_create.sql`, `CREATE TABLE ${app} (id int PRIMARY KEY, note varchar(20));\n`);
    files.set(`${app}/db/migrations/0002_index.sql`, `CREATE INDEX ${app}_note_idx ON ${app} (note);\nALTER TABLE ${app} ADD COLUMN at timestamp;\n`);
    files.set(`${app}/db/migrations/0003_broken.sql`, `ALTER TABLE ${app} ADD COLUMN;\n`);
  }
  const cfg = config();
  const discovered = await discoverMigrations(memoryRepoFiles(files), cfg);
  work = discovered.sets.map((s) => s.migrations.map((migration) => ({ migration, underReview: true })));
  ctx = {
    config: cfg,
    settings: effectiveSettings(allRules, cfg.preset, cfg.rules),
    scopeKind: 'all',
    dryRun: false,
    keepHistory: false,
    withoutTrees: true,
    calibration: LOCAL_POSTGRES,
    extraFindings: discovered.findings,
  };
});

describe('analysis on worker threads', () => {
  it('the sets to spread are real: three, with findings and a parse error', () => {
    expect(work).toHaveLength(3);
    const alone = work.map((units) => analyzeSet(units, ctx, () => {}));
    expect(alone.flatMap((r) => r.analyzed.flatMap((a) => a.report.findings.map((f) => f.rule)))).toContain('require-concurrent-index');
    expect(alone.flatMap((r) => r.analyzed.flatMap((a) => a.up.errors))).toHaveLength(3);
    // Without trees: every statement keeps its place and text; its tree is the shared stand-in,
    // or (a file analysed as it was parsed) its tag with nothing under it.
    const statements = alone.flatMap((r) => r.analyzed.flatMap((a) => a.up.statements));
    expect(statements.length).toBeGreaterThan(0);
    const treeless = (ast: object) => ast === NO_TREE || Object.values(ast).every((v) => Object.keys(v as object).length === 0);
    expect(statements.every((s) => treeless(s.ast) && s.text !== '')).toBe(true);
  });

  const failures: Array<[string, string]> = [
    ['cannot load', "throw new Error('broken bundle');\n"],
    ['exits on its first set', "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n"],
    ['gives every set back', "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', (t) => parentPort.postMessage({ kind: 'failed', set: t.set }));\n"],
  ];
  for (const [what, body] of failures) {
    it(`a worker that ${what} leaves its sets to the main thread: same results, same order, every migration counted`, async () => {
      const expected = work.map((units) => analyzeSet(units, ctx, () => {}));
      let steps = 0;
      const got = await analyzeSetsOn(script(what.replaceAll(' ', '-'), body), 2, work, ctx, (_unit, count = 1) => (steps += count));
      expect(got).toEqual(expected);
      expect(got.flatMap((r) => r.analyzed.map((a) => a.migration.up.path))).toEqual(work.flat().map((u) => u.migration.up.path));
      expect(steps).toBe(work.flat().length);
    });
  }
});

describe('how many worker threads', () => {
  const auto = {};
  const idle = (cores: number) => () => cores;
  it('none for one small file, nor for one set however large (a set runs on one thread)', () => {
    expect(workerCount(120, 1, idle(2), auto, 2)).toBe(0);
    expect(workerCount(50_000_000, 1, idle(8), auto, 8)).toBe(0);
  });
  it('a large input uses the idle cores, the main thread being one of them and one left for V8', () => {
    expect(workerCount(MIN_CHARS_PER_THREAD * 3, 40, idle(3), auto, 4)).toBe(2);
    expect(workerCount(MIN_CHARS_PER_THREAD * 10, 40, idle(3), auto, 4)).toBe(2);
    expect(workerCount(MIN_CHARS_PER_THREAD * 10, 40, idle(7), auto, 8)).toBe(6);
    expect(workerCount(MIN_CHARS_PER_THREAD * 2 - 1, 40, idle(3), auto, 4)).toBe(0);
    // Two cores: the main thread and V8's helpers fill them.
    expect(workerCount(MIN_CHARS_PER_THREAD * 10, 40, idle(1), auto, 2)).toBe(0);
  });
  it('none on a machine whose cores are busy: a worker would only take turns with the main thread', () => {
    expect(workerCount(MIN_CHARS_PER_THREAD * 10, 40, idle(0.2), auto, 4)).toBe(0);
    expect(workerCount(MIN_CHARS_PER_THREAD * 10, 40, idle(0.6), auto, 4)).toBe(1);
    expect(workerCount(MIN_CHARS_PER_THREAD * 10, 40, idle(1.4), auto, 4)).toBe(1);
  });
  it('MG_WORKERS forces the number (0: never), never more than there are sets to share', () => {
    expect(workerCount(50_000_000, 40, idle(1), { MG_WORKERS: '0' }, 2)).toBe(0);
    expect(workerCount(100, 40, idle(0), { MG_WORKERS: '2' }, 2)).toBe(2);
    expect(workerCount(100, 2, idle(0), { MG_WORKERS: '4' }, 2)).toBe(1);
    // Not a number: the input decides, as without MG_WORKERS (one worker here, not 0).
    expect(workerCount(MIN_CHARS_PER_THREAD * 10, 40, idle(1.4), { MG_WORKERS: 'lots' }, 4)).toBe(workerCount(MIN_CHARS_PER_THREAD * 10, 40, idle(1.4), auto, 4));
    expect(workerCount(MIN_CHARS_PER_THREAD * 10, 40, idle(1.4), { MG_WORKERS: 'lots' }, 4)).toBe(1);
  });
  it('the idle meter reads the kernel: between none and every core', async () => {
    const meter = idleMeter();
    await new Promise((r) => setTimeout(r, 50));
    const got = meter();
    expect(got).toBeGreaterThanOrEqual(0);
    expect(got).toBeLessThanOrEqual(cpus().length);
  });
});

describe('parseAhead', () => {
  it('parses a large file on a thread of its own only with an idle core beside the one kept for V8 (3 cores or more), or when MG_WORKERS asks for threads', () => {
    expect(parseAhead(() => 1, {}, 4)).toBe(true);
    expect(parseAhead(() => 0.6, {}, 4)).toBe(true);
    expect(parseAhead(() => 0.2, {}, 4)).toBe(false);
    // On 2 cores the thread took turns with V8's compiler and collector: no faster, 140 MB more.
    expect(parseAhead(() => 2, {}, 2)).toBe(false);
    expect(parseAhead(() => 1, { MG_WORKERS: '0' }, 4)).toBe(false);
    expect(parseAhead(() => 0, { MG_WORKERS: '1' }, 2)).toBe(true);
    expect(parseAhead(() => 0, { MG_WORKERS: '' }, 4)).toBe(false);
  });
});
