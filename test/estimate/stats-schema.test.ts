// docs/table-stats.schema.json is generated from the zod schema; both shapes of the file
// validate against it with a JSON Schema validator, as tools outside TypeScript would.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { statsFileJsonSchema } from '../../src/config/stats-file.js';

const file = path.resolve(import.meta.dirname, '..', '..', 'docs', 'table-stats.schema.json');

describe('table stats JSON Schema', () => {
  it('docs/table-stats.schema.json is up to date (node scripts/gen-stats-schema.mjs)', () => {
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(statsFileJsonSchema());
  });

  it('accepts the old map and version 2, and rejects a negative size', () => {
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(file, 'utf8')));
    expect(validate({ 'public.orders': { rows: 40_000_000, bytes: 12884901888 } })).toBe(true);
    expect(validate({ version: 2, server: { version: '16.4', versionNum: 160004 }, tables: { 'public.orders': { rows: 1, indexes: [{ name: 'orders_pkey', bytes: 8192 }] } } })).toBe(true);
    expect(validate({ 'public.orders': { rows: -5 } })).toBe(false);
  });
});
