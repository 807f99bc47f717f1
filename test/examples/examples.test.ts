// The bundled examples teach what their names say: 0004 adds a foreign key the safe way
// (NOT VALID, no DANGEROUS finding), and 0005's validate-only migration, whose rollback has
// nothing to undo, is not reported as an incomplete rollback by the dry-run.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { resolveConfig } from '../../src/config/defaults.js';
import { fsRepoFiles } from '../../src/discover/fs-files.js';
import { diffSnapshots } from '../../src/dryrun/index.js';

const EXAMPLES = path.resolve(import.meta.dirname, '..', '..', 'examples');

describe('the bundled examples', () => {
  it('0004 adds a foreign key safely and 0005 validates it; neither is DANGEROUS or rollback-incomplete', async () => {
    const config = resolveConfig({});
    const result = await runCheck({ files: fsRepoFiles(EXAMPLES), config, scope: { kind: 'all' }, dryRun: true });
    const byName = (part: string) => result.report.migrations.find((m) => m.path.includes(part))!;
    const fk = byName('0004_customer_fk_safely');
    expect(fk.operations.some((o) => /foreign/i.test(o.kind) || o.constraintName === 'orders_customer_fk')).toBe(true);
    expect(fk.risk).not.toBe('DANGEROUS');
    const validate = byName('0005_validate_customer_fk');
    expect(validate.risk).not.toBe('DANGEROUS');
    expect(validate.findings.map((f) => f.rule)).not.toContain('rollback-incomplete');
    expect(validate.dryRun?.status).toBe('passed');
  }, 180_000);

  it('a constraint left validated after the rollback of its VALIDATE is no difference; any other change is', () => {
    const before = new Map([['constraint public.orders.fk', 'FOREIGN KEY (customer_id) REFERENCES customers(id) NOT VALID (not validated)']]);
    expect(diffSnapshots(before, new Map([['constraint public.orders.fk', 'FOREIGN KEY (customer_id) REFERENCES customers(id)']]))).toEqual([]);
    expect(diffSnapshots(before, new Map([['constraint public.orders.fk', 'FOREIGN KEY (customer_id) REFERENCES users(id)']]))).toHaveLength(1);
  });
});
