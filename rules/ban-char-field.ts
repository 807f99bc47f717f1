import type { Rule } from '../src/analyze/rule.js';
import { ident } from '../src/analyze/rule-helpers.js';
import { columnSpecs, executesNow, rawTypeName, typeLength } from './_statement.js';

export const rule: Rule = {
  id: 'ban-char-field',
  risk: 'SAFE',
  title: 'char(n) pads values with spaces: use text or varchar',
  docs: {
    why:
      "char(n) pads every value with spaces to n characters and ignores trailing spaces in comparisons, which surprises code (a value read back is not the value written; 'ab' and 'ab ' compare equal; LIKE and length() see the padding). It is no faster than text in Postgres and takes as much space or more. Plain `char` without a length means char(1).",
    instead: 'Use text (with a CHECK constraint for a fixed length, e.g. `CHECK (char_length(code) = 2)`).',
    bad: 'CREATE TABLE countries (code char(2) PRIMARY KEY);',
    good: 'CREATE TABLE countries (code text PRIMARY KEY CHECK (char_length(code) = 2));',
    equivalents: { squawk: 'ban-char-field' },
  },
  statements: ['CreateStmt', 'AlterTableStmt'],
  check({ statement }) {
    if (!executesNow(statement)) return [];
    // `bpchar` is char(n)/character(n); the quoted one-byte "char" type resolves to `char`.
    const cols = columnSpecs(statement).filter((c) => rawTypeName(c.type) === 'bpchar');
    if (cols.length === 0) return [];
    return [{
      ...(cols.length === 1 && cols[0]!.operation !== undefined ? { operation: cols[0]!.operation } : {}),
      message: `${cols.map((c) => `${ident(c.name)} char(${typeLength(c.type) ?? 1})`).join(', ')} on ${cols[0]!.table}: values are padded with spaces to the full length`,
      suggestion: cols.map((c) => `${ident(c.name)} text CHECK (char_length(${ident(c.name)}) ${typeLength(c.type) !== undefined ? `<= ${typeLength(c.type)}` : '= 1'})`).join(',\n'),
    }];
  },
};

export default rule;
