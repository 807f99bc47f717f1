// The CLI as users run it: the built bundle (dist/cli.js) as a separate process.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCAN_CHECK_LIMIT } from '../../src/parse/preprocess.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const work = mkdtempSync(path.join(tmpdir(), 'mg-cli-'));

function run(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: opts.cwd ?? root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...opts.env },
    maxBuffer: 1 << 28,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `lint examples/`, no colour asked for and no TTY (--no-color changes nothing then): two tests read this one run. */
let examples: ReturnType<typeof run> | undefined;
const lintExamples = () => (examples ??= run(['lint', 'examples/']));

function write(rel: string, content: string | Buffer): string {
  const file = path.join(work, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` before the tests');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('migration-guard CLI', () => {
  it('--help teaches: commands, exit codes, a first command to try', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('lint');
    expect(r.stdout).toContain('check');
    expect(r.stdout).toContain('Exit codes');
    expect(r.stdout).toContain('migration-guard lint examples/');
    const lint = run(['lint', '--help']);
    expect(lint.stdout).toContain('Examples:');
    expect(lint.stdout).toContain('migration-guard-ignore');
  });

  it('--version and -V print the package version alone, as the argument parser does with other arguments', () => {
    const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
    for (const flag of ['--version', '-V']) expect(run([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    // Not alone: commander reads the line (a global option before a command still prints the version).
    expect(run(['--version', 'lint'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('lints the bundled examples: findings at file:line:col, exit 1', () => {
    const r = lintExamples();
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('examples/db/migrations/0002_orders_created_at_index.up.sql:2:1');
    expect(r.stdout).toContain('require-concurrent-index');
    expect(r.stdout).toContain('CREATE INDEX CONCURRENTLY orders_created_at_idx');
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it('lays out text beyond ASCII (string-width is loaded only then): the marker sits under the statement', () => {
    const file = write('wide/0001_wide.sql', '-- 注文\n\tCREATE INDEX orders_注文_idx ON orders (note);\n');
    const r = run(['lint', file, '--no-progress', '--no-color'], { cwd: path.dirname(file) });
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    const code = lines.findIndex((l) => l.includes('CREATE INDEX orders_注文_idx'));
    expect(code).toBeGreaterThan(0);
    // The tab is 4 columns, each CJK character 2: the marker spans the statement (up to its `;`) in display columns.
    expect(lines[code]).toMatch(/\| {5}CREATE INDEX orders_注文_idx ON orders \(note\);$/);
    expect(lines[code + 1]).toMatch(new RegExp(`\\| {5}\\^{${'CREATE INDEX orders_'.length + 4 + '_idx ON orders (note)'.length}}(?!\\^)`));
  });

  it('colour only when asked or on a TTY', () => {
    expect(lintExamples().stdout).not.toMatch(/\x1b\[/);
    expect(run(['lint', 'examples/'], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(/\x1b\[/);
    expect(run(['lint', 'examples/', '--color']).stdout).toMatch(/\x1b\[/);
  });

  it('--fail-on decides the exit code', () => {
    const safe = write('safe/0001_t.sql', 'CREATE TABLE t (id bigint PRIMARY KEY);\n');
    expect(run(['lint', safe]).code).toBe(0);
    const caution = write('caution/0001_t.sql', 'ALTER TABLE t ALTER COLUMN c DROP NOT NULL;\n');
    expect(run(['lint', caution]).code).toBe(0);
    expect(run(['lint', caution, '--fail-on', 'CAUTION']).code).toBe(1);
    expect(run(['lint', caution, '--fail-on', 'maybe']).code).toBe(2);
  });

  // One run for this test and the --output one: the report goes through the same writer to a
  // file as to stdout, which the other JSON runs here read.
  let toFile: { code: number | null; stdout: string; report: string } | undefined;
  const jsonToFile = () => {
    if (toFile) return toFile;
    const out = path.join(work, 'report.json');
    const r = run(['lint', 'examples/db/migrations/0002_orders_created_at_index.up.sql', '--format', 'json', '--output', out]);
    return (toFile = { code: r.code, stdout: r.stdout, report: readFileSync(out, 'utf8') });
  };

  it('JSON output is the contract', () => {
    const r = jsonToFile();
    expect(r.code).toBe(1);
    const report = JSON.parse(r.report);
    expect(report).toMatchObject({ version: 1, risk: 'DANGEROUS', errors: [] });
    const m = report.migrations[0];
    expect(m).toMatchObject({
      path: 'examples/db/migrations/0002_orders_created_at_index.up.sql',
      risk: 'DANGEROUS',
      rollback: { path: 'examples/db/migrations/0002_orders_created_at_index.down.sql', status: 'present' },
    });
    expect(m.operations[0]).toMatchObject({ kind: 'CREATE_INDEX', risk: 'DANGEROUS', line: 2, column: 1, table: 'public.orders', lock: 'ShareLock' });
    expect(m.operations[0].rules).toContain('require-concurrent-index');
    expect(m.findings[0]).toMatchObject({ rule: 'require-concurrent-index', risk: 'DANGEROUS', line: 2, column: 1 });
  });

  it('SARIF and GitHub formats', () => {
    const sarif = JSON.parse(run(['lint', 'examples/', '--format', 'sarif']).stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    const gh = run(['lint', 'examples/', '--format', 'github']).stdout;
    expect(gh).toMatch(/^::error file=examples\/db\/migrations\/0002_orders_created_at_index\.up\.sql,line=2,/m);
  });

  it('--output writes the report to a file', () => {
    const r = jsonToFile();
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(r.report).version).toBe(1);
  });

  it('a syntax error: path:line:col and Postgres message, exit 1, no stack trace', () => {
    const file = write('syntax/0001_bad.sql', 'SELECT 1;\nCREATE TABEL orders (id int);\n');
    const r = run(['lint', file, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.errors[0]).toMatchObject({ line: 2, column: 8, message: 'syntax error at or near "TABEL"' });
    expect(report.migrations[0].risk).toBe('DANGEROUS');
    expect(r.stderr).not.toContain('    at ');
  });

  it('binary files and invalid UTF-8 get clear messages with their place', () => {
    const bin = write('bin/0001_blob.sql', Buffer.from([0x53, 0x45, 0x00, 0x01, 0xff, 0x10]));
    const r1 = run(['lint', bin, '--no-color']);
    expect(r1.code).toBe(1);
    expect(r1.stdout).toMatch(/binary file/);
    const bad = write('utf/0001_bad.sql', Buffer.concat([Buffer.from('SELECT 1;\nSELECT \''), Buffer.from([0xc3, 0x28]), Buffer.from("';\n")]));
    const r2 = run(['lint', bad, '--no-color']);
    expect(r2.code).toBe(1);
    expect(r2.stdout).toMatch(/not valid UTF-8/);
    expect(r2.stdout).toMatch(/0001_bad\.sql:2:9/);
  });

  it('a missing path or an unknown option is a usage error: exit 2, one line', () => {
    const r = run(['lint', 'does/not/exist.sql']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('migration-guard: no such file or folder: does/not/exist.sql');
    expect(run(['lint', 'examples/', '--format', 'yaml']).code).toBe(2);
    expect(run(['frobnicate']).code).toBe(2);
  });

  it('a bad config file: exit 2 with file:line:col and the key', () => {
    const dir = path.join(work, 'cfg');
    write('cfg/0001_t.sql', 'SELECT 1;\n');
    write('cfg/.migration-guard.yml', 'pgVersion: 16\nfailon: CAUTION\n');
    const r = run(['lint', path.join(dir, '0001_t.sql'), '--config', path.join(dir, '.migration-guard.yml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.migration-guard.yml:2:1: unknown key "failon"');
  });

  // Large enough for every path a 20 MB file takes through the process: past the preprocessor's
  // 1 MB switch, dozens of the parser's 8 KB pieces, and a report written in several batches
  // (the CLI writes 1 MB at a time; each operation is ~250 bytes of JSON). Per statement is what
  // costs, so the rows are short; test/parse/read.test.ts tells why nothing switches above that.
  it('a large file is read and linted', () => {
    const row = `INSERT INTO audit (payload) VALUES ('${'x'.repeat(260)}');\n`;
    const rows = 5_000;
    const file = write('big/0001_big.sql', row.repeat(rows));
    expect(row.length * rows).toBeGreaterThan(SCAN_CHECK_LIMIT);
    const r = run(['lint', file, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(1 << 20); // WRITE_BATCH in src/cli/commands.ts
    expect(JSON.parse(r.stdout).migrations[0].operations.length).toBe(rows);
  });

  it('lint <file> reads its own folder, not every file beneath it', () => {
    // Files are marked unread by an access time older than their modification time; the kernel
    // (relatime) moves it forward when a file is read. A probe checks this file system does that.
    const old = new Date('2000-01-01T00:00:00Z');
    const unread = (f: string) => {
      utimesSync(f, old, new Date());
      return () => statSync(f).atimeMs === old.getTime();
    };
    const probe = write('scoped-probe.sql', 'SELECT 1;\n');
    const probeUnread = unread(probe);
    readFileSync(probe);
    const file = write('scoped/0001_add_index.sql', 'CREATE INDEX orders_idx ON orders (customer_id);\n');
    const sibling = write('scoped/0002_next.sql', 'SELECT 1;\n');
    const deep = write('scoped/clone/db/migrations/0001_init.sql', 'CREATE TABLE t (id int);\n');
    const deepUnread = unread(deep);
    const siblingUnread = unread(sibling);
    const r = run(['lint', file, '--format', 'json'], { cwd: path.join(work, 'scoped') });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).migrations.map((m: { path: string }) => m.path)).toEqual(['0001_add_index.sql']);
    if (probeUnread()) return; // access times are not kept here (noatime): nothing more to see
    expect(siblingUnread()).toBe(false); // its own folder is context
    expect(deepUnread()).toBe(true);
  });

  it('rules: lists every rule and shows one with why, lock, instead and examples', () => {
    const list = run(['rules']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/DANGEROUS\s+require-concurrent-index/);
    const one = run(['rules', 'require-concurrent-index', '--no-color']);
    for (const heading of ['Why', 'Lock', 'Instead', 'Bad', 'Good']) expect(one.stdout).toContain(heading);
    expect(run(['rules', 'no-such-rule']).code).toBe(2);
  });

  it('app: a bad environment is one line naming the variable, exit 2', () => {
    const r = run(['app'], { env: { APP_ID: '1', PRIVATE_KEY: '', PRIVATE_KEY_PATH: '', NODE_ENV: 'production' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/PRIVATE_KEY/);
    expect(r.stderr).not.toContain('    at ');
  });

  describe('check --base: only what the branch adds or changes', () => {
    const repo = path.join(work, 'repo');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
    beforeAll(() => {
      mkdirSync(path.join(repo, 'db', 'migrations'), { recursive: true });
      git('init', '-q', '-b', 'main');
      git('config', 'user.email', 't@example.com');
      git('config', 'user.name', 't');
      writeFileSync(path.join(repo, 'db/migrations/0001_orders.up.sql'), 'CREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz);\n');
      writeFileSync(path.join(repo, 'db/migrations/0001_orders.down.sql'), 'DROP TABLE orders;\n');
      git('add', '.');
      git('commit', '-qm', 'base');
      git('checkout', '-qb', 'feature');
      writeFileSync(path.join(repo, 'db/migrations/0002_index.up.sql'), 'CREATE INDEX orders_created_at_idx ON orders (created_at);\n');
      writeFileSync(path.join(repo, 'db/migrations/0002_index.down.sql'), 'DROP INDEX orders_created_at_idx;\n');
      git('add', '.');
      git('commit', '-qm', 'index');
    });

    it('reviews the new migration against the base history', () => {
      const r = run(['check', repo, '--base', 'main', '--format', 'json']);
      expect(r.code).toBe(1);
      const report = JSON.parse(r.stdout);
      expect(report.migrations.map((m: { path: string }) => m.path)).toEqual(['db/migrations/0002_index.up.sql']);
      expect(report.migrations[0].findings.map((f: { rule: string }) => f.rule)).toContain('require-concurrent-index');
    });

    it('an unknown --base is a clear usage error', () => {
      const r = run(['check', repo, '--base', 'no-such-branch']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/no-such-branch/);
      expect(r.stderr).not.toContain('    at ');
    });

    it('--dry-run on the embedded engine traces the lock on the existing table', () => {
      const r = run(['check', repo, '--base', 'main', '--dry-run', '--format', 'json']);
      expect(r.code).toBe(1);
      const m = JSON.parse(r.stdout).migrations[0];
      expect(m.dryRun).toMatchObject({ engine: 'pglite', status: 'passed' });
      const locks = m.dryRun.statements.flatMap((s: { locks: Array<{ relation: string; mode: string }> }) => s.locks);
      expect(locks).toContainEqual(expect.objectContaining({ relation: 'public.orders', mode: 'ShareLock' }));
      expect(m.dryRun.rollback.status).toBe('exact');
      // The dry-run also verifies the suggestions and the safe plan (src/verify): more sandboxes.
    }, 300_000);

    it('--engine url runs on a real server', () => {
      const url = 'postgres://postgres@127.0.0.1:5432/postgres';
      const r = run(['check', repo, '--base', 'main', '--dry-run', '--engine', 'url', '--database-url', url, '--format', 'json']);
      expect(r.code).toBe(1);
      const m = JSON.parse(r.stdout).migrations[0];
      expect(m.dryRun).toMatchObject({ engine: 'url', status: 'passed' });
      expect(m.dryRun.serverVersion).toMatch(/^\d+/);
      // That nothing is left behind, also after errors and kills, is tested in test/dryrun (where
      // no other run can be creating scratch databases at the same moment).
    });

    it('plan prints the phased safe plan, verified on the embedded engine', () => {
      const r = run(['plan', repo, '--base', 'main', '--no-color']);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/CONCURRENTLY/);
      expect(r.stdout).toMatch(/verified on pglite \(PostgreSQL [\d.]+\) with \d+ seeded rows per table/);
    }, 300_000);

    it('plan --format json prints the plan as data: phases, steps with sql and transaction, verification', async () => {
      const r = run(['plan', repo, '--base', 'main', '--format', 'json']);
      const doc = JSON.parse(r.stdout);
      const { planDocumentSchema } = await import('../../src/plan/json.js');
      expect(planDocumentSchema.safeParse(doc).success).toBe(true);
      expect(doc).toMatchObject({ kind: 'migration-guard-plan', version: 1, verification: { status: 'verified', engine: 'pglite' } });
      const step = doc.phases[0].steps[0];
      expect(step).toMatchObject({ transaction: 'none', source: { line: expect.any(Number) } });
      expect(step.sql[0]).toMatch(/CONCURRENTLY/);
      expect(run(['plan', repo, '--base', 'main', '--format', 'sarif']).code).toBe(2);
    }, 300_000);
  });
});
