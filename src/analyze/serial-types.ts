// The serial pseudo-types: not types but an integer column with a sequence default, written only
// in CREATE TABLE and ADD COLUMN. One list for every stage and rule that recognises them.

export interface SerialType {
  /** The integer type's internal name, as a resolved TypeName names it (`pg_catalog.int4`). */
  readonly internal: 'int2' | 'int4' | 'int8';
  /** The same type as SQL writes it. */
  readonly sql: 'smallint' | 'integer' | 'bigint';
}

const SMALL: SerialType = { internal: 'int2', sql: 'smallint' };
const REGULAR: SerialType = { internal: 'int4', sql: 'integer' };
const BIG: SerialType = { internal: 'int8', sql: 'bigint' };

// A Map, not an object literal: a type named `constructor` must not look like a serial.
const SERIALS: ReadonlyMap<string, SerialType> = new Map([
  ['smallserial', SMALL], ['serial2', SMALL],
  ['serial', REGULAR], ['serial4', REGULAR],
  ['bigserial', BIG], ['serial8', BIG],
]);

/** The integer a serial type name (unqualified, lower case) stands for; undefined for any other name. */
export function serialType(name: string | undefined): SerialType | undefined {
  return name === undefined ? undefined : SERIALS.get(name);
}
