// Which statements PostgreSQL refuses inside a transaction block: the one answer the dry-run,
// the plan, the verifier and the rules share. The list is PostgreSQL's own, read from its
// source (every caller of PreventInTransactionBlock in PostgreSQL 18, plus the releases before
// that refused more) and checked on PostgreSQL 15 and PGlite (test/analyze/transaction-block.test.ts
// runs each statement inside BEGIN on both). A DO block that commits is refused for another
// reason ("invalid transaction termination") but the same way: only outside a transaction block.
// Flyway keeps a list of its own, which differs on purpose (discover/layouts/flyway.ts).
import type {
  AlterEnumStmt, AlterSubscriptionStmt, ClusterStmt, CreateSubscriptionStmt, DefElem, DiscardStmt,
  DropStmt, IndexStmt, Node, RangeVar, ReindexStmt, TransactionStmt, VacuumStmt,
} from '@pgsql/types';
import { alterDetachesConcurrently, as, firstKey, optionOn, relationName } from './ast.js';

export interface TransactionBlockRefusal {
  /** The command as PostgreSQL names it: "<command> cannot run inside a transaction block". */
  command: string;
  /**
   * PostgreSQL refuses it only when this table or index is partitioned: REINDEX TABLE or INDEX
   * (14+), CLUSTER (15+). The statement does not show it; the caller knows the schema or asks
   * the database.
   */
  ifPartitioned?: PartitionedName;
  /** What, not visible in the statement, lets PostgreSQL run it in a block after all (in words). */
  unless?: string;
  /** PostgreSQL's error when it is not "cannot run inside a transaction block". */
  error?: string;
}

export interface PartitionedName {
  /** Schema-qualified, `public` when the statement names no schema (AnalysisState's spelling). */
  qualified: string;
  /** As written. */
  schema?: string;
  name: string;
}

const NO_SLOT = 'the subscription has no replication slot (slot_name = NONE)';

/** Whether PostgreSQL `pgVersion` (major) refuses `ast` inside a transaction block, and as what. */
export function transactionBlockRefusal(ast: Node, pgVersion: number): TransactionBlockRefusal | undefined {
  const tag = firstKey(ast);
  switch (tag) {
    case 'CreatedbStmt': return { command: 'CREATE DATABASE' };
    case 'DropdbStmt': return { command: 'DROP DATABASE' };
    case 'AlterDatabaseStmt': {
      const options = (as<{ options?: Node[] }>(ast, tag)?.options ?? []).map((o) => as<DefElem>(o, 'DefElem')?.defname);
      return options.includes('tablespace') ? { command: 'ALTER DATABASE SET TABLESPACE' } : undefined;
    }
    case 'CreateTableSpaceStmt': return { command: 'CREATE TABLESPACE' };
    case 'DropTableSpaceStmt': return { command: 'DROP TABLESPACE' };
    case 'AlterSystemStmt': return { command: 'ALTER SYSTEM' };
    case 'IndexStmt': return as<IndexStmt>(ast, tag)?.concurrent ? { command: 'CREATE INDEX CONCURRENTLY' } : undefined;
    case 'DropStmt': {
      const v = as<DropStmt>(ast, tag)!;
      // CONCURRENTLY is accepted by the grammar for indexes only.
      return v.concurrent ? { command: 'DROP INDEX CONCURRENTLY' } : undefined;
    }
    case 'ReindexStmt': return reindex(as<ReindexStmt>(ast, tag)!, pgVersion);
    // VACUUM ANALYZE too; ANALYZE alone runs anywhere.
    case 'VacuumStmt': return as<VacuumStmt>(ast, tag)?.is_vacuumcmd ? { command: 'VACUUM' } : undefined;
    case 'ClusterStmt': {
      const v = as<ClusterStmt>(ast, tag)!;
      // Without a table it reclusters every table, each in a transaction of its own.
      if (!v.relation) return { command: 'CLUSTER' };
      return pgVersion >= 15 ? { command: 'CLUSTER', ifPartitioned: partitionedName(v.relation) } : undefined;
    }
    case 'AlterTableStmt': return alterDetachesConcurrently(ast) ? { command: 'ALTER TABLE ... DETACH CONCURRENTLY' } : undefined;
    case 'DiscardStmt': return as<DiscardStmt>(ast, tag)?.target === 'DISCARD_ALL' ? { command: 'DISCARD ALL' } : undefined;
    case 'TransactionStmt': {
      const kind = as<TransactionStmt>(ast, tag)?.kind;
      if (kind === 'TRANS_STMT_COMMIT_PREPARED') return { command: 'COMMIT PREPARED' };
      if (kind === 'TRANS_STMT_ROLLBACK_PREPARED') return { command: 'ROLLBACK PREPARED' };
      return undefined;
    }
    case 'CreateSubscriptionStmt': {
      const options = as<CreateSubscriptionStmt>(ast, tag)?.options;
      // connect = false turns create_slot's default off.
      const createSlot = hasOption(options, 'create_slot') ? optionOn(options, 'create_slot') : !hasOption(options, 'connect') || optionOn(options, 'connect');
      return createSlot ? { command: 'CREATE SUBSCRIPTION ... WITH (create_slot = true)' } : undefined;
    }
    case 'AlterSubscriptionStmt': return alterSubscription(as<AlterSubscriptionStmt>(ast, tag)!, pgVersion);
    case 'DropSubscriptionStmt': return { command: 'DROP SUBSCRIPTION', unless: NO_SLOT };
    case 'AlterEnumStmt': {
      const v = as<AlterEnumStmt>(ast, tag)!;
      // ADD VALUE (no old value: RENAME VALUE has one). Allowed in a block since PostgreSQL 12.
      if (v.newVal === undefined || v.oldVal !== undefined || pgVersion >= 12) return undefined;
      return { command: 'ALTER TYPE ... ADD', unless: 'the type was created in the same transaction' };
    }
    case 'DoStmt':
      return doBlockCommits(ast) ? { command: 'a DO block that commits', error: 'invalid transaction termination' } : undefined;
    default:
      return undefined;
  }
}

/**
 * Whether PostgreSQL refuses `ast` inside a transaction block. `isPartitioned` answers for the
 * table or index of a REINDEX or CLUSTER (unknown counts as not partitioned: then PostgreSQL
 * runs it); a refusal PostgreSQL lifts on a condition the statement does not show (`unless`)
 * counts, since it holds in the usual case.
 */
export function refusedInTransactionBlock(ast: Node, pgVersion: number, isPartitioned?: (name: PartitionedName) => boolean): boolean {
  const r = transactionBlockRefusal(ast, pgVersion);
  if (!r) return false;
  return r.ifPartitioned === undefined || (isPartitioned?.(r.ifPartitioned) ?? false);
}

function reindex(v: ReindexStmt, pgVersion: number): TransactionBlockRefusal | undefined {
  if (optionOn(v.params, 'concurrently')) return { command: 'REINDEX CONCURRENTLY' };
  switch (v.kind) {
    case 'REINDEX_OBJECT_SCHEMA': return { command: 'REINDEX SCHEMA' };
    case 'REINDEX_OBJECT_SYSTEM': return { command: 'REINDEX SYSTEM' };
    case 'REINDEX_OBJECT_DATABASE': return { command: 'REINDEX DATABASE' };
    case 'REINDEX_OBJECT_TABLE':
    case 'REINDEX_OBJECT_INDEX': {
      // A partitioned one is reindexed partition by partition, each in a transaction of its own.
      if (pgVersion < 14 || !v.relation?.relname) return undefined;
      return { command: v.kind === 'REINDEX_OBJECT_TABLE' ? 'REINDEX TABLE' : 'REINDEX INDEX', ifPartitioned: partitionedName(v.relation) };
    }
    default:
      return undefined;
  }
}

function partitionedName(rel: RangeVar): PartitionedName {
  return { qualified: relationName(rel) ?? '', ...(rel.schemaname ? { schema: rel.schemaname } : {}), name: rel.relname ?? '' };
}

function alterSubscription(v: AlterSubscriptionStmt, pgVersion: number): TransactionBlockRefusal | undefined {
  switch (v.kind) {
    case 'ALTER_SUBSCRIPTION_REFRESH':
      return { command: 'ALTER SUBSCRIPTION ... REFRESH' };
    case 'ALTER_SUBSCRIPTION_SET_PUBLICATION':
    case 'ALTER_SUBSCRIPTION_ADD_PUBLICATION':
    case 'ALTER_SUBSCRIPTION_DROP_PUBLICATION':
      // refresh is on unless the statement turns it off.
      return !hasOption(v.options, 'refresh') || optionOn(v.options, 'refresh') ? { command: 'ALTER SUBSCRIPTION with refresh' } : undefined;
    case 'ALTER_SUBSCRIPTION_OPTIONS':
      // Options that change the slot on the publisher, which no rollback undoes.
      if (pgVersion >= 17 && hasOption(v.options, 'failover')) return { command: 'ALTER SUBSCRIPTION ... SET (failover)', unless: NO_SLOT };
      if (pgVersion >= 18 && hasOption(v.options, 'two_phase') && !optionOn(v.options, 'two_phase')) return { command: 'ALTER SUBSCRIPTION ... SET (two_phase)', unless: NO_SLOT };
      return undefined;
    default:
      return undefined;
  }
}

function hasOption(options: Node[] | undefined, name: string): boolean {
  return (options ?? []).some((o) => as<DefElem>(o, 'DefElem')?.defname === name);
}

/**
 * A DO block whose body runs COMMIT or ROLLBACK (a batched backfill): PL/pgSQL allows that only
 * outside a transaction block. Read from the body's text with comments, strings and quoted
 * names taken out, at a place a PL/pgSQL statement starts; a COMMIT in a procedure the block
 * CALLs is not seen.
 */
export function doBlockCommits(ast: Node): boolean {
  const args = as<{ args?: Node[] }>(ast, 'DoStmt')?.args ?? [];
  const body = args.map((a) => as<DefElem>(a, 'DefElem')).find((d) => d?.defname === 'as');
  const text = as<{ sval?: string }>(body?.arg, 'String')?.sval ?? '';
  if (!/\b(?:COMMIT|ROLLBACK)\b/i.test(text)) return false;
  const code = text.replace(/--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|"(?:[^"]|"")*"|(\$[A-Za-z_0-9]*\$)[\s\S]*?\1/g, ' ');
  return /(?:^|;|\bTHEN|\bELSE|\bLOOP|\bBEGIN)\s*(?:<<\s*\w+\s*>>\s*)?(?:COMMIT|ROLLBACK)\b(?!\s+TO\b)/i.test(code);
}
