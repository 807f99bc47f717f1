import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-JEJYOPUN.js";
import "./chunk-IAGJWP2G.js";
import "./chunk-J3GDONXB.js";
import "./chunk-YYMWMFAC.js";
import "./chunk-4I7UKKAC.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-SK4BZ4RP.js";
import "./chunk-P46DMTAS.js";
import "./chunk-XWSQYYAE.js";
import "./chunk-UIRCFJQU.js";
import "./chunk-GDG2TXVN.js";
import "./chunk-UBPJFDOA.js";
import "./chunk-CRPVOVPB.js";
import "./chunk-GYWIRSZE.js";
import "./chunk-YZNHLSLL.js";
import "./chunk-FHUQKCFL.js";
import "./chunk-O6AHY4CV.js";
import "./chunk-M7F56F33.js";
import "./chunk-2FJ3R25C.js";
import "./chunk-2VGUKKC4.js";
import "./chunk-IN3PTRDP.js";
import "./chunk-UTBNT2LW.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-BDVNOOZC.js";
import "./chunk-A3JI777A.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
