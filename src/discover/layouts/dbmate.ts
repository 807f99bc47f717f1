// dbmate: one file per migration, `-- migrate:up` and `-- migrate:down` sections; either
// marker may say `transaction:false`. The version is the file name's leading digits.
import { findMarkers, numberedFiles, sectionTexts } from './sections.js';
import { coverage, directFiles, emptyBuild, repoPath, sqlFiles, type Layout, type LayoutBuild } from './types.js';

const MARKER = /^--\s*migrate:(up|down)\b(.*)$/i;
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
      const noTransaction = [up, down].some((m) => m && /\btransaction:\s*false\b/i.test(m.rest));
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
