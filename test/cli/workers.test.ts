// A large lint analyzed on worker threads prints exactly what the single-thread run prints, in
// every format: four projects of the vendored corpus sample, linted with MG_WORKERS=0 (never a
// worker) and MG_WORKERS=2 (two, whatever the size), by the built bundle (the worker script
// exists only in dist/).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const corpus = path.join(root, 'test', 'fixtures', 'corpus');
// MG_WORKERS forces the count whatever the size, so the input needs only enough sets for the
// two workers and the main thread each to get some (heaviest first, two per worker: five or
// more sets): these four projects hold five, the heaviest third in order, so the results come
// back out of order. Between them they carry what crosses the threads besides findings: parse errors
// (pocket-id, crates.io), notes (mosip, hsadmin), rollback files (every one but hsadmin) and
// four layouts (golang-migrate, directory-pairs, versioned-rollbacks, liquibase-sql). The whole
// sample (21 projects) costs three times the CPU per run and sends the threads nothing of
// another kind (its other layouts are read on the main thread, before any set is handed out).
const SAMPLE = ['pocket-id__pocket-id', 'rust-lang__crates.io', 'mosip__admin-services', 'mhoennig__hs.hsadmin.ng'].map((p) => path.join(corpus, p));

/** `workers`: MG_WORKERS, or undefined to let the input decide. Node's own debug log counts the workers started. */
function lint(format: string, workers: string | undefined, { cwd = root, targets = SAMPLE } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_DEBUG: 'worker' };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  if (workers === undefined) delete env.MG_WORKERS;
  else env.MG_WORKERS = workers;
  const r = spawnSync(process.execPath, [cli, 'lint', ...targets.map((t) => path.relative(cwd, t) || '.'), '--format', format, '--no-color'], { cwd, encoding: 'utf8', env, maxBuffer: 1 << 28 });
  const lines = r.stderr.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const started = lines.filter((l) => /^WORKER \d+: .*create new worker/.test(l)).length;
  // What is left once the debug log (its lines and the objects it prints) is taken out.
  const stderr = lines.filter((l) => l !== '' && !/^(WORKER \d+:|\s|[{}])/.test(l)).join('\n');
  return { code: r.status, stdout: r.stdout, stderr, started };
}

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` before the tests');
});

describe('lint on worker threads', () => {
  // json carries every finding and position; pretty and sarif render from the statements' extents
  // (github annotations come from the same diagnostics as sarif). The json pair runs from a folder
  // that is none of the targets: the worker is found from any working directory.
  for (const format of ['json', 'pretty', 'sarif']) {
    it(`${format}: the same bytes and exit code with and without workers`, () => {
      const cwd = format === 'json' ? path.join(corpus, 'DSpace__DSpace') : root;
      const alone = lint(format, '0', { cwd });
      const shared = lint(format, '2', { cwd });
      expect(alone.started).toBe(0);
      expect(shared.started).toBe(2);
      expect(alone.stderr).toBe('');
      expect(shared.stderr).toBe('');
      expect(alone.code).toBe(1);
      expect(shared.code).toBe(alone.code);
      expect(shared.stdout.length).toBeGreaterThan(10_000);
      expect(shared.stdout === alone.stdout).toBe(true);
      if (format === 'json') {
        const report = JSON.parse(shared.stdout) as { migrations: unknown[]; errors: unknown[] };
        expect(report.migrations.length).toBeGreaterThan(40);
        expect(report.errors.length).toBeGreaterThan(0);
      }
    }, 120_000);
  }

  it('markdown stays on one thread: its plan reads the syntax trees, which stay where they were parsed', () => {
    const md = lint('markdown', '2');
    expect(md.started).toBe(0);
    expect(md.stderr).toBe('');
    expect(md.code).toBe(1);
  }, 120_000);

  it('a small lint starts none', () => {
    const one = lint('json', undefined, { targets: [path.join(root, 'examples')] });
    expect(one.started).toBe(0);
    expect(one.stderr).toBe('');
    expect(JSON.parse(one.stdout)).toHaveProperty('migrations');
  });
});
