// Flyway: `V1_2__name.sql` (versioned), `U1_2__name.sql` (undo, a paid feature, so rollbacks
// are expected only once a folder has any), `R__name.sql` (repeatable: re-run whenever its
// checksum changes, after all versioned migrations, ordered by description). A sidecar
// `V1__name.sql.conf` with `executeInTransaction=false` opts out of the transaction, as does
// the same setting in a `-- flyway:executeInTransaction=false` comment line of the script; and
// Flyway's PostgreSQL parser runs a file outside a transaction by itself when a statement cannot
// run in one (flywayNonTransactional).
// `B5__name.sql` (a baseline migration) is the whole schema at version 5: Flyway runs it only on
// an empty database, in place of V5 and the ones before, so it is no step of the sequence
// (LayoutBuild.snapshots).
import { compareVersions, naturalCompare } from '../version.js';
import { coverage, directFiles, emptyBuild, repoPath, sqlFiles, type DraftMigration, type Layout, type LayoutBuild } from './types.js';

const VERSIONED = /^([VU])(\d+(?:[._]\d+)*)__(.+)\.sql$/;
const REPEATABLE = /^R__(.+)\.sql$/;
const BASELINE = /^B\d+(?:[._]\d+)*__.+\.sql$/;
const SCRIPT_CONFIG_OFF = /^[ \t]*--[ \t]*flyway:executeInTransaction[ \t]*=[ \t]*false\b/im;
/** The statements Flyway's PostgreSQL parser knows cannot run in a transaction, at a statement's start. */
const NON_TRANSACTIONAL = /(?:^|;)\s*(?:CREATE\s+(?:UNIQUE\s+)?INDEX\s+CONCURRENTLY|DROP\s+INDEX\s+CONCURRENTLY|REINDEX\s[^;]*?\bCONCURRENTLY|VACUUM|ALTER\s+SYSTEM|(?:CREATE|DROP)\s+(?:DATABASE|TABLESPACE))\b/i;

/**
 * Flyway runs a PostgreSQL migration outside a transaction when one of its statements cannot run
 * in one (CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, VACUUM, ALTER SYSTEM, CREATE or
 * DROP DATABASE/TABLESPACE): it detects them itself (PostgreSQLParser.detectCanExecuteInTransaction),
 * so such a file needs no executeInTransaction setting. Comments are left out of the look.
 */
export function flywayNonTransactional(sql: string): boolean {
  return NON_TRANSACTIONAL.test(sql.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/--[^\n]*/g, ' '));
}

/** Flyway's identity of a version: numeric parts, leading zeros and trailing `.0`s dropped. */
export function flywayVersionKey(version: string): string {
  const parts = version.split(/[._]/).map((p) => p.replace(/^0+(?=\d)/, ''));
  while (parts.length > 1 && parts[parts.length - 1] === '0') parts.pop();
  return parts.join('.');
}

export const flyway: Layout = {
  name: 'flyway',
  rollbacks: 'when-used',
  async detect(folder) {
    return 0.9 * coverage(sqlFiles(directFiles(folder)), (f) => VERSIONED.test(f) || REPEATABLE.test(f) || BASELINE.test(f));
  },
  async build(folder) {
    const out: LayoutBuild = emptyBuild();
    const files = directFiles(folder);
    const versioned: Array<{ file: string; version: string; name: string }> = [];
    const undo = new Map<string, string[]>();
    const repeatable: Array<{ file: string; name: string }> = [];
    for (const file of sqlFiles(files)) {
      const v = VERSIONED.exec(file);
      const r = REPEATABLE.exec(file);
      if (v && v[1] === 'V') versioned.push({ file, version: v[2]!, name: v[3]! });
      else if (v) undo.set(flywayVersionKey(v[2]!), [...(undo.get(flywayVersionKey(v[2]!)) ?? []), file]);
      else if (r) repeatable.push({ file, name: r[1]! });
      else if (BASELINE.test(file)) (out.snapshots ??= []).push(file);
      else out.leftovers.push(file);
    }
    versioned.sort((a, b) => compareVersions(a.version, b.version) || naturalCompare(a.file, b.file));
    repeatable.sort((a, b) => naturalCompare(a.name, b.name));

    const draft = async (file: string, fields: Omit<DraftMigration, 'up' | 'down'>, downFile?: string): Promise<DraftMigration> => {
      const conf = `${file}.conf`;
      const text = await folder.read(file);
      const noTransaction = (files.includes(conf) && /^[ \t]*executeInTransaction[ \t]*=[ \t]*false\b/m.test(await folder.read(conf)))
        || SCRIPT_CONFIG_OFF.test(text) || flywayNonTransactional(text);
      return {
        ...fields,
        up: { path: repoPath(folder.dir, file), text },
        down: downFile ? { path: repoPath(folder.dir, downFile), text: await folder.read(downFile) } : null,
        ...(noTransaction ? { noTransaction } : {}),
      };
    };
    const usedUndo = new Set<string>();
    for (const m of versioned) {
      const key = flywayVersionKey(m.version);
      const downFile = undo.get(key)?.[0];
      if (downFile) usedUndo.add(key);
      out.migrations.push(
        await draft(m.file, { id: m.file.slice(0, -4), version: m.version, name: m.name, dupKey: key }, downFile),
      );
    }
    for (const [key, downFiles] of undo) if (!usedUndo.has(key)) out.orphans.push(...downFiles);
    for (const m of repeatable) {
      out.migrations.push(await draft(m.file, { id: m.file.slice(0, -4), version: '', name: m.name, repeatable: true }));
    }
    return out;
  },
};
