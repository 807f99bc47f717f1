import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-DKD6W6DI.js";
import "./chunks/chunk-YPGMTMRV.js";
import "./chunks/chunk-L7Z44GLS.js";
import "./chunks/chunk-BBEK6YX4.js";
import "./chunks/chunk-Q2FU2UXF.js";
import "./chunks/chunk-TDEUNMES.js";
import "./chunks/chunk-MRESAA5M.js";
import "./chunks/chunk-MBFNBSKS.js";
import "./chunks/chunk-JDTEEXS6.js";
import "./chunks/chunk-TGAEFO6I.js";
import "./chunks/chunk-4I7UKKAC.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-UBPJFDOA.js";
import "./chunks/chunk-CRPVOVPB.js";
import "./chunks/chunk-LHUFNNUF.js";
import "./chunks/chunk-YZNHLSLL.js";
import "./chunks/chunk-UHER332N.js";
import "./chunks/chunk-M7F56F33.js";
import "./chunks/chunk-2FJ3R25C.js";
import "./chunks/chunk-YRNUPKXT.js";
import "./chunks/chunk-RRVIRGX7.js";
import "./chunks/chunk-UTBNT2LW.js";
import "./chunks/chunk-O6AHY4CV.js";
import "./chunks/chunk-GAJUOGXM.js";
import "./chunks/chunk-KBDENZBY.js";
import "./chunks/chunk-A3JI777A.js";
import "./chunks/chunk-C4OQG7EQ.js";
import "./chunks/chunk-ZGDBGMMU.js";

// src/app/main.ts
startApp().catch((e) => {
  console.error(`migration-guard app: could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
