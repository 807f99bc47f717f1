// Column changes on tables that hold data: adding a column that needs a value in every row,
// changing a column's type, renaming a column. Each becomes expand (new column, kept in sync by
// a trigger), backfill (batched copy), a switch, and a later drop of the old shape.
import type { AlterTableCmd, ColumnDef, Constraint, Node, RangeVar, RenameStmt } from '@pgsql/types';
import { as } from '../analyze/ast.js';
import type { Operation } from '../core/types.js';
import { planSetNotNull, planUniqueUsingIndex, planValidatedConstraint } from './constraints.js';
import { RETRY_ADVICE, batchedSql, batchedUpdate, draft, lockTimeoutSql, type Draft, type StatementContext } from './context.js';
import { deparse, dollarTag, ident, literal, makeObjectName, relationSql, siblingSql } from './sql.js';

function constraintsOf(def: ColumnDef): Constraint[] {
  return (def.constraints ?? []).map((n) => as<Constraint>(n, 'Constraint')).filter((c): c is Constraint => !!c);
}

function addColumnSql(rel: RangeVar, def: ColumnDef): string {
  return deparse({
    AlterTableStmt: {
      relation: rel,
      cmds: [{ AlterTableCmd: { subtype: 'AT_AddColumn', def: { ColumnDef: def }, behavior: 'DROP_RESTRICT' } }],
      objtype: 'OBJECT_TABLE',
    },
  } as Node);
}

const SERIAL = /^(small|big)?serial[248]?$/i;

/** Why an ADD COLUMN cannot be split into online steps, or undefined when it can. */
function noOnlineRoute(def: ColumnDef, cons: Constraint[]): string | undefined {
  const typeName = def.typeName ? deparse({ TypeName: def.typeName } as Node) : '';
  if (cons.some((c) => c.contype === 'CONSTR_IDENTITY')) return 'an identity column fills every existing row while the table is rewritten';
  if (cons.some((c) => c.contype === 'CONSTR_GENERATED' && (c as { generated_kind?: string }).generated_kind !== 'v'))
    return 'a stored generated column is computed for every row while the table is rewritten';
  if (SERIAL.test(typeName)) return 'a serial column takes its sequence value for every existing row while the table is rewritten';
  return undefined;
}

/**
 * ADD COLUMN that would block or fail on a table with data (NOT NULL without a default, a
 * volatile default, inline constraints that scan or build an index): a plain nullable column
 * first, then the data, then each constraint in its online form.
 */
export function planAddColumn(ctx: StatementContext, rel: RangeVar, def: ColumnDef, op: Operation | undefined): Draft[] | undefined {
  const column = def.colname ?? '';
  const cons = constraintsOf(def);
  const defaultExpr = cons.find((c) => c.contype === 'CONSTR_DEFAULT')?.raw_expr;
  const notNull = cons.some((c) => c.contype === 'CONSTR_NOTNULL');
  const pk = cons.find((c) => c.contype === 'CONSTR_PRIMARY');
  const inline = cons.filter((c) => ['CONSTR_CHECK', 'CONSTR_FOREIGN', 'CONSTR_UNIQUE', 'CONSTR_PRIMARY'].includes(c.contype ?? ''));
  const volatile = op?.kind === 'ADD_COLUMN_VOLATILE_DEFAULT';
  // PG 11+ stores a non-volatile default in the catalog: existing rows get it without a rewrite.
  const fastDefault = defaultExpr !== undefined && !volatile && ctx.pgVersion >= 11;
  const needsNotNullSteps = (notNull || pk !== undefined) && !fastDefault;
  const needsBackfill = defaultExpr !== undefined && !fastDefault;
  if (!needsNotNullSteps && !needsBackfill && inline.length === 0) return undefined;

  const table = relationSql(rel);
  const col = ident(column);
  const blocker = noOnlineRoute(def, cons);
  if (blocker) {
    ctx.memory.notes.push(
      `${ctx.migration.report.path}:${ctx.statement.line}: ADD COLUMN ${column} has no online route (${blocker}). Run it in a maintenance window, or add a plain column, fill it in batches and attach the sequence or expression afterwards.`,
    );
    return undefined;
  }

  const kept = cons.filter((c) => c.contype === 'CONSTR_NULL' ? false : c.contype === 'CONSTR_DEFAULT' ? fastDefault : !['CONSTR_NOTNULL', 'CONSTR_CHECK', 'CONSTR_FOREIGN', 'CONSTR_UNIQUE', 'CONSTR_PRIMARY'].includes(c.contype ?? ''));
  const bare: ColumnDef = { ...def, constraints: kept.map((c) => ({ Constraint: c }) as Node) };
  if (kept.length === 0) delete bare.constraints;
  const expandSql = [lockTimeoutSql(ctx), addColumnSql(rel, bare)];
  const defaultSql = defaultExpr ? deparse(defaultExpr) : undefined;
  if (defaultSql && !fastDefault) expandSql.push(`ALTER TABLE ${table} ALTER COLUMN ${col} SET DEFAULT ${defaultSql}`);

  const noValue = needsNotNullSteps && defaultExpr === undefined;
  const steps: Draft[] = [
    draft(
      ctx,
      'expand',
      op?.kind ?? 'ADD_COLUMN_NULLABLE',
      `Add ${col} as a nullable column${defaultSql && !fastDefault ? ', then give it its default for new rows only (SET DEFAULT does not touch existing rows, so nothing is rewritten)' : ''}: a catalog-only change under a brief ACCESS EXCLUSIVE lock. ${RETRY_ADVICE}`,
      expandSql,
      {
        replaces: true,
        rollback: [`ALTER TABLE ${table} DROP COLUMN IF EXISTS ${col}`],
        ...(noValue ? { appMustDo: `Write ${col} on every INSERT into ${table} (it will be NOT NULL).` } : {}),
      },
    ),
  ];
  if (needsBackfill && defaultSql) {
    const batch = batchedSql(ctx, batchedUpdate(ctx, table, `${col} = ${defaultSql}`, `${col} IS NULL`));
    steps.push(
      draft(ctx, 'backfill', 'UPDATE_VALUES', `Fill existing rows with ${defaultSql}, ${batch.how}. Each row gets its own value, as the DEFAULT would have given it.`, [batch.sql], {
        transactional: false,
      }),
    );
  } else if (noValue) {
    steps.push(
      draft(
        ctx,
        'backfill',
        'UPDATE_VALUES',
        `Existing rows need a value in ${col} before it can be NOT NULL, and the migration does not say which (no DEFAULT). Choose it, and fill it in batches of ${ctx.batchSize}, e.g. UPDATE ${table} SET ${col} = <value> WHERE ctid = ANY (ARRAY(SELECT ctid FROM ${table} WHERE ${col} IS NULL LIMIT ${ctx.batchSize})), repeated until it updates no row. Or add the column with a constant DEFAULT instead (instant since PostgreSQL 11).`,
        [],
        { transactional: false },
      ),
    );
  }
  for (const c of inline) {
    if (c.contype === 'CONSTR_CHECK') steps.push(...planValidatedConstraint(ctx, rel, c, 'ADD_CHECK', column));
    else if (c.contype === 'CONSTR_FOREIGN') steps.push(...planValidatedConstraint(ctx, rel, c, 'ADD_FOREIGN_KEY', column));
  }
  if (needsNotNullSteps && !pk) steps.push(...planSetNotNull(ctx, rel, column, 'SET_NOT_NULL', false));
  for (const c of inline) {
    if (c.contype === 'CONSTR_UNIQUE') steps.push(...planUniqueUsingIndex(ctx, rel, c, 'ADD_UNIQUE', column));
    else if (c.contype === 'CONSTR_PRIMARY') steps.push(...planUniqueUsingIndex(ctx, rel, c, 'ADD_PRIMARY_KEY', column));
  }
  // Only the first step replaces the original statement; the rest are its continuation.
  for (const s of steps.slice(1)) delete s.step.replaces;
  return steps;
}

/** ALTER COLUMN TYPE that rewrites: a new column synced by a trigger, a batched copy, a swap, a later drop. */
export function planTypeChange(ctx: StatementContext, rel: RangeVar, cmd: AlterTableCmd): Draft[] {
  const def = as<ColumnDef>(cmd.def, 'ColumnDef');
  const column = cmd.name ?? '';
  const typeSql = def?.typeName ? deparse({ TypeName: def.typeName } as Node) : 'text';
  const using = def?.raw_default ? deparse(def.raw_default) : undefined;
  const table = relationSql(rel);
  const col = ident(column);
  const newCol = ident(makeObjectName(column, undefined, 'new'));
  const oldCol = ident(makeObjectName(column, undefined, 'old'));
  const fnName = makeObjectName(rel.relname ?? '', column, 'sync');
  const fn = siblingSql(rel, fnName);
  const rowExpr = using ?? `CAST(${col} AS ${typeSql})`;
  // The USING expression names the table's columns; evaluating it over (SELECT NEW.*) lets the
  // trigger reuse it unchanged.
  const triggerExpr = using ? `(SELECT ${using} FROM (SELECT NEW.*) AS r)` : `CAST(NEW.${col} AS ${typeSql})`;
  const body = `\nBEGIN\n  NEW.${newCol} := ${triggerExpr};\n  RETURN NEW;\nEND\n`;
  const tag = dollarTag(body, 'sync');
  const exec = ctx.pgVersion >= 11 ? 'EXECUTE FUNCTION' : 'EXECUTE PROCEDURE';
  const batch = batchedSql(ctx, batchedUpdate(ctx, table, `${newCol} = ${rowExpr}`, `${newCol} IS NULL AND ${col} IS NOT NULL`));
  const dropSync = [`DROP TRIGGER IF EXISTS ${ident(fnName)} ON ${table}`, `DROP FUNCTION IF EXISTS ${fn}()`];
  ctx.memory.notes.push(
    `${ctx.migration.report.path}:${ctx.statement.line}: the type change of ${column} is planned as a new column and a swap. Before the swap, re-create on ${newCol} what ${col} has: NOT NULL, DEFAULT, indexes (CONCURRENTLY), constraints, and the views and foreign keys that use it. If ${col} is a primary key or referenced by foreign keys, that is a maintenance-window change.`,
  );
  return [
    draft(
      ctx,
      'expand',
      'ALTER_COLUMN_TYPE',
      `Add ${newCol} ${typeSql} beside ${col} and keep it in sync with a trigger, so every write from now on fills both. No rewrite; brief ACCESS EXCLUSIVE lock. ${RETRY_ADVICE}`,
      [
        lockTimeoutSql(ctx),
        `ALTER TABLE ${table} ADD COLUMN ${newCol} ${typeSql}`,
        `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS ${tag}${body}${tag}`,
        `CREATE TRIGGER ${ident(fnName)} BEFORE INSERT OR UPDATE ON ${table} FOR EACH ROW ${exec} ${fn}()`,
      ],
      { replaces: true, rollback: [...dropSync, `ALTER TABLE ${table} DROP COLUMN IF EXISTS ${newCol}`] },
    ),
    draft(ctx, 'backfill', 'UPDATE_VALUES', `Copy the existing values into ${newCol}, ${batch.how}.`, [batch.sql], { transactional: false }),
    draft(
      ctx,
      'deploy',
      'ALTER_COLUMN_TYPE',
      `Swap the columns in one short transaction: ${col} now has type ${typeSql}, the old values stay in ${oldCol} (made nullable so new rows need not fill it). The application keeps the name ${col}; deploy code that handles the new type first. ${RETRY_ADVICE}`,
      [
        lockTimeoutSql(ctx),
        `ALTER TABLE ${table} RENAME COLUMN ${col} TO ${oldCol}`,
        `ALTER TABLE ${table} RENAME COLUMN ${newCol} TO ${col}`,
        `ALTER TABLE ${table} ALTER COLUMN ${oldCol} DROP NOT NULL`,
        ...dropSync,
      ],
      { rollback: [`ALTER TABLE ${table} RENAME COLUMN ${col} TO ${newCol}`, `ALTER TABLE ${table} RENAME COLUMN ${oldCol} TO ${col}`] },
    ),
    draft(
      ctx,
      'contract',
      'DROP_COLUMN',
      `In a later release, once nothing reads ${oldCol}, drop it. ${RETRY_ADVICE}`,
      [lockTimeoutSql(ctx), `ALTER TABLE ${table} DROP COLUMN ${oldCol}`],
    ),
  ];
}

/** RENAME COLUMN on a live table: old and new code disagree on the name, so both exist for a while. */
export function planRenameColumn(ctx: StatementContext, v: RenameStmt): Draft[] {
  const rel = v.relation!;
  const from = v.subname ?? '';
  const to = v.newname ?? '';
  const table = relationSql(rel);
  const a = ident(from);
  const b = ident(to);
  const fnName = makeObjectName(rel.relname ?? '', to, 'sync');
  const fn = siblingSql(rel, fnName);
  // The new column takes the old one's exact type, read from the catalog at run time.
  const addBody = `\nBEGIN\n  EXECUTE format('ALTER TABLE %s ADD COLUMN %I %s', ${literal(table)}::regclass, ${literal(to)},\n    (SELECT format_type(atttypid, atttypmod) FROM pg_attribute\n      WHERE attrelid = ${literal(table)}::regclass AND attname = ${literal(from)}));\nEND\n`;
  const addTag = dollarTag(addBody, 'add');
  const body = [
    '',
    'BEGIN',
    "  IF TG_OP = 'INSERT' THEN",
    `    IF NEW.${b} IS NULL THEN NEW.${b} := NEW.${a}; ELSIF NEW.${a} IS NULL THEN NEW.${a} := NEW.${b}; END IF;`,
    `  ELSIF NEW.${a} IS DISTINCT FROM OLD.${a} THEN`,
    `    NEW.${b} := NEW.${a};`,
    `  ELSIF NEW.${b} IS DISTINCT FROM OLD.${b} THEN`,
    `    NEW.${a} := NEW.${b};`,
    '  END IF;',
    '  RETURN NEW;',
    'END',
    '',
  ].join('\n');
  const tag = dollarTag(body, 'sync');
  const exec = ctx.pgVersion >= 11 ? 'EXECUTE FUNCTION' : 'EXECUTE PROCEDURE';
  const batch = batchedSql(ctx, batchedUpdate(ctx, table, `${b} = ${a}`, `${b} IS NULL AND ${a} IS NOT NULL`));
  const dropSync = [`DROP TRIGGER IF EXISTS ${ident(fnName)} ON ${table}`, `DROP FUNCTION IF EXISTS ${fn}()`];
  ctx.memory.notes.push(
    `${ctx.migration.report.path}:${ctx.statement.line}: the rename of ${from} to ${to} is planned as expand and contract. Re-create on ${b} the NOT NULL, DEFAULT, indexes (CONCURRENTLY) and constraints ${a} has before the contract phase drops ${a}.`,
  );
  return [
    draft(
      ctx,
      'expand',
      'RENAME_COLUMN',
      `Add ${b} with ${a}'s type and a trigger that keeps the two in sync both ways, so old code (writing ${a}) and new code (writing ${b}) can run side by side. ${RETRY_ADVICE}`,
      [
        lockTimeoutSql(ctx),
        `DO ${addTag}${addBody}${addTag}`,
        `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS ${tag}${body}${tag}`,
        `CREATE TRIGGER ${ident(fnName)} BEFORE INSERT OR UPDATE ON ${table} FOR EACH ROW ${exec} ${fn}()`,
      ],
      { replaces: true, rollback: [...dropSync, `ALTER TABLE ${table} DROP COLUMN IF EXISTS ${b}`] },
    ),
    draft(ctx, 'backfill', 'UPDATE_VALUES', `Copy ${a} into ${b} for existing rows, ${batch.how}.`, [batch.sql], { transactional: false }),
    draft(ctx, 'deploy', 'RENAME_COLUMN', `Deploy code that reads and writes ${b} instead of ${a}; wait until no instance of the old code runs.`, [], {
      appMustDo: `Read and write ${table}.${b}, never ${a}.`,
    }),
    draft(ctx, 'contract', 'DROP_COLUMN', `In a later release, remove the sync trigger and the old column ${a}. ${RETRY_ADVICE}`, [
      lockTimeoutSql(ctx),
      ...dropSync,
      `ALTER TABLE ${table} DROP COLUMN ${a}`,
    ]),
  ];
}
