import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-FBJ2NGRN.js";
import "./chunks/chunk-A5WJKREH.js";
import "./chunks/chunk-LQWHMU3R.js";
import "./chunks/chunk-T3BECD6Z.js";
import "./chunks/chunk-CDCFNHYY.js";
import "./chunks/chunk-AXHFSGML.js";
import "./chunks/chunk-MPSRRXMA.js";
import "./chunks/chunk-XYMARAZM.js";
import "./chunks/chunk-3ZUQOVGA.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-DMW4FM6X.js";
import "./chunks/chunk-2MR2PNE5.js";
import "./chunks/chunk-FBK5TPVZ.js";
import "./chunks/chunk-7DEDEG2E.js";
import "./chunks/chunk-CUM6X7PU.js";
import "./chunks/chunk-AS2FDFP5.js";
import "./chunks/chunk-ZGDBGMMU.js";

// src/app/main.ts
startApp().catch((e) => {
  console.error(`migration-guard app: could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
