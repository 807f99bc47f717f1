// The verifier runs a plan document on PGlite with the base schema and seeded rows, and proves
// it (or says what failed): the same checks `plan` and the corpus script rely on.
import { afterAll, describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/plan/index.js';
import { parsePlanDocument, planDocument, planDocumentSchema, type PlanDocument } from '../../src/plan/json.js';
import { VerifySession, readColumnShapes, verifyPlan } from '../../src/verify/index.js';
import { approvalBlock, planOverview } from '../../src/report/markdown/sections.js';
import { renderPlanText } from '../../src/plan/text.js';
import { analyzeMigrations } from '../plan/helpers.js';
import { SERVER_URL, TEST_CACHE_DIR, requireServer } from '../dryrun/helpers.js';

const BASE = `CREATE TABLE "Team" (id text PRIMARY KEY);
CREATE TABLE "TeamCollection" (id text PRIMARY KEY, "parentID" text, title text);
ALTER TABLE "TeamCollection" ADD CONSTRAINT "TeamCollection_parentID_fkey" FOREIGN KEY ("parentID") REFERENCES "TeamCollection"(id) ON DELETE SET NULL;`;
const PRISMA = `ALTER TABLE "TeamCollection" DROP CONSTRAINT "TeamCollection_parentID_fkey";
ALTER TABLE "TeamCollection" ADD CONSTRAINT "TeamCollection_parentID_fkey" FOREIGN KEY ("parentID") REFERENCES "TeamCollection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "TeamCollection_title_idx" ON "TeamCollection"(title);`;

// One session for the file, as `plan` and a check share one for a review (src/verify/session.ts):
// what it keeps (images, the schema the migrations produce, whether they fail on the seeded
// rows) is worked out from the input alone, and every verification still runs on a sandbox of
// its own. Cases with the same input then start one engine less each.
const session = new VerifySession({ engine: 'pglite', cacheDir: TEST_CACHE_DIR });
afterAll(() => session.dispose());
const OPTS = { engine: 'pglite' as const, cacheDir: TEST_CACHE_DIR, seedRows: 50, session };

async function setup(sql: string, baseSql = BASE) {
  const [base, review] = await analyzeMigrations([{ path: 'db/0001_base.up.sql', sql: baseSql, history: true }, { path: 'db/0002_change.up.sql', sql }]);
  const input = { base: [{ migration: base!.migration, up: base!.up, down: null }], review: [{ migration: review!.migration, up: review!.up, down: null }] };
  // As `plan` does before it builds the plan: the columns it changes, read from the base.
  await readColumnShapes(input.base, [review!], OPTS);
  const plan = buildPlan([review!], { pgVersion: 16 });
  const doc = planDocument(plan, 16);
  return { input, doc, plan, review: review! };
}

/**
 * The Prisma plan with a step that fails (its constraint exists already), verified once: it is
 * what the failure report and the renderers of a failed plan are tested on.
 */
let brokenRun: ReturnType<typeof verifyBroken> | undefined;
async function verifyBroken() {
  const { input, doc, plan, review } = await setup(PRISMA);
  const broken: PlanDocument = structuredClone(doc);
  broken.phases[0]!.steps[0]!.sql.push('ALTER TABLE "TeamCollection" ADD CONSTRAINT "TeamCollection_parentID_fkey" CHECK (true)');
  return { plan, review, v: await verifyPlan(broken, input, OPTS) };
}

describe('verifyPlan', () => {
  it('verifies the Prisma drop/re-add of a foreign key, from the JSON document, with seeded rows', async () => {
    const { input, doc } = await setup(PRISMA);
    const fromJson = parsePlanDocument(JSON.stringify(doc));
    const v = await verifyPlan(fromJson, input, OPTS);
    expect(v.plan).toMatchObject({ status: 'verified', engine: 'pglite', seededRows: 50 });
    expect(v.phases.every((p) => p.status === 'verified')).toBe(true);
    expect(planDocumentSchema.safeParse(planDocument(buildPlan([], { pgVersion: 16 }), 16, v)).success).toBe(true);
  }, 120_000);

  // documenso's add_folders (17370749b4, two Prisma migrations): a foreign key is added, dropped,
  // its column and the key it references change type, and it is added again. The drop waited
  // for its re-add past the type change ('foreign key constraint cannot be implemented'), and
  // the new table's own rewrite was then reported as one of a table with data.
  it('verifies a foreign key dropped, both its columns retyped, and added again under its name', async () => {
    const change = `CREATE TABLE "Folder" ("id" SERIAL NOT NULL, "parentId" INTEGER, CONSTRAINT "Folder_pkey" PRIMARY KEY ("id"));
ALTER TABLE "Document" ADD COLUMN "folderId" INTEGER;
ALTER TABLE "Document" ADD CONSTRAINT "Document_folderId_fkey" FOREIGN KEY ("folderId") REFERENCES "Folder"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Document" DROP CONSTRAINT "Document_folderId_fkey";
ALTER TABLE "Document" ALTER COLUMN "folderId" SET DATA TYPE TEXT;
ALTER TABLE "Folder" DROP CONSTRAINT "Folder_pkey", ADD COLUMN "pinned" BOOLEAN NOT NULL DEFAULT false, ALTER COLUMN "id" DROP DEFAULT, ALTER COLUMN "id" SET DATA TYPE TEXT, ADD CONSTRAINT "Folder_pkey" PRIMARY KEY ("id");
ALTER TABLE "Document" ADD CONSTRAINT "Document_folderId_fkey" FOREIGN KEY ("folderId") REFERENCES "Folder"("id") ON DELETE SET NULL ON UPDATE CASCADE;`;
    const { input, doc } = await setup(change, 'CREATE TABLE "Document" (id integer PRIMARY KEY, title text);');
    const v = await verifyPlan(doc, input, OPTS);
    expect(v.plan, JSON.stringify(v.plan)).toMatchObject({ status: 'verified', seededRows: 50 });
  }, 120_000);

  it('reports Postgres\' error for a step that fails, and does not run later phases', async () => {
    const { v } = await (brokenRun ??= verifyBroken());
    expect(v.plan.status).toBe('failed');
    expect(v.phases[0]).toMatchObject({ status: 'failed', step: '1.1' });
    expect(v.plan.status === 'failed' && v.plan.reason).toMatch(/already exists/);
    expect(v.phases.slice(1).every((p) => p.status === 'not-run')).toBe(true);
  }, 120_000);

  it('fails a plan that ends in another schema than the migration', async () => {
    const { input, doc } = await setup(PRISMA);
    const short: PlanDocument = { ...doc, phases: doc.phases.filter((p) => p.name !== 'validate') };
    const v = await verifyPlan(short, input, OPTS);
    expect(v.plan.status).toBe('failed');
    expect(v.plan.status === 'failed' && v.plan.reason).toContain('TeamCollection_parentID_fkey');
  }, 120_000);

  it('fails a step that rewrites a table with data when the plan does not say so', async () => {
    const { input, doc } = await setup('ALTER TABLE "TeamCollection" ADD CONSTRAINT c CHECK (title <> \'\');');
    const lying: PlanDocument = structuredClone(doc);
    lying.phases[0]!.steps[0]!.sql.push('ALTER TABLE "TeamCollection" ALTER COLUMN title TYPE varchar(50)');
    const v = await verifyPlan(lying, input, OPTS);
    expect(v.plan.status === 'failed' && v.plan.reason).toMatch(/step 1.1 rewrote public."?TeamCollection/);
  }, 120_000);

  it('verifies the type change of a NOT NULL column with a default, an index and a check (all carried to the new column)', async () => {
    const base = `${BASE}
ALTER TABLE "TeamCollection" ADD COLUMN rank integer NOT NULL DEFAULT 0 CHECK (rank >= 0);
CREATE INDEX "TeamCollection_rank_idx" ON "TeamCollection" (rank);`;
    const { input, doc, review } = await setup('ALTER TABLE "TeamCollection" ALTER COLUMN rank TYPE bigint;', base);
    expect([...review.columnShapes!.values()][0]).toMatchObject({ notNull: true, default: '0', blockers: [] });
    const v = await verifyPlan(doc, input, OPTS);
    expect(v.plan, JSON.stringify(v.plan)).toMatchObject({ status: 'verified', seededRows: 50 });
    // The new column, its sync trigger, index and check: the expand phase's rollback drops them all.
    const expand = doc.phases.findIndex((p) => p.name === 'expand');
    expect(doc.phases[expand]!.rollbackSql?.length).toBeGreaterThan(0);
    expect(v.rollbacks[expand], JSON.stringify(v.rollbacks)).toMatchObject({ status: 'verified', seededRows: 50 });
  }, 120_000);

  it('owns up to the rewrite of a step with no online route (ADD COLUMN serial)', async () => {
    const { input, doc } = await setup('ALTER TABLE "TeamCollection" ADD COLUMN seq serial;');
    expect(doc.phases[0]!.steps[0]!.prose).toMatch(/^No online alternative/);
    const v = await verifyPlan(doc, input, OPTS);
    expect(v.plan).toMatchObject({ status: 'verified' });
  }, 120_000);

  it('never presents a plan that failed its verification as safe', async () => {
    const { v, plan, review } = await (brokenRun ??= verifyBroken());
    expect(v.plan.status).toBe('failed');
    const overview = planOverview(plan, v);
    expect(overview).not.toContain('Safe plan');
    expect(overview).toContain('failed verification');
    const result = { report: { version: 1 as const, risk: 'DANGEROUS' as const, migrations: [review.report], errors: [] }, migrations: [review], sources: new Map(), planVerification: v };
    const approval = approvalBlock(result, { approval: null, approvalRisk: 'CAUTION', docsUrl: () => '', ruleTitle: () => undefined });
    expect(approval).not.toContain('follow the plan');
    expect(approval).toContain('failed its verification');
  }, 120_000);

  it('batches an UPDATE whose value is of another type than the column, comparing as Postgres assigns (umami: varchar = numeric)', async () => {
    const base = `CREATE TABLE event_data (id text PRIMARY KEY, event_data_type integer, event_string_value varchar(500), event_numeric_value numeric(19,4), props json);`;
    // The column is renamed first, so its type is the base's under its old name; the added one is the migration's.
    const sql = `ALTER TABLE event_data RENAME COLUMN event_data_type TO data_type;
ALTER TABLE event_data RENAME COLUMN event_string_value TO string_value;
ALTER TABLE event_data RENAME COLUMN event_numeric_value TO number_value;
ALTER TABLE event_data ADD COLUMN label varchar(40);
UPDATE event_data SET string_value = number_value WHERE data_type IS NOT NULL;
UPDATE event_data SET label = number_value, props = '{"a": 1}' WHERE number_value IS NOT NULL;`;
    const { input, doc, review } = await setup(sql, base);
    expect(review.columnShapes?.get('public.event_data|event_string_value')).toMatchObject({ type: 'character varying(500)' });
    const steps = doc.phases.flatMap((p) => p.steps).flatMap((s) => s.sql).join('\n');
    expect(steps).toContain('string_value IS DISTINCT FROM CAST(number_value AS character varying(500))');
    expect(steps).toMatch(/\(label, props::text\) IS DISTINCT FROM \(CAST\(number_value AS varchar\(40\)\), CAST\('\{"a": 1\}' AS json\)::text\)/);
    const v = await verifyPlan(doc, input, OPTS);
    expect(v.plan, JSON.stringify(v.plan)).toMatchObject({ status: 'verified', seededRows: 50 });
  }, 120_000);
});



// A phase's rollback SQL is printed as something to run: it is run right after its phase, in the
// same database, one statement at a time, and must leave the schema the phase started from.
describe('verifyPlan: rollback SQL', () => {
  const CHANGE = `ALTER TABLE "TeamCollection" ADD COLUMN rank integer;
ALTER TABLE "TeamCollection" ADD CONSTRAINT title_set CHECK (title IS NOT NULL);
CREATE INDEX "TeamCollection_rank_idx" ON "TeamCollection" (rank);`;

  it('runs each phase\'s rollback after it (DROP INDEX CONCURRENTLY outside a transaction), then the phase again', async () => {
    const { input, doc } = await setup(CHANGE);
    expect(doc.phases.map((p) => p.name)).toEqual(['expand', 'validate']);
    expect(doc.phases[0]!.rollbackSql![0]).toMatch(/^DROP INDEX CONCURRENTLY IF EXISTS/);
    const v = await verifyPlan(doc, input, OPTS);
    expect(v.plan).toMatchObject({ status: 'verified', seededRows: 50 });
    expect(v.rollbacks[0]).toMatchObject({ status: 'verified', seededRows: 50 });
    // The validate phase validates what the expand phase added: nothing of its own to drop, and its words say so.
    expect(doc.phases[1]!.rollbackSql).toBeUndefined();
    expect(v.rollbacks[1]).toMatchObject({ status: 'not-run' });
    expect(doc.phases[1]!.rollback).not.toMatch(/below/);
    const json = planDocument(buildPlan([], { pgVersion: 16 }), 16, v);
    expect(planDocumentSchema.safeParse(json).success).toBe(true);
  }, 120_000);

  it('fails a rollback that errors, shows no SQL for it, and still verifies the plan on a fresh database', async () => {
    const { input, doc, plan } = await setup(CHANGE);
    const broken: PlanDocument = structuredClone(doc);
    broken.phases[0]!.rollbackSql!.splice(1, 0, 'ALTER TABLE "NoSuchTable" DROP COLUMN rank');
    const v = await verifyPlan(broken, input, OPTS);
    expect(v.rollbacks[0]).toMatchObject({ status: 'failed', seededRows: 50 });
    expect(v.rollbacks[0]!.status === 'failed' && v.rollbacks[0]!.reason).toMatch(/rollback SQL failed: .*NoSuchTable.*does not exist/);
    // The database the rollback left is not where the plan leaves it: the next phase ran on a fresh one.
    expect(v.phases).toEqual([expect.objectContaining({ status: 'verified' }), expect.objectContaining({ status: 'verified' })]);
    expect(v.plan).toMatchObject({ status: 'verified' });

    const shown = structuredClone(plan);
    shown.phases[0]!.rollbackSql = broken.phases[0]!.rollbackSql;
    const text = renderPlanText(shown, v);
    expect(text).not.toContain('DROP COLUMN IF EXISTS rank');
    expect(text).toMatch(/Its rollback SQL is not shown: it FAILED verification/);
    const md = planOverview(shown, v);
    expect(md).not.toContain('DROP COLUMN IF EXISTS rank');
    expect(md).toContain('❌ Its rollback SQL is not shown');
    // Nor in the plan's JSON: a reader of rollbackSql would run it.
    expect(planDocument(shown, 16, v).phases[0]!.rollbackSql).toBeUndefined();

    // A rollback that was not run is not shown either, only why.
    const notRun = { ...v, rollbacks: [{ status: 'not-run' as const, reason: 'the phase failed' }, ...v.rollbacks.slice(1)] };
    const unrun = structuredClone(plan);
    expect(renderPlanText(unrun, notRun)).toMatch(/Its rollback SQL is not shown: it was not run \(the phase failed\)/);
    const mdNotRun = planOverview(unrun, notRun);
    expect(mdNotRun).toContain('⚪ Its rollback SQL is not shown: it was not run (the phase failed)');
    expect(mdNotRun).not.toContain(unrun.phases[0]!.rollbackSql![0]!);
  }, 120_000);

  // The total time limit, reached while a phase's rollback runs, proves nothing about the
  // rollback or the phases after it: neither is marked failed (nor verified), and no database is
  // rebuilt with no time left (which read as "the verification engine failed").
  it('marks a rollback cut by the total time limit, and the rest of the plan, not run', async () => {
    const { input, doc, plan } = await setup(CHANGE);
    const slow: PlanDocument = structuredClone(doc);
    slow.phases[0]!.rollbackSql!.unshift('SELECT pg_sleep(600)');
    const started = Date.now();
    const v = await verifyPlan(slow, input, { ...OPTS, statementTimeoutMs: 300_000, totalTimeoutMs: 20_000 });
    expect(Date.now() - started).toBeLessThan(90_000);
    const reason = 'the verification total time limit was reached';
    expect(v.phases[0]).toMatchObject({ status: 'verified' });
    expect(v.rollbacks).toEqual([{ status: 'not-run', reason }, { status: 'not-run', reason }]);
    expect(v.phases[1]).toEqual({ status: 'not-run', reason });
    expect(v.plan).toEqual({ status: 'not-run', reason });
    // The rollback is not shown as SQL to run, only why (the JSON keeps it, marked not run, as without verification).
    const shown = structuredClone(plan);
    shown.phases[0]!.rollbackSql = slow.phases[0]!.rollbackSql;
    expect(planDocument(shown, 16, v).phases[0]!.rollbackVerification).toEqual({ status: 'not-run', reason });
    const text = renderPlanText(shown, v);
    expect(text).toContain(`Its rollback SQL is not shown: it was not run (${reason})`);
    expect(text).not.toContain('pg_sleep');
  }, 120_000);

  it('fails a rollback that leaves part of the phase behind', async () => {
    const { input, doc } = await setup(CHANGE);
    const short: PlanDocument = structuredClone(doc);
    short.phases[0]!.rollbackSql = short.phases[0]!.rollbackSql!.filter((s) => !/DROP COLUMN/.test(s));
    const v = await verifyPlan(short, input, OPTS);
    expect(v.rollbacks[0]!.status === 'failed' && v.rollbacks[0]!.reason).toMatch(/does not undo the phase: .*rank.* still exists after the rollback/);
    expect(v.plan).toMatchObject({ status: 'verified' });
  }, 120_000);

  // Attaching the constraint USING INDEX hands the index to it: dropping the constraint drops the
  // index too, which the validate phase's rollback then has to build again (the expand phase's
  // rollback drops it). Its rollback used to leave the expand phase's index missing.
  it('rolls back a unique constraint attached USING INDEX to the index the expand phase built', async () => {
    const { input, doc } = await setup('ALTER TABLE "TeamCollection" ADD CONSTRAINT title_key UNIQUE (title);');
    expect(doc.phases.map((p) => p.name)).toEqual(['expand', 'validate']);
    expect(doc.phases[1]!.rollbackSql).toEqual([
      'ALTER TABLE "TeamCollection" DROP CONSTRAINT IF EXISTS title_key',
      'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS title_key ON "TeamCollection" (title)',
    ]);
    const v = await verifyPlan(doc, input, OPTS);
    expect(v.plan).toMatchObject({ status: 'verified' });
    expect(v.rollbacks, JSON.stringify(v.rollbacks)).toEqual([expect.objectContaining({ status: 'verified' }), expect.objectContaining({ status: 'verified' })]);
  }, 120_000);

  // ADD PRIMARY KEY sets its columns NOT NULL, and dropping the key leaves them so: the
  // validate phase's rollback left a column NOT NULL that was nullable when the phase began.
  // Whether it was comes from the base schema (read like the columns a type change moves) or
  // from the migration's own statements before the key.
  describe('a primary key attached USING INDEX', () => {
    const EVENTS = 'CREATE TABLE events (id bigint, code bigint NOT NULL, name text);';
    // A key on a column the migration adds fails on rows that exist (they hold NULL there), as
    // written and as planned: those cases run on empty tables.
    const cases: Array<{ name: string; sql: string; dropsNotNull: string[]; empty?: true }> = [
      { name: 'a column nullable in the base', sql: 'ALTER TABLE events ADD PRIMARY KEY (id);', dropsNotNull: ['id'] },
      { name: 'a column NOT NULL in the base', sql: 'ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY (code);', dropsNotNull: [] },
      { name: 'one of each', sql: 'ALTER TABLE events ADD PRIMARY KEY (code, id);', dropsNotNull: ['id'] },
      { name: 'a column the migration adds with the key', sql: 'ALTER TABLE events ADD COLUMN ref bigint PRIMARY KEY;', dropsNotNull: ['ref'], empty: true },
      { name: 'a column the migration added nullable before', sql: 'ALTER TABLE events ADD COLUMN ref bigint;\nALTER TABLE events ADD PRIMARY KEY (ref);', dropsNotNull: ['ref'], empty: true },
      { name: 'a column the migration made nullable before', sql: 'ALTER TABLE events ALTER COLUMN code DROP NOT NULL;\nALTER TABLE events ADD PRIMARY KEY (code);', dropsNotNull: ['code'] },
    ];
    for (const c of cases) {
      it(`undoes the NOT NULL it set: ${c.name}`, async () => {
        const { input, doc } = await setup(c.sql, EVENTS);
        const validate = doc.phases.findIndex((p) => p.name === 'validate');
        const dropped = doc.phases[validate]!.rollbackSql!.filter((s) => /DROP NOT NULL/.test(s));
        expect(dropped).toEqual(c.dropsNotNull.map((col) => `ALTER TABLE events ALTER COLUMN ${col} DROP NOT NULL`));
        const v = await verifyPlan(doc, input, { ...OPTS, seedRows: c.empty ? 0 : 50 });
        expect(v.plan, JSON.stringify(v.plan)).toMatchObject({ status: 'verified' });
        expect(v.rollbacks[validate], JSON.stringify(v.rollbacks)).toMatchObject({ status: 'verified', seededRows: c.empty ? 0 : 50 });
      }, 120_000);
    }

    it('is verified on the PostgreSQL server too', async () => {
      await requireServer();
      const { input, doc } = await setup('ALTER TABLE events ADD PRIMARY KEY (code, id);', EVENTS);
      const v = await verifyPlan(doc, input, { engine: 'url', databaseUrl: SERVER_URL, seedRows: 20 });
      expect(v.plan).toMatchObject({ status: 'verified', engine: 'url' });
      expect(v.rollbacks, JSON.stringify(v.rollbacks)).toEqual([expect.objectContaining({ status: 'verified' }), expect.objectContaining({ status: 'verified' })]);
    }, 120_000);
  });

  // DSpace's V1.2 created a table and a view on it in the same migration: the view had no undo,
  // so the rollback's DROP TABLE failed on it ('other objects depend on it'); V1.3's sequence stayed.
  it('undoes a view, a materialized view and a sequence the phase created', async () => {
    const { input, doc } = await setup(`CREATE SEQUENCE item_seq;
CREATE TABLE item (id bigint PRIMARY KEY DEFAULT nextval('item_seq'), collection text REFERENCES "TeamCollection" (id));
CREATE VIEW item_view AS SELECT id, collection FROM item;
CREATE MATERIALIZED VIEW item_count AS SELECT count(*) AS n FROM item;
CREATE OR REPLACE VIEW team_view AS SELECT id FROM "Team";`);
    // No view of the history is named team_view: OR REPLACE creates it, and its undo drops it.
    expect(doc.phases[0]!.rollbackSql).toEqual([
      'DROP VIEW IF EXISTS team_view',
      'DROP MATERIALIZED VIEW IF EXISTS item_count',
      'DROP VIEW IF EXISTS item_view',
      'DROP TABLE IF EXISTS item',
      'DROP SEQUENCE IF EXISTS item_seq',
    ]);
    const v = await verifyPlan(doc, input, OPTS);
    expect(v.plan).toMatchObject({ status: 'verified' });
    expect(v.rollbacks[0], JSON.stringify(v.rollbacks)).toMatchObject({ status: 'verified', seededRows: 50 });
  }, 120_000);

  // A rename's reverse is certain: the rollback renames back (the column rename kept as written,
  // since the migration gives the old name to a new column, the index, constraint, sequence,
  // view, enum value, type and schema renames), in reverse order.
  it('renames back what the phase renamed', async () => {
    const base = `CREATE SCHEMA archive;
CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE TYPE shade AS ENUM ('dark', 'light');
CREATE TABLE events (id bigint, code bigint NOT NULL, name text, feeling mood, CONSTRAINT events_code_check CHECK (code > 0));
CREATE INDEX events_name_idx ON events (name);
CREATE SEQUENCE events_seq;
CREATE VIEW events_view AS SELECT id, name FROM events;`;
    const { input, doc } = await setup(`ALTER INDEX events_name_idx RENAME TO events_label_idx;
ALTER TABLE events RENAME CONSTRAINT events_code_check TO events_code_positive;
ALTER SEQUENCE events_seq RENAME TO events_id_seq;
ALTER VIEW events_view RENAME TO events_list;
ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';
ALTER TYPE shade RENAME TO tone;
ALTER SCHEMA archive RENAME TO old_archive;
ALTER TABLE events RENAME COLUMN code TO legacy_code;
ALTER TABLE events ADD COLUMN code text;`, base);
    const undo = doc.phases.flatMap((p) => p.rollbackSql ?? []);
    for (const back of [
      'ALTER INDEX events_label_idx RENAME TO events_name_idx',
      'ALTER TABLE events RENAME CONSTRAINT events_code_positive TO events_code_check',
      'ALTER SEQUENCE events_id_seq RENAME TO events_seq',
      'ALTER VIEW events_list RENAME TO events_view',
      "ALTER TYPE mood RENAME VALUE 'blue' TO 'sad'",
      'ALTER TYPE tone RENAME TO shade',
      'ALTER SCHEMA old_archive RENAME TO archive',
      'ALTER TABLE events RENAME COLUMN legacy_code TO code',
    ]) expect(undo).toContain(back);
    const v = await verifyPlan(doc, input, OPTS);
    expect(v.plan, JSON.stringify(v.plan)).toMatchObject({ status: 'verified' });
    expect(v.rollbacks.filter((r, i) => doc.phases[i]!.rollbackSql).every((r) => r.status === 'verified'), JSON.stringify(v.rollbacks)).toBe(true);
  }, 120_000);

  // CREATE OR REPLACE VIEW of a view the history defined: the rollback makes the previous
  // definition again, in place when both name the same columns, else dropped and created
  // (OR REPLACE cannot take a column away).
  describe('a view replaced', () => {
    const VIEWS = `CREATE TABLE events (id bigint, code bigint NOT NULL, name text);
CREATE VIEW active AS SELECT id, name FROM events;`;
    const cases = [
      { name: 'with the same columns', sql: 'CREATE OR REPLACE VIEW active AS SELECT id, name FROM events WHERE code > 0;', undo: ['CREATE OR REPLACE VIEW active AS SELECT id, name FROM events'] },
      { name: 'with a column more', sql: 'CREATE OR REPLACE VIEW active AS SELECT id, name, code FROM events;', undo: ['DROP VIEW IF EXISTS active', 'CREATE VIEW active AS SELECT id, name FROM events'] },
      { name: 'after a rename of the view', sql: 'CREATE OR REPLACE VIEW current AS SELECT id, name FROM events WHERE code > 1;', undo: ['CREATE OR REPLACE VIEW current AS SELECT id, name FROM events'], extra: 'ALTER VIEW active RENAME TO current;' },
    ];
    for (const c of cases) {
      it(`puts the previous definition back: ${c.name}`, async () => {
        const { input, doc } = await setup(c.sql, c.extra ? `${VIEWS}\n${c.extra}` : VIEWS);
        expect(doc.phases[0]!.rollbackSql).toEqual(c.undo);
        const v = await verifyPlan(doc, input, OPTS);
        expect(v.plan).toMatchObject({ status: 'verified' });
        expect(v.rollbacks[0], JSON.stringify(v.rollbacks)).toMatchObject({ status: 'verified' });
      }, 120_000);
    }

    it('says plainly that a view changed since its definition has no undo', async () => {
      const { doc, plan } = await setup('CREATE OR REPLACE VIEW active AS SELECT id, name FROM events WHERE code > 0;', `${VIEWS}\nALTER VIEW active SET (security_barrier = true);`);
      expect(doc.phases[0]!.rollbackSql).toBeUndefined();
      expect(plan.notes.join('\n')).toMatch(/CREATE OR REPLACE VIEW active replaces a view whose definition the migrations before it do not show .*: the plan has no SQL that puts it back/);
    }, 120_000);
  });

  it('prints verified rollback SQL with its mark, in the text plan and the comment', async () => {
    const { input, doc, plan } = await setup(CHANGE);
    const v = await verifyPlan(doc, input, OPTS);
    const text = renderPlanText(plan, v);
    expect(text).toMatch(/Roll back: Drop what this phase added; the old code never used it\.\n {4}Run these one at a time, outside a transaction, in this order \(verified on pglite/);
    expect(text).toContain('      DROP INDEX CONCURRENTLY IF EXISTS "TeamCollection_rank_idx";');
    const md = planOverview(plan, v);
    expect(md).toContain('✅ Run these one at a time');
    expect(md).toContain('ALTER TABLE "TeamCollection" DROP COLUMN IF EXISTS rank;');
    expect(md).not.toMatch(/statements below/);
  }, 120_000);
});
