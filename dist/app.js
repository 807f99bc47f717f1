import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-6E6JBP3K.js";
import "./chunks/chunk-MTNXLFTH.js";
import "./chunks/chunk-Z4YWVK2L.js";
import "./chunks/chunk-5ZNOQRKC.js";
import "./chunks/chunk-UBPJFDOA.js";
import "./chunks/chunk-CRPVOVPB.js";
import "./chunks/chunk-U533O73U.js";
import "./chunks/chunk-3Z4G5N2P.js";
import "./chunks/chunk-6FMBX7GO.js";
import "./chunks/chunk-QLHDLUSU.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-G4HX6ETJ.js";
import "./chunks/chunk-67FMOH27.js";
import "./chunks/chunk-XA526BWC.js";
import "./chunks/chunk-EL46WGV2.js";
import "./chunks/chunk-W6STXGJT.js";
import "./chunks/chunk-DMW4FM6X.js";
import "./chunks/chunk-AXGHJB3C.js";
import "./chunks/chunk-CUM6X7PU.js";
import "./chunks/chunk-C4OQG7EQ.js";
import "./chunks/chunk-ZGDBGMMU.js";

// src/app/main.ts
startApp().catch((e) => {
  console.error(`migration-guard app: could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
