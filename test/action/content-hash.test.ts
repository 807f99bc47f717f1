import { describe, expect, it } from 'vitest';
import { contentHash } from '../../src/github/content-hash.js';

describe('contentHash', () => {
  const a = { path: 'db/migrations/0001_a.up.sql', content: 'CREATE TABLE a (id int);\n' };
  const b = { path: 'db/migrations/0001_a.down.sql', content: 'DROP TABLE a;\n' };

  it('does not depend on the order files come in', () => {
    expect(contentHash([a, b])).toBe(contentHash([b, a]));
    expect(contentHash([a, b])).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('changes with any byte of content, any path, or a deletion', () => {
    const base = contentHash([a, b]);
    expect(contentHash([a, { ...b, content: 'DROP TABLE a; \n' }])).not.toBe(base);
    expect(contentHash([a, { ...b, path: 'db/migrations/0002_a.down.sql' }])).not.toBe(base);
    expect(contentHash([a, b, { path: 'db/migrations/0000_old.up.sql', content: null }])).not.toBe(base);
    expect(contentHash([a])).not.toBe(base);
  });

  it('cannot be fooled by moving bytes between path and content', () => {
    expect(contentHash([{ path: 'x', content: 'ab' }])).not.toBe(contentHash([{ path: 'xa', content: 'b' }]));
  });

  it('treats text and its UTF-8 bytes alike', () => {
    expect(contentHash([{ path: 'p', content: 'café' }])).toBe(contentHash([{ path: 'p', content: new TextEncoder().encode('café') }]));
  });
});
