import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  prepareManifestFlow,
  startApp
} from "./chunk-KPZS4IG7.js";
import "./chunk-DD6NMPHF.js";
import "./chunk-NWXEGW5G.js";
import "./chunk-ITOHQUP3.js";
import "./chunk-SNG267DI.js";
import "./chunk-YMMEINJM.js";
import "./chunk-36QRJYS2.js";
import "./chunk-2ACATDIL.js";
import "./chunk-XYMARAZM.js";
import "./chunk-3ZUQOVGA.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-DMW4FM6X.js";
import "./chunk-ZGWIC3QZ.js";
import "./chunk-7DEDEG2E.js";
import "./chunk-CUM6X7PU.js";
import "./chunk-AS2FDFP5.js";
import "./chunk-ZGDBGMMU.js";
export {
  prepareManifestFlow,
  startApp
};
