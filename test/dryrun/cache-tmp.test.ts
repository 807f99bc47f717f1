// A process killed while writing a cache image leaves `.<key>.<pid>.tmp` files; the next
// writer removes those of processes that are gone, and leaves a live writer's alone.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ImageCache } from '../../src/dryrun/cache.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mg-cache-tmp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('removes the half-written files of a killed writer on the next write', async () => {
  const gone = 2 ** 22 + 12345; // above the default pid_max of 4,194,304: no such process
  writeFileSync(path.join(dir, `.abc123.${gone}.tmp`), 'half');
  writeFileSync(path.join(dir, `.abc123.${gone}.tmp.json`), '{');
  writeFileSync(path.join(dir, `.def456.${process.pid}.tmp`), 'mine, in progress');
  await new ImageCache(dir).put('k1', new Uint8Array([1, 2, 3]).buffer, null);
  expect(readdirSync(dir).sort()).toEqual([`.def456.${process.pid}.tmp`, 'k1.json', 'k1.tar']);
});
