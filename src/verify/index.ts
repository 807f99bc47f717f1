// The verify stage: every piece of SQL we print is run before it is shown as advice. Plans run
// phase by phase against the schema the migrations produce; suggestions run in place of the
// statement they replace, or before it when they say so.
export { verifyPlan, type PlanVerification, type VerifyInput, type VerifyOptions } from './plan.js';
export { verifySuggestions, runnableSuggestion, templateOptions, type SuggestionRun } from './suggestions.js';
export { readColumnShapes, readMigrationShapes, hasShapeTargets } from './shapes.js';
export { VerifySession } from './session.js';
