// Every real-world migration in the corpus (test/support/corpus.ts) goes through the whole static pipeline
// (discover, parse, analyze, rollback review, every renderer) without a crash; the only files
// rejected are those Postgres itself rejects, each with path:line:col.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTextWidths } from '../../src/report/text-layout.js';
import { runCheck } from '../../src/check/run.js';
import { resolveConfig } from '../../src/config/defaults.js';
import { fsRepoFiles } from '../../src/discover/fs-files.js';
import { renderReport } from '../../src/report/index.js';
import { CORPUS as corpus } from '../support/corpus.js';

const repos = readdirSync(corpus).filter((d) => statSync(path.join(corpus, d)).isDirectory() && d !== 'seeds');

/** Files Postgres' own parser rejects (see the corpus README). */
const REJECTED_BY_POSTGRES = [
  '20250519145912_v1_0_21.sql',
  '20250408120918_app_config_cols.down.sql',
  '20170318181441_downloads_need_no_id/down.sql',
];


// Text beyond printable ASCII is laid out with string-width, which the CLI loads on demand.
beforeAll(() => loadTextWidths());
describe('the corpus through the whole static pipeline', () => {
  it.each(repos)('%s', async (repo) => {
    const result = await runCheck({ files: fsRepoFiles(path.join(corpus, repo)), config: resolveConfig({}), scope: { kind: 'all' } });
    expect(result.report.migrations.length).toBeGreaterThan(0);
    const internal = result.report.migrations.flatMap((m) => m.findings).filter((f) => f.message.startsWith('internal error'));
    expect(internal).toEqual([]);
    for (const e of result.report.errors) {
      expect(e.line).toBeGreaterThan(0);
      expect(e.column).toBeGreaterThan(0);
    }
    const parseErrors = result.migrations.flatMap((m) => [...m.up.errors, ...(m.down?.errors ?? [])]);
    for (const e of parseErrors) expect(REJECTED_BY_POSTGRES.some((f) => e.path.endsWith(f))).toBe(true);
    for (const format of ['pretty', 'json', 'sarif', 'github', 'markdown'] as const) {
      expect(renderReport(result, format, { color: false, pgVersion: 16 }).length).toBeGreaterThan(0);
    }
  });
});
