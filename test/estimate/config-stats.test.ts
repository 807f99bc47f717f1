// `tableStatsFile` in the config (CLI and Action): read relative to the repository, under the
// config's own tableStats entries, never from outside the repository; errors name the file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load.js';

const work = mkdtempSync(path.join(tmpdir(), 'mg-config-stats-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;

function repo(files: Record<string, string>): string {
  const dir = path.join(work, String(n++));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

describe('tableStatsFile', () => {
  it('merges the file under the inline entries', async () => {
    const dir = repo({
      '.migration-guard.yml': 'tableStatsFile: db/stats.json\ntableStats:\n  orders: { rows: 5 }\n',
      'db/stats.json': JSON.stringify({ version: 2, tables: { 'public.orders': { rows: 1000 }, 'Public.Users': { rows: 7, bytes: 8192 } } }),
    });
    const { config } = await loadConfig(dir);
    expect(config.tableStats.get('public.orders')).toEqual({ rows: 5 });
    expect(config.tableStats.get('public.users')).toEqual({ rows: 7, bytes: 8192 });
  });

  it('refuses a path outside the repository', async () => {
    const dir = repo({ '.migration-guard.yml': 'tableStatsFile: ../../etc/passwd\n' });
    await expect(loadConfig(dir)).rejects.toThrow(/inside the repository/);
  });

  it('a bad file is a ConfigError that names it and the value', async () => {
    const dir = repo({ '.migration-guard.yml': 'tableStatsFile: stats.json\n', 'stats.json': '{"orders": {"rows": "many"}}' });
    const e = await loadConfig(dir).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as ConfigError).format()).toMatch(/^stats\.json:1:1: bad value at "orders\.rows": /);
  });
});
