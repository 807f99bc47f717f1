// gobuffalo/pop (ory/kratos): `20200605111551000002_name.postgres.up.sql`. A dialect file
// (`.postgres.`) replaces the generic file of the same migration and direction; files for other
// dialects are not for PostgreSQL and are skipped. `.autocommit.` runs without a transaction.
// pop renders each SQL file as a Go template first (`{{ index .Options "Namespace" }}`): the
// parse stage reads those actions as placeholders (check/analyze-set.ts).
import { compareDigits, naturalCompare } from '../version.js';
import { coverage, directFiles, emptyBuild, repoPath, sqlFiles, type Layout, type LayoutBuild } from './types.js';

const FILE =
  /^(\d+)_(.+?)(?:\.(postgres|postgresql|pg|cockroach|cockroachdb|crdb|mysql|mariadb|sqlite|sqlite3|mssql|sqlserver|all))?(\.autocommit)?\.(up|down)\.sql$/;
const POSTGRES = new Set(['postgres', 'postgresql', 'pg']);

interface Variant {
  file: string;
  specific: boolean;
  autocommit: boolean;
}

export const pop: Layout = {
  name: 'pop',
  // pop runs a migration without its down file, and rolls back only what has one: projects that
  // keep none (supabase/auth) do so on purpose.
  rollbacks: 'when-used',
  async detect(folder) {
    const files = sqlFiles(directFiles(folder));
    // Without a dialect or autocommit suffix pop and golang-migrate look the same.
    const marked = files.some((f) => {
      const m = FILE.exec(f);
      return m !== null && (m[3] !== undefined || m[4] !== undefined);
    });
    return marked ? coverage(files, (f) => FILE.test(f)) : 0;
  },
  async build(folder) {
    const out: LayoutBuild = emptyBuild();
    const byId = new Map<string, { version: string; name: string; up?: Variant; down?: Variant }>();
    for (const file of sqlFiles(directFiles(folder))) {
      const m = FILE.exec(file);
      if (!m) {
        out.leftovers.push(file);
        continue;
      }
      const dialect = m[3];
      if (dialect !== undefined && dialect !== 'all' && !POSTGRES.has(dialect)) {
        (out.otherDatabases ??= []).push({ file, dialect });
        continue;
      }
      const id = `${m[1]}_${m[2]}`;
      const entry = byId.get(id) ?? { version: m[1]!, name: m[2]! };
      const direction = m[5] as 'up' | 'down';
      const variant: Variant = { file, specific: dialect !== undefined && dialect !== 'all', autocommit: m[4] !== undefined };
      const current = entry[direction];
      if (!current || (variant.specific && !current.specific)) entry[direction] = variant;
      byId.set(id, entry);
    }
    const ordered = [...byId.entries()].sort(
      ([ia, a], [ib, b]) => compareDigits(a.version, b.version) || naturalCompare(ia, ib),
    );
    for (const [id, e] of ordered) {
      if (!e.up) {
        out.orphans.push(e.down!.file);
        continue;
      }
      out.migrations.push({
        id,
        version: e.version,
        name: e.name,
        up: { path: repoPath(folder.dir, e.up.file), text: await folder.read(e.up.file) },
        down: e.down ? { path: repoPath(folder.dir, e.down.file), text: await folder.read(e.down.file) } : null,
        ...(e.up.autocommit ? { noTransaction: true } : {}),
        dupKey: e.version.replace(/^0+(?=\d)/, ''),
      });
    }
    return out;
  },
};
