// Shared by the discovery tests: a default config and short views of discovery results.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveConfig, type Config } from '../../src/config/defaults.js';
import type { ConfigFile } from '../../src/config/schema.js';
import type { Migration } from '../../src/core/types.js';
import type { MigrationSet } from '../../src/discover/discover.js';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/layouts');

export function config(file: ConfigFile = {}): Config {
  return resolveConfig(file);
}

/** One line per migration: id, rollback status, transaction, and the down path when separate. */
export function summary(set: MigrationSet): string[] {
  return set.migrations.map((m: Migration) => {
    const down = m.down ? (m.down.path === m.up.path ? 'in-file' : m.down.path.slice(set.dir.length + 1)) : '-';
    return `${m.id} ${m.rollbackStatus}${m.rollbackEmpty ? '(empty)' : ''} ${m.transaction} ${down}`;
  });
}
