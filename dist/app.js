import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-RSXA2KIL.js";
import "./chunks/chunk-S3PHZGLE.js";
import "./chunks/chunk-BNYLBTWY.js";
import "./chunks/chunk-74IYIHTI.js";
import "./chunks/chunk-7PDHHRXW.js";
import "./chunks/chunk-RJIW4HVH.js";
import "./chunks/chunk-RZK2YXRI.js";
import "./chunks/chunk-VJPOWIPM.js";
import "./chunks/chunk-R57I6IGI.js";
import "./chunks/chunk-CN43DROS.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-ZRYLSOW6.js";
import "./chunks/chunk-O3DVXHPV.js";
import "./chunks/chunk-P4GTDAEQ.js";
import "./chunks/chunk-DMW4FM6X.js";
import "./chunks/chunk-7DYYIT7H.js";
import "./chunks/chunk-CUM6X7PU.js";
import "./chunks/chunk-T6JTDSA5.js";
import "./chunks/chunk-C4OQG7EQ.js";
import "./chunks/chunk-ZGDBGMMU.js";

// src/app/main.ts
startApp().catch((e) => {
  console.error(`migration-guard app: could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
