// The parser's thread (parse/prefetch.ts, parse/parse-worker.ts): a text of 1 MB or more parsed on
// a worker while the caller reads what is parsed comes out exactly as parsed on one thread, and
// the analysis of it finds the same. The worker's code is bundled here from the sources (the CLI
// runs dist/parse-worker.js, which exists only after a build), inside the checkout so libpg-query
// resolves from the project's node_modules as it does for dist/.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeSource } from '../../src/analyze/analyze.js';
import { beginFile, newRunState } from '../../src/analyze/track.js';
import type { ParsedSource } from '../../src/core/types.js';
import { initParser, parseSource } from '../../src/parse/index.js';
import { PREFETCH_MIN_CHARS, startPrefetch } from '../../src/parse/prefetch.js';
import { statementRanges, type RawError } from '../../src/parse/recover.js';
import { parseSql } from '../../src/parse/wasm.js';
import { allRules } from '../../rules/index.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const cacheDir = process.env.MG_TEST_RUN_DIR ?? path.join(root, 'node_modules', '.cache');
mkdirSync(cacheDir, { recursive: true });
const dir = mkdtempSync(path.join(cacheDir, 'mg-parse-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let worker: URL;

beforeAll(async () => {
  await initParser();
  const outfile = path.join(dir, 'parse-worker.mjs');
  await build({ entryPoints: [path.join(root, 'src', 'parse', 'parse-worker.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'error' });
  worker = pathToFileURL(outfile);
}, 60_000);

/**
 * A migration of the kinds of statement the parser's thread must hand over alike: plain DDL and
 * DML, a `;` inside strings and comments, DO blocks and function bodies (parsed again on the main
 * thread), statements longer than a piece, syntax errors (recovered from with more parses), and
 * ignore directives. Repeated past PREFETCH_MIN_CHARS.
 */
function migration(): string {
  const blocks: string[] = [];
  let size = 0;
  for (let n = 0; size < PREFETCH_MIN_CHARS * 1.05; n++) {
    const t = `t${n}`;
    const block = [
      `CREATE TABLE ${t} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, note varchar(20));`,
      `-- a comment; with a semicolon\nALTER TABLE ${t} ADD COLUMN status varchar(20) DEFAULT 'new;old';`,
      `CREATE INDEX ${t}_name_idx ON ${t} (name);`,
      n % 7 === 0 ? `ALTER TABLE ${t} ADD COLUMN;` : `UPDATE ${t} SET status = 'done' WHERE name = 'a${n}';`,
      n % 11 === 0 ? `DO $$ BEGIN UPDATE ${t} SET note = 'x;y'; DROP TABLE ${t}_old; END $$;` : `COMMENT ON TABLE ${t} IS 'table ${n}';`,
      n % 13 === 0 ? `CREATE FUNCTION f${n}() RETURNS void LANGUAGE plpgsql AS $$ BEGIN DELETE FROM ${t}; END $$;` : `SELECT ${n};`,
      n % 17 === 0 ? `-- migration-guard-ignore prefer-text-field\nALTER TABLE ${t} ADD COLUMN extra varchar(30);` : '',
      n % 97 === 0 ? `INSERT INTO ${t} (name) VALUES ${Array.from({ length: 600 }, (_, i) => `('v;${i}')`).join(', ')};` : '',
    ].join('\n');
    blocks.push(block);
    size += block.length + 1;
  }
  return blocks.join('\n');
}

const text = migration();
/** On a busy machine the worker may take seconds to start: these tests wait for it (a hang still fails, at the test's timeout). */
const PATIENT = 240_000;
const SLOW = { timeout: 300_000 };

function analyzed(parsed: ParsedSource) {
  const state = newRunState({ pgVersion: 16 });
  beginFile(state, parsed.path, 'none', false);
  return analyzeSource(parsed, text, state, allRules);
}

describe('the parser thread', () => {
  it('hands over every slice: the same statement ranges and errors as parsing on one thread', SLOW, () => {
    expect(text.length).toBeGreaterThanOrEqual(PREFETCH_MIN_CHARS);
    const prefetch = startPrefetch(text, worker, PATIENT);
    expect(prefetch).not.toBeNull();
    let fromWorker = 0;
    let slices = 0;
    const viaWorker: RawError[] = [];
    const ranges = [...statementRanges(text, viaWorker, (from, to) => {
      slices++;
      const outcome = prefetch!.take(from, to);
      if (outcome === undefined) throw new Error(`the worker did not send slice ${from}-${to}`);
      fromWorker++;
      return outcome;
    })];
    prefetch!.stop();
    const alone: RawError[] = [];
    const expected = [...statementRanges(text, alone)];
    expect(fromWorker).toBe(slices);
    expect(slices).toBeGreaterThan(100);
    expect(ranges).toEqual(expected);
    expect(viaWorker).toEqual(alone);
    expect(alone.length).toBeGreaterThan(0);
  });

  it('parseSource with the parser thread: the same statements, errors, notes and findings', SLOW, () => {
    const src = { path: 'db/0001_big.sql', text };
    const ahead = parseSource(src, { parseAhead: { worker } });
    const alone = parseSource(src);
    expect(ahead).toEqual(alone);
    expect(alone.statements.some((s) => s.nestedIn?.kind === 'do-block')).toBe(true);
    expect(alone.statements.some((s) => s.nestedIn?.kind === 'function-body')).toBe(true);
    const found = analyzed(ahead);
    const expected = analyzed(alone);
    expect(found).toEqual(expected);
    expect(expected.findings.length).toBeGreaterThan(100);
    expect(expected.suppressed.length).toBeGreaterThan(0);
  });

  it('a text under the size, or no worker script: no thread, parsed here alone', () => {
    expect(startPrefetch('SELECT 1;', worker)).toBeNull();
    expect(startPrefetch(text, null)).toBeNull();
  });

  it('after a stop, every slice is parsed on the main thread: the same ranges', SLOW, () => {
    const prefetch = startPrefetch(text, worker, PATIENT)!;
    const errors: RawError[] = [];
    let taken = 0;
    let parsedHere = 0;
    const ranges = [...statementRanges(text, errors, (from, to) => {
      if (taken === 50) prefetch.stop();
      const outcome = prefetch.take(from, to);
      if (outcome) {
        taken++;
        return outcome;
      }
      parsedHere++;
      return parseSql(text.slice(from, to));
    })];
    const alone: RawError[] = [];
    expect(taken).toBe(50);
    expect(parsedHere).toBeGreaterThan(50);
    expect(ranges).toEqual([...statementRanges(text, alone)]);
    expect(errors).toEqual(alone);
  });
});
