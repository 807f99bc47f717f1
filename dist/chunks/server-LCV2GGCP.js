import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunk-MIIQC2TM.js";
import "./chunk-V7BR3ROW.js";
import "./chunk-TXJGHAGG.js";
import "./chunk-5ZNOQRKC.js";
import "./chunk-UBPJFDOA.js";
import "./chunk-CRPVOVPB.js";
import "./chunk-7GJNRTZY.js";
import "./chunk-ICVORHF6.js";
import "./chunk-TVYTEV5Q.js";
import "./chunk-QLHDLUSU.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-GSHK5QBD.js";
import "./chunk-3GY36IWR.js";
import "./chunk-AQ4CKALA.js";
import "./chunk-Q6GQYM45.js";
import "./chunk-M27OREB5.js";
import "./chunk-DMW4FM6X.js";
import "./chunk-GFQVVOLB.js";
import "./chunk-CUM6X7PU.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";
export {
  startApp
};
