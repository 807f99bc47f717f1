// The plan stage: the migrations under review -> phases (expand, backfill, validate, deploy,
// contract) with the SQL to run instead of each risky statement. Pure: no database, no I/O.
export type { Plan, PlanOptions, PlanPhase, PlanStep, PhaseName, Verification } from './types.js';
export { PHASE_NAMES } from './types.js';
export { renderPlanText, verificationLine } from './text.js';
export { planDocument, planJsonSchema, parsePlanDocument, type PlanDocument } from './json.js';
export { buildPlan } from './build.js';
