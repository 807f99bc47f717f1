import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  prepareManifestFlow,
  startApp
} from "./chunk-5X3O5HDZ.js";
import "./chunk-GEATWRAH.js";
import "./chunk-CWO3ADBI.js";
import "./chunk-JUGEC6TN.js";
import "./chunk-ZKWPKABZ.js";
import "./chunk-ACDNYNYS.js";
import "./chunk-R77JFOHR.js";
import "./chunk-7PDHHRXW.js";
import "./chunk-RJIW4HVH.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-DMW4FM6X.js";
import "./chunk-GHXHIKBK.js";
import "./chunk-WTYTBEKE.js";
import "./chunk-7DEDEG2E.js";
import "./chunk-CUM6X7PU.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  prepareManifestFlow,
  startApp
};
