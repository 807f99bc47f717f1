import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-RGTLKFBU.js";
import "./chunk-HVGMZGIV.js";
import "./chunk-COJ4L3KZ.js";
import "./chunk-U5W6SUN2.js";
import "./chunk-PTXCKEMP.js";
import "./chunk-HG34RRO4.js";
import "./chunk-XEF3333Q.js";
import "./chunk-EHH6CC44.js";
import "./chunk-CRU3OJFF.js";
import "./chunk-4I7UKKAC.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-45JDSWNU.js";
import "./chunk-UBPJFDOA.js";
import "./chunk-CRPVOVPB.js";
import "./chunk-5I4IUC2N.js";
import "./chunk-EGWSCFWY.js";
import "./chunk-2T3GAX63.js";
import "./chunk-YYT3UYLY.js";
import "./chunk-M7F56F33.js";
import "./chunk-JLES7RKZ.js";
import "./chunk-AXT75SFH.js";
import "./chunk-CUW4H2R5.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-QGIMEMHQ.js";
import "./chunk-BKYH3ZIB.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
