import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-JZNG4IHD.js";
import "./chunk-JFKLKTHJ.js";
import "./chunk-RPPZILEG.js";
import "./chunk-NTVTLWBC.js";
import "./chunk-UBPJFDOA.js";
import "./chunk-CRPVOVPB.js";
import "./chunk-IBTY62NR.js";
import "./chunk-2XGT7ME7.js";
import "./chunk-S32D3CSC.js";
import "./chunk-FC3R3YAT.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-4DM6UDSU.js";
import "./chunk-UHYKLGDE.js";
import "./chunk-DMW4FM6X.js";
import "./chunk-EGWSCFWY.js";
import "./chunk-TCUJOH2C.js";
import "./chunk-DA4DZLLF.js";
import "./chunk-KAFW6XA3.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-NXVMW54H.js";
import "./chunk-T6JTDSA5.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
