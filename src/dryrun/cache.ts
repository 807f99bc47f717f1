// Saved database images (PGlite data directories), keyed by what produced them: the fresh
// image after initdb, and the image after a base history (keyed by the hash of its files).
// Kept on disk in the cache dir, so a second run pays only for the new migrations; in memory
// only where there is no disk copy to read again (no cache dir, or it cannot be written), so
// a process does not hold every image it has used.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Bump when the image layout or the meta format changes. */
const FORMAT = 'mg-dryrun-2';
/** Images are ~25 MB; a handful in memory is plenty for one process. */
const MEMORY_ENTRIES = 4;
/** Disk the cache may take before the least recently used images go (MIGRATION_GUARD_CACHE_MAX_MB). */
const DEFAULT_MAX_BYTES = 1024 * 2 ** 20;

/** The disk cap: $MIGRATION_GUARD_CACHE_MAX_MB, else 1 GiB. */
function cacheMaxBytes(): number {
  const mb = Number(process.env.MIGRATION_GUARD_CACHE_MAX_MB);
  return Number.isFinite(mb) && mb > 0 ? mb * 2 ** 20 : DEFAULT_MAX_BYTES;
}

export interface CachedImage {
  data: ArrayBuffer;
  meta: unknown;
  /** True when `data` is the caller's own (read from disk for it): it may transfer it. */
  owned: boolean;
}

/**
 * The cache dir: explicit, or $MIGRATION_GUARD_CACHE_DIR (a path a CI cache step saves and
 * restores), or node_modules/.cache/migration-guard, or $XDG_CACHE_HOME/migration-guard.
 */
export function resolveCacheDir(option: string | null | undefined, cwd = process.cwd()): string | null {
  if (option === null) return null;
  if (option !== undefined) return option;
  const configured = process.env.MIGRATION_GUARD_CACHE_DIR;
  if (configured && configured !== '') return configured;
  if (existsSync(join(cwd, 'node_modules'))) return join(cwd, 'node_modules', '.cache', 'migration-guard');
  const xdg = process.env.XDG_CACHE_HOME;
  return join(xdg && xdg !== '' ? xdg : join(homedir(), '.cache'), 'migration-guard');
}

export function hashKey(parts: readonly string[]): string {
  const h = createHash('sha256');
  h.update(FORMAT);
  for (const p of parts) {
    h.update(String(p.length));
    h.update(':');
    h.update(p);
  }
  return h.digest('hex').slice(0, 32);
}

/** One per process and cache dir (see imageCache()), so the memory level is shared by runs. */
export class ImageCache {
  private readonly memory = new Map<string, CachedImage>();
  private swept = false;
  constructor(readonly dir: string | null, private readonly maxBytes = cacheMaxBytes()) {}

  /** Removes half-written files of writers that are gone (a process killed mid-write). */
  private async sweepStale(dir: string): Promise<void> {
    if (this.swept) return;
    this.swept = true;
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const m = /^\.[0-9a-z-]+\.(\d+)\.tmp(\.json)?$/.exec(name);
      if (!m || alive(Number(m[1]))) continue;
      await rm(join(dir, name), { force: true }).catch(() => undefined);
    }
  }

  /** Whether the cache holds an image for `key` (without reading it). */
  has(key: string): boolean {
    return this.memory.has(key) || (this.dir !== null && existsSync(join(this.dir, `${key}.tar`)) && existsSync(join(this.dir, `${key}.json`)));
  }

  async get(key: string): Promise<CachedImage | null> {
    const hit = this.memory.get(key);
    if (hit) return { ...hit, owned: false };
    if (!this.dir) return null;
    try {
      const [buf, metaText] = await Promise.all([
        readFile(join(this.dir, `${key}.tar`)),
        readFile(join(this.dir, `${key}.json`), 'utf8'),
      ]);
      // A file this size has a buffer of its own (only small reads share Node's pool).
      const whole = buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength;
      const image: CachedImage = {
        data: (whole ? buf.buffer : buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength)) as ArrayBuffer,
        meta: (JSON.parse(metaText) as { meta: unknown }).meta,
        owned: true,
      };
      // Mark it used: eviction goes by modification time, least recently used first.
      const now = new Date();
      await utimes(join(this.dir, `${key}.tar`), now, now).catch(() => undefined);
      return image;
    } catch {
      return null;
    }
  }

  /** Drops an image that turned out unusable, from memory and disk. */
  async forget(key: string): Promise<void> {
    this.memory.delete(key);
    if (!this.dir) return;
    await Promise.all([rm(join(this.dir, `${key}.tar`), { force: true }), rm(join(this.dir, `${key}.json`), { force: true })]).catch(() => undefined);
  }

  /**
   * Saves an image. Returns true when the cache keeps `data` itself in memory (no disk copy
   * could be made): the caller must then not transfer or change it.
   */
  async put(key: string, data: ArrayBuffer, meta: unknown): Promise<boolean> {
    if (!this.dir) {
      this.remember(key, { data, meta, owned: false });
      return true;
    }
    try {
      await mkdir(this.dir, { recursive: true });
      await this.sweepStale(this.dir);
      // Write under a temporary name and rename, so a reader never sees half a file.
      const tmp = `.${key}.${process.pid}.tmp`;
      await writeFile(join(this.dir, tmp), new Uint8Array(data));
      await writeFile(join(this.dir, `${tmp}.json`), JSON.stringify({ format: FORMAT, meta }));
      await rename(join(this.dir, tmp), join(this.dir, `${key}.tar`));
      await rename(join(this.dir, `${tmp}.json`), join(this.dir, `${key}.json`));
      await evictOver(this.dir, this.maxBytes, key);
      this.memory.delete(key);
      return false;
    } catch {
      // A cache that cannot be written only costs time: keep the image for this process.
      this.remember(key, { data, meta, owned: false });
      return true;
    }
  }

  private remember(key: string, image: CachedImage): void {
    this.memory.delete(key);
    this.memory.set(key, image);
    while (this.memory.size > MEMORY_ENTRIES) {
      const oldest = this.memory.keys().next().value as string;
      this.memory.delete(oldest);
    }
  }
}

/**
 * Deletes the least recently used images until the cache holds at most `maxBytes`; the image
 * just written stays (one image over the cap is better than none).
 */
export async function evictOver(dir: string, maxBytes: number, keep?: string): Promise<string[]> {
  const images: Array<{ key: string; bytes: number; used: number }> = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const m = /^([0-9a-f]{32}|pglite-[^/]+)\.tar$/.exec(name);
    if (!m) continue;
    const st = await stat(join(dir, name)).catch(() => null);
    if (st) images.push({ key: m[1]!, bytes: st.size, used: st.mtimeMs });
  }
  let total = images.reduce((n, i) => n + i.bytes, 0);
  const evicted: string[] = [];
  for (const image of images.sort((a, b) => a.used - b.used)) {
    if (total <= maxBytes) break;
    if (image.key === keep) continue;
    await Promise.all([rm(join(dir, `${image.key}.tar`), { force: true }), rm(join(dir, `${image.key}.json`), { force: true })]);
    total -= image.bytes;
    evicted.push(image.key);
  }
  return evicted;
}

/** Everything the cache dir holds of ours: images, their meta files, half-written temporaries. */
export async function clearCache(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!/\.(tar|json)$|\.tmp(\.json)?$/.test(name)) continue;
    const st = await stat(join(dir, name)).catch(() => null);
    await rm(join(dir, name), { force: true });
    files += 1;
    bytes += st?.size ?? 0;
  }
  return { files, bytes };
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const caches = new Map<string, ImageCache>();

export function imageCache(dir: string | null): ImageCache {
  const k = dir ?? '';
  let c = caches.get(k);
  if (!c) { c = new ImageCache(dir); caches.set(k, c); }
  return c;
}
