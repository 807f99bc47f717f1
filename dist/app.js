import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-T4FLRN7R.js";
import "./chunks/chunk-XPJ7XCLI.js";
import "./chunks/chunk-WTCUOG7R.js";
import "./chunks/chunk-CYR363RC.js";
import "./chunks/chunk-7PDHHRXW.js";
import "./chunks/chunk-RJIW4HVH.js";
import "./chunks/chunk-SOYQZZYB.js";
import "./chunks/chunk-FOTG43ZO.js";
import "./chunks/chunk-FDF4AYA7.js";
import "./chunks/chunk-CN43DROS.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-B555FC6F.js";
import "./chunks/chunk-NDQ3OFQA.js";
import "./chunks/chunk-Q2P7CRT3.js";
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
