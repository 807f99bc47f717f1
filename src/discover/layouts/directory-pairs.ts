// Directory pairs (Diesel, sourcegraph): `<version>_name/up.sql` + `<version>_name/down.sql`.
// Diesel wraps each migration in a transaction unless `metadata.toml` says
// `run_in_transaction = false`; sourcegraph's `metadata.yaml` `createIndexConcurrently: true`
// means the same.
import { byteCompare, naturalCompare } from '../version.js';
import { coverage, emptyBuild, repoPath, sqlFiles, type Layout, type LayoutBuild } from './types.js';

const FILE = /^([^/]+)\/(up|down)\.sql$/;

export const directoryPairs: Layout = {
  name: 'directory-pairs',
  rollbacks: 'always',
  async detect(folder) {
    return coverage(sqlFiles(folder.files), (f) => FILE.test(f));
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
      entry[m[2] as 'up' | 'down'] = file;
      byDir.set(m[1]!, entry);
    }
    const parsed = [...byDir.entries()].map(([id, e]) => {
      // Diesel's version is the name up to the first `_`, dashes ignored (2017-08-31-230457), compared as a
      // string, so a 14-digit and an 18-digit timestamp interleave by date.
      const m = /^(\d[\d-]*)(?:_(.*))?$/.exec(id);
      const version = m ? m[1]! : id;
      return { id, version, key: version.replace(/-/g, ''), name: m ? (m[2] ?? '') : id, numeric: m !== null, ...e };
    });
    parsed.sort((a, b) =>
      a.numeric && b.numeric ? byteCompare(a.key, b.key) || naturalCompare(a.id, b.id) : naturalCompare(a.id, b.id),
    );
    for (const e of parsed) {
      if (!e.up) {
        out.orphans.push(e.down!);
        continue;
      }
      const noTransaction = await optsOutOfTransaction(folder.files, e.id, folder.read);
      out.migrations.push({
        id: e.id,
        version: e.version,
        name: e.name,
        up: { path: repoPath(folder.dir, e.up), text: await folder.read(e.up) },
        down: e.down ? { path: repoPath(folder.dir, e.down), text: await folder.read(e.down) } : null,
        ...(noTransaction ? { noTransaction } : {}),
        ...(e.numeric ? { dupKey: e.key.replace(/^0+(?=\d)/, '') } : {}),
      });
    }
    return out;
  },
};

async function optsOutOfTransaction(
  files: readonly string[],
  id: string,
  read: (rel: string) => Promise<string>,
): Promise<boolean> {
  if (files.includes(`${id}/metadata.toml`)) {
    if (/^[ \t]*run_in_transaction[ \t]*=[ \t]*false\b/m.test(await read(`${id}/metadata.toml`))) return true;
  }
  for (const name of ['metadata.yaml', 'metadata.yml']) {
    if (files.includes(`${id}/${name}`) && /^[ \t]*createIndexConcurrently:[ \t]*true\b/m.test(await read(`${id}/${name}`))) return true;
  }
  return false;
}
