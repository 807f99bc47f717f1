// Versioned scripts with rollbacks beside them, two common shapes:
//   migrations/v1.2.0_name.sql            + migrations/rollbacks/v1.2.0_rollback_name.sql
//   1.2.1.4_to_1.3.0_upgrade.sql          + 1.2.1.4_to_1.3.0_rollback.sql      (mosip)
// Ordered by version (for `a_to_b` upgrades, by the target version, then the source), with
// pre-release tags before their release (1.2.0.1-B1 before 1.2.0.1).
import { compareVersions, naturalCompare } from '../version.js';
import { baseName, coverage, directFiles, emptyBuild, repoPath, sqlFiles, type Layout, type LayoutBuild } from './types.js';

const ROLLBACK_DIR = /^rollbacks?\/[^/]+\.sql$/i;
const UPGRADE = /^(.+)_upgrade\.sql$/i;
const ROLLBACK_SUFFIX = /^(.+)_rollback\.sql$/i;
const VERSIONED = /^([vV]?\d+(?:\.\d+)*(?:-[0-9A-Za-z.]+)?)(?:[_-](.*))?\.sql$/;

interface Up {
  file: string;
  version: string;
  name: string;
  /** Versions to order by, most significant first. */
  sortKeys: string[];
  /** Matches the rollback's key. */
  key: string;
}

function parseUp(file: string): Up | null {
  const up = UPGRADE.exec(file);
  if (up) {
    const stem = up[1]!;
    const fromTo = /^(.+)_to_(.+)$/i.exec(stem);
    return { file, version: stem, name: stem, sortKeys: fromTo ? [fromTo[2]!, fromTo[1]!] : [stem], key: stem.toLowerCase() };
  }
  const v = VERSIONED.exec(file);
  if (v && !ROLLBACK_SUFFIX.test(file)) {
    return { file, version: v[1]!, name: v[2] ?? '', sortKeys: [v[1]!], key: versionKey(v[1]!, v[2] ?? '') };
  }
  return null;
}

/** The key a rollback file pairs by; null when the name says nothing usable. */
function rollbackKey(file: string): { key: string; versionOnly: string } | null {
  const name = baseName(file);
  const suffix = ROLLBACK_SUFFIX.exec(name);
  if (suffix && !file.includes('/')) return { key: suffix[1]!.toLowerCase(), versionOnly: '' };
  const v = VERSIONED.exec(name);
  if (!v) return suffix ? { key: suffix[1]!.toLowerCase(), versionOnly: '' } : null;
  const rest = (v[2] ?? '').replace(/^rollback[_-]?/i, '').replace(/[_-]?rollback$/i, '');
  return { key: versionKey(v[1]!, rest), versionOnly: versionKey(v[1]!, '') };
}

function versionKey(version: string, name: string): string {
  return `${version.replace(/^[vV]/, '').toLowerCase()}|${name.toLowerCase()}`;
}

export const versionedRollbacks: Layout = {
  name: 'versioned-rollbacks',
  rollbacks: 'always',
  async detect(folder) {
    const direct = sqlFiles(directFiles(folder));
    const hasRollbacks = folder.files.some((f) => ROLLBACK_DIR.test(f)) || direct.some((f) => ROLLBACK_SUFFIX.test(f));
    if (!hasRollbacks) return 0;
    return 0.95 * coverage(direct, (f) => parseUp(f) !== null || ROLLBACK_SUFFIX.test(f));
  },
  async build(folder) {
    const out: LayoutBuild = emptyBuild();
    const ups: Up[] = [];
    const rollbacks: string[] = [];
    for (const file of sqlFiles(folder.files)) {
      if (ROLLBACK_DIR.test(file) || (!file.includes('/') && ROLLBACK_SUFFIX.test(file))) rollbacks.push(file);
      else if (file.includes('/')) out.leftovers.push(file);
      else {
        const up = parseUp(file);
        if (up) ups.push(up);
        else out.leftovers.push(file);
      }
    }
    ups.sort((a, b) => {
      for (let i = 0; i < Math.max(a.sortKeys.length, b.sortKeys.length); i++) {
        const c = compareVersions(a.sortKeys[i] ?? '', b.sortKeys[i] ?? '');
        if (c !== 0) return c;
      }
      return naturalCompare(a.file, b.file);
    });
    // Pair by full key first, then by version alone when only one migration has that version.
    const downFor = new Map<Up, string>();
    const unpaired: string[] = [];
    for (const file of rollbacks) {
      const key = rollbackKey(file);
      const exact = key && ups.find((u) => u.key === key.key && !downFor.has(u));
      const byVersion = key?.versionOnly ? ups.filter((u) => u.key.startsWith(key.versionOnly) && !downFor.has(u)) : [];
      const match = exact || (byVersion.length === 1 ? byVersion[0] : undefined);
      if (match) downFor.set(match, file);
      else unpaired.push(file);
    }
    out.orphans.push(...unpaired);
    for (const up of ups) {
      const down = downFor.get(up);
      out.migrations.push({
        id: up.file.slice(0, -4),
        version: up.version,
        name: up.name,
        up: { path: repoPath(folder.dir, up.file), text: await folder.read(up.file) },
        down: down ? { path: repoPath(folder.dir, down), text: await folder.read(down) } : null,
        dupKey: up.key,
      });
    }
    return out;
  },
};
