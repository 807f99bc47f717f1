// Prisma: `<timestamp>_name/migration.sql`, applied in folder-name order. No rollbacks by design;
// a `down.sql` next to it (what `prisma migrate diff` produces for manual rollbacks) is paired.
import { byteCompare } from '../version.js';
import { coverage, emptyBuild, repoPath, sqlFiles, type Layout, type LayoutBuild } from './types.js';

const FILE = /^([^/]+)\/(migration|down)\.sql$/;

export const prisma: Layout = {
  name: 'prisma',
  rollbacks: 'never',
  async detect(folder) {
    const files = sqlFiles(folder.files);
    return files.some((f) => f.endsWith('/migration.sql')) ? coverage(files, (f) => FILE.test(f)) : 0;
  },
  async build(folder) {
    const out: LayoutBuild = emptyBuild();
    const byDir = new Map<string, { up?: string; down?: string }>();
    for (const file of sqlFiles(folder.files)) {
      const m = FILE.exec(file);
      if (!m) {
        out.leftovers.push(file);
        continue;
      }
      const entry = byDir.get(m[1]!) ?? {};
      entry[m[2] === 'migration' ? 'up' : 'down'] = file;
      byDir.set(m[1]!, entry);
    }
    for (const [id, e] of [...byDir.entries()].sort(([a], [b]) => byteCompare(a, b))) {
      if (!e.up) {
        out.orphans.push(e.down!);
        continue;
      }
      const m = /^(\d+)(?:_(.*))?$/.exec(id);
      out.migrations.push({
        id,
        version: m ? m[1]! : id,
        name: m ? (m[2] ?? '') : id,
        up: { path: repoPath(folder.dir, e.up), text: await folder.read(e.up) },
        down: e.down ? { path: repoPath(folder.dir, e.down), text: await folder.read(e.down) } : null,
      });
    }
    return out;
  },
};
