import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  parsePlanDocument,
  planDocument,
  planJsonSchema
} from "./chunk-BNYLBTWY.js";
import "./chunk-RJIW4HVH.js";
import {
  PHASE_NAMES,
  buildPlan,
  renderPlanText,
  verificationLine
} from "./chunk-VJPOWIPM.js";
import "./chunk-R57I6IGI.js";
import "./chunk-P4GTDAEQ.js";
import "./chunk-7DYYIT7H.js";
import "./chunk-CUM6X7PU.js";
import "./chunk-T6JTDSA5.js";
import "./chunk-ZGDBGMMU.js";
export {
  PHASE_NAMES,
  buildPlan,
  parsePlanDocument,
  planDocument,
  planJsonSchema,
  renderPlanText,
  verificationLine
};
