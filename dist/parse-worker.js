import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  AHEAD,
  AHEAD_CHARS,
  SLOT,
  initParser,
  parseSql,
  statementRanges
} from "./chunks/chunk-KBDENZBY.js";
import "./chunks/chunk-A3JI777A.js";
import "./chunks/chunk-ZGDBGMMU.js";

// src/parse/parse-worker.ts
import { receiveMessageOnPort, workerData } from "node:worker_threads";
var { text, counters, port } = workerData;
var shared = new Int32Array(counters);
var Stopped = class extends Error {
};
function stopAsked() {
  let m;
  while (m = receiveMessageOnPort(port)) if (m.message === "stop") return true;
  return false;
}
function waitForRoom() {
  for (; ; ) {
    const tick = Atomics.load(shared, SLOT.TICK);
    if (stopAsked()) throw new Stopped();
    const waiting = Atomics.load(shared, SLOT.POSTED) - Atomics.load(shared, SLOT.TAKEN);
    if (waiting === 0 || waiting < AHEAD && Atomics.load(shared, SLOT.CHARS) < AHEAD_CHARS) return;
    Atomics.wait(shared, SLOT.TICK, tick, 1e3);
  }
}
function parseSlice(from, to) {
  waitForRoom();
  let json;
  const parse = JSON.parse;
  JSON.parse = ((s) => {
    json = s;
    return parse(s);
  });
  let outcome;
  Atomics.store(shared, SLOT.WORKING, 1);
  try {
    outcome = parseSql(text.slice(from, to));
  } finally {
    JSON.parse = parse;
    Atomics.store(shared, SLOT.WORKING, 0);
  }
  const message = outcome.ok && json !== void 0 ? { from, to, json } : { from, to, outcome };
  if (message.json !== void 0) Atomics.add(shared, SLOT.CHARS, message.json.length);
  port.postMessage(message);
  Atomics.add(shared, SLOT.POSTED, 1);
  Atomics.notify(shared, SLOT.POSTED);
  return outcome;
}
try {
  await initParser();
  for (const range of statementRanges(text, [], parseSlice)) void range;
} catch (e) {
  if (!(e instanceof Stopped)) throw e;
} finally {
  Atomics.store(shared, SLOT.DONE, 1);
  Atomics.notify(shared, SLOT.POSTED);
  port.close();
}
