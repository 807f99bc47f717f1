// The SARIF output is validated against the official SARIF 2.1.0 JSON Schema (draft-07), kept
// beside this test as sarif-schema-2.1.0.json. Source: the OASIS SARIF TC's repository,
// github.com/oasis-tcs/sarif-spec, file Documents/CommitteeSpecifications/2.1.0/sarif-schema-2.1.0.json
// at commit 3682e9ee648f2f3e11ba1fcd47fc390a0b8f9dab (the schema published with the 2.1.0
// Committee Specification; 112,318 characters, copied unchanged).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { allRules } from '../../rules/index.js';
import { renderSarif, pathToUri } from '../../src/report/sarif.js';
import pkg from '../../package.json' with { type: 'json' };
import { buildCheckResult, fixtureLookup, fixtureRule, passedDryRun } from './fixtures.js';

const schema = JSON.parse(readFileSync(new URL('./sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

const history = 'CREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz, note text);';
const UP = 'db/migrations/0042 add orders index.up.sql';

async function sample() {
  return buildCheckResult(
    [
      { path: UP, sql: 'CREATE INDEX orders_created_at_idx\n  ON orders (created_at);\n', dryRun: passedDryRun(UP, 1) },
      { path: 'db/migrations/0043_broken.up.sql', sql: 'CREATE TABEL x (id int);\n' },
    ],
    { history, rules: [fixtureRule] },
  );
}

describe('renderSarif', () => {
  it('is valid SARIF 2.1.0 per the official schema', async () => {
    const log = renderSarif(await sample(), { rules: [fixtureRule], ruleById: fixtureLookup });
    expect(validate(log), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('is valid with the whole rule registry described in the driver', async () => {
    const result = await buildCheckResult([{ path: 'm.sql', sql: 'CREATE INDEX a ON orders (note);' }], { history, rules: allRules });
    const log = renderSarif(result);
    expect(validate(log), ajv.errorsText(validate.errors)).toBe(true);
    const ids = log.runs[0]!.tool.driver.rules.map((r) => r.id);
    for (const r of allRules) expect(ids).toContain(r.id);
    expect(ids).toContain('parse-error');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('describes the tool and its rules', async () => {
    const log = renderSarif(await sample(), { rules: [fixtureRule], ruleById: fixtureLookup, projectUrl: 'https://example.org/mg' });
    const driver = log.runs[0]!.tool.driver;
    expect(driver.name).toBe('migration-guard');
    expect(driver.version).toBe(pkg.version);
    expect(driver.informationUri).toBe('https://example.org/mg');
    const rule = driver.rules[0]!;
    expect(rule).toMatchObject({
      id: 'fixture-concurrent-index',
      shortDescription: { text: fixtureRule.title },
      fullDescription: { text: fixtureRule.docs.why },
      defaultConfiguration: { level: 'error' },
      helpUri: 'https://example.org/mg/blob/main/docs/rules.md#fixture-concurrent-index',
    });
    expect(rule.help.text).toContain(fixtureRule.docs.instead);
    expect(rule.help.markdown).toContain('```sql\nCREATE INDEX CONCURRENTLY i ON t (c);\n```');
  });

  it('maps findings and parse errors to results with levels and regions', async () => {
    const log = renderSarif(await sample(), { rules: [fixtureRule], ruleById: fixtureLookup });
    const run = log.runs[0]!;
    expect(run.columnKind).toBe('unicodeCodePoints');
    const [finding, parse] = run.results;
    expect(finding).toMatchObject({
      ruleId: 'fixture-concurrent-index',
      level: 'error',
      locations: [
        {
          physicalLocation: {
            // Repo-relative, percent-encoded: the space in the file name is %20.
            artifactLocation: { uri: 'db/migrations/0042%20add%20orders%20index.up.sql' },
            // The statement's extent: from its first token to just past its last character.
            region: { startLine: 1, startColumn: 1, endLine: 2, endColumn: 25 },
          },
        },
      ],
    });
    expect(finding!.message.text).toContain('index orders_created_at_idx on public.orders is built while writes wait');
    expect(finding!.message.text).toContain('Instead: CREATE INDEX CONCURRENTLY');
    expect(run.tool.driver.rules[finding!.ruleIndex]!.id).toBe(finding!.ruleId);

    expect(parse).toMatchObject({
      ruleId: 'parse-error',
      level: 'error',
      message: { text: 'syntax error at or near "TABEL"' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'db/migrations/0043_broken.up.sql' }, region: { startLine: 1, startColumn: 8 } } }],
    });
    expect(run.tool.driver.rules[parse!.ruleIndex]!.id).toBe('parse-error');
    expect(run.results).toHaveLength(2);
  });

  it('maps CAUTION to warning and SAFE to note, and describes unknown rules', async () => {
    const result = await sample();
    result.report.migrations[0]!.findings.push(
      { rule: 'some-caution', risk: 'CAUTION', line: 1, column: 1, message: 'careful' },
      { rule: 'some-info', risk: 'SAFE', line: 2, column: 3, message: 'fyi' },
    );
    const log = renderSarif(result, { rules: [fixtureRule], ruleById: fixtureLookup });
    expect(validate(log), ajv.errorsText(validate.errors)).toBe(true);
    const levels = Object.fromEntries(log.runs[0]!.results.map((r) => [r.ruleId, r.level]));
    expect(levels).toMatchObject({ 'some-caution': 'warning', 'some-info': 'note' });
    const unknown = log.runs[0]!.tool.driver.rules.find((r) => r.id === 'some-caution');
    expect(unknown?.defaultConfiguration.level).toBe('warning');
  });

  it('reports dry-run failures as results of the dry-run-error pseudo-rule', async () => {
    const result = await sample();
    const dr = result.report.migrations[0]!.dryRun!;
    dr.status = 'failed';
    dr.statements[0]!.error = { sqlstate: '23502', message: 'column "note" contains null values', path: UP, line: 2, column: 3 };
    const log = renderSarif(result, { rules: [fixtureRule], ruleById: fixtureLookup });
    expect(validate(log), ajv.errorsText(validate.errors)).toBe(true);
    const r = log.runs[0]!.results.find((x) => x.ruleId === 'dry-run-error');
    expect(r).toMatchObject({ level: 'error', properties: { sqlstate: '23502' }, locations: [{ physicalLocation: { region: { startLine: 2, startColumn: 3 } } }] });
    expect(r!.message.text).toBe('column "note" contains null values (SQLSTATE 23502)');
  });

  it('encodes paths as relative URI references', () => {
    expect(pathToUri('db/migrations/0001_init.sql')).toBe('db/migrations/0001_init.sql');
    expect(pathToUri('db/my migrations/ü#1.sql')).toBe('db/my%20migrations/%C3%BC%231.sql');
    expect(pathToUri('db\\win\\a.sql')).toBe('db/win/a.sql');
  });

  it('the schema copy is the one it claims to be, and it rejects a broken log', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.title).toBe('Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema');
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] })).toBe(false);
  });
});
