import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  parsePlanDocument,
  planDocument,
  planJsonSchema
} from "./chunk-WGO4PAPB.js";
import "./chunk-CRPVOVPB.js";
import {
  PHASE_NAMES,
  buildPlan,
  renderPlanText,
  verificationLine
} from "./chunk-V3SUC56D.js";
import "./chunk-TAADQLEX.js";
import "./chunk-IMVOTMCP.js";
import "./chunk-DBHT5RFC.js";
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
