import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-IM33NEQQ.js";
import "./chunks/chunk-EEOLLJ2T.js";
import "./chunks/chunk-J3GDONXB.js";
import "./chunks/chunk-KHMSKJUR.js";
import "./chunks/chunk-4I7UKKAC.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-N5WFYR5U.js";
import "./chunks/chunk-LORA4CZ3.js";
import "./chunks/chunk-PF5ISWMH.js";
import "./chunks/chunk-QOMLNQTS.js";
import "./chunks/chunk-GZIZ33TD.js";
import "./chunks/chunk-UBPJFDOA.js";
import "./chunks/chunk-CRPVOVPB.js";
import "./chunks/chunk-HK7PJZAX.js";
import "./chunks/chunk-BDFYVYTE.js";
import "./chunks/chunk-4QHGWZ4T.js";
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
