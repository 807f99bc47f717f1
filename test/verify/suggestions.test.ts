// Suggestions that are SQL to run are run in place of the statement they replace, on the base
// with seeded rows; one that fails is not shown as a recommendation.
import { describe, expect, it } from 'vitest';
import { runnableSuggestion, verifySuggestions } from '../../src/verify/index.js';
import { analyzeMigrations } from '../plan/helpers.js';
import { initParser } from '../../src/parse/index.js';
import { TEST_CACHE_DIR } from '../dryrun/helpers.js';

const BASE = 'CREATE TABLE docs (id text PRIMARY KEY, title text);';
const OPTS = { engine: 'pglite' as const, cacheDir: TEST_CACHE_DIR, seedRows: 20, fallback: () => 'Add the column nullable, backfill it, then add NOT NULL.' };

describe('verifySuggestions', () => {
  it('tells SQL to run from prose and fragments', async () => {
    await initParser();
    expect(runnableSuggestion('-- one lock:\nALTER TABLE a ADD COLUMN b int;')).toHaveLength(1);
    expect(runnableSuggestion('commit the backfill first: move this statement to the next migration')).toBeUndefined();
    expect(runnableSuggestion('DELETE FROM t WHERE <condition>;')).toBeUndefined();
    expect(runnableSuggestion('"email" text CONSTRAINT users_email_length CHECK (char_length(email) <= 255)')).toBeUndefined();
  });

  it('marks a working suggestion verified and takes back one that fails on rows', async () => {
    const sql = 'CREATE INDEX docs_title_idx ON docs (title);\nALTER TABLE docs ADD COLUMN slug text;';
    const [base, m] = await analyzeMigrations([
      { path: 'db/0001_base.up.sql', sql: BASE, history: true },
      {
        path: 'db/0002_change.up.sql', sql,
        findings: [
          { rule: 'require-concurrent-index', risk: 'CAUTION', line: 1, column: 1, statement: 0, message: 'blocks writes', suggestion: 'CREATE INDEX CONCURRENTLY docs_title_idx ON docs (title);' },
          { rule: 'x', risk: 'CAUTION', line: 2, column: 1, statement: 1, message: 'm', suggestion: 'ALTER TABLE docs ADD COLUMN slug text NOT NULL;' },
        ],
      },
    ]);
    const run = await verifySuggestions([{ migration: base!.migration, up: base!.up, down: null }], [m!], OPTS);
    expect(run).toEqual({ verified: 1, failed: 1, notRun: 0 });
    const [good, bad] = m!.report.findings;
    expect(good!.suggestionVerification).toMatchObject({ status: 'verified', engine: 'pglite', seededRows: 20 });
    expect(good!.suggestion).toContain('CONCURRENTLY');
    expect(bad!.suggestionVerification).toMatchObject({ status: 'failed' });
    expect(bad!.suggestion).toMatch(/^\(the suggested SQL failed when run on pglite: .*null values.*so it is not shown\) Add the column nullable/);
  }, 300_000);
});
