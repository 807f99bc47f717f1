// What a Rust crate says about sqlx, for the migrations folder inside it: whether the crate
// depends on sqlx (then sqlx runs the folder: discover.ts), and for which database. Its features
// name the drivers it turns on; a workspace member often names none and gets them from another
// member (Cargo unifies features), so then the crate's own top-level sources say which driver's
// types it uses. A crate that uses only SQLite's or MySQL's keeps migrations for that engine.
import type { LayoutName } from '../core/types.js';
import type { ChangeView, RustFiles } from './change-view.js';
import { sqlxCoverage } from './layouts/sqlx.js';

type Table = Record<string, unknown>;

export interface SqlxUse {
  /** The files that say it: the crate's Cargo.toml, the workspace root's when it inherits, the sources read. */
  evidence: string[];
  /** The engine the drivers turned on say; null when they name none (sqlx's default) or PostgreSQL is among them. */
  otherEngine: string | null;
}

const DRIVERS: ReadonlyArray<readonly [string, string]> = [['sqlite', 'SQLite'], ['mysql', 'MySQL']];

/** Each driver's own names in Rust source (its module, pool, connection and options types). */
const DRIVER_USE: ReadonlyArray<readonly [string, RegExp]> = [
  ['postgres', /\bsqlx::(?:postgres|Postgres)\b|\bPg(?:Pool|Connection|ConnectOptions|PoolOptions)\b/],
  ['sqlite', /\bsqlx::(?:sqlite|Sqlite)\b|\bSqlite(?:Pool|Connection|ConnectOptions|PoolOptions)\b/],
  ['mysql', /\bsqlx::(?:mysql|MySql)\b|\bMySql(?:Pool|Connection|ConnectOptions|PoolOptions)\b/],
];
/** Sources read per crate at most: the files directly in src/ (a repository read is a request for the App). */
const MAX_SOURCES = 24;

function table(v: unknown): Table | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Table) : undefined;
}

/** The TOML parser, loaded only for a repository with a Cargo.toml beside its migrations (lint starts without it). */
let toml: Promise<typeof import('smol-toml')> | undefined;

async function manifest(text: string): Promise<Table | undefined> {
  const { parse } = await (toml ??= import('smol-toml'));
  try {
    return parse(text) as Table;
  } catch {
    return undefined;
  }
}

/** The crate's sqlx dependency entries: in [dependencies], [dev-dependencies], [build-dependencies], also per target. */
function sqlxEntries(doc: Table): unknown[] {
  const sections = [doc, ...Object.values(table(doc.target) ?? {})].map(table).filter((t): t is Table => t !== undefined);
  return sections.flatMap((s) => ['dependencies', 'dev-dependencies', 'build-dependencies'].map((k) => table(s[k])?.sqlx)).filter((e) => e !== undefined);
}

function features(entry: unknown): string[] {
  const list = table(entry)?.features;
  return Array.isArray(list) ? list.filter((f): f is string => typeof f === 'string') : [];
}

/**
 * How the crate whose manifest is nearest at or above `dir` uses sqlx, or null when it does not
 * (or no manifest parses). `crates`: every Cargo.toml path of the repository; `rustFiles`: its
 * .rs files.
 */
export async function sqlxUse(dir: string, crates: readonly string[], rustFiles: readonly string[], read: (path: string) => Promise<string>): Promise<SqlxUse | null> {
  const dirOf = (cargo: string) => cargo.slice(0, -'Cargo.toml'.length).replace(/\/$/, '');
  const above = crates
    .filter((c) => dirOf(c) === '' || dir === dirOf(c) || dir.startsWith(`${dirOf(c)}/`))
    .sort((a, b) => b.length - a.length);
  const nearest = above[0];
  if (nearest === undefined) return null;
  const doc = await manifest(await read(nearest));
  if (!doc) return null;
  const own = table(table(doc.workspace)?.dependencies)?.sqlx;
  const entries = sqlxEntries(doc);
  // A virtual workspace manifest with migrations beside it: its own list is what it uses.
  if (entries.length === 0 && own === undefined) return null;
  const used = entries.length > 0 ? entries : [own];
  const evidence = [nearest];
  // The drivers the crate names itself say most; those it inherits from the workspace's list
  // next; when neither names exactly one, the sqlx types its sources use.
  let named = drivers(used.flatMap(features));
  if (named.length === 0 && used.some((e) => table(e)?.workspace === true)) {
    // The entry inherits the workspace's: the nearest manifest above with a [workspace] table.
    for (const root of above.slice(1)) {
      const rootDoc = await manifest(await read(root));
      if (!table(rootDoc?.workspace)) continue;
      evidence.push(root);
      named = drivers(features(table(table(rootDoc?.workspace)?.dependencies)?.sqlx));
      break;
    }
  }
  if (named.length !== 1) {
    const crate = dirOf(nearest);
    const sources = sourcesIn(`${crate === '' ? '' : `${crate}/`}src/`, rustFiles);
    const seen = new Set<string>();
    for (const file of sources) {
      const text = await read(file);
      for (const [driver, pattern] of DRIVER_USE) if (pattern.test(text)) seen.add(driver);
    }
    evidence.push(...sources);
    if (seen.size > 0) named = [...seen];
  }
  const other = named.includes('postgres') ? undefined : DRIVERS.find(([feature]) => named.includes(feature));
  return { evidence, otherEngine: other ? other[1] : null };
}

/** The database drivers among sqlx features. */
function drivers(list: readonly string[]): string[] {
  return ['postgres', ...DRIVERS.map(([f]) => f)].filter((d) => list.includes(d));
}

/** The .rs files directly in `src` (a folder path ending in /), most telling names first, at most MAX_SOURCES. */
function sourcesIn(src: string, files: readonly string[]): string[] {
  const telling = (f: string) => (/(?:^|_)(?:db|database|store|storage|sql|pool|repo)\w*\.rs$/.test(f.slice(src.length)) ? 0 : /^(?:lib|main)\.rs$/.test(f.slice(src.length)) ? 1 : 2);
  return files
    .filter((f) => f.startsWith(src) && f.endsWith('.rs') && !f.slice(src.length).includes('/'))
    .sort((a, b) => telling(a) - telling(b) || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_SOURCES);
}

/**
 * sqlx names its migrations as golang-migrate does (or as a plain numbered folder), and the
 * runner differs (a transaction per file, a checksum of each applied one): such a folder inside
 * a Rust crate that depends on sqlx is sqlx's, and one whose sqlx drivers are SQLite's or
 * MySQL's only holds that engine's SQL ('other'). What says so counts as the base branch has it:
 * when the change edits a manifest or a source read (its author's words), the conclusion stands
 * only if the base's files say the same; else the folder is read as its names say.
 */
export async function sqlxRunner(
  layout: LayoutName,
  dir: string,
  files: readonly string[],
  crates: RustFiles,
  readText: (path: string) => Promise<string>,
  change: ChangeView,
): Promise<{ runner: LayoutName | { other: string }; note?: string }> {
  if ((layout !== 'golang-migrate' && layout !== 'plain') || sqlxCoverage(files) <= 0.5) return { runner: layout };
  const use = await sqlxUse(dir, crates.manifests, crates.sources, readText);
  if (!use) return { runner: layout };
  const edited = use.evidence.filter(change.changed);
  const base = edited.length > 0 && change.base ? await change.base() : undefined;
  // Where the folder was on the base branch, if the change moved it (a crate moved in the tree).
  const sample = files.find((f) => /\.sql$/i.test(f));
  const from = sample ? change.previous(dir === '' ? sample : `${dir}/${sample}`) : undefined;
  const baseDir = from?.endsWith(`/${sample}`) ? from.slice(0, -sample!.length - 1) : from === sample ? '' : dir;
  const before = base ? await sqlxUse(baseDir, base.files.manifests, base.files.sources, base.read) : null;
  if (edited.length > 0 && (before === null || before.otherEngine !== use.otherEngine)) {
    return { runner: layout, note: `reviewed as ${layout}: the change edits ${edited.join(', ')}, which would make this folder sqlx's${use.otherEngine ? ` (for ${use.otherEngine})` : ''}; such files count once they are on the base branch` };
  }
  return { runner: use.otherEngine ? { other: use.otherEngine } : 'sqlx' };
}
