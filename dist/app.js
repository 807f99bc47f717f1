import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-E7YKWSKM.js";
import "./chunks/chunk-NE33QMLW.js";
import "./chunks/chunk-O3CTZTF3.js";
import "./chunks/chunk-STCQM5JI.js";
import "./chunks/chunk-4MC3XWKK.js";
import "./chunks/chunk-46WCHPGE.js";
import "./chunks/chunk-R3XHRRWM.js";
import "./chunks/chunk-CNLOJ7MV.js";
import "./chunks/chunk-ARN7YUHD.js";
import "./chunks/chunk-4I7UKKAC.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-BCDIPO2D.js";
import "./chunks/chunk-UBPJFDOA.js";
import "./chunks/chunk-CRPVOVPB.js";
import "./chunks/chunk-SQKLX34I.js";
import "./chunks/chunk-IUXZYRAU.js";
import "./chunks/chunk-XLFHIRZD.js";
import "./chunks/chunk-M7F56F33.js";
import "./chunks/chunk-2FJ3R25C.js";
import "./chunks/chunk-PFL4GIEE.js";
import "./chunks/chunk-WUDUNKN3.js";
import "./chunks/chunk-PLFNNFNN.js";
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
