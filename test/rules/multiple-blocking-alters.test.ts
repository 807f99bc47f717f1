import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';
import { expectValidSql, findingsOf, runOnPostgres } from './part-a-support.js';

const ID = 'multiple-blocking-alters';
const TWO = 'ALTER TABLE orders ADD COLUMN note text;\nALTER TABLE orders ALTER COLUMN status SET DEFAULT \'new\';';

describe(ID, () => {
  it('flags the second ALTER on the same table inside BEGIN and suggests one combined ALTER TABLE', async () => {
    const found = findingsOf(await lintSql(`BEGIN;\n${TWO}\nALTER TABLE orders DROP COLUMN legacy;\nCOMMIT;`), ID);
    expect(found).toHaveLength(1);
    expect(found[0]?.line).toBe(3);
    expect(found[0]?.risk).toBe('CAUTION');
    expect(found[0]?.suggestion).toContain("ALTER TABLE orders\n  ADD COLUMN note text,\n  ALTER COLUMN status SET DEFAULT 'new';");
    await expectValidSql(found[0]?.suggestion);
  });

  it('flags it when the runner wraps the file, not when each statement commits on its own', async () => {
    expect(findingsOf(await lintSql(TWO, { runner: 'wrapped' }), ID)).toHaveLength(1);
    expect(findingsOf(await lintSql(TWO, { runner: 'none' }), ID)).toEqual([]);
  });

  it('does not merge ADD COLUMN without a value and SET NOT NULL of it, which fails on a table with rows', async () => {
    const sql = 'ALTER TABLE "PublishedDocs" ADD COLUMN "slug" TEXT;\nALTER TABLE "PublishedDocs" ALTER COLUMN "slug" SET NOT NULL;';
    const [f] = findingsOf(await lintSql(sql, { runner: 'wrapped' }), ID);
    expect(f?.suggestion).not.toContain('ALTER TABLE "PublishedDocs"\n  ADD COLUMN');
    expect(f?.suggestion).toMatch(/^-- do not combine/);
    // With a DEFAULT the combined statement works on rows, and is still offered.
    const [g] = findingsOf(await lintSql(sql.replace('TEXT;', "TEXT DEFAULT '';"), { runner: 'wrapped' }), ID);
    expect(g?.suggestion).toContain('ALTER TABLE "PublishedDocs"\n  ADD COLUMN');
    await runOnPostgres('combined_alter_rows', 'CREATE TABLE "PublishedDocs" (id int);\nINSERT INTO "PublishedDocs" VALUES (1);', [g!.suggestion!]);
  });

  it('does not combine with a RENAME, but still flags it', async () => {
    const [f] = findingsOf(await lintSql('ALTER TABLE orders ADD COLUMN note text;\nALTER TABLE orders RENAME COLUMN a TO b;', { runner: 'wrapped' }), ID);
    expect(f?.suggestion).toContain('its own transaction');
  });

  it('ignores different tables, and tables created in this run', async () => {
    expect(findingsOf(await lintSql('ALTER TABLE orders ADD COLUMN a int;\nALTER TABLE users ADD COLUMN b int;', { runner: 'wrapped' }), ID)).toEqual([]);
    expect(findingsOf(await lintSql(`CREATE TABLE orders (status text);\n${TWO}`, { runner: 'wrapped' }), ID)).toEqual([]);
    expect(findingsOf(await lintSql(TWO, { runner: 'wrapped', earlier: ['CREATE TABLE orders (status text);'] }), ID)).toEqual([]);
  });
});
