// Builds test/fixtures/corpus: a compact sample of the real-world corpus (../shared/corpus by
// default, or the folder given as the first argument) that the default test suite runs on, so a
// fresh clone needs nothing beside it. Small repositories are copied whole; large ones keep
// their first and last migrations plus the files a migration tool must survive (CRLF,
// non-ASCII text, psql meta-commands, placeholders, files Postgres rejects, no-transaction
// markers). Each migration keeps all its files (up, down, revert, verify), each repository its
// licence files, and MANIFEST.json records the commit and the sampled file count.
//   node scripts/sample-corpus.mjs [corpus-dir]
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const source = path.resolve(process.argv[2] ?? path.join(root, '..', 'shared', 'corpus'));
const target = path.join(root, 'test', 'fixtures', 'corpus');

/** Repositories with at most this many SQL files are copied whole, and the two whose order files (mosip's upgrade chain, chef's sqitch.plan) break when cut. */
const WHOLE = 25;
const WHOLE_REPOS = ['mosip/admin-services', 'chef/chef-server'];
const FIRST = 4;
const LAST = 2;
/** Migrations other tests name (order spot checks, known parse failures). */
const ALWAYS = [
  /20250519145912_v1_0_21/, /20250408120918_app_config_cols/, /20170318181441_downloads_need_no_id/,
  /20170804200817_add_email_table/, /2017-08-31-230457_invitations/, /update_acl/, /purge_sequel/, /20241029153900000001_identities/, /20250302220732_api_key_auth/,
  /^migrations\/tenant\/00(0\d|1[01])-/,
];
const TRICKY = [
  (t) => t.includes('\r\n'),
  (t) => /[^\x00-\x7f]/.test(t),
  (t) => /^\\/m.test(t),
  (t) => t.includes('${'),
  (t) => /^--\s*\+goose\s+no\s+transaction/im.test(t),
  (t) => /\bDO\s+\$/i.test(t),
];

const walk = (dir, out = []) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
};

/** The migration a file belongs to, so its up, down, revert and verify files travel together. */
function migrationKey(layout, rel) {
  if (layout === 'prisma' || layout === 'directory-pairs') return rel.split('/')[0];
  if (layout === 'sqitch') return rel.replace(/^(deploy|revert|verify)\//, '');
  return rel
    .replace(/(_upgrade|_rollback)\.sql$/, '')
    .replace(/(\.postgres)?(\.autocommit)?\.(up|down)\.sql$/, '')
    .replace(/\.sql$/, '');
}

const manifest = JSON.parse(readFileSync(path.join(source, 'MANIFEST.json'), 'utf8'));
rmSync(target, { recursive: true, force: true });
const out = [];
for (const entry of manifest) {
  const dirName = entry.repo.replace('/', '__');
  const repoDir = path.join(source, dirName);
  const files = walk(repoDir).map((f) => path.relative(repoDir, f).split(path.sep).join('/'));
  const sql = files.filter((f) => f.endsWith('.sql'));
  let keep;
  if (sql.length <= WHOLE || WHOLE_REPOS.includes(entry.repo)) keep = new Set(sql);
  else {
    keep = new Set();
    const dirs = entry.migrations_dirs ?? [entry.migrations_dir];
    for (const dir of dirs) {
      const groups = new Map();
      for (const f of sql) {
        if (!f.startsWith(`${dir}/`)) continue;
        // A file under a nested migrations folder (chef's schema/baseline) belongs to that one.
        if (dirs.some((d) => d.length > dir.length && f.startsWith(`${d}/`))) continue;
        const rel = f.slice(dir.length + 1);
        const key = migrationKey(entry.layout, rel);
        groups.set(key, [...(groups.get(key) ?? []), f]);
      }
      const keys = [...groups.keys()].sort();
      const chosen = new Set([...keys.slice(0, FIRST), ...keys.slice(-LAST)]);
      const tricky = new Map();
      for (const k of keys) {
        const fs = groups.get(k);
        if (fs.some((f) => ALWAYS.some((r) => r.test(f) || r.test(f.slice(dir.length + 1))))) chosen.add(k);
        const texts = fs.map((f) => readFileSync(path.join(repoDir, f), 'utf8'));
        TRICKY.forEach((test, i) => {
          if (!tricky.has(i) && texts.some(test)) tricky.set(i, k);
        });
      }
      for (const k of tricky.values()) chosen.add(k);
      for (const k of chosen) for (const f of groups.get(k)) keep.add(f);
    }
    // Files outside any migrations folder's own group (e.g. sqitch baseline) stay out.
  }
  const support = files.filter((f) => entry.license_files.includes(f) || /(^|\/)sqitch\.(plan|conf)$/.test(f));
  for (const f of [...keep, ...support]) {
    mkdirSync(path.dirname(path.join(target, dirName, f)), { recursive: true });
    cpSync(path.join(repoDir, f), path.join(target, dirName, f));
  }
  out.push({ ...entry, file_count: keep.size, full_file_count: entry.file_count });
}
writeFileSync(path.join(target, 'MANIFEST.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(`sampled ${out.reduce((n, e) => n + e.file_count, 0)} of ${manifest.reduce((n, e) => n + e.file_count, 0)} files into ${path.relative(root, target)}`);
