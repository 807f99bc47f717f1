import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-DS32SLKL.js";
import "./chunks/chunk-VTJLCOUY.js";
import "./chunks/chunk-ZXXZHXJX.js";
import "./chunks/chunk-74IYIHTI.js";
import "./chunks/chunk-7PDHHRXW.js";
import "./chunks/chunk-RJIW4HVH.js";
import "./chunks/chunk-N6WV4L73.js";
import "./chunks/chunk-Y3DSKCU3.js";
import "./chunks/chunk-3QMQKJBU.js";
import "./chunks/chunk-CN43DROS.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-O5HXW2NP.js";
import "./chunks/chunk-TG2T6NIV.js";
import "./chunks/chunk-7OPQ22YC.js";
import "./chunks/chunk-DMW4FM6X.js";
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
