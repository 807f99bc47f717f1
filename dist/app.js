import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-5XHO3LZP.js";
import "./chunks/chunk-4633BRFH.js";
import "./chunks/chunk-TR4MP4C3.js";
import "./chunks/chunk-5ZNOQRKC.js";
import "./chunks/chunk-UBPJFDOA.js";
import "./chunks/chunk-CRPVOVPB.js";
import "./chunks/chunk-PIFIFCNC.js";
import "./chunks/chunk-MKWUL2VR.js";
import "./chunks/chunk-ZOVH3UEO.js";
import "./chunks/chunk-QLHDLUSU.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-KKP4JGJL.js";
import "./chunks/chunk-JW643RSO.js";
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
