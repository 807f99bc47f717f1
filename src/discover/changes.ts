// Marks each discovered migration with how the change under review touched it (added,
// modified, renamed, deleted, unchanged) and raises the findings that only a comparison with
// the base branch can: editing or deleting a migration that already ran (`migration-edited`)
// and adding one that sorts before existing ones (`migration-out-of-order`). Pure: git (CLI)
// and GitHub's pull-request file list (Action, App) both feed it.
import type { ChangeKind, FileChange, LayoutName, Migration } from '../core/types.js';
import type { MigrationSet } from './discover.js';
import { addedChangesets } from './layouts/liquibase-sql.js';
import { isBlankSql, keepRanges } from './text.js';
import { CHECKSUM_REFUSAL, migrationEdited, migrationOutOfOrder, renameRunsNothing, type PathFinding, type RenamedFrom } from './findings.js';

export interface AppliedChanges {
  /** The same sets, each migration with `change` set; deleted migrations are added back (from the
   * base sets when given) at their old place with `change: 'deleted'`. */
  sets: MigrationSet[];
  findings: PathFinding[];
  /** What the change did that is no finding: a migrations folder it deleted whole. */
  notes: Array<{ path: string; message: string }>;
}

/** Whether two texts hold the same statements (comments and spacing aside); only equal texts when not told. */
export type SameStatements = (a: string, b: string, layout: LayoutName) => boolean;

export function applyChanges(
  sets: readonly MigrationSet[],
  changes: readonly FileChange[],
  baseSets: readonly MigrationSet[] | null,
  sameStatements: SameStatements = (a, b) => a === b,
): AppliedChanges {
  const byPath = new Map(changes.map((c) => [c.path, c]));
  const baseByKey = new Map<string, Migration>();
  for (const set of baseSets ?? []) for (const m of set.migrations) baseByKey.set(setKey(set, m.up.path), m);
  const findings: PathFinding[] = [];
  const claimedDeletions = new Set<string>();

  const result = sets.map((set) => {
    const moved = baseSets ? movedWhole(set, sets, baseSets) : undefined;
    const migrations = set.migrations.map((m) => {
      // A migration the folder's move carried along as it was: nothing changed for its runner.
      const carried = moved?.get(m.up.path);
      if (carried) {
        for (const p of [carried.up.path, carried.down?.path]) if (p !== undefined) claimedDeletions.add(p);
        return { ...m, change: 'unchanged' as const };
      }
      const previousPath = byPath.get(m.up.path)?.previousPath;
      // A file moved to another folder or runner (openfga's golang-migrate `.up.sql` becoming a
      // goose file) has its base counterpart in another set.
      const base = baseByKey.get(setKey(set, m.up.path)) ?? baseByKey.get(setKey(set, previousPath ?? '')) ?? (previousPath === undefined ? undefined : baseSets?.flatMap((b) => b.migrations).find((b) => b.up.path === previousPath));
      const marked = mark(m, byPath, base, sameStatements, baseSets !== null);
      if (marked.upEdited && !m.repeatable) findings.push(migrationEdited(marked.migration, marked.migration.change as 'modified' | 'renamed', marked.renamedFrom));
      return marked.migration;
    });
    return { ...set, migrations };
  });

  // A migrations folder deleted whole (temporal dropping its PostgreSQL 9.6 schema, schema/postgresql/v96/):
  // no runner applies those migrations again and no database that ran them changes, so no
  // migration of it was edited. One note says so.
  // Not when the change adds one of them back elsewhere under its name: that is a move
  // (movedWhole, or an edit on the way, which its deletion reports).
  const notes: Array<{ path: string; message: string }> = [];
  const deletedPaths = new Set(changes.filter((c) => c.status === 'deleted').map((c) => c.path));
  const fileName = (p: string) => p.slice(p.lastIndexOf('/') + 1);
  const headNames = new Set(result.flatMap((s) => s.migrations.filter((m) => m.change === 'added' || m.change === 'renamed').map((m) => fileName(m.up.path))));
  for (const set of baseSets ?? []) {
    if (set.migrations.length === 0 || sets.some((s) => s.dir === set.dir)) continue;
    if (!set.migrations.every((m) => deletedPaths.has(m.up.path) && !headNames.has(fileName(m.up.path)))) continue;
    for (const m of set.migrations) for (const p of [m.up.path, m.down?.path]) if (p !== undefined) claimedDeletions.add(p);
    notes.push({ path: set.dir, message: `${set.migrations.length} migration${set.migrations.length === 1 ? '' : 's'} of ${set.dir || 'the repository root'} deleted with the whole folder: no runner applies ${set.migrations.length === 1 ? 'it' : 'them'} again, and databases that ran ${set.migrations.length === 1 ? 'it' : 'them'} keep what ${set.migrations.length === 1 ? 'it' : 'they'} made` });
  }

  // Deleted migrations: from the base sets when known, else rebuilt from the path alone.
  for (const change of changes) {
    if (change.status !== 'deleted' || claimedDeletions.has(change.path)) continue;
    const fromBase = baseSets ? findBase(baseSets, change.path) : null;
    const target = fromBase
      ? result.find((s) => s.dir === fromBase.set.dir && s.layout === fromBase.set.layout)
      : result.find((s) => parentOf(change.path) === s.dir || parentOf(parentOf(change.path)) === s.dir);
    if (fromBase === null && (!target || !/\.sql$/i.test(change.path))) continue;
    if (fromBase && fromBase.migration.up.path !== change.path) continue; // only a rollback file went away
    const deleted: Migration = fromBase
      ? { ...fromBase.migration, change: 'deleted' }
      : deletedStub(change.path, target!);
    claimedDeletions.add(change.path);
    findings.push(migrationEdited(deleted, 'deleted'));
    if (target) target.migrations = insertByBaseOrder(target.migrations, deleted, fromBase?.set.migrations ?? null);
    else result.push({ dir: fromBase!.set.dir, layout: fromBase!.set.layout, migrations: [deleted] });
  }

  for (const set of result) findings.push(...outOfOrder(set, baseSets ? baseSets.filter((b) => b.dir === set.dir && b.layout === set.layout) : null));
  return { sets: result, findings, notes };
}

/**
 * A migrations folder the change moved whole (a crate or service moved in the tree): the head
 * set's folder is new, a base set's folder is gone, and every migration of that base set is in
 * the head set under the same name within the folder with the same text (rollback too).
 * Runners key an applied migration by its version or name, never by the folder, so moving it
 * changes nothing any database runs, and nothing in it escapes review: a migration added or
 * edited on the way is no part of the match. The layouts may differ (a moved Rust crate's new
 * Cargo.toml is the change's word, so its folder reads as golang-migrate's until it is merged).
 * Returns the head migrations' base counterparts by up path.
 */
function movedWhole(set: MigrationSet, heads: readonly MigrationSet[], baseSets: readonly MigrationSet[]): Map<string, Migration> | undefined {
  const sameFolder = (a: MigrationSet, b: MigrationSet) => a.dir === b.dir;
  if (baseSets.some((b) => sameFolder(b, set))) return undefined;
  const within = (dir: string, path: string | undefined) => (path === undefined ? undefined : dir === '' ? path : path.slice(dir.length + 1));
  const byName = new Map(set.migrations.map((m) => [within(set.dir, m.up.path), m]));
  for (const base of baseSets) {
    if (base.migrations.length === 0 || heads.some((h) => sameFolder(h, base))) continue;
    const pairs = new Map<string, Migration>();
    for (const b of base.migrations) {
      const h = byName.get(within(base.dir, b.up.path));
      if (!h || h.up.text !== b.up.text || within(set.dir, h.down?.path) !== within(base.dir, b.down?.path) || (h.down?.text ?? '') !== (b.down?.text ?? '')) break;
      pairs.set(h.up.path, b);
    }
    if (pairs.size === base.migrations.length) return pairs;
  }
  return undefined;
}

function setKey(set: MigrationSet, upPath: string): string {
  return `${set.dir}\0${set.layout}\0${upPath}`;
}

/** `baseKnown`: the base branch's migrations were listed, so a migration missing from them was none there. */
function mark(m: Migration, byPath: Map<string, FileChange>, base: Migration | undefined, sameStatements: SameStatements, baseKnown: boolean): { migration: Migration; upEdited: boolean; renamedFrom?: RenamedFrom } {
  const up = byPath.get(m.up.path);
  const down = m.down && m.down.path !== m.up.path ? byPath.get(m.down.path) : undefined;
  const baseDown = base?.down && base.down.path !== base.up.path ? byPath.get(base.down.path) : undefined;
  let change: ChangeKind = 'unchanged';
  let upEdited = false;
  // The up runs the statements the base branch has: only its rollback, comments or spacing changed.
  let upAsBase = false;
  let renamedFrom: RenamedFrom | undefined;
  if (up?.status === 'added' && !base) change = 'added';
  // Renamed from a file that was no migration on the base branch (a test fixture moved into the
  // migrations folder): new to every runner, and nothing of the old file was ever reviewed as one.
  else if (up?.status === 'renamed' && !base && baseKnown) change = 'added';
  else if (up?.status === 'renamed') {
    change = 'renamed';
    upEdited = true;
    if (base) {
      renamedFrom = {
        version: base.version,
        layout: base.layout,
        // The statements only (a tool switch adds its annotations and takes in the rollback).
        sameStatements: sameSql(base.up.text, m.up.text) || sameStatements(base.up.text, m.up.text, m.layout),
      };
      upAsBase = renameRunsNothing({ ...m, ...(up.previousPath ? { previousPath: up.previousPath } : {}) }, renamedFrom);
    }
  } else if (up) {
    change = 'modified';
    // In a one-file layout (goose, dbmate, Liquibase) the edit may be only in the down section:
    // compare the up text, ignoring the blank space the down section leaves. A runner that
    // checksums the file sees any other byte; the others only record the version, so an edit
    // that leaves what runs as it was (comments, blank lines) changes nothing any database runs.
    const oneFile = m.down?.path === m.up.path;
    const checksummed = CHECKSUM_REFUSAL[m.layout] !== undefined;
    upAsBase = !!base && (sameSql(base.up.text, m.up.text) || sameStatements(base.up.text, m.up.text, m.layout));
    // Liquibase keys and checksums each changeset, not the file: changesets added to a changelog
    // whose own changesets stay as they were are new ones it runs, not an edit of what ran.
    const grown = !upAsBase && base && oneFile && m.layout === 'liquibase-sql' && base.up.path === m.up.path ? addedChangesets(base.up.text, m.up.text, sameSql) : null;
    if (grown) return grownChangelog(m, base!, grown);
    if (!base) upEdited = true;
    else if (checksummed) upEdited = oneFile ? !sameSql(base.up.text, m.up.text) : base.up.text !== m.up.text;
    else upEdited = !upAsBase;
  } else if (down || baseDown) {
    change = 'modified';
    upAsBase = true;
  }
  // Nothing that runs changed (the up's statements as they were: comments, layout, lemmy's
  // pg_format upgrades), the rollback untouched (a one-file layout's down section: its
  // statements as they were), and no runner checksums the file: nothing to review.
  const rollbackAsIs = change === 'modified' && !rollbackChanged(m, base, down ?? baseDown, sameStatements);
  if (change === 'modified' && upAsBase && !upEdited && rollbackAsIs) change = 'unchanged';
  // The up edited, its own rollback file left as it was: what was wrong with the pair before is
  // the base branch's (check/analyze-set.ts tells it from what the edit brought).
  const keptRollback = change === 'modified' && !upAsBase && rollbackAsIs && !!base && !!m.down && m.down.path !== m.up.path && base.down?.path === m.down.path;
  const migration: Migration = {
    ...m,
    change,
    ...(keptRollback ? { rollbackAsBase: { baseUp: base!.up.text } } : {}),
    // A runner that re-applies the migration when it changes runs every statement again: all of
    // them are the change's to review.
    ...(change === 'modified' && upEdited && base && base.up.path === m.up.path && !m.repeatable && !/\b(?:runOnChange|runAlways):\s*true\b/i.test(m.up.text) ? { baseUp: base.up.text } : {}),
    ...(change === 'renamed' && up?.previousPath ? { previousPath: up.previousPath } : {}),
    // Where the base branch has this migration; when its migrations are unknown, where it would be.
    ...(base ? { basePath: base.up.path } : !baseKnown && change !== 'added' ? { basePath: (change === 'renamed' ? up?.previousPath : undefined) ?? m.up.path } : {}),
    ...(upAsBase ? { upAsBase: true as const } : {}),
  };
  return { migration, upEdited, ...(renamedFrom ? { renamedFrom } : {}) };
}

/**
 * A Liquibase changelog the change only added changesets to: reviewed for those. Its rollback
 * under review is what rolling the change back runs (`rollbackCount` of the new changesets):
 * their rollbacks, last changeset first. A base changeset's rollback rewritten on the way is no
 * part of it (the approval still binds the whole file).
 */
function grownChangelog(m: Migration, base: Migration, grown: NonNullable<ReturnType<typeof addedChangesets>>): { migration: Migration; upEdited: boolean } {
  const reviewed = grown.added;
  const within = ([s, e]: readonly [number, number]) => reviewed.some(([a, b]) => s >= a && e <= b);
  const order = m.downOrder?.filter(within);
  const down = m.down ? { ...m.down, text: keepRanges(m.down.text, reviewed) } : null;
  // New changesets with no rollback SQL: the change has none (rollback-missing names each one);
  // the base changesets' rollbacks are no rollback of it.
  const none = down !== null && isBlankSql(down.text);
  const migration: Migration = {
    ...m,
    change: 'modified',
    basePath: base.up.path,
    baseChangesets: grown.kept,
    ...(down ? { down: none ? null : down } : {}),
    ...(none ? { rollbackStatus: 'missing' as const } : {}),
    ...(order && order.length > 1 ? { downOrder: order } : {}),
  };
  if (none) delete migration.rollbackEmpty;
  if (order && order.length <= 1) delete migration.downOrder;
  return { migration, upEdited: false };
}

/** Whether the change touched what the rollback runs: its own file, or a one-file layout's down section. */
function rollbackChanged(m: Migration, base: Migration | undefined, downChange: FileChange | undefined, sameStatements: SameStatements): boolean {
  if (m.down?.path !== m.up.path) {
    if (downChange === undefined) return false;
    // A rollback file edited only in its comments or layout (hydra regenerating the header
    // comment of 80 down files) runs what it ran: nothing to review.
    if (downChange.status !== 'modified' || !m.down || base?.down?.path !== m.down.path) return true;
    return !(sameSql(base.down.text, m.down.text) || sameStatements(base.down.text, m.down.text, m.layout));
  }
  const before = base?.down?.text ?? '';
  const after = m.down?.text ?? '';
  return !(sameSql(before, after) || sameStatements(before, after, m.layout));
}

function sameSql(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
}

function findBase(baseSets: readonly MigrationSet[], path: string): { set: MigrationSet; migration: Migration } | null {
  for (const set of baseSets) {
    for (const migration of set.migrations) {
      if (migration.up.path === path || migration.down?.path === path) return { set, migration };
    }
  }
  return null;
}

function deletedStub(path: string, set: MigrationSet): Migration {
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.sql$/i, '');
  return {
    id: name,
    version: name,
    name,
    layout: set.layout,
    dir: set.dir,
    up: { path, text: '' },
    down: null,
    rollbackStatus: 'not-required',
    transaction: 'none',
    change: 'deleted',
  };
}

/** Puts a deleted migration back after the migration that preceded it on the base branch. */
function insertByBaseOrder(migrations: Migration[], deleted: Migration, baseOrder: Migration[] | null): Migration[] {
  const out = [...migrations];
  if (baseOrder) {
    const i = baseOrder.findIndex((m) => m.up.path === deleted.up.path);
    for (let j = i - 1; j >= 0; j--) {
      const at = out.findIndex((m) => m.up.path === baseOrder[j]!.up.path || m.id === baseOrder[j]!.id);
      if (at >= 0) {
        out.splice(at + 1, 0, deleted);
        return out;
      }
    }
    out.unshift(deleted);
    return out;
  }
  out.push(deleted);
  return out;
}

/** An added migration that sorts before one the base branch already has. */
function outOfOrder(set: MigrationSet, base: readonly MigrationSet[] | null): PathFinding[] {
  const basePaths = base ? new Set(base.flatMap((s) => s.migrations.map((m) => m.up.path))) : null;
  const existing = (m: Migration): boolean =>
    !m.repeatable && m.change !== 'deleted' && m.change !== 'added' && (basePaths === null || basePaths.has(m.up.path) || m.change === 'renamed');
  const findings: PathFinding[] = [];
  set.migrations.forEach((m, i) => {
    if (m.change !== 'added' || m.repeatable) return;
    const later = set.migrations.slice(i + 1).find((o) => existing(o) && o.change !== 'renamed');
    if (later) findings.push(migrationOutOfOrder(m, later));
  });
  return findings;
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}
