import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-XIL5YYPL.js";
import "./chunk-3JMUFO37.js";
import "./chunk-HXNGSEXO.js";
import "./chunk-NTVTLWBC.js";
import "./chunk-UBPJFDOA.js";
import "./chunk-CRPVOVPB.js";
import "./chunk-VIBKWNRV.js";
import "./chunk-X64BWBNE.js";
import "./chunk-RSPF6POG.js";
import "./chunk-FC3R3YAT.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-4MY55WFK.js";
import "./chunk-5KYLD3CL.js";
import "./chunk-DMW4FM6X.js";
import "./chunk-EGWSCFWY.js";
import "./chunk-RU7VR3SK.js";
import "./chunk-I2ZFNCD6.js";
import "./chunk-KAFW6XA3.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-NXVMW54H.js";
import "./chunk-T6JTDSA5.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
