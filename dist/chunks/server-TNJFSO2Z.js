import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-6E6JBP3K.js";
import "./chunk-MTNXLFTH.js";
import "./chunk-Z4YWVK2L.js";
import "./chunk-5ZNOQRKC.js";
import "./chunk-UBPJFDOA.js";
import "./chunk-CRPVOVPB.js";
import "./chunk-U533O73U.js";
import "./chunk-3Z4G5N2P.js";
import "./chunk-6FMBX7GO.js";
import "./chunk-QLHDLUSU.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-G4HX6ETJ.js";
import "./chunk-67FMOH27.js";
import "./chunk-XA526BWC.js";
import "./chunk-EL46WGV2.js";
import "./chunk-W6STXGJT.js";
import "./chunk-DMW4FM6X.js";
import "./chunk-AXGHJB3C.js";
import "./chunk-CUM6X7PU.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
