import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  PHASE_NAMES
} from "./chunk-MRESAA5M.js";
import {
  _enum,
  array,
  discriminatedUnion,
  literal,
  number,
  strictObject,
  string,
  toJSONSchema
} from "./chunk-CRPVOVPB.js";
import {
  OPERATION_KINDS
} from "./chunk-GAJUOGXM.js";

// src/plan/json.ts
var verificationSchema = discriminatedUnion("status", [
  strictObject({ status: literal("verified"), engine: string(), serverVersion: string(), seededRows: number().int().min(0) }),
  strictObject({
    status: literal("failed"),
    engine: string(),
    serverVersion: string(),
    seededRows: number().int().min(0),
    reason: string(),
    step: string().optional()
  }),
  strictObject({ status: literal("not-run"), reason: string() })
]);
var stepSchema = strictObject({
  /** `phase.step`, 1-based, as the text plan numbers them. */
  id: string(),
  operation: _enum(OPERATION_KINDS),
  prose: string(),
  sql: array(string()),
  transaction: _enum(["one", "none"]),
  /** The statement of the migration this step stands for. */
  source: strictObject({ path: string(), line: number().int().min(1) }),
  /** Set when the step rewrites that statement: its original text. */
  replaces: string().optional(),
  rollback: array(string()).optional()
});
var phaseSchema = strictObject({
  name: _enum(PHASE_NAMES),
  title: string(),
  steps: array(stepSchema),
  appMustDo: string().optional(),
  rollback: string(),
  rollbackSql: array(string()).optional(),
  verification: verificationSchema.optional(),
  /** What running `rollbackSql` right after the phase proved: it ran, and left the schema the phase started from. */
  rollbackVerification: verificationSchema.optional()
});
var planDocumentSchema = strictObject({
  kind: literal("migration-guard-plan"),
  version: literal(1),
  pgVersion: number().int(),
  phases: array(phaseSchema),
  notes: array(string()),
  verification: verificationSchema.optional()
});
function planJsonSchema() {
  return {
    $id: "migration-guard/plan-v1.json",
    title: "migration-guard plan, version 1",
    ...toJSONSchema(planDocumentSchema, { target: "draft-2020-12" })
  };
}
function planDocument(plan, pgVersion, verification) {
  return {
    kind: "migration-guard-plan",
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
        transaction: s.transactional ? "one" : "none",
        source: { path: s.migrationPath, line: s.line },
        ...s.replaces ? { replaces: s.replaces } : {},
        ...s.rollback ? { rollback: s.rollback } : {}
      })),
      ...p.appMustDo ? { appMustDo: p.appMustDo } : {},
      rollback: p.rollback,
      // Not the SQL of a rollback that was run and failed: a reader of rollbackSql would run it.
      ...p.rollbackSql && verification?.rollbacks?.[i]?.status !== "failed" ? { rollbackSql: p.rollbackSql } : {},
      ...verification?.phases[i] ? { verification: verification.phases[i] } : {},
      ...p.rollbackSql && verification?.rollbacks?.[i] ? { rollbackVerification: verification.rollbacks[i] } : {}
    })),
    notes: plan.notes,
    ...verification ? { verification: verification.plan } : {}
  };
}
function parsePlanDocument(text, source = "plan.json") {
  let data;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${source}: not JSON (${e.message})`);
  }
  const r = planDocumentSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`${source}: not a migration-guard plan: ${issue.path.join(".") || "(top)"}: ${issue.message}`);
  }
  return r.data;
}

export {
  planJsonSchema,
  planDocument,
  parsePlanDocument
};
