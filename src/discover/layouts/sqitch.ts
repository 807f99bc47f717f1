// Sqitch: `deploy/<change>.sql`, `revert/<change>.sql` and `verify/<change>.sql` under a project
// folder, applied in `sqitch.plan` order. A verify script runs on the database too (`sqitch
// deploy --verify`, `sqitch verify`), after its change and again whenever it is run, so it is a
// migration of its own right after the change's: repeatable, with no rollback. A reworked change appears in the plan more
// than once; its older scripts are `<change>@<tag>.sql`, the tag named by the next rework's
// dependency (`update_acl [update_acl@1.2.0]`). Without a plan, changes run in name order.
import { naturalCompare } from '../version.js';
import { coverage, emptyBuild, repoPath, sqlFiles, type Layout, type LayoutBuild } from './types.js';

const SCRIPT = /^(deploy|revert|verify)\/(.+)\.sql$/;

interface PlanChange {
  name: string;
  /** Script name without `.sql`: the change name, or `name@tag` for a reworked older version. */
  script: string;
  line: number;
}

/** The plan's changes in order, each mapped to its script name. */
export function parseSqitchPlan(text: string): PlanChange[] {
  const entries: Array<{ kind: 'change'; name: string; deps: string[]; line: number } | { kind: 'tag'; name: string }> = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('%') || line.startsWith('#')) return;
    if (line.startsWith('@')) {
      entries.push({ kind: 'tag', name: line.slice(1).split(/\s/)[0]! });
      return;
    }
    const m = /^[+-]?([^\s[]+)\s*(?:\[([^\]]*)\])?/.exec(line);
    if (m) entries.push({ kind: 'change', name: m[1]!, deps: (m[2] ?? '').split(/\s+/).filter(Boolean), line: i + 1 });
  });
  const changes: PlanChange[] = [];
  entries.forEach((entry, i) => {
    if (entry.kind !== 'change') return;
    const later = entries.slice(i + 1);
    const rework = later.find((e) => e.kind === 'change' && e.name === entry.name);
    let script = entry.name;
    if (rework && rework.kind === 'change') {
      const dep = rework.deps.find((d) => d.startsWith(`${entry.name}@`));
      const tag = dep ? dep.slice(entry.name.length + 1) : later.find((e) => e.kind === 'tag')?.name;
      if (tag) script = `${entry.name}@${tag}`;
    }
    changes.push({ name: entry.name, script, line: entry.line });
  });
  return changes;
}

export const sqitch: Layout = {
  name: 'sqitch',
  rollbacks: 'always',
  async detect(folder) {
    const files = sqlFiles(folder.files);
    const hasDeploy = files.some((f) => f.startsWith('deploy/'));
    const marked = folder.files.includes('sqitch.plan') || files.some((f) => f.startsWith('revert/'));
    return hasDeploy && marked ? coverage(files, (f) => SCRIPT.test(f)) : 0;
  },
  async build(folder) {
    const out: LayoutBuild = emptyBuild();
    const deploy = new Set<string>();
    const revert = new Set<string>();
    const verify = new Set<string>();
    for (const file of sqlFiles(folder.files)) {
      const m = SCRIPT.exec(file);
      if (!m) out.leftovers.push(file);
      else if (m[1] === 'deploy') deploy.add(m[2]!);
      else if (m[1] === 'revert') revert.add(m[2]!);
      else verify.add(m[2]!);
    }
    const order: Array<{ script: string; name: string }> = [];
    if (folder.files.includes('sqitch.plan')) {
      for (const change of parseSqitchPlan(await folder.read('sqitch.plan'))) {
        if (!deploy.has(change.script)) {
          out.issues.push({
            path: 'sqitch.plan',
            line: change.line,
            column: 1,
            message: `sqitch.plan lists change '${change.name}' but deploy/${change.script}.sql does not exist`,
          });
          continue;
        }
        order.push(change);
      }
      const planned = new Set(order.map((c) => c.script));
      for (const script of [...deploy].filter((s) => !planned.has(s)).sort(naturalCompare)) {
        out.issues.push({
          path: `deploy/${script}.sql`,
          line: 1,
          column: 1,
          message: `deploy/${script}.sql is not in sqitch.plan, so sqitch never deploys it`,
        });
        order.push({ script, name: script.replace(/@.*$/, '') });
      }
    } else {
      for (const script of [...deploy].sort(naturalCompare)) order.push({ script, name: script.replace(/@.*$/, '') });
    }
    const hasPlan = folder.files.includes('sqitch.plan');
    for (const [i, change] of order.entries()) {
      const up = `deploy/${change.script}.sql`;
      const down = `revert/${change.script}.sql`;
      out.migrations.push({
        id: change.script,
        version: hasPlan ? String(i + 1) : change.script,
        name: change.name,
        up: { path: repoPath(folder.dir, up), text: await folder.read(up) },
        down: revert.has(change.script) ? { path: repoPath(folder.dir, down), text: await folder.read(down) } : null,
      });
      if (verify.has(change.script)) {
        const check = `verify/${change.script}.sql`;
        out.migrations.push({
          id: `${change.script}:verify`,
          version: `${hasPlan ? String(i + 1) : change.script}:verify`,
          name: change.name,
          up: { path: repoPath(folder.dir, check), text: await folder.read(check) },
          down: null,
          repeatable: true,
          noRollback: true,
        });
      }
    }
    const used = new Set(order.map((c) => c.script));
    for (const script of revert) if (!used.has(script)) out.orphans.push(`revert/${script}.sql`);
    return out;
  },
};
