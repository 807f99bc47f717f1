import type { Node } from '@pgsql/types';
import { nodeTag, stringList } from '../src/analyze/ast.js';
import type { Rule, RuleHit } from '../src/analyze/rule.js';

// A routine the migrations created is judged as running where a migration calls it (its
// statements are replayed there). A procedure no migration created has a body nobody here has
// seen: `CALL wipe_everything();` passed as SAFE. Procedures are never built in, so a CALL of one
// the history does not know runs code the review cannot read.
export const rule: Rule = {
  id: 'unreviewed-routine-call',
  risk: 'CAUTION',
  title: 'CALL of a procedure no migration here creates',
  docs: {
    why: 'When a migration runs a routine that a migration created, its statements are judged as running there (a DROP TABLE in the body is a DROP TABLE at the CALL). A procedure that no migration in the repository creates (made by hand, by an extension, or by code outside the migrations) has a body the review never saw, so whatever it does, dropping or rewriting tables included, passes unseen.',
    instead: 'Create (or replace) the procedure in a migration, so its body is reviewed, or write its statements in the migration itself.',
    bad: 'CALL archive_old_orders();',
    good: "CREATE OR REPLACE PROCEDURE archive_old_orders() LANGUAGE sql AS $$ DELETE FROM orders WHERE created_at < now() - interval '5 years' $$;\nCALL archive_old_orders();",
  },
  statements: ['CallStmt'],
  check({ statement, state }): RuleHit[] {
    const call = nodeTag(statement.ast)?.[1] as { funccall?: { funcname?: Node[] } } | undefined;
    const parts = stringList(call?.funccall?.funcname);
    const name = parts.at(-1)?.toLowerCase();
    if (!name || state.facts.functionVolatility.has(name)) return [];
    return [{ message: `CALL ${parts.join('.')}() runs a procedure that no migration here creates: its body was not reviewed, and what it does runs now` }];
  },
};

export default rule;
