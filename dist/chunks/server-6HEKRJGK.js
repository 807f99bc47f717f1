import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-7FCMNDDK.js";
import "./chunk-KZAA4DJ6.js";
import "./chunk-CWO3ADBI.js";
import "./chunk-5D3ATO6A.js";
import "./chunk-HNLJYB64.js";
import "./chunk-NA2O5GRV.js";
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
  startApp
};
