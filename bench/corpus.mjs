// Where the benchmarks read real-world migrations from, as the tests do (test/support/corpus.ts):
// MG_CORPUS=<dir> for the full corpus (e.g. ../shared/corpus where it exists), else the sample
// vendored in test/fixtures/corpus, so every script runs in a fresh clone with nothing beside it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE = path.join(root, 'test', 'fixtures', 'corpus');

/** The corpus root and whether it is the full corpus (the sample keeps whole only some histories). */
export function benchCorpus() {
  const requested = process.env.MG_CORPUS;
  if (!requested) return { dir: SAMPLE, full: false };
  const dir = path.resolve(requested);
  if (!existsSync(path.join(dir, 'MANIFEST.json'))) throw new Error(`MG_CORPUS=${dir}: no MANIFEST.json there`);
  return { dir, full: true };
}
