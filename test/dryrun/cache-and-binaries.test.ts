// The snapshot cache stays bounded (least recently used images go past the cap, a pull
// request's made-up extension names mint no new images, `cache clear` empties it), and the
// local engine runs the target major version's binaries when they are installed.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ImageCache, clearCache, evictOver } from '../../src/dryrun/cache.js';
import { baseKey } from '../../src/dryrun/run.js';
import { mig, ready } from './helpers.js';

await ready();

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function scratch(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'mg-cache-cap-'));
  dirs.push(d);
  return d;
}
const key = (n: number) => n.toString(16).padStart(32, '0');
function image(dir: string, n: number, bytes: number, ageSeconds: number): void {
  writeFileSync(path.join(dir, `${key(n)}.tar`), Buffer.alloc(bytes));
  writeFileSync(path.join(dir, `${key(n)}.json`), '{}');
  const t = new Date(Date.now() - ageSeconds * 1000);
  utimesSync(path.join(dir, `${key(n)}.tar`), t, t);
}

describe('the snapshot cache', () => {
  it('evicts the least recently used images past the cap, never the one just written', async () => {
    const dir = scratch();
    image(dir, 1, 1000, 300);
    image(dir, 2, 1000, 200);
    image(dir, 3, 1000, 100);
    expect(await evictOver(dir, 2500)).toEqual([key(1)]);
    expect(await evictOver(dir, 500, key(2))).toEqual([key(3)]);
    expect(readdirSync(dir).sort()).toEqual([`${key(2)}.json`, `${key(2)}.tar`]);
  });

  it('a put over the cap evicts the oldest image; a get marks an image used', async () => {
    const dir = scratch();
    image(dir, 1, 1000, 300);
    image(dir, 2, 1000, 200);
    const cache = new ImageCache(dir, 2500);
    expect(await cache.get(key(1))).not.toBeNull(); // now the most recently used
    await cache.put(key(3), new ArrayBuffer(1000), null);
    const left = readdirSync(dir).filter((f) => f.endsWith('.tar')).sort();
    expect(left).toEqual([`${key(1)}.tar`, `${key(3)}.tar`]);
  });

  it('made-up extension names do not change the image key; ones PGlite loads do', () => {
    const base = [mig('0001_t', 'CREATE TABLE t (id int);')];
    const plain = baseKey(base, []);
    expect(baseKey(base, ['not_a_real_extension_0001', 'x'.repeat(60)])).toBe(plain);
    expect(baseKey(base, ['pgcrypto'])).not.toBe(plain);
  });

  it('clear removes images, their meta files and half-written temporaries, and nothing else', async () => {
    const dir = scratch();
    image(dir, 1, 100, 0);
    writeFileSync(path.join(dir, `.${key(2)}.999999.tmp`), 'x');
    writeFileSync(path.join(dir, 'README.txt'), 'mine');
    expect((await clearCache(dir)).files).toBe(3);
    expect(readdirSync(dir)).toEqual(['README.txt']);
  });
});

describe('the local engine\'s binaries', () => {
  it('prefers the target major version when it is installed, and falls back to the newest', async () => {
    const { findPgBinDir } = await import('../../src/dryrun/engines/local.js');
    const root = scratch();
    for (const v of ['13', '15', '17']) {
      const bin = path.join(root, v, 'bin');
      mkdirSync(bin, { recursive: true });
      writeFileSync(path.join(bin, 'initdb'), '');
      writeFileSync(path.join(bin, 'postgres'), '');
    }
    expect(findPgBinDir(undefined, 15, root)).toBe(path.join(root, '15', 'bin'));
    expect(findPgBinDir(undefined, 16, root)).toBe(path.join(root, '17', 'bin'));
    expect(findPgBinDir(undefined, undefined, root)).toBe(path.join(root, '17', 'bin'));
  });
});
