import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';
import { expectValidSql, findingsOf, runOnPostgres } from './part-a-support.js';

const ID = 'disallowed-unique-constraint';

describe(ID, () => {
  it('flags ADD UNIQUE and suggests CREATE UNIQUE INDEX CONCURRENTLY + USING INDEX, which run on PostgreSQL 15', async () => {
    const [f] = findingsOf(await lintSql('ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);'), ID);
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.suggestion).toBe('CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);  -- in a migration of its own that the runner does not wrap in a transaction\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;');
    await runOnPostgres('uniq', "CREATE TABLE users (id int, email text); INSERT INTO users VALUES (1, 'a'), (2, 'b');", [f!.suggestion!]);
  });

  it('names an unnamed constraint like Postgres and handles PRIMARY KEY with its NOT NULL caveat', async () => {
    const [u] = findingsOf(await lintSql('ALTER TABLE app.users ADD UNIQUE (tenant_id, email);'), ID);
    expect(u?.suggestion).toContain('CREATE UNIQUE INDEX CONCURRENTLY users_tenant_id_email_key ON app.users (tenant_id, email);');
    const [pk] = findingsOf(await lintSql('ALTER TABLE users ADD PRIMARY KEY (id);'), ID);
    expect(pk?.message).toContain('ADD PRIMARY KEY');
    expect(pk?.suggestion).toContain('ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_pkey;');
    expect(pk?.suggestion).toContain('NOT NULL');
    await expectValidSql(pk?.suggestion);
  });

  it('flags a UNIQUE column added to an existing table', async () => {
    const [f] = findingsOf(await lintSql('ALTER TABLE users ADD COLUMN handle text UNIQUE;'), ID);
    expect(f?.suggestion).toContain('ALTER TABLE users ADD COLUMN handle text;');
    expect(f?.suggestion).toContain('CREATE UNIQUE INDEX CONCURRENTLY users_handle_key ON users (handle);');
  });

  it('is silent for USING INDEX and on tables created in this run', async () => {
    expect(findingsOf(await lintSql('ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;'), ID)).toEqual([]);
    expect(findingsOf(await lintSql('CREATE TABLE users (email text);\nALTER TABLE users ADD CONSTRAINT k UNIQUE (email);'), ID)).toEqual([]);
    expect(findingsOf(await lintSql('ALTER TABLE users ADD PRIMARY KEY (id);', { earlier: ['CREATE TABLE users (id int);'] }), ID)).toEqual([]);
  });

  it('is size sensitive', async () => {
    const [f] = findingsOf(await lintSql('ALTER TABLE users ADD UNIQUE (email);', { tableStats: { 'public.users': { rows: 50 } } }), ID);
    expect(f?.risk).toBe('CAUTION');
  });
});
