import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-7Y2YOOWD.js";
import "./chunks/chunk-5DNQKLCJ.js";
import "./chunks/chunk-JNM4UQ53.js";
import "./chunks/chunk-276QULOO.js";
import "./chunks/chunk-BQW4RP54.js";
import "./chunks/chunk-NVAEBWL5.js";
import "./chunks/chunk-YRNP52AJ.js";
import "./chunks/chunk-YJLFCJFM.js";
import "./chunks/chunk-ARN7YUHD.js";
import "./chunks/chunk-4I7UKKAC.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-BCDIPO2D.js";
import "./chunks/chunk-UBPJFDOA.js";
import "./chunks/chunk-CRPVOVPB.js";
import "./chunks/chunk-K7JB4IEF.js";
import "./chunks/chunk-ATWPWNJZ.js";
import "./chunks/chunk-ZFBFSYF7.js";
import "./chunks/chunk-M7F56F33.js";
import "./chunks/chunk-2FJ3R25C.js";
import "./chunks/chunk-6ZNHY3OX.js";
import "./chunks/chunk-KRQTM44P.js";
import "./chunks/chunk-7BJ6A35V.js";
import "./chunks/chunk-GAJUOGXM.js";
import "./chunks/chunk-QGIMEMHQ.js";
import "./chunks/chunk-BKYH3ZIB.js";
import "./chunks/chunk-C4OQG7EQ.js";
import "./chunks/chunk-ZGDBGMMU.js";

// src/app/main.ts
startApp().catch((e) => {
  console.error(`migration-guard app: could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
