import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  prepareManifestFlow,
  startApp
} from "./chunk-CTGAX2LW.js";
import "./chunk-X7LTFV4B.js";
import "./chunk-CWO3ADBI.js";
import "./chunk-23O2PBHV.js";
import "./chunk-776BGJ5T.js";
import "./chunk-X7IX4G4T.js";
import "./chunk-4PPQNGVR.js";
import "./chunk-R77JFOHR.js";
import "./chunk-7PDHHRXW.js";
import "./chunk-RJIW4HVH.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-DMW4FM6X.js";
import "./chunk-ZGWIC3QZ.js";
import "./chunk-7DEDEG2E.js";
import "./chunk-CUM6X7PU.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  prepareManifestFlow,
  startApp
};
