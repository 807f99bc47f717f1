import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-UNQRWM7W.js";
import "./chunk-AO6GBALX.js";
import "./chunk-CWO3ADBI.js";
import "./chunk-HJHHM4DA.js";
import "./chunk-K2352WEA.js";
import "./chunk-XZNWCAYG.js";
import "./chunk-R77JFOHR.js";
import "./chunk-7PDHHRXW.js";
import "./chunk-RJIW4HVH.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-DMW4FM6X.js";
import "./chunk-KI3KKKYE.js";
import "./chunk-HYIWFT2K.js";
import "./chunk-7DEDEG2E.js";
import "./chunk-CUM6X7PU.js";
import "./chunk-T6JTDSA5.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
