import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  parsePlanDocument,
  planDocument,
  planJsonSchema
} from "./chunk-E5KM5U27.js";
import {
  PHASE_NAMES,
  buildPlan,
  renderPlanText,
  verificationLine
} from "./chunk-FEWWAD7D.js";
import "./chunk-2EFWLV63.js";
import "./chunk-CRPVOVPB.js";
import "./chunk-PP33Q3RZ.js";
import "./chunk-HR3UTUST.js";
import "./chunk-CUW4H2R5.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-JYYL5Z2X.js";
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
