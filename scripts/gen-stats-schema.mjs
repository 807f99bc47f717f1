// Writes docs/table-stats.schema.json from src/config/stats-file.ts (the zod schema is the
// source of truth; test/estimate/stats-schema.test.ts fails when the file is out of date).
// Run: node scripts/gen-stats-schema.mjs
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'node_modules', '.cache', 'mg-scripts', 'stats-schema.mjs');
await build({
  stdin: { contents: `export { statsFileJsonSchema } from './src/config/stats-file.js';`, resolveDir: root, loader: 'ts' },
  bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: out, logLevel: 'error',
});
const { statsFileJsonSchema } = await import(out);
writeFileSync(join(root, 'docs', 'table-stats.schema.json'), `${JSON.stringify(statsFileJsonSchema(), null, 2)}\n`);
