// Who may approve a risky migration with `/approve-migration [reason]`, decided from data
// the caller fetched (the commenter, their repository permission, team membership), so the
// Action and the App share one rule and it can be tested without GitHub.
import { RISKS, type Risk } from '../core/types.js';
import { sameLogin } from './identity.js';

/** Repository roles, weakest first, as GitHub names them (`role_name`). */
export const PERMISSION_LEVELS = ['none', 'read', 'triage', 'write', 'maintain', 'admin'] as const;
export type PermissionLevel = (typeof PERMISSION_LEVELS)[number];

export const APPROVE_COMMAND = '/approve-migration';
const MAX_REASON_LENGTH = 500;

export type Approver = { kind: 'user'; login: string } | { kind: 'team'; org: string; slug: string };

export interface ApprovalPolicy {
  /** Lowest risk that needs an approval. */
  approvalRisk: Risk;
  /** Lowest repository role that may approve (used when `approvers` is empty). */
  minPermission: Exclude<PermissionLevel, 'none'>;
  /** When not empty, only these users and members of these teams may approve. */
  approvers: Approver[];
  /** Whether the pull request's author may approve their own migrations. */
  allowAuthor: boolean;
  /** Whether someone who authored or committed the pull request's commits may approve it. */
  allowContributors: boolean;
}

export const DEFAULT_POLICY: ApprovalPolicy = { approvalRisk: 'DANGEROUS', minPermission: 'write', approvers: [], allowAuthor: false, allowContributors: false };

export interface ApprovalCommand {
  reason?: string;
}

/**
 * `/approve-migration` at the start of the comment, alone or followed by a reason;
 * `/approve-migrations` or the command in the middle of a sentence is not one.
 */
export function parseApprovalCommand(body: string): ApprovalCommand | null {
  const text = body.replace(/^\uFEFF/, '').trimStart();
  if (!text.toLowerCase().startsWith(APPROVE_COMMAND)) return null;
  const rest = text.slice(APPROVE_COMMAND.length);
  if (rest.length > 0 && !/^\s/.test(rest)) return null;
  const reason = rest.replace(/\s+/g, ' ').trim();
  if (!reason) return {};
  return { reason: reason.length > MAX_REASON_LENGTH ? `${reason.slice(0, MAX_REASON_LENGTH - 1)}…` : reason };
}

/** `alice`, `@alice`, `org/team`, `@org/team` -> approvers; anything else is an error naming the entry. */
export function parseApprovers(entries: string[]): Approver[] {
  const out: Approver[] = [];
  for (const raw of entries) {
    const entry = raw.trim().replace(/^@/, '');
    if (!entry) continue;
    const team = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9_.-]+)$/.exec(entry);
    if (team) {
      out.push({ kind: 'team', org: team[1]!, slug: team[2]!.toLowerCase() });
    } else if (/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/.test(entry) && entry.length <= 39) {
      out.push({ kind: 'user', login: entry });
    } else {
      throw new Error(`"${raw.trim()}" is neither a GitHub user name nor an org/team`);
    }
  }
  return out;
}

export function parsePermissionLevel(value: string): Exclude<PermissionLevel, 'none'> | null {
  const v = value.trim().toLowerCase();
  return (PERMISSION_LEVELS as readonly string[]).includes(v) && v !== 'none' ? (v as Exclude<PermissionLevel, 'none'>) : null;
}

export function parseRisk(value: string): Risk | null {
  const v = value.trim().toUpperCase();
  return (RISKS as readonly string[]).includes(v) ? (v as Risk) : null;
}

export function permissionRank(level: PermissionLevel): number {
  return PERMISSION_LEVELS.indexOf(level);
}

/**
 * The role from GitHub's permission answer: `role_name` when it is a built-in role (it tells
 * maintain and triage apart), else the legacy `permission` field (custom roles map there).
 */
export function permissionFromApi(answer: { permission: string; role_name?: string | null }): PermissionLevel {
  const role = answer.role_name?.toLowerCase();
  if (role && (PERMISSION_LEVELS as readonly string[]).includes(role)) return role as PermissionLevel;
  const legacy = answer.permission.toLowerCase();
  return (PERMISSION_LEVELS as readonly string[]).includes(legacy) ? (legacy as PermissionLevel) : 'none';
}

export function isBot(user: { login: string; type?: string | null }): boolean {
  return user.type === 'Bot' || /\[bot\]$/i.test(user.login);
}

export interface ApprovalFacts {
  commenter: { login: string; type?: string | null };
  /** Login of the pull request's author. */
  author: string;
  /** The commenter's role on the repository (from the API). */
  permission: PermissionLevel;
  /** Which of the policy's teams the commenter is an active member of (only checked when teams are listed). */
  teams: Array<{ org: string; slug: string }>;
}

export type ApprovalDecision = { kind: 'accepted' } | { kind: 'refused'; reason: string };

/** The checks that need no API call; null when the commenter passes them. */
export function refuseBeforeLookup(commenter: ApprovalFacts['commenter'], author: string, policy: ApprovalPolicy): ApprovalDecision | null {
  if (isBot(commenter)) return { kind: 'refused', reason: `@${commenter.login} is a bot; only people can approve migrations.` };
  if (!policy.allowAuthor && sameLogin(commenter.login, author)) {
    return { kind: 'refused', reason: `@${commenter.login} opened this pull request; its author cannot approve its own migrations.` };
  }
  return null;
}

export function decideApproval(facts: ApprovalFacts, policy: ApprovalPolicy): ApprovalDecision {
  const early = refuseBeforeLookup(facts.commenter, facts.author, policy);
  if (early) return early;
  const login = facts.commenter.login;
  if (policy.approvers.length > 0) {
    const listed = policy.approvers.some(
      (a) =>
        (a.kind === 'user' && sameLogin(a.login, login)) ||
        (a.kind === 'team' && facts.teams.some((t) => sameLogin(t.org, a.org) && t.slug.toLowerCase() === a.slug.toLowerCase())),
    );
    if (listed && facts.permission !== 'none') return { kind: 'accepted' };
    if (listed) return { kind: 'refused', reason: `@${login} is listed as an approver but has no access to this repository.` };
    return { kind: 'refused', reason: `@${login} is not among the approvers (${describeApprovers(policy.approvers)}).` };
  }
  if (permissionRank(facts.permission) >= permissionRank(policy.minPermission)) return { kind: 'accepted' };
  return {
    kind: 'refused',
    reason: `@${login} has ${facts.permission === 'none' ? 'no' : `${facts.permission}`} access to this repository; approving needs ${policy.minPermission} access or higher.`,
  };
}

export function describeApprovers(approvers: Approver[]): string {
  return approvers.map((a) => (a.kind === 'user' ? `@${a.login}` : `@${a.org}/${a.slug}`)).join(', ');
}

/** Who may approve, in words, for comments and statuses. */
export function describePolicy(policy: ApprovalPolicy): string {
  return policy.approvers.length > 0 ? describeApprovers(policy.approvers) : `someone with ${policy.minPermission} access`;
}
