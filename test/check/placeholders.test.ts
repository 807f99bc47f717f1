// Flyway and Liquibase paste `${name}` values into the SQL before it runs, from their own
// configuration, which a pull request can change as freely as the SQL. `SELECT ${x};` with
// flyway.conf's `flyway.placeholders.x=1; DROP TABLE users` passed as SAFE: the review read
// ${x} as a neutral name. A placeholder without a value in the base branch's .migration-guard.yml
// is now placeholder-unknown (DANGEROUS), and a change that sets a value in the runner's files
// (for a placeholder a migration uses) is a DANGEROUS finding on that file naming the value.
import { describe, expect, it } from 'vitest';
import { placeholderDefinitions } from '../../src/discover/placeholder-files.js';
import { changeReviewer } from './review-change.js';

const review = changeReviewer();

const USERS = { 'db/migration/V1__users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY);\n' };

describe('placeholders whose value the review does not know', () => {
  it('an unconfigured placeholder in a Flyway migration is placeholder-unknown (DANGEROUS)', async () => {
    const report = await review({ ...USERS, 'flyway.conf': 'flyway.placeholders.x=1\n' }, { 'db/migration/V2__x.sql': 'SELECT ${x};\n', 'flyway.conf': 'flyway.placeholders.x=1; DROP TABLE users\n' });
    const m = report.migrations.find((x) => x.path === 'db/migration/V2__x.sql');
    expect(m?.findings.map((f) => [f.rule, f.risk, f.line])).toContainEqual(['placeholder-unknown', 'DANGEROUS', 1]);
    expect(report.risk).toBe('DANGEROUS');
  });

  it('a placeholder configured on the base branch is read with its value', async () => {
    const report = await review(USERS, { 'db/migration/V2__x.sql': 'CREATE TABLE ${schema}.audit (id bigint PRIMARY KEY);\n' }, { placeholders: { schema: 'public' } });
    expect(report.migrations[0]?.findings.map((f) => f.rule)).not.toContain('placeholder-unknown');
  });

  it('runners that do not substitute leave ${x} as text: no finding', async () => {
    const report = await review({ 'db/migrations/0001_users.up.sql': 'CREATE TABLE users (id bigint PRIMARY KEY);\n', 'db/migrations/0001_users.down.sql': 'DROP TABLE users;\n' }, {
      'db/migrations/0002_note.up.sql': "COMMENT ON TABLE users IS 'costs ${amount}';\n",
      'db/migrations/0002_note.down.sql': 'COMMENT ON TABLE users IS NULL;\n',
    });
    expect(report.migrations.flatMap((m) => m.findings.map((f) => f.rule))).not.toContain('placeholder-unknown');
  });
});

describe('placeholder-unknown\'s suggestion', () => {
  // It said `<name>` for a pop Go template action: the key the value is read by was not known
  // from the text the rule was given. It is the action's name, which the setting then fills in.
  const POP = { 'db/pop/20200101000000_init.up.sql': 'CREATE TABLE t (id int);\n', 'db/pop/20200101000000_init.down.sql': 'DROP TABLE t;\n' };
  const change = { 'db/pop/20200102000000_users.postgres.up.sql': 'CREATE TABLE {{ index .Options "Namespace" }}.users (id int);\n', 'db/pop/20200102000000_users.postgres.down.sql': 'DROP TABLE {{ index .Options "Namespace" }}.users;\n' };

  it('names the Go template action\'s key, and that key gives it its value', async () => {
    const report = await review(POP, change);
    const f = report.migrations.flatMap((m) => m.findings).find((x) => x.rule === 'placeholder-unknown');
    expect(f?.suggestion).toBe('# .migration-guard.yml on the base branch\nplaceholders:\n  Namespace: <the value it runs with>');
    const set = await review(POP, change, { placeholders: { Namespace: 'auth' } });
    expect(set.migrations.flatMap((m) => m.findings.map((x) => x.rule))).not.toContain('placeholder-unknown');
  });
});

describe('findings in a file with unknown placeholders', () => {
  const stands = /[a-z]+___/;
  it('name the placeholder as written, never the stand-in the SQL was parsed with (Flyway ${x}, pop {{ }})', async () => {
    const report = await review(
      { ...USERS, 'db/pop/20200101000000_init.up.sql': 'CREATE TABLE t (id int);\n', 'db/pop/20200101000000_init.down.sql': 'DROP TABLE t;\n' },
      {
        'db/migration/V2__audit.sql': 'CREATE TABLE ${schema}.audit (id bigint PRIMARY KEY, at timestamp);\nCREATE INDEX audit_at ON ${schema}.users (id);\n',
        // keto's namespace migration: the table is named by the template.
        'db/pop/20210128140414_namespace.postgres.up.sql': 'CREATE TABLE {{ identifier .Parameters.tableName }} (shard_id varchar(64), commit_time timestamp);\n',
        'db/pop/20210128140414_namespace.down.sql': 'SELECT 1;\n',
      },
    );
    const findings = report.migrations.flatMap((m) => m.findings.filter((f) => f.rule !== 'placeholder-unknown'));
    expect(findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['prefer-timestamptz', 'prefer-text-field', 'rollback-mismatch']));
    for (const f of findings) {
      expect(f.message).not.toMatch(stands);
      expect(f.suggestion ?? '').not.toMatch(stands);
    }
    const timestamptz = (path: string) => report.migrations.find((m) => m.path === path)!.findings.find((f) => f.rule === 'prefer-timestamptz')!;
    expect(timestamptz('db/migration/V2__audit.sql').suggestion).toContain('CREATE TABLE ${schema}.audit');
    expect(timestamptz('db/pop/20210128140414_namespace.postgres.up.sql').suggestion).toContain('CREATE TABLE {{ identifier .Parameters.tableName }}');
    expect(timestamptz('db/pop/20210128140414_namespace.postgres.up.sql').message).toContain('{{ identifier .Parameters.tableName }}');
    // A constraint named after the table has no spelling with the template in it: the rule's advice instead.
    const text = report.migrations.find((m) => m.path === 'db/pop/20210128140414_namespace.postgres.up.sql')!.findings.find((f) => f.rule === 'prefer-text-field')!;
    expect(text.suggestion).not.toContain('{{');
  });
});

describe('a change that sets a placeholder value in the runner\'s files', () => {
  const MIGRATIONS = { ...USERS, 'db/migration/V2__x.sql': 'SELECT ${x};\n' };
  it.each([
    ['flyway.conf', 'flyway.conf', 'flyway.placeholders.x=1\n', 'flyway.placeholders.x=1; DROP TABLE users\n'],
    ['Spring application.properties', 'src/main/resources/application.properties', 'spring.flyway.placeholders.x=1\n', 'spring.flyway.placeholders.x=1; DROP TABLE users\n'],
    ['Spring application.yml', 'src/main/resources/application.yml', 'spring:\n  flyway:\n    placeholders:\n      x: 1\n', 'spring:\n  flyway:\n    placeholders:\n      x: 1; DROP TABLE users\n'],
    ['flyway.toml', 'flyway.toml', '[flyway.placeholders]\nx = "1"\n', '[flyway.placeholders]\nx = "1; DROP TABLE users"\n'],
    ['Maven pom.xml', 'pom.xml', '<project><configuration><placeholders><x>1</x></placeholders></configuration></project>\n', '<project><configuration><placeholders><x>1; DROP TABLE users</x></placeholders></configuration></project>\n'],
    ['an environment file', 'deploy/.env', 'FLYWAY_PLACEHOLDERS_X=1\n', 'FLYWAY_PLACEHOLDERS_X=1; DROP TABLE users\n'],
  ])('%s: DANGEROUS on the file, naming the new value', async (_name, path, before, after) => {
    const report = await review({ ...MIGRATIONS, [path]: before }, { [path]: after }, { placeholders: { x: '1' } });
    const e = report.errors.find((x) => x.path === path);
    expect(e).toMatchObject({ rule: 'placeholder-unknown', risk: 'DANGEROUS' });
    expect(e?.message).toContain('${x} from `1` to `1; DROP TABLE users`');
  });

  it('a value no migration uses, or a file whose values stay, is no finding', async () => {
    const report = await review({ ...MIGRATIONS, 'flyway.conf': 'flyway.placeholders.x=1\nflyway.placeholders.unused=a\n' }, { 'flyway.conf': '# comment\nflyway.placeholders.x=1\nflyway.placeholders.unused=b\n' }, { placeholders: { x: '1' } });
    expect(report.errors).toEqual([]);
  });
});

describe('placeholderDefinitions', () => {
  it('reads the forms the runners read', () => {
    expect(Object.fromEntries(placeholderDefinitions('flyway.placeholders.a=1\nparameter.b = two\nspring.liquibase.parameters.c: 3\nFLYWAY_PLACEHOLDERS_D=4\n'))).toEqual({ a: '1', b: 'two', c: '3', d: '4' });
    expect(Object.fromEntries(placeholderDefinitions('<databaseChangeLog><property name="e" value="5"/></databaseChangeLog>'))).toEqual({ e: '5' });
    expect(Object.fromEntries(placeholderDefinitions("flyway {\n  placeholders = ['f': 'six', g: \"7\"]\n}\n"))).toEqual({ f: 'six', g: '7' });
    expect(Object.fromEntries(placeholderDefinitions('spring:\n  flyway:\n    placeholders:\n      h: 8\n    locations: x\n'))).toEqual({ h: '8' });
  });
});

describe('goose ENVSUB ON', () => {
  // goose replaces $NAME, ${NAME} and ${NAME:-default} with the deploy's environment (goose loads
  // a .env file a pull request can change), in strings and comments too: a review of the text as
  // written read `COMMENT ON TABLE users IS '${NOTE:-hello}'` as a harmless string and passed it.
  const GOOSE = { 'db/migrations/00001_users.sql': '-- +goose Up\nCREATE TABLE users (id bigint PRIMARY KEY);\n-- +goose Down\nDROP TABLE users;\n' };
  it('every environment reference of an ENVSUB file is placeholder-unknown (DANGEROUS), wherever it stands', async () => {
    const report = await review(GOOSE, {
      'db/migrations/00002_note.sql': "-- +goose ENVSUB ON\n-- +goose Up\nCOMMENT ON TABLE users IS '${NOTE:-hello}';\nCOMMENT ON TABLE users IS 'x$OTHER';\nSELECT 1; -- ${X}\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\n-- +goose Down\nCOMMENT ON TABLE users IS NULL;\n",
    });
    const m = report.migrations.find((x) => x.path === 'db/migrations/00002_note.sql');
    expect(m?.findings.filter((f) => f.rule === 'placeholder-unknown').map((f) => [f.risk, f.line])).toEqual([['DANGEROUS', 3], ['DANGEROUS', 4], ['DANGEROUS', 5]]);
    expect(m?.findings.find((f) => f.line === 3)?.message).toMatch(/\$\{NOTE:-hello\}/);
  });

  it('a goose file without ENVSUB leaves $ and ${x} as text: no finding', async () => {
    const report = await review(GOOSE, {
      'db/migrations/00002_note.sql': "-- +goose Up\nCOMMENT ON TABLE users IS 'costs $5, ${x} or $y';\n-- +goose Down\nCOMMENT ON TABLE users IS NULL;\n",
    });
    expect(report.migrations.flatMap((m) => m.findings.map((f) => f.rule))).not.toContain('placeholder-unknown');
  });
});
