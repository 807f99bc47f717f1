// Shared by the layouts that keep up and down in one file (dbmate, goose): find the marker
// lines and turn each section into an SqlSource that is the whole file with everything else
// blanked, so statement positions are file positions.
import { keepRanges, lfLines, type Line, type Range } from '../text.js';
import { compareDigits, naturalCompare } from '../version.js';
import { directFiles, sqlFiles, type LayoutBuild, type LayoutFiles } from './types.js';

export interface Marker {
  kind: string;
  line: Line;
  /** Text after the marker keyword on its line (options such as `transaction:false`). */
  rest: string;
}

/**
 * Every line matching `re` (group 1 = kind, group 2 = rest), in order. Lines end where the
 * runner's end (`\n` only): a marker we saw after a lone `\r` would be SQL the runner runs.
 */
export function findMarkers(text: string, re: RegExp): Marker[] {
  const found: Marker[] = [];
  for (const line of lfLines(text)) {
    const m = re.exec(line.text);
    if (m) found.push({ kind: m[1]!.toLowerCase().replace(/\s+/g, ' '), line, rest: m[2] ?? '' });
  }
  return found;
}

/**
 * The text of each section: a section starts after its marker line and runs to the next marker
 * that starts another section (kinds in `sectionKinds`), or to the end of the file. Markers of
 * other kinds inside a section (goose StatementBegin) are comments and stay.
 */
export function sectionTexts(text: string, markers: Marker[], sectionKinds: readonly string[]): Map<string, string> {
  const starts = markers.filter((m) => sectionKinds.includes(m.kind));
  const ranges = new Map<string, Range[]>();
  starts.forEach((m, i) => {
    const next = starts[i + 1];
    const range: Range = [m.line.end, next ? next.line.start : text.length];
    ranges.set(m.kind, [...(ranges.get(m.kind) ?? []), range]);
  });
  const result = new Map<string, string>();
  for (const [kind, rs] of ranges) result.set(kind, keepRanges(text, rs));
  return result;
}

/**
 * The folder's single-file migrations (dbmate, goose): the files whose names match `pattern`
 * (version in group 1, name in group 2) in version order; the others go to `out.leftovers`.
 */
export function numberedFiles(folder: LayoutFiles, pattern: RegExp, out: LayoutBuild): Array<{ file: string; version: string; name: string }> {
  const named = sqlFiles(directFiles(folder)).flatMap((file) => {
    const m = pattern.exec(file);
    if (!m) out.leftovers.push(file);
    return m ? [{ file, version: m[1]!, name: m[2] ?? '' }] : [];
  });
  return named.sort((a, b) => compareDigits(a.version, b.version) || naturalCompare(a.file, b.file));
}
