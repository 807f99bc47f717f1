import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-BKQYMYO2.js";
import "./chunks/chunk-R6BJ4YHE.js";
import "./chunks/chunk-FHH2XMYX.js";
import "./chunks/chunk-E5KM5U27.js";
import "./chunks/chunk-NU2U44DZ.js";
import "./chunks/chunk-CLOZ6XY2.js";
import "./chunks/chunk-FEWWAD7D.js";
import "./chunks/chunk-2EFWLV63.js";
import "./chunks/chunk-CRU3OJFF.js";
import "./chunks/chunk-4I7UKKAC.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-45JDSWNU.js";
import "./chunks/chunk-UBPJFDOA.js";
import "./chunks/chunk-CRPVOVPB.js";
import "./chunks/chunk-O545ALXD.js";
import "./chunks/chunk-EGWSCFWY.js";
import "./chunks/chunk-2T3GAX63.js";
import "./chunks/chunk-HQ65UJES.js";
import "./chunks/chunk-M7F56F33.js";
import "./chunks/chunk-PP33Q3RZ.js";
import "./chunks/chunk-HR3UTUST.js";
import "./chunks/chunk-CUW4H2R5.js";
import "./chunks/chunk-GAJUOGXM.js";
import "./chunks/chunk-JYYL5Z2X.js";
import "./chunks/chunk-BKYH3ZIB.js";
import "./chunks/chunk-C4OQG7EQ.js";
import "./chunks/chunk-ZGDBGMMU.js";

// src/app/main.ts
startApp().catch((e) => {
  console.error(`migration-guard app: could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
