// V8 optimises a JavaScript function (TurboFan, on a helper thread) once it has run through an
// "interrupt budget" of bytecode; this process sets the budget at 262,144, about 3.9 times V8's default (67,584).
//
// Why: a lint runs a little of a great deal of code (100 rules, the classifier, the report), and
// at the default budget V8 optimised much of it soon after its first calls: the optimising
// compiler was over a third of the instructions of a one-thread lint of the 4,115-file corpus
// (10.6 of 29.1 G, callgrind). With the budget at 262,144 only code that stays hot is optimised:
// the corpus on one thread a median of 4.98 -> 3.59 s of CPU (paired runs on a loaded machine); the 20 MB generated file, where
// the same few functions run 10^5 times, no slower (86.5 -> 85.9 G instructions together with
// the other CPU changes of issue 16, callgrind; same output). Larger budgets were no better on
// the corpus and slowed the large file (1,000,000: 8.7 -> 12.7 s), whose hot loops then waited
// longer for optimised code.
//
// The budget is read each time a function's count is reset, so setting it when the parser
// loads (parse/wasm.ts imports this first) covers all of the lint's own code.
//
// Only on Node 20 (V8 11): V8 12 (Node 22) replaced the budget with invocation counts, and setting
// a flag V8 does not know prints "Error: unrecognized flag" on every run. There it is not needed:
// Node 24 spends fewer instructions with its defaults (langfuse + DSpace on one thread, callgrind:
// Node 24 4.57 G; Node 20 5.98 G, 5.51 G with this budget), and raising
// --invocation-count-for-turbofan 4 or 10 times moved it by 1% either way.
import { setFlagsFromString } from 'node:v8';

if (Number(process.versions.v8.split('.')[0]) < 12) setFlagsFromString('--interrupt-budget=262144');
