import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-B4TL7F5M.js";
import "./chunk-UC7JNTB6.js";
import "./chunk-J3GDONXB.js";
import "./chunk-2YH6MXWA.js";
import "./chunk-4I7UKKAC.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-42W57RNL.js";
import "./chunk-TYFQS2RL.js";
import "./chunk-PLFU5V7P.js";
import "./chunk-K4YEWV3P.js";
import "./chunk-J5VOLU4Z.js";
import "./chunk-UBPJFDOA.js";
import "./chunk-CRPVOVPB.js";
import "./chunk-FFGS6OUK.js";
import "./chunk-YZNHLSLL.js";
import "./chunk-QGNSZB3M.js";
import "./chunk-O6AHY4CV.js";
import "./chunk-M7F56F33.js";
import "./chunk-2FJ3R25C.js";
import "./chunk-UE3NT7ZQ.js";
import "./chunk-QWU7ZTZL.js";
import "./chunk-UTBNT2LW.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-BDVNOOZC.js";
import "./chunk-A3JI777A.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
