import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  startApp
} from "./chunks/chunk-MIIQC2TM.js";
import "./chunks/chunk-V7BR3ROW.js";
import "./chunks/chunk-TXJGHAGG.js";
import "./chunks/chunk-5ZNOQRKC.js";
import "./chunks/chunk-UBPJFDOA.js";
import "./chunks/chunk-CRPVOVPB.js";
import "./chunks/chunk-7GJNRTZY.js";
import "./chunks/chunk-ICVORHF6.js";
import "./chunks/chunk-TVYTEV5Q.js";
import "./chunks/chunk-QLHDLUSU.js";
import "./chunks/chunk-QKDHYJIW.js";
import "./chunks/chunk-GSHK5QBD.js";
import "./chunks/chunk-3GY36IWR.js";
import "./chunks/chunk-AQ4CKALA.js";
import "./chunks/chunk-Q6GQYM45.js";
import "./chunks/chunk-M27OREB5.js";
import "./chunks/chunk-DMW4FM6X.js";
import "./chunks/chunk-GFQVVOLB.js";
import "./chunks/chunk-CUM6X7PU.js";
import "./chunks/chunk-C4OQG7EQ.js";
import "./chunks/chunk-ZGDBGMMU.js";

// src/app/main.ts
startApp().catch((e) => {
  console.error(`migration-guard app: could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
