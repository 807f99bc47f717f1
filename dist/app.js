import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-XPCQUMMG.js";
import "./chunks/chunk-QYF6USUK.js";
import "./chunks/chunk-BAQU2EJU.js";
import "./chunks/chunk-74IYIHTI.js";
import "./chunks/chunk-7PDHHRXW.js";
import "./chunks/chunk-RJIW4HVH.js";
import "./chunks/chunk-YIU5CGAR.js";
import "./chunks/chunk-V5Q226LH.js";
import "./chunks/chunk-HN47WM6P.js";
import "./chunks/chunk-CN43DROS.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-ZK5UP7HU.js";
import "./chunks/chunk-2CUW5CEC.js";
import "./chunks/chunk-AJ3V2DPO.js";
import "./chunks/chunk-DMW4FM6X.js";
import "./chunks/chunk-W4GXSONE.js";
import "./chunks/chunk-CUM6X7PU.js";
import "./chunks/chunk-C4OQG7EQ.js";
import "./chunks/chunk-ZGDBGMMU.js";

// src/app/main.ts
startApp().catch((e) => {
  console.error(`migration-guard app: could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
