// The CLI commands as functions of their arguments: gather inputs, call runCheck, render, and
// return the exit code. main.ts only parses the command line and maps errors to exit codes.
import { verdict } from '../report/verdict.js';
import { closeSync, existsSync, openSync, readdirSync, realpathSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { atLeast } from '../core/risk.js';
import type { CheckScope, CheckResult } from '../check/types.js';
import { runCheck } from '../check/run.js';
import { fsRepoFiles, gitWorkTreeOf } from '../discover/fs-files.js';
import { lintScope } from '../discover/lint-scope.js';
import type { RepoFiles } from '../core/types.js';
import { gitChanges } from '../discover/git.js';
import { renderReportWhenReady } from '../report/render.js';
import type { PlanVerification } from '../verify/index.js';
import type { Config } from '../config/defaults.js';
import { configFromFlags, UsageError, type CommonFlags, type DryRunFlags } from './options.js';
import { progressLine, useColor } from './terminal.js';
import { allRules, ruleById } from '../../rules/index.js';
import { renderRuleText } from './rule-text.js';

import { FORMATS, type Format } from './formats.js';

export { FORMATS, type Format };

export interface OutputFlags {
  format?: string;
  output?: string;
  color?: boolean;
  progress?: boolean;
}

export async function lintCommand(paths: string[], flags: CommonFlags & OutputFlags): Promise<number> {
  if (paths.length === 0) throw new UsageError('lint needs at least one file or folder (e.g. `migration-guard lint db/migrations`)');
  for (const p of paths) {
    if (!existsSync(p)) throw new UsageError(`no such file or folder: ${p}`);
    if (statSync(p).isDirectory() && !holdsSqlFile(p)) {
      throw new UsageError(`no .sql files in ${p}`);
    }
  }
  const root = commonRoot(paths.map((p) => path.resolve(p)));
  const named = paths.map((p) => ({ path: toPosix(path.relative(root, path.resolve(p))) || '.', isDir: statSync(p).isDirectory() }));
  const config = await configFromFlags(root, flags);
  const files = fsRepoFiles(root, lintScope(named, config));
  return review(files, { kind: 'paths', paths: named.map((n) => n.path) }, config, flags, false);
}

/**
 * Whether a .sql file lies anywhere under `dir`, stopping at the first: a recursive readdir
 * listed (and stat'ed) the whole tree first, about 8% of a lint of the 4,000-file corpus, whose
 * discovery then walks it again.
 */
function holdsSqlFile(dir: string): boolean {
  const pending = [dir];
  // Symbolic links to folders are followed (discovery reads what they point to inside the
  // repository), each real folder once, so a link loop ends.
  const linked = new Set<string>();
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    for (const entry of readdirSync(next, { withFileTypes: true })) {
      if (entry.name.toLowerCase().endsWith('.sql')) return true;
      const full = path.join(next, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isSymbolicLink() && statSync(full, { throwIfNoEntry: false })?.isDirectory()) {
        const real = realpathSync(full);
        if (!linked.has(real)) {
          linked.add(real);
          pending.push(full);
        }
      }
    }
  }
  return false;
}

export async function checkCommand(repoDir: string | undefined, flags: CommonFlags & OutputFlags & DryRunFlags & { base?: string }): Promise<number> {
  const root = repoRoot(repoDir);
  const config = await configFromFlags(root, flags);
  const scope = await scopeFor(root, flags.base);
  return review(fsRepoFiles(root), scope, config, flags, config.dryRun.enabled, root);
}

export async function planCommand(
  repoDir: string | undefined,
  flags: CommonFlags & OutputFlags & DryRunFlags & { base?: string; verify?: boolean },
): Promise<number> {
  const format = flags.format ?? 'pretty';
  if (format !== 'pretty' && format !== 'json') throw new UsageError(`plan --format must be pretty or json, not "${format}"`);
  const root = repoRoot(repoDir);
  const config = await configFromFlags(root, flags);
  const progress = progressFor(flags);
  let result: CheckResult;
  try {
    result = await runCheck({ files: fsRepoFiles(root), config, scope: await scopeFor(root, flags.base), keepHistory: flags.verify !== false, onProgress: progress.update });
  } finally {
    progress.done();
  }
  const verifyOpts = {
    engine: config.dryRun.engine,
    ...(config.dryRun.databaseUrl ? { databaseUrl: config.dryRun.databaseUrl } : {}),
    seedRows: flags.seedRows !== undefined ? config.dryRun.seedRows : config.dryRun.seedRows || 100,
    statementTimeoutMs: config.dryRun.statementTimeoutMs,
    totalTimeoutMs: config.dryRun.totalTimeoutMs,
  };
  const base = result.history ?? [];
  // A reviewed migration the history continues after is in the history already, in its place (check/run.ts).
  const replayed = result.migrations.filter((a) => !a.migration.historyFollows);
  const review = replayed.map((a) => ({ migration: a.migration, up: a.up, down: a.down }));
  // One engine and its images for the column shapes and the plan's verification: the shapes'
  // pass leaves the schema the migrations produce, which the verification compares with.
  const verify = flags.verify !== false ? await import('../verify/index.js') : null;
  const session = verify ? new verify.VerifySession(verifyOpts) : null;
  // Only here: the plan's JSON schema is zod, which `lint` and `check` never need.
  const { buildPlan, planDocument, renderPlanText } = await import('../plan/index.js');
  let plan: ReturnType<typeof buildPlan>;
  let verification: PlanVerification | undefined;
  try {
    session?.useExtensionsOf({ base, review });
    // Verifying needs a database anyway: the plan reads from it the columns whose type changes.
    if (verify && session) await verify.readColumnShapes(base, replayed, { ...verifyOpts, session });
    plan = buildPlan(result.migrations, { pgVersion: config.pgVersion });
    if (verify && session && plan.phases.length > 0) verification = await verify.verifyPlan(planDocument(plan, config.pgVersion), { base, review }, { ...verifyOpts, session });
  } finally {
    await session?.dispose();
  }
  const text = format === 'json'
    ? JSON.stringify(planDocument(plan, config.pgVersion, verification), null, 2)
    : renderPlanText(plan, verification);
  emitChunks([text], flags.output);
  if (verification?.plan.status === 'failed') return 1;
  return exitCode(result, config);
}

export function rulesCommand(id: string | undefined, flags: { color?: boolean }): number {
  const color = useColor(process.stdout, flags.color);
  if (id) {
    const rule = ruleById(id);
    if (!rule) throw new UsageError(`no rule "${id}"; \`migration-guard rules\` lists them`);
    process.stdout.write(renderRuleText(rule, color));
    return 0;
  }
  const width = Math.max(...allRules.map((r) => r.id.length));
  for (const r of allRules) process.stdout.write(`${r.risk.padEnd(9)} ${r.id.padEnd(width)}  ${r.title}\n`);
  return 0;
}

/** `root`: the repository `check` reviews (null for `lint`), where git-ignored migrations are counted. */
async function review(files: RepoFiles, scope: CheckScope, config: Config, flags: OutputFlags, dryRun: boolean, root: string | null = null): Promise<number> {
  const format = parseFormat(flags.format);
  const progress = progressFor(flags);
  let result: CheckResult;
  try {
    // Only markdown's plan reads the syntax trees; without them a large input is analyzed on worker threads too.
    result = await runCheck({ files, config, scope, dryRun, withoutTrees: format !== 'markdown', onProgress: progress.update });
  } finally {
    progress.done();
  }
  const color = flags.output ? false : useColor(process.stdout, flags.color);
  emitChunks(await renderReportWhenReady(result, format, { color, width: process.stdout.columns ?? 100, pgVersion: config.pgVersion, failOn: config.failOn, approvalRisk: config.approvalRisk }), flags.output);
  if (result.report.migrations.length === 0 && root !== null) {
    const ignored = gitIgnoredSql(root);
    if (ignored > 0) process.stderr.write(`migration-guard: ${ignored} .sql file${ignored === 1 ? ' was' : 's were'} skipped because git ignores them (.gitignore)\n`);
  }
  return exitCode(result, config);
}

/** .sql files git ignores under `root` (0 outside a git work tree): why a folder of migrations can look empty. */
function gitIgnoredSql(root: string): number {
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--', '*.sql', '*.SQL'], {
      cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 28,
    });
    return out.split('\0').filter((f) => f !== '' && !f.split('/').includes('node_modules')).length;
  } catch {
    return 0;
  }
}

/** The same verdict the pretty summary prints (src/report/verdict.ts). */
function exitCode(result: CheckResult, config: Config): number {
  return verdict(result, config.failOn).exitCode;
}

function progressFor(flags: OutputFlags) {
  return progressLine(process.stderr, flags.progress !== false);
}

/** Pieces are joined into writes of about this many characters. */
const WRITE_BATCH = 1 << 20;

/**
 * Writes the text to stdout or the --output file as it comes, ending it with a newline. Writes
 * are synchronous (as stdout's are for files and pipes on Linux), so a report of any size is
 * held at most one batch at a time.
 */
function emitChunks(chunks: Iterable<string>, output: string | undefined): void {
  const fd = output ? openOutput(output) : undefined;
  const write = (s: string) => {
    if (fd === undefined) process.stdout.write(s);
    else writeAll(fd, s, output!);
  };
  try {
    let batch = '';
    let endsLine = false;
    for (const chunk of chunks) {
      if (chunk === '') continue;
      batch += chunk;
      endsLine = chunk.endsWith('\n');
      if (batch.length >= WRITE_BATCH) {
        write(batch);
        batch = '';
      }
    }
    write(endsLine ? batch : `${batch}\n`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function openOutput(output: string): number {
  try {
    return openSync(output, 'w');
  } catch (e) {
    throw cannotWrite(output, e);
  }
}

function writeAll(fd: number, text: string, output: string): void {
  try {
    const bytes = Buffer.from(text, 'utf8');
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
  } catch (e) {
    throw cannotWrite(output, e);
  }
}

function cannotWrite(output: string, e: unknown): UsageError {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? `no such folder ${path.dirname(output)}` : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (code ?? String(e));
  return new UsageError(`--output ${output}: cannot write the report: ${why}`);
}

function parseFormat(format: string | undefined): Format {
  const f = format ?? 'pretty';
  if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${f}"`);
  return f as Format;
}

async function scopeFor(root: string, base: string | undefined): Promise<CheckScope> {
  if (!base) return { kind: 'all' };
  const changes = await gitChanges(root, base);
  return { kind: 'changes', changes: changes.changes, base: changes.base, notes: changes.notes };
}

function repoRoot(dir: string | undefined): string {
  const root = path.resolve(dir ?? '.');
  if (!existsSync(root)) throw new UsageError(`no such folder: ${dir}`);
  if (!statSync(root).isDirectory()) throw new UsageError(`not a folder: ${dir} (to lint single files use \`migration-guard lint ${dir}\`)`);
  return root;
}

/** The git work tree containing every path, else their deepest common folder. */
function commonRoot(abs: string[]): string {
  const dirs = abs.map((p) => (statSync(p).isDirectory() ? p : path.dirname(p)));
  let common = dirs[0]!;
  for (const d of dirs.slice(1)) {
    while (!(d === common || d.startsWith(common + path.sep))) common = path.dirname(common);
  }
  const top = gitWorkTreeOf(common);
  if (top && abs.every((p) => p === top || p.startsWith(top + path.sep))) return top;
  // Not a git checkout: the common folder is the root.
  return common;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
