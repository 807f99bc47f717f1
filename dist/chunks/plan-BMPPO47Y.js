import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  parsePlanDocument,
  planDocument,
  planJsonSchema
} from "./chunk-TR4MP4C3.js";
import "./chunk-CRPVOVPB.js";
import {
  PHASE_NAMES,
  buildPlan,
  renderPlanText,
  verificationLine
} from "./chunk-MKWUL2VR.js";
import "./chunk-ZOVH3UEO.js";
import "./chunk-M473AYTS.js";
import "./chunk-W44ZGOZC.js";
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
