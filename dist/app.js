import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-B4TL7F5M.js";
import "./chunks/chunk-UC7JNTB6.js";
import "./chunks/chunk-J3GDONXB.js";
import "./chunks/chunk-2YH6MXWA.js";
import "./chunks/chunk-4I7UKKAC.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-42W57RNL.js";
import "./chunks/chunk-TYFQS2RL.js";
import "./chunks/chunk-PLFU5V7P.js";
import "./chunks/chunk-K4YEWV3P.js";
import "./chunks/chunk-J5VOLU4Z.js";
import "./chunks/chunk-UBPJFDOA.js";
import "./chunks/chunk-CRPVOVPB.js";
import "./chunks/chunk-FFGS6OUK.js";
import "./chunks/chunk-YZNHLSLL.js";
import "./chunks/chunk-QGNSZB3M.js";
import "./chunks/chunk-O6AHY4CV.js";
import "./chunks/chunk-M7F56F33.js";
import "./chunks/chunk-2FJ3R25C.js";
import "./chunks/chunk-UE3NT7ZQ.js";
import "./chunks/chunk-QWU7ZTZL.js";
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
