import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  parsePlanDocument,
  planDocument,
  planJsonSchema
} from "./chunk-KMK3TYT2.js";
import {
  PHASE_NAMES,
  buildPlan,
  renderPlanText,
  verificationLine
} from "./chunk-VUD6WAU2.js";
import "./chunk-HTIKAIGM.js";
import "./chunk-CRPVOVPB.js";
import "./chunk-NCBZBQAY.js";
import "./chunk-B2AB5ODS.js";
import "./chunk-UTBNT2LW.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-BDVNOOZC.js";
import "./chunk-A3JI777A.js";
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
