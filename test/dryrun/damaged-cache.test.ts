// A damaged image in the cache (disk full mid-write, an image from another PGlite build) must
// cost a replay, not the dry-run.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImageCache } from '../../src/dryrun/cache.js';
import { PgliteProvider, freshKey, type PgliteSandbox } from '../../src/dryrun/engines/pglite.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mg-damaged-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('PGlite image cache', () => {
  it('a damaged fresh image is dropped and PGlite starts from a new initdb', async () => {
    const key = freshKey();
    writeFileSync(path.join(dir, `${key}.tar`), Buffer.alloc(4096, 7));
    writeFileSync(path.join(dir, `${key}.json`), JSON.stringify({ format: 'mg-dryrun-2', meta: null }));
    const provider = new PgliteProvider(new ImageCache(dir));
    const { sandbox, fromCache } = await provider.open('no-such-base');
    try {
      expect(fromCache).toBe(false);
      // The cold start's initdb kept its heap copies sparse (the memory a cold dry-run saves).
      expect((sandbox as PgliteSandbox).initdbHeapCopies).toBeGreaterThan(0);
      const rows = await sandbox.query<{ one: number }>('SELECT 1 AS one');
      expect(rows[0]!.one).toBe(1);
    } finally {
      await sandbox.close();
    }
    // The damaged file was replaced by a working image.
    const reopened = await new PgliteProvider(new ImageCache(dir)).open('no-such-base');
    await reopened.sandbox.close();
    expect(readdirSync(dir)).toContain(`${key}.tar`);
    expect(readFileSync(path.join(dir, `${key}.tar`)).equals(Buffer.alloc(4096, 7))).toBe(false);
  });
});
