import type { Node } from '@pgsql/types';
import { funcCalls, nodeTag, stringList } from '../src/analyze/ast.js';
import type { Rule, RuleHit } from '../src/analyze/rule.js';
import type { SchemaFacts } from '../src/analyze/state.js';
import { BUILTIN, EXTENSION_FUNCTIONS } from './_builtin-functions.js';

// A routine the migrations created is judged as running where a migration calls it (its
// statements are replayed there). One no migration created has a body nobody here has seen:
// `CALL wipe_everything();` or `SELECT wipe_everything();` passed as SAFE. Procedures are never
// built in, so a CALL of one the history does not know runs code the review cannot read. A
// function called in a statement that runs now (SELECT, INSERT, UPDATE, DELETE, MERGE, CREATE
// TABLE AS) is the same when it is neither pg_catalog's (rules/_builtin-functions.ts, generated
// from a server) nor an extension's.

/** Functions of extensions the generating server did not have, common in migrations (PostGIS, pgvector, TimescaleDB, pg_partman, pg_cron...). */
const OTHER_EXTENSIONS = /^(?:_?st_|postgis_|pgis_|addgeometrycolumn$|dropgeometry|updategeometrysrid$|find_srid$|populate_geometry_columns$|geometry|geography|box[23]d|l2_distance$|cosine_distance$|inner_product$|l1_distance$|vector_|halfvec|sparsevec|subvector$|time_bucket|create_hypertable$|create_distributed_hypertable$|add_\w+_policy$|remove_\w+_policy$|set_chunk_time_interval$|show_chunks$|drop_chunks$|compress_chunk$|decompress_chunk$|set_integer_now_func$|create_parent$|run_maintenance|schedule$|unschedule$|uuid_generate_v[1-7]|uuid_nil$|gen_random_uuid$|uuidv[47]$|ulid|nanoid|pgmq_|graphql|jsonb_schema_is_valid$|json_matches_schema$)/;

/** Functions a hosting platform creates in its own schemas (Supabase's auth, storage and vault), by schema. */
const PLATFORM: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['auth', new Set(['uid', 'role', 'jwt', 'email'])],
  ['storage', new Set(['foldername', 'filename', 'extension', 'search', 'get_size_by_bucket'])],
  ['vault', new Set(['create_secret', 'update_secret'])],
]);

/** Every extension's function names, in one set. */
const ANY_EXTENSION_FUNCTION: ReadonlySet<string> = new Set([...EXTENSION_FUNCTIONS.values()].flatMap((names) => [...names]));

/**
 * Whether no function name can be told unknown here: routines a routine creates with EXECUTE, or
 * an extension the generating server did not have, make names this review cannot list.
 */
function namesUnknowable(facts: SchemaFacts): boolean {
  if (facts.routinesMadeDynamically) return true;
  for (const ext of facts.extensions ?? []) if (!EXTENSION_FUNCTIONS.has(ext) && ext !== 'plpgsql') return true;
  return false;
}

/** Names of routines the database has without the reviewed history creating them. */
function known(name: string, schema: string | undefined, facts: SchemaFacts): boolean {
  return (schema !== undefined && PLATFORM.get(schema)?.has(name)) || facts.functionVolatility.has(name) || !!facts.aggregates?.has(name) || BUILTIN.has(name) || OTHER_EXTENSIONS.test(name) || ANY_EXTENSION_FUNCTION.has(name);
}

/** Every function call in the tree, as written, that no known routine answers (the first of each name). */
function unknownCalls(ast: Node, facts: SchemaFacts): string[] {
  const found = new Map<string, string>();
  for (const call of funcCalls(ast)) {
    const parts = stringList(call.funcname);
    const name = parts.at(-1)?.toLowerCase();
    const schema = parts.length > 1 ? parts.at(-2)?.toLowerCase() : undefined;
    if (name && schema !== 'pg_catalog' && schema !== 'information_schema' && !known(name, schema, facts) && !found.has(name)) found.set(name, parts.join('.'));
  }
  return [...found.values()];
}

export const rule: Rule = {
  id: 'unreviewed-routine-call',
  risk: 'CAUTION',
  title: 'A call of a routine no migration here creates and the database does not have built in',
  docs: {
    why: 'When a migration runs a routine that a migration created, its statements are judged as running there (a DROP TABLE in the body is a DROP TABLE at the CALL). A procedure, or a function called by a statement that runs now (SELECT, INSERT, UPDATE, DELETE, MERGE, CREATE TABLE AS), that no migration in the repository creates (in any migration folder, before or after this one: its body is there to review) and that is neither built in nor an extension\'s (made by hand, or by code outside the migrations) has a body the review never saw, so whatever it does, dropping or rewriting tables included, passes unseen. Built-in names are those of pg_catalog on PostgreSQL 15 and 18 (PGlite), and the functions of the extensions a stock server ships (uuid-ossp, pgcrypto, pg_trgm, hstore...), listed in rules/_builtin-functions.ts; a migration history that creates another extension (PostGIS, say) turns the check off for functions, since its functions are unknown here, and so does a routine of the history that creates routines with EXECUTE (their names are built when it runs).',
    instead: 'Create (or replace) the routine in a migration, so its body is reviewed, or write its statements in the migration itself.',
    bad: 'CALL archive_old_orders();\nSELECT purge_soft_deleted();',
    good: "CREATE OR REPLACE PROCEDURE archive_old_orders() LANGUAGE sql AS $$ DELETE FROM orders WHERE created_at < now() - interval '5 years' $$;\nCALL archive_old_orders();",
  },
  statements: ['CallStmt', 'SelectStmt', 'InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt', 'CreateTableAsStmt'],
  check({ statement, state }): RuleHit[] {
    const [tag, v] = nodeTag(statement.ast) ?? ['', {}];
    if (tag === 'CallStmt') {
      const parts = stringList((v as { funccall?: { funcname?: Node[] } }).funccall?.funcname);
      const name = parts.at(-1)?.toLowerCase();
      if (!name || state.facts.functionVolatility.has(name) || state.repositoryRoutines?.has(name)) return [];
      return [{ message: `CALL ${parts.join('.')}() runs a procedure that no migration here creates: its body was not reviewed, and what it does runs now` }];
    }
    // A function body's statements run when it is called, and are replayed there when a migration calls it.
    if (statement.nestedIn?.kind === 'function-body' || namesUnknowable(state.facts)) return [];
    return unknownCalls(statement.ast, state.facts).filter((name) => !state.repositoryRoutines?.has(name.split('.').at(-1)!.toLowerCase())).map((name) => ({
      message: `${name}() is called here, but no migration here creates it and it is not a built-in or extension function: its body was not reviewed, and what it does runs now`,
    }));
  },
};

export default rule;
