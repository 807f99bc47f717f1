// Section markers of the one-file layouts (dbmate, goose) as their runners read them. A line we
// took for a down marker and the runner does not would move the SQL after it out of the up
// section the runner runs and into a rollback we do not gate: a DROP TABLE passed as SAFE.
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { discoverMigrations } from '../../src/discover/discover.js';
import { memoryRepoFiles } from '../../src/discover/fs-files.js';
import { config } from '../discover/helpers.js';

const CREATE = 'CREATE TABLE users (id bigint PRIMARY KEY);\n';
const dbmate = (second: string) => ({
  'db/migrations/20240101000000_a.sql': `-- migrate:up\n${CREATE}-- migrate:down\nDROP TABLE users;\n`,
  'db/migrations/20240102000000_b.sql': second,
});
const goose = (second: string) => ({
  'db/migrations/00001_a.sql': `-- +goose Up\n${CREATE}-- +goose Down\nDROP TABLE users;\n`,
  'db/migrations/00002_b.sql': second,
});

async function review(files: Record<string, string>) {
  const { report } = await runCheck({ files: memoryRepoFiles(new Map(Object.entries(files))), config: config(), scope: { kind: 'all' } });
  const second = report.migrations.find((f) => f.path.endsWith('_b.sql'))!;
  return { risk: second.risk, rules: second.findings.map((f) => f.rule) };
}

describe('one-file layouts: markers as the runner reads them', () => {
  const runs = 'the DROP is in the up section the runner runs';
  it.each([
    ['dbmate: a down marker in another case is a comment to dbmate', dbmate('-- migrate:up\nSELECT 1;\n-- migrate:Down\nDROP TABLE users;\n-- migrate:down\nSELECT 1;\n')],
    ['dbmate: a no-break space after the marker (Go\'s \\s is ASCII)', dbmate('-- migrate:up\nSELECT 1;\n-- migrate:down\u00a0\nDROP TABLE users;\n-- migrate:down\nSELECT 1;\n')],
    ['dbmate: a marker glued to more text', dbmate('-- migrate:up\nSELECT 1;\n-- migrate:down-later\nDROP TABLE users;\n-- migrate:down\nSELECT 1;\n')],
    ['dbmate: a marker after a lone CR (only \\n starts a line for dbmate)', dbmate('-- migrate:up\nSELECT 1;\r-- migrate:down\rDROP TABLE users;\n-- migrate:down\nSELECT 1;\n')],
    ['goose: a marker after a lone CR (bufio.Scanner splits at \\n)', goose('-- +goose Up\nSELECT 1;\r-- +goose Down\rDROP TABLE users;\n-- +goose Down\nSELECT 1;\n')],
  ])(`%s: ${runs}`, async (_name, files) => {
    const { risk, rules } = await review(files);
    expect(rules).toContain('ban-drop-table');
    expect(risk).toBe('DANGEROUS');
  });

  it.each([
    ['dbmate', dbmate('-- migrate:up\nSELECT 1;\r\n-- migrate:down  \r\nDROP TABLE users;\r\n')],
    ['goose', goose('-- +goose Up\r\nSELECT 1;\r\n-- +goose Down\r\nDROP TABLE users;\r\n')],
  ])('%s: a real down marker (CRLF files too) still starts the rollback', async (_name, files) => {
    expect((await review(files)).rules).not.toContain('ban-drop-table');
  });

  it('dbmate: transaction:false counts only as dbmate spells it', async () => {
    const files = (marker: string) => memoryRepoFiles(new Map([['db/migrations/20240101000000_a.sql', `${marker}\nSELECT 1;\n-- migrate:down\nSELECT 1;\n`]]));
    const mode = async (marker: string) => (await discoverMigrations(files(marker), config())).sets[0]!.migrations[0]!.transaction;
    expect(await mode('-- migrate:up transaction:false')).toBe('none');
    expect(await mode('-- migrate:up Transaction:False')).not.toBe('none');
    expect(await mode('-- migrate:up transaction: false')).not.toBe('none');
  });
});
