import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  parsePlanDocument,
  planDocument,
  planJsonSchema
} from "./chunk-STCQM5JI.js";
import {
  PHASE_NAMES,
  buildPlan,
  renderPlanText,
  verificationLine
} from "./chunk-R3XHRRWM.js";
import "./chunk-CNLOJ7MV.js";
import "./chunk-CRPVOVPB.js";
import "./chunk-PFL4GIEE.js";
import "./chunk-WUDUNKN3.js";
import "./chunk-PLFNNFNN.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-QGIMEMHQ.js";
import "./chunk-BKYH3ZIB.js";
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
