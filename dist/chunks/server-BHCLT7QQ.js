import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-ZVVCDOMG.js";
import "./chunk-NPUUHPVI.js";
import "./chunk-HDONFPCA.js";
import "./chunk-NTVTLWBC.js";
import "./chunk-UBPJFDOA.js";
import "./chunk-CRPVOVPB.js";
import "./chunk-WITH53P7.js";
import "./chunk-GPKYOE2F.js";
import "./chunk-3UGVK57D.js";
import "./chunk-FC3R3YAT.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-D6A7IGHL.js";
import "./chunk-23ZGW36R.js";
import "./chunk-DMW4FM6X.js";
import "./chunk-EGWSCFWY.js";
import "./chunk-QA4YOPT6.js";
import "./chunk-ESH43FHK.js";
import "./chunk-KAFW6XA3.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-GASG4FJA.js";
import "./chunk-T6JTDSA5.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
