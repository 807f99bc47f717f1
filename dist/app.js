import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-Q2NFFAL7.js";
import "./chunks/chunk-XZ36M5Q4.js";
import "./chunks/chunk-A2LTKQTM.js";
import "./chunks/chunk-CYR363RC.js";
import "./chunks/chunk-7PDHHRXW.js";
import "./chunks/chunk-RJIW4HVH.js";
import "./chunks/chunk-DIYKRYLA.js";
import "./chunks/chunk-BBV3JMPD.js";
import "./chunks/chunk-JQXQ6DEC.js";
import "./chunks/chunk-CN43DROS.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-UG7UD3TJ.js";
import "./chunks/chunk-LUDCEHPK.js";
import "./chunks/chunk-ZIOZ33UB.js";
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
