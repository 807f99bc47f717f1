// Builds dist/: the CLI (dist/cli.js), the Action (dist/index.js) and the App (dist/app.js), as
// ESM entry files over shared chunks (dist/chunks/): code reached only through `import()` (the
// dry-run engines, the App server, the commands behind the CLI's argument parser) is in chunks of
// its own, so `lint` never loads the dry-run or GitHub code and `--version` loads almost nothing. The two WebAssembly packages (libpg-query, PGlite) stay external and are
// copied whole into dist/node_modules, so Node's own resolution finds them next to the bundles
// (their loaders locate .wasm/.data files relative to their own modules) and the committed
// dist/ runs with no `npm install`. So do two packages required only when a run needs them, so a
// run that does not never compiles them: pgsql-deparser (0.4 MB of JavaScript; src/parse/deparse.ts,
// the first time a run prints SQL) and picomatch (src/discover/globs.ts, for a config's globs). The output is deterministic: .ci/run rebuilds and diffs it.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
await import('./gen-rules-index.mjs');

const EXTERNAL_PACKAGES = ['libpg-query', '@electric-sql/pglite', 'pgsql-deparser', 'picomatch'];
// What the external packages require at run time (libpg-query re-exports @pgsql/types' enums;
// pgsql-deparser requires @pgsql/quotes).
const RUNTIME_PACKAGES = [...EXTERNAL_PACKAGES, '@pgsql/types', '@pgsql/quotes'];
// Folders of a package its CommonJS entry never loads (pgsql-deparser's ES module copy).
const UNUSED_FOLDERS = { 'pgsql-deparser': ['esm'], '@pgsql/quotes': ['esm'] };
const entries = [
  { in: 'src/cli/bin.ts', out: 'cli' },
  { in: 'src/action/index.ts', out: 'index' },
  { in: 'src/app/main.ts', out: 'app' },
  // The worker threads of a large lint (src/check/parallel.ts finds it next to its own chunk).
  { in: 'src/check/worker.ts', out: 'check-worker' },
  // The parser's thread for a large file (src/parse/prefetch.ts finds it the same way).
  { in: 'src/parse/parse-worker.ts', out: 'parse-worker' },
].filter((e) => existsSync(path.join(root, e.in)));
const EXECUTABLES = new Set(['cli']);

// Packages whose top-level code has no effect we need, so esbuild may leave out whatever of them
// nothing calls. @actions/core and @actions/github load @actions/http-client and a copy of undici
// at start for features the Action does not use (OIDC tokens, getOctokit's proxy agent): about
// 0.1-0.2 s of CPU in every Action run. Anything they do provide that is used stays in.
const SIDE_EFFECT_FREE = /[\\/]node_modules[\\/](?:@actions[\\/](?:github|http-client)|undici|tunnel)[\\/]/;
const sideEffectFree = {
  name: 'side-effect-free',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData?.sideEffectFree || args.kind === 'entry-point') return undefined;
      const r = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { sideEffectFree: true } });
      return r.errors.length === 0 && SIDE_EFFECT_FREE.test(r.path) ? { path: r.path, external: r.external, sideEffects: false } : undefined;
    });
  },
};

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

await build({
  entryPoints: entries.map((e) => ({ in: path.join(root, e.in), out: e.out })),
  outdir: dist,
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external: EXTERNAL_PACKAGES.flatMap((p) => [p, `${p}/*`]),
  banner: {
    // Bundled CommonJS dependencies call require(); give every ESM output file one.
    js: "import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
  minifyWhitespace: false,
  sourcemap: false,
  plugins: [sideEffectFree],
});
for (const e of entries.filter((e) => EXECUTABLES.has(e.out))) {
  const file = path.join(dist, `${e.out}.js`);
  writeFileSync(file, `#!/usr/bin/env node\n${readFileSync(file, 'utf8')}`);
}

// The external packages, without source maps or TypeScript declarations.
for (const pkg of RUNTIME_PACKAGES) {
  const from = path.join(root, 'node_modules', pkg);
  const to = path.join(dist, 'node_modules', pkg);
  cpSync(from, to, {
    recursive: true,
    filter: (src) => {
      const name = path.basename(src);
      if (statSync(src).isDirectory()) return ![...['test', 'src', 'templates', 'scripts'], ...(UNUSED_FOLDERS[pkg] ?? [])].includes(name) || src === from;
      return !/\.(map|d\.ts|d\.cts|md)$/.test(name);
    },
  });
}
writeFileSync(path.join(dist, 'package.json'), JSON.stringify({ type: 'module', private: true }, null, 2) + '\n');
const size = (dir) => readdirSync(dir, { withFileTypes: true }).reduce((n, d) => n + (d.isDirectory() ? size(path.join(dir, d.name)) : statSync(path.join(dir, d.name)).size), 0);
console.log(`dist/: ${entries.map((e) => `${e.out}.js`).join(', ')} + ${readdirSync(path.join(dist, 'chunks')).length} chunks + ${RUNTIME_PACKAGES.join(', ')} (${(size(dist) / 1e6).toFixed(1)} MB)`);
