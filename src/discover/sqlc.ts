// The schema files sqlc generates code from. A sqlc config (sqlc.yaml, sqlc.yml, sqlc.json) names
// under `schema:` the SQL that describes the database its queries run against: a folder of
// migrations (sqlc reads golang-migrate's, goose's, dbmate's... and skips their down parts), or
// files that hold the whole schema. hatchet keeps sql/schema/v0.sql and v1-core.sql, named one
// by one in pkg/repository/sqlcv1/sqlc.yaml, and edits them in every pull request that adds a
// goose migration under cmd/hatchet-migrate/migrate/migrations/: read as a folder of loose
// migrations, each such pull request was an edited migration (DANGEROUS) with the whole schema's
// findings. A file named by itself is such a schema; a folder named is left to the layouts.
import { parse } from 'yaml';
import type { ChangeView } from './change-view.js';

/** A sqlc configuration file, wherever it lies. */
export const SQLC_CONFIG = /(?:^|\/)sqlc\.(?:ya?ml|json)$/;

/**
 * The SQL files sqlc configs name one by one as their schema: repository path -> the config that
 * names it. A config counts as the base branch has it: the change's own edit of one (its author's
 * words) does not make a migration sqlc's schema, and one it adds names nothing yet.
 */
export async function sqlcSchemaFiles(listed: readonly string[], read: (path: string) => Promise<string>, change: ChangeView): Promise<Map<string, string>> {
  const files = new Set(listed);
  const named = new Map<string, string>();
  for (const config of listed.filter((p) => SQLC_CONFIG.test(p))) {
    let text: string;
    if (!change.changed(config)) text = await read(config);
    else if (change.added(config) || !change.base) continue;
    else text = await (await change.base()).read(change.previous(config) ?? config);
    const dir = config.includes('/') ? config.slice(0, config.lastIndexOf('/')) : '';
    for (const entry of schemaEntries(text)) {
      const path = resolve(dir, entry);
      if (path !== null && /\.sql$/i.test(path) && files.has(path) && !named.has(path)) named.set(path, config);
    }
  }
  return named;
}

/** The `schema:` entries of a sqlc config: version 2's `sql[]`, version 1's `packages[]`. */
function schemaEntries(text: string): string[] {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    return [];
  }
  if (!doc || typeof doc !== 'object') return [];
  const out: string[] = [];
  for (const key of ['sql', 'packages'] as const) {
    const list = (doc as Record<string, unknown>)[key];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const schema = item && typeof item === 'object' ? (item as Record<string, unknown>).schema : undefined;
      for (const s of Array.isArray(schema) ? schema : [schema]) if (typeof s === 'string') out.push(s);
    }
  }
  return out;
}

/** `entry` relative to the config's folder, as a repository path; null when it leaves the repository. */
function resolve(dir: string, entry: string): string | null {
  const parts = dir === '' ? [] : dir.split('/');
  for (const part of entry.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}
