import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-OEIFC2U7.js";
import "./chunks/chunk-KHGS6S2H.js";
import "./chunks/chunk-6AFMK7LM.js";
import "./chunks/chunk-74IYIHTI.js";
import "./chunks/chunk-7PDHHRXW.js";
import "./chunks/chunk-RJIW4HVH.js";
import "./chunks/chunk-U3IFFPVG.js";
import "./chunks/chunk-INLVSP7J.js";
import "./chunks/chunk-KIMP6INT.js";
import "./chunks/chunk-CN43DROS.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-DMW4FM6X.js";
import "./chunks/chunk-4LTRHOEI.js";
import "./chunks/chunk-XVR3H37E.js";
import "./chunks/chunk-63OLC3M2.js";
import "./chunks/chunk-CUM6X7PU.js";
import "./chunks/chunk-T6JTDSA5.js";
import "./chunks/chunk-C4OQG7EQ.js";
import "./chunks/chunk-ZGDBGMMU.js";

// src/app/main.ts
startApp().catch((e) => {
  console.error(`migration-guard app: could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
