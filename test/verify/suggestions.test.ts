// Suggestions that are SQL to run are run where they apply (in place of the statement they
// replace, or before it), on the base with seeded rows; one that fails is not shown as a
// recommendation.
import { describe, expect, it } from 'vitest';
import { runnableSuggestion, verifySuggestions } from '../../src/verify/index.js';
import { placedParts, suggestionParts } from '../../src/verify/suggestions.js';
import { suggestionLabel } from '../../src/report/diagnostics.js';
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
    // A template that parses, with a quoted value to fill in, is not SQL to run yet.
    expect(runnableSuggestion("ALTER TYPE mood ADD VALUE 'ok' AFTER '<existing label>';")).toBeUndefined();
    expect(runnableSuggestion('ALTER TABLE t DROP CONSTRAINT "<constraint>";')).toBeUndefined();
    expect(runnableSuggestion("SELECT 1 WHERE 'a' < 'b' AND 'c' > 'b';")).toHaveLength(1);
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

  it('runs a suggestion meant to go before the statement ahead of it, keeping the statement', async () => {
    // The real rule's finding: SET lock_timeout goes before the ALTER, whose column the next
    // statement uses; run in its place, the UPDATE would fail on a missing column.
    const sql = 'ALTER TABLE docs ADD COLUMN slug text;\nUPDATE docs SET slug = id;';
    const [base, m] = await analyzeMigrations([
      { path: 'db/0001_base.up.sql', sql: BASE, history: true },
      { path: 'db/0002_slug.up.sql', sql, transaction: 'wrapped' },
    ]);
    const f = m!.report.findings.find((x) => x.rule === 'require-lock-timeout')!;
    expect(f).toMatchObject({ statement: 0, suggestionRuns: 'before' });
    expect(f.suggestion).toMatch(/^SET LOCAL lock_timeout = '5s';/);
    await verifySuggestions([{ migration: base!.migration, up: base!.up, down: null }], [m!], OPTS);
    expect(f.suggestionVerification).toMatchObject({ status: 'verified', engine: 'pglite', seededRows: 20 });
    expect(f.suggestionRuns).toBe('before');
  }, 300_000);

  it('runs one ALTER TABLE for two in place of both, and combines them only when nothing between them touches the table', async () => {
    // DSpace V1.2 and langfuse: the combined statement in place of the second alone re-ran the
    // first one's change ("column already exists").
    const sql = 'ALTER TABLE docs ADD COLUMN slug text;\nALTER TABLE docs ADD COLUMN body text;\nALTER TABLE docs ADD COLUMN lang text;\nUPDATE docs SET lang = id;\nALTER TABLE docs ALTER COLUMN lang SET DEFAULT \'en\';';
    const [base, m] = await analyzeMigrations([
      { path: 'db/0001_base.up.sql', sql: BASE, history: true },
      { path: 'db/0002_cols.up.sql', sql, transaction: 'wrapped' },
    ]);
    const hits = m!.report.findings.filter((x) => x.rule === 'multiple-blocking-alters');
    expect(hits.map((f) => f.line)).toEqual([2]);
    const f = hits[0]!;
    expect(f.alsoReplaces).toEqual([{ statement: 0, line: 1 }]);
    expect(f.suggestion).toContain('ADD COLUMN slug text,\n  ADD COLUMN body text');
    await verifySuggestions([{ migration: base!.migration, up: base!.up, down: null }], [m!], OPTS);
    expect(f.suggestionVerification).toMatchObject({ status: 'verified' });

    // With an UPDATE of the table between them, the first one's change cannot move past it.
    const split = "ALTER TABLE docs ADD COLUMN slug text;\nUPDATE docs SET slug = id;\nALTER TABLE docs ALTER COLUMN slug SET DEFAULT 'x';";
    const [, m2] = await analyzeMigrations([
      { path: 'db/0001_base.up.sql', sql: BASE, history: true },
      { path: 'db/0002_slug.up.sql', sql: split, transaction: 'wrapped' },
    ]);
    const g = m2!.report.findings.find((x) => x.rule === 'multiple-blocking-alters')!;
    expect(g.alsoReplaces).toBeUndefined();
    expect(g.suggestion).toMatch(/^-- run each statement in its own transaction/);
    // Words in a comment, not SQL: never run in one transaction and marked as if it said so.
    await verifySuggestions([{ migration: base!.migration, up: base!.up, down: null }], [m2!], OPTS);
    expect(g.suggestionVerification).toBeUndefined();
  }, 300_000);

  it('suggests an identity column that, like the serial it replaces, takes the explicit ids the migration inserts', async () => {
    const sql = "CREATE TABLE tags (id serial PRIMARY KEY, name text NOT NULL);\nINSERT INTO tags (id, name) VALUES (1, 'draft'), (2, 'final');";
    const [base, m] = await analyzeMigrations([
      { path: 'db/0001_base.up.sql', sql: BASE, history: true },
      { path: 'db/0002_tags.up.sql', sql },
    ]);
    const f = m!.report.findings.find((x) => x.rule === 'prefer-identity')!;
    expect(f.suggestion).toContain('GENERATED BY DEFAULT AS IDENTITY');
    await verifySuggestions([{ migration: base!.migration, up: base!.up, down: null }], [m!], OPTS);
    expect(f.suggestionVerification).toMatchObject({ status: 'verified' });
  }, 300_000);

  it('batches an UPDATE whose value has another type than the column, comparing as Postgres assigns (umami: varchar = numeric)', async () => {
    const base = 'CREATE TABLE event_data (id text PRIMARY KEY, event_data_type integer, event_string_value varchar(500), event_numeric_value numeric(19,4), props json);';
    const sql = `ALTER TABLE event_data RENAME COLUMN event_string_value TO string_value;
ALTER TABLE event_data RENAME COLUMN event_numeric_value TO number_value;
UPDATE event_data SET string_value = number_value WHERE event_data_type IS NOT NULL;
UPDATE event_data SET props = '{"a": 1}';`;
    const [b, m] = await analyzeMigrations([
      { path: 'db/0001_base.up.sql', sql: base, history: true },
      { path: 'db/0002_rename.up.sql', sql, transaction: 'wrapped' },
    ]);
    const batches = m!.report.findings.filter((x) => x.rule === 'dml-in-ddl-transaction' || x.rule === 'dml-without-where');
    expect(batches.map((f) => f.suggestion).join('\n')).toContain('string_value IS DISTINCT FROM CAST(number_value AS varchar(500))');
    expect(batches.map((f) => f.suggestion).join('\n')).toMatch(/props::text IS DISTINCT FROM CAST\('\{"a": 1\}' AS (pg_catalog\.)?json\)::text/);
    await verifySuggestions([{ migration: b!.migration, up: b!.up, down: null }], [m!], OPTS);
    for (const f of batches) expect(f.suggestionVerification).toMatchObject({ status: 'verified' });
  }, 300_000);

  it('runs a CONCURRENTLY suggestion in the runner\'s transaction unless it says it goes into a migration of its own', async () => {
    // The runner wraps this file in a transaction: CREATE INDEX CONCURRENTLY in its place fails
    // there, as it would in production. Run statement by statement, it used to pass.
    const sql = 'ALTER TABLE docs ADD COLUMN slug text;\nCREATE INDEX docs_title_idx ON docs (title);\nUPDATE docs SET slug = id;';
    const inPlace = 'CREATE INDEX CONCURRENTLY docs_title_idx ON docs (title);';
    const own = 'CREATE INDEX CONCURRENTLY docs_title_idx ON docs (title);  -- in a migration of its own that the runner does not wrap in a transaction';
    const [base, m] = await analyzeMigrations([
      { path: 'db/0001_base.up.sql', sql: BASE, history: true },
      {
        path: 'db/0002_idx.up.sql', sql, transaction: 'wrapped',
        findings: [
          { rule: 'x', risk: 'DANGEROUS', line: 2, column: 1, statement: 1, message: 'm', suggestion: inPlace },
          { rule: 'y', risk: 'DANGEROUS', line: 2, column: 1, statement: 1, message: 'm', suggestion: own },
        ],
      },
    ]);
    await verifySuggestions([{ migration: base!.migration, up: base!.up, down: null }], [m!], OPTS);
    const [a, b] = m!.report.findings;
    expect(a!.suggestionVerification).toMatchObject({ status: 'failed', reason: expect.stringMatching(/cannot run inside a transaction block/) });
    expect(a!.suggestion).toMatch(/^\(the suggested SQL failed/);
    expect(b!.suggestionVerification).toMatchObject({ status: 'verified' });
    expect(b!.suggestion).toBe(own);
    // Split: the statements before it, the suggestion alone outside a transaction, the rest.
    const parts = suggestionParts(m!, 1, runnableSuggestion(own)!, own, 'instead', new Set(), '17.5');
    expect(parts.map((p) => [p.text, p.transaction])).toEqual([
      ['ALTER TABLE docs ADD COLUMN slug text;', 'wrapped'],
      ['CREATE INDEX CONCURRENTLY docs_title_idx ON docs (title);', 'none'],
      ['UPDATE docs SET slug = id;', 'wrapped'],
    ]);
  }, 300_000);

  it('verifies the real CONCURRENTLY suggestions of a wrapped file and an explicit BEGIN block, each saying where it goes', async () => {
    const sql = 'BEGIN;\nCREATE INDEX docs_title_id_idx ON docs (title, id);\nDROP INDEX docs_old_idx;\nCOMMIT;';
    const [base, wrapped, explicit] = await analyzeMigrations([
      { path: 'db/0001_base.up.sql', sql: `${BASE}\nCREATE INDEX docs_old_idx ON docs (id, title);`, history: true },
      { path: 'db/0002_idx.up.sql', sql: 'CREATE INDEX docs_title_idx ON docs (title);\nALTER TABLE docs ADD COLUMN slug text;', transaction: 'wrapped' },
      { path: 'db/0003_idx.up.sql', sql, transaction: 'none' },
    ]);
    const hits = [...wrapped!.report.findings, ...explicit!.report.findings].filter((f) => /CONCURRENTLY/.test(f.suggestion ?? ''));
    expect(hits.map((f) => f.rule).sort()).toEqual(['require-concurrent-index', 'require-concurrent-index', 'require-concurrent-index-drop']);
    for (const f of hits) expect(f.suggestion).toContain('-- in a migration of its own');
    expect(hits.find((f) => f.rule === 'require-concurrent-index')!.suggestion).toBe('CREATE INDEX CONCURRENTLY docs_title_idx ON docs (title);  -- in a migration of its own that the runner does not wrap in a transaction');
    const b = [{ migration: base!.migration, up: base!.up, down: null }];
    await verifySuggestions(b, [wrapped!], OPTS);
    await verifySuggestions([...b, { migration: wrapped!.migration, up: wrapped!.up, down: null }], [explicit!], OPTS);
    for (const f of hits) expect(f.suggestionVerification).toMatchObject({ status: 'verified' });
  }, 300_000);

  it('runs a new enum label as the migration of its own it says it goes in, committed before the rest uses it', async () => {
    // In the file's one transaction the UPDATE would be refused ("unsafe use of new value").
    const sql = "ALTER TYPE order_status RENAME VALUE 'shipped' TO 'dispatched';\nUPDATE orders SET status = 'dispatched' WHERE id = '7';";
    const [base, m] = await analyzeMigrations([
      { path: 'db/0001_base.up.sql', sql: "CREATE TYPE order_status AS ENUM ('new', 'shipped');\nCREATE TABLE orders (id text PRIMARY KEY, status order_status);", history: true },
      { path: 'db/0002_rename.up.sql', sql, transaction: 'wrapped' },
    ]);
    const f = m!.report.findings.find((x) => x.rule === 'enum-value-changes')!;
    expect(f.suggestion).toContain('-- in a migration of its own, committed before anything uses the label');
    const parts = suggestionParts(m!, f.statement!, runnableSuggestion(f.suggestion)!, f.suggestion!, 'instead', new Set(), '17.5');
    expect(parts.map((p) => p.transaction)).toEqual(['wrapped', 'wrapped']);
    await verifySuggestions([{ migration: base!.migration, up: base!.up, down: null }], [m!], OPTS);
    expect(f.suggestionVerification).toMatchObject({ status: 'verified' });
  }, 300_000);

  it('runs SQL about the file as a whole (no one statement: an index for its foreign key) after the file\'s statements', async () => {
    const [base, m] = await analyzeMigrations([
      { path: 'db/0001_base.up.sql', sql: `${BASE}\nCREATE TABLE notes (id text PRIMARY KEY, doc_id text);`, history: true },
      { path: 'db/0002_fk.up.sql', sql: 'ALTER TABLE notes ADD CONSTRAINT notes_doc_fk FOREIGN KEY (doc_id) REFERENCES docs (id) NOT VALID;\nALTER TABLE notes VALIDATE CONSTRAINT notes_doc_fk;', transaction: 'wrapped' },
    ]);
    const f = m!.report.findings.find((x) => x.rule === 'foreign-key-without-index')!;
    expect(f.statement).toBeUndefined();
    expect(f.suggestion).toBe('CREATE INDEX CONCURRENTLY notes_doc_id_idx ON notes (doc_id);  -- in a migration of its own that the runner does not wrap in a transaction');
    // Run as well as the file, not instead of anything: reports say "Also run:".
    expect(f.suggestionRuns).toBe('after');
    expect(suggestionLabel(f)).toBe('Also run');
    const parts = suggestionParts(m!, undefined, runnableSuggestion(f.suggestion)!, f.suggestion!, f.suggestionRuns!, new Set(), '17.5');
    expect(parts.map((p) => [p.text.split('\n').length, p.transaction])).toEqual([[2, 'wrapped'], [1, 'none']]);
    // After a statement, the statement is kept: the suggestion comes between it and the next one.
    const between = suggestionParts(m!, m!.up.statements[0]!.index, runnableSuggestion('SELECT 1;')!, 'SELECT 1;', 'after', new Set(), '17.5');
    expect(between).toEqual([{ text: `${m!.up.statements[0]!.text.trim().replace(/;\s*$/, '')};\nSELECT 1;\n${m!.up.statements[1]!.text.trim().replace(/;\s*$/, '')};`, transaction: 'wrapped', faithful: false }]);
    await verifySuggestions([{ migration: base!.migration, up: base!.up, down: null }], [m!], OPTS);
    expect(f.suggestionVerification).toMatchObject({ status: 'verified' });
  }, 300_000);

  it('verifies concurrently-in-transaction\'s advice: the statement in a migration of its own, the runner\'s advice as a comment', async () => {
    const [base, m] = await analyzeMigrations([
      { path: 'db/0001_base.up.sql', sql: BASE, history: true },
      { path: 'db/0002_idx.up.sql', sql: 'ALTER TABLE docs ADD COLUMN slug text;\nCREATE INDEX CONCURRENTLY docs_slug_idx ON docs (slug);', transaction: 'wrapped' },
    ]);
    const f = m!.report.findings.find((x) => x.rule === 'concurrently-in-transaction')!;
    expect(f.suggestion).toMatch(/^-- the runner wraps this migration in a transaction: .*\nCREATE INDEX CONCURRENTLY docs_slug_idx ON docs \(slug\);  -- in a migration of its own that the runner does not wrap in a transaction$/);
    expect(runnableSuggestion(f.suggestion)).toHaveLength(1);
    await verifySuggestions([{ migration: base!.migration, up: base!.up, down: null }], [m!], OPTS);
    expect(f.suggestionVerification).toMatchObject({ status: 'verified' });
  }, 300_000);
  // The partition-by-partition recipe holds CREATE INDEX CONCURRENTLY: its comment said only
  // "outside a transaction", which does not send a suggestion to a migration of its own, so it
  // ran in the runner's transaction, where PostgreSQL refuses it.
  it('runs the partitioned-index recipe as a migration of its own, outside the runner\'s transaction', async () => {
    const history = "CREATE TABLE m (id bigint, device_id bigint, taken_on date) PARTITION BY RANGE (taken_on);\nCREATE TABLE m_2025 PARTITION OF m FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');";
    const [base, m] = await analyzeMigrations([
      { path: 'db/0001_base.up.sql', sql: history, history: true },
      { path: 'db/0002_idx.up.sql', sql: 'CREATE INDEX m_device_idx ON m (device_id);', transaction: 'wrapped' },
    ]);
    const f = m!.report.findings.find((x) => x.rule === 'require-concurrent-index')!;
    expect(f.suggestion).toContain('CREATE INDEX CONCURRENTLY IF NOT EXISTS m_2025_m_device_idx ON m_2025 (device_id);  -- in a migration of its own');
    await verifySuggestions([{ migration: base!.migration, up: base!.up, down: null }], [m!], OPTS);
    expect(f.suggestionVerification).toMatchObject({ status: 'verified', engine: 'pglite' });
  }, 300_000);
  it('says why SQL with no place to run was not run: a nested statement, the rollback file, or the file as a whole', async () => {
    const sql = "DO $$ BEGIN UPDATE docs SET title = 'x'; END $$;\nALTER TABLE docs ADD COLUMN slug text;";
    const suggestion = 'ALTER TABLE docs ADD COLUMN body text;';
    const [base, m] = await analyzeMigrations([
      { path: 'db/0001_base.up.sql', sql: BASE, history: true },
      {
        path: 'db/0002_x.up.sql', sql,
        findings: [
          { rule: 'x', risk: 'CAUTION', line: 1, column: 19, statement: 1, message: 'nested', suggestion },
          { rule: 'x', risk: 'CAUTION', line: 1, column: 1, path: 'db/0002_x.down.sql', message: 'rollback', suggestion },
          { rule: 'x', risk: 'CAUTION', line: 1, column: 1, message: 'file', suggestion, suggestionRuns: 'before' },
        ],
      },
    ]);
    expect(m!.up.statements.find((s) => s.index === 1)?.nestedIn).toBeDefined();
    const run = await verifySuggestions([{ migration: base!.migration, up: base!.up, down: null }], [m!], OPTS);
    expect(run).toEqual({ verified: 0, failed: 0, notRun: 3 });
    expect(m!.report.findings.map((f) => [f.message, f.suggestionVerification?.status === 'not-run' ? f.suggestionVerification.reason : f.suggestionVerification?.status])).toEqual([
      ['nested', 'it is about a statement inside another one, so there is no place to run it'],
      ['rollback', 'it is about the rollback file, so there is no place to run it'],
      ['file', 'it is about the file as a whole, not one statement of it, so there is no statement to run it before or in place of'],
    ]);
    });

  // Each suggestion verified in its place alone can still break another: the author applies them
  // all. A SET before a CREATE INDEX that goes to a migration of its own goes with it.
  describe('together', () => {
    const IDX = 'CREATE INDEX docs_title_idx ON docs (title);';
    async function review(sql: string, transaction: 'implicit' | 'none' | 'wrapped') {
      const [base, m] = await analyzeMigrations([
        { path: 'db/0001_base.up.sql', sql: BASE, history: true },
        { path: 'db/0002_change.up.sql', sql, transaction },
      ]);
      const byRule = (rule: string) => m!.report.findings.find((f) => f.rule === rule)!;
      return { base: [{ migration: base!.migration, up: base!.up, down: null }], m: m!, byRule };
    }

    it('golang-migrate: SET before the CONCURRENTLY index that needs a file of its own would make that file one transaction', async () => {
      const { base, m, byRule } = await review(IDX, 'implicit');
      const idx = byRule('require-concurrent-index');
      const lock = byRule('require-lock-timeout');
      expect(lock).toMatchObject({ statement: 0, suggestionRuns: 'before' });
      expect(lock.suggestion).toMatch(/^SET lock_timeout/);
      const run = await verifySuggestions(base, [m], OPTS);
      expect(idx.suggestionVerification).toMatchObject({ status: 'verified' });
      for (const rule of ['require-lock-timeout', 'require-statement-timeout']) {
        const f = byRule(rule);
        expect(f.suggestionVerification, rule).toMatchObject({ status: 'failed' });
        const v = f.suggestionVerification!;
        expect(v.status === 'failed' && v.reason).toMatch(/^applied together with the suggestion for line 1, it fails: CREATE INDEX CONCURRENTLY cannot run inside a transaction block/);
        // Taken back: the rule's words, not the SQL.
        expect(f.suggestion).toMatch(/^\(the suggested SQL failed when run on pglite: applied together/);
        expect(f.suggestionRuns).toBeUndefined();
      }
      expect(run).toEqual({ verified: 1, failed: 2, notRun: 0 });
    }, 300_000);

    it('a runner that runs the file outside a transaction: the SETs and the index run together', async () => {
      const { base, m, byRule } = await review(IDX, 'none');
      const run = await verifySuggestions(base, [m], OPTS);
      expect(run).toEqual({ verified: 3, failed: 0, notRun: 0 });
      expect(byRule('require-lock-timeout').suggestion).toMatch(/^SET lock_timeout/);
    }, 300_000);

    it('a wrapping runner: SET LOCAL would go with the index into a migration outside a transaction, where it does nothing', async () => {
      const { base, m, byRule } = await review(IDX, 'wrapped');
      const idx = byRule('require-concurrent-index');
      const lock = byRule('require-lock-timeout');
      expect(lock.suggestion).toMatch(/^SET LOCAL lock_timeout/);
      const parts = placedParts(m, [idx, lock].map((f) => ({ index: f.statement, sql: runnableSuggestion(f.suggestion)!, suggestion: f.suggestion!, runs: f.suggestionRuns ?? 'instead', also: new Set<number>() })), '17.5');
      expect(parts).toEqual([expect.objectContaining({ transaction: 'none', faithful: true, noEffect: expect.stringMatching(/^SET LOCAL lock_timeout would run outside a transaction block/) })]);
      expect(parts[0]!.text).toMatch(/^SET LOCAL lock_timeout = '5s';\nCREATE INDEX CONCURRENTLY docs_title_idx/);
      await verifySuggestions(base, [m], OPTS);
      expect(idx.suggestionVerification).toMatchObject({ status: 'verified' });
      const v = lock.suggestionVerification!;
      expect(v.status === 'failed' && v.reason).toMatch(/SET LOCAL lock_timeout would run outside a transaction block, where it changes nothing/);
    }, 300_000);

    // Two suggestions that each replace the same statement are alternatives: each verified alone,
    // both shown as verified, a reader would run both. The one verified with the rest of the
    // file is shown; the other's SQL is not, and its finding says which one to use.
    it('shows one of two suggestions that replace the same statement, the one verified with the rest', async () => {
      const sql = `${IDX}\nALTER TABLE docs ADD COLUMN slug text;`;
      const findings = [
        { rule: 'require-concurrent-index', risk: 'CAUTION' as const, line: 1, column: 1, statement: 0, message: 'blocks writes', suggestion: 'CREATE INDEX CONCURRENTLY docs_title_idx ON docs (title);' },
        { rule: 'prefer-robust-stmts', risk: 'CAUTION' as const, line: 1, column: 1, statement: 0, message: 'not robust', suggestion: 'CREATE INDEX IF NOT EXISTS docs_title_idx ON docs (title);' },
        { rule: 'other', risk: 'CAUTION' as const, line: 2, column: 1, statement: 1, message: 'm', suggestion: 'ALTER TABLE docs ADD COLUMN IF NOT EXISTS slug text;' },
      ];
      for (const withThird of [false, true]) {
        const [base, m] = await analyzeMigrations([
          { path: 'db/0001_base.up.sql', sql: BASE, history: true },
          { path: 'db/0002_change.up.sql', sql, transaction: 'none', findings: structuredClone(withThird ? findings : findings.slice(0, 2)) },
        ]);
        const run = await verifySuggestions([{ migration: base!.migration, up: base!.up, down: null }], [m!], OPTS);
        expect(run).toEqual({ verified: withThird ? 2 : 1, failed: 0, notRun: 1 });
        const [kept, alternative] = m!.report.findings;
        expect(kept!.suggestionVerification).toMatchObject({ status: 'verified' });
        expect(kept!.suggestion).toContain('CONCURRENTLY');
        const v = alternative!.suggestionVerification!;
        expect(v.status).toBe('not-run');
        expect(v.status === 'not-run' && v.reason).toMatch(new RegExp(`^it replaces the same statement as the suggestion of require-concurrent-index \\(line 1\\), which was verified${withThird ? ' together with the other suggestions for this file' : ''} and is the one shown`));
        expect(alternative!.suggestion).not.toMatch(/CREATE INDEX/);
        expect(alternative!.suggestion).toMatch(/^\(its SQL is not shown: the suggestion of require-concurrent-index at line 1 replaces the same statement\)/);
        expect(runnableSuggestion(alternative!.suggestion)).toBeUndefined();
      }
    }, 300_000);

    it('a SET before a statement that one ALTER TABLE for two takes along goes before that ALTER TABLE, and they verify together', async () => {
      const { base, m, byRule } = await review('ALTER TABLE docs ADD COLUMN slug text;\nALTER TABLE docs ADD COLUMN body text;', 'wrapped');
      const combined = byRule('multiple-blocking-alters');
      const lock = byRule('require-lock-timeout');
      expect(combined.alsoReplaces).toEqual([{ statement: 0, line: 1 }]);
      expect(lock).toMatchObject({ statement: 0, suggestionRuns: 'before' });
      const run = await verifySuggestions(base, [m], OPTS);
      expect(run.failed).toBe(0);
      expect(combined.suggestionVerification).toMatchObject({ status: 'verified' });
      expect(lock.suggestionVerification).toMatchObject({ status: 'verified' });
    }, 300_000);
  });
});
