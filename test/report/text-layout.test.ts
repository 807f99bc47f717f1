import { beforeAll, describe, expect, it } from 'vitest';
import { loadTextWidths } from '../../src/report/text-layout.js';
import { layoutLine, padEnd, truncate, wrap, displayWidth } from '../../src/report/text-layout.js';


// Text beyond printable ASCII is laid out with string-width, which the CLI loads on demand.
beforeAll(() => loadTextWidths());
describe('layoutLine', () => {
  it('expands tabs to the next stop of 4 and records where each code point starts', () => {
    const l = layoutLine('a\tb\t\tc');
    expect(l.text).toBe('a   b       c');
    expect(l.starts).toEqual([0, 1, 4, 5, 8, 12, 13]);
  });

  it('counts wide characters as two columns and combining marks as none', () => {
    expect(layoutLine('注文x').starts).toEqual([0, 2, 4, 5]);
    // e + COMBINING ACUTE ACCENT is one grapheme, one column; both code points start at 0.
    expect(layoutLine('e\u0301z').starts).toEqual([0, 0, 1, 2]);
    // An astral emoji is one code point, two columns.
    expect(layoutLine('👍a').starts).toEqual([0, 2, 3]);
  });

  it('makes control characters visible instead of letting them move the cursor', () => {
    expect(layoutLine('a\rb\u0007').text).toBe('a\uFFFDb\uFFFD');
  });
});

describe('prose helpers', () => {
  it('wraps words to a width, keeps long words whole and keeps indentation', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrap('a https://example.org/a/very/long/url b', 10)).toEqual(['a', 'https://example.org/a/very/long/url', 'b']);
    expect(wrap('SELECT 1\n  FROM t', 40)).toEqual(['SELECT 1', '  FROM t']);
  });

  it('pads and truncates in display columns', () => {
    expect(padEnd('注文', 5)).toBe('注文 ');
    expect(truncate('注文注文', 5)).toBe('注文…');
    expect(displayWidth(truncate('abcdefgh', 4))).toBe(4);
    expect(truncate('abc', 3)).toBe('abc');
  });
});
