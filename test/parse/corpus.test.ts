// Every SQL file of the real-world corpus (and the seeds) goes through readSqlFile and
// parseSource. Nothing may throw, every error must have a place, positions must point at the
// statement text, and the only files that fail are the known, genuinely broken ones.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedSource } from '../../src/core/types.js';
import { initParser, parseSource, readSqlFile } from '../../src/parse/index.js';
import { CORPUS, FULL_CORPUS } from '../support/corpus.js';

/** Files that are not valid as one SQL text, and why (see the corpus README). */
const KNOWN_FAILURES: Record<string, RegExp> = {
  // goose StatementBegin/End blocks without `;`: valid for goose, not as one SQL text
  'hatchet-dev__hatchet/cmd/hatchet-migrate/migrate/migrations/20250519145912_v1_0_21.sql': /^syntax error at or near "ALTER"$/,
  // upstream bug: trailing comma before `;`
  'pocket-id__pocket-id/backend/resources/migrations/postgres/20250408120918_app_config_cols.down.sql': /^syntax error at end of input$/,
  // upstream bug: missing `;` between two statements
  'rust-lang__crates.io/migrations/20170318181441_downloads_need_no_id/down.sql': /^syntax error at or near "ALTER"$/,
  // a migration-guide snippet with RAISE outside any PL/pgSQL block
  'seeds/002_d391d158aa7f153c_3.sql': /^syntax error at or near "RAISE"$/,
};

function sqlFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sqlFiles(path, out);
    else if (entry.name.endsWith('.sql')) out.push(path);
  }
  return out;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: [...before.slice(before.lastIndexOf('\n') + 1)].length + 1 };
}

/** The full corpus, or the vendored sample's share of it (the sample keeps each kind of file). */
const AT_LEAST = FULL_CORPUS
  ? { files: 4000, statements: 14_000, nonAscii: 10, crlf: 3, metaCommands: 35, placeholders: 10, nested: 1000 }
  : { files: 300, statements: 1_500, nonAscii: 5, crlf: 2, metaCommands: 35, placeholders: 2, nested: 100 };
/** The known failures this corpus holds (the seeds are only in the full one). */
const expectedFailures = () => Object.keys(KNOWN_FAILURES).filter((f) => existsSync(join(CORPUS, f))).sort();

describe('corpus', () => {
  const results: Array<{ path: string; text: string; parsed: ParsedSource }> = [];

  beforeAll(async () => {
    await initParser();
    const started = performance.now();
    let bytes = 0;
    for (const file of sqlFiles(CORPUS).sort()) {
      const path = relative(CORPUS, file);
      const read = await readSqlFile(file, path);
      if (!read.ok) throw new Error(`${path}: ${read.error.message}`);
      bytes += read.text.length;
      results.push({ path, text: read.text, parsed: parseSource({ path, text: read.text }) });
    }
    const ms = performance.now() - started;
    const statements = results.reduce((n, r) => n + r.parsed.statements.length, 0);
    console.log(`corpus: ${results.length} files, ${(bytes / 1e6).toFixed(1)} M chars, ${statements} statements, read+parse ${ms.toFixed(0)} ms`);
  }, 300_000);

  it('reads and parses every file', () => {
    expect(results.length).toBeGreaterThan(AT_LEAST.files);
  });

  it('rejects only the known broken files, with places', () => {
    const failing = results.filter((r) => r.parsed.errors.length > 0);
    for (const r of failing) {
      for (const e of r.parsed.errors) {
        console.log(`${e.path}:${e.line}:${e.column}: ${e.message}`);
        expect(e.path).toBe(r.path);
        expect(e.line).toBeGreaterThanOrEqual(1);
        expect(e.line).toBeLessThanOrEqual(r.text.split('\n').length);
        expect(e.column).toBeGreaterThanOrEqual(1);
        expect(e.message).toMatch(KNOWN_FAILURES[r.path] ?? /^$/);
      }
    }
    expect(failing.map((r) => r.path).sort()).toEqual(expectedFailures());
  });

  it('keeps the good statements of the broken files', () => {
    const hatchet = results.find((r) => r.path.endsWith('20250519145912_v1_0_21.sql'))!;
    expect(hatchet.parsed.statements.length).toBeGreaterThan(0);
  });

  it('gives positions that point at each statement', () => {
    let checked = 0;
    for (const { text, parsed } of results) {
      for (const s of parsed.statements) {
        expect(lineColumn(text, s.start)).toEqual({ line: s.line, column: s.column });
        if (s.nestedIn) {
          // Inside a body the text is found again in the file: at least its first word is there.
          const word = /^\S+/.exec(s.text)![0].toLowerCase();
          expect(text.slice(s.start, s.start + word.length).toLowerCase()).toBe(word);
        } else if (parsed.notes.length === 0) {
          expect(text.slice(s.start, s.end)).toBe(s.text);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(AT_LEAST.statements);
  });

  it('handles the non-ASCII and CRLF files', () => {
    const nonAscii = results.filter((r) => /[^\x00-\x7f]/.test(r.text));
    const crlf = results.filter((r) => r.text.includes('\r\n'));
    expect(nonAscii.length).toBeGreaterThanOrEqual(AT_LEAST.nonAscii);
    expect(crlf.length).toBeGreaterThanOrEqual(AT_LEAST.crlf);
    for (const r of [...nonAscii, ...crlf]) {
      for (const s of r.parsed.statements.filter((x) => !x.nestedIn)) expect(r.text.slice(s.start, s.end)).toBe(s.text);
    }
  });

  it('turns psql scripts and placeholders into notes, not errors', () => {
    const mosip = results.filter((r) => r.path.startsWith('mosip__admin-services/'));
    expect(mosip.every((r) => r.parsed.errors.length === 0)).toBe(true);
    expect(mosip.flatMap((r) => r.parsed.notes).filter((n) => n.message.startsWith('skipped psql meta-command')).length).toBeGreaterThanOrEqual(AT_LEAST.metaCommands);
    const placeholders = results.filter((r) => /\$\{[A-Za-z_][\w.]*\}/.test(r.text));
    expect(placeholders.length).toBeGreaterThanOrEqual(AT_LEAST.placeholders);
    for (const r of placeholders) {
      expect(r.parsed.errors).toEqual([]);
      expect(r.parsed.notes.some((n) => /^placeholder \$\{[\w.]+\} is not configured/.test(n.message))).toBe(true);
    }
  });

  it('finds statements inside DO blocks and PL/pgSQL functions', () => {
    const nested = results.flatMap((r) => r.parsed.statements.filter((s) => s.nestedIn));
    expect(nested.length).toBeGreaterThan(AT_LEAST.nested);
    for (const r of results) {
      for (const s of r.parsed.statements) {
        if (!s.nestedIn) continue;
        const parent = r.parsed.statements[s.nestedIn.statement]!;
        expect(parent.nestedIn).toBeUndefined();
        expect(s.start).toBeGreaterThanOrEqual(parent.start);
        expect(s.end).toBeLessThanOrEqual(parent.end);
      }
    }
  });
});
