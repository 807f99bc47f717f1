import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-5XHO3LZP.js";
import "./chunk-4633BRFH.js";
import "./chunk-TR4MP4C3.js";
import "./chunk-5ZNOQRKC.js";
import "./chunk-UBPJFDOA.js";
import "./chunk-CRPVOVPB.js";
import "./chunk-PIFIFCNC.js";
import "./chunk-MKWUL2VR.js";
import "./chunk-ZOVH3UEO.js";
import "./chunk-QLHDLUSU.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-KKP4JGJL.js";
import "./chunk-JW643RSO.js";
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
