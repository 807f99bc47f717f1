// Builds dist/: the CLI (dist/cli.js), the Action (dist/index.js) and the App (dist/app.js),
// each one ESM bundle. The two WebAssembly packages (libpg-query, PGlite) stay external and are
// copied whole into dist/node_modules, so Node's own resolution finds them next to the bundles
// (their loaders locate .wasm/.data files relative to their own modules) and the committed
// dist/ runs with no `npm install`. The output is deterministic: .ci/run rebuilds and diffs it.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
await import('./gen-rules-index.mjs');

const EXTERNAL_PACKAGES = ['libpg-query', '@electric-sql/pglite'];
// What the external packages require at run time (libpg-query re-exports @pgsql/types' enums).
const RUNTIME_PACKAGES = [...EXTERNAL_PACKAGES, '@pgsql/types'];
const entries = [
  { in: 'src/cli/main.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  { in: 'src/action/index.ts', out: 'index' },
  { in: 'src/app/main.ts', out: 'app' },
].filter((e) => existsSync(path.join(root, e.in)));

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

for (const entry of entries) {
  await build({
    entryPoints: [path.join(root, entry.in)],
    outfile: path.join(dist, `${entry.out}.js`),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: EXTERNAL_PACKAGES.flatMap((p) => [p, `${p}/*`]),
    banner: {
      // Bundled CommonJS dependencies call require(); give ESM output one.
      js: [entry.banner ?? '', "import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);"]
        .filter(Boolean)
        .join('\n'),
    },
    legalComments: 'none',
    logLevel: 'warning',
    minifyWhitespace: false,
    sourcemap: false,
  });
}

// The external packages, without source maps or TypeScript declarations.
for (const pkg of RUNTIME_PACKAGES) {
  const from = path.join(root, 'node_modules', pkg);
  const to = path.join(dist, 'node_modules', pkg);
  cpSync(from, to, {
    recursive: true,
    filter: (src) => {
      const name = path.basename(src);
      if (statSync(src).isDirectory()) return !['test', 'src', 'templates', 'scripts'].includes(name) || src === from;
      return !/\.(map|d\.ts|d\.cts|md)$/.test(name);
    },
  });
}
writeFileSync(path.join(dist, 'package.json'), JSON.stringify({ type: 'module', private: true }, null, 2) + '\n');
const size = (dir) => readdirSync(dir, { withFileTypes: true }).reduce((n, d) => n + (d.isDirectory() ? size(path.join(dir, d.name)) : statSync(path.join(dir, d.name)).size), 0);
console.log(`dist/: ${entries.map((e) => `${e.out}.js`).join(', ')} + ${RUNTIME_PACKAGES.join(', ')} (${(size(dist) / 1e6).toFixed(1)} MB)`);
