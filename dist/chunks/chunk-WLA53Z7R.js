import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-RJIW4HVH.js";
import {
  PHASE_NAMES
} from "./chunk-MKWUL2VR.js";
import {
  OPERATION_KINDS
} from "./chunk-CUM6X7PU.js";

// src/plan/json.ts
var verificationSchema = external_exports.discriminatedUnion("status", [
  external_exports.strictObject({ status: external_exports.literal("verified"), engine: external_exports.string(), serverVersion: external_exports.string(), seededRows: external_exports.number().int().min(0) }),
  external_exports.strictObject({
    status: external_exports.literal("failed"),
    engine: external_exports.string(),
    serverVersion: external_exports.string(),
    seededRows: external_exports.number().int().min(0),
    reason: external_exports.string(),
    step: external_exports.string().optional()
  }),
  external_exports.strictObject({ status: external_exports.literal("not-run"), reason: external_exports.string() })
]);
var stepSchema = external_exports.strictObject({
  /** `phase.step`, 1-based, as the text plan numbers them. */
  id: external_exports.string(),
  operation: external_exports.enum(OPERATION_KINDS),
  prose: external_exports.string(),
  sql: external_exports.array(external_exports.string()),
  transaction: external_exports.enum(["one", "none"]),
  /** The statement of the migration this step stands for. */
  source: external_exports.strictObject({ path: external_exports.string(), line: external_exports.number().int().min(1) }),
  /** Set when the step rewrites that statement: its original text. */
  replaces: external_exports.string().optional(),
  rollback: external_exports.array(external_exports.string()).optional()
});
var phaseSchema = external_exports.strictObject({
  name: external_exports.enum(PHASE_NAMES),
  title: external_exports.string(),
  steps: external_exports.array(stepSchema),
  appMustDo: external_exports.string().optional(),
  rollback: external_exports.string(),
  rollbackSql: external_exports.array(external_exports.string()).optional(),
  verification: verificationSchema.optional()
});
var planDocumentSchema = external_exports.strictObject({
  kind: external_exports.literal("migration-guard-plan"),
  version: external_exports.literal(1),
  pgVersion: external_exports.number().int(),
  phases: external_exports.array(phaseSchema),
  notes: external_exports.array(external_exports.string()),
  verification: verificationSchema.optional()
});
function planJsonSchema() {
  return {
    $id: "migration-guard/plan-v1.json",
    title: "migration-guard plan, version 1",
    ...external_exports.toJSONSchema(planDocumentSchema, { target: "draft-2020-12" })
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
      ...p.rollbackSql ? { rollbackSql: p.rollbackSql } : {},
      ...verification?.phases[i] ? { verification: verification.phases[i] } : {}
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
