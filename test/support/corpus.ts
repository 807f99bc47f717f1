// Where the corpus tests read real-world migrations from. By default, the sample vendored in
// test/fixtures/corpus (licences and commits in its MANIFEST.json), so a fresh clone tests
// itself with nothing beside it. MG_CORPUS=<dir> (or `npm run test:corpus`, which points it at
// ../shared/corpus) runs the same tests over the full corpus, plus the ones that need all of it
// (the migration-guide seeds, whole-history replays).
import { existsSync } from 'node:fs';
import path from 'node:path';

const SAMPLE = path.resolve(import.meta.dirname, '..', 'fixtures', 'corpus');
const requested = process.env.MG_CORPUS ? path.resolve(process.env.MG_CORPUS) : null;

/** True when the full corpus was asked for and is there; tests that need all of it skip otherwise. */
export const FULL_CORPUS = requested !== null && existsSync(path.join(requested, 'MANIFEST.json'));
if (requested && !FULL_CORPUS) throw new Error(`MG_CORPUS=${requested}: no MANIFEST.json there`);

/** The corpus root: one `<owner>__<repo>/` folder per repository, and MANIFEST.json. */
export const CORPUS = FULL_CORPUS ? requested! : SAMPLE;

/** The migration-guide examples (no recorded licence, so never vendored): only in the full corpus. */
export const SEEDS = FULL_CORPUS ? path.join(CORPUS, 'seeds') : null;
