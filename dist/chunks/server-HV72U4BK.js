import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  prepareManifestFlow,
  startApp
} from "./chunk-336JIBFF.js";
import "./chunk-W56VKJD3.js";
import "./chunk-CWO3ADBI.js";
import "./chunk-NJQNCQ5B.js";
import "./chunk-QNWOCEJP.js";
import "./chunk-OK4Z3IGT.js";
import "./chunk-R77JFOHR.js";
import "./chunk-7PDHHRXW.js";
import "./chunk-RJIW4HVH.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-DMW4FM6X.js";
import "./chunk-AGM2V5YA.js";
import "./chunk-HIVIFECN.js";
import "./chunk-7DEDEG2E.js";
import "./chunk-CUM6X7PU.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  prepareManifestFlow,
  startApp
};
