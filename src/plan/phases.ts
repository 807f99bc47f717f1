// Steps -> phases: titles, what the application must do before moving on, and how to roll
// each phase back.
import type { Draft } from './context.js';
import { PHASE_NAMES, type PhaseName, type PlanPhase } from './types.js';

const TITLES: Record<PhaseName, string> = {
  expand: 'Expand: additive, non-blocking changes',
  backfill: 'Backfill: data changes in batches, outside the DDL transaction',
  validate: 'Validate: check constraints against existing rows without blocking writes',
  deploy: 'Deploy: the application switches to the new shape',
  contract: 'Contract: destructive changes, in a later release',
};

const DEFAULT_APP: Partial<Record<PhaseName, string>> = {
  expand: 'Nothing yet: the running code keeps working on the expanded schema.',
  backfill: 'Let the backfill finish; new rows are already filled by the defaults and sync triggers.',
  deploy: 'Release the code that uses the new shape, and wait until no instance of the old code is running.',
};

// Words only: the renderers print the phase's rollbackSql after them, and say so, when it has any.
const ROLLBACK: Record<PhaseName, string> = {
  expand: 'Drop what this phase added; the old code never used it.',
  backfill: 'Nothing structural to undo: backfilled values live in columns the expand rollback drops. UPDATE or DELETE of existing data cannot be undone without a backup taken before it.',
  validate: 'Drop the constraints this phase added; the data stays as it is.',
  deploy: 'Deploy the previous version of the application: the schema still serves it until the contract phase.',
  contract: 'Not reversible: dropped columns and tables take their data with them. Take a backup first; undoing means restoring the data and re-creating the objects (the migration\'s rollback file, if it has one).',
};

/** A phase whose steps have no undo the plan can write (a column's type changed in place, only a validation). */
const ROLLBACK_WITHOUT_SQL: Partial<Record<PhaseName, string>> = {
  expand: 'The plan has no SQL that undoes these steps: undo them by hand (the migration\'s rollback file, if it has one); the old code never used what they added.',
  validate: 'Nothing to undo: a validation changes no data, and the constraints stay until the expand phase is rolled back.',
};

/** A phase with rollback SQL whose usual words say there is none to run (a contract phase that renames). */
const ROLLBACK_WITH_SQL: Partial<Record<PhaseName, string>> = {
  contract: 'The SQL below undoes what can be undone (a rename, what the phase adds); a drop cannot be: dropped columns and tables take their data with them. Take a backup first.',
};

export function assemblePhases(drafts: Draft[]): PlanPhase[] {
  const phases: PlanPhase[] = [];
  const hasContract = drafts.some((d) => d.phase === 'contract');
  for (const name of PHASE_NAMES) {
    const mine = drafts.filter((d) => d.phase === name);
    // Contracting is only safe once the code stopped using the old shape: say so even when
    // nothing else happens in the deploy phase.
    if (mine.length === 0 && !(name === 'deploy' && hasContract)) continue;
    const asks = [...new Set(mine.map((d) => d.appMustDo).filter((a): a is string => !!a))];
    const appMustDo =
      asks.length > 0
        ? asks.join(' ')
        : name === 'deploy' && mine.length === 0
          ? 'Deploy code that no longer reads or writes what the contract phase removes, and wait until no instance of the old code runs.'
          : DEFAULT_APP[name];
    const rollbackSql = mine.flatMap((d) => d.step.rollback ?? []).length
      ? [...mine].reverse().flatMap((d) => d.step.rollback ?? [])
      : undefined;
    phases.push({
      name,
      title: TITLES[name],
      steps: mine.map((d) => d.step),
      ...(appMustDo ? { appMustDo } : {}),
      rollback: (rollbackSql ? ROLLBACK_WITH_SQL[name] : ROLLBACK_WITHOUT_SQL[name]) ?? ROLLBACK[name],
      ...(rollbackSql ? { rollbackSql } : {}),
    });
  }
  return phases;
}
