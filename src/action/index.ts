// The runner's entry for the Action (bundled to dist/index.js): nothing but the call, so the
// module with the work (main.ts) can be loaded without running, e.g. by @github/local-action.
// First: a process-wide V8 setting every later WebAssembly compile must see (core/wasm-tier.ts).
import '../core/wasm-tier.js';
import { run } from './main.js';

await run();
