// Helpers for the part-A rule tests: pick one rule's findings, check that a suggestion parses,
// and run SQL on the PostgreSQL 15 server of this machine in a throwaway database.
import pg from 'pg';
import { expect } from 'vitest';
import type { AnalyzeOutput } from '../../src/analyze/analyze.js';
import type { Finding } from '../../src/core/types.js';
import { initParser, parseSource } from '../../src/parse/index.js';

export function findingsOf(out: AnalyzeOutput, rule: string): Finding[] {
  return out.findings.filter((f) => f.rule === rule);
}

/** The suggestion parses as PostgreSQL (comments allowed). */
export async function expectValidSql(sql: string | undefined): Promise<void> {
  expect(sql, 'a suggestion').toBeTruthy();
  await initParser();
  const parsed = parseSource({ path: 'suggestion.sql', text: sql! });
  expect(parsed.errors, sql).toEqual([]);
  expect(parsed.statements.length).toBeGreaterThan(0);
}

const ADMIN = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' };

/** Runs `setup` and then each SQL text in order, each in its own autocommit round trip, in a new database. */
export async function runOnPostgres(name: string, setup: string, steps: string[]): Promise<void> {
  const db = `ruletest_${name.replace(/[^a-z0-9]/g, '_')}_${process.pid}`;
  const admin = new pg.Client(ADMIN);
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${db}`);
    await admin.query(`CREATE DATABASE ${db}`);
    const client = new pg.Client({ ...ADMIN, database: db });
    await client.connect();
    try {
      await client.query(setup);
      for (const step of steps) {
        await initParser();
        for (const s of parseSource({ path: 'step.sql', text: step }).statements) if (!s.nestedIn) await client.query(s.text);
      }
    } finally {
      await client.end();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${db}`);
    await admin.end();
  }
}
