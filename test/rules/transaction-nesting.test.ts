// transaction-nesting and transaction-not-committed: explicit BEGIN, runner wrapped or not.
import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';

const of = (out: Awaited<ReturnType<typeof lintSql>>, id: string) => out.findings.filter((f) => f.rule === id);

describe('transaction-nesting', () => {
  it('BEGIN inside an explicit transaction names where the outer one began', async () => {
    const [f] = of(await lintSql('BEGIN;\nCREATE TABLE a (id bigint);\nBEGIN;\nCOMMIT;'), 'transaction-nesting');
    expect(f?.risk).toBe('CAUTION');
    expect(f?.line).toBe(3);
    expect(f?.message).toContain('opened at line 1');
  });

  it('BEGIN in a runner-wrapped file says the runner already wraps it', async () => {
    const out = await lintSql('BEGIN;\nCREATE TABLE a (id bigint);\nCOMMIT;', { runner: 'wrapped' });
    const found = of(out, 'transaction-nesting');
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain('the runner already wraps this file');
  });

  it('COMMIT or ROLLBACK without BEGIN in a runner-wrapped file ends the runner transaction', async () => {
    const commit = of(await lintSql('CREATE TABLE a (id bigint);\nCOMMIT;', { runner: 'wrapped' }), 'transaction-nesting');
    expect(commit[0]?.risk).toBe('CAUTION');
    const rollback = of(await lintSql('CREATE TABLE a (id bigint);\nROLLBACK;', { runner: 'wrapped' }), 'transaction-nesting');
    expect(rollback[0]?.risk).toBe('DANGEROUS');
  });

  it('COMMIT without BEGIN in a file that is not wrapped is a SAFE warning', async () => {
    const [f] = of(await lintSql('CREATE TABLE a (id bigint);\nCOMMIT;'), 'transaction-nesting');
    expect(f?.risk).toBe('SAFE');
  });

  it('is silent for a proper BEGIN ... COMMIT, repeated', async () => {
    expect(of(await lintSql('BEGIN;\nCREATE TABLE a (id bigint);\nCOMMIT;\nBEGIN;\nCREATE TABLE b (id bigint);\nCOMMIT;'), 'transaction-nesting')).toEqual([]);
  });
});

describe('transaction-not-committed', () => {
  it('BEGIN without COMMIT in a file the runner does not wrap is DANGEROUS, at the BEGIN', async () => {
    const out = await lintSql('CREATE TABLE a (id bigint);\nBEGIN;\nCREATE TABLE b (id bigint);');
    const [f] = of(out, 'transaction-not-committed');
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.line).toBe(2);
  });

  it('is silent when committed, rolled back, or when the runner commits', async () => {
    expect(of(await lintSql('BEGIN;\nCREATE TABLE b (id bigint);\nCOMMIT;'), 'transaction-not-committed')).toEqual([]);
    expect(of(await lintSql('BEGIN;\nCREATE TABLE b (id bigint);\nROLLBACK;'), 'transaction-not-committed')).toEqual([]);
    expect(of(await lintSql('BEGIN;\nCREATE TABLE b (id bigint);', { runner: 'wrapped' }), 'transaction-not-committed')).toEqual([]);
  });

  it('is silenced only by a file-wide ignore', async () => {
    const out = await lintSql('-- migration-guard-ignore-file transaction-not-committed\nBEGIN;\nCREATE TABLE b (id bigint);');
    expect(of(out, 'transaction-not-committed')).toEqual([]);
    expect(of(out, 'unused-ignore')).toEqual([]);
  });
});
