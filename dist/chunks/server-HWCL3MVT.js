import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-7Y2YOOWD.js";
import "./chunk-5DNQKLCJ.js";
import "./chunk-JNM4UQ53.js";
import "./chunk-276QULOO.js";
import "./chunk-BQW4RP54.js";
import "./chunk-NVAEBWL5.js";
import "./chunk-YRNP52AJ.js";
import "./chunk-YJLFCJFM.js";
import "./chunk-ARN7YUHD.js";
import "./chunk-4I7UKKAC.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-BCDIPO2D.js";
import "./chunk-UBPJFDOA.js";
import "./chunk-CRPVOVPB.js";
import "./chunk-K7JB4IEF.js";
import "./chunk-ATWPWNJZ.js";
import "./chunk-ZFBFSYF7.js";
import "./chunk-M7F56F33.js";
import "./chunk-2FJ3R25C.js";
import "./chunk-6ZNHY3OX.js";
import "./chunk-KRQTM44P.js";
import "./chunk-7BJ6A35V.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-QGIMEMHQ.js";
import "./chunk-BKYH3ZIB.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
