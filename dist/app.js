import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-EIYYPBMF.js";
import "./chunks/chunk-WCCN4XXB.js";
import "./chunks/chunk-PNQ373PX.js";
import "./chunks/chunk-NTVTLWBC.js";
import "./chunks/chunk-UBPJFDOA.js";
import "./chunks/chunk-CRPVOVPB.js";
import "./chunks/chunk-JIMMJY5L.js";
import "./chunks/chunk-T5VH7YJL.js";
import "./chunks/chunk-RZB2ZV6F.js";
import "./chunks/chunk-FC3R3YAT.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-6YA5SE7Z.js";
import "./chunks/chunk-EGWSCFWY.js";
import "./chunks/chunk-QDBEP3XU.js";
import "./chunks/chunk-DMW4FM6X.js";
import "./chunks/chunk-R6BKVYTY.js";
import "./chunks/chunk-4ZOB6AYH.js";
import "./chunks/chunk-U4IZUMWU.js";
import "./chunks/chunk-GAJUOGXM.js";
import "./chunks/chunk-C4OQG7EQ.js";
import "./chunks/chunk-ZGDBGMMU.js";

// src/app/main.ts
startApp().catch((e) => {
  console.error(`migration-guard app: could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
