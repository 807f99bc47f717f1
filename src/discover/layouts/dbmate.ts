// dbmate: one file per migration, `-- migrate:up` and `-- migrate:down` sections; either
// marker may say `transaction:false`. The version is the file name's leading digits.
import { findMarkers, numberedFiles, sectionTexts } from './sections.js';
import { coverage, directFiles, emptyBuild, repoPath, sqlFiles, type Layout, type LayoutBuild } from './types.js';

// dbmate's own grammar (`(?m)^--\s*migrate:up(\s*$|\s+\S+)`): case-sensitive, and Go's `\s` is
// ASCII whitespace only. A line we took for a marker and dbmate does not (`-- migrate:Down`,
// `-- migrate:down-x`, a no-break space) would move the SQL after it from the up section dbmate
// runs into a down section we do not gate.
const MARKER = /^--[\t\n\f\r ]*migrate:(up|down)((?:[\t\n\f\r ][^]*)?)$/;
const NAME = /^(\d+)(?:[_-](.*))?\.sql$/;

export const dbmate: Layout = {
  name: 'dbmate',
  rollbacks: 'always',
  async detect(folder) {
    const files = sqlFiles(directFiles(folder));
    const texts = await Promise.all(files.map((f) => folder.read(f)));
    return coverage(texts, (t) => /^--\s*migrate:up\b/im.test(t));
  },
  async build(folder) {
    const out: LayoutBuild = emptyBuild();
    for (const { file, version, name } of numberedFiles(folder, NAME, out)) {
      const text = await folder.read(file);
      const markers = findMarkers(text, MARKER);
      const up = markers.find((m) => m.kind === 'up');
      const down = markers.find((m) => m.kind === 'down');
      if (!up) {
        out.issues.push({ path: file, line: 1, column: 1, message: "dbmate migration has no '-- migrate:up' section" });
      }
      const sections = sectionTexts(text, markers, ['up', 'down']);
      const path = repoPath(folder.dir, file);
      const noTransaction = [up, down].some((m) => m && transactionOff(m.rest));
      out.migrations.push({
        id: file.slice(0, -4),
        version,
        name,
        up: { path, text: up ? sections.get('up')! : text },
        down: down ? { path, text: sections.get('down')! } : null,
        ...(noTransaction ? { noTransaction } : {}),
        dupKey: version.replace(/^0+(?=\d)/, ''),
      });
    }
    return out;
  },
};

/** dbmate's options: whitespace-separated `key:value` pairs after the marker, compared exactly. */
function transactionOff(rest: string): boolean {
  return rest.trim().split(/[\t\n\f\r ]+/).some((pair) => pair === 'transaction:false');
}
