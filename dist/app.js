import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-RGTLKFBU.js";
import "./chunks/chunk-HVGMZGIV.js";
import "./chunks/chunk-COJ4L3KZ.js";
import "./chunks/chunk-U5W6SUN2.js";
import "./chunks/chunk-PTXCKEMP.js";
import "./chunks/chunk-HG34RRO4.js";
import "./chunks/chunk-XEF3333Q.js";
import "./chunks/chunk-EHH6CC44.js";
import "./chunks/chunk-CRU3OJFF.js";
import "./chunks/chunk-4I7UKKAC.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-45JDSWNU.js";
import "./chunks/chunk-UBPJFDOA.js";
import "./chunks/chunk-CRPVOVPB.js";
import "./chunks/chunk-5I4IUC2N.js";
import "./chunks/chunk-EGWSCFWY.js";
import "./chunks/chunk-2T3GAX63.js";
import "./chunks/chunk-YYT3UYLY.js";
import "./chunks/chunk-M7F56F33.js";
import "./chunks/chunk-JLES7RKZ.js";
import "./chunks/chunk-AXT75SFH.js";
import "./chunks/chunk-CUW4H2R5.js";
import "./chunks/chunk-GAJUOGXM.js";
import "./chunks/chunk-QGIMEMHQ.js";
import "./chunks/chunk-BKYH3ZIB.js";
import "./chunks/chunk-C4OQG7EQ.js";
import "./chunks/chunk-ZGDBGMMU.js";

// src/app/main.ts
startApp().catch((e) => {
  console.error(`migration-guard app: could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
