import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  PHASE_NAMES,
  buildPlan,
  parsePlanDocument,
  planDocument,
  planJsonSchema,
  renderPlanText,
  verificationLine
} from "./chunk-HNLJYB64.js";
import "./chunk-RJIW4HVH.js";
import "./chunk-32WBQEXE.js";
import "./chunk-3X3OS5NN.js";
import "./chunk-7DEDEG2E.js";
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
