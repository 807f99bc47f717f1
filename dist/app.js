import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-CTGAX2LW.js";
import "./chunks/chunk-X7LTFV4B.js";
import "./chunks/chunk-CWO3ADBI.js";
import "./chunks/chunk-23O2PBHV.js";
import "./chunks/chunk-776BGJ5T.js";
import "./chunks/chunk-X7IX4G4T.js";
import "./chunks/chunk-4PPQNGVR.js";
import "./chunks/chunk-R77JFOHR.js";
import "./chunks/chunk-7PDHHRXW.js";
import "./chunks/chunk-RJIW4HVH.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-DMW4FM6X.js";
import "./chunks/chunk-ZGWIC3QZ.js";
import "./chunks/chunk-7DEDEG2E.js";
import "./chunks/chunk-CUM6X7PU.js";
import "./chunks/chunk-C4OQG7EQ.js";
import "./chunks/chunk-ZGDBGMMU.js";

// src/app/main.ts
startApp().catch((e) => {
  console.error(`migration-guard app: could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
