import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { ident, tableRef } from '../src/analyze/rule-helpers.js';
import { columnSpecs, executesNow, isArrayType, rawTypeName, retypeColumn } from './_statement.js';

export const rule: Rule = {
  id: 'prefer-jsonb',
  risk: 'CAUTION',
  title: 'json columns have no equality operator; use jsonb',
  docs: {
    why:
      'The json type stores the text exactly as sent and has no equality operator, so any query that has to compare values breaks on it: SELECT DISTINCT, UNION, GROUP BY, and ORMs that update a row by comparing old and new values fail with "could not identify an equality operator for type json". Every read also re-parses the text. jsonb stores a parsed form that is faster to query, can be indexed with GIN, and supports equality.',
    instead:
      'Declare the column as jsonb. If you really need the exact input text (key order, duplicate keys, whitespace), store it as text next to a jsonb column.',
    bad: 'ALTER TABLE orders ADD COLUMN metadata json;',
    good: 'ALTER TABLE orders ADD COLUMN metadata jsonb;',
    equivalents: { strongMigrations: 'add_column_json', eugene: 'E3' },
  },
  statements: ['CreateStmt', 'AlterTableStmt'],
  check({ statement }) {
    if (!executesNow(statement)) return [];
    const hits: RuleHit[] = [];
    for (const col of columnSpecs(statement)) {
      if (rawTypeName(col.type) !== 'json') continue;
      const arr = isArrayType(col.type) ? '[]' : '';
      const rewritten = retypeColumn(statement.text, col.name, /json\b(?!b)/, 'jsonb');
      const where = col.via === 'create-table' ? `in the new table ${col.table}` : `on ${col.table}`;
      hits.push({
        ...(col.operation !== undefined ? { operation: col.operation } : {}),
        message: `column ${ident(col.name)} ${where} is declared json${arr}: it has no equality operator (SELECT DISTINCT, UNION and GROUP BY on it fail) and is re-parsed on every read`,
        suggestion: col.via === 'alter-type'
          ? `ALTER TABLE ${tableRef(col.table)} ALTER COLUMN ${ident(col.name)} TYPE jsonb${arr} USING ${ident(col.name)}::jsonb${arr};`
          : rewritten ? `${rewritten.trim().replace(/;?$/, ';')}` : `declare it as ${ident(col.name)} jsonb${arr}`,
      });
    }
    return hits;
  },
};

export default rule;
