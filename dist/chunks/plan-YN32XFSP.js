import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  parsePlanDocument,
  planDocument,
  planJsonSchema
} from "./chunk-PNQ373PX.js";
import "./chunk-CRPVOVPB.js";
import {
  PHASE_NAMES,
  buildPlan,
  renderPlanText,
  verificationLine
} from "./chunk-T5VH7YJL.js";
import "./chunk-RZB2ZV6F.js";
import "./chunk-R6BKVYTY.js";
import "./chunk-4ZOB6AYH.js";
import "./chunk-U4IZUMWU.js";
import "./chunk-GAJUOGXM.js";
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
