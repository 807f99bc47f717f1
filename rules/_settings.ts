// Reading the value of a `SET name = value` statement, shared by the timeout policy rules.
import type { Node, VariableSetStmt } from '@pgsql/types';
import { as } from '../src/analyze/ast.js';

/** The value as written: `'5min'` -> `5min`, `5000` -> `5000`. */
export function settingText(v: VariableSetStmt): string | undefined {
  const c = as<{ sval?: { sval?: string }; ival?: { ival?: number } }>(v.args?.[0] as Node | undefined, 'A_Const');
  if (!c) return undefined;
  if (c.sval) return c.sval.sval ?? '';
  return String(c.ival?.ival ?? 0);
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/** A duration setting in milliseconds, as Postgres reads it (a bare number is milliseconds). */
export function durationMs(text: string | undefined): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(us|ms|s|min|h|d)?\s*$/i.exec(text ?? '');
  if (!m) return undefined;
  return Number(m[1]) * (UNIT_MS[(m[2] ?? 'ms').toLowerCase()] ?? 1);
}
