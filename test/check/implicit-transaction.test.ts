// golang-migrate sends each file to Postgres as one query string; Postgres runs the statements of
// one query string as one transaction, unless there is only one statement or the file's own
// BEGIN/COMMIT take over (the `implicit` transaction mode). So a backfill after an ALTER TABLE
// holds the ALTER's ACCESS EXCLUSIVE lock until the end of the file, and CREATE INDEX
// CONCURRENTLY works only in a file of its own.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STREAM_IMPLICIT_MIN_CHARS } from '../../src/check/analyze-set.js';
import { runCheck } from '../../src/check/run.js';
import { resolveConfig } from '../../src/config/defaults.js';
import { fileTransaction } from '../../src/core/transaction.js';
import { fsRepoFiles } from '../../src/discover/fs-files.js';
import { initParser, parseSource } from '../../src/parse/index.js';

const FILES: Record<string, string> = {
  '0001_init.up.sql': 'CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);\n',
  '0002_backfill.up.sql': 'ALTER TABLE orders ADD COLUMN status text;\nUPDATE orders SET status = \'new\' WHERE status IS NULL;\n',
  '0003_index_alone.up.sql': 'CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);\n',
  '0004_index_with_other.up.sql': 'CREATE INDEX CONCURRENTLY orders_total_idx ON orders (total);\nCOMMENT ON TABLE orders IS \'orders\';\n',
  '0005_own_block.up.sql': 'BEGIN;\nALTER TABLE orders ADD COLUMN note text;\nCOMMIT;\n',
  // After the file's COMMIT, Postgres opens another implicit block: CONCURRENTLY fails there
  // (checked with psql -c on PostgreSQL 15), and the UPDATE holds the ALTER's lock.
  '0006_after_commit.up.sql': 'BEGIN;\nALTER TABLE orders ADD COLUMN kind text;\nCOMMIT;\nCREATE INDEX CONCURRENTLY orders_kind_idx ON orders (kind);\n',
  '0007_before_begin.up.sql': 'ALTER TABLE orders ADD COLUMN region text;\nUPDATE orders SET region = \'eu\';\nBEGIN;\nCOMMENT ON TABLE orders IS \'o\';\nCOMMIT;\n',
  '0008_rollback.up.sql': 'ALTER TABLE orders ADD COLUMN gone text;\nROLLBACK;\n',
};

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mg-implicit-'));
  mkdirSync(path.join(dir, 'db/migrations'), { recursive: true });
  for (const [name, sql] of Object.entries(FILES)) {
    writeFileSync(path.join(dir, 'db/migrations', name), sql);
    writeFileSync(path.join(dir, 'db/migrations', name.replace('.up.', '.down.')), '-- nothing to undo here\nSELECT 1;\n');
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rulesByFile(transaction?: 'none'): Promise<Record<string, string[]>> {
  const config = resolveConfig(transaction ? { transaction: { 'golang-migrate': transaction } } : {});
  const result = await runCheck({ files: fsRepoFiles(dir), config, scope: { kind: 'all' } });
  return Object.fromEntries(result.report.migrations.map((m) => [path.basename(m.path), m.findings.map((f) => `${f.risk} ${f.rule}`)]));
}

describe('golang-migrate: one query string per file', () => {
  it('resolves per file: several statements are one transaction; one statement, or the file\'s own BEGIN/COMMIT, are not', async () => {
    await initParser();
    const mode = (name: string) => fileTransaction('implicit', parseSource({ path: name, text: FILES[name]! }).statements);
    expect(['0002_backfill.up.sql', '0003_index_alone.up.sql', '0004_index_with_other.up.sql', '0005_own_block.up.sql'].map(mode)).toEqual(['wrapped', 'none', 'wrapped', 'none']);
    expect(fileTransaction('wrapped', [])).toBe('wrapped');
    expect(fileTransaction('none', parseSource({ path: 'x', text: FILES['0002_backfill.up.sql']! }).statements)).toBe('none');
  });

  it('reviews each file as Postgres runs it (the default for the layout)', async () => {
    const byFile = await rulesByFile();
    // The UPDATE runs while the ALTER's lock is held: the whole file is one transaction.
    expect(byFile['0002_backfill.up.sql']).toContain('DANGEROUS dml-in-ddl-transaction');
    // Alone in its file, CONCURRENTLY runs outside any transaction; beside another statement it fails.
    expect(byFile['0003_index_alone.up.sql']).not.toContain('DANGEROUS concurrently-in-transaction');
    expect(byFile['0004_index_with_other.up.sql']).toContain('DANGEROUS concurrently-in-transaction');
    // The file's own BEGIN/COMMIT are how golang-migrate files say it: no nesting.
    expect(byFile['0005_own_block.up.sql']!.filter((r) => r.endsWith('transaction-nesting'))).toEqual([]);
  });

  it('the mode each file resolved to travels with it, also when its trees are dropped (lint and check without markdown)', async () => {
    const modes = async (withoutTrees: boolean) =>
      (await runCheck({ files: fsRepoFiles(dir), config: resolveConfig({}), scope: { kind: 'all' }, withoutTrees })).migrations.map((m) => `${path.basename(m.migration.up.path)} ${m.transaction}`);
    const expected = ['0001_init.up.sql none', '0002_backfill.up.sql wrapped', '0003_index_alone.up.sql none', '0004_index_with_other.up.sql wrapped', '0005_own_block.up.sql none', '0006_after_commit.up.sql none', '0007_before_begin.up.sql none', '0008_rollback.up.sql none'];
    expect(await modes(false)).toEqual(expected);
    expect(await modes(true)).toEqual(expected);
  });

  it('the advice follows the mode, not the layout\'s name: golang-migrate configured to wrap (sqlx) gets a wrapping runner\'s', async () => {
    const findings = async (mode?: 'wrapped') => {
      const config = resolveConfig(mode ? { transaction: { 'golang-migrate': mode } } : {});
      const result = await runCheck({ files: fsRepoFiles(dir), config, scope: { kind: 'all' } });
      return result.report.migrations.flatMap((m) => m.findings.filter((f) => f.rule === 'concurrently-in-transaction' || f.rule === 'dml-in-ddl-transaction').map((f) => `${path.basename(m.path)} ${f.message} ${f.suggestion ?? ''}`));
    };
    const implicit = await findings();
    expect(implicit.find((f) => f.startsWith('0002'))).toContain('golang-migrate sends the file as one query');
    expect(implicit.find((f) => f.startsWith('0004'))).toContain('give the statement a file of its own');
    const wrapped = await findings('wrapped');
    expect(wrapped.find((f) => f.startsWith('0003'))).toContain('the runner wraps this migration in a transaction');
    expect(wrapped.join('\n')).not.toContain('one query');
  });

  it('statements outside the file\'s own BEGIN ... COMMIT run in implicit blocks: before a BEGIN, which takes the block over, and after a COMMIT', async () => {
    const byFile = await rulesByFile();
    expect(byFile['0006_after_commit.up.sql']).toContain('DANGEROUS concurrently-in-transaction');
    expect(byFile['0007_before_begin.up.sql']).toContain('DANGEROUS dml-in-ddl-transaction');
    expect(byFile['0007_before_begin.up.sql']!.filter((r) => r.endsWith('transaction-nesting'))).toEqual([]);
    // ROLLBACK with no BEGIN discards the implicit block before it.
    expect(byFile['0008_rollback.up.sql']).toContain('DANGEROUS transaction-nesting');
  });

  it('with transaction: { golang-migrate: none } (x-multi-statement) every statement runs on its own', async () => {
    const byFile = await rulesByFile('none');
    expect(byFile['0002_backfill.up.sql']).not.toContain('DANGEROUS dml-in-ddl-transaction');
    expect(byFile['0004_index_with_other.up.sql']).not.toContain('DANGEROUS concurrently-in-transaction');
  });

  it('a file of 1 MB or more, parsed once for its outline and then streamed, is judged as a small one held whole', async () => {
    // No rollback files: a file's trees then go as it is analysed (the rollback's review would keep them).
    const report = async (padding: string) => {
      const at = mkdtempSync(path.join(tmpdir(), 'mg-implicit-outline-'));
      try {
        mkdirSync(path.join(at, 'db/migrations'), { recursive: true });
        for (const [name, sql] of Object.entries(FILES)) writeFileSync(path.join(at, 'db/migrations', name), `${sql}${padding}`);
        const result = await runCheck({ files: fsRepoFiles(at), config: resolveConfig({}), scope: { kind: 'all' }, withoutTrees: true });
        return result.migrations.map((m) => ({ file: path.basename(m.migration.up.path), transaction: m.transaction, findings: m.report.findings.map((f) => ({ ...f, path: path.basename(f.path ?? '') })), operations: m.report.operations }));
      } finally {
        rmSync(at, { recursive: true, force: true });
      }
    };
    const whole = await report('');
    expect(whole.map((m) => m.transaction)).toContain('wrapped');
    // The same statements before a comment that takes each file past the threshold: nothing moves.
    expect(await report(`-- ${'x'.repeat(STREAM_IMPLICIT_MIN_CHARS)}\n`)).toEqual(whole);
  });
});

describe('golang-migrate: the dry-run runs each file as one query string, as the analysis reads it', () => {
  const DRY: Record<string, string> = {
    '0001_init.up.sql': 'CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);\n',
    // Before the file's BEGIN: the ALTER's lock is held through the UPDATE until the file's COMMIT.
    '0002_before_begin.up.sql': 'ALTER TABLE orders ADD COLUMN region text;\nUPDATE orders SET region = \'eu\';\nBEGIN;\nCOMMENT ON TABLE orders IS \'o\';\nCOMMIT;\n',
    // Beside another statement, CONCURRENTLY fails in production: it fails in the dry-run too.
    '0003_index_with_other.up.sql': 'CREATE INDEX CONCURRENTLY orders_total_idx ON orders (total);\nCOMMENT ON TABLE orders IS \'orders\';\n',
  };
  let dryDir = '';
  beforeAll(() => {
    dryDir = mkdtempSync(path.join(tmpdir(), 'mg-implicit-dry-'));
    mkdirSync(path.join(dryDir, 'db/migrations'), { recursive: true });
    for (const [name, sql] of Object.entries(DRY)) writeFileSync(path.join(dryDir, 'db/migrations', name), sql);
  });
  afterAll(() => rmSync(dryDir, { recursive: true, force: true }));

  it('observes the lock held across the statements of the implicit block, and fails what Postgres refuses in one', async () => {
    const config = resolveConfig({ dryRun: { seedRows: 20 } });
    const result = await runCheck({ files: fsRepoFiles(dryDir), config, scope: { kind: 'all' }, dryRun: true });
    const byFile = new Map(result.report.migrations.map((m) => [path.basename(m.path), m]));
    const held = byFile.get('0002_before_begin.up.sql')!.findings.find((f) => f.rule === 'observed-blocking-lock' && f.line === 1);
    expect(held?.risk).toBe('DANGEROUS');
    expect(held?.message).toMatch(/until COMMIT, across 2 more statements that touch rows/);
    const failed = byFile.get('0003_index_with_other.up.sql')!;
    expect(failed.dryRun?.status).toBe('failed');
    expect(failed.findings).toContainEqual(expect.objectContaining({ rule: 'dry-run-failed', line: 1, risk: 'DANGEROUS' }));
  }, 120_000);
});
