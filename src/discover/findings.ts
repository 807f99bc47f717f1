// The findings discovery raises, built in one place so the wording stays consistent. Rule
// documentation for each id lives in rules/<id>.ts.
import type { Finding, LayoutName, Migration, Risk } from '../core/types.js';

export type PathFinding = Finding & { path: string };

export const DISCOVERY_RULES = [
  'rollback-missing', 'rollback-orphan', 'migration-edited', 'migration-out-of-order', 'duplicate-version',
] as const;

/**
 * The risk of a `rollback-missing` finding: the configured risk, raised to DANGEROUS when the
 * migration itself is DANGEROUS (a risky change with no way back).
 */
export function rollbackMissingRisk(configured: Risk, migrationRisk: Risk): Risk {
  return migrationRisk === 'DANGEROUS' ? 'DANGEROUS' : configured;
}

/** Applies `rollbackMissingRisk` to the rollback-missing findings among `findings`. */
export function escalateRollbackMissing<F extends Finding>(findings: readonly F[], migrationRisk: Risk): F[] {
  return findings.map((f) => (f.rule === 'rollback-missing' ? { ...f, risk: rollbackMissingRisk(f.risk, migrationRisk) } : f));
}

export function rollbackMissing(m: Migration, risk: Risk, detail?: { line: number; column: number; label: string }): PathFinding {
  const where = detail ? `${detail.label} in ${m.up.path} has no rollback` : `${m.up.path} has no rollback`;
  return {
    rule: 'rollback-missing',
    risk,
    path: m.up.path,
    line: detail?.line ?? 1,
    column: detail?.column ?? 1,
    message: `${where}; ${expectedRollback(m)}`,
    suggestion: 'Write the rollback now, while the change is fresh, so a bad deploy can be undone without improvising SQL under pressure.',
  };
}

function expectedRollback(m: Migration): string {
  const p = m.up.path;
  switch (m.layout) {
    case 'golang-migrate':
    case 'pop':
    case 'sqlx':
      return `expected ${p.replace(/(\.autocommit)?\.up\.sql$/, '$1.down.sql')}`;
    case 'directory-pairs':
      return `expected ${p.replace(/up\.sql$/, 'down.sql')}`;
    case 'flyway':
      return `expected an undo migration ${p.replace(/(^|\/)V([^/]*)$/, '$1U$2')}`;
    case 'dbmate':
      return "expected a '-- migrate:down' section";
    case 'goose':
      return "expected a '-- +goose Down' section";
    case 'liquibase-sql':
      return "expected '--rollback' lines in each changeset";
    case 'sqitch':
      return `expected ${p.replace(/(^|\/)deploy\//, '$1revert/')}`;
    case 'versioned-rollbacks':
      return 'expected a rollback script beside it (rollbacks/ or *_rollback.sql)';
    default:
      return 'this folder is configured to require rollbacks';
  }
}

export function rollbackOrphan(path: string, risk: Risk = 'CAUTION'): PathFinding {
  return {
    rule: 'rollback-orphan',
    risk,
    path,
    line: 1,
    column: 1,
    message: `${path} is a rollback without its migration: no up migration with the same version and name exists`,
    suggestion: 'Rename it to match its migration, or delete it if the migration was removed.',
  };
}

export function duplicateVersion(m: Migration, others: readonly Migration[]): PathFinding {
  return {
    rule: 'duplicate-version',
    risk: 'DANGEROUS',
    path: m.up.path,
    line: 1,
    column: 1,
    message: `${m.up.path} has version ${m.version}, the same as ${others.map((o) => o.up.path).join(', ')}; ${m.layout} refuses to run (or silently skips) one of them`,
    suggestion: 'Give the newer migration a fresh version (a new timestamp or the next number).',
  };
}

/**
 * Runners that keep a checksum of each applied file, and what they do when one changed: for them
 * any byte of an applied migration counts (discover/changes.ts).
 */
export const CHECKSUM_REFUSAL: Partial<Record<LayoutName, string>> = {
  flyway: 'Flyway refuses to migrate until the checksum is repaired ("migration checksum mismatch")',
  'liquibase-sql': 'Liquibase refuses to update ("checksum changed") unless the changeset says runOnChange or validCheckSum',
  prisma: 'Prisma Migrate reports that the migration was modified after it was applied',
  sqlx: 'sqlx migrate run refuses to run ("migration was previously applied but has been modified")',
};

/**
 * Runners whose record of an applied migration is its version alone (golang-migrate's
 * schema_migrations, goose's version_id, dbmate's and pop's version): a new name for the same
 * version and statements is nothing they run again.
 */
const VERSION_KEYED: ReadonlySet<LayoutName> = new Set(['golang-migrate', 'goose', 'dbmate', 'pop']);

/**
 * A rename within its folder that keeps the version and the statements, for a runner that keys
 * by version alone: no database runs anything again, so the up is the base branch's as it was.
 */
export function renameRunsNothing(m: Pick<Migration, 'layout' | 'version' | 'up' | 'previousPath'>, from: RenamedFrom): boolean {
  const folder = (p: string | undefined) => (p === undefined ? undefined : p.slice(0, Math.max(0, p.lastIndexOf('/'))));
  return from.sameStatements && from.layout === m.layout && from.version === m.version && VERSION_KEYED.has(m.layout) && m.previousPath !== undefined && folder(m.previousPath) === folder(m.up.path);
}

/** What a renamed migration was on the base branch, when the base branch has it. */
export interface RenamedFrom {
  version: string;
  layout: LayoutName;
  /** The up runs the statements it ran under the old name (comments, spacing, a tool's annotations aside). */
  sameStatements: boolean;
}

export function migrationEdited(m: Migration, how: 'modified' | 'renamed' | 'deleted', renamedFrom?: RenamedFrom): PathFinding {
  const verb = how === 'modified' ? 'was modified' : how === 'renamed' ? `was renamed from ${m.previousPath ?? 'another name'}` : 'was deleted';
  const checksum = CHECKSUM_REFUSAL[m.layout] ? `, and ${CHECKSUM_REFUSAL[m.layout]}` : '';
  // A rename that keeps what runs changes nothing a database that applied it would see: what
  // goes wrong is the runner's record of it, kept under the old version or name.
  if (how === 'renamed' && renamedFrom?.sameStatements) {
    if (renameRunsNothing(m, renamedFrom)) {
      return {
        rule: 'migration-edited',
        risk: 'SAFE',
        path: m.up.path,
        line: 1,
        column: 1,
        message: `${m.up.path} already exists on the base branch and ${verb} with the same statements and version (${m.version}): ${m.layout} records applied migrations by version alone, so no database runs it again`,
        suggestion: 'Nothing to do for this runner; keep the new name only if every tool that reads the folder keys migrations by version.',
      };
    }
    const runner = renamedFrom.layout !== m.layout
      ? `it moved from ${renamedFrom.layout} to ${m.layout}, whose record of applied migrations has no entry for it, so databases that applied it run it again`
      : renamedFrom.version !== m.version
        ? `its runner records applied migrations by version, and databases that applied it as ${renamedFrom.version} take ${m.version} for a new migration and run it again`
        : `its statements are as they were and its version (${m.version}) too, but a runner that records applied migrations by name (Prisma's folder, Flyway's description, a Liquibase file path) takes it for a new migration or refuses to migrate`;
    return {
      rule: 'migration-edited',
      risk: 'DANGEROUS',
      path: m.up.path,
      line: 1,
      column: 1,
      message: `${m.up.path} already exists on the base branch and ${verb} with the same statements: ${runner}`,
      suggestion: 'Keep the old name; if the move is deliberate (a new folder or migration tool), mark the migration as applied under its new name on every database that ran it before this deploys.',
    };
  }
  return {
    rule: 'migration-edited',
    risk: 'DANGEROUS',
    path: m.up.path,
    line: 1,
    column: 1,
    message: `${m.up.path} already exists on the base branch and ${verb}: it has probably run in production, so databases that applied it never see this change${checksum}`,
    suggestion: 'Restore the original migration and make the change in a new migration.',
  };
}

/**
 * What each runner does with a pending migration that sorts before one a database has applied.
 * Those that record every applied version apply it all the same, after the later one: a database
 * that is past it runs the two in the other order than a new database does, which matters only
 * when one depends on what the other changes.
 */
const OUT_OF_ORDER: Partial<Record<LayoutName, { does: string; applies?: true }>> = {
  // `applies`: `does` goes on with APPLIED_LATE.
  'golang-migrate': { does: 'golang-migrate records only the highest version applied, so databases already past that point skip it' },
  drizzle: { does: 'drizzle applies only migrations newer than the last one applied, so databases already past that point skip it' },
  goose: { does: 'goose refuses to migrate databases already past that point ("missing migrations") unless run with allow-missing' },
  flyway: { does: 'Flyway refuses to migrate databases already past that point ("detected resolved migration not applied") unless outOfOrder is set' },
  supabase: { does: 'supabase db push refuses databases already past that point unless run with --include-all' },
  'directory-pairs': { does: "diesel (and sourcegraph's migrator, which follows each migration's parents) applies every migration it has not recorded", applies: true },
  sqlx: { does: 'sqlx applies every migration it has not recorded', applies: true },
  dbmate: { does: 'dbmate applies every migration it has not recorded (unless run with --strict)', applies: true },
  prisma: { does: 'prisma migrate deploy applies every migration it has not recorded', applies: true },
  pop: { does: 'pop applies every migration it has not recorded', applies: true },
  'liquibase-sql': { does: 'Liquibase runs every changeset it has not recorded', applies: true },
};

/** What a runner that applies every migration it has not recorded does with one that sorts early. */
const APPLIED_LATE = 'so databases already past that point run it after that one, a new database before it';

export function migrationOutOfOrder(m: Migration, laterExisting: Migration): PathFinding {
  const runner = OUT_OF_ORDER[m.layout];
  const does = runner ? (runner.applies ? `${runner.does}, ${APPLIED_LATE}` : runner.does) : undefined;
  return {
    rule: 'migration-out-of-order',
    // A runner that applies it all the same runs it on every database: only the order differs.
    risk: runner?.applies ? 'SAFE' : 'CAUTION',
    path: m.up.path,
    line: 1,
    column: 1,
    message: `${m.up.path} is new but sorts before ${laterExisting.up.path}, which already exists on the base branch; ${does ?? 'databases already past that point may skip it or refuse to migrate'}`,
    suggestion: runner?.applies
      ? 'Nothing to do when neither depends on what the other changes; else rename it so its version sorts after every existing migration (regenerate the timestamp after rebasing).'
      : 'Rename it so its version sorts after every existing migration (regenerate the timestamp after rebasing).',
  };
}
