// A routine's body runs when it is called, so the rules about what a migration does skip it.
// A migration that creates a routine and runs it runs its body: `CREATE FUNCTION f() ... DROP
// TABLE users ...; SELECT f();` passed as SAFE. Once the migration runs the routine (a call,
// CALL, a DEFAULT an INSERT fills, a trigger on it), its statements are judged as running there.
import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';

const HISTORY = 'CREATE TABLE users (id bigint PRIMARY KEY, email text);';
const rules = async (sql: string) => (await lintSql(sql, { history: HISTORY })).findings.map((f) => f.rule);
const PLPGSQL = 'CREATE FUNCTION wipe() RETURNS void LANGUAGE plpgsql AS $$ BEGIN DROP TABLE users; END $$;\n';

describe('a routine the migration creates and runs', () => {
  it.each([
    ['SELECT', `${PLPGSQL}SELECT wipe();`],
    ['a qualified call', `${PLPGSQL}SELECT public.wipe();`],
    ['CALL of a procedure', 'CREATE PROCEDURE wipe() LANGUAGE plpgsql AS $$ BEGIN DROP TABLE users; END $$;\nCALL wipe();'],
    ['a LANGUAGE sql body', 'CREATE FUNCTION wipe() RETURNS void LANGUAGE sql AS $$ DROP TABLE users $$;\nSELECT wipe();'],
    ['a DEFAULT an INSERT fills', 'CREATE FUNCTION wipe() RETURNS int LANGUAGE plpgsql AS $$ BEGIN DROP TABLE users; RETURN 1; END $$;\nCREATE TABLE t (a int DEFAULT wipe());\nINSERT INTO t DEFAULT VALUES;'],
    ['a trigger on it', 'CREATE FUNCTION wipe() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN DROP TABLE users; RETURN NEW; END $$;\nCREATE TABLE t (a int);\nCREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION wipe();'],
  ])('%s: its DROP TABLE is judged as running', async (_name, sql) => {
    expect(await rules(sql)).toContain('ban-drop-table');
  });

  it('a routine created and not run stays code that runs later', async () => {
    expect(await rules(PLPGSQL)).not.toContain('ban-drop-table');
  });

  it('CREATE OR REPLACE: the body that runs is the last one defined', async () => {
    const sql = `${PLPGSQL}CREATE OR REPLACE FUNCTION wipe() RETURNS void LANGUAGE plpgsql AS $$ BEGIN PERFORM 1; END $$;\nSELECT wipe();`;
    expect(await rules(sql)).not.toContain('ban-drop-table');
  });

  it.each([
    ['PERFORM in a DO block', 'DO $$ BEGIN PERFORM wipe(); END $$;'],
    ['an assignment', 'DO $$ DECLARE x int; BEGIN x := wipe(); END $$;'],
    ['an IF condition', 'DO $$ BEGIN IF wipe() IS NULL THEN NULL; END IF; END $$;'],
    ['a FOR loop over a query', 'DO $$ DECLARE r record; BEGIN FOR r IN SELECT wipe() LOOP END LOOP; END $$;'],
    ['a RAISE argument', "DO $$ BEGIN RAISE NOTICE '%', wipe(); END $$;"],
    ['another routine that runs it', 'CREATE FUNCTION outer_fn() RETURNS void LANGUAGE plpgsql AS $$ BEGIN PERFORM wipe(); END $$;\nSELECT outer_fn();'],
  ])('a call from PL/pgSQL (%s) runs it', async (_name, call) => {
    expect(await rules(`${PLPGSQL}${call}`)).toContain('ban-drop-table');
  });

  it('a body is judged once, however often it is run', async () => {
    const out = await lintSql(`${PLPGSQL}SELECT wipe();\nSELECT wipe();`, { history: HISTORY });
    expect(out.findings.filter((f) => f.rule === 'ban-drop-table')).toHaveLength(1);
  });
});

// The routine need not be the change's: one a base migration created runs its body just as well
// when the change calls it. `SELECT drop_everything();` over a base function that drops a table
// passed as SAFE, the body being history the analysis had not kept.
describe('a routine the history created and the migration runs', () => {
  const history = `${HISTORY}\n${PLPGSQL}`;
  it.each([
    ['SELECT', 'SELECT wipe();'],
    ['PERFORM in a DO block', 'DO $$ BEGIN PERFORM wipe(); END $$;'],
    ['CALL of a procedure', 'CALL wipe();', `${HISTORY}\nCREATE PROCEDURE wipe() LANGUAGE plpgsql AS $$ BEGIN DROP TABLE users; END $$;`],
    ['a LANGUAGE sql body', 'SELECT wipe();', `${HISTORY}\nCREATE FUNCTION wipe() RETURNS void LANGUAGE sql AS $$ DROP TABLE users $$;`],
  ])('%s: its DROP TABLE is judged as running', async (_name, sql, h = history) => {
    expect((await lintSql(sql, { history: h })).findings.map((f) => f.rule)).toContain('ban-drop-table');
  });

  it('a history call does not use the body up: the change running it again is judged', async () => {
    expect((await lintSql('SELECT wipe();', { history: `${history}\nSELECT 1;` })).findings.map((f) => f.rule)).toContain('ban-drop-table');
  });

  it('the body the change replaces it with is the one judged', async () => {
    const sql = 'CREATE OR REPLACE FUNCTION wipe() RETURNS void LANGUAGE plpgsql AS $$ BEGIN PERFORM 1; END $$;\nSELECT wipe();';
    expect((await lintSql(sql, { history })).findings.map((f) => f.rule)).not.toContain('ban-drop-table');
  });
});

describe('a routine whose body no migration shows', () => {
  it('CALL of a procedure no migration created is unreviewed-routine-call (CAUTION)', async () => {
    const out = await lintSql('CALL wipe_everything();', { history: HISTORY });
    expect(out.findings.map((f) => [f.rule, f.risk])).toContainEqual(['unreviewed-routine-call', 'CAUTION']);
  });

  it('one the history or the migration created is judged by its body instead', async () => {
    const history = `${HISTORY}\nCREATE PROCEDURE tidy() LANGUAGE sql AS $$ SELECT 1 $$;`;
    expect((await lintSql('CALL tidy();', { history })).findings.map((f) => f.rule)).not.toContain('unreviewed-routine-call');
    expect((await lintSql('CREATE PROCEDURE p() LANGUAGE sql AS $$ SELECT 1 $$;\nCALL p();', { history: HISTORY })).findings.map((f) => f.rule)).not.toContain('unreviewed-routine-call');
  });

  // `SELECT wipe_everything();` of a function no migration created passed as SAFE: unlike a
  // procedure, a function may be built in, so the built-in names are listed (rules/_builtin-functions.ts).
  it.each([
    ['SELECT', 'SELECT wipe_everything();'],
    ['a qualified SELECT', 'SELECT public.wipe_everything(1);'],
    ['an UPDATE', 'UPDATE users SET email = scrub(email) WHERE id > 0;'],
    ['an INSERT … SELECT', 'INSERT INTO users (id) SELECT next_user_id() FROM generate_series(1, 2);'],
    ['a DO block', 'DO $$ BEGIN PERFORM wipe_everything(); END $$;'],
    ['CREATE TABLE AS', 'CREATE TABLE snapshot AS SELECT export_all();'],
  ])('a function no migration created, called in %s, is unreviewed-routine-call (CAUTION)', async (_name, sql) => {
    const out = await lintSql(sql, { history: HISTORY });
    expect(out.findings.filter((f) => f.rule === 'unreviewed-routine-call').map((f) => f.risk)).toEqual(['CAUTION']);
  });

  it.each([
    ['built-in functions', "SELECT now(), lower(email), count(*), coalesce(1, 2), extract(year FROM now()), substring('abc' FROM 1 FOR 2), trim(' x '), to_jsonb(1), row_number() OVER () FROM users;"],
    ['extension functions, created or not', "SELECT uuid_generate_v4(), gen_random_uuid(), crypt('x', gen_salt('bf')), similarity('a', 'b'), digest('x', 'sha256');"],
    ['functions of an extension this list lacks', "CREATE EXTENSION IF NOT EXISTS postgis;\nSELECT AddGeometryColumn('users', 'geom', 4326, 'POINT', 2);\nSELECT some_postgis_helper();"],
    ['PostGIS and pgvector functions without their CREATE EXTENSION', "UPDATE users SET email = ST_AsText(ST_MakePoint(1, 2)) WHERE id = 1;\nSELECT l2_distance('[1]', '[2]');"],
    ['Supabase auth functions', 'SELECT auth.uid();'],
    ['a function the history created', 'SELECT tidy();'],
    ['an aggregate the history created', 'SELECT my_sum(id) FROM users;'],
    ['a call in a function body (it runs when called)', 'CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT secret() $$;'],
    ['a view (nothing runs)', 'CREATE VIEW v AS SELECT secret() AS s;'],
    [
      'a function a routine of the history creates with EXECUTE (its name is built at run time)',
      "CREATE FUNCTION make_owner(t text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN EXECUTE format('create or replace function %I() returns int language sql as ''select 1''', t || '_owner'); END $$;\nSELECT make_owner('customer');\nSELECT customer_owner();",
    ],
  ])('no finding for %s', async (_name, sql) => {
    const history = `${HISTORY}\nCREATE FUNCTION tidy() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\nCREATE AGGREGATE my_sum(bigint) (SFUNC = int8pl, STYPE = bigint);`;
    expect((await lintSql(sql, { history })).findings.map((f) => f.rule)).not.toContain('unreviewed-routine-call');
  });
});

// A trigger function runs on the writes that fire it, after the migration, in their own
// transactions: chef's smart_delete and hatchet's v1_0_0 got "this backfill runs in the same
// transaction as CREATE TRIGGER" for an UPDATE in the trigger's body, and a DELETE in a body
// made the migration "irreversible". What the body does is still judged (its DROP TABLE above).
describe('a routine a trigger the migration creates runs', () => {
  const history = 'CREATE TABLE files (id bigint PRIMARY KEY, refs int);\nCREATE TABLE counts (n int);';
  const body = "CREATE FUNCTION on_file() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE counts SET n = n + 1; DELETE FROM files WHERE refs = 0; RETURN NEW; END $$;\n";

  it('is not part of the migration\'s transaction, nor of the operations the migration performs', async () => {
    const out = await lintSql(`${body}CREATE TRIGGER t AFTER INSERT ON files FOR EACH ROW EXECUTE FUNCTION on_file();`, { history, runner: 'wrapped' });
    expect(out.findings.map((f) => f.rule)).not.toContain('dml-in-ddl-transaction');
    expect(out.operations.map((o) => o.kind)).not.toContain('DELETE_ROWS');
    expect(out.operations.map((o) => o.kind)).not.toContain('UPDATE_VALUES');
  });

  // The trigger's replay used the body up: the same routine called directly later ran nothing.
  it('a direct call after a trigger on the same routine still runs it in the migration, once', async () => {
    const fn = 'CREATE FUNCTION fix() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE counts SET n = 0 WHERE n IS NULL; RETURN NEW; END $$;\n';
    const sql = `${fn}CREATE TRIGGER t AFTER INSERT ON files FOR EACH ROW EXECUTE FUNCTION fix();\nCREATE TRIGGER t2 AFTER UPDATE ON files FOR EACH ROW EXECUTE FUNCTION fix();\nALTER TABLE counts ADD COLUMN m int;\nSELECT fix();\nSELECT fix();`;
    const out = await lintSql(sql, { history, runner: 'wrapped' });
    // Reported once, at the body's UPDATE (line 1 of this file): by the first SELECT, not by the triggers.
    expect(out.findings.filter((f) => f.rule === 'dml-in-ddl-transaction').map((f) => f.line)).toEqual([1]);
    expect(out.operations.filter((o) => o.kind === 'UPDATE_VALUES').map((o) => o.line)).toEqual([1]);
    // A body that calls itself, run by a trigger, is judged once and ends.
    const recursive = 'CREATE FUNCTION again() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM again(); RETURN NEW; END $$;\nCREATE TRIGGER t AFTER INSERT ON files FOR EACH ROW EXECUTE FUNCTION again();\nSELECT again();';
    expect((await lintSql(recursive, { history, runner: 'wrapped' })).findings.map((f) => f.rule)).toBeDefined();
  });

  it('a direct call still runs it in the migration', async () => {
    const out = await lintSql("CREATE FUNCTION fix() RETURNS void LANGUAGE plpgsql AS $$ BEGIN UPDATE counts SET n = 0 WHERE n IS NULL; END $$;\nALTER TABLE counts ADD COLUMN m int;\nSELECT fix();", { history, runner: 'wrapped' });
    expect(out.findings.map((f) => f.rule)).toContain('dml-in-ddl-transaction');
    expect(out.operations.map((o) => o.kind)).toContain('UPDATE_VALUES');
  });
});
