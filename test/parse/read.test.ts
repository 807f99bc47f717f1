import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeSql, initParser, MAX_SQL_BYTES, parseSource, readSqlFile } from '../../src/parse/index.js';
import { SCAN_CHECK_LIMIT } from '../../src/parse/preprocess.js';
import { PIECE } from '../../src/parse/recover.js';

const dir = mkdtempSync(join(tmpdir(), 'mg-read-'));
const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

beforeAll(async () => {
  await initParser();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('decodeSql', () => {
  it('decodes UTF-8 and strips a byte order mark', () => {
    expect(decodeSql(bytes([0xef, 0xbb, 0xbf], 'SELECT 1; -- é'), 'a.sql')).toEqual({ ok: true, text: 'SELECT 1; -- é' });
    expect(decodeSql(new Uint8Array(0), 'a.sql')).toEqual({ ok: true, text: '' });
  });

  it('refuses binary files', () => {
    const r = decodeSql(bytes('SELECT 1;\nxy', [0, 1, 2]), 'a.sql');
    expect(r).toEqual({ ok: false, error: { path: 'a.sql', line: 2, column: 3, message: 'binary file (contains NUL bytes), not SQL text' } });
  });

  it('says where the first invalid UTF-8 byte is', () => {
    const r = decodeSql(bytes('SELECT 1;\n-- é ', [0xe9], ' latin-1\n'), 'db/x.sql');
    expect(r).toEqual({
      ok: false,
      error: { path: 'db/x.sql', line: 2, column: 6, message: 'file is not valid UTF-8: invalid byte 0xe9 at line 2, column 6' },
    });
    // A truncated multi-byte sequence at the very end, and an encoded surrogate.
    expect(decodeSql(bytes('ab', [0xe2, 0x82]), 'a.sql')).toMatchObject({ ok: false, error: { line: 1, column: 3 } });
    expect(decodeSql(bytes('x', [0xed, 0xa0, 0x80]), 'a.sql')).toMatchObject({ ok: false, error: { line: 1, column: 2 } });
    // An overlong encoding of '/'.
    expect(decodeSql(bytes([0xc0, 0xaf]), 'a.sql')).toMatchObject({ ok: false, error: { line: 1, column: 1 } });
  });

  it('refuses input above the size limit with a clear message', () => {
    const r = decodeSql(new Uint8Array(MAX_SQL_BYTES + 1), 'big.sql');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('file is too large to parse (64.0 MB; the limit is 64.0 MB)');
  });
});

describe('readSqlFile', () => {
  it('reads a file', async () => {
    const path = join(dir, 'ok.sql');
    writeFileSync(path, '\ufeffCREATE TABLE a (id int);\n');
    expect(await readSqlFile(path, 'db/ok.sql')).toEqual({ ok: true, text: 'CREATE TABLE a (id int);\n' });
  });

  it('gives a one-line error for a missing path, a directory and a broken link', async () => {
    expect(await readSqlFile(join(dir, 'missing.sql'), 'db/missing.sql')).toEqual({
      ok: false,
      error: { path: 'db/missing.sql', line: 1, column: 1, message: 'file not found' },
    });
    expect(await readSqlFile(dir, 'db')).toMatchObject({ ok: false, error: { message: 'is a directory, not a SQL file' } });
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling.sql'));
    expect(await readSqlFile(join(dir, 'dangling.sql'), 'dangling.sql')).toMatchObject({ ok: false, error: { message: 'file not found' } });
    expect(await readSqlFile(join(dir, 'ok.sql', 'x.sql'), 'x.sql')).toMatchObject({ ok: false, error: { path: 'x.sql' } });
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable file', async () => {
    const path = join(dir, 'secret.sql');
    writeFileSync(path, 'SELECT 1;', { mode: 0o000 });
    expect(await readSqlFile(path, 'secret.sql')).toMatchObject({ ok: false, error: { message: 'permission denied: cannot read the file' } });
  });

  it('reports a binary file', async () => {
    const path = join(dir, 'image.sql');
    writeFileSync(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    expect(await readSqlFile(path, 'image.sql')).toMatchObject({ ok: false, error: { message: 'binary file (contains NUL bytes), not SQL text' } });
  });

  // Big enough for every path a 20 MB file takes: past the preprocessor's switch to its large-text
  // branch (SCAN_CHECK_LIMIT) and dozens of parser pieces (PIECE). Nothing on the way switches
  // again above that (the reader's only limit is MAX_SQL_BYTES, tested above); the time and
  // memory of a 20 MB file are bench/lint.mjs's to measure.
  it('reads and parses a large SQL file', async () => {
    const statement = (i: number) =>
      `-- step ${i}\nCREATE TABLE t${i} (id bigint PRIMARY KEY, name text NOT NULL DEFAULT 'ünïcødé', created_at timestamptz DEFAULT now());\nCREATE INDEX CONCURRENTLY t${i}_name ON t${i} (name);\n`;
    const parts: string[] = [];
    let size = 0;
    let count = 0;
    // A little over twice the switch, so that the half parsed again below is past it too.
    while (size < 2.1 * SCAN_CHECK_LIMIT) {
      const s = statement(count++);
      parts.push(s);
      size += s.length;
    }
    const path = join(dir, 'huge.sql');
    writeFileSync(path, parts.join(''));
    const t0 = performance.now();
    const read = await readSqlFile(path, 'huge.sql');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.text.length).toBeGreaterThan(20 * PIECE);
    const t1 = performance.now();
    const parsed = parseSource({ path: 'huge.sql', text: read.text });
    const t2 = performance.now();
    expect(parsed.errors).toEqual([]);
    expect(parsed.statements).toHaveLength(count * 2);
    const last = parsed.statements[parsed.statements.length - 1]!;
    expect(last).toMatchObject({ line: count * 3, column: 1, text: `CREATE INDEX CONCURRENTLY t${count - 1}_name ON t${count - 1} (name)` });
    expect(read.text.slice(last.start, last.end)).toBe(last.text);
    console.log(`${(Buffer.byteLength(read.text) / 2 ** 20).toFixed(1)} MB file (${count * 2} statements): read ${(t1 - t0).toFixed(0)} ms, parse ${(t2 - t1).toFixed(0)} ms`);

    // Half of it with one broken statement near the end goes through error recovery.
    const k = Math.floor(count / 2);
    const broken = parts.slice(0, k).join('').replace(`CREATE INDEX CONCURRENTLY t${k - 2}_name`, `CREATE INDX CONCURRENTLY t${k - 2}_name`);
    expect(broken.length).toBeGreaterThan(SCAN_CHECK_LIMIT);
    const t3 = performance.now();
    const recovered = parseSource({ path: 'huge.sql', text: broken });
    const t4 = performance.now();
    expect(recovered.statements).toHaveLength(k * 2 - 1);
    expect(recovered.errors).toEqual([{ path: 'huge.sql', line: (k - 2) * 3 + 3, column: 8, message: 'syntax error at or near "INDX"' }]);
    console.log(`${(broken.length / 1e6).toFixed(1)} M chars with one error: parse with recovery ${(t4 - t3).toFixed(0)} ms`);
  }, 120_000);
});
