// Tables, columns, constraints and indexes whose names need quotes: reserved words (`order`,
// `user`, `group`) and names with capitals, spaces or quotes. Every suggestion must quote them as
// the migration did: unquoted, `ALTER TABLE order` is a syntax error, `"Big Orders"` becomes two
// words, and `CHECK (user IS NOT NULL)` is valid but tests CURRENT_USER, not the column, so the
// NOT NULL it was meant to prove is never proven.
import { describe, expect, it } from 'vitest';
import { initParser, parseSource } from '../../src/parse/index.js';
import { lintSql } from '../support/lint-sql.js';

/** The roles a name plays below, each a name that needs quotes. */
interface Names { t: string; u: string; c1: string; c2: string; c3: string; c4: string; fk: string; con: string; idx: string }

const quote = (n: string) => `"${n.replace(/"/g, '""')}"`;

function history(n: Names): string {
  const q = (k: keyof Names) => quote(n[k]);
  return [
    `CREATE TABLE ${q('t')} (id int PRIMARY KEY, ${q('c1')} int, ${q('c2')} text, ${q('c3')} int, ${q('fk')} int);`,
    `CREATE TABLE ${q('u')} (id int PRIMARY KEY, ${q('c4')} text);`,
  ].join('\n');
}

// One statement for each rule whose suggestion rewrites the statement or builds new SQL from its names.
function migration(n: Names): string {
  const q = (k: keyof Names) => quote(n[k]);
  return [
    `ALTER TABLE ${q('t')} ADD COLUMN ${quote(`${n.c1} new`)} int NOT NULL;`,
    `ALTER TABLE ${q('t')} ALTER COLUMN ${q('c3')} SET NOT NULL;`,
    `ALTER TABLE ${q('t')} ALTER COLUMN ${q('c2')} TYPE varchar(10);`,
    `ALTER TABLE ${q('t')} ADD CONSTRAINT ${q('con')} FOREIGN KEY (${q('fk')}) REFERENCES ${q('u')} (id);`,
    `ALTER TABLE ${q('t')} ADD FOREIGN KEY (${q('c1')}) REFERENCES ${q('u')} (id);`,
    `ALTER TABLE ${q('t')} ADD CONSTRAINT ${quote(`${n.con} u`)} UNIQUE (${q('c1')});`,
    `ALTER TABLE ${q('t')} ADD CHECK (${q('c1')} > 0);`,
    `CREATE INDEX ${q('idx')} ON ${q('t')} (${q('c1')});`,
    `DROP INDEX ${q('idx')};`,
    `ALTER TABLE ${q('t')} RENAME COLUMN ${q('c2')} TO ${quote(`${n.c2} old`)};`,
    `ALTER TABLE ${q('t')} ADD COLUMN ${quote(`${n.c1} seq`)} serial;`,
    `ALTER TABLE ${q('t')} ADD COLUMN ${quote(`${n.c1} at`)} timestamptz DEFAULT now();`,
    `ALTER TABLE ${q('t')} DROP COLUMN ${q('c3')};`,
    `UPDATE ${q('t')} SET ${q('c1')} = 1;`,
    `DELETE FROM ${q('u')} WHERE ${q('c4')} = 'x';`,
    `CREATE TABLE ${quote(`${n.t} 2`)} (id int PRIMARY KEY, ${q('fk')} int REFERENCES ${q('t')} (id));`,
    `REINDEX INDEX ${q('idx')};`,
  ].join('\n');
}

function hasNode(tree: unknown, tag: string): boolean {
  if (Array.isArray(tree)) return tree.some((t) => hasNode(t, tag));
  if (!tree || typeof tree !== 'object') return false;
  return Object.entries(tree).some(([k, v]) => k === tag || hasNode(v, tag));
}

const RESERVED: Names = { t: 'order', u: 'user', c1: 'group', c2: 'check', c3: 'limit', c4: 'default', fk: 'user_id', con: 'primary', idx: 'from' };
const SPELLED: Names = { t: 'Big Orders', u: 'Kunde', c1: 'Net "Total"', c2: 'Note', c3: 'a-b', c4: 'x y', fk: 'Kunde Id', con: 'FK', idx: 'Idx 1' };

describe('names that need quotes', () => {
  it.each([['reserved words', RESERVED], ['capitals, spaces and quotes', SPELLED]] as const)('%s: every suggestion quotes them, parses, and names no keyword value the migration did not', async (_, names) => {
    await initParser();
    const out = await lintSql(migration(names), { history: history(names) });
    const suggestions = out.findings.filter((f) => f.suggestion).map((f) => ({ rule: f.rule, sql: f.suggestion! }));
    // The rules this migration must reach, so the test cannot pass by finding nothing.
    expect(suggestions.map((s) => s.rule)).toEqual(expect.arrayContaining([
      'adding-not-null-column-without-default', 'changing-column-type', 'constraint-missing-not-valid',
      'require-concurrent-index', 'dml-without-where',
    ]));
    for (const { rule, sql } of suggestions) {
      // Some suggestions are a column definition to write instead of the one in the statement.
      const whole = parseSource({ path: `${rule}.sql`, text: sql });
      const parsed = whole.errors.length === 0 ? whole : parseSource({ path: `${rule}.sql`, text: `CREATE TABLE fragment (\n${sql}\n);` });
      expect(parsed.errors, `${rule}:\n${sql}`).toEqual([]);
      expect(hasNode(parsed.statements.map((s) => s.ast), 'SQLValueFunction'), `${rule}:\n${sql}`).toBe(false);
    }
  });
});
