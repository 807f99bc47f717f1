// The system catalog as a statement names it: rules that judge user data leave it out, and the
// security rule reports writes to it.

/** The system catalog tables (pg_catalog's base tables a superuser could write to). */
const SYSTEM_CATALOGS = new Set([
  'pg_aggregate', 'pg_am', 'pg_amop', 'pg_amproc', 'pg_attrdef', 'pg_attribute', 'pg_authid', 'pg_auth_members', 'pg_cast',
  'pg_class', 'pg_collation', 'pg_constraint', 'pg_conversion', 'pg_database', 'pg_db_role_setting', 'pg_default_acl',
  'pg_depend', 'pg_description', 'pg_enum', 'pg_event_trigger', 'pg_extension', 'pg_foreign_data_wrapper', 'pg_foreign_server',
  'pg_foreign_table', 'pg_index', 'pg_inherits', 'pg_init_privs', 'pg_language', 'pg_largeobject', 'pg_largeobject_metadata',
  'pg_namespace', 'pg_opclass', 'pg_operator', 'pg_opfamily', 'pg_parameter_acl', 'pg_partitioned_table', 'pg_policy', 'pg_proc',
  'pg_publication', 'pg_range', 'pg_replication_origin', 'pg_rewrite', 'pg_seclabel', 'pg_sequence', 'pg_shdepend',
  'pg_shdescription', 'pg_shseclabel', 'pg_statistic', 'pg_statistic_ext', 'pg_subscription', 'pg_tablespace', 'pg_transform',
  'pg_trigger', 'pg_ts_config', 'pg_ts_dict', 'pg_ts_parser', 'pg_ts_template', 'pg_type', 'pg_user_mapping',
]);

/** Whether a relation names a system catalog table. Unqualified, a catalog's name resolves to it: pg_catalog comes first unless a path says otherwise. */
export function isCatalogRelation(r: { schemaname?: string; relname?: string } | undefined): boolean {
  return r?.relname !== undefined && (r.schemaname === 'pg_catalog' || (r.schemaname === undefined && SYSTEM_CATALOGS.has(r.relname)));
}

/**
 * The same for a table as an operation names it (`schema.name`, `public.` when the statement
 * named no schema): kept on statements whose tree is gone. An unqualified catalog name reads as
 * `public.pg_index`, which is the catalog all the same.
 */
export function isCatalogTable(table: string): boolean {
  const dot = table.indexOf('.');
  const schema = table.slice(0, dot);
  return schema === 'pg_catalog' || (schema === 'public' && SYSTEM_CATALOGS.has(table.slice(dot + 1)));
}
