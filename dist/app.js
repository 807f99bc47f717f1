import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-6ZXDYIBT.js";
import "./chunks/chunk-GK63Z4WB.js";
import "./chunks/chunk-454FFOPD.js";
import "./chunks/chunk-CYR363RC.js";
import "./chunks/chunk-7PDHHRXW.js";
import "./chunks/chunk-RJIW4HVH.js";
import "./chunks/chunk-FCDXVSLD.js";
import "./chunks/chunk-DXY74ACS.js";
import "./chunks/chunk-I5Q4XAEX.js";
import "./chunks/chunk-CN43DROS.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-VYAU4YCJ.js";
import "./chunks/chunk-NPDPUWOI.js";
import "./chunks/chunk-3JWST7H4.js";
import "./chunks/chunk-DMW4FM6X.js";
import "./chunks/chunk-GFQVVOLB.js";
import "./chunks/chunk-CUM6X7PU.js";
import "./chunks/chunk-C4OQG7EQ.js";
import "./chunks/chunk-ZGDBGMMU.js";

// src/app/main.ts
startApp().catch((e) => {
  console.error(`migration-guard app: could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
