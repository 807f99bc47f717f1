import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-OEIFC2U7.js";
import "./chunk-KHGS6S2H.js";
import "./chunk-6AFMK7LM.js";
import "./chunk-74IYIHTI.js";
import "./chunk-7PDHHRXW.js";
import "./chunk-RJIW4HVH.js";
import "./chunk-U3IFFPVG.js";
import "./chunk-INLVSP7J.js";
import "./chunk-KIMP6INT.js";
import "./chunk-CN43DROS.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-DMW4FM6X.js";
import "./chunk-4LTRHOEI.js";
import "./chunk-XVR3H37E.js";
import "./chunk-63OLC3M2.js";
import "./chunk-CUM6X7PU.js";
import "./chunk-T6JTDSA5.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
