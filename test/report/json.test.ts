import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { allRules } from '../../rules/index.js';
import { renderJson, renderJsonChunks } from '../../src/report/json.js';
import { jsonReportSchema, reportJsonSchema } from '../../src/report/json-schema.js';
import { buildCheckResult, fixtureRule, passedDryRun } from './fixtures.js';

const history = 'CREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz, note text);';
const UP = 'db/migrations/0042_add_orders_index.up.sql';
const DOWN = 'db/migrations/0042_add_orders_index.down.sql';

async function sample() {
  return buildCheckResult(
    [
      {
        path: UP,
        sql: '-- index for the report page\nCREATE INDEX orders_created_at_idx ON orders (created_at);\n',
        down: { path: DOWN, sql: 'DROP INDEX orders_created_at_idx;\n' },
        dryRun: passedDryRun(UP, 2),
      },
      { path: 'db/migrations/0043_broken.up.sql', sql: 'CREATE TABEL x (id int);\n' },
    ],
    { history, rules: [fixtureRule] },
  );
}

describe('renderJson', () => {
  it('prints the DESIGN.md contract with stable key order and 2-space indent', async () => {
    const result = await sample();
    const text = renderJson(result);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "version": 1,');
    const json = JSON.parse(text);
    expect(Object.keys(json)).toEqual(['version', 'risk', 'pgVersion', 'migrations', 'errors']);
    expect(json.risk).toBe('DANGEROUS');

    const [m, broken] = json.migrations;
    expect(Object.keys(m).slice(0, 6)).toEqual(['path', 'risk', 'rollback', 'operations', 'findings', 'dryRun']);
    expect(m.path).toBe(UP);
    expect(m.rollback).toEqual({ path: DOWN, status: 'present' });
    expect(m.operations).toHaveLength(1);
    expect(m.operations[0]).toMatchObject({ kind: 'CREATE_INDEX', risk: 'DANGEROUS', line: 2, column: 1, table: 'public.orders', lock: 'ShareLock', rules: ['fixture-concurrent-index'] });
    expect(Object.keys(m.operations[0]).slice(0, 7)).toEqual(['kind', 'risk', 'line', 'column', 'table', 'lock', 'rules']);
    expect(m.findings).toEqual([
      {
        rule: 'fixture-concurrent-index',
        risk: 'DANGEROUS',
        line: 2,
        column: 1,
        message: 'index orders_created_at_idx on public.orders is built while writes wait',
        suggestion: 'CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);',
      },
    ]);
    expect(m.dryRun.statements[0].locks[0]).toEqual({ relation: 'public.orders', mode: 'ShareLock', heldMs: 12, preExisting: true });

    expect(broken.rollback).toEqual({ path: null, status: 'missing' });
    expect(json.errors).toEqual([{ path: 'db/migrations/0043_broken.up.sql', line: 1, column: 8, message: 'syntax error at or near "TABEL"' }]);
  });

  it('validates against its own strict schema: no internal field leaks', async () => {
    const result = await sample();
    const text = renderJson(result);
    const parsed = jsonReportSchema.safeParse(JSON.parse(text));
    expect(parsed.success, parsed.error?.message).toBe(true);
    // Statement objects, their ASTs and internal indexes stay inside the process.
    expect(text).not.toMatch(/"(ast|statement|stmt|IndexStmt|comments|start|end)"\s*:/);
    // Same input, same bytes.
    expect(renderJson(result)).toBe(text);
  });

  it('keeps every dry-run field the dry-run stage reports, and nothing internal', async () => {
    const result = await sample();
    const dr = result.report.migrations[0]!.dryRun!;
    dr.statements[0]!.locks[0]!.kind = 'table';
    dr.statements[0]!.locks[0]!.heldAcross = 0;
    dr.statements[0]!.rewrittenTables = [];
    dr.rollbackStatements = [{ statement: 0, path: DOWN, line: 1, column: 1, durationMs: 3, locks: [], rewrites: [] }];
    dr.seed = { rows: 100, tables: ['public.orders'], skipped: [{ table: 'public.audit', reason: 'no insertable columns' }] };
    dr.baseFromCache = true;
    dr.timedOut = false;
    const json = JSON.parse(renderJson(result));
    const parsed = jsonReportSchema.safeParse(json);
    expect(parsed.success, parsed.error?.message).toBe(true);
    const out = json.migrations[0].dryRun;
    expect(out.rollbackStatements).toEqual([{ path: DOWN, line: 1, column: 1, durationMs: 3, locks: [], rewrites: [] }]);
    expect(out.seed.skipped[0].reason).toBe('no insertable columns');
    expect(out.statements[0].locks[0]).toMatchObject({ kind: 'table', heldAcross: 0 });
    expect(out.baseFromCache).toBe(true);
  });

  it('validates against the exported JSON Schema document (ajv, draft 2020-12)', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(reportJsonSchema());
    const json = JSON.parse(renderJson(await sample()));
    expect(validate(json), ajv.errorsText(validate.errors)).toBe(true);
    // The schema rejects what the contract forbids.
    expect(validate({ ...json, migrations: [{ ...json.migrations[0], ast: {} }] })).toBe(false);
    expect(validate({ ...json, risk: 'RISKY' })).toBe(false);
  });

  it('holds for the real rule set and a finding in the rollback file', async () => {
    const result = await buildCheckResult(
      [
        {
          path: 'm/0001_a.up.sql',
          sql: 'CREATE INDEX a ON orders (note);\nALTER TABLE orders ADD COLUMN total numeric;\n',
          down: { path: 'm/0001_a.down.sql', sql: 'ALTER TABLE orders DROP COLUMN total;\nDROP INDEX a;\n' },
        },
      ],
      { history, rules: allRules },
    );
    const mr = result.report.migrations[0]!;
    mr.findings.push({ rule: 'rollback-data-loss', risk: 'CAUTION', line: 1, column: 1, message: 'the rollback drops a column', path: 'm/0001_a.down.sql', statement: 0 });
    const json = JSON.parse(renderJson(result));
    expect(jsonReportSchema.safeParse(json).success).toBe(true);
    const f = json.migrations[0].findings.at(-1);
    expect(f.path).toBe('m/0001_a.down.sql');
    expect(f).not.toHaveProperty('statement');
    // A finding in the migration's own file does not repeat its path.
    expect(json.migrations[0].findings[0]).not.toHaveProperty('path');
  });
});

describe('renderJsonChunks', () => {
  it('writes exactly the text of renderJson, in pieces', async () => {
    const result = await sample();
    const chunks = [...renderJsonChunks(result)];
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.join('')).toBe(renderJson(result));
  });

  it('matches JSON.stringify on empty lists, omitted fields and nested values', async () => {
    const result = await sample();
    result.report.migrations[0]!.operations = [];
    result.report.migrations[0]!.findings[0]!.suggestion = undefined;
    // A member the chunked levels write themselves (findings are written whole, by JSON.stringify).
    result.report.migrations[0]!.rollback.path = undefined as never;
    result.report.errors = [];
    expect([...renderJsonChunks(result)].join('')).toBe(renderJson(result));
  });
});
