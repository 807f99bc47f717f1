import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-SUGFAUEN.js";
import "./chunks/chunk-JCVIQEW3.js";
import "./chunks/chunk-K3RVIZU7.js";
import "./chunks/chunk-74IYIHTI.js";
import "./chunks/chunk-7PDHHRXW.js";
import "./chunks/chunk-RJIW4HVH.js";
import "./chunks/chunk-L33XHGJY.js";
import "./chunks/chunk-5A73NWEP.js";
import "./chunks/chunk-64NZLZ2A.js";
import "./chunks/chunk-CN43DROS.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-AM6ZXGRL.js";
import "./chunks/chunk-BEANBOFF.js";
import "./chunks/chunk-UVGIJ6T4.js";
import "./chunks/chunk-DMW4FM6X.js";
import "./chunks/chunk-W4GXSONE.js";
import "./chunks/chunk-CUM6X7PU.js";
import "./chunks/chunk-C4OQG7EQ.js";
import "./chunks/chunk-ZGDBGMMU.js";

// src/app/main.ts
startApp().catch((e) => {
  console.error(`migration-guard app: could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
