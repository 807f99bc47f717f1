import type { Node } from '@pgsql/types';
import { nodeTag } from '../src/analyze/ast.js';
import type { Rule, RuleHit } from '../src/analyze/rule.js';

// PUBLIC is every role of the cluster, those created later included. A migration that grants to
// PUBLIC hands the privilege to every login the server has (a reporting user, another
// application sharing the server, a role an attacker got hold of).

/** Privileges that only let a role read or look things up: CAUTION. Anything else (writes, ALL, TRIGGER, CREATE) is DANGEROUS. */
const READING = new Set(['select', 'usage', 'execute', 'references', 'connect', 'temporary', 'temp']);

type Json = Record<string, unknown>;

function toPublic(grantees: unknown): boolean {
  return Array.isArray(grantees) && grantees.some((g) => (nodeTag(g as Node)?.[1] as Json | undefined)?.roletype === 'ROLESPEC_PUBLIC');
}

/** `ALL` when the grant lists no privileges, else the privileges named. */
function privileges(v: Json): string[] {
  const list = Array.isArray(v.privileges) ? v.privileges : [];
  if (list.length === 0) return ['all'];
  return list.map((p) => String((nodeTag(p as Node)?.[1] as Json | undefined)?.priv_name ?? 'all').toLowerCase());
}

function objectKind(objtype: unknown): string {
  return String(objtype ?? 'OBJECT_TABLE').replace(/^OBJECT_/, '').toLowerCase().replace(/_/g, ' ');
}

function grantHit(v: Json, defaults: boolean): RuleHit | null {
  if (v.is_grant !== true || !toPublic(v.grantees)) return null;
  const privs = privileges(v);
  const writes = privs.filter((p) => !READING.has(p));
  const what = `${defaults ? 'ALTER DEFAULT PRIVILEGES … GRANT' : 'GRANT'} ${privs.join(', ').toUpperCase()} ON ${objectKind(v.objtype)}${defaults ? ' objects created from now on' : ''} TO PUBLIC`;
  return writes.length > 0
    ? { message: `${what} lets every role on the server, present and future, ${writes.includes('all') ? 'do anything to them' : `${writes.join(', ').toUpperCase()} on them`}: writing, emptying or taking over data is no longer limited to the roles meant to`, suggestion: 'GRANT … TO <the role that needs it>;' }
    : { risk: 'CAUTION', message: `${what} lets every role on the server, present and future, read or use them`, suggestion: 'GRANT … TO <the role that needs it>;' };
}

export const rule: Rule = {
  id: 'grant-to-public',
  risk: 'DANGEROUS',
  title: 'GRANT to PUBLIC: every role on the server gets the privilege',
  docs: {
    why: 'PUBLIC is every role of the server, including roles created later: a reporting user, another application sharing the server, a role whose password leaked. GRANT … TO PUBLIC (or ALTER DEFAULT PRIVILEGES … TO PUBLIC, for every object created from then on) hands them the privilege; granting a role to PUBLIC gives everyone everything that role may do. Write privileges (INSERT, UPDATE, DELETE, TRUNCATE, ALL), TRIGGER and CREATE are DANGEROUS: any role can then change or destroy the data, or plant code that runs with its writers\' rights. Read privileges (SELECT, USAGE, EXECUTE) are CAUTION: the data is readable by everyone.',
    instead: 'Grant to the role that needs the privilege, or to a group role its members are given.',
    bad: 'GRANT ALL ON orders TO PUBLIC;',
    good: 'GRANT SELECT, INSERT ON orders TO app_writer;',
  },
  statements: ['GrantStmt', 'AlterDefaultPrivilegesStmt', 'GrantRoleStmt'],
  functionBodies: true,
  check({ statement }): RuleHit[] {
    const t = nodeTag(statement.ast);
    if (!t) return [];
    const [tag, v] = t as [string, Json];
    if (tag === 'GrantStmt') return [grantHit(v, false)].filter((h): h is RuleHit => h !== null);
    if (tag === 'AlterDefaultPrivilegesStmt') {
      // Its action is the GrantStmt, with or without the node's wrapper.
      const raw = v.action as Json | undefined;
      const action = raw && 'GrantStmt' in raw ? (raw.GrantStmt as Json) : raw;
      return action ? [grantHit(action, true)].filter((h): h is RuleHit => h !== null) : [];
    }
    if (tag === 'GrantRoleStmt' && v.is_grant === true && toPublic(v.grantee_roles)) {
      const roles = (Array.isArray(v.granted_roles) ? v.granted_roles : []).map((r) => String((nodeTag(r as Node)?.[1] as Json | undefined)?.priv_name ?? '')).join(', ');
      return [{ message: `GRANT ${roles} TO PUBLIC makes every role on the server, present and future, a member of ${roles}: everything ${roles} may do, they may do`, suggestion: `GRANT ${roles} TO <the role that needs it>;` }];
    }
    return [];
  },
};

export default rule;
