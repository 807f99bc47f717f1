// The verifier runs a plan document on PGlite with the base schema and seeded rows, and proves
// it (or says what failed): the same checks `plan` and the corpus script rely on.
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/plan/index.js';
import { parsePlanDocument, planDocument, planDocumentSchema, type PlanDocument } from '../../src/plan/json.js';
import { verifyPlan } from '../../src/verify/index.js';
import { analyzeMigrations } from '../plan/helpers.js';
import { TEST_CACHE_DIR } from '../dryrun/helpers.js';

const BASE = `CREATE TABLE "Team" (id text PRIMARY KEY);
CREATE TABLE "TeamCollection" (id text PRIMARY KEY, "parentID" text, title text);
ALTER TABLE "TeamCollection" ADD CONSTRAINT "TeamCollection_parentID_fkey" FOREIGN KEY ("parentID") REFERENCES "TeamCollection"(id) ON DELETE SET NULL;`;
const PRISMA = `ALTER TABLE "TeamCollection" DROP CONSTRAINT "TeamCollection_parentID_fkey";
ALTER TABLE "TeamCollection" ADD CONSTRAINT "TeamCollection_parentID_fkey" FOREIGN KEY ("parentID") REFERENCES "TeamCollection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "TeamCollection_title_idx" ON "TeamCollection"(title);`;

async function setup(sql: string) {
  const [base, review] = await analyzeMigrations([{ path: 'db/0001_base.up.sql', sql: BASE, history: true }, { path: 'db/0002_change.up.sql', sql }]);
  const input = { base: [{ migration: base!.migration, up: base!.up, down: null }], review: [{ migration: review!.migration, up: review!.up, down: null }] };
  const doc = planDocument(buildPlan([review!], { pgVersion: 16 }), 16);
  return { input, doc };
}

const OPTS = { engine: 'pglite' as const, cacheDir: TEST_CACHE_DIR, seedRows: 50 };

describe('verifyPlan', () => {
  it('verifies the Prisma drop/re-add of a foreign key, from the JSON document, with seeded rows', async () => {
    const { input, doc } = await setup(PRISMA);
    const fromJson = parsePlanDocument(JSON.stringify(doc));
    const v = await verifyPlan(fromJson, input, OPTS);
    expect(v.plan).toMatchObject({ status: 'verified', engine: 'pglite', seededRows: 50 });
    expect(v.phases.every((p) => p.status === 'verified')).toBe(true);
    expect(planDocumentSchema.safeParse(planDocument(buildPlan([], { pgVersion: 16 }), 16, v)).success).toBe(true);
  }, 120_000);

  it('reports Postgres\' error for a step that fails, and does not run later phases', async () => {
    const { input, doc } = await setup(PRISMA);
    const broken: PlanDocument = structuredClone(doc);
    broken.phases[0]!.steps[0]!.sql.push('ALTER TABLE "TeamCollection" ADD CONSTRAINT "TeamCollection_parentID_fkey" CHECK (true)');
    const v = await verifyPlan(broken, input, OPTS);
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
});
