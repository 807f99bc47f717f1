#!/usr/bin/env node
import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  VERSION
} from "./chunks/chunk-MWIMP5HM.js";
import "./chunks/chunk-HQM6YGGO.js";
import "./chunks/chunk-ZGDBGMMU.js";

// src/cli/bin.ts
import nodeModule from "node:module";
var args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  exitOnClosedPipe(process.stdout);
  process.stdout.write(`${VERSION}
`);
} else {
  await run();
}
async function run() {
  nodeModule.enableCompileCache?.();
  exitOnClosedPipe(process.stdout);
  exitOnClosedPipe(process.stderr);
  const { main } = await import("./chunks/main-LC2IERWX.js");
  try {
    process.exitCode = await main(process.argv);
  } catch (e) {
    process.stderr.write(`migration-guard: internal error: ${e.message}
`);
    process.exitCode = 2;
  }
}
function exitOnClosedPipe(stream) {
  stream.on("error", (e) => {
    if (e.code !== "EPIPE") throw e;
    process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
  });
}
