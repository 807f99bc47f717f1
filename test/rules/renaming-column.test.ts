// renaming-column, renaming-table, renaming-schema: new vs pre-existing objects, suggestions.
import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';

const of = (out: Awaited<ReturnType<typeof lintSql>>, id: string) => out.findings.filter((f) => f.rule === id);

describe('renaming-column', () => {
  it('flags a rename on a pre-existing table and suggests expand/contract with the known type', async () => {
    const out = await lintSql('ALTER TABLE users RENAME COLUMN email TO email_address;', { history: 'CREATE TABLE users (id bigint, email varchar(320));' });
    const [f] = of(out, 'renaming-column');
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.message).toContain('public.users.email to email_address');
    expect(f?.suggestion).toContain('ALTER TABLE users ADD COLUMN email_address varchar(320);');
    expect(f?.suggestion).toContain('ALTER TABLE users DROP COLUMN email;');
    expect(out.operations.find((o) => o.kind === 'RENAME_COLUMN')?.rules).toContain('renaming-column');
  });

  it('is silent for a table created earlier in the run, or a column added earlier in the run', async () => {
    expect(of(await lintSql('CREATE TABLE users (id bigint, email text);\nALTER TABLE users RENAME COLUMN email TO mail;'), 'renaming-column')).toEqual([]);
    expect(of(await lintSql('ALTER TABLE users RENAME COLUMN email2 TO email_address;', { earlier: ['ALTER TABLE users ADD COLUMN email2 text;'] }), 'renaming-column')).toEqual([]);
  });

  it('is silenced by an ignore comment, and an ignore that silences nothing is reported', async () => {
    const out = await lintSql('-- migration-guard-ignore renaming-column\nALTER TABLE users RENAME COLUMN email TO mail;');
    expect(of(out, 'renaming-column')).toEqual([]);
    expect(of(out, 'unused-ignore')).toEqual([]);
    const unused = await lintSql('-- migration-guard-ignore renaming-column\nALTER TABLE users ADD COLUMN mail text;');
    expect(of(unused, 'unused-ignore')).toHaveLength(1);
  });

  it('ignores renames inside a function body, which do not run during the migration', async () => {
    const sql = 'CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN ALTER TABLE users RENAME COLUMN email TO mail; END $$;';
    expect(of(await lintSql(sql), 'renaming-column')).toEqual([]);
  });
});

describe('renaming-table', () => {
  it('flags a pre-existing table and suggests a compatibility view in the same transaction', async () => {
    const [f] = of(await lintSql('ALTER TABLE customers RENAME TO clients;'), 'renaming-table');
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.suggestion).toContain('ALTER TABLE customers RENAME TO clients;');
    expect(f?.suggestion).toContain('CREATE VIEW customers AS SELECT * FROM clients;');
  });

  it('keeps the schema in the view suggestion', async () => {
    const [f] = of(await lintSql('ALTER TABLE billing.customers RENAME TO clients;'), 'renaming-table');
    expect(f?.suggestion).toContain('CREATE VIEW billing.customers AS SELECT * FROM billing.clients;');
  });

  it('is silent for a table created in this run', async () => {
    expect(of(await lintSql('CREATE TABLE tmp (id bigint);\nALTER TABLE tmp RENAME TO final;'), 'renaming-table')).toEqual([]);
  });
});

describe('renaming-schema', () => {
  it('flags a pre-existing schema, not one created in this run', async () => {
    const [f] = of(await lintSql('ALTER SCHEMA billing RENAME TO invoicing;'), 'renaming-schema');
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.suggestion).toContain('CREATE SCHEMA invoicing;');
    expect(of(await lintSql('CREATE SCHEMA staging;\nALTER SCHEMA staging RENAME TO billing;'), 'renaming-schema')).toEqual([]);
  });
});
