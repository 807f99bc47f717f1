import type { Rule } from '../src/analyze/rule.js';

// Raised by the dry-run (src/dryrun/merge.ts) when it ran the migration, or tried to, but could
// not see what the migration did, or never ran it: a failure of the dry-run's own queries or engine,
// or a base it could not build, is never a pass.
export const rule: Rule = {
  id: 'dry-run-unobserved',
  risk: 'DANGEROUS',
  title: 'The dry-run could not observe what this migration does',
  docs: {
    why: 'The dry-run is how migration-guard sees what static analysis cannot: dynamic SQL (EXECUTE of a built string), functions and triggers that run during the migration, the real locks and rewrites. It watches the migration with queries of its own (pg_locks, relfilenodes, a schema snapshot before and after). Here one of those queries failed, or the engine stopped (a crash, the memory cap), after the migration began: the locks it took, the tables it rewrote and whether it fails are unknown. A migration can cause this on purpose, for example by renaming or shadowing a catalog function the dry-run calls, so an observation that did not finish is treated like a dangerous finding until someone who may approve has read the migration. A migration the dry-run never ran is as unknown, and gets this finding too: the base history before it could not be built (nor from a whole-schema file such as memos\' LATEST.sql, when the versioned history cannot start from nothing), an earlier migration of the change failed or was not observed, or the engine stopped first.',
    lock: 'Unknown: that is the finding.',
    instead: 'Read the message for what failed. If the base history fails, fix the migration it names, or keep the whole schema the base starts from beside the versioned migrations (LATEST.sql, schema.sql). If the migration changes catalog functions, settings the dry-run relies on or the session itself, remove that. If the engine ran out of memory or time on legitimate work, run the dry-run on the `url` or `local` engine, or raise the limits in `dryRun:`. Otherwise approve it with /approve-migration after reviewing it by hand.',
    bad: "ALTER FUNCTION pg_catalog.set_config(text, text, boolean) RENAME TO hidden; -- the dry-run's probes now fail\nDO $$ BEGIN EXECUTE 'ALTER TABLE orders ALTER COLUMN total TYPE ' || 'numeric(20,2)'; END $$;",
    good: 'ALTER TABLE orders ALTER COLUMN total TYPE numeric(20,2); -- static SQL the analysis and the dry-run can both see',
  },
};

export default rule;
