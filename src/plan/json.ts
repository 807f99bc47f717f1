// The plan as data: the `plan --format json` contract (versioned, with its JSON Schema), which
// tools and the verifier execute from. A step's `sql` is what to run, in order; `transaction`
// says how: "one" = all of them in one transaction, "none" = one statement at a time, outside
// any transaction block.
import * as z from 'zod';
import { OPERATION_KINDS } from '../core/types.js';
import { PHASE_NAMES, type Plan, type PlanChecks } from './types.js';

const verificationSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('verified'), engine: z.string(), serverVersion: z.string(), seededRows: z.number().int().min(0) }),
  z.strictObject({
    status: z.literal('failed'), engine: z.string(), serverVersion: z.string(), seededRows: z.number().int().min(0),
    reason: z.string(), step: z.string().optional(),
  }),
  z.strictObject({ status: z.literal('not-run'), reason: z.string() }),
]);

const stepSchema = z.strictObject({
  /** `phase.step`, 1-based, as the text plan numbers them. */
  id: z.string(),
  operation: z.enum(OPERATION_KINDS),
  prose: z.string(),
  sql: z.array(z.string()),
  transaction: z.enum(['one', 'none']),
  /** The statement of the migration this step stands for. */
  source: z.strictObject({ path: z.string(), line: z.number().int().min(1) }),
  /** Set when the step rewrites that statement: its original text. */
  replaces: z.string().optional(),
  rollback: z.array(z.string()).optional(),
});

const phaseSchema = z.strictObject({
  name: z.enum(PHASE_NAMES),
  title: z.string(),
  steps: z.array(stepSchema),
  appMustDo: z.string().optional(),
  rollback: z.string(),
  rollbackSql: z.array(z.string()).optional(),
  verification: verificationSchema.optional(),
  /** What running `rollbackSql` right after the phase proved: it ran, and left the schema the phase started from. */
  rollbackVerification: verificationSchema.optional(),
});

export const planDocumentSchema = z.strictObject({
  kind: z.literal('migration-guard-plan'),
  version: z.literal(1),
  pgVersion: z.number().int(),
  phases: z.array(phaseSchema),
  notes: z.array(z.string()),
  verification: verificationSchema.optional(),
});

export type PlanDocument = z.infer<typeof planDocumentSchema>;
export type PlanDocumentStep = z.infer<typeof stepSchema>;
export type PlanDocumentPhase = z.infer<typeof phaseSchema>;

export function planJsonSchema(): Record<string, unknown> {
  return {
    $id: 'migration-guard/plan-v1.json',
    title: 'migration-guard plan, version 1',
    ...z.toJSONSchema(planDocumentSchema, { target: 'draft-2020-12' }),
  };
}

export function planDocument(plan: Plan, pgVersion: number, verification?: PlanChecks): PlanDocument {
  return {
    kind: 'migration-guard-plan',
    version: 1,
    pgVersion,
    phases: plan.phases.map((p, i) => ({
      name: p.name,
      title: p.title,
      steps: p.steps.map((s, j) => ({
        id: `${i + 1}.${j + 1}`,
        operation: s.operationKind,
        prose: s.description,
        sql: s.sql,
        transaction: s.transactional ? 'one' : 'none',
        source: { path: s.migrationPath, line: s.line },
        ...(s.replaces ? { replaces: s.replaces } : {}),
        ...(s.rollback ? { rollback: s.rollback } : {}),
      })),
      ...(p.appMustDo ? { appMustDo: p.appMustDo } : {}),
      rollback: p.rollback,
      // Not the SQL of a rollback that was run and failed: a reader of rollbackSql would run it.
      ...(p.rollbackSql && verification?.rollbacks?.[i]?.status !== 'failed' ? { rollbackSql: p.rollbackSql } : {}),
      ...(verification?.phases[i] ? { verification: verification.phases[i] } : {}),
      ...(p.rollbackSql && verification?.rollbacks?.[i] ? { rollbackVerification: verification.rollbacks[i] } : {}),
    })),
    notes: plan.notes,
    ...(verification ? { verification: verification.plan } : {}),
  };
}

/** Reads a plan document (e.g. one `plan --format json` wrote), with a clear message when it is not one. */
export function parsePlanDocument(text: string, source = 'plan.json'): PlanDocument {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${source}: not JSON (${(e as Error).message})`);
  }
  const r = planDocumentSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new Error(`${source}: not a migration-guard plan: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  return r.data;
}
