import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  parsePlanDocument,
  planDocument,
  planJsonSchema
} from "./chunk-HXNGSEXO.js";
import "./chunk-CRPVOVPB.js";
import {
  PHASE_NAMES,
  buildPlan,
  renderPlanText,
  verificationLine
} from "./chunk-X64BWBNE.js";
import "./chunk-RSPF6POG.js";
import "./chunk-RU7VR3SK.js";
import "./chunk-I2ZFNCD6.js";
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
