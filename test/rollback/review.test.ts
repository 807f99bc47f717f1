import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../../src/analyze/analyze.js';
import { beginFile, newRunState } from '../../src/analyze/track.js';
import type { Migration, RollbackStatus } from '../../src/core/types.js';
import { initParser, parseSource } from '../../src/parse/index.js';
import { reviewRollback } from '../../src/rollback/review.js';
import { allRules } from '../../rules/index.js';

const HISTORY = 'CREATE TABLE orders (id bigint PRIMARY KEY, status text, legacy text);';

async function review(up: string, down: string | null, status: RollbackStatus = down === null ? 'missing' : 'present') {
  await initParser();
  const migration: Migration = {
    id: '0002_x', version: '0002', name: 'x', layout: 'golang-migrate', dir: 'db',
    up: { path: 'db/0002_x.up.sql', text: up },
    down: down === null ? null : { path: 'db/0002_x.down.sql', text: down },
    rollbackStatus: status, transaction: 'none', change: 'added',
  };
  const state = newRunState({ pgVersion: 16 });
  beginFile(state, 'history.sql', 'none', true);
  analyzeSource(parseSource({ path: 'history.sql', text: HISTORY }), HISTORY, state, allRules);
  beginFile(state, migration.up.path, 'none', false);
  const upParsed = parseSource(migration.up);
  const { operations } = analyzeSource(upParsed, up, state, allRules);
  return reviewRollback(migration, upParsed, migration.down ? parseSource(migration.down) : null, operations, { pgVersion: 16 });
}

const ids = (r: Awaited<ReturnType<typeof review>>) => r.findings.map((f) => f.rule);

describe('static rollback review', () => {
  it('an exact rollback has no findings', async () => {
    const r = await review(
      'ALTER TABLE orders ADD COLUMN note text;\nCREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);\nCREATE TABLE refunds (id bigint);\nALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status <> \'\') NOT VALID;',
      'ALTER TABLE orders DROP CONSTRAINT orders_status_check;\nDROP TABLE refunds;\nDROP INDEX CONCURRENTLY orders_note_idx;\nALTER TABLE orders DROP COLUMN note;',
    );
    expect(r.findings).toEqual([]);
    expect(r.irreversible).toBe(false);
  });

  it('names every object the rollback forgets, at the statement that created it', async () => {
    const r = await review(
      'ALTER TABLE orders ADD COLUMN note text;\nCREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);\nCREATE TYPE mood AS ENUM (\'ok\');',
      'ALTER TABLE orders DROP COLUMN note;',
    );
    const mismatches = r.findings.filter((f) => f.rule === 'rollback-mismatch');
    expect(mismatches.map((f) => [f.line, f.message])).toEqual([
      [2, 'index public.orders_status_idx is not undone by the rollback db/0002_x.down.sql'],
      [3, 'type public.mood is not undone by the rollback db/0002_x.down.sql'],
    ]);
  });

  it('dropping a column also undoes the indexes and constraints that involve it (Postgres drops them with it)', async () => {
    const r = await review(
      [
        'ALTER TABLE orders ADD COLUMN org_id bigint;',
        'CREATE INDEX orders_org_idx ON orders (org_id);',
        'CREATE INDEX orders_org_status_idx ON orders (status) WHERE org_id IS NOT NULL;',
        'ALTER TABLE orders ADD CONSTRAINT orders_org_check CHECK (org_id > 0) NOT VALID;',
        'ALTER TABLE orders ADD CONSTRAINT orders_org_fk FOREIGN KEY (org_id) REFERENCES orders (id) NOT VALID;',
        'ALTER TABLE orders ADD CONSTRAINT orders_org_excl EXCLUDE USING btree (org_id WITH =);',
        'ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status <> \'\') NOT VALID;',
      ].join('\n'),
      'ALTER TABLE orders DROP COLUMN org_id;',
    );
    // Only the constraint on another column is left behind.
    expect(r.findings.filter((f) => f.rule === 'rollback-mismatch').map((f) => f.message)).toEqual([
      'constraint orders_status_check on public.orders is not undone by the rollback db/0002_x.down.sql',
    ]);
  });

  it('dropping a table also undoes its columns and indexes', async () => {
    const r = await review('CREATE TABLE refunds (id bigint);\nCREATE INDEX refunds_id ON refunds (id);', 'DROP TABLE refunds;');
    expect(r.findings).toEqual([]);
  });

  it('a rename must be renamed back', async () => {
    const forgot = await review('ALTER TABLE orders RENAME COLUMN status TO state;', 'SELECT 1;');
    expect(ids(forgot)).toContain('rollback-mismatch');
    const undone = await review('ALTER TABLE orders RENAME COLUMN status TO state;', 'ALTER TABLE orders RENAME COLUMN state TO status;');
    expect(ids(undone)).not.toContain('rollback-mismatch');
  });

  // lemmy's rollbacks (found when its PostgreSQL 18 upgrade rewrote them): a table, type or
  // column set aside under another name and dropped there, or renamed back to the name the up
  // had replaced, is as gone as a dropped one; a renamed table whose new name the rollback drops
  // (re-creating the old one) is undone.
  it('a rename in the rollback takes the old name away, as a drop does; dropping a rename\'s new name undoes it', async () => {
    const cases: Array<[string, string]> = [
      ['ALTER TABLE orders ADD COLUMN owner_id bigint;', 'ALTER TABLE orders RENAME TO orders_old;\nCREATE TABLE orders (id bigint PRIMARY KEY, status text, legacy text);\nINSERT INTO orders SELECT id, status, legacy FROM orders_old;\nDROP TABLE orders_old;'],
      ["CREATE TYPE mood AS ENUM ('ok');", 'ALTER TYPE mood RENAME TO mood__;\nDROP TYPE mood__;'],
      ['CREATE TABLE order_actions AS SELECT id FROM orders;\nDROP TABLE orders;', 'ALTER TABLE order_actions RENAME TO orders;'],
      ['CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);', 'ALTER INDEX orders_status_idx RENAME TO orders_status_old;\nDROP INDEX orders_status_old;'],
      ['ALTER TABLE orders RENAME TO purchases;', 'CREATE TABLE orders (id bigint PRIMARY KEY, status text, legacy text);\nDROP TABLE purchases;'],
      ['ALTER TABLE orders RENAME COLUMN status TO state;', 'ALTER TABLE orders ADD COLUMN status text;\nALTER TABLE orders DROP COLUMN state;'],
    ];
    for (const [up, down] of cases) expect([up, ids(await review(up, down)).filter((id) => id === 'rollback-mismatch')]).toEqual([up, []]);
    // A rename of something else leaves the up's object where it was.
    expect(ids(await review("CREATE TYPE mood AS ENUM ('ok');", 'ALTER TYPE other RENAME TO other__;'))).toContain('rollback-mismatch');
  });

  // lemmy's 2025-08-01-000012_no-individual-inboxes: the up drops inbox_url and renames
  // shared_inbox_url into its name; the rollback adds shared_inbox_url back, and both names are
  // there again, as before. Each rename was a rollback-mismatch guess.
  it('a rename into the name of what the up dropped is undone by adding the old name back', async () => {
    const up = 'ALTER TABLE orders DROP COLUMN status;\nALTER TABLE orders RENAME COLUMN legacy TO status;';
    expect(ids(await review(up, 'ALTER TABLE orders ADD COLUMN legacy text;')).filter((id) => id === 'rollback-mismatch')).toEqual([]);
    const tables = 'DROP TABLE orders;\nALTER TABLE purchases RENAME TO orders;';
    expect(ids(await review(tables, 'CREATE TABLE purchases (id bigint PRIMARY KEY);')).filter((id) => id === 'rollback-mismatch')).toEqual([]);
    expect(ids(await review('ALTER TABLE purchases RENAME TO orders_new;', 'CREATE TABLE purchases (id bigint PRIMARY KEY);'))).toContain('rollback-mismatch');
    // Without the drop, adding the old name back leaves the new one: still a mismatch.
    expect(ids(await review('ALTER TABLE orders RENAME COLUMN legacy TO state;', 'ALTER TABLE orders ADD COLUMN legacy text;'))).toContain('rollback-mismatch');
    // A drop after the rename is of the renamed column itself: adding the old name back does not undo it.
    expect(ids(await review('ALTER TABLE orders RENAME COLUMN legacy TO state;\nALTER TABLE orders DROP COLUMN state;\nALTER TABLE orders ADD COLUMN state int;', 'ALTER TABLE orders ADD COLUMN legacy text;'))).toContain('rollback-mismatch');
  });

  it('an empty rollback is reported', async () => {
    const r = await review('ALTER TABLE orders ADD COLUMN note text;', '-- nothing to do\n');
    expect(r.findings[0]).toMatchObject({ rule: 'rollback-empty', path: 'db/0002_x.down.sql' });
  });

  it('dropping data makes the migration irreversible, whatever the rollback says', async () => {
    const r = await review('ALTER TABLE orders DROP COLUMN legacy;', 'ALTER TABLE orders ADD COLUMN legacy text;');
    expect(r.irreversible).toBe(true);
    expect(r.findings[0]!.rule).toBe('rollback-data-loss');
    expect(r.findings[0]!.message).toContain('a rollback can recreate the structure, not the data');
  });

  it('no rollback to compare: only the data-loss verdict', async () => {
    const r = await review('DROP TABLE orders;', null);
    expect(ids(r)).toEqual(['rollback-data-loss']);
    const none = await review('ALTER TABLE orders ADD COLUMN note text;', null);
    expect(none.findings).toEqual([]);
  });

  it('a DELETE whose WHERE no row can pass deletes nothing: no data loss, not irreversible', async () => {
    for (const where of ['NULL IS NOT NULL', 'false', '1 = 2', 'NULL']) {
      const r = await review(`DELETE FROM orders WHERE ${where};`, null);
      expect(r.findings, where).toEqual([]);
      expect(r.irreversible, where).toBe(false);
    }
    // Always true, or not known: every row may go.
    expect(ids(await review('DELETE FROM orders WHERE NULL IS NULL OR false;', null))).toEqual(['rollback-data-loss']);
    expect(ids(await review('DELETE FROM orders WHERE status IS NOT NULL;', null))).toEqual(['rollback-data-loss']);
  });
});

// A rollback that destroys what its migration did not make is a trap for whoever rolls back: a
// sqitch revert or down file with `DROP TABLE users` passed as SAFE, only the up being judged.
describe('a rollback that destroys data its migration did not create', () => {
  const destroys = (r: Awaited<ReturnType<typeof review>>) => r.findings.filter((f) => f.rule === 'rollback-destroys-data').map((f) => [f.risk, f.path, f.message.replace(/, which.*/, '')]);

  it.each([
    ['DROP TABLE', 'DROP TABLE orders;', 'the rollback drops table public.orders'],
    ['TRUNCATE', 'TRUNCATE orders;', 'the rollback empties table public.orders'],
    ['DELETE without WHERE', 'DELETE FROM orders;', 'the rollback deletes every row of public.orders'],
    ['DELETE with an always-true WHERE', 'DELETE FROM orders WHERE 1 = 1;', 'the rollback deletes every row of public.orders'],
    ['DROP COLUMN', 'ALTER TABLE orders DROP COLUMN legacy;', 'the rollback drops column legacy of public.orders'],
    ['DROP SCHEMA', 'DROP SCHEMA public CASCADE;', 'the rollback drops schema public and everything in it'],
    ['a table renamed aside and dropped', 'ALTER TABLE orders RENAME TO orders_old;\nDROP TABLE orders_old;', 'the rollback drops table public.orders_old'],
  ])('%s: DANGEROUS, on the rollback', async (_name, extra, message) => {
    const r = await review('ALTER TABLE orders ADD COLUMN note text;', `ALTER TABLE orders DROP COLUMN note;\n${extra}`);
    expect(destroys(r)).toEqual([['DANGEROUS', 'db/0002_x.down.sql', message]]);
  });

  it('what the migration made is the rollback\'s to drop: tables, columns, schemas, a backup it took, a table it renamed to', async () => {
    const r = await review(
      'CREATE SCHEMA audit;\nCREATE TABLE audit.log (id bigint);\nCREATE TABLE refunds (id bigint);\nALTER TABLE orders ADD COLUMN note text;\nSELECT * INTO orders_bkp FROM orders;\nALTER TABLE orders RENAME TO orders_v1;\nCREATE TABLE orders (id bigint PRIMARY KEY, status text);',
      'DROP TABLE orders;\nALTER TABLE orders_v1 RENAME TO orders;\nALTER TABLE orders DROP COLUMN note;\nDROP TABLE orders_bkp;\nDROP TABLE refunds;\nDROP SCHEMA audit CASCADE;\nDELETE FROM refunds WHERE id > 0;',
    );
    expect(destroys(r)).toEqual([]);
  });

  it('a column the migration added, renamed aside by the rollback and then dropped, is the migration\'s (hydra\'s primary key swaps)', async () => {
    const r = await review(
      'ALTER TABLE orders RENAME id TO id_deprecated;\nALTER TABLE orders ADD COLUMN id uuid;',
      'ALTER TABLE orders RENAME id TO id_tmp;\nALTER TABLE orders RENAME id_deprecated TO id;\nALTER TABLE orders DROP id_tmp;',
    );
    expect(destroys(r)).toEqual([]);
    // A column that was there before the migration, renamed aside and dropped, is still lost.
    const old = await review(
      'ALTER TABLE orders ADD COLUMN note text;',
      'ALTER TABLE orders DROP COLUMN note;\nALTER TABLE orders RENAME legacy TO legacy_old;\nALTER TABLE orders RENAME legacy_old TO legacy_gone;\nALTER TABLE orders DROP COLUMN legacy_gone;',
    );
    expect(destroys(old)).toEqual([['DANGEROUS', 'db/0002_x.down.sql', 'the rollback drops column legacy_gone of public.orders']]);
  });

  it('a table emptied and filled again from the migration\'s backup is restored, not lost', async () => {
    const r = await review('SELECT * INTO orders_bkp FROM orders;\nUPDATE orders SET status = lower(status) WHERE status IS NOT NULL;', 'TRUNCATE orders;\nINSERT INTO orders SELECT * FROM orders_bkp;\nDROP TABLE orders_bkp;');
    expect(destroys(r)).toEqual([]);
  });

  it('a DELETE that says which rows is no finding (undoing the rows the migration inserted)', async () => {
    const r = await review("INSERT INTO orders (id, status) VALUES (1, 'seed');", 'DELETE FROM orders WHERE id = 1;');
    expect(destroys(r)).toEqual([]);
  });
});
