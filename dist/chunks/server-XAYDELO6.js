import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-AQAA5TQR.js";
import "./chunk-GOKQRSZX.js";
import "./chunk-WLA53Z7R.js";
import "./chunk-CYR363RC.js";
import "./chunk-7PDHHRXW.js";
import "./chunk-RJIW4HVH.js";
import "./chunk-MWVEOPW3.js";
import "./chunk-MKWUL2VR.js";
import "./chunk-ZOVH3UEO.js";
import "./chunk-CN43DROS.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-32GHHFCX.js";
import "./chunk-62AXQOCY.js";
import "./chunk-M473AYTS.js";
import "./chunk-W44ZGOZC.js";
import "./chunk-DMW4FM6X.js";
import "./chunk-GFQVVOLB.js";
import "./chunk-CUM6X7PU.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
