import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-IM33NEQQ.js";
import "./chunk-EEOLLJ2T.js";
import "./chunk-J3GDONXB.js";
import "./chunk-KHMSKJUR.js";
import "./chunk-4I7UKKAC.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-N5WFYR5U.js";
import "./chunk-LORA4CZ3.js";
import "./chunk-PF5ISWMH.js";
import "./chunk-QOMLNQTS.js";
import "./chunk-GZIZ33TD.js";
import "./chunk-UBPJFDOA.js";
import "./chunk-CRPVOVPB.js";
import "./chunk-HK7PJZAX.js";
import "./chunk-BDFYVYTE.js";
import "./chunk-4QHGWZ4T.js";
import "./chunk-O6AHY4CV.js";
import "./chunk-M7F56F33.js";
import "./chunk-2FJ3R25C.js";
import "./chunk-UBYWTKN5.js";
import "./chunk-NTDTDA7A.js";
import "./chunk-TQ5DHK46.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-BDVNOOZC.js";
import "./chunk-A3JI777A.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
