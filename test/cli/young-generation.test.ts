// The young generation of a lint (core/young-generation.ts): small for a one-file lint, grown
// while a large input is read and parsed, and never far past
// YOUNG_CAP, whatever ceiling the runtime would allow (Node 24's is 64 MB a semi-space). Read
// from V8 itself at the process's exit, by the built bundle.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { YOUNG_CAP } from '../../src/core/young-generation.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const work = mkdtempSync(path.join(tmpdir(), 'mg-young-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` before the tests');
  // Prints the young generation's size as the process exits.
  writeFileSync(path.join(work, 'report.cjs'), "process.on('exit', () => process.stderr.write('young=' + require('v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size + '\\n'));\n");
});

function youngAtExit(file: string): number {
  const r = spawnSync(process.execPath, ['-r', path.join(work, 'report.cjs'), cli, 'lint', file, '--format', 'json', '--output', path.join(work, 'out.json'), '--no-progress'], { encoding: 'utf8' });
  const m = /young=(\d+)/.exec(r.stderr);
  if (!m) throw new Error(`no young generation size in: ${r.stderr}`);
  return Number(m[1]);
}

describe('the young generation', () => {
  it('stays under the cap for one small file', () => {
    mkdirSync(path.join(work, 'small'));
    const file = path.join(work, 'small', '0001_users.sql');
    writeFileSync(file, 'CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n');
    expect(youngAtExit(file)).toBeLessThan(YOUNG_CAP);
  });

  it('grows for a large file, to no more than twice YOUNG_CAP (it doubles between two looks at most once)', { timeout: 120_000 }, () => {
    mkdirSync(path.join(work, 'large'));
    const file = path.join(work, 'large', '0001_tables.sql');
    const block = (i: number) => `CREATE TABLE t${i} (id bigint PRIMARY KEY, name text NOT NULL);\nCREATE INDEX t${i}_name ON t${i} (name);\nINSERT INTO t${i} VALUES (1, 'a');\n`;
    writeFileSync(file, Array.from({ length: 10_000 }, (_, i) => block(i)).join(''));
    const young = youngAtExit(file);
    expect(young).toBeGreaterThan(2 * 1024 * 1024);
    expect(young).toBeLessThanOrEqual(2 * YOUNG_CAP);
  });
});
