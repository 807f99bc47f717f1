import type { Node } from '@pgsql/types';
import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { funcCalls, nodeTag, stringList } from '../src/analyze/ast.js';
import { isCatalogRelation } from './_catalog.js';

// What a schema migration has no business doing, whoever runs it: these reach the server's
// programs, files, configuration, other servers or other roles' rights. They are DANGEROUS
// statically, so the gate holds with or without a dry-run (the url/local engines refuse most
// of them for the migration's unprivileged role; PGlite cannot reach the host, but production
// runs the migration with real privileges). Function bodies count too: the code runs later,
// with the caller's rights.

/** Functions that read or write the server's files, or reach another server. */
const HOST_FUNCTIONS: ReadonlyMap<string, string> = new Map([
  ['pg_read_file', "reads a file on the database server"],
  ['pg_read_binary_file', "reads a file on the database server"],
  ['pg_ls_dir', "lists a directory on the database server"],
  ['pg_stat_file', "inspects a file on the database server"],
  ['pg_file_write', "writes a file on the database server"],
  ['pg_file_rename', "renames a file on the database server"],
  ['pg_file_unlink', "deletes a file on the database server"],
  ['lo_import', "reads a server file into a large object"],
  ['lo_export', "writes a large object to a server file"],
  ['dblink', "runs SQL on another server"],
  ['dblink_exec', "runs SQL on another server"],
  ['dblink_connect', "opens a connection to another server"],
  ['dblink_connect_u', "opens a connection to another server without password checks"],
  ['dblink_send_query', "runs SQL on another server"],
]);

/** Extensions that reach outside the database: programs, files, other servers. */
const HOST_EXTENSIONS: ReadonlyMap<string, string> = new Map([
  ['adminpack', 'writes, renames and deletes files on the database server'],
  ['dblink', 'connects to other servers'],
  ['postgres_fdw', 'connects to other servers'],
  ['file_fdw', 'reads server files and program output as tables'],
  ['plpython3u', 'runs untrusted Python with the server\'s OS rights'],
  ['plpythonu', 'runs untrusted Python with the server\'s OS rights'],
  ['plpython2u', 'runs untrusted Python with the server\'s OS rights'],
  ['plperlu', 'runs untrusted Perl with the server\'s OS rights'],
  ['pltclu', 'runs untrusted Tcl with the server\'s OS rights'],
  ['pg_surgery', 'changes heap tuples directly and can corrupt data'],
]);

/** Languages whose functions run with the server's OS rights. */
const UNTRUSTED_LANGUAGES = new Set(['c', 'internal', 'plpython3u', 'plpythonu', 'plpython2u', 'plperlu', 'pltclu', 'plsh', 'plr']);

/** Predefined roles that grant server programs, files or signals. */
const HOST_ROLES: ReadonlyMap<string, string> = new Map([
  ['pg_execute_server_program', 'runs programs on the database server'],
  ['pg_read_server_files', 'reads any file the server can read'],
  ['pg_write_server_files', 'writes any file the server can write'],
  ['pg_signal_backend', 'cancels and terminates other sessions'],
]);

/**
 * Catalog functions that privileged code (maintenance jobs, the dry-run's own watchdog) calls
 * unqualified: a same-named function in a schema on the search_path can capture the call
 * (CVE-2018-1058), and an untyped argument makes an overload with `text` win.
 */
const SHADOWABLE_FUNCTIONS = new Set([
  'pg_cancel_backend', 'pg_terminate_backend', 'pg_backend_pid', 'set_config', 'current_setting', 'current_user',
  'session_user', 'pg_has_role', 'has_table_privilege', 'has_schema_privilege', 'has_database_privilege',
  'pg_get_userbyid', 'quote_ident', 'quote_literal', 'format', 'pg_sleep', 'pg_advisory_lock', 'pg_try_advisory_lock',
  'pg_advisory_unlock', 'pg_relation_size', 'pg_total_relation_size', 'pg_reload_conf', 'pg_stat_get_activity',
]);

/** Operator symbols Postgres defines on its own types: a user operator on built-in types can capture them. */
const BUILTIN_OPERATORS = new Set(['=', '<>', '!=', '<', '>', '<=', '>=', '+', '-', '*', '/', '%', '||', '~~', '!~~', '~~*', '!~~*', '~', '!~', '~*', '!~*', '&&', '@>', '<@']);
const BUILTIN_TYPES = new Set(['oid', 'int2', 'int4', 'int8', 'smallint', 'integer', 'int', 'bigint', 'text', 'varchar', 'name', 'bool', 'boolean',
  'numeric', 'float4', 'float8', 'real', 'regclass', 'regproc', 'regtype', 'char', 'bpchar', 'bytea', 'timestamp', 'timestamptz', 'date', 'uuid', 'json', 'jsonb', 'anyelement', 'anyarray']);

function typeBaseName(arg: Node | undefined): string | undefined {
  const names = stringList((nodeTag(arg)?.[1] as { names?: Node[] } | undefined)?.names);
  return names[names.length - 1];
}

function shadowing(tag: string, v: Record<string, unknown>): string | undefined {
  if (tag === 'CreateFunctionStmt') {
    const names = stringList(v.funcname as Node[]);
    const name = names[names.length - 1]?.toLowerCase();
    if (name && names[0] !== 'pg_catalog' && SHADOWABLE_FUNCTIONS.has(name)) {
      return `CREATE FUNCTION ${names.join('.')} shadows the built-in pg_catalog.${name}: code that calls it unqualified with this schema on its search_path runs this function instead, with its caller's rights`;
    }
  }
  if (tag === 'DefineStmt' && v.kind === 'OBJECT_OPERATOR') {
    const names = stringList(v.defnames as Node[]);
    const symbol = names[names.length - 1];
    const args = ((v.definition as Node[] | undefined) ?? [])
      .map((n) => nodeTag(n)?.[1] as { defname?: string; arg?: Node } | undefined)
      .filter((d) => d?.defname === 'leftarg' || d?.defname === 'rightarg')
      .map((d) => typeBaseName(d!.arg));
    if (symbol && names[0] !== 'pg_catalog' && BUILTIN_OPERATORS.has(symbol) && args.length > 0 && args.every((a) => a !== undefined && BUILTIN_TYPES.has(a))) {
      return `CREATE OPERATOR ${names.join('.')} (${args.join(', ')}) redefines a built-in operator on built-in types: an exact type match outranks pg_catalog's operator wherever the schema is on the search_path, so other code's comparisons run this function`;
    }
  }
  return undefined;
}

/** Role attributes that bypass the database's own protections. */
const POWER_ATTRIBUTES: ReadonlyMap<string, string> = new Map([
  ['superuser', 'SUPERUSER bypasses every permission check'],
  ['bypassrls', 'BYPASSRLS ignores every row-level security policy'],
  ['isreplication', 'REPLICATION can stream the whole cluster\'s data'],
  ['replication', 'REPLICATION can stream the whole cluster\'s data'],
]);

const CATALOG_FIRST = 'puts pg_catalog first in the search_path: what the migration then creates without a schema goes into the system catalog';

/** The first schema a SET search_path names (its arguments are string constants). */
function firstPathEntry(args: Node[] | undefined): string | undefined {
  const first = (nodeTag(args?.[0])?.[1] as { sval?: { sval?: string } } | undefined)?.sval?.sval;
  return first?.split(',')[0]?.trim().replace(/^"|"$/g, '').toLowerCase();
}

function isTrue(arg: Node | undefined): boolean {
  const t = nodeTag(arg);
  if (!t) return true;
  if (t[0] === 'Boolean') return (t[1] as { boolval?: boolean }).boolval === true;
  if (t[0] === 'Integer') return (t[1] as { ival?: number }).ival !== 0;
  return true;
}

/** Every function call in the tree: the last part of its name, its string-constant arguments. */
function calledFunctions(ast: Node): Array<{ name: string; args: Array<string | undefined> }> {
  const calls: Array<{ name: string; args: Array<string | undefined> }> = [];
  for (const call of funcCalls(ast)) {
    const name = stringList(call.funcname).at(-1);
    const args = (call.args ?? []).map((a) => (nodeTag(a)?.[1] as { sval?: { sval?: string } } | undefined)?.sval?.sval);
    if (name) calls.push({ name: name.toLowerCase(), args });
  }
  return calls;
}

/** pg_catalog as the schema of a name list: objects of the system catalog itself. */
function inPgCatalog(names: string[]): boolean {
  return names.length > 1 && names[names.length - 2] === 'pg_catalog';
}

function catalogTarget(tag: string, v: Record<string, unknown>): string | undefined {
  const rel = v.relation as { schemaname?: string; relname?: string } | undefined;
  if (['UpdateStmt', 'DeleteStmt', 'InsertStmt', 'AlterTableStmt'].includes(tag) && isCatalogRelation(rel)) {
    return `pg_catalog.${rel!.relname}`;
  }
  if (tag === 'TruncateStmt') {
    const hit = ((v.relations as Node[] | undefined) ?? []).map((n) => nodeTag(n)?.[1] as { schemaname?: string; relname?: string }).find(isCatalogRelation);
    if (hit) return `pg_catalog.${hit.relname}`;
  }
  if (tag === 'CreateFunctionStmt' && inPgCatalog(stringList(v.funcname as Node[]))) return stringList(v.funcname as Node[]).join('.');
  if (tag === 'DefineStmt' && inPgCatalog(stringList(v.defnames as Node[]))) return stringList(v.defnames as Node[]).join('.');
  const obj = v.object as Node | undefined;
  const owa = nodeTag(obj);
  if (['RenameStmt', 'AlterOwnerStmt', 'AlterObjectSchemaStmt', 'AlterFunctionStmt'].includes(tag)) {
    const names = owa?.[0] === 'ObjectWithArgs' ? stringList((owa[1] as { objname?: Node[] }).objname)
      : owa?.[0] === 'List' ? stringList((owa[1] as { items?: Node[] }).items) : [];
    const func = (v.func as { objname?: Node[] } | undefined)?.objname;
    const all = names.length ? names : stringList(func);
    if (inPgCatalog(all)) return all.join('.');
    if (rel?.schemaname === 'pg_catalog') return `pg_catalog.${rel.relname}`;
  }
  return undefined;
}

/**
 * Text that can hold a call calledFunctions would report: one of the names itself (unquoted in
 * any case, or quoted), or a U&"..." identifier, which can spell a name with escapes. Walking
 * every node of every statement for calls was a tenth of the analysis of a large file.
 */
const MAY_CALL_REPORTED = new RegExp(`${[...HOST_FUNCTIONS.keys(), 'set_config'].join('|')}|u&`, 'i');

const REPLICA_ROLE = 'SET session_replication_role = replica turns off every ordinary trigger for the rest of the session, the ones that check foreign keys among them: rows the migration writes skip those checks and the triggers\' work (audit, denormalised copies), and nothing re-checks them later';

/** What a SET (or the SET of ALTER ROLE/DATABASE/FUNCTION … SET) does that a migration has no business doing. */
function settingFindings(v: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (v.kind !== 'VAR_RESET' && v.kind !== 'VAR_RESET_ALL' && (v.name === 'role' || v.name === 'session_authorization')) {
    out.push(`SET ${v.name === 'role' ? 'ROLE' : 'SESSION AUTHORIZATION'} runs the rest of the migration as another role, with that role's rights`);
  }
  if (v.kind === 'VAR_RESET' && v.name === 'session_authorization') {
    out.push('RESET SESSION AUTHORIZATION switches back to the role that opened the session, whatever role the migration was meant to run as');
  }
  if (v.name === 'search_path' && firstPathEntry(v.args as Node[] | undefined) === 'pg_catalog') {
    out.push(CATALOG_FIRST);
  }
  if (v.name === 'session_replication_role' && v.kind === 'VAR_SET_VALUE' && firstPathEntry(v.args as Node[] | undefined) === 'replica') {
    out.push(REPLICA_ROLE);
  }
  return out;
}

/** A function's `SET name = value` clause: in force whenever the function runs. */
function functionSetting(arg: Node | undefined): string[] {
  const set = nodeTag(arg);
  if (set?.[0] !== 'VariableSetStmt') return [];
  return settingFindings(set[1] as Record<string, unknown>).map((why) => `the function's SET clause applies this whenever it runs: ${why}`);
}

function findings(ast: Node, text: string): string[] {
  const t = nodeTag(ast);
  if (!t) return [];
  const [tag, v] = t;
  const out: string[] = [];
  switch (tag) {
    case 'AlterSystemStmt':
      out.push('ALTER SYSTEM rewrites the server\'s configuration file (postgresql.auto.conf) for every database on the server');
      break;
    case 'CreateRoleStmt':
    case 'AlterRoleStmt':
      for (const o of (v.options as Node[] | undefined) ?? []) {
        const d = nodeTag(o)?.[1] as { defname?: string; arg?: Node } | undefined;
        const why = d?.defname ? POWER_ATTRIBUTES.get(d.defname) : undefined;
        if (why && isTrue(d!.arg)) out.push(`${tag === 'CreateRoleStmt' ? 'CREATE' : 'ALTER'} ROLE grants a power attribute: ${why}`);
      }
      break;
    case 'GrantRoleStmt':
      if (v.is_grant === true) {
        for (const g of (v.granted_roles as Node[] | undefined) ?? []) {
          const name = (nodeTag(g)?.[1] as { priv_name?: string } | undefined)?.priv_name;
          const why = name ? HOST_ROLES.get(name) : undefined;
          if (why) out.push(`GRANT ${name} gives a role that ${why}`);
        }
      }
      break;
    case 'VariableSetStmt':
      out.push(...settingFindings(v));
      break;
    case 'AlterRoleSetStmt':
    case 'AlterDatabaseSetStmt': {
      // A default for every later session of the role or database: the same setting, for good.
      const set = v.setstmt as Record<string, unknown> | undefined;
      const who = tag === 'AlterRoleSetStmt' ? 'ALTER ROLE … SET' : 'ALTER DATABASE … SET';
      if (set) for (const why of settingFindings(set)) out.push(`${who} makes this the default of every later session: ${why}`);
      break;
    }
    case 'ReassignOwnedStmt': {
      const to = v.newrole as { rolename?: string; roletype?: string } | undefined;
      const name = to?.rolename ?? to?.roletype?.replace(/^ROLESPEC_/, '').toLowerCase() ?? 'another role';
      out.push(`REASSIGN OWNED hands every object the named roles own in this database (and their databases and tablespaces) to ${name}, which may then alter, drop or grant them`);
      break;
    }
    case 'AlterTableStmt':
      for (const c of (v.cmds as Node[] | undefined) ?? []) {
        if ((nodeTag(c)?.[1] as { subtype?: string } | undefined)?.subtype === 'AT_DisableTrigAll') {
          out.push('ALTER TABLE … DISABLE TRIGGER ALL turns off the table\'s system triggers too, the ones that check its foreign keys: rows written until it is enabled again skip them, and nothing re-checks them later');
        }
      }
      break;
    case 'CopyStmt':
      if (v.is_program === true) out.push(`COPY … ${v.is_from ? 'FROM' : 'TO'} PROGRAM runs a shell command on the database server`);
      else if (typeof v.filename === 'string') out.push(`COPY … ${v.is_from ? 'FROM' : 'TO'} '${v.filename}' ${v.is_from ? 'reads' : 'writes'} a file on the database server`);
      break;
    case 'CreateExtensionStmt': {
      const name = String(v.extname ?? '').toLowerCase();
      const why = HOST_EXTENSIONS.get(name);
      if (why) out.push(`CREATE EXTENSION ${name}: an untrusted extension that ${why}`);
      break;
    }
    case 'CreatePLangStmt': {
      const name = String(v.plname ?? '').toLowerCase();
      if (UNTRUSTED_LANGUAGES.has(name) || v.pltrusted !== true) out.push(`CREATE LANGUAGE ${name}: functions in an untrusted language run with the server's OS rights`);
      break;
    }
    case 'CreateFunctionStmt': {
      for (const o of (v.options as Node[] | undefined) ?? []) {
        const d = nodeTag(o)?.[1] as { defname?: string; arg?: Node } | undefined;
        if (d?.defname === 'set') out.push(...functionSetting(d.arg));
        if (d?.defname !== 'language') continue;
        const lang = (nodeTag(d.arg)?.[1] as { sval?: string } | undefined)?.sval?.toLowerCase();
        if (lang && UNTRUSTED_LANGUAGES.has(lang)) out.push(`a function in language ${lang} runs with the server's OS rights (or loads native code)`);
      }
      break;
    }
    case 'AlterFunctionStmt':
      for (const o of (v.actions as Node[] | undefined) ?? []) {
        const d = nodeTag(o)?.[1] as { defname?: string; arg?: Node } | undefined;
        if (d?.defname === 'set') out.push(...functionSetting(d.arg));
      }
      break;
    case 'CreateForeignServerStmt':
      out.push(`CREATE SERVER … FOREIGN DATA WRAPPER ${String(v.fdwname ?? '')} connects this database to another server`);
      break;
    case 'CreateUserMappingStmt':
      out.push('CREATE USER MAPPING stores credentials for another server');
      break;
  }
  const shadow = shadowing(tag, v);
  if (shadow) out.push(shadow);
  const target = catalogTarget(tag, v);
  if (target) out.push(`changes the system catalog object ${target}: every session on the database (and every tool that inspects it) trusts the catalog`);
  const seen = new Set<string>();
  for (const { name, args } of MAY_CALL_REPORTED.test(text) ? calledFunctions(ast) : []) {
    const firstArg = args[0]?.toLowerCase();
    const why = HOST_FUNCTIONS.get(name)
      ?? (name === 'set_config' && (firstArg === 'role' || firstArg === 'session_authorization') ? `switches to another role ('${firstArg}'), with that role's rights` : undefined)
      ?? (name === 'set_config' && firstArg === 'search_path' && /^\s*"?pg_catalog"?\s*(,|$)/i.test(args[1] ?? '') ? CATALOG_FIRST.replace('puts', 'which puts') : undefined)
      ?? (name === 'set_config' && firstArg === 'session_replication_role' && args[1]?.trim().toLowerCase() === 'replica' ? REPLICA_ROLE.replace(/^SET session_replication_role = replica/, 'sets session_replication_role to replica, which') : undefined);
    if (why && !seen.has(name)) {
      seen.add(name);
      out.push(`calls ${name}(), which ${why}`);
    }
  }
  return out;
}

export const rule: Rule = {
  id: 'security-sensitive-sql',
  risk: 'DANGEROUS',
  title: 'The migration reaches outside the database: programs, server files, server settings, other servers or roles\' powers',
  docs: {
    why:
      'A schema migration changes tables, columns, indexes and the data in them. Running programs on the database server (COPY … PROGRAM, untrusted languages such as plpython3u or C), reading or writing its files (pg_read_file, lo_import, COPY to or from a server file, adminpack), changing the server\'s configuration (ALTER SYSTEM), connecting to other servers (dblink, postgres_fdw), handing out SUPERUSER, BYPASSRLS or REPLICATION, switching roles (SET ROLE, SET SESSION AUTHORIZATION), handing every object of a role to another (REASSIGN OWNED), granting the predefined roles that do any of that, turning off the triggers that enforce foreign keys (SET session_replication_role = replica, DISABLE TRIGGER ALL), also as the default of a role, database or function (ALTER ROLE/DATABASE … SET, a function\'s SET clause), or changing the system catalog itself is not schema work, and in a pull request it may be an attack: production runs migrations with real privileges. migration-guard reports these statically, so the gate holds with or without a dry-run, also when they sit in a DO block or a function body (a function runs later, with its caller\'s rights).',
    lock: 'Not a locking problem: the risk is what the statement can do to the server.',
    instead:
      'Do server administration (roles, configuration, extensions that reach the host, foreign servers) as a reviewed operations change outside application migrations, by someone who holds those rights. Load data with COPY … FROM STDIN from the deploy tooling. If this really belongs in the migration, have it approved with /approve-migration.',
    bad: "ALTER SYSTEM SET shared_preload_libraries = 'evil';",
    good: 'CREATE EXTENSION IF NOT EXISTS pgcrypto; -- a trusted extension',
  },
  functionBodies: true,
  check({ statement }): RuleHit[] {
    const inBody = statement.nestedIn?.kind === 'function-body' ? ' (in a function body: it runs when the function is called, with the caller\'s rights)' : '';
    return findings(statement.ast, statement.text).map((message) => ({ message: message.charAt(0).toUpperCase() + message.slice(1) + inBody }));
  },
};

export default rule;
