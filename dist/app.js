import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-MJRBZM5F.js";
import "./chunks/chunk-W53OHIJB.js";
import "./chunks/chunk-J3GDONXB.js";
import "./chunks/chunk-EKU36ZOJ.js";
import "./chunks/chunk-4I7UKKAC.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-KMK3TYT2.js";
import "./chunks/chunk-GFS5CTOM.js";
import "./chunks/chunk-SIYD46K5.js";
import "./chunks/chunk-VUD6WAU2.js";
import "./chunks/chunk-HTIKAIGM.js";
import "./chunks/chunk-UBPJFDOA.js";
import "./chunks/chunk-CRPVOVPB.js";
import "./chunks/chunk-6BL2SJKZ.js";
import "./chunks/chunk-YZNHLSLL.js";
import "./chunks/chunk-MJS5PQEV.js";
import "./chunks/chunk-O6AHY4CV.js";
import "./chunks/chunk-M7F56F33.js";
import "./chunks/chunk-2FJ3R25C.js";
import "./chunks/chunk-NCBZBQAY.js";
import "./chunks/chunk-B2AB5ODS.js";
import "./chunks/chunk-UTBNT2LW.js";
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
