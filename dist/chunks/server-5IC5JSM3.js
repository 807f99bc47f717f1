import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  prepareManifestFlow,
  startApp
} from "./chunk-HUQOMY52.js";
import "./chunk-Y67XNDQL.js";
import "./chunk-CWO3ADBI.js";
import "./chunk-X5GXH7L6.js";
import "./chunk-O5ZUMBBL.js";
import "./chunk-VUYLCFI3.js";
import "./chunk-R77JFOHR.js";
import "./chunk-7PDHHRXW.js";
import "./chunk-RJIW4HVH.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-DMW4FM6X.js";
import "./chunk-32WBQEXE.js";
import "./chunk-3X3OS5NN.js";
import "./chunk-7DEDEG2E.js";
import "./chunk-CUM6X7PU.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  prepareManifestFlow,
  startApp
};
