import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-DS32SLKL.js";
import "./chunk-VTJLCOUY.js";
import "./chunk-ZXXZHXJX.js";
import "./chunk-74IYIHTI.js";
import "./chunk-7PDHHRXW.js";
import "./chunk-RJIW4HVH.js";
import "./chunk-N6WV4L73.js";
import "./chunk-Y3DSKCU3.js";
import "./chunk-3QMQKJBU.js";
import "./chunk-CN43DROS.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-O5HXW2NP.js";
import "./chunk-TG2T6NIV.js";
import "./chunk-7OPQ22YC.js";
import "./chunk-DMW4FM6X.js";
import "./chunk-63OLC3M2.js";
import "./chunk-CUM6X7PU.js";
import "./chunk-T6JTDSA5.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
