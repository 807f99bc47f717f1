#!/usr/bin/env node
// bench/lint: whole-process timings of the lint path, side by side with squawk (the squawk-cli
// dev dependency) and `node -e ''` (the floor any Node program pays), medians of several runs,
// peak RSS from /usr/bin/time. Rows: the whole corpus, one small file, `--version`, one
// generated 20 MB migration, and (only when asked for, `bigtx`) the same file in one
// BEGIN ... COMMIT, where every rule that looks back over the transaction sees all of it. The
// `locks` (only when asked for) is a generated file of 60,000 statements on one table it does
// not create (INSERTs, then ALTER TABLE / CREATE INDEX / UPDATE triples): every lock blocks an
// existing table, which the per-table state and the once-per-file look-backs must not make
// quadratic. `functions` (only when asked for) is a generated file of 3,000 PL/pgSQL functions
// (a `;` on every body line, comments in the bodies): what reads routine bodies, and parse pieces
// cut inside a body, must stay linear in it. The corpus and one-file rows also time `parse only` (bench/parse-only.mjs: one process that loads
// the parser and parses the same files, nothing else), the floor under a lint of them.
// Run: `npm run bench` (after `npm run build`). Every row (and `node -e ''`) runs under the Node
// that runs this script: `/path/to/node24 bench/lint.mjs` measures that runtime.
//
//   node bench/lint.mjs [--corpus DIR] [--runs N] [--big-runs N] [--rows corpus,one,version,big,bigtx,locks,functions]
//                       [--compare OTHER/dist/cli.js] [--workers N,M]
//
// --compare runs another build (e.g. a copy of the previous dist/) in the same rounds, paired
// with this one run for run, so a busy shared machine slows both alike. --workers runs this
// build once per MG_WORKERS value (0: one thread; empty, as in `--workers 0,`: the input decides), paired.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadModule, parseSync } from 'libpg-query';
import { benchCorpus } from './corpus.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
// --help prints the comment at the top of this file: what each row measures and the options.
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  const head = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1);
  console.log(head.slice(0, head.findIndex((l) => !l.startsWith('//'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
  process.exit(0);
}
let args;
try {
  ({ values: args } = parseArgs({
    options: {
      corpus: { type: 'string', default: benchCorpus().dir },
      runs: { type: 'string', default: '5' },
      'big-runs': { type: 'string', default: '3' },
      rows: { type: 'string', default: 'corpus,one,version,big' },
      compare: { type: 'string' },
      workers: { type: 'string' },
    },
  }));
} catch (e) {
  console.error(`bench/lint: ${e.message} (see --help)`);
  process.exit(2);
}
const corpus = path.resolve(args.corpus);
const runs = Number(args.runs);
const bigRuns = Number(args['big-runs']);
const rows = new Set(args.rows.split(','));
const cli = path.join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run build` first');
  process.exit(2);
}
const squawk = path.join(root, 'node_modules', '.bin', 'squawk');
const parseOnly = ['parse only (libpg-query)', process.execPath, [path.join(root, 'bench', 'parse-only.mjs')]];
const tools = [
  ...(args.workers
    ? args.workers.split(',').map((n) => ({ name: `migration-guard MG_WORKERS=${n || "(auto)"}`, cmd: process.execPath, pre: [cli], env: { MG_WORKERS: n } }))
    : [{ name: 'migration-guard', cmd: process.execPath, pre: [cli] }]),
  ...(args.compare ? [{ name: 'migration-guard (compare)', cmd: process.execPath, pre: [path.resolve(args.compare)] }] : []),
];

/**
 * One whole-process run under /usr/bin/time: wall ms, CPU ms (user + system, all threads: less
 * disturbed than wall time when other work shares the machine) and peak RSS bytes.
 */
function once(cmd, argv, cwd, env) {
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', cmd, ...argv], { encoding: 'utf8', maxBuffer: 1 << 30, cwd, env: { ...process.env, ...env } });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const [rssKb, user, sys] = (r.stderr.trim().split('\n').pop() ?? '0 0 0').trim().split(' ').map(Number);
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${argv.slice(0, 3).join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
  return { wall, cpu: (user + sys) * 1000, rss: rssKb * 1024 };
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Runs each [name, cmd, argv, env?] of `variants` `n` times, interleaved round by round. */
function measure(n, variants, cwd = root) {
  const got = variants.map(() => ({ walls: [], cpus: [], rsss: [] }));
  for (let i = 0; i < n; i++) {
    variants.forEach(([, cmd, argv, env], j) => {
      const r = once(cmd, argv, cwd, env);
      got[j].walls.push(r.wall);
      got[j].cpus.push(r.cpu);
      got[j].rsss.push(r.rss);
    });
  }
  return variants.map(([name], j) => ({ name, wall: median(got[j].walls), cpu: median(got[j].cpus), rss: median(got[j].rsss), n }));
}

const table = [];
const fmtS = (ms) => (ms < 100 ? `${(ms / 1000).toFixed(3)} s` : `${(ms / 1000).toFixed(2)} s`);
const add = (work, results, extra = () => '') => {
  for (const r of results) table.push([work, r.name, fmtS(r.wall), fmtS(r.cpu), `${(r.rss / 1e6).toFixed(0)} MB`, extra(r)]);
};

if (rows.has('corpus') && existsSync(corpus)) {
  const sqlFiles = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) return sqlFiles(p);
      return d.name.endsWith('.sql') ? [p] : [];
    });
  const files = sqlFiles(corpus).sort();
  // Statements, counted once with the parser itself (not part of either timing).
  await loadModule();
  let statements = 0;
  for (const f of files) {
    try {
      statements += parseSync(readFileSync(f, 'utf8')).stmts?.length ?? 0;
    } catch {
      // A file Postgres rejects counts no statements, for both tools alike.
    }
  }
  const rel = files.map((f) => path.relative(root, f));
  const results = measure(runs, [
    ...tools.map((t) => [t.name, t.cmd, [...t.pre, 'lint', ...rel, '--format', 'json', '--output', '/dev/null', '--no-progress'], t.env]),
    ['squawk', squawk, ['--reporter', 'json', ...rel]],
    [parseOnly[0], parseOnly[1], [...parseOnly[2], ...rel]],
  ]);
  add(`lint corpus (${files.length} files, ${statements} stmts)`, results, (r) => `${Math.round(statements / (r.wall / 1000)).toLocaleString('en-US')} stmts/s`);
}

// One small file and the 20 MB file live in their own temp folder, so nothing else is near them.
const scratch = mkdtempSync(path.join(tmpdir(), 'mg-bench-lint-'));
try {
  if (rows.has('one')) {
    const one = path.join(scratch, 'one', '0001_add_index.sql');
    mkdirp(path.dirname(one));
    writeFileSync(one, 'CREATE INDEX orders_customer_idx ON orders (customer_id);\nALTER TABLE orders ADD COLUMN note text;\n');
    add('lint one small file', measure(runs, [
      ...tools.map((t) => [t.name, t.cmd, [...t.pre, 'lint', one, '--no-progress', '--no-color'], t.env]),
      ['squawk', squawk, [one]],
      [parseOnly[0], parseOnly[1], [...parseOnly[2], one]],
      ['node -e ""', process.execPath, ['-e', '']],
    ], path.dirname(one)));
  }
  if (rows.has('version')) {
    add('--version', measure(runs, [
      ...tools.map((t) => [t.name, t.cmd, [...t.pre, '--version'], t.env]),
      ['node -e ""', process.execPath, ['-e', '']],
    ]));
  }
  // The generated file alone, and (bigtx) inside one BEGIN ... COMMIT.
  for (const [row, dir, wrap, label] of [['big', 'big', (t) => t, 'file'], ['bigtx', 'bigtx', (t) => `BEGIN;\n${t}\nCOMMIT;\n`, 'file in one transaction']]) {
    if (!rows.has(row)) continue;
    const big = path.join(scratch, dir, '0001_big.sql');
    mkdirp(path.dirname(big));
    writeFileSync(big, wrap(generated(20e6)));
    add(`lint one generated ${(statSync(big).size / 1e6).toFixed(0)} MB ${label}`, measure(bigRuns, [
      ...tools.map((t) => [t.name, t.cmd, [...t.pre, 'lint', big, '--format', 'json', '--output', '/dev/null', '--no-progress'], t.env]),
      ['squawk', squawk, ['--reporter', 'json', big]],
    ], path.dirname(big)));
  }
  if (rows.has('locks')) {
    const locks = path.join(scratch, 'locks', '0001_locks.sql');
    mkdirp(path.dirname(locks));
    writeFileSync(locks, onExistingTable(15000));
    add(`lint one generated file of 60,000 statements on an existing table`, measure(bigRuns, [
      ...tools.map((t) => [t.name, t.cmd, [...t.pre, 'lint', locks, '--format', 'json', '--output', '/dev/null', '--no-progress'], t.env]),
      ['squawk', squawk, ['--reporter', 'json', locks]],
    ], path.dirname(locks)));
  }
  if (rows.has('functions')) {
    const fns = path.join(scratch, 'functions', '0001_functions.sql');
    mkdirp(path.dirname(fns));
    writeFileSync(fns, functions(3000));
    add(`lint one generated file of 3,000 PL/pgSQL functions (${(statSync(fns).size / 1e3).toFixed(0)} KB)`, measure(bigRuns, [
      ...tools.map((t) => [t.name, t.cmd, [...t.pre, 'lint', fns, '--format', 'json', '--output', '/dev/null', '--no-progress'], t.env]),
      ['squawk', squawk, ['--reporter', 'json', fns]],
    ], path.dirname(fns)));
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const head = ['work', 'tool', 'wall (median)', 'CPU user+sys', 'peak RSS (median)', ''];
const widths = head.map((_, i) => Math.max(...[head, ...table].map((r) => r[i].length)));
console.log(`node ${process.version}, ${availableParallelism()} cores, ${runs} runs per row (${bigRuns} for the big file), runs of the tools interleaved; CPU counts every thread (a lint of the corpus analyzes on worker threads too: MG_WORKERS)`);
for (const r of [head, ...table]) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());

function mkdirp(dir) {
  mkdirSync(dir, { recursive: true });
}

/** A deterministic migration of about `size` bytes: the statement mix of a real schema history. */
function generated(size) {
  const parts = [];
  let n = 0;
  let bytes = 0;
  while (bytes < size) {
    const t = `t${n}`;
    const block = [
      `CREATE TABLE ${t} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());`,
      `ALTER TABLE ${t} ADD COLUMN status varchar(20) DEFAULT 'new';`,
      `CREATE INDEX ${t}_name_idx ON ${t} (name);`,
      `ALTER TABLE ${t} ADD CONSTRAINT ${t}_status_check CHECK (status IN ('new', 'done'));`,
      `INSERT INTO ${t} (name, status) VALUES ('a${n}', 'new'), ('b${n}', 'done');`,
      `UPDATE ${t} SET status = 'done' WHERE name = 'a${n}';`,
      `COMMENT ON TABLE ${t} IS 'generated table ${n}';`,
      '',
    ].join('\n');
    parts.push(block);
    bytes += block.length;
    n++;
  }
  return parts.join('\n');
}

/** `n` PL/pgSQL functions, each body a few lines ending in `;` with a comment of each kind. */
function functions(n) {
  const parts = [];
  for (let i = 0; i < n; i++) {
    parts.push(`CREATE FUNCTION f${i}(a int) RETURNS int LANGUAGE plpgsql AS $$\nBEGIN -- step ${i}\n  PERFORM pg_sleep(0);\n  RETURN a + ${i}; /* done */\nEND\n$$;\n`);
  }
  return parts.join('');
}

/** `n` INSERTs into a table the file does not create, then `n` triples that lock it, index it and update it. */
function onExistingTable(n) {
  const parts = [];
  for (let i = 0; i < n; i++) parts.push(`INSERT INTO orders (id) VALUES (${i});`);
  for (let i = 0; i < n; i++) {
    parts.push(`ALTER TABLE orders ADD COLUMN c${i} int;`, `CREATE INDEX orders_c${i}_idx ON orders (c${i});`, `UPDATE orders SET c${i} = 1 WHERE id = ${i};`);
  }
  return `${parts.join('\n')}\n`;
}
