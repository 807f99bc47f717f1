// sqlOf prints a node once per shape (its numeric `location`s aside): a repeated column
// definition at another place in the file is printed from memory, and must read the same as a
// fresh print of it.
import { describe, expect, it } from 'vitest';
import type { Node } from '@pgsql/types';
import { sqlOf } from '../../src/analyze/rule-helpers.js';
import { deparseSync } from '../../src/parse/deparse.js';
import { initParser, parseSource } from '../../src/parse/index.js';

const fresh = (node: Node) => deparseSync(node, { pretty: false }).trim();

describe('sqlOf', () => {
  it('prints nodes that differ only in location alike, and nodes that differ otherwise apart', async () => {
    await initParser();
    const text = "CREATE TABLE a (status varchar(20) DEFAULT 'new');\n   CREATE TABLE b (status varchar(20) DEFAULT 'new');\nCREATE TABLE c (status varchar(21) DEFAULT 'new');";
    const defs = parseSource({ path: 'm.sql', text }).statements.map((s) => (s.ast as { CreateStmt: { tableElts: Node[] } }).CreateStmt.tableElts[0]!);
    expect(JSON.stringify(defs[0])).not.toEqual(JSON.stringify(defs[1])); // other locations
    const printed = defs.map((d) => sqlOf(d));
    expect(printed).toEqual(defs.map(fresh));
    expect(printed[0]).toBe(printed[1]);
    expect(printed[2]).not.toBe(printed[0]);
    // Asked again, from memory: the same text.
    expect(sqlOf(defs[1])).toBe(fresh(defs[1]!));
  });

  it('keeps a location that is text (CREATE TABLESPACE ... LOCATION)', async () => {
    await initParser();
    const [a, b] = parseSource({ path: 'm.sql', text: "CREATE TABLESPACE t LOCATION '/a';\nCREATE TABLESPACE t LOCATION '/b';" }).statements.map((s) => s.ast as Node);
    expect(sqlOf(a)).toContain("'/a'");
    expect(sqlOf(b)).toContain("'/b'");
  });

  it('answers undefined, again and again, for a node the deparser cannot print', () => {
    const bad = { NoSuchNode: { x: 1 } } as unknown as Node;
    expect(() => fresh(bad)).toThrow();
    expect(sqlOf(bad)).toBeUndefined();
    expect(sqlOf(bad)).toBeUndefined();
  });
});
