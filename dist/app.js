import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-UNQRWM7W.js";
import "./chunks/chunk-AO6GBALX.js";
import "./chunks/chunk-CWO3ADBI.js";
import "./chunks/chunk-HJHHM4DA.js";
import "./chunks/chunk-K2352WEA.js";
import "./chunks/chunk-XZNWCAYG.js";
import "./chunks/chunk-R77JFOHR.js";
import "./chunks/chunk-7PDHHRXW.js";
import "./chunks/chunk-RJIW4HVH.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-DMW4FM6X.js";
import "./chunks/chunk-KI3KKKYE.js";
import "./chunks/chunk-HYIWFT2K.js";
import "./chunks/chunk-7DEDEG2E.js";
import "./chunks/chunk-CUM6X7PU.js";
import "./chunks/chunk-T6JTDSA5.js";
import "./chunks/chunk-C4OQG7EQ.js";
import "./chunks/chunk-ZGDBGMMU.js";

// src/app/main.ts
startApp().catch((e) => {
  console.error(`migration-guard app: could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
