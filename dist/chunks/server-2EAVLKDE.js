import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-4TJLBQIL.js";
import "./chunk-IZQVJEFN.js";
import "./chunk-BOO6NGI6.js";
import "./chunk-CYR363RC.js";
import "./chunk-7PDHHRXW.js";
import "./chunk-RJIW4HVH.js";
import "./chunk-5PUL46OP.js";
import "./chunk-ZDOYEGLC.js";
import "./chunk-CQXQ7UZ6.js";
import "./chunk-CN43DROS.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-QO3R3DDT.js";
import "./chunk-6QD3NLQK.js";
import "./chunk-L5VUPMEX.js";
import "./chunk-DMW4FM6X.js";
import "./chunk-W4GXSONE.js";
import "./chunk-CUM6X7PU.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
