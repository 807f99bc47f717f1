// A statement with a placeholder the review has no value for (`${schema}`, Flyway): the advice
// built from it prints the placeholder as written, never the parser's stand-in (`schema___`), and
// the verifier runs the printed SQL the way the dry-run ran the migration.
import { afterAll, describe, expect, it } from 'vitest';
import { buildPlan, planDocument } from '../../src/plan/index.js';
import { VerifySession, verifyPlan, verifySuggestions } from '../../src/verify/index.js';
import { analyzeMigrations } from '../plan/helpers.js';
import { TEST_CACHE_DIR } from '../dryrun/helpers.js';
import { placeholderStandIns } from '../../src/parse/index.js';

const session = new VerifySession({ engine: 'pglite', cacheDir: TEST_CACHE_DIR });
afterAll(() => session.dispose());
const OPTS = { engine: 'pglite' as const, cacheDir: TEST_CACHE_DIR, seedRows: 20, session, fallback: () => undefined };

describe('placeholders in printed SQL', () => {
  it('puts a stand-in back as the placeholder it stands for, also inside a longer name', () => {
    const unknown = [
      { line: 1, column: 1, kind: 'placeholder', name: 'schema', shown: '${schema}', written: '${schema}', standIn: 'schema___' },
      { line: 1, column: 1, kind: 'placeholder', name: 'table', shown: '${table}', written: '${table}', standIn: 'table___' },
    ];
    expect(placeholderStandIns(unknown).restoreInNames('DROP INDEX CONCURRENTLY "schema___"."table____vr_idx";  -- (schema___.table___)'))
      .toBe('DROP INDEX CONCURRENTLY "${schema}"."${table}_vr_idx";  -- (${schema}.${table})');
    expect(placeholderStandIns(unknown).restoreInNames('SELECT myschema___x FROM schema___.t')).toBe('SELECT myschema___x FROM ${schema}.t');
  });

  it('suggestions and plan steps show ${schema}, and are verified as the dry-run runs the file', async () => {
    const [base, m] = await analyzeMigrations([
      { path: 'db/V1__base.sql', sql: 'CREATE SCHEMA ${schema};\nCREATE TABLE ${schema}.orders (id bigint PRIMARY KEY, created_at timestamptz);', history: true },
      { path: 'db/V2__idx.sql', sql: 'CREATE INDEX orders_created_idx ON ${schema}.orders (created_at);', transaction: 'wrapped' },
    ]);
    const printed = m!.report.findings.filter((f) => f.suggestion).map((f) => f.suggestion!);
    expect(printed.join('\n')).not.toContain('schema___');
    const idx = m!.report.findings.find((f) => f.rule === 'require-concurrent-index')!;
    expect(idx.suggestion).toMatch(/^CREATE INDEX CONCURRENTLY orders_created_idx ON \$\{schema\}\.orders \(created_at\);/);
    const plan = buildPlan([m!], { pgVersion: 16 });
    const sql = plan.phases.flatMap((p) => p.steps.flatMap((s) => [...s.sql, s.replaces ?? '', s.description]));
    expect(sql.join('\n')).toContain('${schema}.orders');
    expect(sql.join('\n')).not.toContain('schema___');

    const input = { base: [{ migration: base!.migration, up: base!.up, down: null }], review: [{ migration: m!.migration, up: m!.up, down: null }] };
    await verifySuggestions(input.base, [m!], OPTS);
    expect(idx.suggestionVerification).toMatchObject({ status: 'verified' });
    const v = await verifyPlan(planDocument(plan, 16), input, OPTS);
    expect(v.plan).toMatchObject({ status: 'verified' });
  }, 300_000);

  // pop renders its SQL as a Go template: `{{ .Schema }}` is parsed with a stand-in, and the
  // plan's steps and rollback SQL must print the action as written.
  it('plan steps and rollback SQL show a Go template action as written (pop), never its stand-in', async () => {
    const [, m] = await analyzeMigrations([
      { path: 'db/20200101000000_base.up.sql', sql: 'CREATE TABLE {{ .Schema }}.orders (id bigint PRIMARY KEY, created_at timestamptz);', history: true, goTemplates: true },
      {
        path: 'db/20200102000000_change.up.sql',
        sql: 'CREATE INDEX orders_created_idx ON {{ .Schema }}.orders (created_at);\nALTER TABLE {{ .Schema }}.orders ADD COLUMN note text;\nALTER TABLE {{ index .Options "Namespace" }}.orders ADD CONSTRAINT note_set CHECK (note IS NOT NULL);',
        goTemplates: true,
      },
    ]);
    expect(m!.up.unknownPlaceholders?.map((p) => p.written)).toEqual(['{{ .Schema }}', '{{ index .Options "Namespace" }}']);
    const plan = buildPlan([m!], { pgVersion: 16 });
    const printed = plan.phases.flatMap((p) => [...p.steps.flatMap((s) => [...s.sql, s.replaces ?? '', s.description, ...(s.rollback ?? [])]), ...(p.rollbackSql ?? [])]).join('\n');
    expect(printed).toContain('CREATE INDEX CONCURRENTLY orders_created_idx ON {{ .Schema }}.orders (created_at)');
    expect(printed).toContain('ALTER TABLE {{ .Schema }}.orders ADD COLUMN note text');
    expect(printed).toContain('ALTER TABLE {{ index .Options "Namespace" }}.orders DROP CONSTRAINT IF EXISTS note_set');
    for (const p of m!.up.unknownPlaceholders ?? []) expect(printed).not.toContain(p.standIn);
  });

  // The printed SQL keeps `{{ .Table }}`: the verifier reads it as the pop migration was read (a
  // stand-in for the action), where it did not parse: the plan FAILED and the suggestion ran not at all.
  it('verifies plan steps, their rollback and suggestions that keep a Go template action (pop)', async () => {
    const [base, m] = await analyzeMigrations([
      { path: 'db/20200101000000_base.up.sql', sql: 'CREATE TABLE {{ .Table }} (id bigint PRIMARY KEY, created_at timestamptz);', history: true, goTemplates: true },
      { path: 'db/20200102000000_change.up.sql', sql: 'CREATE INDEX orders_created_idx ON {{ .Table }} (created_at);\nALTER TABLE {{ .Table }} ADD COLUMN note text;', goTemplates: true, transaction: 'wrapped' },
    ]);
    const plan = buildPlan([m!], { pgVersion: 16 });
    expect(plan.phases[0]!.steps[0]!.sql).toEqual(['CREATE INDEX CONCURRENTLY orders_created_idx ON {{ .Table }} (created_at)']);
    expect(plan.phases[0]!.rollbackSql).toContain('DROP INDEX CONCURRENTLY IF EXISTS orders_created_idx');
    const input = { base: [{ migration: base!.migration, up: base!.up, down: null }], review: [{ migration: m!.migration, up: m!.up, down: null }] };
    const v = await verifyPlan(planDocument(plan, 16), input, OPTS);
    expect(v.plan, JSON.stringify(v.plan)).toMatchObject({ status: 'verified' });
    expect(v.rollbacks[0]).toMatchObject({ status: 'verified' });
    await verifySuggestions(input.base, [m!], OPTS);
    const idx = m!.report.findings.find((f) => f.rule === 'require-concurrent-index')!;
    expect(idx.suggestion).toMatch(/^CREATE INDEX CONCURRENTLY orders_created_idx ON \{\{ \.Table \}\} \(created_at\);/);
    expect(idx.suggestionVerification).toMatchObject({ status: 'verified' });
  }, 300_000);
});
