// What we print for a statement that holds a placeholder the review has no value for (`${schema}`,
// Flyway and Liquibase): the parser reads it as a stand-in identifier (parse/preprocess.ts
// neutralIdentifier, `schema___`), and advice built from the statement carries that stand-in.
// Printed, it must be the placeholder again, as the author wrote it and the runner fills it in;
// the verifier parses the printed SQL the same way, so it runs what the dry-run ran.
import type { ParsedSource } from '../core/types.js';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `text` with the stand-in of each of the file's unknown placeholders put back as written. A
 * stand-in (parse/preprocess.ts) is replaced where it starts an identifier (`schema___.orders`,
 * `"table____vr_idx"` from Flyway's `"${table}_vr_idx"`, which the runner fills in as text).
 */
export function restorePlaceholders(text: string, unknown: ParsedSource['unknownPlaceholders']): string {
  if (!unknown?.length) return text;
  let out = text;
  for (const u of unknown) {
    if (!out.includes(u.standIn)) continue;
    out = out.replace(new RegExp(`(?<![A-Za-z0-9_$])${escapeRegExp(u.standIn)}`, 'g'), () => u.written);
  }
  return out;
}
