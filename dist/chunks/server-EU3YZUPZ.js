import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-MJRBZM5F.js";
import "./chunk-W53OHIJB.js";
import "./chunk-J3GDONXB.js";
import "./chunk-EKU36ZOJ.js";
import "./chunk-4I7UKKAC.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-KMK3TYT2.js";
import "./chunk-GFS5CTOM.js";
import "./chunk-SIYD46K5.js";
import "./chunk-VUD6WAU2.js";
import "./chunk-HTIKAIGM.js";
import "./chunk-UBPJFDOA.js";
import "./chunk-CRPVOVPB.js";
import "./chunk-6BL2SJKZ.js";
import "./chunk-YZNHLSLL.js";
import "./chunk-MJS5PQEV.js";
import "./chunk-O6AHY4CV.js";
import "./chunk-M7F56F33.js";
import "./chunk-2FJ3R25C.js";
import "./chunk-NCBZBQAY.js";
import "./chunk-B2AB5ODS.js";
import "./chunk-UTBNT2LW.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-BDVNOOZC.js";
import "./chunk-A3JI777A.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
