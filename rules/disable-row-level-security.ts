import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { alterCmds, tableRef } from '../src/analyze/rule-helpers.js';

export const rule: Rule = {
  id: 'disable-row-level-security',
  risk: 'DANGEROUS',
  title: 'DISABLE ROW LEVEL SECURITY (or NO FORCE) on an existing table',
  docs: {
    why: 'Row level security is what limits each role to its rows. DISABLE ROW LEVEL SECURITY switches every policy of the table off at once: every role with a privilege on the table sees and changes every row, other tenants\' and other users\' included. NO FORCE ROW LEVEL SECURITY lets the table\'s owner (often the role the application connects as) bypass the policies. In a pull request it may be a mistake or an attack; either way it is a security change, not schema work.',
    instead: 'Keep row level security on; change or add a policy (CREATE POLICY, ALTER POLICY) for the access that is missing, and review it as a security change.',
    bad: 'ALTER TABLE documents DISABLE ROW LEVEL SECURITY;',
    good: "CREATE POLICY documents_reader ON documents FOR SELECT USING (owner_id = current_setting('app.user_id')::bigint);",
  },
  statements: ['AlterTableStmt'],
  check({ statement, operations }): RuleHit[] {
    const hits: RuleHit[] = [];
    alterCmds(statement).forEach((c, i) => {
      const op = operations[i] ?? operations[0];
      if (op?.targetIsNew) return;
      const table = tableRef(op?.table);
      if (c.subtype === 'AT_DisableRowSecurity') {
        hits.push({ operation: operations[i] ? i : 0, message: `DISABLE ROW LEVEL SECURITY on ${table} switches off every policy of the table: every role with a privilege on it sees and changes every row` });
      } else if (c.subtype === 'AT_NoForceRowSecurity') {
        hits.push({ risk: 'CAUTION', operation: operations[i] ? i : 0, message: `NO FORCE ROW LEVEL SECURITY on ${table} lets its owner bypass every policy of the table` });
      }
    });
    return hits;
  },
};

export default rule;
