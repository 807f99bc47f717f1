import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-JZNG4IHD.js";
import "./chunks/chunk-JFKLKTHJ.js";
import "./chunks/chunk-RPPZILEG.js";
import "./chunks/chunk-NTVTLWBC.js";
import "./chunks/chunk-UBPJFDOA.js";
import "./chunks/chunk-CRPVOVPB.js";
import "./chunks/chunk-IBTY62NR.js";
import "./chunks/chunk-2XGT7ME7.js";
import "./chunks/chunk-S32D3CSC.js";
import "./chunks/chunk-FC3R3YAT.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-4DM6UDSU.js";
import "./chunks/chunk-UHYKLGDE.js";
import "./chunks/chunk-DMW4FM6X.js";
import "./chunks/chunk-EGWSCFWY.js";
import "./chunks/chunk-TCUJOH2C.js";
import "./chunks/chunk-DA4DZLLF.js";
import "./chunks/chunk-KAFW6XA3.js";
import "./chunks/chunk-GAJUOGXM.js";
import "./chunks/chunk-NXVMW54H.js";
import "./chunks/chunk-T6JTDSA5.js";
import "./chunks/chunk-C4OQG7EQ.js";
import "./chunks/chunk-ZGDBGMMU.js";

// src/app/main.ts
startApp().catch((e) => {
  console.error(`migration-guard app: could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
