// goose: `-- +goose Up` and `-- +goose Down` sections in one file; `-- +goose NO TRANSACTION`
// anywhere in the file runs it without a transaction. StatementBegin/End markers are comments
// and stay inside the sections.
import { findMarkers, numberedFiles, sectionTexts } from './sections.js';
import { coverage, directFiles, emptyBuild, repoPath, sqlFiles, type Layout, type LayoutBuild } from './types.js';

const MARKER = /^--\s*\+goose\s+(up|down|statementbegin|statementend|no\s+transaction|envsub\s+on|envsub\s+off)\b(.*)$/i;
const NAME = /^(\d+)(?:[_-](.*))?\.sql$/;

export const goose: Layout = {
  name: 'goose',
  rollbacks: 'always',
  async detect(folder) {
    const files = sqlFiles(directFiles(folder));
    const texts = await Promise.all(files.map((f) => folder.read(f)));
    return coverage(texts, (t) => /^--\s*\+goose\s+up\b/im.test(t));
  },
  async build(folder) {
    const out: LayoutBuild = emptyBuild();
    for (const { file, version, name } of numberedFiles(folder, NAME, out)) {
      const text = await folder.read(file);
      const markers = findMarkers(text, MARKER);
      const up = markers.find((m) => m.kind === 'up');
      const down = markers.find((m) => m.kind === 'down');
      if (!up) out.issues.push({ path: file, line: 1, column: 1, message: "goose migration has no '-- +goose Up' annotation" });
      const sections = sectionTexts(text, markers, ['up', 'down']);
      const path = repoPath(folder.dir, file);
      const noTransaction = markers.some((m) => m.kind === 'no transaction');
      // Substitution runs from an ENVSUB ON to the next OFF; any ON makes the whole file's
      // references placeholders (the cautious side: a reference after an OFF is read as one too).
      const envsub = markers.some((m) => /^envsub\s+on$/.test(m.kind));
      out.migrations.push({
        id: file.slice(0, -4),
        version,
        name,
        up: { path, text: up ? sections.get('up')! : text },
        down: down ? { path, text: sections.get('down')! } : null,
        ...(noTransaction ? { noTransaction } : {}),
        ...(envsub ? { envsub } : {}),
        dupKey: version.replace(/^0+(?=\d)/, ''),
      });
    }
    return out;
  },
};
