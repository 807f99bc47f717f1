import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-KPZS4IG7.js";
import "./chunks/chunk-DD6NMPHF.js";
import "./chunks/chunk-NWXEGW5G.js";
import "./chunks/chunk-ITOHQUP3.js";
import "./chunks/chunk-SNG267DI.js";
import "./chunks/chunk-YMMEINJM.js";
import "./chunks/chunk-36QRJYS2.js";
import "./chunks/chunk-2ACATDIL.js";
import "./chunks/chunk-XYMARAZM.js";
import "./chunks/chunk-3ZUQOVGA.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-DMW4FM6X.js";
import "./chunks/chunk-ZGWIC3QZ.js";
import "./chunks/chunk-7DEDEG2E.js";
import "./chunks/chunk-CUM6X7PU.js";
import "./chunks/chunk-AS2FDFP5.js";
import "./chunks/chunk-ZGDBGMMU.js";

// src/app/main.ts
startApp().catch((e) => {
  console.error(`migration-guard app: could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
