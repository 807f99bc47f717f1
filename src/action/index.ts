// The runner's entry for the Action (bundled to dist/index.js): nothing but the call, so the
// module with the work (main.ts) can be loaded without running, e.g. by @github/local-action.
// First: process-wide V8 settings every later WebAssembly compile (core/wasm-tier.ts) and every
// collection (core/young-generation.ts) must see.
import '../core/wasm-tier.js';
import '../core/young-generation.js';
import { run } from './main.js';

await run();
