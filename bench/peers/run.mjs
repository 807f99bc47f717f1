// The peer-comparison runner shared by bench/peers.mjs and test/peers: loads the cases written
// from the public rule documentation of squawk, eugene, strong_migrations, pgfence, diesel-guard
// and atlas's migrate lint checks (bench/peers/cases/*.json, our own SQL), lints them through
// the real CLI (dist/cli.js) and returns each case's verdict. test/peers passes its own linter:
// the same lint command called in the test's process (one CLI process per group cost most of
// that test's CPU; that dist/ runs as a real process is tested in test/cli).
//
// Each case becomes its own folder (`0001_history.sql` when it has a history, then
// `0002_case.sql`): the CLI gives every folder its own analysis state, so cases never see each
// other, and one CLI run covers every case of the same Postgres version, transaction mode and
// preset.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CASES = path.join(ROOT, 'bench', 'peers', 'cases');
const RISKS = ['SAFE', 'CAUTION', 'DANGEROUS'];
const rank = (r) => RISKS.indexOf(r);
const LOCKS = ['AccessShareLock', 'RowShareLock', 'RowExclusiveLock', 'ShareUpdateExclusiveLock', 'ShareLock', 'ShareRowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock'];

/**
 * The strongest lock the report's operations say the case takes on each table it names in
 * `locks` (a peer's traced claim, e.g. eugene's lock traces), and where that differs.
 * @param {PeerCase} c @param {{ table?: string, lock?: string }[]} operations
 * @returns {string[]}
 */
function locksOff(c, operations) {
  const held = new Map();
  for (const op of operations) {
    if (op.table && op.lock && LOCKS.indexOf(op.lock) > LOCKS.indexOf(held.get(op.table) ?? '')) held.set(op.table, op.lock);
  }
  return Object.entries(c.locks ?? {}).filter(([table, mode]) => held.get(table) !== mode)
    .map(([table, mode]) => `${table}: ${held.get(table) ?? 'no lock'}, not ${mode}`);
}

/**
 * @typedef {{ id: string, peer: string, peerRule: string, class: string, style?: boolean,
 *   expect: 'hazard' | 'ok', risk: 'SAFE' | 'CAUTION' | 'DANGEROUS', rule?: string,
 *   pgVersion: number | string, transaction: 'wrapped' | 'none', preset?: 'squawk',
 *   rules?: Record<string, string>, history?: string, absent?: string[],
 *   locks?: Record<string, string>, sql: string, note?: string }} PeerCase
 */

/** @returns {PeerCase[]} every case, in file order. */
export function loadCases() {
  return readdirSync(CASES).filter((f) => f.endsWith('.json')).sort().flatMap((f) => {
    const peer = f.replace(/\.json$/, '');
    const list = JSON.parse(readFileSync(path.join(CASES, f), 'utf8'));
    return list.map((c, i) => ({ peer, id: `${peer}#${i + 1}`, ...c }));
  });
}

/**
 * `migration-guard lint <folders> --config <config> --format json` through the real CLI
 * (`node dist/cli.js`) in `dir`, the folders named relative to it: the JSON report's text.
 * @param {string} dir @param {string[]} folders @param {string} config
 * @returns {Promise<string>}
 */
export async function cliLint(dir, folders, config) {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'lint', ...folders, '--config', config, '--format', 'json', '--no-progress'], {
    cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024,
  });
  if (!run.stdout.trim()) throw new Error(`the CLI produced no report: ${run.stderr}`);
  return run.stdout;
}

/**
 * Runs every case through `lint` (default: `node dist/cli.js lint`, cliLint) and returns one
 * verdict per case: the risk of its migration, the rules that fired, any parse error, and
 * whether that meets the expectation (a hazard is caught when the risk reaches `risk` and, when
 * named, `rule` fired; a good case is right when its risk stays at or under `risk` and none of
 * its `absent` rules fired: a style rule's false alarm is SAFE, so only `absent` can catch it;
 * either way, every table named in `locks` must get exactly that strongest lock).
 * @param {PeerCase[]} cases
 * @param {typeof cliLint} [lint]
 */
export async function runCases(cases, lint = cliLint) {
  const work = mkdtempSync(path.join(tmpdir(), 'mg-peers-'));
  try {
    const groups = new Map();
    for (const c of cases) {
      const key = `${c.pgVersion}|${c.transaction}|${c.preset ?? ''}|${JSON.stringify(c.rules ?? {})}`;
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    const verdicts = [];
    let g = 0;
    for (const [key, group] of groups) {
      const [pgVersion, transaction, preset] = key.split('|');
      const settings = Object.entries(group[0].rules ?? {}).map(([id, s]) => `  ${id}: ${s}\n`).join('');
      const dir = path.join(work, `g${g++}`);
      mkdirSync(dir);
      // A "major.minor" version is a string in the config (a YAML number would read 14.10 as 14.1).
      writeFileSync(path.join(dir, '.migration-guard.yml'), `pgVersion: ${pgVersion.includes('.') ? `"${pgVersion}"` : pgVersion}\ndefaultTransaction: ${transaction}\ntransaction:\n  plain: ${transaction}\n${preset ? `preset: ${preset}\n` : ''}${settings ? `rules:\n${settings}` : ''}`);
      const folders = group.map((c, i) => {
        const folder = `case${String(i).padStart(4, '0')}`;
        mkdirSync(path.join(dir, folder));
        if (c.history) writeFileSync(path.join(dir, folder, '0001_history.sql'), `${c.history}\n`);
        writeFileSync(path.join(dir, folder, '0002_case.sql'), `${c.sql}\n`);
        return folder;
      });
      let text;
      try {
        text = await lint(dir, folders, path.join(dir, '.migration-guard.yml'));
      } catch (e) {
        throw new Error(`no report for ${key}: ${e instanceof Error ? e.message : String(e)}`);
      }
      const report = JSON.parse(text);
      group.forEach((c, i) => {
        // Paths are relative to the folders' common root: the group folder, or the case folder itself when alone.
        const file = folders.length === 1 ? '0002_case.sql' : `${folders[i]}/0002_case.sql`;
        const m = report.migrations.find((x) => x.path === file);
        const errors = report.errors.filter((e) => e.path === file);
        const risk = m?.risk ?? 'DANGEROUS';
        const rules = [...new Set((m?.findings ?? []).map((f) => f.rule))];
        const locks = locksOff(c, m?.operations ?? []);
        const ok = locks.length === 0 && (c.expect === 'hazard'
          ? rank(risk) >= rank(c.risk) && (m?.findings ?? []).length > 0 && (!c.rule || rules.includes(c.rule))
          : rank(risk) <= rank(c.risk) && errors.length === 0 && !(c.absent ?? []).some((id) => rules.includes(id)));
        verdicts.push({ case: c, risk, rules, errors: errors.map((e) => e.message), locks, ok });
      });
    }
    return verdicts;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Recall on hazards (real and style apart) and correctness on good cases, per peer and per class. */
export function summarize(verdicts) {
  const rows = new Map();
  const add = (key, v) => {
    const r = rows.get(key) ?? { hazards: 0, caught: 0, style: 0, styleCaught: 0, good: 0, right: 0 };
    if (v.case.expect === 'ok') { r.good++; if (v.ok) r.right++; }
    else if (v.case.style) { r.style++; if (v.ok) r.styleCaught++; }
    else { r.hazards++; if (v.ok) r.caught++; }
    rows.set(key, r);
  };
  for (const v of verdicts) {
    add(`peer ${v.case.peer}`, v);
    add(`class ${v.case.class}`, v);
    add('all', v);
  }
  return rows;
}
