import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-TJEJHKBG.js";
import "./chunks/chunk-5T7G4SIX.js";
import "./chunks/chunk-WLA53Z7R.js";
import "./chunks/chunk-S2NU5DVF.js";
import "./chunks/chunk-7PDHHRXW.js";
import "./chunks/chunk-RJIW4HVH.js";
import "./chunks/chunk-ZSEWND2U.js";
import "./chunks/chunk-MKWUL2VR.js";
import "./chunks/chunk-ZOVH3UEO.js";
import "./chunks/chunk-QLHDLUSU.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-24C5HYEF.js";
import "./chunks/chunk-52NIUVTI.js";
import "./chunks/chunk-M473AYTS.js";
import "./chunks/chunk-W44ZGOZC.js";
import "./chunks/chunk-M27OREB5.js";
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
