import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { memoryRepoFiles } from '../../src/discover/fs-files.js';
import { contentHash, reviewedFiles } from '../../src/github/content-hash.js';
import { config } from '../discover/helpers.js';

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

describe('reviewedFiles of a one-file migration', () => {
  const hashOf = async (path: string, text: string) => {
    const result = await runCheck({ files: memoryRepoFiles(new Map([[path, text]])), config: config(), scope: { kind: 'all' } });
    return contentHash(reviewedFiles(result));
  };
  it('binds the whole file: an edit of what runs changes the hash, not only one of its rollback', async () => {
    const goose = (up: string) => `-- +goose Up\n${up}\n-- +goose Down\nDROP TABLE t;\n`;
    expect(await hashOf('db/migrations/00001_t.sql', goose('CREATE TABLE t (id int);'))).not.toBe(await hashOf('db/migrations/00001_t.sql', goose('CREATE TABLE u (id int);')));
    const lb = (up: string, rb: string) => `--liquibase formatted sql\n--changeset a:1\n${up}\n${rb}\n--changeset a:2\nSELECT 1;\n--rollback SELECT 1;\n`;
    // A rollback line made into SQL that runs, the same bytes but its marker.
    // The report shows the file as it is (its up lines were blank: the rollback section stood for it).
    const text = goose('ALTER TABLE t DROP COLUMN c;');
    expect((await runCheck({ files: memoryRepoFiles(new Map([['db/migrations/00001_t.sql', text]])), config: config(), scope: { kind: 'all' } })).sources.get('db/migrations/00001_t.sql')).toBe(text);
    expect(await hashOf('db/changelog.sql', lb('CREATE TABLE t (id int);', '--rollback DROP TABLE t;'))).not.toBe(await hashOf('db/changelog.sql', lb('CREATE TABLE t (id int);', '           DROP TABLE t;')));
  });
});
