// The seeds' migration examples (the full corpus's seeds/, MG_CORPUS; skipped without it): the plan orders them the way the guides
// themselves advise (additive first, then data, then constraints, destructive last), every
// statement it proposes parses, and it runs on PGlite to the schema the original produces.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyzedMigration } from '../../src/check/types.js';
import { PHASE_NAMES, buildPlan, type Plan } from '../../src/plan/index.js';
import { SEEDS } from '../support/corpus.js';
import { allPlanSql, analyzeMigrations, assertParses, catalog, openDb, resetDb, runPlan } from './helpers.js';

const seed = (name: string) => readFileSync(path.join(SEEDS!, name), 'utf8');

/** The tables the seeds assume exist, with a few rows so backfills and validations have work. */
const BASE = `
CREATE TABLE customers (customer_id bigint PRIMARY KEY, email text, first_name text, last_name text, created_at timestamptz DEFAULT now());
CREATE TABLE orders (order_id bigint PRIMARY KEY, customer_id bigint, total_amount numeric);
CREATE TABLE schema_migrations (version text, description text, applied_at timestamptz, applied_by text, risk_level text);
CREATE TABLE users (id integer PRIMARY KEY, name text, email text);
CREATE TABLE posts (id integer PRIMARY KEY, author_id integer);
INSERT INTO customers SELECT g, 'c' || g || '@example.com', 'F' || g, 'L' || g FROM generate_series(1, 30) g;
INSERT INTO orders SELECT g, 1 + g % 30, g * 7 FROM generate_series(1, 90) g;
INSERT INTO users SELECT g, 'User ' || g, 'u' || g || '@example.com' FROM generate_series(1, 30) g;
INSERT INTO posts SELECT g, 1 + g % 30 FROM generate_series(1, 60) g;
`;

interface SeedCase {
  name: string;
  files: string[];
  phases: string[];
  /** The original runs as written too (statement by statement), so the final schemas can be compared. */
  originalRuns: boolean;
  check?: (plan: Plan) => void;
}

const CASES: SeedCase[] = [
  {
    name: '000_1: NOT NULL column with a default, batched backfill, then constraints',
    files: ['000_c222f292f27c7cfe_1.sql'],
    phases: ['expand', 'backfill', 'validate'],
    originalRuns: true,
    check: (plan) => {
      const sql = allPlanSql(plan).join('\n');
      expect(sql).toContain('CHECK (customer_tier IS NOT NULL) NOT VALID');
      expect(sql).toContain('customer_tier_check');
      expect(sql).toContain('NOT VALID');
    },
  },
  {
    name: '000_2: loyalty program (new tables, columns with inline FK and CHECK, indexes, backfill)',
    files: ['000_c222f292f27c7cfe_2.sql'],
    phases: ['expand', 'backfill', 'validate'],
    originalRuns: true,
    check: (plan) => {
      const sql = allPlanSql(plan).join('\n');
      expect(sql).toContain('CREATE INDEX CONCURRENTLY idx_customers_loyalty_tier ON customers');
      expect(sql).toContain('customers_loyalty_tier_id_fkey');
      expect(sql).toContain('customers_loyalty_points_check');
    },
  },
  {
    name: '001_1: progressive migration (column, concurrent index, batched backfill, constraints)',
    files: ['001_d6ba92e180413f1f_1.sql'],
    phases: ['expand', 'backfill', 'validate'],
    // The seed runs CREATE INDEX CONCURRENTLY inside BEGIN ... COMMIT, which Postgres refuses.
    originalRuns: false,
  },
  {
    name: '004_1..5: create, alter, expand, contract, compatibility views',
    files: ['004_5cc622493ef1f24a_1.sql', '004_5cc622493ef1f24a_2.sql', '004_5cc622493ef1f24a_3.sql', '004_5cc622493ef1f24a_4.sql', '004_5cc622493ef1f24a_5.sql'],
    phases: ['expand', 'deploy', 'contract'],
    originalRuns: true,
    check: (plan) => {
      const contract = plan.phases.find((p) => p.name === 'contract')!;
      expect(contract.steps.map((s) => s.sql.join(' '))).toEqual([expect.stringContaining('DROP COLUMN name')]);
      expect(plan.phases.find((p) => p.name === 'deploy')!.appMustDo).toContain('users.name');
    },
  },
];

let db: PGlite;

async function runOriginal(migrations: AnalyzedMigration[]): Promise<void> {
  for (const m of migrations) {
    for (const s of m.up.statements) if (!s.nestedIn) await db.exec(s.text);
  }
}

describe.skipIf(!SEEDS)('plans for the seeds', () => {
  beforeAll(async () => {
    db = await openDb();
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });
  for (const c of CASES) {
    it(c.name, async () => {
      const migrations = await analyzeMigrations(c.files.map((f) => ({ path: `seeds/${f}`, sql: seed(f) })));
      for (const m of migrations) expect(m.up.errors).toEqual([]);
      const plan = buildPlan(migrations, { pgVersion: 16 });
      const names = plan.phases.map((p) => p.name);
      expect(names).toEqual(c.phases);
      // Phases come in the fixed order: additive, data, validation, switch, destructive.
      expect([...names].sort((a, b) => PHASE_NAMES.indexOf(a) - PHASE_NAMES.indexOf(b))).toEqual(names);
      for (const s of allPlanSql(plan)) assertParses(s);
      c.check?.(plan);

      let expected: string[] | undefined;
      if (c.originalRuns) {
        await resetDb(db);
        await db.exec(BASE);
        await runOriginal(migrations);
        expected = await catalog(db);
      }
      await resetDb(db);
      await db.exec(BASE);
      await runPlan(db, plan);
      if (expected) expect(await catalog(db)).toEqual(expected);
    });
  }
});
