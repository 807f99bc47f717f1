import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-6ZXDYIBT.js";
import "./chunk-GK63Z4WB.js";
import "./chunk-454FFOPD.js";
import "./chunk-CYR363RC.js";
import "./chunk-7PDHHRXW.js";
import "./chunk-RJIW4HVH.js";
import "./chunk-FCDXVSLD.js";
import "./chunk-DXY74ACS.js";
import "./chunk-I5Q4XAEX.js";
import "./chunk-CN43DROS.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-VYAU4YCJ.js";
import "./chunk-NPDPUWOI.js";
import "./chunk-3JWST7H4.js";
import "./chunk-DMW4FM6X.js";
import "./chunk-GFQVVOLB.js";
import "./chunk-CUM6X7PU.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
