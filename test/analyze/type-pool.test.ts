// Column types shared among the columns declared alike: the same text and the same SQL printed
// back as a tree per column gave, whatever the declaration's shape.
import { describe, expect, it } from 'vitest';
import type { ColumnDef, CreateStmt, TypeName } from '@pgsql/types';
import { typeNameText } from '../../src/analyze/ast.js';
import { declaredType } from '../../src/analyze/column-type.js';
import { newFacts } from '../../src/analyze/track.js';
import { knownType } from '../../src/analyze/type-pool.js';
import { initParser, parseSource } from '../../src/parse/index.js';
import { sqlOf } from '../../src/analyze/rule-helpers.js';

async function columnTypes(sql: string): Promise<TypeName[]> {
  await initParser();
  const [s] = parseSource({ path: 'm.sql', text: sql }).statements;
  const create = (s!.ast as { CreateStmt: CreateStmt }).CreateStmt;
  return (create.tableElts ?? []).map((e) => (e as { ColumnDef: ColumnDef }).ColumnDef.typeName!);
}

const DECLARED = [
  'bigint', 'int', 'integer', 'int4', 'serial', 'bigserial', 'text', 'varchar(20)', 'varchar(21)', 'character varying(20)',
  'numeric(10,2)', 'numeric(10, 3)', 'numeric', 'text[]', 'int[][]', 'int[3]', 'timestamptz', 'timestamp(3) with time zone',
  'interval day to second(2)', 'myschema.mytype', '"Quoted Type"', 'bit(0)',
];

describe('knownType', () => {
  it('gives the text and the printed type of the column\'s own tree, for every shape of declaration', async () => {
    // Each declaration twice: the second one meets the pooled entry of the first.
    const types = await columnTypes(`CREATE TABLE t (${[...DECLARED, ...DECLARED].map((d, i) => `c${i} ${d}`).join(', ')});`);
    expect(types).toHaveLength(DECLARED.length * 2);
    const facts = newFacts();
    for (const t of types) {
      const known = knownType(facts, t);
      expect(known.text).toBe(typeNameText(t));
      expect(sqlOf({ TypeName: known.declared })).toBe(sqlOf({ TypeName: declaredType(t) }));
    }
  });

  it('shares one entry among columns declared alike, and only among them', async () => {
    const [a, b, c, d] = await columnTypes('CREATE TABLE t (a varchar(20), b   varchar(20), c varchar(21), d varchar(20)[]);');
    const facts = newFacts();
    expect(knownType(facts, a!)).toBe(knownType(facts, b!));
    expect(knownType(facts, a!)).not.toBe(knownType(facts, c!));
    expect(knownType(facts, a!)).not.toBe(knownType(facts, d!));
    // Each run's facts have their own pool.
    expect(knownType(newFacts(), a!)).not.toBe(knownType(facts, a!));
  });
});
