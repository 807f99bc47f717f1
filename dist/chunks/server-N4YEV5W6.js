import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-BKQYMYO2.js";
import "./chunk-R6BJ4YHE.js";
import "./chunk-FHH2XMYX.js";
import "./chunk-E5KM5U27.js";
import "./chunk-NU2U44DZ.js";
import "./chunk-CLOZ6XY2.js";
import "./chunk-FEWWAD7D.js";
import "./chunk-2EFWLV63.js";
import "./chunk-CRU3OJFF.js";
import "./chunk-4I7UKKAC.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-45JDSWNU.js";
import "./chunk-UBPJFDOA.js";
import "./chunk-CRPVOVPB.js";
import "./chunk-O545ALXD.js";
import "./chunk-EGWSCFWY.js";
import "./chunk-2T3GAX63.js";
import "./chunk-HQ65UJES.js";
import "./chunk-M7F56F33.js";
import "./chunk-PP33Q3RZ.js";
import "./chunk-HR3UTUST.js";
import "./chunk-CUW4H2R5.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-JYYL5Z2X.js";
import "./chunk-BKYH3ZIB.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
