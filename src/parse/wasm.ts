// The one place that talks to libpg-query. Its functions throw for ordinary bad SQL and may
// throw anything for pathological input; these wrappers turn every outcome into data.
// Baseline WebAssembly code for the parser also when no entry loaded first (tests, library use).
import '../core/wasm-tier.js';
// Only code that stays hot is optimised (core/js-tier.ts): every lint loads the parser first.
import '../core/js-tier.js';
import { loadModule, parseSync, parsePlPgSQLSync, scanSync } from 'libpg-query';
import type { ParseResult } from '@pgsql/types';

let loading: Promise<void> | undefined;
let ready = false;

/** Loads the parser's WebAssembly once; concurrent and repeated calls share the same load. */
export function initParser(): Promise<void> {
  loading ??= loadModule().then(() => {
    ready = true;
  });
  return loading;
}

export function parserReady(): boolean {
  return ready;
}

export type Outcome<T> =
  | { ok: true; value: T }
  /** `cursor`: 0-based code point index into the text given (0 also when Postgres named no place); none for internal failures. */
  | { ok: false; message: string; cursor: number | undefined; internal: boolean };

function describe(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0]!.slice(0, 500) || 'unknown parser failure';
}

/**
 * Postgres quotes the token it stopped at ("at or near ..."), which can span lines or be a
 * megabyte-long literal; messages here are one line of readable length.
 */
export function oneLine(message: string): string {
  const flat = message.replace(/\r\n|\r|\n/g, '\\n').replace(/[\u0000-\u001f\u007f]/g, ' ');
  return flat.length > 200 ? `${flat.slice(0, 160)}...${flat.endsWith('"') ? '"' : ''}` : flat;
}

function failure(e: unknown): { ok: false; message: string; cursor: number | undefined; internal: boolean } {
  const details = (e as { sqlDetails?: { message?: string; cursorPosition?: number } } | null)?.sqlDetails;
  if (details && typeof details.message === 'string') {
    // libpg-query turns Postgres' 1-based cursor into 0-based, and reports 0 when there is
    // none too: callers read 0 as "the first token".
    const cursor = typeof details.cursorPosition === 'number' && details.cursorPosition >= 0 ? details.cursorPosition : 0;
    return { ok: false, message: oneLine(details.message), cursor, internal: false };
  }
  return { ok: false, message: oneLine(describe(e)), cursor: undefined, internal: true };
}

export function parseSql(sql: string): Outcome<ParseResult> {
  if (!ready) throw new Error('initParser() must be awaited before parsing');
  if (sql.trim() === '') return { ok: true, value: { version: 0, stmts: [] } as ParseResult };
  try {
    return { ok: true, value: parseSync(sql) };
  } catch (e) {
    return failure(e);
  }
}

export interface PlpgsqlResult {
  plpgsql_funcs?: unknown[];
}

export function parsePlpgsql(sql: string): Outcome<PlpgsqlResult> {
  if (!ready) throw new Error('initParser() must be awaited before parsing');
  try {
    return { ok: true, value: parsePlPgSQLSync(sql) as unknown as PlpgsqlResult };
  } catch (e) {
    return failure(e);
  }
}

export interface Token {
  /** UTF-8 byte offsets into the scanned text. */
  start: number;
  end: number;
  text: string;
  tokenName: string;
}

export function scanSql(sql: string): Outcome<Token[]> {
  if (!ready) throw new Error('initParser() must be awaited before parsing');
  if (sql === '') return { ok: true, value: [] };
  try {
    return { ok: true, value: scanSync(sql).tokens as Token[] };
  } catch (e) {
    return failure(e);
  }
}
