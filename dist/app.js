import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-4TJLBQIL.js";
import "./chunks/chunk-IZQVJEFN.js";
import "./chunks/chunk-BOO6NGI6.js";
import "./chunks/chunk-CYR363RC.js";
import "./chunks/chunk-7PDHHRXW.js";
import "./chunks/chunk-RJIW4HVH.js";
import "./chunks/chunk-5PUL46OP.js";
import "./chunks/chunk-ZDOYEGLC.js";
import "./chunks/chunk-CQXQ7UZ6.js";
import "./chunks/chunk-CN43DROS.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-QO3R3DDT.js";
import "./chunks/chunk-6QD3NLQK.js";
import "./chunks/chunk-L5VUPMEX.js";
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
