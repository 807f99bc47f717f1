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
});
