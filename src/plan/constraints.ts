// Constraints added to tables that hold data: CHECK and FOREIGN KEY become NOT VALID plus a
// separate VALIDATE; UNIQUE and PRIMARY KEY become a unique index built CONCURRENTLY that the
// constraint then takes over (USING INDEX); NOT NULL goes through a validated CHECK.
import type { AlterTableCmd, AlterTableStmt, ColumnDef, Constraint, Node, RangeVar, RenameStmt } from '@pgsql/types';
import { as, columnRefs, nodeTag, relationName, stringList } from '../analyze/ast.js';
import { columnShapeKey } from '../core/column-shape.js';
import type { OperationKind } from '../core/types.js';
import { RETRY_ADVICE, absorbDrop, constraintKey, draft, lockTimeoutSql, qualified, type Draft, type StatementContext } from './context.js';
import { deparse, ident, makeObjectName, relationSql } from './sql.js';

/** The name Postgres gives an unnamed constraint (ChooseConstraintName's rules). */
export function defaultConstraintName(rel: RangeVar, con: Constraint, columnOfDef?: string): string {
  const table = rel.relname ?? '';
  switch (con.contype) {
    case 'CONSTR_FOREIGN': {
      const cols = stringList(con.fk_attrs);
      return makeObjectName(table, (cols.length ? cols : columnOfDef ? [columnOfDef] : []).join('_') || undefined, 'fkey');
    }
    case 'CONSTR_CHECK': {
      // Postgres names a CHECK after its column when the expression references exactly one.
      const cols = new Set(columnRefs(con.raw_expr));
      const only = columnOfDef ?? (cols.size === 1 ? [...cols][0] : undefined);
      return makeObjectName(table, only, 'check');
    }
    case 'CONSTR_PRIMARY':
      return makeObjectName(table, undefined, 'pkey');
    case 'CONSTR_UNIQUE': {
      const cols = stringList(con.keys);
      return makeObjectName(table, (cols.length ? cols : columnOfDef ? [columnOfDef] : []).join('_'), 'key');
    }
    case 'CONSTR_EXCLUSION':
      return makeObjectName(table, undefined, 'excl');
    default:
      return makeObjectName(table, columnOfDef, 'constraint');
  }
}

function alterSql(rel: RangeVar, cmd: Record<string, unknown>): string {
  return deparse({
    AlterTableStmt: {
      relation: rel,
      cmds: [{ AlterTableCmd: { behavior: 'DROP_RESTRICT', ...cmd } }],
      objtype: 'OBJECT_TABLE',
    },
  } as Node);
}

/** CHECK / FOREIGN KEY on a table with data: NOT VALID now, VALIDATE in its own transaction. */
export function planValidatedConstraint(
  ctx: StatementContext,
  rel: RangeVar,
  con: Constraint,
  kind: OperationKind,
  columnOfDef?: string,
): Draft[] {
  const name = con.conname ?? defaultConstraintName(rel, con, columnOfDef);
  const table = relationSql(rel);
  const def: Constraint = { ...con, conname: name, skip_validation: true, initially_valid: false };
  if (con.contype === 'CONSTR_FOREIGN' && stringList(con.fk_attrs).length === 0 && columnOfDef) {
    def.fk_attrs = [{ String: { sval: columnOfDef } }];
  }
  const isFk = con.contype === 'CONSTR_FOREIGN';
  const referenced = isFk && con.pktable ? relationSql(con.pktable) : undefined;
  if (con.contype === 'CONSTR_CHECK') noteNotNullCheck(ctx, rel, con);
  const dropFirst = absorbDrop(ctx, constraintKey(rel, name));
  const replacing = dropFirst.length
    ? ` The migration dropped a constraint named ${ident(name)} first: that drop runs in this same transaction, so the table is never without the constraint (the old one stays enforced until the new one is in place).`
    : '';
  return [
    draft(
      ctx,
      'expand',
      kind,
      `Add ${isFk ? 'the foreign key' : 'the CHECK'} ${ident(name)} NOT VALID: Postgres enforces it on new and updated rows at once and skips the scan of existing rows, so the ${isFk ? `SHARE ROW EXCLUSIVE lock on ${table}${referenced ? ` and ${referenced}` : ''}` : `ACCESS EXCLUSIVE lock on ${table}`} lasts milliseconds.${replacing} ${RETRY_ADVICE}`,
      [lockTimeoutSql(ctx), ...dropFirst, alterSql(rel, { subtype: 'AT_AddConstraint', def: { Constraint: def } })],
      // Undoing a replacement means re-creating the old definition, which only the base schema knows.
      { replaces: true, ...(dropFirst.length ? {} : { rollback: [`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${ident(name)}`] }) },
    ),
    draft(
      ctx,
      'validate',
      'VALIDATE_CONSTRAINT',
      `Validate ${ident(name)} in its own transaction: it scans the existing rows under SHARE UPDATE EXCLUSIVE${isFk ? ' (and ROW SHARE on the referenced table)' : ''}, so reads and writes continue. If it fails, fix the rows it names and run it again.`,
      [`ALTER TABLE ${table} VALIDATE CONSTRAINT ${ident(name)}`],
    ),
  ];
}

function noteNotNullCheck(ctx: StatementContext, rel: RangeVar, con: Constraint): void {
  const t = as<{ arg?: Node; nulltesttype?: string }>(con.raw_expr, 'NullTest');
  if (!t || t.nulltesttype !== 'IS_NOT_NULL') return;
  const col = stringList(as<{ fields?: Node[] }>(t.arg, 'ColumnRef')?.fields).pop();
  const table = qualified(rel);
  if (col && table) ctx.memory.notNullChecks.add(`${table}|${col}`);
}

/** SET NOT NULL on a table with data, without the full-table scan under ACCESS EXCLUSIVE. */
export function planSetNotNull(ctx: StatementContext, rel: RangeVar, column: string, kind: OperationKind, replaces = true): Draft[] {
  const table = relationSql(rel);
  const check = makeObjectName(rel.relname ?? '', column, 'not_null_check');
  const col = ident(column);
  const steps: Draft[] = [
    draft(
      ctx,
      'validate',
      kind,
      `Add CHECK (${col} IS NOT NULL) NOT VALID: new rows must have a value from now on, existing rows are not scanned, and the lock is brief. ${RETRY_ADVICE}`,
      [lockTimeoutSql(ctx), `ALTER TABLE ${table} ADD CONSTRAINT ${ident(check)} CHECK (${col} IS NOT NULL) NOT VALID`],
      { replaces, rollback: [`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${ident(check)}`] },
    ),
    draft(
      ctx,
      'validate',
      'VALIDATE_CONSTRAINT',
      `Validate the CHECK in its own transaction: a scan under SHARE UPDATE EXCLUSIVE that lets reads and writes continue. It fails while any row still has ${col} NULL: finish the backfill first.`,
      [`ALTER TABLE ${table} VALIDATE CONSTRAINT ${ident(check)}`],
    ),
  ];
  if (ctx.pgVersion >= 12) {
    steps.push(
      draft(
        ctx,
        'validate',
        'SET_NOT_NULL',
        `SET NOT NULL now skips the scan because the validated CHECK already proves it (PostgreSQL 12+); then the CHECK is redundant and goes. ${RETRY_ADVICE}`,
        [lockTimeoutSql(ctx), `ALTER TABLE ${table} ALTER COLUMN ${col} SET NOT NULL`, `ALTER TABLE ${table} DROP CONSTRAINT ${ident(check)}`],
        { rollback: [`ALTER TABLE ${table} ALTER COLUMN ${col} DROP NOT NULL`] },
      ),
    );
  } else {
    steps.push(
      draft(
        ctx,
        'validate',
        'SET_NOT_NULL',
        `Before PostgreSQL 12, SET NOT NULL scans the whole table under ACCESS EXCLUSIVE even with the validated CHECK. Either keep the CHECK as the guarantee and skip this step, or run it in a maintenance window.`,
        [lockTimeoutSql(ctx), `ALTER TABLE ${table} ALTER COLUMN ${col} SET NOT NULL`, `ALTER TABLE ${table} DROP CONSTRAINT ${ident(check)}`],
        { rollback: [`ALTER TABLE ${table} ALTER COLUMN ${col} DROP NOT NULL`] },
      ),
    );
  }
  return steps;
}

/**
 * Whether `column` of `rel` is nullable when the validate phase starts, which a primary key's
 * rollback must bring back (ADD PRIMARY KEY sets its columns NOT NULL, and dropping the key
 * leaves them so): decided by the migration's statements before the key (followed back through
 * column renames), else by the column as the base schema has it (AnalyzedMigration.columnShapes).
 * Undefined where neither says: the rollback then leaves the column as it is, and its
 * verification says whether that undid the phase.
 */
export function nullableWhenValidating(ctx: StatementContext, rel: RangeVar, column: string): boolean | undefined {
  let table = qualified(rel) ?? '';
  let col = column;
  const earlier = ctx.migration.up.statements.filter((s) => !s.nestedIn && s.index < ctx.statement.index);
  for (let i = earlier.length - 1; i >= 0; i--) {
    const t = nodeTag(earlier[i]!.ast);
    if (!t) continue;
    if (t[0] === 'RenameStmt') {
      const r = t[1] as RenameStmt;
      if (r.renameType === 'OBJECT_COLUMN' && relationName(r.relation) === table && r.newname === col && r.subname) col = r.subname;
      else if (r.renameType === 'OBJECT_TABLE' && r.relation?.relname && r.newname && `${r.relation.schemaname ?? 'public'}.${r.newname}` === table) table = relationName(r.relation)!;
      continue;
    }
    if (t[0] === 'CreateStmt' && relationName((t[1] as { relation?: RangeVar }).relation) === table) return undefined;
    if (t[0] !== 'AlterTableStmt') continue;
    const v = t[1] as AlterTableStmt;
    if (relationName(v.relation) !== table) continue;
    for (const n of [...(v.cmds ?? [])].reverse()) {
      const cmd = as<AlterTableCmd>(n, 'AlterTableCmd');
      // Kept as written, in the expand phase: the column is nullable from there on.
      if (cmd?.subtype === 'AT_DropNotNull' && cmd.name === col) return true;
      if (cmd?.subtype === 'AT_DropColumn' && cmd.name === col) return undefined;
      const def = as<ColumnDef>(cmd?.def, 'ColumnDef');
      if (cmd?.subtype === 'AT_AddColumn' && def?.colname === col) {
        // A plain nullable column is added as written, in the expand phase. Whether one declared
        // NOT NULL is (a constant default) or gets NOT NULL in this same phase depends on the
        // rest of its definition: not decided here.
        const cons = (def.constraints ?? []).map((c) => as<Constraint>(c, 'Constraint')?.contype);
        const notNull = def.is_not_null || cons.some((c) => c === 'CONSTR_NOTNULL' || c === 'CONSTR_PRIMARY' || c === 'CONSTR_IDENTITY');
        const serial = /^(small|big)?serial[248]?$/i.test(stringList(def.typeName?.names).at(-1) ?? '');
        return notNull || serial ? undefined : true;
      }
      // A SET NOT NULL before the key is a step of this same phase: the phase started without it.
    }
  }
  const shape = ctx.migration.columnShapes?.get(columnShapeKey(table, col));
  return shape ? !shape.notNull : undefined;
}

/**
 * UNIQUE / PRIMARY KEY on a table with data: build the index CONCURRENTLY, then attach it.
 * `nullable` says, for a primary key's column, whether it is nullable when the validate phase
 * starts (nullableWhenValidating when absent).
 */
export function planUniqueUsingIndex(
  ctx: StatementContext,
  rel: RangeVar,
  con: Constraint,
  kind: OperationKind,
  columnOfDef?: string,
  nullable: (column: string) => boolean | undefined = (c) => nullableWhenValidating(ctx, rel, c),
): Draft[] {
  const isPk = con.contype === 'CONSTR_PRIMARY';
  const name = con.conname ?? defaultConstraintName(rel, con, columnOfDef);
  const table = relationSql(rel);
  const keys = stringList(con.keys);
  const cols = keys.length ? keys : columnOfDef ? [columnOfDef] : [];
  const including = stringList(con.including);
  // Re-adding a constraint the migration dropped: its index still holds the name until the
  // drop, which now runs together with the attach.
  const dropFirst = absorbDrop(ctx, constraintKey(rel, name));
  const built = dropFirst.length ? makeObjectName(name, undefined, 'new') : name;
  const indexName = rel.schemaname ? `${ident(rel.schemaname)}.${ident(built)}` : ident(built);
  const create =
    `CREATE UNIQUE INDEX CONCURRENTLY ${ident(built)} ON ${table} (${cols.map(ident).join(', ')})` +
    (including.length ? ` INCLUDE (${including.map(ident).join(', ')})` : '') +
    (con.nulls_not_distinct ? ' NULLS NOT DISTINCT' : '');
  const steps: Draft[] = [
    draft(
      ctx,
      'expand',
      kind,
      `Build the unique index CONCURRENTLY, on its own and outside a transaction: writes continue while it builds. If the build fails (a duplicate, a timeout) it leaves an INVALID index behind: drop it with DROP INDEX CONCURRENTLY ${indexName}, fix the duplicates, and build again.`,
      [create],
      { transactional: false, replaces: true, rollback: [`DROP INDEX CONCURRENTLY IF EXISTS ${indexName}`] },
    ),
  ];
  const nnChecks: string[] = [];
  if (isPk) {
    // ADD PRIMARY KEY sets the key columns NOT NULL; a validated CHECK lets that skip the scan.
    for (const c of cols) {
      const key = `${qualified(rel)}|${c}`;
      if (ctx.memory.notNullChecks.has(key)) continue;
      const check = makeObjectName(rel.relname ?? '', c, 'not_null_check');
      nnChecks.push(check);
      steps.push(
        draft(
          ctx,
          'validate',
          'ADD_CHECK',
          `A primary key needs ${ident(c)} NOT NULL: prove it first with a CHECK added NOT VALID and validated separately, so attaching the key does not scan the table under ACCESS EXCLUSIVE.`,
          [lockTimeoutSql(ctx), `ALTER TABLE ${table} ADD CONSTRAINT ${ident(check)} CHECK (${ident(c)} IS NOT NULL) NOT VALID`],
          { rollback: [`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${ident(check)}`] },
        ),
        draft(ctx, 'validate', 'VALIDATE_CONSTRAINT', `Validate it in its own transaction (reads and writes continue).`, [
          `ALTER TABLE ${table} VALIDATE CONSTRAINT ${ident(check)}`,
        ]),
      );
    }
  }
  const deferrable = con.deferrable ? ` DEFERRABLE${con.initdeferred ? ' INITIALLY DEFERRED' : ''}` : '';
  // The key set its columns NOT NULL, and dropping it leaves them so: those nullable before go back.
  const dropNotNull = isPk ? cols.filter((c) => nullable(c) === true).map((c) => `ALTER TABLE ${table} ALTER COLUMN ${ident(c)} DROP NOT NULL`) : [];
  steps.push(
    draft(
      ctx,
      'validate',
      kind,
      `Turn the index into the ${isPk ? 'primary key' : 'unique constraint'} ${ident(name)} (USING INDEX): a catalog change under a brief ACCESS EXCLUSIVE lock, no index build.${dropFirst.length ? ` The constraint of the same name the migration dropped goes in the same transaction, and the index takes the constraint's name.` : ''}${isPk && ctx.pgVersion < 12 ? ' Before PostgreSQL 12 setting the key columns NOT NULL still scans the table.' : ''} ${RETRY_ADVICE}`,
      [
        lockTimeoutSql(ctx),
        ...dropFirst,
        `ALTER TABLE ${table} ADD CONSTRAINT ${ident(name)} ${isPk ? 'PRIMARY KEY' : 'UNIQUE'} USING INDEX ${ident(built)}${deferrable}`,
        ...nnChecks.map((c) => `ALTER TABLE ${table} DROP CONSTRAINT ${ident(c)}`),
      ],
      // Dropping the constraint drops the index it took over, which the expand phase built and
      // its rollback drops: built again, the database is where this phase found it. A constraint
      // the migration dropped first cannot be brought back from here.
      dropFirst.length ? {} : { rollback: [`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${ident(name)}`, ...dropNotNull, create.replace(/^CREATE UNIQUE INDEX CONCURRENTLY /, 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ')] },
    ),
  );
  return steps;
}
