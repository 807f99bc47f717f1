import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  parsePlanDocument,
  planDocument,
  planJsonSchema
} from "./chunk-HDONFPCA.js";
import "./chunk-CRPVOVPB.js";
import {
  PHASE_NAMES,
  buildPlan,
  renderPlanText,
  verificationLine
} from "./chunk-GPKYOE2F.js";
import "./chunk-3UGVK57D.js";
import "./chunk-QA4YOPT6.js";
import "./chunk-ESH43FHK.js";
import "./chunk-KAFW6XA3.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-GASG4FJA.js";
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
