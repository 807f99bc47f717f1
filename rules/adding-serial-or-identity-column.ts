import type { ColumnDef, Node } from '@pgsql/types';
import { typeBase } from '../src/analyze/ast.js';
import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { alterCmds, onExistingTable } from '../src/analyze/rule-helpers.js';
import { serialType } from '../src/analyze/serial-types.js';
import { addColumnDef, alterTable, columnConstraints, defaultConstraintName, ident, runsDuringMigration, sqlOf, tableRef } from './_sql-build.js';


type Kind = 'serial' | 'identity' | 'stored generated';

function kindOf(def: ColumnDef): Kind | undefined {
  if (serialType(typeBase(def.typeName))) return 'serial';
  const cons = columnConstraints(def);
  if (cons.some((c) => c.contype === 'CONSTR_IDENTITY')) return 'identity';
  if (cons.some((c) => c.contype === 'CONSTR_GENERATED' && (c as { generated_kind?: string }).generated_kind !== 'v')) return 'stored generated';
  return undefined;
}

function sequenceSteps(table: string, column: string, type: string): string[] {
  const seq = `${table.split('.').slice(1).join('.')}_${column}_seq`.slice(0, 63);
  const schema = table.split('.')[0];
  const seqRef = schema === 'public' ? ident(seq) : `${ident(schema ?? '')}.${ident(seq)}`;
  const t = alterTable(table);
  const col = ident(column);
  return [
    `${t} ADD COLUMN ${col} ${type};`,
    `CREATE SEQUENCE ${seqRef} AS ${type} OWNED BY ${tableRef(table)}.${col};`,
    `${t} ALTER COLUMN ${col} SET DEFAULT nextval('${seqRef.replace(/'/g, "''")}');  -- new rows, no rewrite`,
    `-- backfill existing rows in batches, each in its own transaction, until it updates 0 rows:`,
    `UPDATE ${tableRef(table)} SET ${col} = nextval('${seqRef.replace(/'/g, "''")}') WHERE ctid IN (SELECT ctid FROM ${tableRef(table)} WHERE ${col} IS NULL LIMIT 10000);`,
    `-- then NOT NULL via CHECK (${col} IS NOT NULL) NOT VALID + VALIDATE, and a unique index CONCURRENTLY if it is a key`,
  ];
}

export const rule: Rule = {
  id: 'adding-serial-or-identity-column',
  risk: 'DANGEROUS',
  title: 'Adding a serial, identity or stored generated column rewrites the table',
  sizeSensitive: true,
  docs: {
    why:
      'A serial or identity column needs a distinct value in every existing row, and a GENERATED ... STORED column needs its expression computed for every row, so PostgreSQL rewrites the whole table (and rebuilds its indexes) while holding an ACCESS EXCLUSIVE lock. Nothing can read or write the table until the rewrite ends.',
    lock: 'ACCESS EXCLUSIVE on the table (blocks reads and writes) for the whole rewrite.',
    instead:
      'Add a plain nullable column, give it a sequence default (ALTER COLUMN ... SET DEFAULT nextval(...), new rows only) or fill it from a trigger, and backfill the existing rows in batches. For a computed value on PostgreSQL 18+, a VIRTUAL generated column is computed on read and needs no rewrite.',
    bad: 'ALTER TABLE orders ADD COLUMN seq bigserial;',
    good: "ALTER TABLE orders ADD COLUMN seq bigint;\nCREATE SEQUENCE orders_seq_seq AS bigint OWNED BY orders.seq;\nALTER TABLE orders ALTER COLUMN seq SET DEFAULT nextval('orders_seq_seq');",
    equivalents: { squawk: 'adding-field-with-default', strongMigrations: 'add_column_generated_stored', eugene: 'E11', pgfence: 'ADD COLUMN checks' },
  },
  statements: ['AlterTableStmt'],
  check({ statement, operations, state }) {
    if (!runsDuringMigration(statement)) return [];
    // One ALTER TABLE rewrites the table once however many such columns it adds: one hit per
    // statement naming them all (temporal's visibility schema adds 28 in one statement).
    const found: Array<{ operation: number; table: string; what: string; steps: string[] }> = [];
    alterCmds(statement).forEach((cmd, i) => {
      const op = operations[i];
      const def = addColumnDef(cmd);
      if (!def?.colname || !op?.table || !onExistingTable(op)) return;
      const kind = kindOf(def);
      if (!kind) return;
      const table = op.table;
      const col = ident(def.colname);
      let suggestion: string[];
      if (kind === 'stored generated') {
        const gen = columnConstraints(def).find((c) => c.contype === 'CONSTR_GENERATED');
        const expr = sqlOf(gen?.raw_expr) ?? 'the expression';
        // The stored copy is added nullable (NOT NULL on an existing table with rows fails before
        // any backfill) and NOT NULL comes back through a validated CHECK, as for any new column.
        const contype = (n: Node) => (n as { Constraint?: { contype?: string } }).Constraint?.contype;
        const notNull = (def.constraints ?? []).some((n) => contype(n) === 'CONSTR_NOTNULL' || contype(n) === 'CONSTR_PRIMARY');
        const plain = sqlOf({ ColumnDef: { ...def, constraints: (def.constraints ?? []).filter((n) => !['CONSTR_GENERATED', 'CONSTR_NOTNULL', 'CONSTR_PRIMARY'].includes(contype(n) ?? '')) } } as Node);
        const check = ident(defaultConstraintName(table, [def.colname], 'not_null'));
        suggestion = [
          ...(state.pgVersion >= 18 ? [`-- PostgreSQL 18+: a virtual generated column is computed on read, no rewrite:`, `${alterTable(table)} ADD COLUMN ${col} ${op.typeName ?? ''} GENERATED ALWAYS AS (${expr}) VIRTUAL;`.replace(/  +/g, ' '), `-- or keep a stored copy without a rewrite:`] : []),
          `${alterTable(table)} ADD COLUMN ${plain ?? col};`,
          `-- fill it for new and changed rows with a BEFORE INSERT OR UPDATE trigger, then backfill in batches:`,
          `UPDATE ${tableRef(table)} SET ${col} = ${expr} WHERE ctid IN (SELECT ctid FROM ${tableRef(table)} WHERE ${col} IS NULL LIMIT 10000);`,
          ...(notNull
            ? [
                `-- once every row is filled, enforce NOT NULL without a long lock (in a separate transaction from the backfill):`,
                `${alterTable(table)} ADD CONSTRAINT ${check} CHECK (${col} IS NOT NULL) NOT VALID;`,
                `${alterTable(table)} VALIDATE CONSTRAINT ${check};`,
                ...(state.pgVersion >= 12 ? [`${alterTable(table)} ALTER COLUMN ${col} SET NOT NULL;`, `${alterTable(table)} DROP CONSTRAINT ${check};`] : []),
              ]
            : []),
        ];
      } else {
        const type = kind === 'serial' ? serialType(typeBase(def.typeName))!.sql : (op.typeName || 'bigint');
        suggestion = sequenceSteps(table, def.colname, type);
      }
      found.push({ operation: i, table, what: `${def.colname} (${kind})`, steps: suggestion });
    });
    const first = found[0];
    if (!first) return [];
    const many = found.length > 1;
    const hit: RuleHit = {
      ...(many ? { operations: found.map((f) => f.operation) } : { operation: first.operation }),
      message: `ADD COLUMN ${found.map((f) => f.what).join(', ')} on the existing table ${first.table}: every row needs ${many ? 'values' : 'a value'}, so PostgreSQL rewrites the table and its indexes under an ACCESS EXCLUSIVE lock (reads and writes wait)`,
      suggestion: found.map((f) => f.steps.join('\n')).join('\n\n'),
    };
    return [hit];
  },
};

export default rule;
