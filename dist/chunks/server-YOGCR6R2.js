import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-EIYYPBMF.js";
import "./chunk-WCCN4XXB.js";
import "./chunk-PNQ373PX.js";
import "./chunk-NTVTLWBC.js";
import "./chunk-UBPJFDOA.js";
import "./chunk-CRPVOVPB.js";
import "./chunk-JIMMJY5L.js";
import "./chunk-T5VH7YJL.js";
import "./chunk-RZB2ZV6F.js";
import "./chunk-FC3R3YAT.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-6YA5SE7Z.js";
import "./chunk-EGWSCFWY.js";
import "./chunk-QDBEP3XU.js";
import "./chunk-DMW4FM6X.js";
import "./chunk-R6BKVYTY.js";
import "./chunk-4ZOB6AYH.js";
import "./chunk-U4IZUMWU.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
