import type { Rule } from '../src/analyze/rule.js';
import { ident } from '../src/analyze/rule-helpers.js';
import { columnSpecs, executesNow, rawTypeName, retypeColumn } from './_statement.js';

export const rule: Rule = {
  id: 'prefer-timestamptz',
  risk: 'SAFE',
  title: 'timestamp without time zone loses the offset: use timestamptz',
  docs: {
    why:
      "timestamp (without time zone) stores the wall-clock digits and throws the UTC offset away: '2024-03-01 10:00+01' and '2024-03-01 10:00-05' are stored as the same value although they are six hours apart. Which moment a value means then depends on the time zone of whichever client wrote it, and comparisons across daylight-saving changes go wrong. timestamptz stores an exact instant (as UTC) and converts to the session's time zone on output; it takes the same 8 bytes.",
    instead: 'Use timestamptz (timestamp with time zone) for moments in time. Keep timestamp only for deliberately zone-less values such as "09:00 local time, whatever the zone".',
    bad: 'ALTER TABLE orders ADD COLUMN shipped_at timestamp;',
    good: 'ALTER TABLE orders ADD COLUMN shipped_at timestamptz;',
    equivalents: { squawk: 'prefer-timestamp-tz' },
  },
  statements: ['CreateStmt', 'AlterTableStmt'],
  check({ statement }) {
    if (!executesNow(statement)) return [];
    const cols = columnSpecs(statement).filter((c) => rawTypeName(c.type) === 'timestamp');
    if (cols.length === 0) return [];
    let suggestion = statement.text.trim();
    for (const c of cols) {
      const fixed = retypeColumn(suggestion, c.name, /timestamp(\s*\(\s*\d+\s*\))?(?:\s+without\s+time\s+zone)?(?!\s*tz)(?!\s+with\s)/, 'timestamptz$2');
      if (fixed) suggestion = fixed;
    }
    return [{
      ...(cols.length === 1 && cols[0]!.operation !== undefined ? { operation: cols[0]!.operation } : {}),
      message: `${cols.map((c) => ident(c.name)).join(', ')} on ${cols[0]!.table} ${cols.length > 1 ? 'are' : 'is'} timestamp without time zone: the UTC offset of every value written is lost`,
      suggestion: suggestion === statement.text.trim() ? cols.map((c) => `${ident(c.name)} timestamptz`).join(', ') : suggestion.replace(/;?$/, ';'),
    }];
  },
};

export default rule;
