import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  parsePlanDocument,
  planDocument,
  planJsonSchema
} from "./chunk-42W57RNL.js";
import {
  PHASE_NAMES,
  buildPlan,
  renderPlanText,
  verificationLine
} from "./chunk-K4YEWV3P.js";
import "./chunk-J5VOLU4Z.js";
import "./chunk-CRPVOVPB.js";
import "./chunk-UE3NT7ZQ.js";
import "./chunk-QWU7ZTZL.js";
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
