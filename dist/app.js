import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-ZVVCDOMG.js";
import "./chunks/chunk-NPUUHPVI.js";
import "./chunks/chunk-HDONFPCA.js";
import "./chunks/chunk-NTVTLWBC.js";
import "./chunks/chunk-UBPJFDOA.js";
import "./chunks/chunk-CRPVOVPB.js";
import "./chunks/chunk-WITH53P7.js";
import "./chunks/chunk-GPKYOE2F.js";
import "./chunks/chunk-3UGVK57D.js";
import "./chunks/chunk-FC3R3YAT.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-D6A7IGHL.js";
import "./chunks/chunk-23ZGW36R.js";
import "./chunks/chunk-DMW4FM6X.js";
import "./chunks/chunk-EGWSCFWY.js";
import "./chunks/chunk-QA4YOPT6.js";
import "./chunks/chunk-ESH43FHK.js";
import "./chunks/chunk-KAFW6XA3.js";
import "./chunks/chunk-GAJUOGXM.js";
import "./chunks/chunk-GASG4FJA.js";
import "./chunks/chunk-T6JTDSA5.js";
import "./chunks/chunk-C4OQG7EQ.js";
import "./chunks/chunk-ZGDBGMMU.js";

// src/app/main.ts
startApp().catch((e) => {
  console.error(`migration-guard app: could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
