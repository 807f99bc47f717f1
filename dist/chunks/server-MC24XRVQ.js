import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-RSXA2KIL.js";
import "./chunk-S3PHZGLE.js";
import "./chunk-BNYLBTWY.js";
import "./chunk-74IYIHTI.js";
import "./chunk-7PDHHRXW.js";
import "./chunk-RJIW4HVH.js";
import "./chunk-RZK2YXRI.js";
import "./chunk-VJPOWIPM.js";
import "./chunk-R57I6IGI.js";
import "./chunk-CN43DROS.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-ZRYLSOW6.js";
import "./chunk-O3DVXHPV.js";
import "./chunk-P4GTDAEQ.js";
import "./chunk-DMW4FM6X.js";
import "./chunk-7DYYIT7H.js";
import "./chunk-CUM6X7PU.js";
import "./chunk-T6JTDSA5.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
