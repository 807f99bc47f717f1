import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-DKD6W6DI.js";
import "./chunk-YPGMTMRV.js";
import "./chunk-L7Z44GLS.js";
import "./chunk-BBEK6YX4.js";
import "./chunk-Q2FU2UXF.js";
import "./chunk-TDEUNMES.js";
import "./chunk-MRESAA5M.js";
import "./chunk-MBFNBSKS.js";
import "./chunk-JDTEEXS6.js";
import "./chunk-TGAEFO6I.js";
import "./chunk-4I7UKKAC.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-UBPJFDOA.js";
import "./chunk-CRPVOVPB.js";
import "./chunk-LHUFNNUF.js";
import "./chunk-YZNHLSLL.js";
import "./chunk-UHER332N.js";
import "./chunk-M7F56F33.js";
import "./chunk-2FJ3R25C.js";
import "./chunk-YRNUPKXT.js";
import "./chunk-RRVIRGX7.js";
import "./chunk-UTBNT2LW.js";
import "./chunk-O6AHY4CV.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-KBDENZBY.js";
import "./chunk-A3JI777A.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
