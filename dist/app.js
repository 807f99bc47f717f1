import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-5KWC3FUE.js";
import "./chunks/chunk-GKN5Z5IW.js";
import "./chunks/chunk-6JEASF7Y.js";
import "./chunks/chunk-WEOFMPRJ.js";
import "./chunks/chunk-BBKJGECB.js";
import "./chunks/chunk-QIZEW7T4.js";
import "./chunks/chunk-7ELRLQND.js";
import "./chunks/chunk-SA566XNG.js";
import "./chunks/chunk-AVCKKDNX.js";
import "./chunks/chunk-4I7UKKAC.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-BCDIPO2D.js";
import "./chunks/chunk-RYNAGSLZ.js";
import "./chunks/chunk-GSZPT6D4.js";
import "./chunks/chunk-LQOZGBAS.js";
import "./chunks/chunk-Q2OHSGXS.js";
import "./chunks/chunk-HZXTWBIH.js";
import "./chunks/chunk-M7F56F33.js";
import "./chunks/chunk-2FJ3R25C.js";
import "./chunks/chunk-2NDW5C5P.js";
import "./chunks/chunk-ZULIBU2I.js";
import "./chunks/chunk-CTL3ZZCH.js";
import "./chunks/chunk-GAJUOGXM.js";
import "./chunks/chunk-QGIMEMHQ.js";
import "./chunks/chunk-BKYH3ZIB.js";
import "./chunks/chunk-Z43QPEOJ.js";
import "./chunks/chunk-ZGDBGMMU.js";

// src/app/main.ts
startApp().catch((e) => {
  console.error(`migration-guard app: could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
