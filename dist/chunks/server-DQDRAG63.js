import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-L4GGOW2Y.js";
import "./chunk-4ZYPCQIC.js";
import "./chunk-HWMLMZMK.js";
import "./chunk-5ZNOQRKC.js";
import "./chunk-UBPJFDOA.js";
import "./chunk-CRPVOVPB.js";
import "./chunk-U5WW7ZJ7.js";
import "./chunk-X3AKBRHA.js";
import "./chunk-OQ3PMJUD.js";
import "./chunk-QLHDLUSU.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-YTZCQSTZ.js";
import "./chunk-KABOKMKO.js";
import "./chunk-OZKWSANP.js";
import "./chunk-75TBZ2SY.js";
import "./chunk-W6STXGJT.js";
import "./chunk-DMW4FM6X.js";
import "./chunk-GFQVVOLB.js";
import "./chunk-CUM6X7PU.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
