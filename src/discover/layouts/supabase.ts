// Supabase CLI: `supabase/migrations/<timestamp>_name.sql`, applied by version; the version is
// the primary key of supabase_migrations.schema_migrations, so two files with one version
// collide. No rollbacks by design.
import { compareDigits, naturalCompare } from '../version.js';
import { coverage, directFiles, emptyBuild, repoPath, sqlFiles, type Layout, type LayoutBuild } from './types.js';

const NAME = /^(\d+)_(.+)\.sql$/;

export const supabase: Layout = {
  name: 'supabase',
  rollbacks: 'never',
  async detect(folder) {
    if (!/(^|\/)supabase\/migrations$/.test(folder.dir)) return 0;
    return 0.95 * coverage(sqlFiles(directFiles(folder)), (f) => NAME.test(f));
  },
  async build(folder) {
    const out: LayoutBuild = emptyBuild();
    const named = sqlFiles(directFiles(folder)).flatMap((file) => {
      const m = NAME.exec(file);
      if (!m) out.leftovers.push(file);
      return m ? [{ file, version: m[1]!, name: m[2]! }] : [];
    });
    named.sort((a, b) => compareDigits(a.version, b.version) || naturalCompare(a.file, b.file));
    for (const { file, version, name } of named) {
      out.migrations.push({
        id: file.slice(0, -4),
        version,
        name,
        up: { path: repoPath(folder.dir, file), text: await folder.read(file) },
        down: null,
        dupKey: version.replace(/^0+(?=\d)/, ''),
      });
    }
    return out;
  },
};
