// rules/_builtin-functions.ts lists pg_catalog's function names so that unreviewed-routine-call
// can tell `SELECT now()` from `SELECT purge_everything()`. It is generated from a server
// (scripts/gen-builtin-functions.mjs); this fails when the server here has a built-in function
// the list lacks (regenerate it), so a newer server's functions are not taken for unreviewed ones.
import { beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { BUILTIN, EXTENSION_FUNCTIONS } from '../../rules/_builtin-functions.js';
import { requireServer, SERVER_URL } from '../dryrun/helpers.js';

describe('the built-in function list', () => {
  beforeAll(requireServer);

  it('holds every pg_catalog function of the PostgreSQL server here', async () => {
    const client = new pg.Client({ connectionString: SERVER_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>("SELECT DISTINCT lower(proname) AS name FROM pg_proc WHERE pronamespace = 'pg_catalog'::regnamespace");
      expect(rows.length).toBeGreaterThan(2000);
      expect(rows.map((r) => r.name).filter((n) => !BUILTIN.has(n))).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it('knows the extensions migrations use most', () => {
    for (const ext of ['uuid-ossp', 'pgcrypto', 'pg_trgm', 'hstore', 'citext', 'ltree']) expect(EXTENSION_FUNCTIONS.has(ext), ext).toBe(true);
    expect(EXTENSION_FUNCTIONS.get('uuid-ossp')?.has('uuid_generate_v4')).toBe(true);
  });
});
