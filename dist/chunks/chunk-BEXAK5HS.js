import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/dryrun/cache.ts
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
var FORMAT = "mg-dryrun-2";
var MEMORY_ENTRIES = 4;
var DEFAULT_MAX_BYTES = 1024 * 2 ** 20;
function cacheMaxBytes() {
  const mb = Number(process.env.MIGRATION_GUARD_CACHE_MAX_MB);
  return Number.isFinite(mb) && mb > 0 ? mb * 2 ** 20 : DEFAULT_MAX_BYTES;
}
function resolveCacheDir(option, cwd = process.cwd()) {
  if (option === null) return null;
  if (option !== void 0) return option;
  const configured = process.env.MIGRATION_GUARD_CACHE_DIR;
  if (configured && configured !== "") return configured;
  if (existsSync(join(cwd, "node_modules"))) return join(cwd, "node_modules", ".cache", "migration-guard");
  const xdg = process.env.XDG_CACHE_HOME;
  return join(xdg && xdg !== "" ? xdg : join(homedir(), ".cache"), "migration-guard");
}
function hashKey(parts) {
  const h = createHash("sha256");
  h.update(FORMAT);
  for (const p of parts) {
    h.update(String(p.length));
    h.update(":");
    h.update(p);
  }
  return h.digest("hex").slice(0, 32);
}
var ImageCache = class {
  constructor(dir, maxBytes = cacheMaxBytes()) {
    this.dir = dir;
    this.maxBytes = maxBytes;
  }
  dir;
  maxBytes;
  memory = /* @__PURE__ */ new Map();
  swept = false;
  /** Removes half-written files of writers that are gone (a process killed mid-write). */
  async sweepStale(dir) {
    if (this.swept) return;
    this.swept = true;
    for (const name of await readdir(dir).catch(() => [])) {
      const m = /^\.[0-9a-z-]+\.(\d+)\.tmp(\.json)?$/.exec(name);
      if (!m || alive(Number(m[1]))) continue;
      await rm(join(dir, name), { force: true }).catch(() => void 0);
    }
  }
  /** Whether the cache holds an image for `key` (without reading it). */
  has(key) {
    return this.memory.has(key) || this.dir !== null && existsSync(join(this.dir, `${key}.tar`)) && existsSync(join(this.dir, `${key}.json`));
  }
  async get(key) {
    const hit = this.memory.get(key);
    if (hit) return { ...hit, owned: false };
    if (!this.dir) return null;
    try {
      const [buf, metaText] = await Promise.all([
        readFile(join(this.dir, `${key}.tar`)),
        readFile(join(this.dir, `${key}.json`), "utf8")
      ]);
      const whole = buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength;
      const image = {
        data: whole ? buf.buffer : buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength),
        meta: JSON.parse(metaText).meta,
        owned: true
      };
      const now = /* @__PURE__ */ new Date();
      await utimes(join(this.dir, `${key}.tar`), now, now).catch(() => void 0);
      return image;
    } catch {
      return null;
    }
  }
  /** Drops an image that turned out unusable, from memory and disk. */
  async forget(key) {
    this.memory.delete(key);
    if (!this.dir) return;
    await Promise.all([rm(join(this.dir, `${key}.tar`), { force: true }), rm(join(this.dir, `${key}.json`), { force: true })]).catch(() => void 0);
  }
  /**
   * Saves an image. Returns true when the cache keeps `data` itself in memory (no disk copy
   * could be made): the caller must then not transfer or change it.
   */
  async put(key, data, meta) {
    if (!this.dir) {
      this.remember(key, { data, meta, owned: false });
      return true;
    }
    try {
      await mkdir(this.dir, { recursive: true });
      await this.sweepStale(this.dir);
      const tmp = `.${key}.${process.pid}.tmp`;
      await writeFile(join(this.dir, tmp), new Uint8Array(data));
      await writeFile(join(this.dir, `${tmp}.json`), JSON.stringify({ format: FORMAT, meta }));
      await rename(join(this.dir, tmp), join(this.dir, `${key}.tar`));
      await rename(join(this.dir, `${tmp}.json`), join(this.dir, `${key}.json`));
      await evictOver(this.dir, this.maxBytes, key);
      this.memory.delete(key);
      return false;
    } catch {
      this.remember(key, { data, meta, owned: false });
      return true;
    }
  }
  remember(key, image) {
    this.memory.delete(key);
    this.memory.set(key, image);
    while (this.memory.size > MEMORY_ENTRIES) {
      const oldest = this.memory.keys().next().value;
      this.memory.delete(oldest);
    }
  }
};
async function evictOver(dir, maxBytes, keep) {
  const images = [];
  for (const name of await readdir(dir).catch(() => [])) {
    const m = /^([0-9a-f]{32}|pglite-[^/]+)\.tar$/.exec(name);
    if (!m) continue;
    const st = await stat(join(dir, name)).catch(() => null);
    if (st) images.push({ key: m[1], bytes: st.size, used: st.mtimeMs });
  }
  let total = images.reduce((n, i) => n + i.bytes, 0);
  const evicted = [];
  for (const image of images.sort((a, b) => a.used - b.used)) {
    if (total <= maxBytes) break;
    if (image.key === keep) continue;
    await Promise.all([rm(join(dir, `${image.key}.tar`), { force: true }), rm(join(dir, `${image.key}.json`), { force: true })]);
    total -= image.bytes;
    evicted.push(image.key);
  }
  return evicted;
}
async function clearCache(dir) {
  let files = 0;
  let bytes = 0;
  for (const name of await readdir(dir).catch(() => [])) {
    if (!/\.(tar|json)$|\.tmp(\.json)?$/.test(name)) continue;
    const st = await stat(join(dir, name)).catch(() => null);
    await rm(join(dir, name), { force: true });
    files += 1;
    bytes += st?.size ?? 0;
  }
  return { files, bytes };
}
function alive(pid) {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}
var caches = /* @__PURE__ */ new Map();
function imageCache(dir) {
  const k = dir ?? "";
  let c = caches.get(k);
  if (!c) {
    c = new ImageCache(dir);
    caches.set(k, c);
  }
  return c;
}

export {
  resolveCacheDir,
  hashKey,
  ImageCache,
  evictOver,
  clearCache,
  imageCache
};
