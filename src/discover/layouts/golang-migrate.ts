// golang-migrate: `0042_name.up.sql` + `0042_name.down.sql` in one folder (sqlx names its files the
// same way: a folder in a crate that depends on sqlx is sqlx's, see sqlx.ts).
// Also accepts Authelia's `V0001.Name.up.sql`. golang-migrate refuses two files with the same
// version number, so the version (by value) is the duplicate key.
import { compareDigits, naturalCompare } from '../version.js';
import { coverage, directFiles, emptyBuild, repoPath, sqlFiles, type Layout, type LayoutBuild } from './types.js';

const PAIR = /^[vV]?(\d+)(?:[._-](.*?))?\.(up|down)\.sql$/;

export const golangMigrate: Layout = {
  name: 'golang-migrate',
  rollbacks: 'always',
  async detect(folder) {
    return 0.9 * coverage(sqlFiles(directFiles(folder)), (f) => PAIR.test(f));
  },
  async build(folder) {
    const out: LayoutBuild = emptyBuild();
    const byId = new Map<string, { version: string; name: string; up?: string; down?: string }>();
    for (const file of sqlFiles(directFiles(folder))) {
      const m = PAIR.exec(file);
      if (!m) {
        out.leftovers.push(file);
        continue;
      }
      const id = file.slice(0, -`.${m[3]}.sql`.length);
      const entry = byId.get(id) ?? { version: m[1]!, name: m[2] ?? '' };
      entry[m[3] as 'up' | 'down'] = file;
      byId.set(id, entry);
    }
    const ordered = [...byId.entries()].sort(
      ([ia, a], [ib, b]) => compareDigits(a.version, b.version) || naturalCompare(ia, ib),
    );
    for (const [id, e] of ordered) {
      if (!e.up) {
        out.orphans.push(e.down!);
        continue;
      }
      out.migrations.push({
        id,
        version: e.version,
        name: e.name,
        up: { path: repoPath(folder.dir, e.up), text: await folder.read(e.up) },
        down: e.down ? { path: repoPath(folder.dir, e.down), text: await folder.read(e.down) } : null,
        dupKey: e.version.replace(/^0+(?=\d)/, ''),
      });
    }
    return out;
  },
};
