import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-KYA2ATLA.js";
import "./chunks/chunk-M4B55YJZ.js";
import "./chunks/chunk-J3GDONXB.js";
import "./chunks/chunk-TIZ72LY4.js";
import "./chunks/chunk-4I7UKKAC.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-SQKQK66G.js";
import "./chunks/chunk-QXSAJGNQ.js";
import "./chunks/chunk-SLFEKWWH.js";
import "./chunks/chunk-MZGAIC4D.js";
import "./chunks/chunk-GZIZ33TD.js";
import "./chunks/chunk-UBPJFDOA.js";
import "./chunks/chunk-CRPVOVPB.js";
import "./chunks/chunk-RIY6NIZR.js";
import "./chunks/chunk-BDFYVYTE.js";
import "./chunks/chunk-WUBRGN6A.js";
import "./chunks/chunk-O6AHY4CV.js";
import "./chunks/chunk-M7F56F33.js";
import "./chunks/chunk-2FJ3R25C.js";
import "./chunks/chunk-UBYWTKN5.js";
import "./chunks/chunk-NTDTDA7A.js";
import "./chunks/chunk-TQ5DHK46.js";
import "./chunks/chunk-GAJUOGXM.js";
import "./chunks/chunk-BDVNOOZC.js";
import "./chunks/chunk-A3JI777A.js";
import "./chunks/chunk-72JHAUBW.js";
import "./chunks/chunk-C4OQG7EQ.js";
import "./chunks/chunk-ZGDBGMMU.js";

// src/app/main.ts
startApp().catch((e) => {
  console.error(`migration-guard app: could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
