// Which statements Postgres refuses inside a transaction block: the dry-run and the verifier run
// them outside one only where the runner would.
import { describe, expect, it } from 'vitest';
import { cannotRunInTransaction } from '../../src/dryrun/statements.js';
import { initParser, parseSource } from '../../src/parse/index.js';

async function first(text: string) {
  await initParser();
  return parseSource({ path: 'x.sql', text }).statements[0]!;
}

describe('cannotRunInTransaction', () => {
  it('knows DETACH PARTITION ... CONCURRENTLY (PostgreSQL 14+: "cannot run inside a transaction block")', async () => {
    expect(cannotRunInTransaction(await first('ALTER TABLE m DETACH PARTITION m_2023 CONCURRENTLY;'))).toBe(true);
    expect(cannotRunInTransaction(await first('ALTER TABLE m DETACH PARTITION m_2023;'))).toBe(false);
    expect(cannotRunInTransaction(await first('ALTER TABLE m DETACH PARTITION m_2023 FINALIZE;'))).toBe(false);
    expect(cannotRunInTransaction(await first('CREATE INDEX CONCURRENTLY i ON t (a);'))).toBe(true);
  });
});
