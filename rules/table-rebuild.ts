import type { Rule } from '../src/analyze/rule.js';

// Raised by the table-rebuild recogniser (src/analyze/table-rebuild.ts) over a whole migration:
// it needs the rename, the CREATE under the old name and the DROP of the renamed table together,
// which no per-statement check sees. It replaces the renaming-table, ban-drop-table and
// rollback-data-loss findings those statements would raise one by one.
export const rule: Rule = {
  id: 'table-rebuild',
  risk: 'DANGEROUS',
  title: 'Rebuilding a table by rename, create, copy and drop holds it locked (or empty) for the whole copy',
  sizeSensitive: true,
  docs: {
    why:
      'The rename-and-replace pattern (`ALTER TABLE t RENAME TO t_old; CREATE TABLE t (...); INSERT INTO t SELECT ... FROM t_old; DROP TABLE t_old;`) keeps the name the application uses, so no query breaks for a missing table. ' +
      'What it costs is the copy: inside one transaction the rename holds ACCESS EXCLUSIVE on the old table until commit, so every read and write waits for as long as copying every row takes; without a transaction the application sees the new table while it is still empty or half filled. ' +
      'Rows written to the old table during the copy are lost unless the copy accounts for them.',
    lock: 'ACCESS EXCLUSIVE on the table from the rename until the transaction commits, across the whole copy.',
    instead:
      'Change the table in place where Postgres can (ADD COLUMN, ALTER COLUMN TYPE with a compatible type, constraints as NOT VALID then VALIDATE). ' +
      'When a rebuild is unavoidable, build the new table under a new name, copy in batches and keep it in sync (a trigger) while the application runs, then swap the names in one short transaction and drop the old table in a later release.',
    bad: 'ALTER TABLE events RENAME TO events_old;\nCREATE TABLE events (id bigint PRIMARY KEY, payload jsonb);\nINSERT INTO events SELECT id, payload::jsonb FROM events_old;\nDROP TABLE events_old;',
    good: 'CREATE TABLE events_new (id bigint PRIMARY KEY, payload jsonb);\n-- copy in batches and keep in sync with a trigger, then in one short transaction:\nALTER TABLE events RENAME TO events_old;\nALTER TABLE events_new RENAME TO events;\n-- a later release: DROP TABLE events_old;',
  },
};

export default rule;
