// Synthetic rows for the tables that exist before a migration runs, so that SET NOT NULL,
// CHECK, UNIQUE and type-cast failures and rewrite times show up in the dry-run. Best effort:
// parents are filled before the tables that reference them, values are unique per row, and a
// table that still cannot be filled is skipped and named.
import type { Sandbox } from './sandbox.js';
import { toDbError } from './sandbox.js';

export interface SeedOutcome {
  /** Rows per seeded table. */
  rows: number;
  tables: string[];
  skipped: Array<{ table: string; reason: string }>;
  /** Why no table holds seeded rows, when none does. */
  reason?: string;
}

/** What one pass did, keyed by the table's oid (a renamed table is still the table we filled). */
interface FillPass {
  /** Every user table now: oid -> qualified name. */
  existing: Map<string, string>;
  filled: string[];
  failed: Array<{ oid: string; reason: string }>;
}

interface ColumnRow {
  rel: number | string;
  table: string;
  col: string;
  type: string;
  category: string;
  typtype: string;
  typmod: number;
  notnull: boolean;
  hasdefault: boolean;
  identity: string;
  generated: string;
  fk_table: string | null;
  fk_col: string | null;
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
const qualified = (name: string) => name.split('.').map(ident).join('.');

/** An expression of the column's type that is different for every row number `g`, or null. */
function valueExpr(c: ColumnRow): string | null {
  if (c.fk_table && c.fk_col) {
    const parent = qualified(c.fk_table);
    return `(select ${ident(c.fk_col)} from ${parent} order by 1 offset ((g - 1) % greatest((select count(*) from ${parent}), 1)) limit 1)`;
  }
  const t = c.type;
  let e: string | null;
  switch (c.category) {
    case 'N': e = /smallint/.test(t) ? '(g % 32767)' : 'g'; break;
    case 'S': {
      const len = /\((\d+)\)/.exec(t)?.[1];
      e = len ? `left('v' || g, ${len})` : `'v' || g`;
      break;
    }
    case 'B': e = '(g % 2 = 0)'; break;
    case 'D':
      e = /^time( |$)|^time without/.test(t) ? `time '00:00' + g * interval '1 second'` : /^date/.test(t) ? `date '2020-01-01' + g` : `timestamp '2020-01-01' + g * interval '1 minute'`;
      break;
    case 'T': e = `g * interval '1 second'`; break;
    case 'I': e = `'10.0.0.0'::inet + g`; break;
    case 'E': e = `(enum_range(null::${t}))[1 + (g - 1) % array_length(enum_range(null::${t}), 1)]`; break;
    case 'A': e = `'{}'`; break;
    case 'U':
      e = t === 'uuid' ? 'md5(g::text)::uuid' : t === 'jsonb' || t === 'json' ? `json_build_object('n', g)` : t === 'bytea' ? `decode(md5(g::text), 'hex')` : null;
      break;
    default: e = null;
  }
  return e === null ? null : `(${e})::${t}`;
}

/** Names the rows seedTables writes: part of the key of a saved seeded database (src/verify), so bump it when they change. */
export const SEED_FORMAT = 'seed-1';

/** Fills every table of the database once, as it is now. */
export async function seedTables(sandbox: Sandbox, rowsPerTable: number, timeoutMs: number): Promise<SeedOutcome> {
  if (rowsPerTable <= 0) return { rows: rowsPerTable, tables: [], skipped: [] };
  return new Seeder(rowsPerTable, timeoutMs).before(sandbox);
}

function noneReason(existing: number): string {
  return existing === 0 ? 'no table exists before this migration' : `none of the ${existing} table${existing === 1 ? '' : 's'} could be filled`;
}

/**
 * Seeds, before each migration, the tables no earlier pass filled (those the migrations before
 * it created), and reports the tables that exist then. One per sandbox: oids are its own.
 */
export class Seeder {
  private readonly filled = new Set<string>();
  private readonly failed = new Map<string, string>();

  constructor(private readonly rowsPerTable: number, private readonly timeoutMs: number) {}

  async before(sandbox: Sandbox): Promise<SeedOutcome> {
    const pass = await fillTables(sandbox, this.rowsPerTable, this.timeoutMs, (oid) => !this.filled.has(oid) && !this.failed.has(oid));
    for (const oid of pass.filled) this.filled.add(oid);
    for (const f of pass.failed) this.failed.set(f.oid, f.reason);
    const outcome: SeedOutcome = { rows: this.rowsPerTable, tables: [], skipped: [] };
    for (const [oid, table] of pass.existing) {
      if (this.filled.has(oid)) outcome.tables.push(table);
      const reason = this.failed.get(oid);
      if (reason !== undefined) outcome.skipped.push({ table, reason });
    }
    if (outcome.tables.length === 0) outcome.reason = noneReason(pass.existing.size);
    return outcome;
  }
}

async function fillTables(sandbox: Sandbox, rowsPerTable: number, timeoutMs: number, wanted: (oid: string) => boolean): Promise<FillPass> {
  const pass: FillPass = { existing: new Map(), filled: [], failed: [] };
  const columns = await sandbox.query<ColumnRow>(`
    select c.oid::int8 as rel, n.nspname || '.' || c.relname as table, a.attname as col,
           format_type(a.atttypid, a.atttypmod) as type,
           coalesce(bt.typcategory, t.typcategory)::text as category, t.typtype::text as typtype, a.atttypmod as typmod,
           a.attnotnull as notnull, a.atthasdef as hasdefault, a.attidentity::text as identity, a.attgenerated::text as generated,
           (select pn.nspname || '.' || pc.relname from pg_constraint k join pg_class pc on pc.oid = k.confrelid join pg_namespace pn on pn.oid = pc.relnamespace
             where k.conrelid = c.oid and k.contype = 'f' and array_length(k.conkey, 1) = 1 and k.conkey[1] = a.attnum limit 1) as fk_table,
           (select pa.attname from pg_constraint k join pg_attribute pa on pa.attrelid = k.confrelid and pa.attnum = k.confkey[1]
             where k.conrelid = c.oid and k.contype = 'f' and array_length(k.conkey, 1) = 1 and k.conkey[1] = a.attnum limit 1) as fk_col
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      join pg_type t on t.oid = a.atttypid left join pg_type bt on t.typtype = 'd' and bt.oid = t.typbasetype
     where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_%'
       and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
     order by c.oid, a.attnum`);
  const byTable = new Map<string, ColumnRow[]>();
  const oidOf = new Map<string, string>();
  for (const c of columns) {
    byTable.set(c.table, [...(byTable.get(c.table) ?? []), c]);
    oidOf.set(c.table, String(c.rel));
    pass.existing.set(String(c.rel), c.table);
  }

  // Parents first; a cycle is broken where it is found.
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (t: string) => {
    if (state.has(t)) return;
    state.set(t, 'visiting');
    for (const c of byTable.get(t) ?? []) if (c.fk_table && c.fk_table !== t && byTable.has(c.fk_table)) visit(c.fk_table);
    state.set(t, 'done');
    order.push(t);
  };
  for (const t of byTable.keys()) visit(t);

  for (const table of order) {
    const oid = oidOf.get(table)!;
    if (!wanted(oid)) continue;
    const cols = byTable.get(table)!;
    const attempt = async (include: (c: ColumnRow) => boolean): Promise<string | null> => {
      const names: string[] = [];
      const exprs: string[] = [];
      for (const c of cols) {
        if (c.identity !== '' || c.generated !== '') continue;
        if (!include(c)) continue;
        const e = valueExpr(c);
        if (e === null) {
          if (c.notnull && !c.hasdefault) return `no generator for column ${c.col} of type ${c.type}`;
          continue;
        }
        names.push(ident(c.col));
        exprs.push(e);
      }
      const sql = names.length === 0
        ? `insert into ${qualified(table)} select from generate_series(1, ${rowsPerTable}) g`
        : `insert into ${qualified(table)} (${names.join(', ')}) select ${exprs.join(', ')} from generate_series(1, ${rowsPerTable}) g`;
      try {
        await sandbox.exec(sql, timeoutMs);
        return null;
      } catch (e) {
        return toDbError(e).message;
      }
    };
    // Every column first; then only what must be given (defaults may satisfy a CHECK we broke).
    const full = await attempt((c) => !c.hasdefault);
    if (full === null) { pass.filled.push(oid); continue; }
    if (!sandbox.alive) { pass.failed.push({ oid, reason: full }); break; }
    const minimal = await attempt((c) => c.notnull && !c.hasdefault);
    if (minimal === null) pass.filled.push(oid);
    else pass.failed.push({ oid, reason: minimal });
  }
  return pass;
}
