// The Action with table stats: the `table-stats` file and `stats-database-url` (sizes read at
// run time from the local PostgreSQL server, as a role that cannot read rows) put estimates in
// the JSON report and the comment, and the risk follows them. Runs dist/index.js as a process.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanTraffic } from '../support/fake-github/clean-traffic.js';
import { describeRun, useScenarios } from '../action/scenario.js';

const HEAD = {
  'db/migrations/0002_users_id_bigint.up.sql': "SET lock_timeout = '5s';\nALTER TABLE users ALTER COLUMN email TYPE varchar(200);\n",
  'db/migrations/0002_users_id_bigint.down.sql': 'ALTER TABLE users ALTER COLUMN email TYPE text;\n',
};
const db = `mg_action_stats_${process.pid}`;
const role = `mg_action_reader_${process.pid}`;

async function admin(database: string, sql: string[]): Promise<void> {
  const c = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database });
  await c.connect();
  try {
    for (const q of sql) await c.query(q);
  } finally {
    await c.end();
  }
}

const { scenario } = useScenarios();
beforeAll(async () => {
  await admin('postgres', [`create database ${db}`, `create role ${role} login`, `grant pg_read_all_stats to ${role}`]);
  await admin(db, [
    'create table users (id bigint primary key, email text not null)',
    `insert into users select g, 'u' || g || '@example.com' from generate_series(1, 3000) g`,
    'analyze users',
    'revoke all on users from public',
  ]);
});
afterAll(async () => {
  await admin('postgres', [`drop database if exists ${db} with (force)`, `drop role if exists ${role}`]);
});

describe('Action table stats', () => {
  it('a stats file of a huge table: the rewrite is DANGEROUS with its estimate, in the report and the comment', async () => {
    // The stats file is read from the base commit, like the config: the pull request's own copy says the table is tiny.
    const current = await scenario({
      base: { 'stats.json': JSON.stringify({ 'public.users': { rows: 40_000_000, bytes: 12 * 1024 ** 3 } }) },
      head: { ...HEAD, 'stats.json': JSON.stringify({ 'public.users': { rows: 10, bytes: 8192 } }) },
    });
    const run = await current.runPullRequest('opened', { 'table-stats': 'stats.json' });
    expect(run.code, describeRun(run)).toBe(1);
    const report = JSON.parse(readFileSync(run.outputs.report!, 'utf8'));
    const op = report.migrations[0].operations.find((o: { kind: string }) => o.kind === 'ALTER_COLUMN_TYPE');
    expect(op.estimate).toMatchObject({ lock: 'AccessExclusiveLock', blocks: 'reads and writes' });
    expect(op.estimate.lockMs).toBeGreaterThan(60_000);
    expect(report.migrations[0].impact).toMatchObject({ risk: 'DANGEROUS', rollback: 'schema-only' });
    const body = current.stickyComments()[0]!.body;
    expect(body).toContain('#### Impact');
    expect(body).toContain('Estimated blocking time');
    expect(body).toMatch(/```mermaid\ngantt\n {2}title Estimated locks on production/);
    expectCleanTraffic(current);
  });

  it('stats-database-url: sizes read at run time by a role that cannot read rows make the same change CAUTION', async () => {
    const current = await scenario({ head: HEAD });
    const run = await current.runPullRequest('opened', { 'stats-database-url': `postgres://${role}@127.0.0.1:5432/${db}` });
    expect(run.code, describeRun(run)).toBe(0);
    const report = JSON.parse(readFileSync(run.outputs.report!, 'utf8'));
    const m = report.migrations[0];
    const op = m.operations.find((o: { kind: string }) => o.kind === 'ALTER_COLUMN_TYPE');
    expect(op.estimate.basis).toContain('public.users (3k rows');
    expect(m.findings.find((f: { rule: string }) => f.rule === 'changing-column-type').risk).toBe('CAUTION');
    expectCleanTraffic(current);
  });

  it('an unreachable stats database is a warning, not a failed review', async () => {
    const current = await scenario({ head: HEAD });
    const run = await current.runPullRequest('opened', { 'stats-database-url': 'postgres://x:hunter2@127.0.0.1:1/none' });
    // Reviewed without sizes: the rewrite stays DANGEROUS, and the status says so (not "could not finish").
    expect(run.code, describeRun(run)).toBe(1);
    expect(current.status()).toMatchObject({ state: 'failure', description: expect.stringMatching(/^DANGEROUS migrations need/) });
    const warning = run.stdout.split('\n').find((l) => l.startsWith('::warning::could not read table stats from stats-database-url'));
    expect(warning).toBeDefined();
    expect(warning).not.toContain('hunter2');
    expectCleanTraffic(current);
  });
});
