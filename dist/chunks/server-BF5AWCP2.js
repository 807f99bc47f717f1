import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-V7YQWQK4.js";
import "./chunk-LLM56AQI.js";
import "./chunk-SB3WWWX4.js";
import "./chunk-YNBMPLQX.js";
import "./chunk-NERLK6YZ.js";
import "./chunk-TRQ5RGOX.js";
import "./chunk-5BQ6DS2H.js";
import "./chunk-TA7Q6LOO.js";
import "./chunk-ARN7YUHD.js";
import "./chunk-4I7UKKAC.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-BCDIPO2D.js";
import "./chunk-UBPJFDOA.js";
import "./chunk-CRPVOVPB.js";
import "./chunk-YR2A6R5V.js";
import "./chunk-Q2OHSGXS.js";
import "./chunk-FJSWYJIY.js";
import "./chunk-M7F56F33.js";
import "./chunk-2FJ3R25C.js";
import "./chunk-E6MAL5MB.js";
import "./chunk-MWFXC2FY.js";
import "./chunk-CTL3ZZCH.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-QGIMEMHQ.js";
import "./chunk-BKYH3ZIB.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
