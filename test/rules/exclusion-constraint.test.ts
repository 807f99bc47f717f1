import { describe, expect, it } from 'vitest';
import { lintSql } from '../support/lint-sql.js';
import { expectValidSql, findingsOf } from './part-a-support.js';

const ID = 'exclusion-constraint';
const BAD = 'ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&);';

describe(ID, () => {
  it('flags ADD EXCLUDE on an existing table and says there is no online alternative', async () => {
    const [f] = findingsOf(await lintSql(BAD, { history: 'CREATE TABLE bookings (room_id int, during tstzrange);' }), ID);
    expect(f?.risk).toBe('DANGEROUS');
    expect(f?.message).toContain('no online way');
    expect(f?.suggestion).toContain("SET lock_timeout = '5s';");
    await expectValidSql(f?.suggestion);
  });

  it('is silent on tables created in this run', async () => {
    expect(findingsOf(await lintSql(`CREATE TABLE bookings (room_id int, during tstzrange);\n${BAD}`), ID)).toEqual([]);
    expect(findingsOf(await lintSql(BAD, { earlier: ['CREATE TABLE bookings (room_id int, during tstzrange);'] }), ID)).toEqual([]);
  });

  it('is size sensitive', async () => {
    const [f] = findingsOf(await lintSql(BAD, { tableStats: { 'public.bookings': { rows: 12 } } }), ID);
    expect(f?.risk).toBe('CAUTION');
    expect(f?.message).toContain('12 rows');
  });
});
