// The sticky comment carries migration-guard's memory between runs: what the last review saw
// and who approved it, as JSON hidden in an HTML comment. GitHub keeps the state, so any
// number of Action runs or App instances agree on it.
import * as z from 'zod';
import { RISKS } from '../core/types.js';
import type { ApprovalRecord } from '../check/types.js';

const STATE_OPEN = '<!-- migration-guard-state ';
const STATE_CLOSE = ' -->';
/** Voided approvals the state keeps (the newest). */
export const MAX_VOIDED = 5;

const approvalSchema = z.object({
  approver: z.string(),
  reason: z.string().optional(),
  contentHash: z.string(),
  headSha: z.string(),
  at: z.string(),
});

const stateSchema = z.object({
  version: z.literal(1),
  review: z
    .object({
      headSha: z.string(),
      contentHash: z.string(),
      risk: z.enum(RISKS).nullable(),
      needsApproval: z.boolean(),
      paths: z.array(z.string()),
      at: z.string(),
      /** When this content hash first came under review: an approval written before it approved something else. */
      since: z.string().optional(),
    })
    .nullable(),
  approval: approvalSchema.nullable(),
  voided: z.array(approvalSchema.extend({ voidedAt: z.string(), voidedAtSha: z.string() })),
});

export type CommentState = z.infer<typeof stateSchema>;
export type ReviewState = NonNullable<CommentState['review']>;
export type VoidedApproval = ApprovalRecord & { voidedAt: string; voidedAtSha: string };

export const EMPTY_STATE: CommentState = { version: 1, review: null, approval: null, voided: [] };

/** The hidden block to put in the comment: base64 JSON, so no text can close the HTML comment. */
export function embedState(state: CommentState): string {
  return `${STATE_OPEN}${Buffer.from(JSON.stringify(trimmed(state)), 'utf8').toString('base64')}${STATE_CLOSE}`;
}

/** The state in a comment body; null when there is none or it does not parse (never throws). */
export function parseState(body: string | null | undefined): CommentState | null {
  if (!body) return null;
  const start = body.lastIndexOf(STATE_OPEN);
  if (start < 0) return null;
  const end = body.indexOf(STATE_CLOSE, start + STATE_OPEN.length);
  if (end < 0) return null;
  try {
    const json: unknown = JSON.parse(Buffer.from(body.slice(start + STATE_OPEN.length, end).trim(), 'base64').toString('utf8'));
    const parsed = stateSchema.safeParse(json);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Removes the hidden state block from a body. */
export function stripState(body: string): string {
  const start = body.lastIndexOf(STATE_OPEN);
  if (start < 0) return body;
  const end = body.indexOf(STATE_CLOSE, start + STATE_OPEN.length);
  return end < 0 ? body : (body.slice(0, start) + body.slice(end + STATE_CLOSE.length)).trimEnd();
}

export function voidApproval(approval: ApprovalRecord, atSha: string, now: Date): VoidedApproval {
  return { ...approval, voidedAt: now.toISOString(), voidedAtSha: atSha };
}

/**
 * Whether two states say the same thing, as they would read back from a comment (the voided
 * list cut to what the comment keeps, keys in any order). Null for "no state".
 */
export function sameState(a: CommentState | null, b: CommentState | null): boolean {
  if (a === null || b === null) return a === b;
  return canonical(trimmed(a)) === canonical(trimmed(b));
}

function trimmed(state: CommentState): CommentState {
  return { ...state, voided: state.voided.slice(-MAX_VOIDED) };
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
