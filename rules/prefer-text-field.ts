import type { Rule } from '../src/analyze/rule.js';
import { ident, tableRef } from '../src/analyze/rule-helpers.js';
import type { Node } from '@pgsql/types';
import { sqlOf } from './_sql-build.js';
import { columnSpecs, executesNow, rawTypeName, typeLength, type ColumnSpec } from './_statement.js';

/**
 * The column as written with only its type changed to text: every other attribute (NOT NULL,
 * DEFAULT, GENERATED ... STORED, identity, COLLATE, REFERENCES...) stays, or the suggestion
 * would change what the column does.
 */
function asText(c: ColumnSpec): string {
  const text = { names: [{ String: { sval: 'text' } }], typemod: -1 };
  const printed = c.def ? sqlOf({ ColumnDef: { ...c.def, typeName: text } } as Node) : undefined;
  return printed ?? `${ident(c.name)} text`;
}

export const rule: Rule = {
  id: 'prefer-text-field',
  risk: 'SAFE',
  title: 'varchar(n): prefer text with a CHECK constraint',
  docs: {
    why:
      'In Postgres varchar(n) is text with a length check built into the type; it is not faster or smaller. The limit is hard to change later: raising it needs an ALTER COLUMN TYPE under ACCESS EXCLUSIVE (brief, since no rewrite is needed for a wider varchar, but it queues behind every running query), and lowering it rewrites the whole table under that lock. A CHECK constraint on a text column expresses the same limit and can be replaced without blocking: add the new one NOT VALID, VALIDATE it (which blocks no reads or writes), drop the old one.',
    instead: 'Declare the column text, with `CHECK (char_length(col) <= n)` if the limit matters.',
    bad: 'CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255));',
    good: 'CREATE TABLE users (id bigint PRIMARY KEY, email text CONSTRAINT users_email_length CHECK (char_length(email) <= 255));',
    equivalents: { squawk: 'prefer-text-field', pgfence: 'Data type best practices' },
  },
  statements: ['CreateStmt', 'AlterTableStmt'],
  check({ statement }) {
    if (!executesNow(statement)) return [];
    const cols = columnSpecs(statement).filter((c) => rawTypeName(c.type) === 'varchar' && typeLength(c.type) !== undefined);
    if (cols.length === 0) return [];
    const table = cols[0]!.table;
    const base = table?.split('.').pop() ?? 'table';
    return [{
      ...(cols.length === 1 && cols[0]!.operation !== undefined ? { operation: cols[0]!.operation } : {}),
      message: `${cols.map((c) => `${ident(c.name)} varchar(${typeLength(c.type)})`).join(', ')} on ${table}: changing the limit later needs an ACCESS EXCLUSIVE lock (and a table rewrite to lower it)`,
      suggestion: cols.map((c) =>
        `${asText(c)} CONSTRAINT ${ident(`${base}_${c.name}_length`)} CHECK (char_length(${ident(c.name)}) <= ${typeLength(c.type)})`,
      ).join(',\n') + (cols[0]!.via === 'add-column' ? `  -- in ALTER TABLE ${tableRef(table)} ADD COLUMN ...` : cols[0]!.via === 'alter-type' ? `  -- instead of the new varchar type: keep or change to text (no rewrite from varchar), then ADD CONSTRAINT ... CHECK (...) NOT VALID and VALIDATE it` : ''),
    }];
  },
};

export default rule;
