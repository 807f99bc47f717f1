import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-KYA2ATLA.js";
import "./chunk-M4B55YJZ.js";
import "./chunk-J3GDONXB.js";
import "./chunk-TIZ72LY4.js";
import "./chunk-4I7UKKAC.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-SQKQK66G.js";
import "./chunk-QXSAJGNQ.js";
import "./chunk-SLFEKWWH.js";
import "./chunk-MZGAIC4D.js";
import "./chunk-GZIZ33TD.js";
import "./chunk-UBPJFDOA.js";
import "./chunk-CRPVOVPB.js";
import "./chunk-RIY6NIZR.js";
import "./chunk-BDFYVYTE.js";
import "./chunk-WUBRGN6A.js";
import "./chunk-O6AHY4CV.js";
import "./chunk-M7F56F33.js";
import "./chunk-2FJ3R25C.js";
import "./chunk-UBYWTKN5.js";
import "./chunk-NTDTDA7A.js";
import "./chunk-TQ5DHK46.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-BDVNOOZC.js";
import "./chunk-A3JI777A.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
