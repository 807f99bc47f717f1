// dist/app.js: the GitHub App server (`npm start`). See src/app/server.ts and docs/app.md.
// First: process-wide V8 settings every later WebAssembly compile (core/wasm-tier.ts) and every
// collection (core/young-generation.ts) must see.
import '../core/wasm-tier.js';
import '../core/young-generation.js';
import { startApp } from './server.js';

startApp().catch((e: unknown) => {
  console.error(`migration-guard app: could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
