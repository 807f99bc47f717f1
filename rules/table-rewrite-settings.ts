import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { alterCmds, describeLock, onExistingTable, tableRef } from '../src/analyze/rule-helpers.js';
import { article } from './_blocking.js';
import { executesNow } from './_statement.js';

export const rule: Rule = {
  id: 'table-rewrite-settings',
  risk: 'DANGEROUS',
  title: 'SET TABLESPACE, SET LOGGED and SET UNLOGGED rewrite the table under ACCESS EXCLUSIVE',
  sizeSensitive: true,
  docs: {
    why:
      'These ALTER TABLE forms copy the whole table (and, for SET TABLESPACE, move it to other storage) while holding ACCESS EXCLUSIVE: nothing can read or write it until the copy is done. SET LOGGED also writes the entire table to the write-ahead log, which can flood replication and backups. SET UNLOGGED makes the table not crash-safe: it is emptied after a crash, and its contents are not replicated to standbys at all.',
    lock: 'ACCESS EXCLUSIVE on the table for the whole copy: blocks reads and writes.',
    instead:
      'Move a table to another tablespace online with `pg_repack --tablespace`. For LOGGED/UNLOGGED there is no online form: build a new table with the wanted setting, copy the rows in batches, keep it in sync (trigger or dual writes), then swap names in one short transaction; or do it in a maintenance window on a known-small table.',
    bad: 'ALTER TABLE events SET LOGGED;',
    good: 'CREATE UNLOGGED TABLE import_scratch (id bigint PRIMARY KEY);\nALTER TABLE import_scratch SET LOGGED;',
    equivalents: { eugene: 'E10', pgfence: 'table rewrites (SET LOGGED / UNLOGGED)' },
  },
  statements: ['AlterTableStmt'],
  check({ statement, operations }) {
    if (!executesNow(statement)) return [];
    const hits: RuleHit[] = [];
    alterCmds(statement).forEach((c, i) => {
      const op = operations[i];
      if (!op || !onExistingTable(op)) return;
      const t = tableRef(op.table);
      if (c.subtype === 'AT_SetTableSpace') {
        hits.push({
          operation: i,
          message: `SET TABLESPACE ${c.name ?? ''} copies all of ${op.table} under ${article(describeLock(op.lock))} for the whole copy`,
          suggestion: `-- outside the migration, online: pg_repack --table=${op.table} --tablespace=${c.name ?? '<tablespace>'} --moveidx <database>`,
        });
      } else if (c.subtype === 'AT_SetLogged' || c.subtype === 'AT_SetUnLogged') {
        const logged = c.subtype === 'AT_SetLogged';
        hits.push({
          operation: i,
          message: `SET ${logged ? 'LOGGED' : 'UNLOGGED'} rewrites ${op.table} under ${article(describeLock(op.lock))}${logged ? ', writing the whole table to the WAL (replicas and backups take all of it)' : '; afterwards the table is emptied on a crash and not replicated to standbys'}`,
          suggestion: [
            `CREATE ${logged ? '' : 'UNLOGGED '}TABLE ${op.table!.split('.').pop()}_new (LIKE ${t} INCLUDING ALL);`,
            `-- copy rows in key-range batches, keep the copy in sync (trigger or dual writes), then swap in one short transaction:`,
            `-- BEGIN; ALTER TABLE ${t} RENAME TO ${op.table!.split('.').pop()}_old; ALTER TABLE ${op.table!.split('.').pop()}_new RENAME TO ${op.table!.split('.').pop()}; COMMIT;`,
          ].join('\n'),
        });
      }
    });
    return hits;
  },
};

export default rule;
