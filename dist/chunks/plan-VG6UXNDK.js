import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  parsePlanDocument,
  planDocument,
  planJsonSchema
} from "./chunk-HWMLMZMK.js";
import "./chunk-CRPVOVPB.js";
import {
  PHASE_NAMES,
  buildPlan,
  renderPlanText,
  verificationLine
} from "./chunk-X3AKBRHA.js";
import "./chunk-OQ3PMJUD.js";
import "./chunk-OZKWSANP.js";
import "./chunk-75TBZ2SY.js";
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
