// The cost model's logic and the risk that follows from it, through the real review pipeline
// (runCheck over files on disk with table stats in the config). No timings are asserted: the
// figures come from the documented constants, so they are fixed arithmetic here.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTextWidths } from '../../src/report/text-layout.js';
import { runCheck } from '../../src/check/run.js';
import { resolveConfig } from '../../src/config/defaults.js';
import type { ConfigFile } from '../../src/config/schema.js';
import { fsRepoFiles } from '../../src/discover/fs-files.js';
import { LOCAL_POSTGRES } from '../../src/estimate/constants.js';
import { estimateOperation, formatDuration, formatRange, roundMs, tableSize } from '../../src/estimate/model.js';
import { jsonReportSchema } from '../../src/report/json-schema.js';
import { toJsonReport } from '../../src/report/json.js';
import type { Operation } from '../../src/core/types.js';

const work = mkdtempSync(path.join(tmpdir(), 'mg-estimate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;

async function review(sql: string, config: ConfigFile) {
  const dir = path.join(work, String(n++));
  const { mkdirSync } = await import('node:fs');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'migration.sql'), sql);
  const result = await runCheck({ files: fsRepoFiles(dir), config: resolveConfig(config), scope: { kind: 'paths', paths: ['migration.sql'] } });
  return result.report;
}

const op = (o: Partial<Operation>): Operation => ({ kind: 'OTHER', risk: 'SAFE', line: 1, column: 1, rules: [], statement: 0, table: 'public.t', ...o });


// Text beyond printable ASCII is laid out with string-width, which the CLI loads on demand.
beforeAll(() => loadTextWidths());
describe('cost model', () => {
  it('prices a rewrite as heap bytes plus one sort per index the table has', () => {
    const w = LOCAL_POSTGRES.heapBytesPerRow;
    const stats = { rows: 1_000_000, bytes: 1_000_000 * w, indexes: [{ name: 'a', bytes: 1 }, { name: 'b', bytes: 1 }] };
    const e = estimateOperation(op({ kind: 'ALTER_COLUMN_TYPE', rules: ['changing-column-type'], lock: 'AccessExclusiveLock' }), stats, LOCAL_POSTGRES)!;
    const expected = 1_000_000 * LOCAL_POSTGRES.rates.rewrite + 2 * 1_000_000 * LOCAL_POSTGRES.rates.index;
    expect(e.durationMs).toBe(roundMs(expected));
    expect(e.lockMs).toBe(e.durationMs);
    expect(e.blocks).toBe('reads and writes');
    expect(e.low).toBeLessThan(e.durationMs);
    expect(e.high).toBeGreaterThan(e.durationMs);
    expect(e.basis).toMatch(/^table rewrite and 2 index rebuilds of public\.t \(1M rows, \d+ MB\), documented rates measured on PostgreSQL 15/);
  });

  it('a scan under a lock that blocks nothing holds no blocking time; CONCURRENTLY costs two passes', () => {
    const stats = { rows: 1_000_000, bytes: 84_500_000 };
    const v = estimateOperation(op({ kind: 'VALIDATE_CONSTRAINT', lock: 'ShareUpdateExclusiveLock' }), stats, LOCAL_POSTGRES)!;
    expect(v.lockMs).toBe(0);
    expect(v.blocks).toBe('none');
    // SET NOT NULL evaluates nothing per row: its own (lower) rate, not the CHECK scan's.
    const nn = estimateOperation(op({ kind: 'SET_NOT_NULL', rules: ['set-not-null-without-check'], lock: 'AccessExclusiveLock' }), stats, LOCAL_POSTGRES)!;
    expect(nn.durationMs).toBe(roundMs((stats.bytes / LOCAL_POSTGRES.heapBytesPerRow) * LOCAL_POSTGRES.rates.notnull));
    expect(v.durationMs).toBe(roundMs((stats.bytes / LOCAL_POSTGRES.heapBytesPerRow) * LOCAL_POSTGRES.rates.scan));
    const plain = estimateOperation(op({ kind: 'CREATE_INDEX', lock: 'ShareLock' }), stats, LOCAL_POSTGRES)!;
    const conc = estimateOperation(op({ kind: 'CREATE_INDEX_CONCURRENTLY', lock: 'ShareUpdateExclusiveLock' }), stats, LOCAL_POSTGRES)!;
    expect(plain.blocks).toBe('writes');
    expect(plain.lockMs).toBe(plain.durationMs);
    expect(conc.durationMs).toBe(roundMs(2 * 1_000_000 * LOCAL_POSTGRES.rates.index));
    expect(conc.lockMs).toBe(0);
  });

  it('a file with rows only (the old format) says what it assumed for bytes', () => {
    expect(tableSize({ rows: 1000 }, LOCAL_POSTGRES)).toMatchObject({ rows: 1000, bytes: 1000 * LOCAL_POSTGRES.heapBytesPerRow });
    expect(tableSize({ bytes: 10 * LOCAL_POSTGRES.heapBytesPerRow }, LOCAL_POSTGRES)).toMatchObject({ rows: 10 });
    expect(tableSize({}, LOCAL_POSTGRES)).toBeUndefined();
    const e = estimateOperation(op({ kind: 'SET_NOT_NULL', rules: ['set-not-null-without-check'], lock: 'AccessExclusiveLock' }), { rows: 10_000_000 }, LOCAL_POSTGRES)!;
    expect(e.basis).toMatch(/SET NOT NULL scan of public\.t \(10M rows, .*bytes a row assumed\)/);
  });

  it('catalog-only changes are near-instant but say they wait behind open transactions', () => {
    const e = estimateOperation(op({ kind: 'ADD_COLUMN_NULLABLE', lock: 'AccessExclusiveLock' }), { rows: 1e9 }, LOCAL_POSTGRES)!;
    expect(e.durationMs).toBeLessThan(10);
    expect(e.basis).toContain('waits behind any open transaction');
    // SET NOT NULL proven by a validated CHECK: the rule stays quiet, Postgres skips the scan.
    expect(estimateOperation(op({ kind: 'SET_NOT_NULL', lock: 'AccessExclusiveLock' }), { rows: 1e9 }, LOCAL_POSTGRES)!.durationMs).toBeLessThan(10);
  });

  it('rounds to two digits and prints ranges, never false precision', () => {
    expect(roundMs(123_456)).toBe(120_000);
    expect(roundMs(0.3)).toBe(0);
    expect(formatDuration(240_000)).toBe('4 min');
    expect(formatDuration(1_500)).toBe('1.5 s');
    expect(formatRange(240_000, 120_000, 480_000)).toBe('~4 min (2 min–8 min)');
  });
});

describe('risk follows the estimated blocking time', () => {
  const sql = 'ALTER TABLE orders ALTER COLUMN customer_id TYPE bigint;\n';
  const stats = { 'public.orders': { rows: 50_000, bytes: 50_000 * 85, indexes: [{ name: 'orders_pkey', bytes: 1_200_000 }] } };

  it('under the budget: CAUTION, with the figure', async () => {
    const report = await review(sql, { tableStats: stats });
    const m = report.migrations[0]!;
    const f = m.findings.find((x) => x.rule === 'changing-column-type')!;
    expect(f.risk).toBe('CAUTION');
    expect(f.message).toMatch(/estimated ~\d+ ms \(\d+ ms–\d+ ms\) ACCESS EXCLUSIVE on public\.orders, blocking reads and writes, within the 300 ms budget/);
    expect(m.risk).toBe('CAUTION');
    expect(m.operations[0]!.estimate).toMatchObject({ lock: 'AccessExclusiveLock', blocks: 'reads and writes' });
  });

  it('over the budget: DANGEROUS, with the figure and what it is based on', async () => {
    const report = await review(sql, { tableStats: stats, maxBlockingMs: 50 });
    const m = report.migrations[0]!;
    const f = m.findings.find((x) => x.rule === 'changing-column-type')!;
    expect(f.risk).toBe('DANGEROUS');
    expect(f.message).toContain('over the 50 ms budget (maxBlockingMs); based on table rewrite and 1 index rebuild of public.orders (50k rows, 4.1 MB)');
    expect(f.message).toContain('measured on PostgreSQL 15');
    expect(m.risk).toBe('DANGEROUS');
  });

  it('a huge table is DANGEROUS even for a rule whose size note alone would not say so', async () => {
    const report = await review('ALTER TABLE orders ALTER COLUMN status SET NOT NULL;\n', { tableStats: { 'public.orders': { rows: 40_000_000, bytes: 12 * 1024 ** 3 } } });
    const f = report.migrations[0]!.findings.find((x) => x.rule === 'set-not-null-without-check')!;
    expect(f.risk).toBe('DANGEROUS');
    expect(f.message).toMatch(/SET NOT NULL scan of public\.orders \(40M rows, 12 GB\)/);
  });

  it('a rule pinned to a risk in the config keeps it', async () => {
    const report = await review(sql, { tableStats: stats, maxBlockingMs: 50, rules: { 'changing-column-type': 'CAUTION' } });
    expect(report.migrations[0]!.findings.find((x) => x.rule === 'changing-column-type')!.risk).toBe('CAUTION');
  });

  it('CONCURRENTLY on a huge table blocks nobody: the estimate is shown, the risk is not raised', async () => {
    const report = await review('CREATE INDEX CONCURRENTLY orders_x ON orders (x);\n', { tableStats: { 'public.orders': { rows: 40_000_000 } } });
    const m = report.migrations[0]!;
    expect(m.operations[0]!.estimate).toMatchObject({ lockMs: 0, blocks: 'none' });
    expect(m.risk).not.toBe('DANGEROUS');
    expect(m.impact?.blockingMs).toBe(0);
  });
});

describe('impact summary and the JSON contract', () => {
  it('sums blocking time, bytes and WAL; names data loss, rollback complexity and prerequisites', async () => {
    const report = await review(
      'ALTER TABLE orders ALTER COLUMN customer_id TYPE bigint;\nALTER TABLE orders DROP COLUMN legacy;\nALTER TABLE orders ALTER COLUMN status SET NOT NULL;\n',
      { tableStats: { 'public.orders': { rows: 1_000_000, bytes: 100_000_000, indexBytes: 20_000_000, indexes: [{ name: 'orders_pkey', bytes: 20_000_000 }] } } },
    );
    const m = report.migrations[0]!;
    const impact = m.impact!;
    const sum = m.operations.reduce((a, o) => a + (o.estimate && o.estimate.lockMs > 0 ? o.estimate.durationMs : 0), 0);
    expect(impact.blockingMs).toBe(sum);
    expect(impact.blockingOn).toEqual({ table: 'public.orders', lock: 'AccessExclusiveLock' });
    expect(impact.bytesRewritten).toBe(120_000_000);
    expect(impact.bytesScanned).toBe(100_000_000);
    expect(impact.walBytes).toBe(120_000_000);
    expect(impact.dataLoss).toBe('irreversible');
    expect(impact.dataLossDetail).toContain('drop column legacy on public.orders');
    expect(impact.rollback).toBe('needs-data-restore');
    expect(impact.prerequisites).toEqual(expect.arrayContaining(['deploy code that no longer uses the old name first', 'backfill the column first (no NULLs left)']));
    const json = toJsonReport(report);
    expect(jsonReportSchema.safeParse(json).success).toBe(true);
    expect(json.migrations[0]!.operations[0]!.estimate).toMatchObject({ durationMs: expect.any(Number), lockMs: expect.any(Number), lock: 'AccessExclusiveLock', basis: expect.any(String), low: expect.any(Number), high: expect.any(Number) });
  });

  it('a runner that wraps the migration in one transaction holds the first blocking lock until COMMIT', async () => {
    const stats = { tableStats: { 'public.orders': { rows: 1_000_000 }, 'public.big': { rows: 1_000_000 } } };
    const sql = 'ALTER TABLE orders ADD COLUMN note text;\nCREATE INDEX CONCURRENTLY big_x ON big (x);\n';
    const none = (await review(sql, stats)).migrations[0]!.impact!;
    expect(none.blockingMs).toBe(1);
    const wrapped = (await review(sql, { ...stats, transaction: { plain: 'wrapped' } })).migrations[0]!.impact!;
    expect(wrapped.blockingMs).toBeGreaterThan(1000);
  });

  it('without table stats there is no estimate, and the summary still answers the other questions', async () => {
    const report = await review('ALTER TABLE orders DROP COLUMN legacy;\n', {});
    const m = report.migrations[0]!;
    expect(m.operations[0]!.estimate).toBeUndefined();
    expect(m.impact).toMatchObject({ dataLoss: 'irreversible', rollback: 'needs-data-restore' });
    expect(m.impact!.blockingMs).toBeUndefined();
  });
});

describe('rendering', () => {
  async function reviewed(sql: string, config: ConfigFile) {
    const dir = path.join(work, `r${n++}`);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'migration.sql'), sql);
    return runCheck({ files: fsRepoFiles(dir), config: resolveConfig(config), scope: { kind: 'paths', paths: ['migration.sql'] } });
  }

  it('the terminal report and the comment show the blocking time, each estimate with its basis, and an estimated lock timeline', async () => {
    const { renderReport } = await import('../../src/report/index.js');
    const result = await reviewed('ALTER TABLE orders ALTER COLUMN customer_id TYPE bigint;\nCREATE INDEX CONCURRENTLY orders_c ON orders (c);\n', {
      tableStats: { 'public.orders': { rows: 40_000_000, bytes: 12 * 1024 ** 3 } },
    });
    const pretty = renderReport(result, 'pretty', { color: false, width: 200 });
    expect(pretty).toMatch(/blocking +~\d+(\.\d)? min \(.+\) ACCESS EXCLUSIVE on public\.orders/);
    expect(pretty).toMatch(/line 2 CREATE_INDEX_CONCURRENTLY public\.orders: ~.+, SHARE UPDATE EXCLUSIVE blocks neither reads nor writes/);
    expect(pretty).toContain('based on table rewrite and 1 index rebuild of public.orders (40M rows, 12 GB');
    const md = renderReport(result, 'markdown');
    expect(md).toContain('| Estimated blocking time |');
    expect(md).toMatch(/```mermaid\ngantt\n {2}title Estimated locks on production migration\.sql\n/);
    expect(md).toMatch(/ {2}ACCESS EXCLUSIVE line 1 ALTER_COLUMN_TYPE :crit, 0, \d+\n/);
    expect(md).toMatch(/ {2}SHARE UPDATE EXCLUSIVE line 2 CREATE_INDEX_CONCURRENTLY :\d+, \d+\n/);
  });

  it('a table name written to break the mermaid chart or the table is neutralised', async () => {
    const { renderReport } = await import('../../src/report/index.js');
    const evil = 'x:crit, 0, 9\n  section |<img src=x>';
    const result = await reviewed(`ALTER TABLE "${evil}" ALTER COLUMN a TYPE bigint;\n`, { tableStats: { [`public.${evil}`]: { rows: 1_000_000 } } });
    const md = renderReport(result, 'markdown');
    const start = md.indexOf('```mermaid');
    const chart = md.slice(start, md.indexOf('\n```', start + 3));
    expect(chart.split('\n').filter((l) => l.trim().startsWith('section'))).toEqual(['  section public.x crit 0 9 section img src x']);
    // The impact tables (outside code) carry the name escaped.
    const impact = md.slice(md.indexOf('#### Impact'), start);
    expect(impact).toContain('&lt;img src=x&gt;');
    // No row gains a cell (GitHub splits at every unescaped pipe, even in code), so the name
    // stays inside its cell and its code span; outside code spans `<` is escaped.
    const pipes = (l: string) => l.split(/(?<!\\)\|/).length;
    for (const block of impact.split('\n\n').filter((b) => b.startsWith('|'))) {
      const [head, ...rows] = block.split('\n');
      for (const r of rows) expect(pipes(r), r).toBe(pipes(head!));
    }
    expect(impact.replace(/`[^`]*`/g, '')).not.toContain('<img');
  });
});
