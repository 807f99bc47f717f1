// What `seedRows` put in the database before a migration ran, in one sentence for every text
// format: how many rows in how many tables, or why none (a NOT NULL that passed on empty tables
// proves nothing about a table with rows).
import type { DryRunResult } from '../core/types.js';

type Seed = NonNullable<DryRunResult['seed']>;

/** `seeded 20 rows in each of 2 tables` or `no rows seeded: no table exists before this migration`. */
export function seedHeadline(seed: Seed): string {
  if (seed.tables.length === 0) return `no rows seeded: ${seed.reason ?? 'no table could be filled'}`;
  const tables = seed.tables.length === 1 ? 'in 1 table' : `in each of ${seed.tables.length} tables`;
  return `seeded ${seed.rows} row${seed.rows === 1 ? '' : 's'} ${tables}`;
}

/** The headline and how many tables could not be filled. */
export function seedSummary(seed: Seed): string {
  const n = seed.skipped.length;
  return `${seedHeadline(seed)}${n ? `; ${n} table${n === 1 ? '' : 's'} skipped` : ''}`;
}

/** `public.odd (no generator for column p of type point)`, one per skipped table. */
export function seedSkipped(seed: Seed): string[] {
  return seed.skipped.map((s) => `${s.table} (${s.reason})`);
}
