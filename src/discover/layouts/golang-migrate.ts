// golang-migrate: `0042_name.up.sql` + `0042_name.down.sql` in one folder (sqlx names its files the
// same way: a folder in a crate that depends on sqlx is sqlx's, see sqlx.ts).
// Also accepts Authelia's `V0001.Name.up.sql`. golang-migrate refuses two files with the same
// version number, so the version (by value) is the duplicate key. golang-migrate's file source
// runs any extension (`source.Regex`, `^([0-9]+)_(.*)\.(down|up)\.(.*)$`): `0002_x.up.txt` or a
// left-behind `0002_x.up.sql.orig` runs like `.sql`, so such files are migrations here too.
import { compareDigits, naturalCompare } from '../version.js';
import { coverage, directFiles, emptyBuild, repoPath, sqlFiles, type Layout, type LayoutBuild } from './types.js';

const PAIR = /^[vV]?(\d+)(?:[._-](.*?))?\.(up|down)\.sql$/;
/** What golang-migrate itself runs, whatever the extension. */
export const RUNNER_FILE = /^(\d+)_(.*)\.(up|down)\.(.*)$/s;

export const golangMigrate: Layout = {
  name: 'golang-migrate',
  rollbacks: 'always',
  async detect(folder) {
    return 0.9 * coverage(sqlFiles(directFiles(folder)), (f) => PAIR.test(f));
  },
  async build(folder) {
    const out: LayoutBuild = emptyBuild();
    const byId = new Map<string, { version: string; name: string; up?: string; down?: string }>();
    const sql = new Set(sqlFiles(directFiles(folder)));
    for (const file of directFiles(folder)) {
      const m = sql.has(file) ? PAIR.exec(file) : RUNNER_FILE.exec(file);
      if (!m) {
        if (sql.has(file)) out.leftovers.push(file);
        continue;
      }
      const id = sql.has(file) ? file.slice(0, -`.${m[3]}.sql`.length) : file.slice(0, -`.${m[3]}.${m[4]}`.length);
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
