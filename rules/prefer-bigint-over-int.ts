import type { Rule } from '../src/analyze/rule.js';
import { ident } from '../src/analyze/rule-helpers.js';
import { columnSpecs, executesNow, isArrayType, rawTypeName, type ColumnSpec } from './_statement.js';

// A Map: the key is a type name from the SQL (a type named `constructor` is no small integer).
const SMALL: ReadonlyMap<string, string> = new Map(Object.entries({ int4: 'integer', int2: 'smallint', serial: 'serial', serial4: 'serial', smallserial: 'smallserial', serial2: 'smallserial' }));

/** Keys are prefer-bigint-keys' business (on by default); this rule covers every other column. */
function isKey(col: ColumnSpec): boolean {
  if (col.inTableKey) return true;
  if (col.constraints.some((c) => c.contype === 'CONSTR_PRIMARY' || c.contype === 'CONSTR_FOREIGN')) return true;
  return /^(id|.+_id)$/i.test(col.name);
}

export const rule: Rule = {
  id: 'prefer-bigint-over-int',
  risk: 'SAFE',
  title: 'integer or smallint columns (not only keys): prefer bigint',
  enabledByDefault: false,
  presets: ['squawk'],
  docs: {
    why:
      'A counter, a sum or an external id stored as integer overflows at 2,147,483,647 (smallint at 32,767), and widening it later rewrites the table under ACCESS EXCLUSIVE.',
    policy: 'Off by default: for most non-key columns (a quantity, a rating, a year) integer is the right size and 4 bytes per row smaller; key columns, which do run out, are covered by prefer-bigint-keys. Turn it on (or use `preset: squawk`) to require bigint everywhere.',
    instead: 'Use bigint for any column whose values grow with time or traffic (bigint[] for an array of them, such as a list of ids).',
    bad: 'CREATE TABLE page_views (id bigint PRIMARY KEY, views integer);',
    good: 'CREATE TABLE page_views (id bigint PRIMARY KEY, views bigint);',
    equivalents: { squawk: 'prefer-bigint-over-int, prefer-bigint-over-smallint' },
  },
  statements: ['CreateStmt', 'AlterTableStmt'],
  check({ statement }) {
    if (!executesNow(statement)) return [];
    // An array's elements overflow the same way (squawk's fix_array_types: ids int[] -> bigint[]).
    const cols = columnSpecs(statement).filter((c) => SMALL.has(rawTypeName(c.type)) && !(isKey(c) && !isArrayType(c.type)));
    return cols.map((c) => ({
      ...(c.operation !== undefined ? { operation: c.operation } : {}),
      message: `${ident(c.name)} ${SMALL.get(rawTypeName(c.type))}${isArrayType(c.type) ? '[]' : ''} on ${c.table}: ${isArrayType(c.type) ? 'its elements overflow' : 'it overflows'} at ${rawTypeName(c.type).endsWith('2') || rawTypeName(c.type) === 'smallserial' ? '32,767' : '2,147,483,647'}, and widening it later rewrites the table`,
      suggestion: `${ident(c.name)} bigint${isArrayType(c.type) ? '[]' : ''}`,
    }));
  },
};

export default rule;
