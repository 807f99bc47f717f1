// Reads a column's ColumnShape from the catalogs: what an online type change has to carry over
// to the new column, and what ties the column down so that no online swap can.
import type { ColumnShape } from '../core/column-shape.js';
import type { Queryable } from './snapshot.js';

const COLUMN = `
  select a.attnum::int as attnum, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as notnull, pg_get_expr(d.adbin, d.adrelid) as def,
         a.attidentity::text as identity, a.attgenerated::text as generated, c.relkind::text as relkind,
         exists (select 1 from pg_inherits h where h.inhparent = c.oid) as has_children,
         (select s.oid::regclass::text from pg_depend dep join pg_class s on s.oid = dep.objid and s.relkind = 'S'
           where dep.classid = 'pg_class'::regclass and dep.refobjid = c.oid and dep.refobjsubid = a.attnum and dep.deptype = 'a' limit 1) as owned_sequence
    from pg_attribute a join pg_class c on c.oid = a.attrelid
    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
   where a.attrelid = to_regclass($1::text) and a.attname = $2::text and not a.attisdropped`;

const INDEXES = `
  select ic.relname as name, pg_get_indexdef(i.indexrelid) as def, k.conname, k.contype::text as contype,
         coalesce(k.condeferrable, false) as deferrable, coalesce(k.condeferred, false) as deferred
    from pg_index i join pg_class ic on ic.oid = i.indexrelid
    left join pg_constraint k on k.conindid = i.indexrelid and k.conrelid = i.indrelid and k.contype in ('p', 'u', 'x')
   where i.indrelid = to_regclass($1::text)
     and ($2::int2 = any (i.indkey::int2[])
          or exists (select 1 from pg_depend dep where dep.classid = 'pg_class'::regclass and dep.objid = i.indexrelid
                       and dep.refclassid = 'pg_class'::regclass and dep.refobjid = i.indrelid and dep.refobjsubid = $2::int))
   order by ic.relname`;

const CONSTRAINTS = `
  select k.conname as name, pg_get_constraintdef(k.oid) as def, k.convalidated as validated
    from pg_constraint k
   where k.conrelid = to_regclass($1::text) and k.contype in ('c', 'f') and $2::int2 = any (k.conkey)
   order by k.conname`;

/** Objects that use the column and that no copy onto a new column can follow. */
const BLOCKERS = `
  select 'foreign key ' || quote_ident(k.conname) || ' of ' || k.conrelid::regclass::text || ' references it' as why
    from pg_constraint k where k.contype = 'f' and k.confrelid = to_regclass($1::text) and $2::int2 = any (k.confkey)
  union all
  select case dep.classid
           when 'pg_rewrite'::regclass then (select 'view ' || r.ev_class::regclass::text || ' uses it' from pg_rewrite r where r.oid = dep.objid)
           when 'pg_trigger'::regclass then (select 'trigger ' || quote_ident(t.tgname) || ' reads it' from pg_trigger t where t.oid = dep.objid and not t.tgisinternal)
           when 'pg_policy'::regclass then (select 'policy ' || quote_ident(p.polname) || ' reads it' from pg_policy p where p.oid = dep.objid)
           when 'pg_attrdef'::regclass then (select 'generated column ' || quote_ident(a.attname) || ' is computed from it'
                                               from pg_attrdef ad join pg_attribute a on a.attrelid = ad.adrelid and a.attnum = ad.adnum
                                              where ad.oid = dep.objid and ad.adnum <> $2::int2 and a.attgenerated <> '')
           when 'pg_statistic_ext'::regclass then (select 'statistics object ' || quote_ident(s.stxname) || ' reads it' from pg_statistic_ext s where s.oid = dep.objid)
         end
    from pg_depend dep
   where dep.refclassid = 'pg_class'::regclass and dep.refobjid = to_regclass($1::text) and dep.refobjsubid = $2::int
     and dep.classid in ('pg_rewrite'::regclass, 'pg_trigger'::regclass, 'pg_policy'::regclass, 'pg_attrdef'::regclass, 'pg_statistic_ext'::regclass)`;

/** The shape of `relation.column` (relation as SQL, e.g. `public."Orders"`), or undefined when there is no such column. */
export async function readColumnShape(db: Queryable, relation: string, column: string): Promise<ColumnShape | undefined> {
  const [col] = await db.query<{ attnum: number; type: string; notnull: boolean; def: string | null; identity: string; generated: string; relkind: string; has_children: boolean; owned_sequence: string | null }>(COLUMN, [relation, column]);
  if (!col) return undefined;
  const params = [relation, col.attnum];
  const indexes = await db.query<{ name: string; def: string; conname: string | null; contype: string | null; deferrable: boolean; deferred: boolean }>(INDEXES, params);
  const constraints = await db.query<{ name: string; def: string; validated: boolean }>(CONSTRAINTS, params);
  const blockers = (await db.query<{ why: string | null }>(BLOCKERS, params)).map((r) => r.why).filter((w): w is string => !!w);
  if (col.identity) blockers.push('it is an identity column');
  if (col.generated) blockers.push('it is a generated column');
  if (col.relkind === 'p') blockers.push('the table is partitioned');
  if (col.has_children) blockers.push('the table has inheritance children');
  for (const i of indexes) if (i.contype === 'x') blockers.push(`exclusion constraint ${i.conname} reads it (an EXCLUDE constraint cannot be attached USING INDEX)`);
  const shape: ColumnShape = {
    type: col.type,
    notNull: col.notnull,
    indexes: indexes.filter((i) => i.contype !== 'x').map((i) => ({
      name: i.name,
      definition: i.def,
      ...(i.conname && (i.contype === 'p' || i.contype === 'u')
        ? { constraint: { name: i.conname, kind: i.contype === 'p' ? 'primary-key' as const : 'unique' as const, deferrable: i.deferrable, deferred: i.deferred } }
        : {}),
    })),
    constraints: constraints.map((c) => ({ name: c.name, definition: c.def, validated: c.validated })),
    blockers: [...new Set(blockers)],
  };
  if (col.def !== null) shape.default = col.def;
  if (col.owned_sequence) shape.ownedSequence = col.owned_sequence;
  return shape;
}
