import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-E7YKWSKM.js";
import "./chunk-NE33QMLW.js";
import "./chunk-O3CTZTF3.js";
import "./chunk-STCQM5JI.js";
import "./chunk-4MC3XWKK.js";
import "./chunk-46WCHPGE.js";
import "./chunk-R3XHRRWM.js";
import "./chunk-CNLOJ7MV.js";
import "./chunk-ARN7YUHD.js";
import "./chunk-4I7UKKAC.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-BCDIPO2D.js";
import "./chunk-UBPJFDOA.js";
import "./chunk-CRPVOVPB.js";
import "./chunk-SQKLX34I.js";
import "./chunk-IUXZYRAU.js";
import "./chunk-XLFHIRZD.js";
import "./chunk-M7F56F33.js";
import "./chunk-2FJ3R25C.js";
import "./chunk-PFL4GIEE.js";
import "./chunk-WUDUNKN3.js";
import "./chunk-PLFNNFNN.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-QGIMEMHQ.js";
import "./chunk-BKYH3ZIB.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
