import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  parsePlanDocument,
  planDocument,
  planJsonSchema
} from "./chunk-RPPZILEG.js";
import "./chunk-CRPVOVPB.js";
import {
  PHASE_NAMES,
  buildPlan,
  renderPlanText,
  verificationLine
} from "./chunk-2XGT7ME7.js";
import "./chunk-S32D3CSC.js";
import "./chunk-TCUJOH2C.js";
import "./chunk-DA4DZLLF.js";
import "./chunk-KAFW6XA3.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-NXVMW54H.js";
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
