import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-Q2NFFAL7.js";
import "./chunk-XZ36M5Q4.js";
import "./chunk-A2LTKQTM.js";
import "./chunk-CYR363RC.js";
import "./chunk-7PDHHRXW.js";
import "./chunk-RJIW4HVH.js";
import "./chunk-DIYKRYLA.js";
import "./chunk-BBV3JMPD.js";
import "./chunk-JQXQ6DEC.js";
import "./chunk-CN43DROS.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-UG7UD3TJ.js";
import "./chunk-LUDCEHPK.js";
import "./chunk-ZIOZ33UB.js";
import "./chunk-DMW4FM6X.js";
import "./chunk-GFQVVOLB.js";
import "./chunk-CUM6X7PU.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
