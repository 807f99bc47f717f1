import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-JEJYOPUN.js";
import "./chunks/chunk-IAGJWP2G.js";
import "./chunks/chunk-J3GDONXB.js";
import "./chunks/chunk-YYMWMFAC.js";
import "./chunks/chunk-4I7UKKAC.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-SK4BZ4RP.js";
import "./chunks/chunk-P46DMTAS.js";
import "./chunks/chunk-XWSQYYAE.js";
import "./chunks/chunk-UIRCFJQU.js";
import "./chunks/chunk-GDG2TXVN.js";
import "./chunks/chunk-UBPJFDOA.js";
import "./chunks/chunk-CRPVOVPB.js";
import "./chunks/chunk-GYWIRSZE.js";
import "./chunks/chunk-YZNHLSLL.js";
import "./chunks/chunk-FHUQKCFL.js";
import "./chunks/chunk-O6AHY4CV.js";
import "./chunks/chunk-M7F56F33.js";
import "./chunks/chunk-2FJ3R25C.js";
import "./chunks/chunk-2VGUKKC4.js";
import "./chunks/chunk-IN3PTRDP.js";
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
