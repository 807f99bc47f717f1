import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  columnShapeKey,
  deparse,
  literal,
  relationSql,
  siblingSql
} from "./chunk-MBFNBSKS.js";
import {
  batchLoop,
  batchedUpdate,
  dollarTag,
  oneBatch
} from "./chunk-YRNUPKXT.js";
import {
  columnTypeSource,
  ident,
  makeObjectName,
  parseSource,
  placeholderStandIns
} from "./chunk-RRVIRGX7.js";
import {
  as,
  blocksWrites,
  columnRefs,
  nodeTag,
  optionOn,
  qualifiedFromList,
  refusedInTransactionBlock,
  relationName,
  stringList
} from "./chunk-UTBNT2LW.js";

// src/plan/types.ts
var PHASE_NAMES = ["expand", "backfill", "validate", "deploy", "contract"];

// src/plan/text.ts
function verificationLine(v) {
  switch (v.status) {
    case "verified":
      return `verified on ${v.engine} (PostgreSQL ${v.serverVersion}) with ${v.seededRows} seeded rows per table`;
    case "failed":
      return `FAILED verification on ${v.engine} (PostgreSQL ${v.serverVersion}, ${v.seededRows} seeded rows per table): ${v.reason}`;
    case "not-run":
      return `not verified: ${v.reason}`;
  }
}
function rollbackShown(phase, v) {
  if (!phase.rollbackSql?.length) return void 0;
  if (v && v.status !== "verified") return { failed: `Its rollback SQL is not shown: it ${v.status === "failed" ? verificationLine(v) : `was not run (${v.reason})`}` };
  const head = `Run these one at a time, outside a transaction, in this order${v ? ` (${verificationLine(v)})` : ""}:`;
  return { sql: phase.rollbackSql, head };
}
function indent(text, by) {
  return text.split("\n").map((l) => l.length ? by + l : l).join("\n");
}
function renderPlanText(plan, verification) {
  if (plan.phases.length === 0) {
    return ["Nothing to plan: no statements under review.", ...plan.notes.map((n) => `- ${n}`)].join("\n") + "\n";
  }
  const out = [];
  if (verification) {
    const v = verification.plan;
    out.push(
      v.status === "failed" ? `This plan FAILED verification: do not run it as is. ${verificationLine(v)}` : v.status === "verified" ? `This plan was run phase by phase and ended in the schema the migrations produce: ${verificationLine(v)}.` : `This plan is ${verificationLine(v)}.`,
      ""
    );
  }
  plan.phases.forEach((phase, i) => {
    out.push(`Phase ${i + 1}. ${phase.title}`);
    const pv = verification?.phases[i];
    if (pv) out.push(`  (${verificationLine(pv)})`);
    phase.steps.forEach((step, j) => {
      out.push(`  ${i + 1}.${j + 1} ${step.migrationPath}:${step.line} ${step.operationKind}`);
      out.push(indent(step.description, "      "));
      if (step.replaces) out.push(indent(`instead of: ${step.replaces.replace(/\s+/g, " ").trim()}`, "      "));
      if (step.sql.length > 0) {
        out.push(`      ${step.transactional ? step.sql.length > 1 ? "in one transaction:" : "run:" : "outside a transaction, one statement at a time:"}`);
        for (const s of step.sql) out.push(indent(`${s};`, "        "));
      }
    });
    if (phase.appMustDo) out.push(`  Before the next phase: ${phase.appMustDo}`);
    out.push(`  Roll back: ${phase.rollback}`);
    const undo = rollbackShown(phase, verification?.rollbacks?.[i]);
    if (undo && "failed" in undo) out.push(indent(undo.failed, "    "));
    else if (undo) out.push(`    ${undo.head}`, ...undo.sql.map((s) => indent(`${s};`, "      ")));
    out.push("");
  });
  if (plan.notes.length) {
    out.push("Notes:");
    for (const n of plan.notes) out.push(`  - ${n}`);
  }
  return out.join("\n").trimEnd() + "\n";
}

// src/plan/context.ts
var RETRY_ADVICE = "The lock_timeout stops it from queueing every query behind it while it waits for the lock; if it times out nothing changed: retry it a few times, with a pause.";
function qualified(rel) {
  if (!rel?.relname) return void 0;
  return `${rel.schemaname ?? "public"}.${rel.relname}`;
}
function isExisting(ctx, rel, op) {
  if (op?.targetIsNew) return false;
  const name = qualified(rel);
  return !(name && ctx.memory.newTables.has(name));
}
function draft(ctx, phase, kind, description, sql, opts = {}) {
  const step = {
    migrationPath: ctx.migration.report.path,
    line: ctx.statement.line,
    operationKind: kind,
    description,
    sql,
    transactional: opts.transactional ?? true
  };
  if (opts.replaces) step.replaces = ctx.statement.text;
  if (opts.rollback && opts.rollback.length > 0) step.rollback = opts.rollback;
  return opts.appMustDo ? { phase, step, appMustDo: opts.appMustDo } : { phase, step };
}
function lockTimeoutSql(ctx) {
  return `SET lock_timeout = '${ctx.lockTimeout.replace(/'/g, "''")}'`;
}
function blocking(lock) {
  return lock !== void 0 && blocksWrites(lock);
}
function batchedSql(ctx, batchStatement) {
  if (ctx.pgVersion >= 11) {
    return {
      sql: batchLoop(batchStatement),
      how: `in batches of ${ctx.batchSize} rows, committing and pausing between batches`
    };
  }
  return {
    sql: batchStatement,
    how: `in batches of ${ctx.batchSize} rows: run the statement again until it reports 0 rows (PostgreSQL ${ctx.pgVersion} cannot COMMIT inside a DO block)`
  };
}
function batchedUpdate2(ctx, relSql, setSql, pending) {
  return batchedUpdate(relSql, setSql, pending, ctx.batchSize);
}
function absorbDrop(ctx, key) {
  const d = ctx.memory.drops.get(key);
  if (!d || d.absorbed) return [];
  d.absorbed = true;
  ctx.memory.drops.delete(key);
  return d.step.sql.filter((s) => !/^SET\s+lock_timeout\b/i.test(s));
}
function constraintKey(rel, name) {
  return `constraint ${qualified(rel)}.${name}`;
}

// src/plan/constraints.ts
function defaultConstraintName(rel, con, columnOfDef) {
  const table = rel.relname ?? "";
  switch (con.contype) {
    case "CONSTR_FOREIGN": {
      const cols = stringList(con.fk_attrs);
      return makeObjectName(table, (cols.length ? cols : columnOfDef ? [columnOfDef] : []).join("_") || void 0, "fkey");
    }
    case "CONSTR_CHECK": {
      const cols = new Set(columnRefs(con.raw_expr));
      const only = columnOfDef ?? (cols.size === 1 ? [...cols][0] : void 0);
      return makeObjectName(table, only, "check");
    }
    case "CONSTR_PRIMARY":
      return makeObjectName(table, void 0, "pkey");
    case "CONSTR_UNIQUE": {
      const cols = stringList(con.keys);
      return makeObjectName(table, (cols.length ? cols : columnOfDef ? [columnOfDef] : []).join("_"), "key");
    }
    case "CONSTR_EXCLUSION":
      return makeObjectName(table, void 0, "excl");
    default:
      return makeObjectName(table, columnOfDef, "constraint");
  }
}
function alterSql(rel, cmd) {
  return deparse({
    AlterTableStmt: {
      relation: rel,
      cmds: [{ AlterTableCmd: { behavior: "DROP_RESTRICT", ...cmd } }],
      objtype: "OBJECT_TABLE"
    }
  });
}
function planValidatedConstraint(ctx, rel, con, kind, columnOfDef) {
  const name = con.conname ?? defaultConstraintName(rel, con, columnOfDef);
  const table = relationSql(rel);
  const def = { ...con, conname: name, skip_validation: true, initially_valid: false };
  if (con.contype === "CONSTR_FOREIGN" && stringList(con.fk_attrs).length === 0 && columnOfDef) {
    def.fk_attrs = [{ String: { sval: columnOfDef } }];
  }
  const isFk = con.contype === "CONSTR_FOREIGN";
  const referenced = isFk && con.pktable ? relationSql(con.pktable) : void 0;
  if (con.contype === "CONSTR_CHECK") noteNotNullCheck(ctx, rel, con);
  const dropFirst = absorbDrop(ctx, constraintKey(rel, name));
  const replacing = dropFirst.length ? ` The migration dropped a constraint named ${ident(name)} first: that drop runs in this same transaction, so the table is never without the constraint (the old one stays enforced until the new one is in place).` : "";
  return [
    draft(
      ctx,
      "expand",
      kind,
      `Add ${isFk ? "the foreign key" : "the CHECK"} ${ident(name)} NOT VALID: Postgres enforces it on new and updated rows at once and skips the scan of existing rows, so the ${isFk ? `SHARE ROW EXCLUSIVE lock on ${table}${referenced ? ` and ${referenced}` : ""}` : `ACCESS EXCLUSIVE lock on ${table}`} lasts milliseconds.${replacing} ${RETRY_ADVICE}`,
      [lockTimeoutSql(ctx), ...dropFirst, alterSql(rel, { subtype: "AT_AddConstraint", def: { Constraint: def } })],
      // Undoing a replacement means re-creating the old definition, which only the base schema knows.
      { replaces: true, ...dropFirst.length ? {} : { rollback: [`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${ident(name)}`] } }
    ),
    draft(
      ctx,
      "validate",
      "VALIDATE_CONSTRAINT",
      `Validate ${ident(name)} in its own transaction: it scans the existing rows under SHARE UPDATE EXCLUSIVE${isFk ? " (and ROW SHARE on the referenced table)" : ""}, so reads and writes continue. If it fails, fix the rows it names and run it again.`,
      [`ALTER TABLE ${table} VALIDATE CONSTRAINT ${ident(name)}`]
    )
  ];
}
function noteNotNullCheck(ctx, rel, con) {
  const t = as(con.raw_expr, "NullTest");
  if (!t || t.nulltesttype !== "IS_NOT_NULL") return;
  const col = stringList(as(t.arg, "ColumnRef")?.fields).pop();
  const table = qualified(rel);
  if (col && table) ctx.memory.notNullChecks.add(`${table}|${col}`);
}
function planSetNotNull(ctx, rel, column, kind, replaces = true) {
  const table = relationSql(rel);
  const check = makeObjectName(rel.relname ?? "", column, "not_null_check");
  const col = ident(column);
  const steps = [
    draft(
      ctx,
      "validate",
      kind,
      `Add CHECK (${col} IS NOT NULL) NOT VALID: new rows must have a value from now on, existing rows are not scanned, and the lock is brief. ${RETRY_ADVICE}`,
      [lockTimeoutSql(ctx), `ALTER TABLE ${table} ADD CONSTRAINT ${ident(check)} CHECK (${col} IS NOT NULL) NOT VALID`],
      { replaces, rollback: [`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${ident(check)}`] }
    ),
    draft(
      ctx,
      "validate",
      "VALIDATE_CONSTRAINT",
      `Validate the CHECK in its own transaction: a scan under SHARE UPDATE EXCLUSIVE that lets reads and writes continue. It fails while any row still has ${col} NULL: finish the backfill first.`,
      [`ALTER TABLE ${table} VALIDATE CONSTRAINT ${ident(check)}`]
    )
  ];
  if (ctx.pgVersion >= 12) {
    steps.push(
      draft(
        ctx,
        "validate",
        "SET_NOT_NULL",
        `SET NOT NULL now skips the scan because the validated CHECK already proves it (PostgreSQL 12+); then the CHECK is redundant and goes. ${RETRY_ADVICE}`,
        [lockTimeoutSql(ctx), `ALTER TABLE ${table} ALTER COLUMN ${col} SET NOT NULL`, `ALTER TABLE ${table} DROP CONSTRAINT ${ident(check)}`],
        { rollback: [`ALTER TABLE ${table} ALTER COLUMN ${col} DROP NOT NULL`] }
      )
    );
  } else {
    steps.push(
      draft(
        ctx,
        "validate",
        "SET_NOT_NULL",
        `Before PostgreSQL 12, SET NOT NULL scans the whole table under ACCESS EXCLUSIVE even with the validated CHECK. Either keep the CHECK as the guarantee and skip this step, or run it in a maintenance window.`,
        [lockTimeoutSql(ctx), `ALTER TABLE ${table} ALTER COLUMN ${col} SET NOT NULL`, `ALTER TABLE ${table} DROP CONSTRAINT ${ident(check)}`],
        { rollback: [`ALTER TABLE ${table} ALTER COLUMN ${col} DROP NOT NULL`] }
      )
    );
  }
  return steps;
}
function nullableWhenValidating(ctx, rel, column) {
  let table = qualified(rel) ?? "";
  let col = column;
  const earlier = ctx.migration.up.statements.filter((s) => !s.nestedIn && s.index < ctx.statement.index);
  for (let i = earlier.length - 1; i >= 0; i--) {
    const t = nodeTag(earlier[i].ast);
    if (!t) continue;
    if (t[0] === "RenameStmt") {
      const r = t[1];
      if (r.renameType === "OBJECT_COLUMN" && relationName(r.relation) === table && r.newname === col && r.subname) col = r.subname;
      else if (r.renameType === "OBJECT_TABLE" && r.relation?.relname && r.newname && `${r.relation.schemaname ?? "public"}.${r.newname}` === table) table = relationName(r.relation);
      continue;
    }
    if (t[0] === "CreateStmt" && relationName(t[1].relation) === table) return void 0;
    if (t[0] !== "AlterTableStmt") continue;
    const v = t[1];
    if (relationName(v.relation) !== table) continue;
    for (const n of [...v.cmds ?? []].reverse()) {
      const cmd = as(n, "AlterTableCmd");
      if (cmd?.subtype === "AT_DropNotNull" && cmd.name === col) return true;
      if (cmd?.subtype === "AT_DropColumn" && cmd.name === col) return void 0;
      const def = as(cmd?.def, "ColumnDef");
      if (cmd?.subtype === "AT_AddColumn" && def?.colname === col) {
        const cons = (def.constraints ?? []).map((c) => as(c, "Constraint")?.contype);
        const notNull = def.is_not_null || cons.some((c) => c === "CONSTR_NOTNULL" || c === "CONSTR_PRIMARY" || c === "CONSTR_IDENTITY");
        const serial = /^(small|big)?serial[248]?$/i.test(stringList(def.typeName?.names).at(-1) ?? "");
        return notNull || serial ? void 0 : true;
      }
    }
  }
  const shape = ctx.migration.columnShapes?.get(columnShapeKey(table, col));
  return shape ? !shape.notNull : void 0;
}
function planUniqueUsingIndex(ctx, rel, con, kind, columnOfDef, nullable = (c) => nullableWhenValidating(ctx, rel, c)) {
  const isPk = con.contype === "CONSTR_PRIMARY";
  const name = con.conname ?? defaultConstraintName(rel, con, columnOfDef);
  const table = relationSql(rel);
  const keys = stringList(con.keys);
  const cols = keys.length ? keys : columnOfDef ? [columnOfDef] : [];
  const including = stringList(con.including);
  const dropFirst = absorbDrop(ctx, constraintKey(rel, name));
  const built = dropFirst.length ? makeObjectName(name, void 0, "new") : name;
  const indexName = rel.schemaname ? `${ident(rel.schemaname)}.${ident(built)}` : ident(built);
  const create = `CREATE UNIQUE INDEX CONCURRENTLY ${ident(built)} ON ${table} (${cols.map(ident).join(", ")})` + (including.length ? ` INCLUDE (${including.map(ident).join(", ")})` : "") + (con.nulls_not_distinct ? " NULLS NOT DISTINCT" : "");
  const steps = [
    draft(
      ctx,
      "expand",
      kind,
      `Build the unique index CONCURRENTLY, on its own and outside a transaction: writes continue while it builds. If the build fails (a duplicate, a timeout) it leaves an INVALID index behind: drop it with DROP INDEX CONCURRENTLY ${indexName}, fix the duplicates, and build again.`,
      [create],
      { transactional: false, replaces: true, rollback: [`DROP INDEX CONCURRENTLY IF EXISTS ${indexName}`] }
    )
  ];
  const nnChecks = [];
  if (isPk) {
    for (const c of cols) {
      const key = `${qualified(rel)}|${c}`;
      if (ctx.memory.notNullChecks.has(key)) continue;
      const check = makeObjectName(rel.relname ?? "", c, "not_null_check");
      nnChecks.push(check);
      steps.push(
        draft(
          ctx,
          "validate",
          "ADD_CHECK",
          `A primary key needs ${ident(c)} NOT NULL: prove it first with a CHECK added NOT VALID and validated separately, so attaching the key does not scan the table under ACCESS EXCLUSIVE.`,
          [lockTimeoutSql(ctx), `ALTER TABLE ${table} ADD CONSTRAINT ${ident(check)} CHECK (${ident(c)} IS NOT NULL) NOT VALID`],
          { rollback: [`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${ident(check)}`] }
        ),
        draft(ctx, "validate", "VALIDATE_CONSTRAINT", `Validate it in its own transaction (reads and writes continue).`, [
          `ALTER TABLE ${table} VALIDATE CONSTRAINT ${ident(check)}`
        ])
      );
    }
  }
  const deferrable = con.deferrable ? ` DEFERRABLE${con.initdeferred ? " INITIALLY DEFERRED" : ""}` : "";
  const dropNotNull = isPk ? cols.filter((c) => nullable(c) === true).map((c) => `ALTER TABLE ${table} ALTER COLUMN ${ident(c)} DROP NOT NULL`) : [];
  steps.push(
    draft(
      ctx,
      "validate",
      kind,
      `Turn the index into the ${isPk ? "primary key" : "unique constraint"} ${ident(name)} (USING INDEX): a catalog change under a brief ACCESS EXCLUSIVE lock, no index build.${dropFirst.length ? ` The constraint of the same name the migration dropped goes in the same transaction, and the index takes the constraint's name.` : ""}${isPk && ctx.pgVersion < 12 ? " Before PostgreSQL 12 setting the key columns NOT NULL still scans the table." : ""} ${RETRY_ADVICE}`,
      [
        lockTimeoutSql(ctx),
        ...dropFirst,
        `ALTER TABLE ${table} ADD CONSTRAINT ${ident(name)} ${isPk ? "PRIMARY KEY" : "UNIQUE"} USING INDEX ${ident(built)}${deferrable}`,
        ...nnChecks.map((c) => `ALTER TABLE ${table} DROP CONSTRAINT ${ident(c)}`)
      ],
      // Dropping the constraint drops the index it took over, which the expand phase built and
      // its rollback drops: built again, the database is where this phase found it. A constraint
      // the migration dropped first cannot be brought back from here.
      dropFirst.length ? {} : { rollback: [`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${ident(name)}`, ...dropNotNull, create.replace(/^CREATE UNIQUE INDEX CONCURRENTLY /, "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ")] }
    )
  );
  return steps;
}

// src/plan/columns.ts
function constraintsOf(def) {
  return (def.constraints ?? []).map((n) => as(n, "Constraint")).filter((c) => !!c);
}
function addColumnSql(rel, def, missingOk = false) {
  return deparse({
    AlterTableStmt: {
      relation: rel,
      cmds: [{ AlterTableCmd: { subtype: "AT_AddColumn", def: { ColumnDef: def }, behavior: "DROP_RESTRICT", ...missingOk ? { missing_ok: true } : {} } }],
      objtype: "OBJECT_TABLE"
    }
  });
}
var SERIAL = /^(small|big)?serial[248]?$/i;
function noOnlineRoute(def, cons) {
  const typeName = def.typeName ? deparse({ TypeName: def.typeName }) : "";
  if (cons.some((c) => c.contype === "CONSTR_IDENTITY")) return "an identity column fills every existing row while the table is rewritten";
  if (cons.some((c) => c.contype === "CONSTR_GENERATED" && c.generated_kind !== "v"))
    return "a stored generated column is computed for every row while the table is rewritten";
  if (SERIAL.test(typeName)) return "a serial column takes its sequence value for every existing row while the table is rewritten";
  return void 0;
}
function planAddColumn(ctx, rel, def, op, missingOk = false) {
  const column = def.colname ?? "";
  const cons = constraintsOf(def);
  const defaultExpr = cons.find((c) => c.contype === "CONSTR_DEFAULT")?.raw_expr;
  const notNull = cons.some((c) => c.contype === "CONSTR_NOTNULL");
  const pk = cons.find((c) => c.contype === "CONSTR_PRIMARY");
  const inline = cons.filter((c) => ["CONSTR_CHECK", "CONSTR_FOREIGN", "CONSTR_UNIQUE", "CONSTR_PRIMARY"].includes(c.contype ?? ""));
  const volatile = op?.kind === "ADD_COLUMN_VOLATILE_DEFAULT";
  const fastDefault = defaultExpr !== void 0 && !volatile && ctx.pgVersion >= 11;
  const needsNotNullSteps = (notNull || pk !== void 0) && !fastDefault;
  const needsBackfill = defaultExpr !== void 0 && !fastDefault;
  const table = relationSql(rel);
  const col = ident(column);
  const blocker = noOnlineRoute(def, cons);
  if (blocker) {
    return [maintenanceStep(ctx, rel, op?.kind ?? "ADD_COLUMN_VOLATILE_DEFAULT", `ADD COLUMN ${column}`, addColumnSql(rel, def, missingOk), blocker, "add a plain column, fill it in batches and attach the sequence or expression afterwards")];
  }
  if (!needsNotNullSteps && !needsBackfill && inline.length === 0) return void 0;
  const kept = cons.filter((c) => c.contype === "CONSTR_NULL" ? false : c.contype === "CONSTR_DEFAULT" ? fastDefault : !["CONSTR_NOTNULL", "CONSTR_CHECK", "CONSTR_FOREIGN", "CONSTR_UNIQUE", "CONSTR_PRIMARY"].includes(c.contype ?? ""));
  const bare = { ...def, constraints: kept.map((c) => ({ Constraint: c })) };
  if (kept.length === 0) delete bare.constraints;
  const expandSql = [lockTimeoutSql(ctx), addColumnSql(rel, bare)];
  const defaultSql = defaultExpr ? deparse(defaultExpr) : void 0;
  if (defaultSql && !fastDefault) expandSql.push(`ALTER TABLE ${table} ALTER COLUMN ${col} SET DEFAULT ${defaultSql}`);
  const noValue = needsNotNullSteps && defaultExpr === void 0;
  const steps = [
    draft(
      ctx,
      "expand",
      op?.kind ?? "ADD_COLUMN_NULLABLE",
      `Add ${col} as a nullable column${defaultSql && !fastDefault ? ", then give it its default for new rows only (SET DEFAULT does not touch existing rows, so nothing is rewritten)" : ""}: a catalog-only change under a brief ACCESS EXCLUSIVE lock. ${RETRY_ADVICE}`,
      expandSql,
      {
        replaces: true,
        rollback: [`ALTER TABLE ${table} DROP COLUMN IF EXISTS ${col}`],
        ...noValue ? { appMustDo: `Write ${col} on every INSERT into ${table} (it will be NOT NULL).` } : {}
      }
    )
  ];
  if (needsBackfill && defaultSql) {
    const batch = batchedSql(ctx, batchedUpdate2(ctx, table, `${col} = ${defaultSql}`, `${col} IS NULL`));
    steps.push(
      draft(ctx, "backfill", "UPDATE_VALUES", `Fill existing rows with ${defaultSql}, ${batch.how}. Each row gets its own value, as the DEFAULT would have given it.`, [batch.sql], {
        transactional: false
      })
    );
  } else if (noValue) {
    steps.push(
      draft(
        ctx,
        "backfill",
        "UPDATE_VALUES",
        `Existing rows need a value in ${col} before it can be NOT NULL, and the migration does not say which (no DEFAULT). Choose it, and fill it in batches of ${ctx.batchSize}, e.g. UPDATE ${table} SET ${col} = <value> WHERE ctid = ANY (ARRAY(SELECT ctid FROM ${table} WHERE ${col} IS NULL LIMIT ${ctx.batchSize})), repeated until it updates no row. Or add the column with a constant DEFAULT instead (instant since PostgreSQL 11).`,
        [],
        { transactional: false }
      )
    );
  }
  for (const c of inline) {
    if (c.contype === "CONSTR_CHECK") steps.push(...planValidatedConstraint(ctx, rel, c, "ADD_CHECK", column));
    else if (c.contype === "CONSTR_FOREIGN") steps.push(...planValidatedConstraint(ctx, rel, c, "ADD_FOREIGN_KEY", column));
  }
  if (needsNotNullSteps && !pk) steps.push(...planSetNotNull(ctx, rel, column, "SET_NOT_NULL", false));
  for (const c of inline) {
    if (c.contype === "CONSTR_UNIQUE") steps.push(...planUniqueUsingIndex(ctx, rel, c, "ADD_UNIQUE", column));
    else if (c.contype === "CONSTR_PRIMARY") steps.push(...planUniqueUsingIndex(ctx, rel, c, "ADD_PRIMARY_KEY", column, () => true));
  }
  for (const s of steps.slice(1)) delete s.step.replaces;
  return steps;
}
function maintenanceStep(ctx, rel, kind, what, sql, why, alternative) {
  ctx.memory.notes.push(`${ctx.migration.report.path}:${ctx.statement.line}: ${what} has no safe online route (${why}). Run it in a maintenance window, or ${alternative}.`);
  return draft(
    ctx,
    "expand",
    kind,
    `No online alternative: ${why}, under an ACCESS EXCLUSIVE lock on ${relationSql(rel)} that blocks reads and writes until it commits. Run it in a maintenance window, or ${alternative}. ${RETRY_ADVICE}`,
    [lockTimeoutSql(ctx), sql],
    { replaces: true }
  );
}
function namesIn(node, out = /* @__PURE__ */ new Set()) {
  if (Array.isArray(node)) for (const n of node) namesIn(n, out);
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (typeof v === "string" && ["sval", "relname", "colname", "name"].includes(k)) out.add(v);
      else namesIn(v, out);
    }
  }
  return out;
}
function laterUse(ctx, rel, column) {
  const s = ctx.migration.up.statements.find((x) => x.index > ctx.statement.index && !x.nestedIn && (() => {
    const names = namesIn(x.ast);
    return names.has(rel.relname ?? "") && names.has(column);
  })());
  return s ? `the statement at line ${s.line}` : void 0;
}
function addedEarlier(ctx, rel, column) {
  for (const s of ctx.migration.up.statements) {
    if (s.index >= ctx.statement.index || s.nestedIn) continue;
    const v = as(s.ast, "AlterTableStmt");
    if (!v || v.relation?.relname !== rel.relname || (v.relation?.schemaname ?? "public") !== (rel.schemaname ?? "public")) continue;
    for (const c of v.cmds ?? []) {
      const cmd = as(c, "AlterTableCmd");
      const def = cmd?.subtype === "AT_AddColumn" ? as(cmd.def, "ColumnDef") : void 0;
      if (def?.colname === column) return def;
    }
  }
  return void 0;
}
function renameColumn(node, from, to) {
  const walk = (n) => {
    if (Array.isArray(n)) return n.map(walk);
    if (!n || typeof n !== "object") return n;
    const out = {};
    for (const [k, v] of Object.entries(n)) {
      if (k === "ColumnRef") {
        const fields = (v.fields ?? []).map((f, i, all) => {
          const sval = as(f, "String")?.sval;
          return i === all.length - 1 && sval === from ? { String: { sval: to } } : f;
        });
        out[k] = { ...v, fields };
      } else if (k === "IndexElem" && v.name === from) {
        out[k] = walk({ ...v, name: to });
      } else if (k === "fk_attrs") {
        out[k] = v.map((f) => as(f, "String")?.sval === from ? { String: { sval: to } } : f);
      } else out[k] = walk(v);
    }
    return out;
  };
  return walk(node);
}
function parseOne(sql) {
  const parsed = parseSource({ path: "catalog.sql", text: sql });
  return parsed.errors.length === 0 ? parsed.statements[0]?.ast : void 0;
}
function indexCopySql(definition, from, to, tmp) {
  const ast = as(parseOne(definition), "IndexStmt");
  if (!ast) return void 0;
  const copy = renameColumn(ast, from, to);
  return deparse({ IndexStmt: { ...copy, idxname: tmp, concurrent: true } });
}
function constraintCopySql(table, definition, from, to, tmp) {
  const ast = as(parseOne(`ALTER TABLE ${table} ADD CONSTRAINT ${ident(tmp)} ${definition}`), "AlterTableStmt");
  const cmd = as(ast?.cmds?.[0], "AlterTableCmd");
  const con = as(cmd?.def, "Constraint");
  if (!ast || !cmd || !con) return void 0;
  const renamed = { ...renameColumn(con, from, to), skip_validation: true, initially_valid: false };
  return deparse({ AlterTableStmt: { ...ast, cmds: [{ AlterTableCmd: { ...cmd, def: { Constraint: renamed } } }] } });
}
function planTypeChange(ctx, rel, cmd) {
  const def = as(cmd.def, "ColumnDef");
  const column = cmd.name ?? "";
  const typeSql = def?.typeName ? deparse({ TypeName: def.typeName }) : "text";
  const collate = def?.collClause ? ` COLLATE ${stringList(def.collClause.collname).map(ident).join(".")}` : "";
  const using = def?.raw_default ? deparse(def.raw_default) : void 0;
  const table = relationSql(rel);
  const col = ident(column);
  const single = deparse({ AlterTableStmt: { relation: rel, cmds: [{ AlterTableCmd: cmd }], objtype: "OBJECT_TABLE" } });
  const shape = ctx.migration.columnShapes?.get(columnShapeKey(qualified(rel) ?? "", column));
  const recipe = `add a column of the new type beside ${col}, keep it in sync with a trigger, copy the rows in batches, re-create on it ${col}'s NOT NULL (a validated CHECK, then SET NOT NULL), DEFAULT, indexes (CONCURRENTLY) and constraints (NOT VALID, then VALIDATE), then swap the names in one short transaction`;
  if (!shape) {
    return [maintenanceStep(
      ctx,
      rel,
      "ALTER_COLUMN_TYPE",
      `the type change of ${column}`,
      single,
      `ALTER COLUMN TYPE rewrites the table and rebuilds its indexes, and the online route has to re-create everything ${col} carries, which only the schema can tell (the plan reads it when it is verified: \`plan\`, or \`check --dry-run\`)`,
      recipe
    )];
  }
  const touchedLater = laterUse(ctx, rel, column);
  if (touchedLater) {
    return [maintenanceStep(
      ctx,
      rel,
      "ALTER_COLUMN_TYPE",
      `the type change of ${column}`,
      single,
      `ALTER COLUMN TYPE rewrites the table and rebuilds its indexes, and the online route swaps in the new column only in the deploy phase, while ${touchedLater} later in this migration expects it at once`,
      "move what the migration does to the column after its type change into a later migration, then " + recipe
    )];
  }
  const newName = makeObjectName(column, void 0, "new");
  const copies = shape.indexes.map((i) => ({ ...i, tmp: makeObjectName(i.name, void 0, "new") }));
  const cons = shape.constraints.map((c) => ({ ...c, tmp: makeObjectName(c.name, void 0, "new") }));
  const indexSql = copies.map((i) => indexCopySql(i.definition, column, newName, i.tmp));
  const conSql = cons.map((c) => constraintCopySql(table, c.definition, column, newName, c.tmp));
  const blockers = [...shape.blockers];
  if (indexSql.some((x) => !x) || conSql.some((x) => !x)) blockers.push("an index or constraint on it could not be rebuilt for the new column");
  if (blockers.length > 0) {
    return [maintenanceStep(
      ctx,
      rel,
      "ALTER_COLUMN_TYPE",
      `the type change of ${column}`,
      single,
      `ALTER COLUMN TYPE rewrites the table and rebuilds its indexes, and ${col} cannot be swapped for a new column online: ${blockers.join("; ")}`,
      "remove what ties the column down first, then " + recipe
    )];
  }
  const newCol = ident(newName);
  const oldCol = ident(makeObjectName(column, void 0, "old"));
  const nnCheck = makeObjectName(rel.relname ?? "", newName, "not_null_check");
  const fnName = makeObjectName(rel.relname ?? "", column, "sync");
  const fn = siblingSql(rel, fnName);
  const rowExpr = using ?? `CAST(${col} AS ${typeSql})`;
  const triggerExpr = using ? `(SELECT ${using} FROM (SELECT NEW.*) AS r)` : `CAST(NEW.${col} AS ${typeSql})`;
  const body = `
BEGIN
  NEW.${newCol} := ${triggerExpr};
  RETURN NEW;
END
`;
  const tag = dollarTag(body, "sync");
  const exec = ctx.pgVersion >= 11 ? "EXECUTE FUNCTION" : "EXECUTE PROCEDURE";
  const batch = batchedSql(ctx, batchedUpdate2(ctx, table, `${newCol} = ${rowExpr}`, `${newCol} IS NULL AND ${col} IS NOT NULL`));
  const dropSync = [`DROP TRIGGER IF EXISTS ${ident(fnName)} ON ${table}`, `DROP FUNCTION IF EXISTS ${fn}()`];
  const carried = [
    shape.notNull ? "NOT NULL" : "",
    shape.default !== void 0 ? "its DEFAULT" : "",
    copies.length ? `${copies.length === 1 ? "the index" : `the ${copies.length} indexes`} ${copies.map((i) => ident(i.name)).join(", ")}` : "",
    cons.length ? `the constraint${cons.length > 1 ? "s" : ""} ${cons.map((c) => ident(c.name)).join(", ")}` : "",
    shape.ownedSequence ? `its sequence ${shape.ownedSequence}` : ""
  ].filter(Boolean);
  const expandSql = [lockTimeoutSql(ctx), `ALTER TABLE ${table} ADD COLUMN ${newCol} ${typeSql}${collate}`];
  if (shape.default !== void 0) expandSql.push(`ALTER TABLE ${table} ALTER COLUMN ${newCol} SET DEFAULT ${shape.default}`);
  if (shape.notNull) expandSql.push(`ALTER TABLE ${table} ADD CONSTRAINT ${ident(nnCheck)} CHECK (${newCol} IS NOT NULL) NOT VALID`);
  expandSql.push(...conSql);
  expandSql.push(
    `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS ${tag}${body}${tag}`,
    `CREATE TRIGGER ${ident(fnName)} BEFORE INSERT OR UPDATE ON ${table} FOR EACH ROW ${exec} ${fn}()`
  );
  const steps = [
    draft(
      ctx,
      "expand",
      "ALTER_COLUMN_TYPE",
      `Add ${newCol} ${typeSql} beside ${col} and keep it in sync with a trigger, so every write from now on fills both${shape.default !== void 0 ? `; it gets ${col}'s DEFAULT` : ""}${shape.notNull || cons.length ? `, and ${[shape.notNull ? "a CHECK that it is NOT NULL" : "", cons.length ? `copies of ${cons.map((c) => ident(c.name)).join(", ")}` : ""].filter(Boolean).join(" and ")}, added NOT VALID (enforced on new rows, existing rows not scanned)` : ""}. No rewrite; brief ACCESS EXCLUSIVE lock. ${RETRY_ADVICE}`,
      expandSql,
      { replaces: true, rollback: [...dropSync, `ALTER TABLE ${table} DROP COLUMN IF EXISTS ${newCol}`] }
    ),
    draft(ctx, "backfill", "UPDATE_VALUES", `Copy the existing values into ${newCol}, ${batch.how}.`, [batch.sql], { transactional: false })
  ];
  for (const [name, validated] of [...shape.notNull ? [[nnCheck, true]] : [], ...cons.map((c) => [c.tmp, c.validated])]) {
    if (!validated) continue;
    steps.push(draft(
      ctx,
      "validate",
      "VALIDATE_CONSTRAINT",
      `Validate ${ident(name)} in its own transaction: it scans the rows under SHARE UPDATE EXCLUSIVE, so reads and writes continue. It fails while a row breaks it: finish the backfill first.`,
      [`ALTER TABLE ${table} VALIDATE CONSTRAINT ${ident(name)}`]
    ));
  }
  copies.forEach((i, k) => {
    steps.push(draft(
      ctx,
      "validate",
      "CREATE_INDEX",
      `Build ${ident(i.tmp)}, the copy of ${ident(i.name)} on ${newCol}, CONCURRENTLY: writes continue while it builds. It cannot run inside a transaction block. If the build fails it leaves an INVALID index: drop it with DROP INDEX CONCURRENTLY ${siblingSql(rel, i.tmp)} and build again.`,
      [indexSql[k]],
      { transactional: false, rollback: [`DROP INDEX CONCURRENTLY IF EXISTS ${siblingSql(rel, i.tmp)}`] }
    ));
  });
  const swap = [lockTimeoutSql(ctx), `ALTER TABLE ${table} RENAME COLUMN ${col} TO ${oldCol}`, `ALTER TABLE ${table} RENAME COLUMN ${newCol} TO ${col}`];
  for (const i of copies) if (i.constraint) swap.push(`ALTER TABLE ${table} DROP CONSTRAINT ${ident(i.constraint.name)}`);
  if (shape.default !== void 0) swap.push(`ALTER TABLE ${table} ALTER COLUMN ${oldCol} DROP DEFAULT`);
  swap.push(`ALTER TABLE ${table} ALTER COLUMN ${oldCol} DROP NOT NULL`);
  if (shape.notNull) {
    swap.push(`ALTER TABLE ${table} ALTER COLUMN ${col} SET NOT NULL`, `ALTER TABLE ${table} DROP CONSTRAINT ${ident(nnCheck)}`);
  }
  for (const i of copies) {
    if (i.constraint) {
      const c = i.constraint;
      swap.push(`ALTER TABLE ${table} ADD CONSTRAINT ${ident(c.name)} ${c.kind === "primary-key" ? "PRIMARY KEY" : "UNIQUE"} USING INDEX ${ident(i.tmp)}${c.deferrable ? ` DEFERRABLE${c.deferred ? " INITIALLY DEFERRED" : ""}` : ""}`);
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
      "deploy",
      "ALTER_COLUMN_TYPE",
      `Swap the columns in one short transaction: ${col} now has type ${typeSql}${carried.length ? ` with ${carried.join(", ")}` : ""}; the old values stay in ${oldCol} (made nullable, without default, so new rows need not fill it).${shape.notNull && ctx.pgVersion < 12 ? " Before PostgreSQL 12, SET NOT NULL scans the table here even with the validated CHECK." : ""} The application keeps the name ${col}; deploy code that handles the new type first. ${RETRY_ADVICE}`,
      swap
    ),
    draft(
      ctx,
      "contract",
      "DROP_COLUMN",
      `In a later release, once nothing reads ${oldCol}, drop it. ${RETRY_ADVICE}`,
      [lockTimeoutSql(ctx), `ALTER TABLE ${table} DROP COLUMN ${oldCol}`]
    )
  );
  return steps;
}
function renameInPlace(ctx, rel, from) {
  const shape = ctx.migration.columnShapes?.get(columnShapeKey(qualified(rel) ?? "", from));
  const added = addedEarlier(ctx, rel, from);
  if (!shape && added) return (added.constraints ?? []).length === 0 && !added.collClause ? void 0 : `${ident(from)} was added by this migration with more than a type`;
  if (!shape) return "the plan could not read the column's definition (it does when it is verified: `plan`, or `check --dry-run`)";
  const carries = [
    shape.notNull ? "NOT NULL" : "",
    shape.default !== void 0 ? "a DEFAULT" : "",
    shape.indexes.length ? "indexes" : "",
    shape.constraints.length ? "constraints" : "",
    shape.ownedSequence ? "a sequence" : "",
    ...shape.blockers
  ].filter(Boolean);
  return carries.length ? `${ident(from)} carries ${carries.join(", ")}, which a second column kept in sync would not have` : void 0;
}
function planRenameColumn(ctx, v) {
  const rel = v.relation;
  const from = v.subname ?? "";
  const to = v.newname ?? "";
  const table = relationSql(rel);
  const a = ident(from);
  const b = ident(to);
  const fnName = makeObjectName(rel.relname ?? "", to, "sync");
  const fn = siblingSql(rel, fnName);
  const addBody = `
BEGIN
  EXECUTE format('ALTER TABLE %s ADD COLUMN %I %s', ${literal(table)}::regclass, ${literal(to)},
    (SELECT format_type(atttypid, atttypmod) FROM pg_attribute
      WHERE attrelid = ${literal(table)}::regclass AND attname = ${literal(from)}));
END
`;
  const addTag = dollarTag(addBody, "add");
  const body = [
    "",
    "BEGIN",
    "  IF TG_OP = 'INSERT' THEN",
    `    IF NEW.${b} IS NULL THEN NEW.${b} := NEW.${a}; ELSIF NEW.${a} IS NULL THEN NEW.${a} := NEW.${b}; END IF;`,
    `  ELSIF NEW.${a} IS DISTINCT FROM OLD.${a} THEN`,
    `    NEW.${b} := NEW.${a};`,
    `  ELSIF NEW.${b} IS DISTINCT FROM OLD.${b} THEN`,
    `    NEW.${a} := NEW.${b};`,
    "  END IF;",
    "  RETURN NEW;",
    "END",
    ""
  ].join("\n");
  const tag = dollarTag(body, "sync");
  const exec = ctx.pgVersion >= 11 ? "EXECUTE FUNCTION" : "EXECUTE PROCEDURE";
  const batch = batchedSql(ctx, batchedUpdate2(ctx, table, `${b} = ${a}`, `${b} IS NULL AND ${a} IS NOT NULL`));
  const dropSync = [`DROP TRIGGER IF EXISTS ${ident(fnName)} ON ${table}`, `DROP FUNCTION IF EXISTS ${fn}()`];
  ctx.memory.notes.push(
    `${ctx.migration.report.path}:${ctx.statement.line}: the rename of ${from} to ${to} is planned as expand and contract. Re-create on ${b} the NOT NULL, DEFAULT, indexes (CONCURRENTLY) and constraints ${a} has before the contract phase drops ${a}.`
  );
  return [
    draft(
      ctx,
      "expand",
      "RENAME_COLUMN",
      `Add ${b} with ${a}'s type and a trigger that keeps the two in sync both ways, so old code (writing ${a}) and new code (writing ${b}) can run side by side. ${RETRY_ADVICE}`,
      [
        lockTimeoutSql(ctx),
        `DO ${addTag}${addBody}${addTag}`,
        `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS ${tag}${body}${tag}`,
        `CREATE TRIGGER ${ident(fnName)} BEFORE INSERT OR UPDATE ON ${table} FOR EACH ROW ${exec} ${fn}()`
      ],
      { replaces: true, rollback: [...dropSync, `ALTER TABLE ${table} DROP COLUMN IF EXISTS ${b}`] }
    ),
    draft(ctx, "backfill", "UPDATE_VALUES", `Copy ${a} into ${b} for existing rows, ${batch.how}.`, [batch.sql], { transactional: false }),
    draft(ctx, "deploy", "RENAME_COLUMN", `Deploy code that reads and writes ${b} instead of ${a}; wait until no instance of the old code runs.`, [], {
      appMustDo: `Read and write ${table}.${b}, never ${a}.`
    }),
    draft(ctx, "contract", "DROP_COLUMN", `In a later release, remove the sync trigger and the old column ${a}. ${RETRY_ADVICE}`, [
      lockTimeoutSql(ctx),
      ...dropSync,
      `ALTER TABLE ${table} DROP COLUMN ${a}`
    ])
  ];
}

// src/plan/pending.ts
function columnTypesAt(ctx, table) {
  return (column) => {
    if (!table) return void 0;
    const source = columnTypeSource(ctx.migration.up.statements, ctx.statement.index, table, column);
    if (!source) return void 0;
    if ("typeName" in source) return deparse({ TypeName: source.typeName });
    return ctx.migration.columnShapes?.get(columnShapeKey(source.table, source.column))?.type;
  };
}

// src/plan/statements.ts
var CONTRACT_KINDS = /* @__PURE__ */ new Set([
  "DROP_TABLE",
  "DROP_COLUMN",
  "DROP_INDEX",
  "DROP_INDEX_CONCURRENTLY",
  "DROP_CONSTRAINT",
  "DROP_TYPE",
  "DROP_SCHEMA",
  "DROP_SEQUENCE",
  "DROP_EXTENSION",
  "DROP_DATABASE",
  "TRUNCATE",
  "DETACH_PARTITION",
  "RENAME_TABLE",
  "RENAME_COLUMN",
  "RENAME_SCHEMA",
  "ALTER_TYPE_RENAME_VALUE"
]);
var BACKFILL_KINDS = /* @__PURE__ */ new Set(["UPDATE_VALUES", "DELETE_ROWS", "INSERT_ROWS"]);
var VALIDATE_KINDS = /* @__PURE__ */ new Set(["VALIDATE_CONSTRAINT", "SET_NOT_NULL", "ADD_EXCLUSION"]);
var MAINTENANCE_KINDS = /* @__PURE__ */ new Map([
  ["VACUUM_FULL", "VACUUM FULL rewrites the table under ACCESS EXCLUSIVE; pg_repack does the same online"],
  ["CLUSTER", "CLUSTER rewrites the table under ACCESS EXCLUSIVE; pg_repack can reorder it online"],
  ["SET_TABLESPACE", "SET TABLESPACE copies the table under ACCESS EXCLUSIVE"],
  ["SET_LOGGED", "SET LOGGED rewrites the table under ACCESS EXCLUSIVE"],
  ["SET_UNLOGGED", "SET UNLOGGED rewrites the table under ACCESS EXCLUSIVE"],
  ["ADD_EXCLUSION", "an EXCLUDE constraint cannot be added NOT VALID nor attached USING INDEX, so it is built and checked under ACCESS EXCLUSIVE"]
]);
function phaseOfKind(kind) {
  if (CONTRACT_KINDS.has(kind)) return "contract";
  if (BACKFILL_KINDS.has(kind)) return "backfill";
  if (VALIDATE_KINDS.has(kind)) return "validate";
  return "expand";
}
function asIsPhase(ctx, ops) {
  if (ops.length === 0) return "expand";
  if (ops.every((o) => o.targetIsNew)) return "expand";
  const phases = ops.map((o) => phaseOfKind(o.kind));
  for (const p of ["contract", "validate", "backfill"]) if (phases.includes(p)) return p;
  void ctx;
  return "expand";
}
function runsOutsideTransaction(ctx, ast) {
  return refusedInTransactionBlock(ast, ctx.pgVersion);
}
function doBody(v) {
  const args = v.args ?? [];
  for (const a of args) {
    const d = as(a, "DefElem");
    if (d?.defname === "as") return as(d.arg, "String")?.sval ?? "";
  }
  return "";
}
function asIs(ctx, ops, sqlText, ast, extra = "") {
  const phase = asIsPhase(ctx, ops);
  const main = ops[0]?.kind ?? "OTHER";
  const transactional = !runsOutsideTransaction(ctx, ast);
  const blocks = transactional && ops.some((o) => !o.targetIsNew && o.table !== void 0 && blocking(o.lock) && !isNewName(ctx, o.table));
  const maintenance = ops.map((o) => o.targetIsNew ? void 0 : MAINTENANCE_KINDS.get(o.kind)).find((m) => m !== void 0);
  if (maintenance) {
    ctx.memory.notes.push(
      `${ctx.migration.report.path}:${ctx.statement.line}: no safe online alternative \u2014 ${maintenance}. Run it in a maintenance window (or on a new table that you fill and swap in).`
    );
  }
  const parts = [];
  if (maintenance) parts.push(`No online alternative: ${maintenance}. Run it in a maintenance window.`);
  else parts.push(describeAsIs(phase, ops));
  if (extra) parts.push(extra);
  if (blocks) parts.push(RETRY_ADVICE);
  if (!transactional) parts.push("It cannot run inside a transaction block: give it its own migration with the runner's transaction turned off.");
  return draft(ctx, phase, main, parts.join(" "), blocks ? [lockTimeoutSql(ctx), sqlText] : [sqlText], { transactional, rollback: undoOf(ctx, ast, ops) });
}
function isNewName(ctx, table) {
  return ctx.memory.newTables.has(table);
}
function describeAsIs(phase, ops) {
  const kind = ops[0]?.kind;
  if (ops.length > 0 && ops.every((o) => o.targetIsNew)) return "Unchanged: it only touches objects created in this change, which hold no data yet.";
  switch (phase) {
    case "contract":
      return "Destructive: run it in a later release, after deploying code that no longer reads or writes what it removes.";
    case "backfill":
      return kind === "INSERT_ROWS" ? "Data change, run after the schema changes and outside the DDL transaction." : "Data change, run outside the DDL transaction.";
    case "validate":
      return "Unchanged: it checks existing rows without blocking reads or writes.";
    default:
      return "Unchanged: additive and brief.";
  }
}
function undoOf(ctx, ast, ops) {
  const t = nodeTag(ast);
  if (!t) return [];
  const [tag, v] = t;
  if (tag === "CreateStmt") {
    const rel = v.relation;
    return rel ? [`DROP TABLE IF EXISTS ${relationSql(rel)}`] : [];
  }
  if (tag === "CreateSeqStmt") {
    const seq = v.sequence;
    return seq ? [`DROP SEQUENCE IF EXISTS ${relationSql(seq)}`] : [];
  }
  if (tag === "ViewStmt") {
    const s = v;
    if (!s.view) return [];
    if (!s.replace) return [`DROP VIEW IF EXISTS ${relationSql(s.view)}`];
    const before = ops.find((o) => o.kind === "CREATE_VIEW")?.viewBefore;
    if (!before) {
      ctx.memory.notes.push(`${ctx.migration.report.path}:${ctx.statement.line}: CREATE OR REPLACE VIEW ${relationSql(s.view)} replaces a view whose definition the migrations before it do not show (created by a routine, dynamic SQL or outside the migrations, or changed by ALTER VIEW since): the plan has no SQL that puts it back.`);
      return [];
    }
    return before;
  }
  if (tag === "RenameStmt" || tag === "AlterEnumStmt") {
    const back = renamedBack(tag, v);
    return back ? [back] : [];
  }
  if (tag === "CreateTableAsStmt") {
    const s = v;
    const rel = s.into?.rel;
    if (!rel) return [];
    return [`DROP ${s.objtype === "OBJECT_MATVIEW" ? "MATERIALIZED VIEW" : "TABLE"} IF EXISTS ${relationSql(rel)}`];
  }
  if (tag === "IndexStmt") {
    const s = v;
    if (!s.idxname || !s.relation) return [];
    const name = siblingSql(s.relation, s.idxname);
    return [s.concurrent ? `DROP INDEX CONCURRENTLY IF EXISTS ${name}` : `DROP INDEX IF EXISTS ${name}`];
  }
  if (tag === "AlterTableStmt") {
    const s = v;
    if (!s.relation || s.objtype !== "OBJECT_TABLE") return [];
    const table = relationSql(s.relation);
    const out = [];
    for (const c of (s.cmds ?? []).map((n) => as(n, "AlterTableCmd"))) {
      if (!c) continue;
      if (c.subtype === "AT_AddColumn") {
        const col = as(c.def, "ColumnDef")?.colname;
        if (col) out.unshift(`ALTER TABLE ${table} DROP COLUMN IF EXISTS ${ident(col)}`);
      } else if (c.subtype === "AT_AddConstraint") {
        const name = as(c.def, "Constraint")?.conname;
        if (name) out.unshift(`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${ident(name)}`);
      }
    }
    return out;
  }
  return [];
}
function renamedBack(tag, v) {
  if (tag === "AlterEnumStmt") {
    const e = v;
    if (!e.oldVal || !e.newVal) return void 0;
    return deparse({ AlterEnumStmt: { ...e, oldVal: e.newVal, newVal: e.oldVal } });
  }
  const r = v;
  if (!r.newname) return void 0;
  const swap = (node) => {
    try {
      return deparse({ RenameStmt: node });
    } catch {
      return void 0;
    }
  };
  switch (r.renameType) {
    case "OBJECT_TABLE":
    case "OBJECT_VIEW":
    case "OBJECT_MATVIEW":
    case "OBJECT_FOREIGN_TABLE":
    case "OBJECT_INDEX":
    case "OBJECT_SEQUENCE":
      return r.relation?.relname ? swap({ ...r, relation: { ...r.relation, relname: r.newname }, newname: r.relation.relname }) : void 0;
    case "OBJECT_COLUMN":
    case "OBJECT_TABCONSTRAINT":
    case "OBJECT_TRIGGER":
    case "OBJECT_POLICY":
    case "OBJECT_ATTRIBUTE":
    case "OBJECT_SCHEMA":
      return r.subname ? swap({ ...r, subname: r.newname, newname: r.subname }) : void 0;
    case "OBJECT_TYPE":
    case "OBJECT_DOMAIN": {
      const items = as(r.object, "List")?.items;
      const last = as(items?.at(-1), "String")?.sval;
      if (!items || !last) return void 0;
      return swap({ ...r, object: { List: { items: [...items.slice(0, -1), { String: { sval: r.newname } }] } }, newname: last });
    }
    default:
      return void 0;
  }
}
function planStatement(ctx) {
  const t = nodeTag(ctx.statement.ast);
  if (!t) return [];
  const [tag, v] = t;
  switch (tag) {
    case "TransactionStmt":
      return [];
    case "VariableSetStmt": {
      const name = v.name ?? "";
      if (!["lock_timeout", "statement_timeout"].includes(name)) {
        ctx.memory.notes.push(`${ctx.migration.report.path}:${ctx.statement.line}: the migration sets ${name || "a setting"}; run each step of the plan with the same setting.`);
      }
      return [];
    }
    case "CreateStmt": {
      const name = qualified(v.relation);
      if (name) ctx.memory.newTables.add(name);
      return [asIs(ctx, ctx.ops, ctx.statement.text, ctx.statement.ast)];
    }
    case "AlterTableStmt":
      return planAlterTable(ctx, v);
    case "IndexStmt":
      return [planCreateIndex(ctx, v)];
    case "RenameStmt":
      return planRename(ctx, v);
    case "DropStmt":
      return [planDrop(ctx, v)];
    case "ReindexStmt":
      return [planReindex(ctx, v)];
    case "UpdateStmt":
    case "DeleteStmt":
      return [planDml(ctx, tag, v)];
    case "DoStmt":
      return [planDo(ctx, v)];
    default:
      return [asIs(ctx, ctx.ops, ctx.statement.text, ctx.statement.ast)];
  }
}
function planAlterTable(ctx, v) {
  const rel = v.relation;
  if (!rel || v.objtype !== void 0 && v.objtype !== "OBJECT_TABLE") return [asIs(ctx, ctx.ops, ctx.statement.text, ctx.statement.ast)];
  const cmds = (v.cmds ?? []).map((c) => as(c, "AlterTableCmd")).filter((c) => !!c);
  const aligned = ctx.ops.length === cmds.length;
  const plans = cmds.map((cmd, i) => {
    const op = aligned ? ctx.ops[i] : void 0;
    const drafts = isExisting(ctx, rel, op) ? planAlterCmd(ctx, rel, cmd, op) : void 0;
    if (!drafts) noteConstraint(ctx, rel, cmd);
    return drafts ? { kind: "rewritten", drafts } : { kind: "as-is", cmd, ...op ? { op } : {} };
  });
  if (plans.every((p) => p.kind === "as-is")) {
    return [...stopUsingColumns(ctx, rel, cmds), sameNameConstraints(ctx, rel, cmds, asIs(ctx, ctx.ops, ctx.statement.text, ctx.statement.ast, dropColumnAdvice(ctx, rel, cmds)))];
  }
  const out = [];
  for (const p of plans) {
    if (p.kind === "rewritten") {
      out.push(...p.drafts);
      continue;
    }
    const single = { AlterTableStmt: { ...v, cmds: [{ AlterTableCmd: p.cmd }] } };
    out.push(...stopUsingColumns(ctx, rel, [p.cmd]));
    out.push(sameNameConstraints(ctx, rel, [p.cmd], asIs(ctx, p.op ? [p.op] : [], deparse(single), single, dropColumnAdvice(ctx, rel, [p.cmd]))));
  }
  return out;
}
function sameNameConstraints(ctx, rel, cmds, d) {
  const only = cmds.length === 1 ? cmds[0] : void 0;
  if (only?.subtype === "AT_DropConstraint" && only.name && d.phase === "contract") {
    ctx.memory.drops.set(constraintKey(rel, only.name), d);
    (ctx.memory.constraintDropTables ??= /* @__PURE__ */ new Map()).set(constraintKey(rel, only.name), qualified(rel));
  }
  const dropFirst = cmds.flatMap((c) => {
    const name = c.subtype === "AT_AddConstraint" ? as(c.def, "Constraint")?.conname : void 0;
    return name ? absorbDrop(ctx, constraintKey(rel, name)) : [];
  });
  if (dropFirst.length > 0) {
    d.step.sql.splice(d.step.sql.length - 1, 0, ...dropFirst);
    d.step.description += " The migration dropped a constraint of the same name first: that drop runs here, in the same transaction, so the table is never without it.";
  }
  return d;
}
function indexKey(rel, name) {
  return `index ${rel?.schemaname ?? "public"}.${name}`;
}
function renameAfterDrop(ctx, rel, name) {
  const d = ctx.memory.drops.get(indexKey(rel, name));
  if (!d || d.absorbed || !rel) return void 0;
  ctx.memory.drops.delete(indexKey(rel, name));
  const tmp = makeObjectName(name, void 0, "new");
  d.step.sql.push(`ALTER INDEX ${siblingSql(rel, tmp)} RENAME TO ${ident(name)}`);
  d.step.description += ` Then the index built in the expand phase as ${ident(tmp)} takes the name back.`;
  return tmp;
}
function noteConstraint(ctx, rel, cmd) {
  if (cmd.subtype !== "AT_AddConstraint") return;
  const con = as(cmd.def, "Constraint");
  const t = as(con?.raw_expr, "NullTest");
  if (con?.contype !== "CONSTR_CHECK" || t?.nulltesttype !== "IS_NOT_NULL") return;
  const col = stringList(as(t.arg, "ColumnRef")?.fields).pop();
  const table = qualified(rel);
  if (col && table) ctx.memory.notNullChecks.add(`${table}|${col}`);
}
function stopUsingColumns(ctx, rel, cmds) {
  const dropped = cmds.filter((c) => c.subtype === "AT_DropColumn" && c.name).map((c) => ident(c.name));
  if (dropped.length === 0 || !isExisting(ctx, rel)) return [];
  const table = relationSql(rel);
  const what = dropped.map((c) => `${table}.${c}`).join(", ");
  return [
    draft(ctx, "deploy", "DROP_COLUMN", `Deploy code that no longer reads or writes ${what} (ORMs that cache the column list need it marked ignored first).`, [], {
      appMustDo: `Stop reading and writing ${what}.`
    })
  ];
}
function dropColumnAdvice(ctx, rel, cmds) {
  const dropped = cmds.filter((c) => c.subtype === "AT_DropColumn" && c.name).map((c) => ident(c.name));
  if (dropped.length === 0 || !isExisting(ctx, rel)) return "";
  return `The deploy phase stopped all use of ${dropped.join(", ")}; dropping it is a catalog change under a brief ACCESS EXCLUSIVE lock.`;
}
function planAlterCmd(ctx, rel, cmd, op) {
  switch (cmd.subtype) {
    case "AT_AddColumn": {
      const def = as(cmd.def, "ColumnDef");
      return def ? planAddColumn(ctx, rel, def, op, cmd.missing_ok === true) : void 0;
    }
    case "AT_AlterColumnType":
      return typeChangeRewrites(ctx, op) ? planTypeChange(ctx, rel, cmd) : void 0;
    case "AT_SetNotNull": {
      const key = `${qualified(rel)}|${cmd.name}`;
      return cmd.name && !ctx.memory.notNullChecks.has(key) ? planSetNotNull(ctx, rel, cmd.name, "SET_NOT_NULL") : void 0;
    }
    case "AT_AddConstraint": {
      const con = as(cmd.def, "Constraint");
      if (!con) return void 0;
      if ((con.contype === "CONSTR_FOREIGN" || con.contype === "CONSTR_CHECK") && !con.skip_validation) {
        return planValidatedConstraint(ctx, rel, con, con.contype === "CONSTR_FOREIGN" ? "ADD_FOREIGN_KEY" : "ADD_CHECK");
      }
      if ((con.contype === "CONSTR_UNIQUE" || con.contype === "CONSTR_PRIMARY") && !con.indexname && (con.keys ?? []).length > 0) {
        return planUniqueUsingIndex(ctx, rel, con, con.contype === "CONSTR_UNIQUE" ? "ADD_UNIQUE" : "ADD_PRIMARY_KEY");
      }
      return void 0;
    }
    default:
      return void 0;
  }
}
function typeChangeRewrites(ctx, op) {
  const trace = ctx.migration.report.dryRun?.statements.find((s) => s.statement === ctx.statement.index);
  if (trace && trace.rewrites.length > 0) return true;
  if (trace && !trace.error) return op?.risk !== "SAFE";
  return op === void 0 || op.risk !== "SAFE" || op.rules.length === 0;
}
function planCreateIndex(ctx, stmt) {
  let v = stmt;
  const op = ctx.ops[0];
  if (v.idxname && !isExisting(ctx, v.relation, op)) {
    const d = ctx.memory.drops.get(indexKey(v.relation, v.idxname));
    if (d && !d.absorbed) {
      ctx.memory.drops.delete(indexKey(v.relation, v.idxname));
      if (d.phase !== "expand") d.phase = "expand";
    }
  }
  const tmp = v.idxname && isExisting(ctx, v.relation, op) ? renameAfterDrop(ctx, v.relation, v.idxname) : void 0;
  if (tmp) v = { ...v, idxname: tmp };
  if ((v.concurrent || !isExisting(ctx, v.relation, op)) && !tmp) {
    if (v.idxname && v.relation) ctx.memory.newIndexes.add(`${v.relation.schemaname ?? "public"}.${v.idxname}`);
    return asIs(ctx, ctx.ops, ctx.statement.text, ctx.statement.ast);
  }
  const node = { IndexStmt: { ...v, concurrent: true } };
  const table = v.relation ? relationSql(v.relation) : "";
  const name = v.idxname && v.relation ? siblingSql(v.relation, v.idxname) : void 0;
  const invalid = name ? `drop it with DROP INDEX CONCURRENTLY ${name}` : `find it with SELECT indexrelid::regclass FROM pg_index WHERE indrelid = '${table.replace(/'/g, "''")}'::regclass AND NOT indisvalid, drop it with DROP INDEX CONCURRENTLY`;
  return draft(
    ctx,
    "expand",
    "CREATE_INDEX",
    `Build the index CONCURRENTLY: writes to ${table} continue while it builds (a plain CREATE INDEX holds a SHARE lock that blocks every write until it finishes). It cannot run inside a transaction block: give it its own migration with the runner's transaction turned off. If the build fails it leaves an INVALID index behind: ${invalid}, and run this again. On a partitioned table, build it CONCURRENTLY on each partition, then CREATE INDEX ON ONLY the parent and ATTACH each one.`,
    [deparse(node)],
    { transactional: false, replaces: true, rollback: name ? [`DROP INDEX CONCURRENTLY IF EXISTS ${name}`] : [] }
  );
}
function nameReused(ctx, v) {
  const op = ctx.ops[0];
  if (!op?.table || !v.newname) return void 0;
  const ops = ctx.migration.report.operations;
  const later = ops.filter((o) => o.statement > ctx.statement.index);
  const earlier = ops.filter((o) => o.statement < ctx.statement.index);
  if (v.renameType === "OBJECT_COLUMN" && v.subname) {
    const takesOld = later.some((o) => o.table === op.table && (o.kind.startsWith("ADD_COLUMN") && o.columnName === v.subname || o.kind === "RENAME_COLUMN" && o.typeName === v.subname));
    if (takesOld) return `the migration adds another column named ${ident(v.subname)} after this rename`;
    const freedNew = earlier.some((o) => o.table === op.table && (o.kind === "DROP_COLUMN" && o.columnName === v.newname || o.kind === "RENAME_COLUMN" && o.columnName === v.newname));
    if (freedNew) return `the migration dropped the column ${ident(v.newname)} this rename takes the name of`;
  }
  if (v.renameType === "OBJECT_TABLE") {
    const schema = op.table.split(".").slice(0, -1).join(".") || "public";
    const takesOld = later.some((o) => o.table === op.table && (o.kind === "CREATE_TABLE" || o.kind === "CREATE_VIEW") || o.kind === "RENAME_TABLE" && o.typeName !== void 0 && `${(o.table ?? "").split(".").slice(0, -1).join(".") || "public"}.${o.typeName}` === op.table);
    if (takesOld) return `the migration creates another relation named ${ident(v.relation?.relname ?? "")} after this rename`;
    const freedNew = earlier.some((o) => (o.kind === "DROP_TABLE" || o.kind === "DROP_VIEW") && o.table === `${schema}.${v.newname}`);
    if (freedNew) return `the migration dropped the relation ${ident(v.newname)} this rename takes the name of`;
  }
  return void 0;
}
function typeRenameAfterDrop(ctx, v) {
  if (v.renameType !== "OBJECT_TYPE" && v.renameType !== "OBJECT_DOMAIN" || !v.newname) return void 0;
  const from = qualifiedFromList(as(v.object, "List")?.items);
  if (!from) return void 0;
  const to = `${from.slice(0, from.lastIndexOf("."))}.${v.newname}`;
  const drop = ctx.migration.report.operations.find((o) => o.statement < ctx.statement.index && o.kind === "DROP_TYPE" && o.typeName === to);
  if (!drop) return void 0;
  return draft(
    ctx,
    "contract",
    ctx.ops[0]?.kind ?? "OTHER",
    `Renamed right after the DROP TYPE at line ${drop.line}, which frees the name ${ident(v.newname)} and waits for this phase; until then the type keeps the name ${ident(from.slice(from.lastIndexOf(".") + 1))}, so code that names the type must accept both until this release.`,
    [ctx.statement.text.trim().replace(/;\s*$/, "")]
  );
}
function planRename(ctx, v) {
  const op = ctx.ops[0];
  const afterDrop = typeRenameAfterDrop(ctx, v);
  if (afterDrop) return [afterDrop];
  const reused = nameReused(ctx, v);
  if (reused) {
    return [asIs(ctx, ctx.ops, ctx.statement.text, ctx.statement.ast, `It runs as written, in order with the statements around it: ${reused}, so the old and the new name cannot both stay in use for a release. Deploy the code that uses the new names together with this migration.`)];
  }
  const existing = v.relation !== void 0 && isExisting(ctx, v.relation, op);
  if (existing && v.renameType === "OBJECT_COLUMN" && v.relationType === "OBJECT_TABLE" && v.subname && v.newname) {
    const inPlace = renameInPlace(ctx, v.relation, v.subname);
    if (!inPlace) return planRenameColumn(ctx, v);
    const afterData = ctx.migration.report.operations.some((o) => o.statement < ctx.statement.index && BACKFILL_KINDS.has(o.kind) && o.table === qualified(v.relation));
    return [draft(
      ctx,
      afterData ? "backfill" : "expand",
      "RENAME_COLUMN",
      `Renamed in place, a catalog change under a brief ACCESS EXCLUSIVE lock: ${inPlace}. Old code that uses the old name breaks at once: deploy the code that uses ${ident(v.newname)} together with this migration (or add the new column, keep both in sync with a trigger and re-create on it what ${ident(v.subname)} carries, by hand). ${RETRY_ADVICE}`,
      [lockTimeoutSql(ctx), ctx.statement.text.trim().replace(/;\s*$/, "")],
      { rollback: [`ALTER TABLE ${relationSql(v.relation)} RENAME COLUMN ${ident(v.newname)} TO ${ident(v.subname)}`] }
    )];
  }
  if (existing && v.renameType === "OBJECT_TABLE" && v.relation && v.newname) {
    const old = relationSql(v.relation);
    const renamed = siblingSql(v.relation, v.newname);
    return [
      draft(
        ctx,
        "expand",
        "RENAME_TABLE",
        `Rename the table and leave a view under the old name in the same transaction: a simple view is updatable, so old code keeps reading and writing through it while new code uses ${renamed}. ${RETRY_ADVICE}`,
        [lockTimeoutSql(ctx), `ALTER TABLE ${old} RENAME TO ${ident(v.newname)}`, `CREATE VIEW ${old} AS SELECT * FROM ${renamed}`],
        { replaces: true, rollback: [`DROP VIEW IF EXISTS ${old}`, `ALTER TABLE ${renamed} RENAME TO ${ident(v.relation.relname ?? "")}`] }
      ),
      draft(ctx, "deploy", "RENAME_TABLE", `Deploy code that uses ${renamed}; the view ${old} only lists the columns the table had when it was created.`, [], {
        appMustDo: `Use ${renamed}, never ${old}.`
      }),
      draft(ctx, "contract", "DROP_VIEW", `In a later release, drop the compatibility view ${old}.`, [`DROP VIEW ${old}`])
    ];
  }
  if (v.renameType === "OBJECT_TABLE" && v.relation && v.newname) {
    const name = qualified(v.relation);
    if (name && ctx.memory.newTables.has(name)) ctx.memory.newTables.add(`${v.relation.schemaname ?? "public"}.${v.newname}`);
  }
  return [asIs(ctx, ctx.ops, ctx.statement.text, ctx.statement.ast)];
}
function planDrop(ctx, v) {
  const names = (v.objects ?? []).map((o) => stringList(as(o, "List")?.items));
  if (v.removeType === "OBJECT_INDEX" && !v.concurrent && names.length === 1 && v.behavior !== "DROP_CASCADE") {
    const parts = names[0];
    const qualifiedName = parts.length > 1 ? parts.join(".") : `public.${parts[0]}`;
    if (!ctx.memory.newIndexes.has(qualifiedName)) {
      const node = { DropStmt: { ...v, concurrent: true } };
      const d = draft(
        ctx,
        "contract",
        "DROP_INDEX",
        "Drop the index CONCURRENTLY, in its own migration outside a transaction: a plain DROP INDEX takes ACCESS EXCLUSIVE on the table and blocks reads and writes while it waits. Make sure no query still relies on it (check pg_stat_user_indexes.idx_scan).",
        [deparse(node)],
        { transactional: false, replaces: true }
      );
      ctx.memory.drops.set(`index ${qualifiedName}`, d);
      return d;
    }
  }
  if (v.removeType === "OBJECT_INDEX" && names.length === 1) {
    const parts = names[0];
    const d = asIs(ctx, ctx.ops, ctx.statement.text, ctx.statement.ast);
    if (d.phase === "contract") ctx.memory.drops.set(`index ${parts.length > 1 ? parts.join(".") : `public.${parts[0]}`}`, d);
    return d;
  }
  if (v.removeType === "OBJECT_TABLE") {
    const tables = names.map((p) => p.length > 1 ? p.join(".") : `public.${p[0]}`);
    if (tables.some((t) => !ctx.memory.newTables.has(t))) {
      return asIs(ctx, ctx.ops, ctx.statement.text, ctx.statement.ast, "First deploy code that no longer uses the table; take a backup, the data goes with it.");
    }
  }
  return asIs(ctx, ctx.ops, ctx.statement.text, ctx.statement.ast);
}
function planReindex(ctx, v) {
  const concurrent = optionOn(v.params, "concurrently");
  const system = v.kind === "REINDEX_OBJECT_SYSTEM";
  if (concurrent || system || ctx.pgVersion < 12) return asIs(ctx, ctx.ops, ctx.statement.text, ctx.statement.ast);
  const params = [...(v.params ?? []).filter((p) => as(p, "DefElem")?.defname !== "concurrently"), { DefElem: { defname: "concurrently", defaction: "DEFELEM_UNSPEC" } }];
  return draft(
    ctx,
    "expand",
    "REINDEX",
    "REINDEX CONCURRENTLY builds a new copy of the index and swaps it in, so writes continue (plain REINDEX blocks them, and blocks reads that use the index). It cannot run inside a transaction block; a failed run leaves an INVALID *_ccnew index to drop.",
    [deparse({ ReindexStmt: { ...v, params } })],
    { transactional: false, replaces: true }
  );
}
function planDml(ctx, tag, v) {
  const rel = v.relation;
  const op = ctx.ops[0];
  if (!rel || !isExisting(ctx, rel, op)) return asIs(ctx, ctx.ops, ctx.statement.text, ctx.statement.ast);
  const one = oneBatch(ctx.statement.ast, { size: ctx.batchSize, typeOf: columnTypesAt(ctx, relationName(rel)) });
  if ("why" in one) {
    return asIs(
      ctx,
      ctx.ops,
      ctx.statement.text,
      ctx.statement.ast,
      `In one statement it locks every matching row until it commits and bloats the table at once: run it in batches of ${ctx.batchSize} by primary-key range, committing between batches (it cannot be batched blindly because ${one.why}).`
    );
  }
  const how = batchedSql(ctx, one.sql);
  return draft(
    ctx,
    "backfill",
    tag === "UpdateStmt" ? "UPDATE_VALUES" : "DELETE_ROWS",
    `The same change ${how.how}, outside the DDL transaction: each batch holds its row locks briefly and autovacuum keeps up.`,
    [how.sql],
    { transactional: false, replaces: true }
  );
}
function planDo(ctx, v) {
  const nested = ctx.migration.up.statements.filter((s) => s.nestedIn?.statement === ctx.statement.index);
  const nestedOps = ctx.migration.report.operations.filter((o) => nested.some((s) => s.index === o.statement));
  const risky = nestedOps.filter((o) => o.risk !== "SAFE");
  const extra = risky.length ? `It runs ${risky.map((o) => `${o.kind}${o.table ? ` on ${o.table}` : ""} (${o.risk})`).join(", ")} inside the block: take ${risky.length > 1 ? "those" : "that"} out and apply the plan's steps for ${risky.length > 1 ? "them" : "it"} instead.` : "";
  const kinds = nestedOps.map((o) => o.kind);
  const ops = kinds.length > 0 ? nestedOps : ctx.ops;
  const phase = kinds.some((k) => BACKFILL_KINDS.has(k)) || nested.length === 0 && /\bUPDATE\b|\bDELETE\b|\bINSERT\b/i.test(doBody(v)) ? "backfill" : asIsPhase(ctx, ops.filter((o) => !BACKFILL_KINDS.has(o.kind)));
  const d = asIs(ctx, ops.length ? ops : ctx.ops, ctx.statement.text, ctx.statement.ast, extra);
  d.phase = phase;
  d.step.operationKind = "DO_BLOCK";
  return d;
}

// src/plan/order.ts
var DROPS = {
  DROP_COLUMN: "column",
  DROP_TABLE: "relation",
  DROP_VIEW: "relation",
  DROP_CONSTRAINT: "constraint",
  DROP_TYPE: "type",
  RENAME_COLUMN: "column",
  RENAME_TABLE: "relation"
  // Indexes are not here: a re-created index is built under a temporary name and renamed after
  // the old one is dropped (statements.ts), so the old one keeps serving queries until then.
};
var CREATES = {
  ADD_COLUMN_NULLABLE: "column",
  ADD_COLUMN_NOT_NULL: "column",
  ADD_COLUMN_VOLATILE_DEFAULT: "column",
  CREATE_TABLE: "relation",
  CREATE_VIEW: "relation",
  ADD_FOREIGN_KEY: "constraint",
  ADD_CHECK: "constraint",
  ADD_UNIQUE: "constraint",
  ADD_PRIMARY_KEY: "constraint",
  ADD_EXCLUSION: "constraint",
  CREATE_INDEX: "index",
  CREATE_INDEX_CONCURRENTLY: "index",
  CREATE_TYPE: "type",
  CREATE_DOMAIN: "type",
  RENAME_COLUMN: "column",
  RENAME_TABLE: "relation"
};
function keyOf(kind, op, dropped) {
  const renamed = !dropped && (op.kind === "RENAME_COLUMN" || op.kind === "RENAME_TABLE") ? op.typeName : void 0;
  if (!dropped && (op.kind === "RENAME_COLUMN" || op.kind === "RENAME_TABLE") && !renamed) return void 0;
  switch (kind) {
    case "column": {
      const col = renamed ?? op.columnName;
      return op.table && col ? `column ${op.table}.${col}` : void 0;
    }
    case "constraint":
      return op.table && op.constraintName ? `constraint ${op.table}.${op.constraintName}` : void 0;
    case "index":
      return op.indexName ? `index ${op.indexName}` : void 0;
    case "relation": {
      if (!op.table) return void 0;
      return renamed ? `relation ${op.table.split(".").slice(0, -1).join(".") || "public"}.${renamed}` : `relation ${op.table}`;
    }
    // Types and domains share one namespace (pg_type).
    case "type":
      return op.typeName ? `type ${op.typeName}` : void 0;
    default:
      return op.table ? `${kind} ${op.table}` : void 0;
  }
}
var DropOrder = class {
  pending = /* @__PURE__ */ new Map();
  /** Destructive steps kept for a later phase, per table they touch (for a table that is rebuilt). */
  byTable = /* @__PURE__ */ new Map();
  /** Called with each statement's operations and the drafts planned for it, in order. */
  add(ops, drafts) {
    const live = drafts.filter((d) => !d.absorbed);
    const rank = (d) => PHASE_NAMES.indexOf(d.phase);
    const pull = (drops) => {
      if (live.length === 0) return;
      const earliest = live.reduce((a, b) => rank(b) < rank(a) ? b : a);
      for (const d of drops) if (!d.absorbed && rank(d) > rank(earliest)) d.phase = earliest.phase;
    };
    for (const op of ops) {
      const created = CREATES[op.kind];
      const key = created ? keyOf(created, op, false) : void 0;
      const drops = key ? this.pending.get(key) : void 0;
      if (key && drops && live.length > 0) {
        pull(drops);
        this.pending.delete(key);
      }
      if (created === "relation" && key && op.kind !== "RENAME_TABLE" && op.table && drops) {
        pull(this.byTable.get(op.table) ?? []);
        this.byTable.delete(op.table);
      }
    }
    for (const op of ops) {
      const dropped = DROPS[op.kind];
      const key = dropped ? keyOf(dropped, op, true) : void 0;
      const destructive = live.filter((d) => d.step.sql.length > 0);
      if (key) this.pending.set(key, [...this.pending.get(key) ?? [], ...destructive]);
      if (op.table && (key || op.kind === "DROP_INDEX" || op.kind === "DROP_INDEX_CONCURRENTLY")) {
        this.byTable.set(op.table, [...this.byTable.get(op.table) ?? [], ...destructive.filter((d) => d.phase !== "expand")]);
      }
    }
  }
};
function afterDeferred(ops, drafts, latest) {
  if (!latest || ops.length === 0 || !ops.every((o) => o.targetIsNew) || !ops.some((o) => CONTRACT_KINDS.has(o.kind))) return;
  for (const d of drafts) if (!d.absorbed && PHASE_NAMES.indexOf(d.phase) < PHASE_NAMES.indexOf(latest)) d.phase = latest;
}
var ON_ITS_TABLE = /* @__PURE__ */ new Set(["ALTER_COLUMN_TYPE", "DROP_COLUMN"]);
var ON_REFERENCED = /* @__PURE__ */ new Set(["ALTER_COLUMN_TYPE", "DROP_COLUMN", "DROP_CONSTRAINT"]);
var HeldConstraintDrops = class {
  /** Foreign keys added in the change: constraint key -> the table it references. */
  references = /* @__PURE__ */ new Map();
  /** Called with each statement before it is planned: learns the foreign keys it adds. */
  learn(ast) {
    const t = nodeTag(ast);
    if (t?.[0] === "AlterTableStmt") {
      const v = t[1];
      for (const c of v.cmds ?? []) this.noteForeignKey(v.relation, as(as(c, "AlterTableCmd")?.def, "Constraint"));
    } else if (t?.[0] === "CreateStmt") {
      const v = t[1];
      for (const e of v.tableElts ?? []) this.noteForeignKey(v.relation, as(e, "Constraint"));
    }
  }
  /** Called with each statement's operations and drafts after it is planned. */
  release(ops, drafts, memory) {
    const tables = memory.constraintDropTables;
    const live = drafts.filter((d) => !d.absorbed);
    if (!tables || tables.size === 0 || live.length === 0) return;
    const touches = (table, kinds) => ops.some((o) => o.table === table && kinds.has(o.kind));
    const rank = (d) => PHASE_NAMES.indexOf(d.phase);
    const earliest = live.reduce((a, b) => rank(b) < rank(a) ? b : a);
    for (const [key, table] of tables) {
      const drop = memory.drops.get(key);
      if (drop && drafts.includes(drop)) continue;
      const referenced = this.references.get(key);
      if (!touches(table, ON_ITS_TABLE) && !(referenced && touches(referenced, ON_REFERENCED))) continue;
      if (drop && !drop.absorbed && rank(drop) > rank(earliest)) drop.phase = earliest.phase;
      memory.drops.delete(key);
      tables.delete(key);
    }
  }
  noteForeignKey(rel, c) {
    if (!rel || c?.contype !== "CONSTR_FOREIGN" || !c.conname || !c.pktable) return;
    const target = qualified(c.pktable);
    if (target) this.references.set(constraintKey(rel, c.conname), target);
  }
};

// src/plan/phases.ts
var TITLES = {
  expand: "Expand: additive, non-blocking changes",
  backfill: "Backfill: data changes in batches, outside the DDL transaction",
  validate: "Validate: check constraints against existing rows without blocking writes",
  deploy: "Deploy: the application switches to the new shape",
  contract: "Contract: destructive changes, in a later release"
};
var DEFAULT_APP = {
  expand: "Nothing yet: the running code keeps working on the expanded schema.",
  backfill: "Let the backfill finish; new rows are already filled by the defaults and sync triggers.",
  deploy: "Release the code that uses the new shape, and wait until no instance of the old code is running."
};
var ROLLBACK = {
  expand: "Drop what this phase added; the old code never used it.",
  backfill: "Nothing structural to undo: backfilled values live in columns the expand rollback drops. UPDATE or DELETE of existing data cannot be undone without a backup taken before it.",
  validate: "Drop the constraints this phase added; the data stays as it is.",
  deploy: "Deploy the previous version of the application: the schema still serves it until the contract phase.",
  contract: "Not reversible: dropped columns and tables take their data with them. Take a backup first; undoing means restoring the data and re-creating the objects (the migration's rollback file, if it has one)."
};
var ROLLBACK_WITHOUT_SQL = {
  expand: "The plan has no SQL that undoes these steps: undo them by hand (the migration's rollback file, if it has one); the old code never used what they added.",
  validate: "Nothing to undo: a validation changes no data, and the constraints stay until the expand phase is rolled back."
};
var ROLLBACK_WITH_SQL = {
  contract: "The SQL below undoes what can be undone (a rename, what the phase adds); a drop cannot be: dropped columns and tables take their data with them. Take a backup first."
};
function assemblePhases(drafts) {
  const phases = [];
  const hasContract = drafts.some((d) => d.phase === "contract");
  for (const name of PHASE_NAMES) {
    const mine = drafts.filter((d) => d.phase === name);
    if (mine.length === 0 && !(name === "deploy" && hasContract)) continue;
    const asks = [...new Set(mine.map((d) => d.appMustDo).filter((a) => !!a))];
    const appMustDo = asks.length > 0 ? asks.join(" ") : name === "deploy" && mine.length === 0 ? "Deploy code that no longer reads or writes what the contract phase removes, and wait until no instance of the old code runs." : DEFAULT_APP[name];
    const rollbackSql = mine.flatMap((d) => d.step.rollback ?? []).length ? [...mine].reverse().flatMap((d) => d.step.rollback ?? []) : void 0;
    phases.push({
      name,
      title: TITLES[name],
      steps: mine.map((d) => d.step),
      ...appMustDo ? { appMustDo } : {},
      rollback: (rollbackSql ? ROLLBACK_WITH_SQL[name] : ROLLBACK_WITHOUT_SQL[name]) ?? ROLLBACK[name],
      ...rollbackSql ? { rollbackSql } : {}
    });
  }
  return phases;
}

// src/plan/build.ts
function buildPlan(migrations, opts) {
  const memory = { newTables: /* @__PURE__ */ new Set(), newIndexes: /* @__PURE__ */ new Set(), notNullChecks: /* @__PURE__ */ new Set(), drops: /* @__PURE__ */ new Map(), notes: [] };
  const drafts = [];
  let outsideTx = false;
  const dropOrder = new DropOrder();
  const held = new HeldConstraintDrops();
  for (const m of migrations) {
    if (m.migration.upAsBase || m.migration.historyFollows) continue;
    for (const e of m.up.errors) {
      memory.notes.push(`${e.path}:${e.line}:${e.column}: does not parse (${e.message}); the plan leaves this migration out until it does.`);
    }
    if (m.up.errors.length > 0) continue;
    let latest;
    const opsByStatement = /* @__PURE__ */ new Map();
    for (const op of m.report.operations) {
      const list = opsByStatement.get(op.statement) ?? [];
      list.push(op);
      opsByStatement.set(op.statement, list);
    }
    const standIns = m.up.unknownPlaceholders?.length ? placeholderStandIns(m.up.unknownPlaceholders) : void 0;
    for (const statement of m.up.statements) {
      if (statement.nestedIn) continue;
      if (m.migration.baseChangesets?.some(([a, b]) => statement.start >= a && statement.start < b)) continue;
      const ctx = {
        migration: m,
        statement,
        ops: opsByStatement.get(statement.index) ?? [],
        pgVersion: opts.pgVersion,
        batchSize: opts.batchSize ?? 1e3,
        lockTimeout: opts.lockTimeout ?? "5s",
        memory
      };
      held.learn(statement.ast);
      const out = planStatement(ctx);
      if (standIns) for (const d of out) restoreStep(d, standIns);
      held.release(ctx.ops, out, memory);
      afterDeferred(ctx.ops, out, latest);
      dropOrder.add(ctx.ops, out);
      latest = latestPhase(out, latest);
      if (out.some((d) => !d.step.transactional && d.step.sql.length > 0)) outsideTx = true;
      drafts.push(...out);
    }
  }
  const notes = [...new Set(memory.notes)];
  if (outsideTx) {
    notes.push(
      `Steps marked "outside a transaction" need a migration of their own with the runner's transaction turned off (golang-migrate: one statement per file, since a multi-statement file runs as one implicit transaction; Flyway: executeInTransaction=false; goose: -- +goose NO TRANSACTION; dbmate: -- migrate:up transaction:false; Liquibase: runInTransaction:false; Rails: disable_ddl_transaction!).`
    );
  }
  return { phases: assemblePhases(drafts.filter((d) => !d.absorbed)), notes };
}
function latestPhase(drafts, since) {
  return since ?? (drafts.some((d) => !d.absorbed && d.step.sql.length > 0 && d.phase === "backfill") ? "backfill" : void 0);
}
function restoreStep(d, standIns) {
  const r = (t) => standIns.restoreInNames(t);
  d.step.sql = d.step.sql.map(r);
  d.step.description = r(d.step.description);
  if (d.step.replaces !== void 0) d.step.replaces = r(d.step.replaces);
  if (d.step.rollback) d.step.rollback = d.step.rollback.map(r);
}

export {
  PHASE_NAMES,
  verificationLine,
  rollbackShown,
  renderPlanText,
  buildPlan
};
