import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  parsePlanDocument,
  planDocument,
  planJsonSchema
} from "./chunk-WTCUOG7R.js";
import "./chunk-RJIW4HVH.js";
import {
  PHASE_NAMES,
  buildPlan,
  renderPlanText,
  verificationLine
} from "./chunk-FOTG43ZO.js";
import "./chunk-FDF4AYA7.js";
import "./chunk-Q2P7CRT3.js";
import "./chunk-ZIOZ33UB.js";
import "./chunk-GFQVVOLB.js";
import "./chunk-CUM6X7PU.js";
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
