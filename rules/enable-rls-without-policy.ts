import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { alterCmds, tableRef } from '../src/analyze/rule-helpers.js';
import { executesNow } from './_statement.js';

export const rule: Rule = {
  id: 'enable-rls-without-policy',
  risk: 'CAUTION',
  title: 'ENABLE ROW LEVEL SECURITY on a table with no policy hides every row from non-owner roles',
  docs: {
    why:
      'Once row level security is enabled, a role that does not own the table (and is not a superuser or BYPASSRLS) sees only the rows a policy grants it: with no policy at all that is none. Its SELECTs return nothing and its INSERT, UPDATE and DELETE fail or touch nothing, so an application that connects as such a role appears to lose its data at the moment the migration commits. FORCE ROW LEVEL SECURITY extends this to the owner. Only policies the reviewed files create count; a table whose policies live elsewhere is reported as not visible.',
    instead: 'Create the policies first (or in the same transaction, before the ENABLE), then enable row level security; test the application role against a copy with RLS on.',
    bad: 'ALTER TABLE documents ENABLE ROW LEVEL SECURITY;',
    good: "CREATE POLICY documents_owner ON documents USING (owner_id = current_setting('app.user_id')::bigint);\nALTER TABLE documents ENABLE ROW LEVEL SECURITY;",
    equivalents: { pgfence: 'ENABLE / FORCE ROW LEVEL SECURITY' },
  },
  readsEarlierTree: (_s, ops) => ops.some((o) => o.kind === 'ENABLE_RLS'),
  finish(state) {
    const hits: RuleHit[] = [];
    const policies = state.facts.policyTables ?? new Set<string>();
    for (const step of state.earlierInFile ?? []) {
      if (!executesNow(step.statement)) continue;
      alterCmds(step.statement).forEach((c, i) => {
        const op = step.operations[i];
        if ((c.subtype !== 'AT_EnableRowSecurity' && c.subtype !== 'AT_ForceRowSecurity') || !op?.table || policies.has(op.table)) return;
        const force = c.subtype === 'AT_ForceRowSecurity';
        hits.push({
          position: { line: step.statement.line, column: step.statement.column },
          message: `${force ? 'FORCE' : 'ENABLE'} ROW LEVEL SECURITY on ${op.table}, and no policy on it is visible in the reviewed files: ${force ? 'every role, the owner included,' : 'every role that does not own the table'} sees no rows and cannot write any until a policy grants them`,
          suggestion: `CREATE POLICY ${op.table.split('.').pop()}_access ON ${tableRef(op.table)} USING (<who may see which rows>);`,
          suggestionRuns: 'before',
        });
      });
    }
    return hits;
  },
};

export default rule;
