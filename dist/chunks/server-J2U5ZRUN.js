import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-KF23SK2S.js";
import "./chunk-4LJYTEWE.js";
import "./chunk-WGO4PAPB.js";
import "./chunk-NTVTLWBC.js";
import "./chunk-UBPJFDOA.js";
import "./chunk-CRPVOVPB.js";
import "./chunk-VDFA5MLU.js";
import "./chunk-V3SUC56D.js";
import "./chunk-TAADQLEX.js";
import "./chunk-FC3R3YAT.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-42S443HH.js";
import "./chunk-EGWSCFWY.js";
import "./chunk-KZSMXPAX.js";
import "./chunk-DMW4FM6X.js";
import "./chunk-IMVOTMCP.js";
import "./chunk-DBHT5RFC.js";
import "./chunk-U4IZUMWU.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
