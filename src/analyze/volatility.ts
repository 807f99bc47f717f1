// Whether an expression is volatile decides whether ADD COLUMN ... DEFAULT rewrites the table
// (PG 11+ stores a non-volatile default in the catalog and rewrites nothing). Volatility of
// built-ins comes from pg_proc.provolatile; user functions default to VOLATILE in Postgres,
// unless the history created them with another marking.
import type { Node } from '@pgsql/types';
import { functionsCalled, nodeTag } from './ast.js';
import type { SchemaFacts } from './state.js';

/** Built-ins marked VOLATILE in pg_proc that show up in defaults. */
const VOLATILE = new Set([
  'random', 'random_normal', 'clock_timestamp', 'timeofday', 'gen_random_uuid', 'uuidv4', 'uuidv7',
  'uuid_generate_v1', 'uuid_generate_v1mc', 'uuid_generate_v4', 'nextval', 'setval', 'currval',
  'lastval', 'txid_current', 'pg_current_xact_id', 'gen_random_bytes', 'gen_salt', 'setseed',
  'pg_backend_pid', 'inet_client_addr', '(subquery)',
]);

/** Built-ins that are STABLE or IMMUTABLE and common in defaults. */
const NON_VOLATILE = new Set([
  'now', 'transaction_timestamp', 'statement_timestamp', 'current_date', 'current_time',
  'localtimestamp', 'localtime', 'current_setting', 'current_user', 'session_user', 'current_schema',
  'lower', 'upper', 'coalesce', 'nullif', 'greatest', 'least', 'concat', 'concat_ws', 'length',
  'to_jsonb', 'to_json', 'jsonb_build_object', 'json_build_object', 'jsonb_build_array',
  'json_build_array', 'array', 'make_interval', 'make_date', 'make_timestamp', 'make_timestamptz',
  'date_trunc', 'to_timestamp', 'to_char', 'to_date', 'md5', 'encode', 'decode', 'substring',
  'substr', 'replace', 'trim', 'btrim', 'ltrim', 'rtrim', 'abs', 'round', 'floor', 'ceil',
  'timezone', 'array_fill', 'string_to_array', 'jsonb_set', 'row', 'int4range', 'tstzrange',
  'daterange', 'numrange', 'int8range', 'point', 'pg_catalog', 'format', 'extract', 'date_part',
]);

export type Volatility = 'i' | 's' | 'v';

/** The volatility of an expression: the most volatile function it calls. */
export function expressionVolatility(expr: Node | undefined, facts: Readonly<SchemaFacts>): Volatility {
  if (!expr) return 'i';
  // SQLValueFunction covers CURRENT_TIMESTAMP and friends: stable.
  let result: Volatility = 'i';
  for (const fn of functionsCalled(expr)) {
    const v = functionVolatility(fn, facts);
    if (v === 'v') return 'v';
    if (v === 's') result = 's';
  }
  if (nodeTag(expr)?.[0] === 'SQLValueFunction') result = 's';
  return result;
}

export function functionVolatility(name: string, facts: Readonly<SchemaFacts>): Volatility {
  const known = facts.functionVolatility.get(name);
  if (known) return known;
  if (VOLATILE.has(name)) return 'v';
  if (NON_VOLATILE.has(name)) return 's';
  // Postgres' default for CREATE FUNCTION is VOLATILE; an unknown function is assumed so.
  return 'v';
}
