// Errors a new user meets, each with the right class and exit code (issue 15): the built
// CLI (dist/cli.js) as a separate process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const work = mkdtempSync(path.join(tmpdir(), 'mg-cli-errors-'));

function run(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `node dist/cli.js args | head -c bytes` through a real shell pipe. */
function piped(args: string[], head: string) {
  const cmd = `"${process.execPath}" "${cli}" ${args.join(' ')} | ${head} >/dev/null; echo "status=\${PIPESTATUS[0]}"`;
  const r = spawnSync('bash', ['-c', cmd], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { stdout: r.stdout, stderr: r.stderr };
}

function write(rel: string, text: string): string {
  const file = path.join(work, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` before the tests');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('errors with the right class and exit code', () => {
  it('a reader that closes the pipe (| head) ends the run quietly, no EPIPE stack trace', () => {
    // Enough output that the writer is still writing when head has gone.
    for (const [args, head] of [[['rules'], 'head -1'], [['lint', 'examples', '--format', 'json'], 'head -c 100'], [['lint', 'examples'], 'head -2']] as const) {
      const r = piped([...args], head);
      expect(r.stderr, args.join(' ')).not.toMatch(/EPIPE|Error|at /);
      expect(r.stdout).toMatch(/status=[01]\n/);
    }
  });

  it('lint of a folder without .sql files says so (exit 2)', () => {
    mkdirSync(path.join(work, 'empty-folder'), { recursive: true });
    write('no-sql/readme.txt', 'nothing here');
    for (const dir of ['empty-folder', 'no-sql']) {
      const r = run(['lint', path.join(work, dir)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`no .sql files in ${path.join(work, dir)}`);
      expect(r.stdout).not.toContain('parse error');
    }
  });

  it('--output into a folder that does not exist is a clear usage error (exit 2)', () => {
    write('out/db/0001_a.up.sql', 'CREATE TABLE a (id int);\n');
    const r = run(['lint', path.join(work, 'out/db'), '--output', '/nonexistent/dir/x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--output /nonexistent/dir/x: cannot write the report: no such folder /nonexistent/dir');
    expect(r.stderr).not.toContain('internal error');
  });

  it('a config migrations path that does not exist is a configuration error naming the key (exit 2)', () => {
    write('cfg-path/db/migrations/0001_a.up.sql', 'CREATE TABLE a (id int);\n');
    write('cfg-path/.migration-guard.yml', 'migrations:\n  - path: db/migrationz\n');
    const r = run(['check', path.join(work, 'cfg-path')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.migration-guard\.yml:2:\d+: bad value for "migrations\.0\.path": no such folder "db\/migrationz"/);
  });

  it('a misspelt rule id under rules: is an error suggesting the closest id (exit 2)', () => {
    write('cfg-rule/db/0001_a.up.sql', 'CREATE TABLE a (id int);\n');
    write('cfg-rule/.migration-guard.yaml', 'rules:\n  require-concurent-index: off\n');
    const r = run(['check', path.join(work, 'cfg-rule')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.migration-guard\.yaml:2:3: unknown rule "rules\.require-concurent-index"; did you mean "require-concurrent-index"\?/);
  });

  it('--engine without --dry-run implies the dry-run and says so', () => {
    write('engine/db/0001_a.up.sql', 'CREATE TABLE a (id int);\n');
    const r = run(['check', path.join(work, 'engine'), '--engine', 'pglite', '--format', 'json', '--no-progress']);
    expect(r.stderr).toContain('--engine implies --dry-run');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { migrations: Array<{ dryRun?: { status: string } }> };
    expect(report.migrations[0]!.dryRun?.status).toBe('passed');
  });
});

describe('what was left out', () => {
  it('check on a repository whose migrations git ignores says how many files were skipped', () => {
    const repo = path.join(work, 'ignored-repo');
    write('ignored-repo/db/migrations/0001_a.up.sql', 'CREATE TABLE a (id int);\n');
    write('ignored-repo/db/migrations/0002_b.up.sql', 'CREATE TABLE b (id int);\n');
    write('ignored-repo/.gitignore', 'db/\n');
    spawnSync('git', ['init', '-q'], { cwd: repo });
    const r = run(['check', repo, '--no-progress']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No migrations to check.');
    expect(r.stderr).toContain('2 .sql files were skipped because git ignores them (.gitignore)');
  });
});
