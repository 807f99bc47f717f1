#!/usr/bin/env node
import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/cli/bin.ts
import nodeModule from "node:module";
nodeModule.enableCompileCache?.();
function exitOnClosedPipe(stream) {
  stream.on("error", (e) => {
    if (e.code !== "EPIPE") throw e;
    process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
  });
}
exitOnClosedPipe(process.stdout);
exitOnClosedPipe(process.stderr);
var { main } = await import("./chunks/main-DGW5GNZJ.js");
try {
  process.exitCode = await main(process.argv);
} catch (e) {
  process.stderr.write(`migration-guard: internal error: ${e.message}
`);
  process.exitCode = 2;
}
