// Drizzle Kit: `0001_name.sql` with `--> statement-breakpoint` separators, applied in the order of
// `meta/_journal.json` when present (else name order). No rollbacks by design.
import { naturalCompare } from '../version.js';
import { baseName, coverage, directFiles, emptyBuild, repoPath, sqlFiles, type Layout, type LayoutBuild } from './types.js';

const NAME = /^(\d+)_(.+)\.sql$/;

export const drizzle: Layout = {
  name: 'drizzle',
  rollbacks: 'never',
  async detect(folder) {
    const files = sqlFiles(directFiles(folder));
    const named = coverage(files, (f) => NAME.test(f));
    if (folder.files.includes('meta/_journal.json') || /(^|\/)drizzle$/i.test(folder.dir)) return named;
    const texts = await Promise.all(files.map((f) => folder.read(f)));
    return texts.some((t) => t.includes('--> statement-breakpoint')) ? named : 0;
  },
  async build(folder) {
    const out: LayoutBuild = emptyBuild();
    const files = sqlFiles(directFiles(folder));
    const journal = folder.files.includes('meta/_journal.json') ? journalOrder(await folder.read('meta/_journal.json')) : [];
    // drizzle's migrator runs `<folder>/<tag>.sql` for every entry, wherever the tag leads, and
    // runs an entry again when its tag repeats with a newer `when`: the journal, not the folder,
    // says what runs. An entry naming anything but one of the folder's own files, or naming one
    // twice, makes drizzle run SQL this review does not hold as a migration of its own.
    const seen = new Set<string>();
    const own = new Set(files);
    journal.forEach((tag, i) => {
      const problem = !own.has(`${tag}.sql`)
        ? `names ${tag}.sql, which is not a migration file of this folder; drizzle runs it all the same, unreviewed`
        : seen.has(tag) ? `names ${tag}.sql again; drizzle runs it a second time when this entry's 'when' is newer than the last migration applied` : null;
      seen.add(tag);
      if (problem) out.issues.push({ path: 'meta/_journal.json', line: 1, column: 1, message: `drizzle journal entry ${i + 1} ${problem}` });
    });
    const rank = (file: string): number => {
      const i = journal.indexOf(file.slice(0, -4));
      return i < 0 ? Number.MAX_SAFE_INTEGER : i;
    };
    const named = files.flatMap((file) => {
      const m = NAME.exec(file);
      if (!m) out.leftovers.push(file);
      return m ? [{ file, version: m[1]!, name: m[2]! }] : [];
    });
    named.sort((a, b) => rank(a.file) - rank(b.file) || naturalCompare(a.file, b.file));
    for (const { file, version, name } of named) {
      out.migrations.push({
        id: baseName(file).slice(0, -4),
        version,
        name,
        up: { path: repoPath(folder.dir, file), text: await folder.read(file) },
        down: null,
      });
    }
    return out;
  },
};

/** The tags in the order drizzle runs them: the entries' order in the file (`idx` is not read). */
function journalOrder(text: string): string[] {
  try {
    const journal = JSON.parse(text) as { entries?: Array<{ tag?: unknown }> };
    return (Array.isArray(journal.entries) ? journal.entries : []).flatMap((e) => (typeof e?.tag === 'string' ? [e.tag] : []));
  } catch {
    return [];
  }
}
