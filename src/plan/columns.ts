// Column changes on tables that hold data: adding a column that needs a value in every row,
// changing a column's type, renaming a column. Each becomes expand (new column, kept in sync by
// a trigger), backfill (batched copy), a switch, and a later drop of the old shape.
import type { AlterTableCmd, AlterTableStmt, ColumnDef, Constraint, IndexStmt, Node, RangeVar, RenameStmt } from '@pgsql/types';
import { as, stringList } from '../analyze/ast.js';
import { columnShapeKey } from '../core/column-shape.js';
import { parseSource } from '../parse/index.js';
import type { Operation } from '../core/types.js';
import { planSetNotNull, planUniqueUsingIndex, planValidatedConstraint } from './constraints.js';
import { RETRY_ADVICE, batchedSql, batchedUpdate, draft, lockTimeoutSql, qualified, type Draft, type StatementContext } from './context.js';
import { dollarTag } from '../analyze/batch-sql.js';
import { deparse, ident, literal, makeObjectName, relationSql, siblingSql } from './sql.js';

function constraintsOf(def: ColumnDef): Constraint[] {
  return (def.constraints ?? []).map((n) => as<Constraint>(n, 'Constraint')).filter((c): c is Constraint => !!c);
}

function addColumnSql(rel: RangeVar, def: ColumnDef, missingOk = false): string {
  return deparse({
    AlterTableStmt: {
      relation: rel,
      cmds: [{ AlterTableCmd: { subtype: 'AT_AddColumn', def: { ColumnDef: def }, behavior: 'DROP_RESTRICT', ...(missingOk ? { missing_ok: true } : {}) } }],
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
export function planAddColumn(ctx: StatementContext, rel: RangeVar, def: ColumnDef, op: Operation | undefined, missingOk = false): Draft[] | undefined {
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
  const table = relationSql(rel);
  const col = ident(column);
  // Checked before anything else: a serial or stored generated column rewrites the table even
  // when it needs no other step, and a step kept "unchanged" would hide that rewrite.
  const blocker = noOnlineRoute(def, cons);
  if (blocker) {
    return [maintenanceStep(ctx, rel, op?.kind ?? 'ADD_COLUMN_VOLATILE_DEFAULT', `ADD COLUMN ${column}`, addColumnSql(rel, def, missingOk), blocker, 'add a plain column, fill it in batches and attach the sequence or expression afterwards')];
  }
  if (!needsNotNullSteps && !needsBackfill && inline.length === 0) return undefined;

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
    // The expand step above added the column without NOT NULL: the key's rollback makes it nullable again.
    else if (c.contype === 'CONSTR_PRIMARY') steps.push(...planUniqueUsingIndex(ctx, rel, c, 'ADD_PRIMARY_KEY', column, () => true));
  }
  // Only the first step replaces the original statement; the rest are its continuation.
  for (const s of steps.slice(1)) delete s.step.replaces;
  return steps;
}

/**
 * A statement with no online route, kept as written: it rewrites the table under ACCESS
 * EXCLUSIVE, and the step says so (its prose starts the way the verifier recognises a rewrite
 * the plan owns up to).
 */
function maintenanceStep(ctx: StatementContext, rel: RangeVar, kind: Operation['kind'], what: string, sql: string, why: string, alternative: string): Draft {
  ctx.memory.notes.push(`${ctx.migration.report.path}:${ctx.statement.line}: ${what} has no safe online route (${why}). Run it in a maintenance window, or ${alternative}.`);
  return draft(
    ctx,
    'expand',
    kind,
    `No online alternative: ${why}, under an ACCESS EXCLUSIVE lock on ${relationSql(rel)} that blocks reads and writes until it commits. Run it in a maintenance window, or ${alternative}. ${RETRY_ADVICE}`,
    [lockTimeoutSql(ctx), sql],
    { replaces: true },
  );
}

/** Every name an AST mentions (relations, columns, options), lower-cased as Postgres folds them already. */
function namesIn(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const n of node) namesIn(n, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (typeof v === 'string' && ['sval', 'relname', 'colname', 'name'].includes(k)) out.add(v);
      else namesIn(v, out);
    }
  }
  return out;
}

/** A later statement of the migration that names both the table and the column, as `line N`, or undefined. */
function laterUse(ctx: StatementContext, rel: RangeVar, column: string): string | undefined {
  const s = ctx.migration.up.statements.find((x) => x.index > ctx.statement.index && !x.nestedIn && (() => {
    const names = namesIn(x.ast);
    return names.has(rel.relname ?? '') && names.has(column);
  })());
  return s ? `the statement at line ${s.line}` : undefined;
}

/** The definition of `column` when an earlier statement of this migration added it to `rel`. */
function addedEarlier(ctx: StatementContext, rel: RangeVar, column: string): ColumnDef | undefined {
  for (const s of ctx.migration.up.statements) {
    if (s.index >= ctx.statement.index || s.nestedIn) continue;
    const v = as<AlterTableStmt>(s.ast, 'AlterTableStmt');
    if (!v || v.relation?.relname !== rel.relname || (v.relation?.schemaname ?? 'public') !== (rel.schemaname ?? 'public')) continue;
    for (const c of v.cmds ?? []) {
      const cmd = as<AlterTableCmd>(c, 'AlterTableCmd');
      const def = cmd?.subtype === 'AT_AddColumn' ? as<ColumnDef>(cmd.def, 'ColumnDef') : undefined;
      if (def?.colname === column) return def;
    }
  }
  return undefined;
}

/** A copy of `node` with every reference to column `from` (ColumnRef, IndexElem, FK column) naming `to`. */
function renameColumn<T>(node: T, from: string, to: string): T {
  const walk = (n: unknown): unknown => {
    if (Array.isArray(n)) return n.map(walk);
    if (!n || typeof n !== 'object') return n;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(n as Record<string, unknown>)) {
      if (k === 'ColumnRef') {
        const fields = ((v as { fields?: Node[] }).fields ?? []).map((f, i, all) => {
          const sval = as<{ sval?: string }>(f, 'String')?.sval;
          return i === all.length - 1 && sval === from ? { String: { sval: to } } : f;
        });
        out[k] = { ...(v as object), fields };
      } else if (k === 'IndexElem' && (v as { name?: string }).name === from) {
        out[k] = walk({ ...(v as object), name: to });
      } else if (k === 'fk_attrs') {
        out[k] = (v as Node[]).map((f) => (as<{ sval?: string }>(f, 'String')?.sval === from ? { String: { sval: to } } : f));
      } else out[k] = walk(v);
    }
    return out;
  };
  return walk(node) as T;
}

/** The first statement of `sql` as an AST, or undefined when libpg-query rejects it. */
function parseOne(sql: string): Node | undefined {
  const parsed = parseSource({ path: 'catalog.sql', text: sql });
  return parsed.errors.length === 0 ? parsed.statements[0]?.ast : undefined;
}

/** `CREATE INDEX CONCURRENTLY tmp ...` for an index of the old column, built on the new one. */
function indexCopySql(definition: string, from: string, to: string, tmp: string): string | undefined {
  const ast = as<IndexStmt>(parseOne(definition), 'IndexStmt');
  if (!ast) return undefined;
  const copy = renameColumn(ast, from, to);
  return deparse({ IndexStmt: { ...copy, idxname: tmp, concurrent: true } } as Node);
}

/** `ALTER TABLE ... ADD CONSTRAINT tmp <definition with the new column> NOT VALID`. */
function constraintCopySql(table: string, definition: string, from: string, to: string, tmp: string): string | undefined {
  const ast = as<AlterTableStmt>(parseOne(`ALTER TABLE ${table} ADD CONSTRAINT ${ident(tmp)} ${definition}`), 'AlterTableStmt');
  const cmd = as<AlterTableCmd>(ast?.cmds?.[0], 'AlterTableCmd');
  const con = as<Constraint>(cmd?.def, 'Constraint');
  if (!ast || !cmd || !con) return undefined;
  const renamed: Constraint = { ...renameColumn(con, from, to), skip_validation: true, initially_valid: false };
  return deparse({ AlterTableStmt: { ...ast, cmds: [{ AlterTableCmd: { ...cmd, def: { Constraint: renamed } } }] } } as Node);
}

/**
 * ALTER COLUMN TYPE that rewrites: a new column synced by a trigger, a batched copy, the
 * column's NOT NULL, DEFAULT, indexes and constraints re-created on the new column without
 * blocking, a swap, a later drop. Needs the column's shape (read from a database by src/verify);
 * without it, or when something ties the column down, the statement stays as written and the
 * step says there is no online route.
 */
export function planTypeChange(ctx: StatementContext, rel: RangeVar, cmd: AlterTableCmd): Draft[] {
  const def = as<ColumnDef>(cmd.def, 'ColumnDef');
  const column = cmd.name ?? '';
  const typeSql = def?.typeName ? deparse({ TypeName: def.typeName } as Node) : 'text';
  const collate = def?.collClause ? ` COLLATE ${stringList(def.collClause.collname).map(ident).join('.')}` : '';
  const using = def?.raw_default ? deparse(def.raw_default) : undefined;
  const table = relationSql(rel);
  const col = ident(column);
  const single = deparse({ AlterTableStmt: { relation: rel, cmds: [{ AlterTableCmd: cmd }], objtype: 'OBJECT_TABLE' } } as Node);
  const shape = ctx.migration.columnShapes?.get(columnShapeKey(qualified(rel) ?? '', column));
  const recipe = `add a column of the new type beside ${col}, keep it in sync with a trigger, copy the rows in batches, re-create on it ${col}'s NOT NULL (a validated CHECK, then SET NOT NULL), DEFAULT, indexes (CONCURRENTLY) and constraints (NOT VALID, then VALIDATE), then swap the names in one short transaction`;
  if (!shape) {
    return [maintenanceStep(ctx, rel, 'ALTER_COLUMN_TYPE', `the type change of ${column}`, single,
      `ALTER COLUMN TYPE rewrites the table and rebuilds its indexes, and the online route has to re-create everything ${col} carries, which only the schema can tell (the plan reads it when it is verified: \`plan\`, or \`check --dry-run\`)`,
      recipe)];
  }
  const touchedLater = laterUse(ctx, rel, column);
  if (touchedLater) {
    return [maintenanceStep(ctx, rel, 'ALTER_COLUMN_TYPE', `the type change of ${column}`, single,
      `ALTER COLUMN TYPE rewrites the table and rebuilds its indexes, and the online route swaps in the new column only in the deploy phase, while ${touchedLater} later in this migration expects it at once`,
      'move what the migration does to the column after its type change into a later migration, then ' + recipe)];
  }
  const newName = makeObjectName(column, undefined, 'new');
  const copies = shape.indexes.map((i) => ({ ...i, tmp: makeObjectName(i.name, undefined, 'new') }));
  const cons = shape.constraints.map((c) => ({ ...c, tmp: makeObjectName(c.name, undefined, 'new') }));
  const indexSql = copies.map((i) => indexCopySql(i.definition, column, newName, i.tmp));
  const conSql = cons.map((c) => constraintCopySql(table, c.definition, column, newName, c.tmp));
  const blockers = [...shape.blockers];
  if (indexSql.some((x) => !x) || conSql.some((x) => !x)) blockers.push('an index or constraint on it could not be rebuilt for the new column');
  if (blockers.length > 0) {
    return [maintenanceStep(ctx, rel, 'ALTER_COLUMN_TYPE', `the type change of ${column}`, single,
      `ALTER COLUMN TYPE rewrites the table and rebuilds its indexes, and ${col} cannot be swapped for a new column online: ${blockers.join('; ')}`,
      'remove what ties the column down first, then ' + recipe)];
  }

  const newCol = ident(newName);
  const oldCol = ident(makeObjectName(column, undefined, 'old'));
  const nnCheck = makeObjectName(rel.relname ?? '', newName, 'not_null_check');
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
  const carried = [
    shape.notNull ? 'NOT NULL' : '', shape.default !== undefined ? 'its DEFAULT' : '',
    copies.length ? `${copies.length === 1 ? 'the index' : `the ${copies.length} indexes`} ${copies.map((i) => ident(i.name)).join(', ')}` : '',
    cons.length ? `the constraint${cons.length > 1 ? 's' : ''} ${cons.map((c) => ident(c.name)).join(', ')}` : '',
    shape.ownedSequence ? `its sequence ${shape.ownedSequence}` : '',
  ].filter(Boolean);

  const expandSql = [lockTimeoutSql(ctx), `ALTER TABLE ${table} ADD COLUMN ${newCol} ${typeSql}${collate}`];
  if (shape.default !== undefined) expandSql.push(`ALTER TABLE ${table} ALTER COLUMN ${newCol} SET DEFAULT ${shape.default}`);
  if (shape.notNull) expandSql.push(`ALTER TABLE ${table} ADD CONSTRAINT ${ident(nnCheck)} CHECK (${newCol} IS NOT NULL) NOT VALID`);
  expandSql.push(...(conSql as string[]));
  expandSql.push(
    `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS ${tag}${body}${tag}`,
    `CREATE TRIGGER ${ident(fnName)} BEFORE INSERT OR UPDATE ON ${table} FOR EACH ROW ${exec} ${fn}()`,
  );
  const steps: Draft[] = [
    draft(
      ctx,
      'expand',
      'ALTER_COLUMN_TYPE',
      `Add ${newCol} ${typeSql} beside ${col} and keep it in sync with a trigger, so every write from now on fills both${shape.default !== undefined ? `; it gets ${col}'s DEFAULT` : ''}${shape.notNull || cons.length ? `, and ${[shape.notNull ? 'a CHECK that it is NOT NULL' : '', cons.length ? `copies of ${cons.map((c) => ident(c.name)).join(', ')}` : ''].filter(Boolean).join(' and ')}, added NOT VALID (enforced on new rows, existing rows not scanned)` : ''}. No rewrite; brief ACCESS EXCLUSIVE lock. ${RETRY_ADVICE}`,
      expandSql,
      { replaces: true, rollback: [...dropSync, `ALTER TABLE ${table} DROP COLUMN IF EXISTS ${newCol}`] },
    ),
    draft(ctx, 'backfill', 'UPDATE_VALUES', `Copy the existing values into ${newCol}, ${batch.how}.`, [batch.sql], { transactional: false }),
  ];
  for (const [name, validated] of [...(shape.notNull ? [[nnCheck, true] as const] : []), ...cons.map((c) => [c.tmp, c.validated] as const)]) {
    if (!validated) continue;
    steps.push(draft(ctx, 'validate', 'VALIDATE_CONSTRAINT',
      `Validate ${ident(name)} in its own transaction: it scans the rows under SHARE UPDATE EXCLUSIVE, so reads and writes continue. It fails while a row breaks it: finish the backfill first.`,
      [`ALTER TABLE ${table} VALIDATE CONSTRAINT ${ident(name)}`]));
  }
  copies.forEach((i, k) => {
    steps.push(draft(ctx, 'validate', 'CREATE_INDEX',
      `Build ${ident(i.tmp)}, the copy of ${ident(i.name)} on ${newCol}, CONCURRENTLY: writes continue while it builds. It cannot run inside a transaction block. If the build fails it leaves an INVALID index: drop it with DROP INDEX CONCURRENTLY ${siblingSql(rel, i.tmp)} and build again.`,
      [indexSql[k]!], { transactional: false, rollback: [`DROP INDEX CONCURRENTLY IF EXISTS ${siblingSql(rel, i.tmp)}`] }));
  });

  const swap = [lockTimeoutSql(ctx), `ALTER TABLE ${table} RENAME COLUMN ${col} TO ${oldCol}`, `ALTER TABLE ${table} RENAME COLUMN ${newCol} TO ${col}`];
  // The old column lets go first: out of its key, without default or NOT NULL (on PostgreSQL 18
  // a NOT NULL is a named constraint, and the new column's must get the name the old one had).
  for (const i of copies) if (i.constraint) swap.push(`ALTER TABLE ${table} DROP CONSTRAINT ${ident(i.constraint.name)}`);
  if (shape.default !== undefined) swap.push(`ALTER TABLE ${table} ALTER COLUMN ${oldCol} DROP DEFAULT`);
  swap.push(`ALTER TABLE ${table} ALTER COLUMN ${oldCol} DROP NOT NULL`);
  if (shape.notNull) {
    swap.push(`ALTER TABLE ${table} ALTER COLUMN ${col} SET NOT NULL`, `ALTER TABLE ${table} DROP CONSTRAINT ${ident(nnCheck)}`);
  }
  for (const i of copies) {
    if (i.constraint) {
      const c = i.constraint;
      swap.push(`ALTER TABLE ${table} ADD CONSTRAINT ${ident(c.name)} ${c.kind === 'primary-key' ? 'PRIMARY KEY' : 'UNIQUE'} USING INDEX ${ident(i.tmp)}${c.deferrable ? ` DEFERRABLE${c.deferred ? ' INITIALLY DEFERRED' : ''}` : ''}`);
      // USING INDEX names the index after the constraint; an index named otherwise takes its name back.
      if (c.name !== i.name) swap.push(`ALTER INDEX ${siblingSql(rel, c.name)} RENAME TO ${ident(i.name)}`);
    } else {
      swap.push(`DROP INDEX ${siblingSql(rel, i.name)}`, `ALTER INDEX ${siblingSql(rel, i.tmp)} RENAME TO ${ident(i.name)}`);
    }
  }
  for (const c of cons) swap.push(`ALTER TABLE ${table} DROP CONSTRAINT ${ident(c.name)}`, `ALTER TABLE ${table} RENAME CONSTRAINT ${ident(c.tmp)} TO ${ident(c.name)}`);
  if (shape.ownedSequence) swap.push(`ALTER SEQUENCE ${shape.ownedSequence} OWNED BY ${table}.${col}`);
  swap.push(...dropSync);
  steps.push(
    draft(
      ctx,
      'deploy',
      'ALTER_COLUMN_TYPE',
      `Swap the columns in one short transaction: ${col} now has type ${typeSql}${carried.length ? ` with ${carried.join(', ')}` : ''}; the old values stay in ${oldCol} (made nullable, without default, so new rows need not fill it).${shape.notNull && ctx.pgVersion < 12 ? ' Before PostgreSQL 12, SET NOT NULL scans the table here even with the validated CHECK.' : ''} The application keeps the name ${col}; deploy code that handles the new type first. ${RETRY_ADVICE}`,
      swap,
    ),
    draft(
      ctx,
      'contract',
      'DROP_COLUMN',
      `In a later release, once nothing reads ${oldCol}, drop it. ${RETRY_ADVICE}`,
      [lockTimeoutSql(ctx), `ALTER TABLE ${table} DROP COLUMN ${oldCol}`],
    ),
  );
  return steps;
}

/** RENAME COLUMN on a live table: old and new code disagree on the name, so both exist for a while. */
/**
 * Why the rename cannot run as two columns kept in sync, or undefined when it can: the second
 * column only copies the type, so a column that carries more (NOT NULL, DEFAULT, indexes,
 * constraints, or something unknown because no database was at hand) is renamed in place.
 */
export function renameInPlace(ctx: StatementContext, rel: RangeVar, from: string): string | undefined {
  const shape = ctx.migration.columnShapes?.get(columnShapeKey(qualified(rel) ?? '', from));
  // A column this migration added itself, with nothing but a type, is copied exactly.
  const added = addedEarlier(ctx, rel, from);
  if (!shape && added) return (added.constraints ?? []).length === 0 && !added.collClause ? undefined : `${ident(from)} was added by this migration with more than a type`;
  if (!shape) return 'the plan could not read the column\'s definition (it does when it is verified: `plan`, or `check --dry-run`)';
  const carries = [
    shape.notNull ? 'NOT NULL' : '', shape.default !== undefined ? 'a DEFAULT' : '', shape.indexes.length ? 'indexes' : '',
    shape.constraints.length ? 'constraints' : '', shape.ownedSequence ? 'a sequence' : '', ...shape.blockers,
  ].filter(Boolean);
  return carries.length ? `${ident(from)} carries ${carries.join(', ')}, which a second column kept in sync would not have` : undefined;
}

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
