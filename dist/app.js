import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-XIL5YYPL.js";
import "./chunks/chunk-3JMUFO37.js";
import "./chunks/chunk-HXNGSEXO.js";
import "./chunks/chunk-NTVTLWBC.js";
import "./chunks/chunk-UBPJFDOA.js";
import "./chunks/chunk-CRPVOVPB.js";
import "./chunks/chunk-VIBKWNRV.js";
import "./chunks/chunk-X64BWBNE.js";
import "./chunks/chunk-RSPF6POG.js";
import "./chunks/chunk-FC3R3YAT.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-4MY55WFK.js";
import "./chunks/chunk-5KYLD3CL.js";
import "./chunks/chunk-DMW4FM6X.js";
import "./chunks/chunk-EGWSCFWY.js";
import "./chunks/chunk-RU7VR3SK.js";
import "./chunks/chunk-I2ZFNCD6.js";
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
