// Large files are parsed a piece (about 8 KB) at a time, cut at a `;` found by plain search.
// Whatever sits across the cut (a `;` in a string, comment, dollar quote or BEGIN ATOMIC body,
// a syntax error) must come out exactly as when the whole text is parsed at once.
import { loadModule, parseSync } from 'libpg-query';
import { beforeAll, describe, expect, it } from 'vitest';
import { initParser, parseSource } from '../../src/parse/index.js';
import { PIECE, statementRanges, type ParseSlice } from '../../src/parse/recover.js';
import { parseSql } from '../../src/parse/wasm.js';

beforeAll(async () => {
  await initParser();
  await loadModule();
});

const TRICKY: Record<string, string> = {
  string: "INSERT INTO notes (body) VALUES ('one; two; three');",
  'line comment': 'SELECT 1; -- trailing; comment; here\nSELECT 2;',
  'block comment': 'SELECT /* a; b; c */ 3;',
  'dollar quote': "DO $$ BEGIN PERFORM 1; PERFORM 2; RAISE NOTICE 'x;y'; END $$;",
  'begin atomic': 'CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;',
  // Longer than a piece (about 100 KB), so it cannot end inside the first one.
  'long statement': `INSERT INTO t VALUES ${Array.from({ length: 6_000 }, (_, i) => `(${i}, 'v;${i}')`).join(', ')};`,
};

/**
 * Filler of long statements (a few dozen fill a piece: the parser's cost is mostly per statement,
 * not per character), then `tricky` placed so that its k-th character lands just past the first cut,
 * then enough text that there is a cut at all: a text of up to 1.5 pieces is parsed whole.
 */
const FILL = `SELECT '${'x'.repeat(989)}';\n`;
function textAround(tricky: string, shift: number): string {
  const filler = FILL.repeat(Math.floor((PIECE - shift) / FILL.length));
  return `${filler}${' '.repeat(Math.max(0, PIECE - shift - filler.length))}${tricky}\nSELECT 99;\n${FILL.repeat(40)}`;
}

/** Statement texts as Postgres delimits them when given the whole text at once (ASCII only). */
function wholeParse(text: string): string[] {
  return parseSync(text).stmts!.map((s) => text.slice(s.stmt_location ?? 0, (s.stmt_location ?? 0) + (s.stmt_len ?? text.length)).trim());
}

describe('parsing a large text in pieces', () => {
  it('the long statement is longer than a piece', () => expect(TRICKY['long statement']!.length).toBeGreaterThan(PIECE * 1.5));
  for (const [name, tricky] of Object.entries(TRICKY)) {
    it(`${name} across the cut reads like the whole text`, () => {
      for (const shift of [1, 5, 12, 20, 33, 60]) {
        const text = textAround(tricky, shift);
        expect(text.length).toBeGreaterThan(PIECE * 1.5);
        const got = parseSource({ path: 'big.sql', text });
        expect(got.errors).toEqual([]);
        expect(got.statements.filter((s) => !s.nestedIn).map((s) => s.text)).toEqual(wholeParse(text));
      }
    });
  }

  it('a syntax error past the cut: the same error at the same place, the statements around it kept', () => {
    const text = textAround('SELEC oops;\nSELECT 5;', 3) + FILL.repeat(100);
    const got = parseSource({ path: 'big.sql', text });
    expect(got.errors).toHaveLength(1);
    const line = text.slice(0, text.indexOf('SELEC oops')).split('\n').length;
    expect(got.errors[0]).toMatchObject({ line, message: expect.stringContaining('syntax error') });
    const expected = wholeParse(text.replace('SELEC oops;', '/*bad*/    ;')).filter((s) => s !== '/*bad*/');
    expect(got.statements.map((s) => s.text)).toEqual(expected);
  });
});

describe('a cut inside a literal, comment or body', () => {
  // Such a piece fails only because of the cut ("unterminated ...", "... at end of input"): it is
  // read again longer, once, rather than taken for a syntax error and re-parsed piece by piece.
  for (const name of ['string', 'block comment', 'dollar quote', 'begin atomic']) {
    it(`${name}: parsed in about as many slices as the text has pieces`, () => {
      for (const shift of [1, 5, 12, 20, 33, 60]) {
        const text = textAround(TRICKY[name]!, shift);
        let slices = 0;
        const counting: ParseSlice = (from, to) => {
          slices++;
          return parseSql(text.slice(from, to));
        };
        [...statementRanges(text, [], counting)];
        expect(slices).toBeLessThanOrEqual(Math.ceil(text.length / PIECE) + 1);
      }
    });
  }
});

describe('a statement sink', () => {
  it('receives every statement of a text of many pieces in file order, a nested one right after its parent, and the result holds what it returns', () => {
    const text = `${FILL.repeat(150)}DO $$ BEGIN ALTER TABLE t ADD COLUMN c int; END $$;\nSELECT 2;\n`;
    const seen: Array<{ index: number; nested: boolean; tag: string }> = [];
    const out = parseSource({ path: 'big.sql', text }, {}, (s) => {
      seen.push({ index: s.index, nested: !!s.nestedIn, tag: Object.keys(s.ast)[0]! });
      return { ...s, ast: {} as typeof s.ast };
    });
    const plain = parseSource({ path: 'big.sql', text });
    expect(out.errors).toEqual([]);
    expect(seen.map((s) => s.index)).toEqual(plain.statements.map((s) => s.index));
    expect(seen.slice(-3)).toEqual([
      { index: 151 - 1, nested: false, tag: 'DoStmt' },
      { index: 151, nested: true, tag: 'AlterTableStmt' },
      { index: 152, nested: false, tag: 'SelectStmt' },
    ]);
    expect(out.statements.every((s) => Object.keys(s.ast).length === 0)).toBe(true);
    expect(out.statements.map(({ ast: _a, ...rest }) => rest)).toEqual(plain.statements.map(({ ast: _a, ...rest }) => rest));
  });
});

describe('the slices parsed (what a thread parsing ahead relies on, parse/prefetch.ts)', () => {
  const texts = {
    ...Object.fromEntries(Object.entries(TRICKY).map(([name, tricky]) => [name, textAround(tricky, 12)])),
    'syntax errors': textAround('SELEC oops;\nSELECT 5; DO $$ BEGIN PERFORM 1; $$ junk;', 3) + FILL.repeat(100) + "SELECT 'open",
  };
  for (const [name, text] of Object.entries(texts)) {
    it(`${name}: the same slices in the same order, and their outcomes given back make the same statements`, () => {
      const asked: Array<[number, number]> = [];
      const outcomes: Array<ReturnType<ParseSlice>> = [];
      const recording: ParseSlice = (from, to) => {
        asked.push([from, to]);
        const outcome = parseSql(text.slice(from, to));
        outcomes.push(outcome);
        return outcome;
      };
      const errors1: Parameters<typeof statementRanges>[1] = [];
      const first = [...statementRanges(text, errors1, recording)].map(({ start, end, open }) => ({ start, end, open }));
      expect(asked.length).toBeGreaterThan(1);
      if (name === 'syntax errors') expect(errors1.length).toBeGreaterThan(1);
      let i = 0;
      const replaying: ParseSlice = (from, to) => {
        expect([from, to]).toEqual(asked[i]);
        return outcomes[i++]!;
      };
      const errors2: typeof errors1 = [];
      expect([...statementRanges(text, errors2)].map(({ start, end, open }) => ({ start, end, open }))).toEqual(first);
      const errors3: typeof errors1 = [];
      expect([...statementRanges(text, errors3, replaying)].map(({ start, end, open }) => ({ start, end, open }))).toEqual(first);
      expect(i).toBe(asked.length);
      expect(errors2).toEqual(errors1);
      expect(errors3).toEqual(errors1);
    });
  }
});
