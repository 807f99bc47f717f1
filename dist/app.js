import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-L4GGOW2Y.js";
import "./chunks/chunk-4ZYPCQIC.js";
import "./chunks/chunk-HWMLMZMK.js";
import "./chunks/chunk-5ZNOQRKC.js";
import "./chunks/chunk-UBPJFDOA.js";
import "./chunks/chunk-CRPVOVPB.js";
import "./chunks/chunk-U5WW7ZJ7.js";
import "./chunks/chunk-X3AKBRHA.js";
import "./chunks/chunk-OQ3PMJUD.js";
import "./chunks/chunk-QLHDLUSU.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-YTZCQSTZ.js";
import "./chunks/chunk-KABOKMKO.js";
import "./chunks/chunk-OZKWSANP.js";
import "./chunks/chunk-75TBZ2SY.js";
import "./chunks/chunk-W6STXGJT.js";
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
