import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-7FCMNDDK.js";
import "./chunks/chunk-KZAA4DJ6.js";
import "./chunks/chunk-CWO3ADBI.js";
import "./chunks/chunk-5D3ATO6A.js";
import "./chunks/chunk-HNLJYB64.js";
import "./chunks/chunk-NA2O5GRV.js";
import "./chunks/chunk-R77JFOHR.js";
import "./chunks/chunk-7PDHHRXW.js";
import "./chunks/chunk-RJIW4HVH.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-DMW4FM6X.js";
import "./chunks/chunk-32WBQEXE.js";
import "./chunks/chunk-3X3OS5NN.js";
import "./chunks/chunk-7DEDEG2E.js";
import "./chunks/chunk-CUM6X7PU.js";
import "./chunks/chunk-C4OQG7EQ.js";
import "./chunks/chunk-ZGDBGMMU.js";

// src/app/main.ts
startApp().catch((e) => {
  console.error(`migration-guard app: could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
