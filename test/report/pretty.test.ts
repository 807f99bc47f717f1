import { beforeAll, describe, expect, it } from 'vitest';
import { loadTextWidths } from '../../src/report/text-layout.js';
import stringWidth from 'string-width';
import { allRules } from '../../rules/index.js';
import { renderPretty } from '../../src/report/pretty.js';
import { buildCheckResult, fixtureLookup, fixtureRule, passedDryRun } from './fixtures.js';

const history = 'CREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz, note text);';
const UP = 'db/migrations/0042_add_orders_index.up.sql';
const DOWN = 'db/migrations/0042_add_orders_index.down.sql';

async function sample() {
  return buildCheckResult(
    [
      {
        path: UP,
        sql: '-- the report page sorts by it\nCREATE INDEX orders_created_at_idx ON orders (created_at);\n',
        down: { path: DOWN, sql: 'DROP INDEX orders_created_at_idx;\n' },
        dryRun: passedDryRun(UP, 2),
      },
      {
        path: 'db/migrations/0043_partial.up.sql',
        sql: 'CREATE INDEX\n  orders_note_idx\n  ON orders\n  (note)\n  WHERE note IS NOT NULL\n  AND id > 5;\nCREATE TABEL x (id int);\n',
      },
      { path: 'db/migrations/0044_new_table.up.sql', sql: 'CREATE TABLE t (id int);\nCREATE INDEX t_id ON t (id);\n' },
    ],
    { history, rules: [fixtureRule] },
  );
}

/** The display column at which `needle` starts in a printed line (tabs already expanded there). */
function columnOf(line: string, needle: string): number {
  return stringWidth(line.slice(0, line.indexOf(needle)));
}


// Text beyond printable ASCII is laid out with string-width, which the CLI loads on demand.
beforeAll(() => loadTextWidths());
describe('renderPretty', () => {
  it('prints findings like a compiler, grouped per migration, with a summary (no colour)', async () => {
    const text = renderPretty(await sample(), { color: false, width: 100, ruleById: fixtureLookup });
    expect(text).not.toContain('\u001b[');
    expect(text).toMatchSnapshot();
  });

  it('shows everything in verbose mode', async () => {
    const text = renderPretty(await sample(), { color: false, width: 100, verbose: true, ruleById: fixtureLookup });
    expect(text).toMatchSnapshot();
    expect(text).toContain('  AND id > 5;');
    expect(text).toContain('= bad: CREATE INDEX i ON t (c);');
    expect(text).toMatch(/operations +line:col +kind/);
  });

  it('colours only when asked', async () => {
    const result = await sample();
    const coloured = renderPretty(result, { color: true, width: 100, ruleById: fixtureLookup });
    expect(coloured).toContain('\u001b[31mDANGEROUS\u001b[39m');
    // Without the escape codes it is the same text.
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(renderPretty(result, { color: false, width: 100, ruleById: fixtureLookup }));
  });

  it('keeps the marker under the statement when the line has tabs and wide characters', async () => {
    const sql = '\t\tCREATE INDEX 注文_idx ON orders (note); -- 日本語のコメント\nSELECT 1;\n';
    const result = await buildCheckResult([{ path: 'wide.sql', sql }], { history, rules: [fixtureRule] });
    const lines = renderPretty(result, { color: false, width: 120, ruleById: fixtureLookup }).split('\n');
    const i = lines.findIndex((l) => l.startsWith('1 |'));
    const code = lines[i]!;
    const marker = lines[i + 1]!;
    expect(code).not.toContain('\t');
    expect(code).toBe('1 |         CREATE INDEX 注文_idx ON orders (note); -- 日本語のコメント');
    // Carets start under `CREATE` and end under the `)` before the `;` (display columns).
    expect(columnOf(marker, '^')).toBe(columnOf(code, 'CREATE'));
    const carets = marker.match(/\^+/)![0].length;
    expect(carets).toBe(stringWidth('CREATE INDEX 注文_idx ON orders (note)'));
    expect(marker.slice(0, 4)).toBe('  | ');
  });

  it('prints CRLF sources without carriage returns', async () => {
    const sql = 'SELECT 1;\r\nCREATE INDEX i\r\n  ON orders (note);\r\n';
    const result = await buildCheckResult([{ path: 'crlf.sql', sql }], { history, rules: [fixtureRule] });
    const text = renderPretty(result, { color: false, width: 100, ruleById: fixtureLookup });
    expect(text).not.toContain('\r');
    expect(text).toContain(' --> crlf.sql:2:1\n  |\n2 | CREATE INDEX i\n  | ^^^^^^^^^^^^^^ index i on public.orders is built while writes wait\n3 |   ON orders (note);\n');
  });

  it('marks a parse error at its column, after non-ASCII text', async () => {
    const sql = "INSERT INTO orders (note) VALUES ('crème brûlée');\nCREATE TABEL café (id int);\n";
    const result = await buildCheckResult([{ path: 'e.sql', sql }], { history, rules: [fixtureRule] });
    const text = renderPretty(result, { color: false, width: 100, ruleById: fixtureLookup });
    expect(text).toContain('DANGEROUS parse error: syntax error at or near "TABEL"\n --> e.sql:2:8\n  |\n2 | CREATE TABEL café (id int);\n  |        ^^^^^\n');
  });

  it('wraps notes to the width and stays within it', async () => {
    const result = await buildCheckResult([{ path: 'm.sql', sql: 'CREATE INDEX a ON orders (created_at);' }], { history, rules: allRules });
    const text = renderPretty(result, { color: false, width: 60 });
    // Headings and quoted source are never broken (like rustc); everything else fits.
    const prose = text.split('\n').filter((l) => !/^(DANGEROUS|CAUTION|SAFE) /.test(l) && !/^\d+ \|/.test(l));
    for (const line of prose) expect(stringWidth(line), line).toBeLessThanOrEqual(60);
    expect(text).toMatch(/= why: .+\n {9}\S/);
  });

  it('says when there is nothing to check, and uses the fail threshold for the exit hint', async () => {
    const empty = await buildCheckResult([], { rules: [fixtureRule] });
    const text = renderPretty(empty, { color: false });
    expect(text).toContain('No migrations to check.');
    expect(text).toContain('exit 0: nothing at or above the fail threshold DANGEROUS');

    const safe = await buildCheckResult([{ path: 'a.sql', sql: 'CREATE TABLE t (id int);' }], { rules: [fixtureRule] });
    const ok = renderPretty(safe, { color: false, failOn: 'CAUTION' });
    expect(ok).toContain('no findings');
    expect(ok).toContain('1 migration in 1 file: 0 DANGEROUS, 0 CAUTION, 1 SAFE');
    expect(ok).toContain('exit 0: nothing at or above the fail threshold CAUTION');
    const strict = renderPretty(safe, { color: false, failOn: 'SAFE' });
    expect(strict).toContain('exit 1: 1 migration at or above the fail threshold SAFE');
  });

  it('shows a failed dry-run: status, the failing statement in the table, and the error with a marker', async () => {
    const result = await sample();
    const dr = result.report.migrations[0]!.dryRun!;
    dr.status = 'failed';
    dr.rollback = { status: 'not-run', differences: [], reapply: 'not-run' };
    dr.statements[0]!.error = { sqlstate: '42P07', message: 'relation "orders_created_at_idx" already exists', path: UP, line: 2, column: 14 };
    const text = renderPretty(result, { color: false, width: 100, ruleById: fixtureLookup });
    expect(text).toContain('dry-run     failed on pglite (PostgreSQL 18.6) in 40 ms · rollback not run');
    expect(text).toContain(
      'DANGEROUS dry-run failed: relation "orders_created_at_idx" already exists (SQLSTATE 42P07)\n' +
        ` --> ${UP}:2:14\n` +
        '  |\n' +
        '2 | CREATE INDEX orders_created_at_idx ON orders (created_at);\n' +
        '  |              ^^^^^^^^^^^^^^^^^^^^^\n',
    );
    expect(text).toContain('1 dry-run failure');
  });

  it('says how many rows the dry-run seeded in how many tables, or why none', async () => {
    const result = await sample();
    const dr = result.report.migrations[0]!.dryRun!;
    dr.seed = { rows: 20, tables: ['public.orders', 'public.customers'], skipped: [{ table: 'public.odd', reason: 'no generator for column p of type point' }] };
    let text = renderPretty(result, { color: false, width: 200, ruleById: fixtureLookup });
    expect(text).toContain('· seeded 20 rows in each of 2 tables; 1 table skipped ·');
    expect(renderPretty(result, { color: false, width: 200, verbose: true, ruleById: fixtureLookup })).toContain('not seeded: public.odd (no generator for column p of type point)');
    dr.seed = { rows: 20, tables: [], skipped: [], reason: 'no table exists before this migration' };
    text = renderPretty(result, { color: false, width: 200, ruleById: fixtureLookup });
    expect(text).toContain('· no rows seeded: no table exists before this migration ·');
  });
});
