import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  prepareManifestFlow,
  startApp
} from "./chunk-FBJ2NGRN.js";
import "./chunk-A5WJKREH.js";
import "./chunk-LQWHMU3R.js";
import "./chunk-T3BECD6Z.js";
import "./chunk-CDCFNHYY.js";
import "./chunk-AXHFSGML.js";
import "./chunk-MPSRRXMA.js";
import "./chunk-XYMARAZM.js";
import "./chunk-3ZUQOVGA.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-DMW4FM6X.js";
import "./chunk-2MR2PNE5.js";
import "./chunk-FBK5TPVZ.js";
import "./chunk-7DEDEG2E.js";
import "./chunk-CUM6X7PU.js";
import "./chunk-AS2FDFP5.js";
import "./chunk-ZGDBGMMU.js";
export {
  prepareManifestFlow,
  startApp
};
