import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-XPCQUMMG.js";
import "./chunk-QYF6USUK.js";
import "./chunk-BAQU2EJU.js";
import "./chunk-74IYIHTI.js";
import "./chunk-7PDHHRXW.js";
import "./chunk-RJIW4HVH.js";
import "./chunk-YIU5CGAR.js";
import "./chunk-V5Q226LH.js";
import "./chunk-HN47WM6P.js";
import "./chunk-CN43DROS.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-ZK5UP7HU.js";
import "./chunk-2CUW5CEC.js";
import "./chunk-AJ3V2DPO.js";
import "./chunk-DMW4FM6X.js";
import "./chunk-W4GXSONE.js";
import "./chunk-CUM6X7PU.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
