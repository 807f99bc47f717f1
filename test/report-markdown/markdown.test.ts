// Snapshots of the rendered PR comment for the situations a reviewer meets, plus the rules the
// renderer must keep: the marker, GitHub's size limit, mermaid that GitHub can render.
import { describe, expect, it } from 'vitest';
import type { AnalyzedMigration, CheckResult } from '../../src/check/types.js';
import { maxRisk } from '../../src/core/risk.js';
import type { DryRunResult, Finding, LockObservation } from '../../src/core/types.js';
import { buildPlan } from '../../src/plan/index.js';
import { COMMENT_MARKER, renderComment, renderJobSummary, type CommentOptions } from '../../src/report/markdown/index.js';
import { analyzeMigrations, type MigrationInput } from '../plan/helpers.js';
import { runOnPostgres } from '../rules/part-a-support.js';
import { cutOutsideFences } from '../../src/report/markdown/escape.js';
import { composeComment } from '../../src/github/comment-body.js';
import { renderReviewComment, renderSummary } from '../../src/github/render.js';
import { EMPTY_STATE } from '../../src/github/comment-state.js';

const OPTS: CommentOptions = {
  approvalRisk: 'DANGEROUS',
  ruleTitle: (id) => (id === 'require-concurrent-index' ? 'CREATE INDEX without CONCURRENTLY blocks writes' : undefined),
  reportLinks: { jobSummary: 'https://github.com/acme/shop/actions/runs/1', artifact: 'https://github.com/acme/shop/actions/runs/1/artifacts/2' },
};

function lock(relation: string, mode: LockObservation['mode'], heldMs: number, preExisting = true): LockObservation {
  return { relation, mode, heldMs, preExisting };
}

/** A dry-run result as the dry-run stage reports it: one trace per statement of the migration. */
function dryRun(a: AnalyzedMigration, perStatement: (index: number) => { locks?: LockObservation[]; rewrites?: string[]; ms?: number; error?: { sqlstate: string; message: string } }): DryRunResult {
  let failed = false;
  const statements = [];
  for (const s of a.up.statements) {
    if (failed) break;
    const t = perStatement(s.index);
    const trace = {
      statement: s.index, path: s.path, line: s.line, column: s.column, durationMs: t.ms ?? 2,
      locks: t.locks ?? [], rewrites: t.rewrites ?? [],
      ...(t.error ? { error: { ...t.error, path: s.path, line: s.line, column: s.column } } : {}),
    };
    statements.push(trace);
    if (t.error) failed = true;
  }
  return {
    engine: 'pglite', serverVersion: '18.6', status: failed ? 'failed' : 'passed', statements,
    ...(failed ? {} : { rollback: { status: 'exact' as const, differences: [], reapply: 'passed' as const } }),
    durationMs: statements.reduce((n, s) => n + s.durationMs, 0),
  };
}

async function check(inputs: MigrationInput[], dry?: (a: AnalyzedMigration, i: number) => DryRunResult | undefined): Promise<{ result: CheckResult; comment: string; summary: string }> {
  const migrations = await analyzeMigrations(inputs);
  migrations.forEach((a, i) => {
    const d = dry?.(a, i);
    if (d) {
      a.report.dryRun = d;
      if (d.status === 'failed') a.report.risk = 'DANGEROUS';
    }
  });
  const errors = migrations.flatMap((a) => a.up.errors.map((e) => ({ path: e.path, line: e.line, column: e.column, message: e.message })));
  const result: CheckResult = {
    report: { version: 1, risk: maxRisk(...migrations.map((a) => a.report.risk)), migrations: migrations.map((a) => a.report), errors, pgVersion: 16 },
    migrations,
    sources: new Map(inputs.map((i) => [i.path, i.sql])),
  };
  const plan = buildPlan(migrations, { pgVersion: 16 });
  return { result, comment: renderComment(result, plan, OPTS), summary: renderJobSummary(result, plan, OPTS) };
}

function finding(rule: string, risk: Finding['risk'], line: number, message: string, suggestion?: string): Finding {
  return { rule, risk, line, column: 1, message, ...(suggestion ? { suggestion } : {}) };
}

const INDEX_FINDING = finding('require-concurrent-index', 'DANGEROUS', 1, 'CREATE INDEX orders_customer_id_idx on public.orders without CONCURRENTLY takes a SHARE lock (blocks writes) for the whole build', 'CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id);');
const FK_FINDING = finding('constraint-missing-not-valid', 'DANGEROUS', 2, 'FOREIGN KEY orders_customer_fk is added without NOT VALID: every existing row is checked under SHARE ROW EXCLUSIVE locks on public.orders and public.customers');
const DROP_FINDING = finding('ban-drop-column', 'DANGEROUS', 1, 'dropping public.orders.note deletes its data for good and breaks running code that still uses it | even in a rollback');
const NOT_NULL_FINDING = finding('adding-required-field', 'DANGEROUS', 1, 'ADD COLUMN priority NOT NULL without a DEFAULT fails on a table with rows');
const LOCK_TIMEOUT_FINDING = (line: number): Finding => ({ ...finding('require-lock-timeout', 'CAUTION', line, 'no lock_timeout is set before this statement takes an ACCESS EXCLUSIVE lock on public.orders', "SET lock_timeout = '5s';"), suggestionRuns: 'before' });

const SAFE_UP = `CREATE TABLE invoices (id bigint PRIMARY KEY, order_id bigint NOT NULL, total integer);
CREATE INDEX invoices_order_id_idx ON invoices (order_id);
ALTER TABLE orders ADD COLUMN invoiced_at timestamptz;
`;
const SAFE_DOWN = `ALTER TABLE orders DROP COLUMN invoiced_at;
DROP TABLE invoices;
`;

describe('markdown comment snapshots', () => {
  it('all SAFE', async () => {
    const { comment } = await check([{ path: 'db/migrations/0001_invoices.up.sql', sql: SAFE_UP, down: SAFE_DOWN, findings: [] }], (a) =>
      dryRun(a, (i) => (i === 2 ? { locks: [lock('public.orders', 'AccessExclusiveLock', 1)] } : { locks: [lock('public.invoices', 'AccessExclusiveLock', 1, false)] })),
    );
    expect(comment.startsWith(COMMENT_MARKER)).toBe(true);
    expect(comment).not.toContain('needs approval');
    await expect(comment).toMatchFileSnapshot('__snapshots__/all-safe.md');
  });

  it('mixed change', async () => {
    const { comment } = await check(
      [
        { path: 'db/migrations/0001_invoices.up.sql', sql: SAFE_UP, down: SAFE_DOWN, findings: [LOCK_TIMEOUT_FINDING(3)] },
        {
          path: 'db/migrations/0002_orders_customer.up.sql',
          sql: `CREATE INDEX orders_customer_id_idx ON orders (customer_id);\nALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);\n`,
          down: `ALTER TABLE orders DROP CONSTRAINT orders_customer_fk;\nDROP INDEX orders_customer_id_idx;\n`,
          findings: [INDEX_FINDING, FK_FINDING],
        },
        { path: 'db/migrations/0003_drop_note.up.sql', sql: `ALTER TABLE orders DROP COLUMN note;\n`, down: `ALTER TABLE orders ADD COLUMN note text;\n`, findings: [DROP_FINDING, LOCK_TIMEOUT_FINDING(1)] },
      ],
      (a, n) =>
        n === 1
          ? dryRun(a, (i) => (i === 0 ? { locks: [lock('public.orders', 'ShareLock', 840)], ms: 840 } : { locks: [lock('public.orders', 'ShareRowExclusiveLock', 95), lock('public.customers', 'ShareRowExclusiveLock', 95)], ms: 95 }))
          : dryRun(a, (i) => (n === 0 && i !== 2 ? { locks: [lock('public.invoices', 'AccessExclusiveLock', 1, false)] } : { locks: [lock('public.orders', 'AccessExclusiveLock', 3)] })),
    );
    expect(comment).toContain('```mermaid\ngantt');
    expect(comment).toContain('/approve-migration <reason>');
    await expect(comment).toMatchFileSnapshot('__snapshots__/mixed.md');
  });

  it('missing rollback', async () => {
    const { comment } = await check([{ path: 'db/migrations/0004_status.up.sql', sql: `ALTER TABLE orders ADD COLUMN status text DEFAULT 'new';\n`, rollbackStatus: 'missing', findings: [finding('rollback-missing', 'CAUTION', 1, 'db/migrations/0004_status.up.sql has no rollback (expected db/migrations/0004_status.down.sql)')] }]);
    expect(comment).toContain('❌ missing');
    await expect(comment).toMatchFileSnapshot('__snapshots__/missing-rollback.md');
  });

  it('dry-run failure', async () => {
    const { comment } = await check(
      [{ path: 'db/migrations/0005_priority.up.sql', sql: `ALTER TABLE orders ADD COLUMN priority integer NOT NULL;\n`, down: `ALTER TABLE orders DROP COLUMN priority;\n`, findings: [NOT_NULL_FINDING] }],
      (a) => dryRun(a, () => ({ error: { sqlstate: '23502', message: 'column "priority" of relation "orders" contains null values' } })),
    );
    expect(comment).toContain('dry-run failed');
    await expect(comment).toMatchFileSnapshot('__snapshots__/dry-run-failure.md');
  });

  it('the dry-run section says how many rows were seeded in which tables, or why none', async () => {
    const inputs: MigrationInput[] = [
      { path: 'db/migrations/0005_priority.up.sql', sql: `ALTER TABLE orders ADD COLUMN priority integer NOT NULL;\n`, down: `ALTER TABLE orders DROP COLUMN priority;\n`, findings: [NOT_NULL_FINDING] },
    ];
    const seeded = await check(inputs, (a) => ({
      ...dryRun(a, () => ({ error: { sqlstate: '23502', message: 'column "priority" of relation "orders" contains null values' } })),
      seed: { rows: 50, tables: ['public.orders', 'public.customers'], skipped: [{ table: 'public.odd', reason: 'no generator for column p of type point' }] },
    }));
    expect(seeded.comment).toContain('Seeded 50 rows in each of 2 tables (`public.orders`, `public.customers`). Not seeded: public.odd (no generator for column p of type point).');
    const none = await check(inputs, (a) => ({ ...dryRun(a, () => ({})), seed: { rows: 50, tables: [], skipped: [], reason: 'no table exists before this migration' } }));
    expect(none.comment).toContain('No rows seeded: no table exists before this migration.');
  });

  it('parse error', async () => {
    const { comment, result } = await check([{ path: 'db/migrations/0006_typo.up.sql', sql: `CREATE TABEL coupons (id bigint);\n`, down: `DROP TABLE coupons;\n`, findings: [] }]);
    expect(result.report.errors.length).toBe(1);
    expect(comment).toContain('Parse errors');
    await expect(comment).toMatchFileSnapshot('__snapshots__/parse-error.md');
  });

  it('a change large enough to hit the size limit', async () => {
    const inputs: MigrationInput[] = [];
    for (let i = 1; i <= 60; i++) {
      const n = String(i).padStart(4, '0');
      const risky = i % 20 === 0;
      const sql = risky
        ? `CREATE INDEX t${i}_a_idx ON big_${i} (a);\nALTER TABLE big_${i} ALTER COLUMN b SET NOT NULL;\nALTER TABLE big_${i} ADD CONSTRAINT big_${i}_c_check CHECK (c > 0);\n`
        : Array.from({ length: 12 }, (_, k) => `CREATE TABLE t${i}_${k} (id bigint PRIMARY KEY, name text NOT NULL, created_at timestamptz DEFAULT now());\nCREATE INDEX t${i}_${k}_name_idx ON t${i}_${k} (name);`).join('\n') + '\n';
      const findings = risky ? [finding('require-concurrent-index', 'DANGEROUS', 1, `CREATE INDEX t${i}_a_idx without CONCURRENTLY blocks writes to big_${i}`)] : [];
      inputs.push({ path: `db/migrations/${n}_change_${i}.up.sql`, sql, down: `SELECT 1;\n`, findings });
    }
    const { comment, summary, result } = await check(inputs, (a) => dryRun(a, (i) => ({ locks: [lock(`public.t_${i}`, 'AccessExclusiveLock', 1, false)] })));
    expect(summary.length).toBeGreaterThan(65_000);
    expect(comment.length).toBeLessThanOrEqual(65_000);
    expect(comment).toContain("shortened to fit GitHub's size limit");
    // The risky migrations keep their details; the least risky lose theirs first.
    for (const m of result.report.migrations.filter((x) => x.risk !== 'SAFE')) expect(comment).toContain(`<b>${m.path}</b>`);
    expect(comment).toContain('details left out of this comment');
    await expect(comment).toMatchFileSnapshot('__snapshots__/size-limit.md');
  });
});

describe('markdown comment rules', () => {
  it('respects a small maxLength and says what was cut', async () => {
    const migrations = await analyzeMigrations([
      { path: 'db/a.up.sql', sql: SAFE_UP, down: SAFE_DOWN },
      { path: 'db/b.up.sql', sql: 'CREATE INDEX orders_x ON orders (x);\n', down: 'DROP INDEX orders_x;\n' },
    ]);
    const result: CheckResult = {
      report: { version: 1, risk: maxRisk(...migrations.map((a) => a.report.risk)), migrations: migrations.map((a) => a.report), errors: [] },
      migrations,
      sources: new Map(),
    };
    const plan = buildPlan(migrations, { pgVersion: 16 });
    const full = renderComment(result, plan, OPTS);
    const small = renderComment(result, plan, { ...OPTS, maxLength: full.length - 10 });
    expect(small.length).toBeLessThanOrEqual(full.length - 10);
    expect(small).toContain('details left out');
    expect(small).toContain('<b>db/b.up.sql</b>');
    expect(small).not.toContain('<b>db/a.up.sql</b>');
  });

  // lemmy's remove-aggregate-tables: the batch loop and the merged ALTER TABLE came out on one
  // line of the findings table, where their first `--` comment swallowed the rest.
  it('a suggestion of several lines keeps its lines: the SQL a reader copies from the comment runs (on PostgreSQL)', async () => {
    const sql = "BEGIN;\nALTER TABLE orders ADD COLUMN status text;\nUPDATE orders SET status = 'new' WHERE status IS NULL;\nCOMMIT;\n";
    const { comment } = await check([{ path: 'db/0002_status.up.sql', sql }]);
    const row = comment.split('\n').find((l) => l.includes('[dml-in-ddl-transaction]'))!;
    const label = /\*\*Instead:\*\* the SQL (S\d+) below/.exec(row)![1]!;
    const copied = new RegExp(`\\*\\*${label}\\*\\*[^\\n]*\\n\\n\`\`\`sql\\n([\\s\\S]*?)\\n\`\`\``).exec(comment)![1]!;
    expect(copied.split('\n').length).toBeGreaterThan(5);
    expect(copied.startsWith('--')).toBe(true);
    await runOnPostgres('md_lines', 'CREATE TABLE orders (id bigint PRIMARY KEY, status text);\nINSERT INTO orders SELECT g FROM generate_series(1, 25000) g;', [
      copied,
      "DO $$ BEGIN IF EXISTS (SELECT 1 FROM orders WHERE status IS DISTINCT FROM 'new') THEN RAISE EXCEPTION 'rows left'; END IF; END $$",
    ]);
  });

  it('a suggestion the table cell would change (an @> operator, a URL in a string) is shown below it exactly', async () => {
    const { comment } = await check([{ path: 'db/0003_idx.up.sql', sql: "CREATE INDEX docs_tags ON docs USING gin (tags) WHERE tags @> '{\"a\"}';\n" }]);
    const row = comment.split('\n').find((l) => l.includes('[require-concurrent-index]'))!;
    expect(row).toMatch(/the SQL S1 below/);
    expect(comment).toContain("```sql\nCREATE INDEX CONCURRENTLY docs_tags ON docs USING gin (tags) WHERE tags @> '{\"a\"}';");
    expect(comment).not.toContain('@\u200b>');
  });

  it('shows an approval and a voided approval', async () => {
    const migrations = await analyzeMigrations([{ path: 'db/b.up.sql', sql: 'CREATE INDEX orders_x ON orders (x);\n' }]);
    const result: CheckResult = {
      report: { version: 1, risk: 'DANGEROUS', migrations: migrations.map((a) => a.report), errors: [] },
      migrations,
      sources: new Map(),
    };
    const plan = buildPlan(migrations, { pgVersion: 16 });
    const approved = renderComment(result, plan, { ...OPTS, approval: { approver: 'octocat', reason: 'table has 40 rows', contentHash: 'abc', headSha: '0123456789abcdef', at: '2024-05-01T10:00:00Z' } });
    expect(approved).toContain('**Approved** by @octocat on 2024-05-01 for `0123456`: table has 40 rows');
    const voided = renderComment(result, plan, { ...OPTS, approvalVoidedReason: 'the migrations changed after the approval' });
    expect(voided).toContain('no longer applies');
  });
});

describe('the SQL blocks of the comment are what was run', () => {
  // Every SQL block, top-level or indented under a plan step, without its indentation.
  const blocks = (md: string) => [...md.matchAll(/^( *)```sql\n([\s\S]*?)\n\1```$/gm)].map((m) => m[2]!.split('\n').map((l) => l.slice(m[1]!.length)).join('\n'));
  const openFences = (md: string) => md.split('\n').filter((l) => /^\s*```/.test(l)).length % 2;

  it('a comment cut to fit never ends in half a SQL block', async () => {
    // Many long suggestions below the table, and a limit that falls inside one of them.
    const long = (i: number) => Array.from({ length: 40 }, (_, k) => `ALTER TABLE t${i} ADD COLUMN c${k} text;`).join('\n');
    const inputs: MigrationInput[] = Array.from({ length: 3 }, (_, i) => ({
      path: `db/000${i}_m.up.sql`, sql: `CREATE INDEX t${i}_idx ON t${i} (a);\n`,
      findings: [finding('require-concurrent-index', 'DANGEROUS', 1, 'blocks writes', long(i))],
    }));
    const { result } = await check(inputs);
    const plan = buildPlan(result.migrations, { pgVersion: 16 });
    const full = renderComment(result, plan, OPTS);
    const suggested = new Set(result.migrations.flatMap((a) => a.report.findings.map((f) => f.suggestion!.trim())));
    expect(full.length).toBeGreaterThan(1500);
    let wholeBlocks = 0;
    for (let max = 1500; max < full.length; max += 677) {
      const cut = renderComment(result, plan, { ...OPTS, maxLength: max });
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(openFences(cut)).toBe(0);
      for (const b of blocks(cut)) {
        if (!b.startsWith('ALTER TABLE t')) continue;
        expect(suggested.has(b)).toBe(true);
        wholeBlocks += 1;
      }
    }
    // Some cut kept a suggestion's block, so the check above ran.
    expect(wholeBlocks).toBeGreaterThan(0);
    expect(cutOutsideFences('a\n```sql\nSELECT 1;\nSELECT 2;\n```\nb\n', 20)).toBe('a\n');
    expect(cutOutsideFences('a\n```sql\nSELECT 1;\n```\nb\nc\n', 24)).toBe('a\n```sql\nSELECT 1;\n```\nb');
    // The sticky comment's own cut (Action and App: github/comment-body.ts) keeps to it too.
    const body = composeComment({ marker: COMMENT_MARKER, report: `${COMMENT_MARKER}\n${'x'.repeat(65_000)}\n\n\`\`\`sql\n${long(9)}\n\`\`\`\n`, approvalBlock: '', state: EMPTY_STATE });
    expect(openFences(body)).toBe(0);
  });

  it('marks a suggestion that is SQL but was not run as not verified, and why', async () => {
    const f = { ...INDEX_FINDING, suggestionVerification: { status: 'not-run' as const, reason: 'the migration itself fails on the engine with the seeded rows' } };
    const { comment } = await check([{ path: 'db/0002_idx.up.sql', sql: 'CREATE INDEX orders_customer_id_idx ON orders (customer_id);\n', findings: [f] }]);
    expect(comment).toContain('_(⚪ not verified: the migration itself fails on the engine with the seeded rows)_');
  });

  it('shows the plan its verification ran, whatever version the surface would build one for (Action and App)', async () => {
    const { result } = await check([{ path: 'db/0002_nn.up.sql', sql: "UPDATE orders SET note = 'x';\n" }]);
    const verified = buildPlan(result.migrations, { pgVersion: 16 });
    const other = buildPlan(result.migrations, { pgVersion: 10 });
    const sqlOf = (p: typeof verified) => p.phases.flatMap((ph) => ph.steps.flatMap((st) => st.sql));
    expect(sqlOf(other)).not.toEqual(sqlOf(verified));
    const withPlan = { ...result, plan: verified, planVerification: { plan: { status: 'verified' as const, engine: 'pglite', serverVersion: '18.6', seededRows: 20 }, phases: verified.phases.map(() => ({ status: 'verified' as const, engine: 'pglite', serverVersion: '18.6', seededRows: 20 })) } };
    const { report } = renderReviewComment(withPlan, { pgVersion: 10, approvalRisk: 'DANGEROUS', approval: null });
    const shown = blocks(report);
    for (const s of sqlOf(verified)) expect(shown.some((b) => b.includes(`${s};`))).toBe(true);
    const summary = blocks(renderSummary(withPlan, { pgVersion: 10, approvalRisk: 'DANGEROUS', approval: null }));
    for (const s of sqlOf(verified)) expect(summary.some((b) => b.includes(`${s};`))).toBe(true);
  });
});
