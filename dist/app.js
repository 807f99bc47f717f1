import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-V7YQWQK4.js";
import "./chunks/chunk-LLM56AQI.js";
import "./chunks/chunk-SB3WWWX4.js";
import "./chunks/chunk-YNBMPLQX.js";
import "./chunks/chunk-NERLK6YZ.js";
import "./chunks/chunk-TRQ5RGOX.js";
import "./chunks/chunk-5BQ6DS2H.js";
import "./chunks/chunk-TA7Q6LOO.js";
import "./chunks/chunk-ARN7YUHD.js";
import "./chunks/chunk-4I7UKKAC.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-BCDIPO2D.js";
import "./chunks/chunk-UBPJFDOA.js";
import "./chunks/chunk-CRPVOVPB.js";
import "./chunks/chunk-YR2A6R5V.js";
import "./chunks/chunk-Q2OHSGXS.js";
import "./chunks/chunk-FJSWYJIY.js";
import "./chunks/chunk-M7F56F33.js";
import "./chunks/chunk-2FJ3R25C.js";
import "./chunks/chunk-E6MAL5MB.js";
import "./chunks/chunk-MWFXC2FY.js";
import "./chunks/chunk-CTL3ZZCH.js";
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
