// The schema as the catalogs describe it, flattened to `kind name -> definition` so two
// snapshots compare with a plain diff. Used to check that a rollback restores exactly what
// the migration found. Objects that belong to an extension are left to the extension's entry.
export type Snapshot = Map<string, string>;

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

const USER_NS = `n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast') and n.nspname not like 'pg_temp_%' and n.nspname not like 'pg_toast_temp_%'`;
const notExtensionMember = (catalog: string, oid: string) =>
  `not exists (select 1 from pg_depend d where d.classid = '${catalog}'::regclass and d.objid = ${oid} and d.deptype = 'e')`;

/** One query per object kind; each returns (key, def). */
const QUERIES: readonly string[] = [
  `select 'schema ' || n.nspname as key, pg_get_userbyid(n.nspowner) as def from pg_namespace n where ${USER_NS} and n.nspname <> 'public'
     and ${notExtensionMember('pg_namespace', 'n.oid')}`,
  `select case c.relkind when 'r' then 'table ' when 'p' then 'table ' when 'f' then 'foreign table ' when 'v' then 'view '
            when 'm' then 'materialized view ' when 'S' then 'sequence ' when 'c' then 'type ' end || n.nspname || '.' || c.relname as key,
          case c.relkind when 'v' then pg_get_viewdef(c.oid) when 'm' then pg_get_viewdef(c.oid)
            when 'S' then (select format('%s start %s increment %s min %s max %s cycle %s', format_type(s.seqtypid, null), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcycle) from pg_sequence s where s.seqrelid = c.oid)
            else case c.relpersistence when 'u' then 'unlogged' else '' end || case when c.relkind = 'p' then ' partitioned' else '' end end as def
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r','p','f','v','m','S','c') and ${USER_NS} and ${notExtensionMember('pg_class', 'c.oid')}`,
  `select 'column ' || n.nspname || '.' || c.relname || '.' || a.attname as key,
          format_type(a.atttypid, a.atttypmod) || case when a.attnotnull then ' not null' else ' null' end
          || coalesce(' default ' || pg_get_expr(ad.adbin, ad.adrelid), '')
          || case a.attidentity when 'a' then ' identity always' when 'd' then ' identity by default' else '' end
          || case a.attgenerated::text when '' then '' else ' generated ' || a.attgenerated::text end as def
     from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
     left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
     where a.attnum > 0 and not a.attisdropped and c.relkind in ('r','p','f','v','m','c') and ${USER_NS} and ${notExtensionMember('pg_class', 'c.oid')}`,
  `select 'constraint ' || n.nspname || '.' || c.relname || '.' || k.conname as key,
          pg_get_constraintdef(k.oid) || case when k.convalidated then '' else ' (not validated)' end as def
     from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
     where ${USER_NS} and k.contype <> 'n'`,
  `select 'index ' || n.nspname || '.' || ic.relname as key,
          pg_get_indexdef(i.indexrelid) || case when i.indisvalid then '' else ' (invalid)' end as def
     from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_namespace n on n.oid = ic.relnamespace
     where ${USER_NS} and ${notExtensionMember('pg_class', 'ic.oid')}`,
  `select 'type ' || n.nspname || '.' || t.typname as key,
          case t.typtype when 'e' then 'enum (' || (select string_agg(quote_literal(e.enumlabel), ', ' order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid) || ')'
            else 'domain ' || format_type(t.typbasetype, t.typtypmod) || case when t.typnotnull then ' not null' else '' end
              || coalesce(' default ' || t.typdefault, '')
              || coalesce((select ' ' || string_agg(pg_get_constraintdef(k.oid), ' ' order by k.conname) from pg_constraint k where k.contypid = t.oid), '') end as def
     from pg_type t join pg_namespace n on n.oid = t.typnamespace
     where t.typtype in ('e', 'd') and ${USER_NS} and ${notExtensionMember('pg_type', 't.oid')}`,
  `select case p.prokind when 'p' then 'procedure ' when 'a' then 'aggregate ' else 'function ' end
            || n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' as key,
          'returns ' || format_type(p.prorettype, null) || ' language ' || l.lanname || ' ' || p.provolatile::text
            || ' security ' || case when p.prosecdef then 'definer' else 'invoker' end || ' md5 ' || md5(coalesce(p.prosrc, '')) as def
     from pg_proc p join pg_namespace n on n.oid = p.pronamespace join pg_language l on l.oid = p.prolang
     where ${USER_NS} and ${notExtensionMember('pg_proc', 'p.oid')}`,
  `select 'trigger ' || n.nspname || '.' || c.relname || '.' || t.tgname as key, pg_get_triggerdef(t.oid) as def
     from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
     where not t.tgisinternal and ${USER_NS}`,
  `select 'policy ' || n.nspname || '.' || c.relname || '.' || p.polname as key,
          p.polcmd::text || ' ' || coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ' ' || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '') as def
     from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace where ${USER_NS}`,
  `select 'extension ' || e.extname as key, e.extversion as def from pg_extension e where e.extname <> 'plpgsql'`,
];

export async function takeSnapshot(db: Queryable): Promise<Snapshot> {
  const snap: Snapshot = new Map();
  for (const sql of QUERIES) {
    const rows = await db.query<{ key: string | null; def: string | null }>(sql);
    for (const r of rows) if (r.key) snap.set(r.key, r.def ?? '');
  }
  return snap;
}

/**
 * What differs in `after` from `before`, one sentence per object, named so a reviewer can find
 * it: `index public.orders_created_at_idx still exists after rollback`. `enumValuesStay`: a
 * rollback's comparison, where values added to an enum are no difference (onlyEnumValuesAdded).
 */
export function diffSnapshots(before: Snapshot, after: Snapshot, when = 'after rollback', { enumValuesStay = false } = {}): string[] {
  const out: string[] = [];
  for (const [key, def] of after) {
    if (!before.has(key)) out.push(`${key} still exists ${when}`);
    else if (before.get(key) !== def && !onlyValidated(before.get(key)!, def) && !(enumValuesStay && onlyEnumValuesAdded(before.get(key)!, def))) out.push(`${key} differs ${when}: ${def || '(plain)'}; before the migration: ${before.get(key) || '(plain)'}`);
  }
  for (const key of before.keys()) if (!after.has(key)) out.push(`${key} is missing ${when}`);
  return out.sort();
}

const NOT_VALIDATED = ' (not validated)';

/**
 * A constraint the migration validated is the same constraint, now known to hold: VALIDATE
 * CONSTRAINT cannot be undone and needs no undoing, so a rollback that leaves it validated is
 * complete.
 */
function onlyValidated(before: string, after: string): boolean {
  // pg_get_constraintdef says NOT VALID in the definition too, until the constraint is validated.
  return before.endsWith(NOT_VALIDATED) && before.slice(0, -NOT_VALIDATED.length).replace(/ NOT VALID$/, '') === after;
}

/** `enum ('a', 'b')` -> its labels (quote_literal'd, so a doubled quote is one). */
function enumLabels(def: string): string[] | null {
  if (!def.startsWith('enum (') || !def.endsWith(')')) return null;
  return [...def.slice(6, -1).matchAll(/E?'((?:[^']|'')*)'/g)].map((m) => m[1]!);
}

/**
 * The same enum with values added: Postgres has no DROP VALUE, so a rollback cannot take them
 * away and needs not; one that leaves them (the usual, commented rollback) is complete.
 */
function onlyEnumValuesAdded(before: string, after: string): boolean {
  const was = enumLabels(before);
  const is = enumLabels(after);
  if (!was || !is || is.length <= was.length) return false;
  let i = 0;
  for (const label of is) if (label === was[i]) i++;
  return i === was.length;
}

/** The enum types that kept values added since `before` (a rollback cannot take them away). */
export function enumValuesKept(before: Snapshot, after: Snapshot): string[] {
  return [...after].filter(([key, def]) => before.has(key) && onlyEnumValuesAdded(before.get(key)!, def)).map(([key]) => key);
}
