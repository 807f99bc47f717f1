// Hostile file contents of 1 MB, one per layout and preprocessor: the review must finish.
// These inputs once froze the App (a Liquibase `--rollback empty` followed by 150,000 blanks
// took 22 s through a quadratic regex; 1 MB would take minutes). The assertion is completion
// under a generous limit, never a timing; a quadratic pass would blow through it by far.
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { memoryRepoFiles } from '../../src/discover/fs-files.js';
import { config } from '../discover/helpers.js';

const MB = 1 << 20;
const fill = (unit: string, bytes = MB) => unit.repeat(Math.ceil(bytes / unit.length));

const CASES: Record<string, Record<string, string>> = {
  'liquibase --rollback empty + blanks': {
    'db/changelog/001.sql': `--liquibase formatted sql\n--changeset a:1\nCREATE TABLE t (id bigint);\n--rollback empty${fill(' ')}x\n`,
  },
  'liquibase rollback block headers': {
    'db/changelog/001.sql': `--liquibase formatted sql\n--changeset a:1\nSELECT 1;\n${fill('/* liquibase rollback */\n')}`,
  },
  'liquibase changeset token without colon': { 'db/changelog/001.sql': `\n--changeset ${fill('a')}\n` },
  'newline flood in any SQL file': { 'db/migrations/001_x.sql': `${fill('\n')}x` },
  'goose markers': { 'db/migrations/00001_x.sql': `-- +goose Up\n${fill('-- +goose StatementBegin\n')}` },
  'goose marker + blanks': { 'db/migrations/00001_x.sql': `-- +goose Up${fill(' ')}x\n-- +goose Down\n` },
  'dbmate marker + blanks': { 'db/migrations/20240101000000_x.sql': `-- migrate:up${fill(' ')}x\n-- migrate:down\n` },
  'flyway conf flood': {
    'db/migration/V1__x.sql': 'SELECT 1;\n',
    'db/migration/V1__x.sql.conf': `${fill('\n')}executeInTransaction = x`,
  },
  'directory-pairs metadata flood': {
    'migrations/2024-01-01-000000_x/up.sql': 'SELECT 1;\n',
    'migrations/2024-01-01-000000_x/down.sql': 'SELECT 1;\n',
    'migrations/2024-01-01-000000_x/metadata.toml': `${fill('\n')}run_in_transaction = x`,
  },
  'sqitch plan line': {
    'sq/sqitch.plan': `%project=x\n\none${fill(' [')}\n`,
    'sq/deploy/one.sql': 'SELECT 1;\n',
    'sq/revert/one.sql': 'SELECT 1;\n',
  },
  'placeholders': { 'db/migrations/001_x.sql': `SELECT ${fill('${a')}x;\n` },
  'placeholder name of underscores': { 'db/migrations/001_x.sql': `SELECT \${a${fill('_')}x} FROM t;\n` },
  'psql meta-commands': { 'db/migrations/001_x.sql': fill('\\set x 1\n') },
  'unterminated string': { 'db/migrations/001_x.sql': `SELECT '${fill("''")}x` },
  'nested comments': { 'db/migrations/001_x.sql': `${fill('/*')}x` },
  'dollar quotes': { 'db/migrations/001_x.sql': `SELECT ${fill('$$')}x` },
  'ignore directive + blanks': { 'db/migrations/001_x.sql': `-- migration-guard-ignore${fill('/*')}x\nSELECT 1;\n` },
  'many statements': { 'db/migrations/001_x.sql': fill('SELECT 1;') },
  'DO block body': { 'db/migrations/001_x.sql': `DO $$ BEGIN ${fill('PERFORM 1; ')} END $$;\n` },
  'long version name': { [`db/migrations/${fill('1.', 4000)}x.sql`]: 'SELECT 1;\n' },
};

describe('1 MB adversarial files finish', () => {
  for (const [name, files] of Object.entries(CASES)) {
    it(name, { timeout: 120_000 }, async () => {
      const result = await runCheck({ files: memoryRepoFiles(new Map(Object.entries(files))), config: config(), scope: { kind: 'all' } });
      expect(result.report.risk).toMatch(/SAFE|CAUTION|DANGEROUS/);
    });
  }
});
