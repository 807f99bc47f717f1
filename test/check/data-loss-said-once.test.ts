// A DROP COLUMN's own finding (ban-drop-column) already says its data is gone for good; the
// rollback review said it again as rollback-data-loss on the same statement (744 of the corpus's
// 863 rollback-data-loss findings). It stays where no other finding says so (a DELETE with a
// WHERE), where the statement's own rule was silenced by an ignore directive it is not repeated,
// and with that rule turned off it is the one that says it.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import type { ConfigFile } from '../../src/config/schema.js';
import { fsRepoFiles } from '../../src/discover/fs-files.js';
import { config } from '../discover/helpers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function rulesByLine(up: string, configFile: ConfigFile = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'mg-dataloss-'));
  dirs.push(dir);
  const files: Record<string, string> = {
    'migrations/000001_init.up.sql': 'CREATE TABLE orders (id bigint PRIMARY KEY, legacy text, status text);\n',
    'migrations/000001_init.down.sql': 'DROP TABLE orders;\n',
    'migrations/000002_cleanup.up.sql': up,
    'migrations/000002_cleanup.down.sql': 'ALTER TABLE orders ADD COLUMN IF NOT EXISTS legacy text;\n',
  };
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), text);
  }
  const { report } = await runCheck({ files: fsRepoFiles(dir), config: config(configFile), scope: { kind: 'all' } });
  const m = report.migrations.find((x) => x.path === 'migrations/000002_cleanup.up.sql')!;
  return { irreversible: m.irreversible, found: m.findings.filter((f) => f.rule === 'rollback-data-loss' || f.rule === 'ban-drop-column').map((f) => `${f.line} ${f.rule}`) };
}

describe('data loss is said once per statement', () => {
  it('a DROP COLUMN is ban-drop-column alone; a DELETE with a WHERE is still rollback-data-loss', async () => {
    const r = await rulesByLine("ALTER TABLE orders DROP COLUMN legacy;\nDELETE FROM orders WHERE status = 'gone';\n");
    expect(r.found).toEqual(['1 ban-drop-column', '2 rollback-data-loss']);
    expect(r.irreversible).toBe(true);
  });

  it('an ignore directive on the statement silences both', async () => {
    const r = await rulesByLine('-- migration-guard-ignore ban-drop-column\nALTER TABLE orders DROP COLUMN legacy;\n');
    expect(r.found).toEqual([]);
    expect(r.irreversible).toBe(true);
  });

  it('with ban-drop-column turned off, rollback-data-loss says it', async () => {
    const r = await rulesByLine('ALTER TABLE orders DROP COLUMN legacy;\n', { rules: { 'ban-drop-column': 'off' } });
    expect(r.found).toEqual(['1 rollback-data-loss']);
  });
});
