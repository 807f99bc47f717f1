import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-KF23SK2S.js";
import "./chunks/chunk-4LJYTEWE.js";
import "./chunks/chunk-WGO4PAPB.js";
import "./chunks/chunk-NTVTLWBC.js";
import "./chunks/chunk-UBPJFDOA.js";
import "./chunks/chunk-CRPVOVPB.js";
import "./chunks/chunk-VDFA5MLU.js";
import "./chunks/chunk-V3SUC56D.js";
import "./chunks/chunk-TAADQLEX.js";
import "./chunks/chunk-FC3R3YAT.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-42S443HH.js";
import "./chunks/chunk-EGWSCFWY.js";
import "./chunks/chunk-KZSMXPAX.js";
import "./chunks/chunk-DMW4FM6X.js";
import "./chunks/chunk-IMVOTMCP.js";
import "./chunks/chunk-DBHT5RFC.js";
import "./chunks/chunk-U4IZUMWU.js";
import "./chunks/chunk-GAJUOGXM.js";
import "./chunks/chunk-C4OQG7EQ.js";
import "./chunks/chunk-ZGDBGMMU.js";

// src/app/main.ts
startApp().catch((e) => {
  console.error(`migration-guard app: could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
