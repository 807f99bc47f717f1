// The runner's entry for the Action (bundled to dist/index.js): nothing but the call, so the
// module with the work (main.ts) can be loaded without running, e.g. by @github/local-action.
import { run } from './main.js';

await run();
