// unreviewed-routine-call asks whether a routine's body is in the repository for review. DSpace's
// workflow migrations (their own Flyway folder) call getnextid(), which its main folder creates:
// each folder is analysed on its own, so 20 calls were reported as unreviewed code. Any set's
// migrations, before or after the call, count; a routine no migration creates is still reported.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { fsRepoFiles } from '../../src/discover/fs-files.js';
import { routinesCreatedInText } from '../../src/analyze/routine-calls.js';
import { config } from '../discover/helpers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function lint(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'mg-routines-'));
  dirs.push(dir);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), text);
  }
  const { report } = await runCheck({ files: fsRepoFiles(dir), config: config(), scope: { kind: 'all' } });
  return report.migrations.flatMap((m) => m.findings.filter((f) => f.rule === 'unreviewed-routine-call').map((f) => `${m.path}: ${f.message.split(' ')[0]}`));
}

describe('routines another migration folder of the repository creates', () => {
  it('are known in every folder; a routine no migration creates is still reported', async () => {
    const found = await lint({
      'main/V1__init.sql': 'CREATE TABLE item (id int);\nCREATE FUNCTION getnextid(t varchar) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\n',
      'workflow/V1__wf.sql': 'CREATE TABLE wf (id int);\nINSERT INTO wf SELECT getnextid(\'wf\');\nINSERT INTO wf SELECT made_by_hand();\nCALL "Tidy_Up"();\n',
      'later/V1__later.sql': 'CREATE OR REPLACE PROCEDURE app."Tidy_Up"() LANGUAGE sql AS $$ SELECT 1 $$;\n',
    });
    expect(found).toEqual(['workflow/V1__wf.sql: made_by_hand()']);
  });

  it('are read from the text, quoted or not, qualified or not', () => {
    expect(routinesCreatedInText('create or replace function rbac.currentSubjectUuid() returns uuid ...;\nCREATE PROCEDURE "Mixed"() ...;\nCREATE  FUNCTION\n  f2 (x int)')).toEqual(['currentsubjectuuid', 'mixed', 'f2']);
  });

  it('are not read from comments or strings, which would let a pull request make any call look known', async () => {
    expect(routinesCreatedInText("-- CREATE FUNCTION hidden1()\n/* CREATE FUNCTION hidden2() /* nested */ CREATE FUNCTION hidden3() */\nSELECT '-- not a comment'; CREATE FUNCTION shown1() ...;\nSELECT 'CREATE FUNCTION hidden4()', E'it\\'s -- CREATE FUNCTION hidden5()';\nDO $$ BEGIN CREATE FUNCTION shown2() RETURNS int LANGUAGE sql AS 'SELECT 1'; END $$;")).toEqual(['shown1', 'shown2']);
    // Dollar-quoted text is code only as a DO block's or a routine's body, or a constant string
    // EXECUTE runs as it is: data written in dollar quotes (a comment, a value) creates nothing.
    expect(routinesCreatedInText([
      "COMMENT ON TABLE item IS $$ CREATE FUNCTION hidden6() is made by hand $$;",
      "INSERT INTO docs VALUES ($t$CREATE OR REPLACE FUNCTION hidden7() RETURNS int$t$);",
      'DO $$ BEGIN -- CREATE FUNCTION hidden8()\n RAISE NOTICE $m$CREATE FUNCTION hidden9()$m$; END $$;',
      "DO $do$ BEGIN EXECUTE format('CREATE FUNCTION %I() RETURNS int LANGUAGE sql AS ''SELECT 1''', 'hidden10'); END $do$;",
      "DO $do$ BEGIN EXECUTE 'CREATE FUNCTION ' || 'hidden11() RETURNS int'; END $do$;",
      "DO LANGUAGE plpgsql $do$ BEGIN EXECUTE $q$CREATE FUNCTION shown3() RETURNS int LANGUAGE sql AS 'SELECT 1'$q$; END $do$;",
      "DO 'BEGIN EXECUTE ''CREATE FUNCTION shown4() RETURNS int LANGUAGE sql AS $b$SELECT 1$b$''; END';",
      'CREATE FUNCTION maker() RETURNS void LANGUAGE plpgsql AS $f$ BEGIN CREATE FUNCTION shown5() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$; END $f$;',
      "SELECT $$ CREATE FUNCTION hidden12() $$ AS label;",
    ].join('\n'))).toEqual(['shown3', 'shown4', 'maker', 'shown5']);
    const found = await lint({
      'main/V1__init.sql': 'CREATE TABLE item (id int);\n-- CREATE FUNCTION wipe_everything() is made by hand\n',
      'workflow/V1__wf.sql': 'CREATE TABLE wf (id int);\nSELECT wipe_everything();\n',
    });
    expect(found).toEqual(['workflow/V1__wf.sql: wipe_everything()']);
  });
});
