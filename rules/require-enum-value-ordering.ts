import type { AlterEnumStmt } from '@pgsql/types';
import type { Rule } from '../src/analyze/rule.js';
import { stmtNode } from '../src/analyze/rule-helpers.js';
import { executesNow } from './_statement.js';

export const rule: Rule = {
  id: 'require-enum-value-ordering',
  risk: 'SAFE',
  title: 'ALTER TYPE ... ADD VALUE without BEFORE or AFTER puts the label last',
  presets: ['squawk'],
  docs: {
    why:
      'Enum values sort in the order of their labels in the type, not alphabetically: ORDER BY, <, > and range checks on the column follow it. ADD VALUE without BEFORE or AFTER appends the label at the end, which is right for some enums (a new status after the others) and wrong for ordered ones (a new size between small and large). This is advice (SAFE): say where it goes, so the order is a decision.',
    policy: 'On by default, at SAFE: it never fails a build (the default failOn is DANGEROUS) and costs one word to satisfy, while a label in the wrong place silently changes every ORDER BY on the column.',
    instead: "Write the position: `ALTER TYPE size ADD VALUE 'medium' AFTER 'small';` (or BEFORE), even when it is the end.",
    bad: "ALTER TYPE order_status ADD VALUE 'refunded';",
    good: "ALTER TYPE order_status ADD VALUE 'refunded' AFTER 'delivered';",
    equivalents: { squawk: 'require-enum-value-ordering' },
  },
  statements: ['AlterEnumStmt'],
  check({ statement }) {
    const e = stmtNode<AlterEnumStmt>(statement, 'AlterEnumStmt');
    if (!e || !executesNow(statement) || !e.newVal || e.oldVal || e.newValNeighbor) return [];
    return [{
      message: `ADD VALUE '${e.newVal}' without BEFORE or AFTER puts it after every existing label: ORDER BY and comparisons on the column follow that order`,
      suggestion: `${statement.text.trim().replace(/;?\s*$/, '')} AFTER '<existing label>';  -- or BEFORE: make the position explicit`,
    }];
  },
};

export default rule;
