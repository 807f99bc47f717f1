// Every WebAssembly module this process compiles runs as V8 baseline code (--liftoff-only). A
// process-wide V8 flag that only holds for modules compiled after it is set, so the Action and
// the App import this module first, before anything can compile one: besides the parser
// (libpg-query) and PGlite, which import it too, Node's own fetch compiles its HTTP parser
// (undici's llhttp) as WebAssembly on the first request, before the parser loads there.
//
// Why baseline only: V8 otherwise re-compiles every warm function with its optimising compiler
// on background threads. A review is short and mostly first calls (a parse per file, DDL and
// catalog lookups in a dry-run), so that work is paid for and rarely used. Measured: a one-file
// lint 0.63 -> 0.32 s CPU; a dry-run of the 434-migration langfuse history, cold 6.3-6.7 s ->
// 4.2-4.7 s CPU, cached 2.7 s -> 1.1 s; an Action run on a pull request with one migration
// 0.75-0.85 s -> 0.46-0.55 s CPU when set before its first request (setting it only when the
// parser loaded left llhttp optimising); the corpus lint gains nothing from the optimising tier.
//
// And each function is validated when it is first compiled (--wasm-lazy-validation), as V8
// compiles it lazily anyway: not all 1.7 MB of the parser before the first parse (a one-file lint
// ~30 M instructions, 3%, fewer). The modules are the packages' own builds, not untrusted input.
//
// Setting a V8 flag makes Node compile the built-in modules loaded afterwards without their code
// cache (child_process, worker_threads and fs/promises: ~35 M instructions); the CLI's lint loads
// none after this point, as its modules are linked before any is evaluated.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--liftoff-only');
// Node 24's V8 no longer honours --liftoff-only set at run time (only on the command line), and its
// optimising tier-up of the parser peaks at ~600 MB (a one-file lint on Node 24: 610-625 MB and
// 0.5-1 s against 73 MB and 0.13 s, bench/lint.mjs). A tier-up filter naming a function index no module has is read at each tier-up, so
// it holds on Node 20, 22 and 24 alike.
setFlagsFromString('--wasm-tier-up-filter=2147483647');
setFlagsFromString('--wasm-lazy-validation');
