// dist/app.js: the GitHub App server (`npm start`). See src/app/server.ts and docs/app.md.
import { startApp } from './server.js';

startApp().catch((e: unknown) => {
  console.error(`migration-guard app: could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
