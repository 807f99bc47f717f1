// sqlx (Rust): `<version>_<description>.sql`, or reversible `<version>_<description>.up.sql` +
// `.down.sql`, in the crate's migrations folder. The names look like golang-migrate's (or a plain
// folder's), but the runner is another: `sqlx migrate run` wraps each file in a transaction unless
// it starts with `-- no-transaction`, and keeps a checksum of each applied file, refusing to run
// when one changed. Folder names cannot tell the two apart, so this layout is never detected from
// the folder alone: discovery picks it for such a folder inside a crate that depends on sqlx
// (discover/cargo.ts), or the config names it.
import { compareDigits, naturalCompare } from '../version.js';
import { coverage, directFiles, emptyBuild, repoPath, sqlFiles, type Layout, type LayoutBuild } from './types.js';

const FILE = /^(\d+)_(.+?)(?:\.(up|down))?\.sql$/;

/** sqlx reads the directive from the very start of the file. */
const NO_TRANSACTION = /^-- no-transaction/;

/** Share of the folder's SQL files named as sqlx names migrations. */
export function sqlxCoverage(files: readonly string[]): number {
  return coverage(sqlFiles(files.filter((f) => !f.includes('/'))), (f) => FILE.test(f));
}


export const sqlx: Layout = {
  name: 'sqlx',
  // Reversible migrations come with a down file; simple ones have none, on purpose.
  rollbacks: 'when-used',
  async detect() {
    return 0;
  },
  async build(folder) {
    const out: LayoutBuild = emptyBuild();
    const byId = new Map<string, { version: string; name: string; up?: string; down?: string }>();
    for (const file of sqlFiles(directFiles(folder))) {
      const m = FILE.exec(file);
      if (!m) {
        out.leftovers.push(file);
        continue;
      }
      const id = m[3] ? file.slice(0, -`.${m[3]}.sql`.length) : file.slice(0, -'.sql'.length);
      const entry = byId.get(id) ?? { version: m[1]!, name: m[2]! };
      entry[m[3] === 'down' ? 'down' : 'up'] = file;
      byId.set(id, entry);
    }
    const ordered = [...byId.entries()].sort(([ia, a], [ib, b]) => compareDigits(a.version, b.version) || naturalCompare(ia, ib));
    for (const [id, e] of ordered) {
      if (!e.up) {
        out.orphans.push(e.down!);
        continue;
      }
      const text = await folder.read(e.up);
      out.migrations.push({
        id,
        version: e.version,
        name: e.name,
        up: { path: repoPath(folder.dir, e.up), text },
        down: e.down ? { path: repoPath(folder.dir, e.down), text: await folder.read(e.down) } : null,
        ...(NO_TRANSACTION.test(text) ? { noTransaction: true } : {}),
        // The version is an i64: 0042 and 42 are the same migration to sqlx.
        dupKey: e.version.replace(/^0+(?=\d)/, ''),
      });
    }
    return out;
  },
};
