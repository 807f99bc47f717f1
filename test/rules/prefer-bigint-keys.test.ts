// Column type advice: prefer-bigint-keys, prefer-identity, prefer-text-field, ban-char-field,
// prefer-timestamptz, prefer-jsonb.
import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';
import { runOnPostgres } from './part-a-support.js';

const of = (out: Awaited<ReturnType<typeof lintSql>>, id: string) => out.findings.filter((f) => f.rule === id);

describe('prefer-bigint-keys', () => {
  it('flags integer primary keys, foreign keys and *_id columns in one finding per statement', async () => {
    const sql = 'CREATE TABLE invoices (id integer PRIMARY KEY, customer_id int, total integer, PRIMARY KEY (id));';
    const found = of(await lintSql(sql), 'prefer-bigint-keys');
    expect(found).toHaveLength(1);
    expect(found[0]?.risk).toBe('CAUTION');
    expect(found[0]?.message).toContain('id (int4');
    expect(found[0]?.message).toContain('customer_id');
    expect(found[0]?.message).not.toContain('total');
    expect(found[0]?.suggestion).toContain('id bigint PRIMARY KEY, customer_id bigint, total integer');
  });

  it('counts table-level FOREIGN KEY columns and smallint', async () => {
    const sql = 'CREATE TABLE lines (owner smallint, FOREIGN KEY (owner) REFERENCES owners (key));';
    expect(of(await lintSql(sql), 'prefer-bigint-keys')[0]?.message).toContain('owner (int2');
  });

  it('is silent for bigint keys and non-key integer columns', async () => {
    expect(of(await lintSql('CREATE TABLE t (id bigint PRIMARY KEY, qty integer);'), 'prefer-bigint-keys')).toEqual([]);
    expect(of(await lintSql('ALTER TABLE orders ADD COLUMN quantity integer;'), 'prefer-bigint-keys')).toEqual([]);
  });
});

describe('prefer-identity', () => {
  it('flags serial types and suggests an identity column', async () => {
    const [f] = of(await lintSql('CREATE TABLE t (id serial PRIMARY KEY, name text);'), 'prefer-identity');
    expect(f?.risk).toBe('SAFE');
    expect(f?.suggestion).toBe('CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text);');
  });
});

describe('prefer-text-field and ban-char-field', () => {
  it('flags varchar(n) but not varchar or text', async () => {
    const [f] = of(await lintSql('ALTER TABLE users ADD COLUMN email varchar(255);'), 'prefer-text-field');
    expect(f?.suggestion).toContain('email text CONSTRAINT users_email_length CHECK (char_length(email) <= 255)');
    expect(of(await lintSql('ALTER TABLE users ADD COLUMN email varchar;'), 'prefer-text-field')).toEqual([]);
  });

  it('the suggested column keeps every attribute of the original: GENERATED, NOT NULL, DEFAULT, COLLATE, identity', async () => {
    const sql = 'CREATE TABLE docs (title text, slug varchar(100) COLLATE "C" GENERATED ALWAYS AS (lower(title)) STORED NOT NULL, code varchar(8) NOT NULL DEFAULT \'x\');';
    const [f] = of(await lintSql(sql), 'prefer-text-field');
    const parts = f!.suggestion!.split(',\n');
    expect(parts[0]).toMatch(/^slug text COLLATE "C" .*GENERATED ALWAYS AS \(lower\(title\)\) STORED/);
    expect(parts[0]).toContain('NOT NULL');
    expect(parts[1]).toMatch(/^code text NOT NULL DEFAULT 'x' CONSTRAINT docs_code_length CHECK/);
    // Pasted into the table in place of the varchar columns, it runs.
    await runOnPostgres('text_field_attrs', `CREATE TABLE docs (title text, ${f!.suggestion});\nINSERT INTO docs (title) VALUES ('Hello');`, [
      "DO $$ BEGIN IF (SELECT slug FROM docs) IS DISTINCT FROM 'hello' THEN RAISE EXCEPTION 'not generated'; END IF; END $$",
    ]);
  });

  it('flags char(n) and character, not the one-byte "char" type', async () => {
    expect(of(await lintSql('CREATE TABLE c (code character(2));'), 'ban-char-field')).toHaveLength(1);
    expect(of(await lintSql('CREATE TABLE c (flag "char");'), 'ban-char-field')).toEqual([]);
  });
});

describe('prefer-timestamptz', () => {
  it('flags timestamp and timestamp without time zone, keeping the precision in the suggestion', async () => {
    const [f] = of(await lintSql('CREATE TABLE e (at timestamp(3) without time zone, ok timestamptz);'), 'prefer-timestamptz');
    expect(f?.suggestion).toBe('CREATE TABLE e (at timestamptz(3), ok timestamptz);');
    expect(of(await lintSql('CREATE TABLE e (at timestamp with time zone);'), 'prefer-timestamptz')).toEqual([]);
  });
});

describe('prefer-jsonb', () => {
  it('flags json in CREATE TABLE, ADD COLUMN and ALTER TYPE, on new tables too', async () => {
    expect(of(await lintSql('CREATE TABLE e (payload json);'), 'prefer-jsonb')[0]?.suggestion).toBe('CREATE TABLE e (payload jsonb);');
    const [alter] = of(await lintSql('ALTER TABLE e ALTER COLUMN payload TYPE json;'), 'prefer-jsonb');
    expect(alter?.suggestion).toBe('ALTER TABLE e ALTER COLUMN payload TYPE jsonb USING payload::jsonb;');
    expect(of(await lintSql('ALTER TABLE e ADD COLUMN json jsonb;'), 'prefer-jsonb')).toEqual([]);
  });

  it('marks the operation it is about', async () => {
    const out = await lintSql('ALTER TABLE e ADD COLUMN a text, ADD COLUMN b json;');
    const ops = out.operations.filter((o) => o.kind === 'ADD_COLUMN_NULLABLE');
    expect(ops.map((o) => o.rules.includes('prefer-jsonb'))).toEqual([false, true]);
  });
});
