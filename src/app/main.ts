// dist/app.js: the GitHub App server (`npm start`). See src/app/server.ts and docs/app.md.
// First: a process-wide V8 setting every later WebAssembly compile must see (core/wasm-tier.ts).
import '../core/wasm-tier.js';
import { startApp } from './server.js';

startApp().catch((e: unknown) => {
  console.error(`migration-guard app: could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
