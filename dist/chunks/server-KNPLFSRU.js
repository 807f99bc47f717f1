import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  prepareManifestFlow,
  startApp
} from "./chunk-677KFP2D.js";
import "./chunk-E2BWM4K4.js";
import "./chunk-GG6NLQCR.js";
import "./chunk-E7IAAY2X.js";
import "./chunk-O6CBN35K.js";
import "./chunk-TOHTAT4X.js";
import "./chunk-2ACATDIL.js";
import "./chunk-XYMARAZM.js";
import "./chunk-3ZUQOVGA.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-DMW4FM6X.js";
import "./chunk-ZDAWYZWQ.js";
import "./chunk-DUVT3QYW.js";
import "./chunk-7DEDEG2E.js";
import "./chunk-CUM6X7PU.js";
import "./chunk-AS2FDFP5.js";
import "./chunk-ZGDBGMMU.js";
export {
  prepareManifestFlow,
  startApp
};
