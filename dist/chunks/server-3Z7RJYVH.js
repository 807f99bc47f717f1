import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-T4FLRN7R.js";
import "./chunk-XPJ7XCLI.js";
import "./chunk-WTCUOG7R.js";
import "./chunk-CYR363RC.js";
import "./chunk-7PDHHRXW.js";
import "./chunk-RJIW4HVH.js";
import "./chunk-SOYQZZYB.js";
import "./chunk-FOTG43ZO.js";
import "./chunk-FDF4AYA7.js";
import "./chunk-CN43DROS.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-B555FC6F.js";
import "./chunk-NDQ3OFQA.js";
import "./chunk-Q2P7CRT3.js";
import "./chunk-ZIOZ33UB.js";
import "./chunk-DMW4FM6X.js";
import "./chunk-GFQVVOLB.js";
import "./chunk-CUM6X7PU.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
