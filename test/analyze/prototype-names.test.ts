// Names a migration picks may be those of Object.prototype's members (`constructor`, `toString`,
// `__proto__`). A lookup table written as an object literal finds those members for such a name:
// a type named "constructor" looked like a serial, printed as `function Object() { [native code] }`,
// and a folder named `constructor` was taken for another database engine and not reviewed at all.
// Each name must be treated exactly like any other name of its length.
import { describe, expect, it } from 'vitest';
import { splitOtherDatabases } from '../../src/discover/other-databases.js';
import { lintSql } from '../support/lint-sql.js';

const MEMBERS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf', 'propertyIsEnumerable'];

/** The name in every identifier role a rule or the classifier looks up. */
function migration(n: string): string {
  return [
    `CREATE TABLE "${n}" (id "${n}" PRIMARY KEY, "${n}" "${n}" NOT NULL, other_id int REFERENCES orders (id));`,
    `ALTER TABLE orders ADD COLUMN "${n}" "${n}" NOT NULL;`,
    `ALTER TABLE orders ALTER COLUMN note TYPE "${n}";`,
    `ALTER TABLE orders ADD COLUMN "${n}_at" timestamp DEFAULT now();`,
    `CREATE INDEX "${n}" ON orders ("${n}");`,
    `ALTER TABLE orders ADD CONSTRAINT "${n}" FOREIGN KEY ("${n}") REFERENCES "${n}" (id);`,
    `ALTER TABLE orders RENAME COLUMN "${n}" TO "${n}_old";`,
    `CREATE SCHEMA "${n}";`,
    `CREATE TYPE "${n}"."${n}" AS ENUM ('a');`,
    `ALTER TYPE "${n}"."${n}" ADD VALUE 'b';`,
    `UPDATE orders SET "${n}_at" = now();`,
    `DROP TABLE "${n}";`,
  ].join('\n');
}

/** A name of the same length that is no member, so lines and columns stay the same. */
const plain = (n: string) => `q${n.slice(1)}`;

function view(out: Awaited<ReturnType<typeof lintSql>>, n: string): string {
  return JSON.stringify({ findings: out.findings, operations: out.operations, errors: out.errors }).replaceAll(n, 'NAME');
}

describe('identifiers named like Object.prototype members', () => {
  it.each(MEMBERS)('"%s" is reviewed exactly as any other name', async (n) => {
    const history = 'CREATE TABLE orders (id int PRIMARY KEY, note text);';
    const member = view(await lintSql(migration(n), { history }), n);
    expect(member).not.toMatch(/\[native code\]|\bundefined\b/);
    expect(member).toBe(view(await lintSql(migration(plain(n)), { history }), plain(n)));
  });

  it('a folder named like a member is no other database engine: its migrations are reviewed', () => {
    const paths = MEMBERS.map((n) => `db/${n}/0001_init.sql`);
    expect(splitOtherDatabases(paths, { skip: [], review: [] })).toEqual({ keep: paths, other: [] });
  });
});
