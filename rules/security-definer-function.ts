import type { Node } from '@pgsql/types';
import { nodeTag } from '../src/analyze/ast.js';
import type { Rule, RuleHit } from '../src/analyze/rule.js';

type Json = Record<string, unknown>;

function defElems(list: unknown): Json[] {
  return (Array.isArray(list) ? list : []).map((n) => nodeTag(n as Node)?.[1] as Json | undefined).filter((d): d is Json => d !== undefined);
}

/** Whether the options set SECURITY DEFINER, and whether they pin search_path (`SET search_path = …`). */
function definer(options: unknown): { definer: boolean; pinned: boolean } {
  const elems = defElems(options);
  const security = elems.find((d) => d.defname === 'security');
  // SECURITY DEFINER is `security: Boolean true`; SECURITY INVOKER is a Boolean without boolval.
  const on = security !== undefined && (nodeTag(security.arg as Node)?.[1] as Json | undefined)?.boolval === true;
  const pinned = elems.some((d) => d.defname === 'set' && (nodeTag(d.arg as Node)?.[1] as Json | undefined)?.name === 'search_path');
  return { definer: on, pinned };
}

export const rule: Rule = {
  id: 'security-definer-function',
  // A privilege door to review, not a lock or data hazard: PostgreSQL 15+ lets no one but the
  // owner create in public, and Supabase's own advisor rates an unpinned search_path a warning.
  risk: 'CAUTION',
  title: 'SECURITY DEFINER function: it runs with its owner\'s rights, whoever calls it',
  docs: {
    why: 'A SECURITY DEFINER function runs with the rights of the role that owns it (in a migration, usually the schema owner or a superuser), whoever calls it: it is a door through the privilege checks. Without `SET search_path` on the function, a caller who can create objects in a schema on the search_path (or put one first, with SET search_path) can make it call their own function or operator instead of the intended one, with the owner\'s rights: the classic privilege escalation PostgreSQL\'s manual warns about. Either way it is CAUTION, a privilege change to review; the message says whether the search path is pinned.',
    instead: 'Prefer SECURITY INVOKER (the default) and grants to the roles that need the data. When a definer function is needed, pin its search path (`SET search_path = pg_catalog, pg_temp`, schema-qualifying everything else), REVOKE EXECUTE … FROM PUBLIC and grant EXECUTE to the roles that need it.',
    bad: 'CREATE FUNCTION purge_user(uid bigint) RETURNS void LANGUAGE sql SECURITY DEFINER AS $$ DELETE FROM users WHERE id = uid $$;',
    good: 'CREATE FUNCTION purge_user(uid bigint) RETURNS void LANGUAGE sql AS $$ DELETE FROM public.users WHERE id = uid $$;',
  },
  statements: ['CreateFunctionStmt', 'AlterFunctionStmt'],
  check({ statement }): RuleHit[] {
    const t = nodeTag(statement.ast);
    if (!t) return [];
    const [tag, v] = t as [string, Json];
    const options = tag === 'CreateFunctionStmt' ? v.options : v.actions;
    const { definer: on, pinned } = definer(options);
    if (!on) return [];
    const what = tag === 'CreateFunctionStmt' ? 'This function runs' : 'ALTER FUNCTION … SECURITY DEFINER makes the function run';
    if (pinned) return [{ message: `${what} with its owner's rights, whoever calls it (its search_path is pinned): check who may EXECUTE it and what it lets them do` }];
    return [{
      message: `${what} with its owner's rights, whoever calls it, and does not pin search_path: a caller who can put a schema of theirs first on the search_path makes it run their functions or operators with the owner's rights`,
      suggestion: 'add SET search_path = pg_catalog, pg_temp to the function (and schema-qualify the objects it uses), or drop SECURITY DEFINER',
    }];
  },
};

export default rule;
