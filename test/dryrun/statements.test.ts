// Which statements the dry-run and the verifier run outside a transaction block: PostgreSQL's
// list (analyze/transaction-block.ts, checked on the engines in test/analyze/transaction-block.test.ts),
// at the sandbox's release.
import { describe, expect, it } from 'vitest';
import { cannotRunInTransaction, serverMajor } from '../../src/dryrun/statements.js';
import { initParser, parseSource } from '../../src/parse/index.js';

async function first(text: string) {
  await initParser();
  return parseSource({ path: 'x.sql', text }).statements[0]!;
}

describe('cannotRunInTransaction', () => {
  it('knows DETACH PARTITION ... CONCURRENTLY (PostgreSQL 14+: "cannot run inside a transaction block")', async () => {
    expect(cannotRunInTransaction(await first('ALTER TABLE m DETACH PARTITION m_2023 CONCURRENTLY;'), '17.5')).toBe(true);
    expect(cannotRunInTransaction(await first('ALTER TABLE m DETACH PARTITION m_2023;'), '17.5')).toBe(false);
    expect(cannotRunInTransaction(await first('ALTER TABLE m DETACH PARTITION m_2023 FINALIZE;'), '17.5')).toBe(false);
    expect(cannotRunInTransaction(await first('CREATE INDEX CONCURRENTLY i ON t (a);'), '17.5')).toBe(true);
  });

  it('knows DISCARD ALL and REINDEX SCHEMA, which it used to run inside one', async () => {
    expect(cannotRunInTransaction(await first('DISCARD ALL;'), '15.20 (Debian 15.20-0+deb12u1)')).toBe(true);
    expect(cannotRunInTransaction(await first('REINDEX SCHEMA public;'), '15.20')).toBe(true);
    expect(cannotRunInTransaction(await first('ANALYZE t;'), '15.20')).toBe(false);
  });

  it('counts a REINDEX TABLE that is refused only on a partitioned table (it cannot ask the database)', async () => {
    expect(cannotRunInTransaction(await first('REINDEX TABLE t;'), '17.5')).toBe(true);
    expect(cannotRunInTransaction(await first('REINDEX TABLE t;'), '13.1')).toBe(false);
  });

  it('reads the major release from server_version', () => {
    expect(serverMajor('15.20 (Debian 15.20-0+deb12u1)')).toBe(15);
    expect(serverMajor('17.5')).toBe(17);
    expect(serverMajor('18beta1')).toBe(18);
  });
});
