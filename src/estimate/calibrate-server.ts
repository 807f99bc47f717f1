// Calibration on the dry-run's own server (engine `url`): the costly statements run on seeded
// scratch tables of two sizes in a scratch database, and the fitted rates replace the
// documented constants for this review. The scratch database is dropped afterwards, also when
// a step fails. PGlite runs far slower than a real server for rewrites, so its rates would
// mislead about production: with the pglite and local engines the documented PostgreSQL
// constants stay (docs/estimates.md).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { CostCalibration } from '../core/table-stats.js';
import { calibrate } from './calibrate.js';

/** Small enough to take a few seconds, four times apart so the fixed cost separates out. */
const DRY_RUN_SIZES = [25_000, 100_000];

function clientConfig(url: string, database?: string): pg.ClientConfig {
  const u = new URL(url);
  return {
    host: u.searchParams.get('host') ?? (decodeURIComponent(u.hostname) || undefined),
    port: u.port ? Number(u.port) : undefined,
    database: database ?? (decodeURIComponent(u.pathname.slice(1)) || 'postgres'),
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    ssl: u.searchParams.get('sslmode') && u.searchParams.get('sslmode') !== 'disable' ? { rejectUnauthorized: false } : undefined,
    connectionTimeoutMillis: 10_000,
  } as pg.ClientConfig;
}

async function open(config: pg.ClientConfig): Promise<pg.Client> {
  const c = new pg.Client(config);
  c.on('error', () => undefined);
  await c.connect();
  return c;
}

/**
 * Rates measured on the server at `url`, or an error message saying why not (no CREATEDB
 * right, unreachable): the caller falls back to the documented constants and says so.
 */
export async function calibrateOnServer(url: string, sizes = DRY_RUN_SIZES): Promise<{ ok: true; calibration: CostCalibration } | { ok: false; reason: string }> {
  const name = `migration_guard_calibrate_${randomBytes(6).toString('hex')}`;
  let admin: pg.Client;
  try {
    admin = await open(clientConfig(url));
  } catch (e) {
    return { ok: false, reason: `cannot connect: ${(e as Error).message}` };
  }
  try {
    await admin.query(`create database ${name}`);
  } catch (e) {
    await admin.end().catch(() => {});
    return { ok: false, reason: `cannot create a scratch database: ${(e as Error).message}` };
  }
  try {
    const c = await open(clientConfig(url, name));
    try {
      await c.query('set statement_timeout = 120000');
      const version = (await c.query<{ v: string }>(`select current_setting('server_version') as v`)).rows[0]!.v.split(' ')[0];
      const cal = await calibrate(c, sizes, async (t) => Number((await c.query<{ b: string }>(`select pg_relation_size('${t}')::text as b`)).rows[0]!.b));
      return {
        ok: true,
        calibration: { rates: cal.rates, heapBytesPerRow: cal.heapBytesPerRow, source: `rates measured by this dry-run on PostgreSQL ${version}`, sizes },
      };
    } finally {
      await c.end().catch(() => {});
    }
  } catch (e) {
    return { ok: false, reason: `calibration failed: ${(e as Error).message}` };
  } finally {
    await admin.query(`drop database if exists ${name}`).catch(() => {});
    await admin.end().catch(() => {});
  }
}
