import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-SUGFAUEN.js";
import "./chunk-JCVIQEW3.js";
import "./chunk-K3RVIZU7.js";
import "./chunk-74IYIHTI.js";
import "./chunk-7PDHHRXW.js";
import "./chunk-RJIW4HVH.js";
import "./chunk-L33XHGJY.js";
import "./chunk-5A73NWEP.js";
import "./chunk-64NZLZ2A.js";
import "./chunk-CN43DROS.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-AM6ZXGRL.js";
import "./chunk-BEANBOFF.js";
import "./chunk-UVGIJ6T4.js";
import "./chunk-DMW4FM6X.js";
import "./chunk-W4GXSONE.js";
import "./chunk-CUM6X7PU.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
