import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-677KFP2D.js";
import "./chunks/chunk-E2BWM4K4.js";
import "./chunks/chunk-GG6NLQCR.js";
import "./chunks/chunk-E7IAAY2X.js";
import "./chunks/chunk-O6CBN35K.js";
import "./chunks/chunk-TOHTAT4X.js";
import "./chunks/chunk-2ACATDIL.js";
import "./chunks/chunk-XYMARAZM.js";
import "./chunks/chunk-3ZUQOVGA.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-DMW4FM6X.js";
import "./chunks/chunk-ZDAWYZWQ.js";
import "./chunks/chunk-DUVT3QYW.js";
import "./chunks/chunk-7DEDEG2E.js";
import "./chunks/chunk-CUM6X7PU.js";
import "./chunks/chunk-AS2FDFP5.js";
import "./chunks/chunk-ZGDBGMMU.js";

// src/app/main.ts
startApp().catch((e) => {
  console.error(`migration-guard app: could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
