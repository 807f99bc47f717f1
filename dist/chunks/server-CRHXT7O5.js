import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-C425PZBJ.js";
import "./chunk-TTKMC3VZ.js";
import "./chunk-TR4MP4C3.js";
import "./chunk-5ZNOQRKC.js";
import "./chunk-UBPJFDOA.js";
import "./chunk-CRPVOVPB.js";
import "./chunk-NMGDD245.js";
import "./chunk-MKWUL2VR.js";
import "./chunk-ZOVH3UEO.js";
import "./chunk-QLHDLUSU.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-4N2S24XS.js";
import "./chunk-WGLZQZXU.js";
import "./chunk-M473AYTS.js";
import "./chunk-W44ZGOZC.js";
import "./chunk-M27OREB5.js";
import "./chunk-DMW4FM6X.js";
import "./chunk-GFQVVOLB.js";
import "./chunk-CUM6X7PU.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
