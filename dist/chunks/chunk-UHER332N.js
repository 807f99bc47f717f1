import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  rule,
  rule2,
  rule3,
  rule4,
  rule5,
  rule6,
  rule7
} from "./chunk-M7F56F33.js";
import {
  OWN_MIGRATION
} from "./chunk-2FJ3R25C.js";
import {
  batchLoop,
  oneBatch
} from "./chunk-YRNUPKXT.js";
import {
  FileSteps,
  KEY_NAME,
  alterCmds,
  constraintNamed,
  constraintsOn,
  declaredType,
  describeLock,
  describePlaceholder,
  dynamicExecutes,
  earlierStepPasses,
  escapeRegExp,
  ident,
  onExistingTable,
  primaryKeyName,
  serialType,
  sharedName,
  sqlOf,
  stmtNode,
  stmtTag,
  tableRef,
  transactionSummary
} from "./chunk-RRVIRGX7.js";
import {
  LEAF_NODES,
  as,
  blocksWrites,
  columnRefs,
  detachesConcurrently,
  funcCalls,
  functionsCalled,
  isAlwaysTrue,
  isConstantExpr,
  keyColumns,
  lockModeSql,
  nodeTag,
  optionOn,
  qualifiedFromList,
  qualifiedName,
  relationName,
  stringList,
  tagOnly,
  transactionBlockRefusal,
  typeBase,
  typeNameText
} from "./chunk-UTBNT2LW.js";

// rules/_sql-build.ts
function runsDuringMigration(statement) {
  return statement.nestedIn?.kind !== "function-body";
}
function columnConstraints(def) {
  return (def?.constraints ?? []).map((n) => as(n, "Constraint")).filter((c) => !!c);
}
function addColumnDef(cmd) {
  return cmd?.subtype === "AT_AddColumn" ? as(cmd.def, "ColumnDef") : void 0;
}
function addedConstraint(cmd) {
  return cmd?.subtype === "AT_AddConstraint" ? as(cmd.def, "Constraint") : void 0;
}
function bareTable(qualified) {
  return qualified.split(".").slice(1).join(".") || qualified;
}
function defaultConstraintName(table, columns, suffix) {
  const parts = suffix === "pkey" ? [bareTable(table)] : [bareTable(table), ...columns];
  return `${parts.join("_")}_${suffix}`.slice(0, 63);
}
function columnsIn(node, out = []) {
  if (Array.isArray(node)) node.forEach((n) => columnsIn(n, out));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "ColumnRef") {
        const name = stringList(value.fields).at(-1);
        if (name && !out.includes(name)) out.push(name);
      } else columnsIn(value, out);
    }
  }
  return out;
}
function constraintClause(c, table, column) {
  const copy = { ...c, skip_validation: false, initially_valid: true };
  let name = c.conname;
  if (c.contype === "CONSTR_FOREIGN") {
    const cols = column ? [column] : stringList(c.fk_attrs);
    name ??= defaultConstraintName(table, cols, "fkey");
    copy.fk_attrs = cols.map((sval) => ({ String: { sval } }));
  } else if (c.contype === "CONSTR_CHECK") {
    name ??= defaultConstraintName(table, column ? [column] : columnsIn(c.raw_expr).slice(0, 1), "check");
  } else if (c.contype === "CONSTR_UNIQUE" || c.contype === "CONSTR_PRIMARY") {
    const cols = column ? [column] : stringList(c.keys);
    name ??= defaultConstraintName(table, cols, c.contype === "CONSTR_PRIMARY" ? "pkey" : "key");
    copy.keys = cols.map((sval) => ({ String: { sval } }));
  } else {
    return void 0;
  }
  copy.conname = name;
  const sql = sqlOf({ Constraint: copy });
  return sql ? { name, sql } : void 0;
}
function alterTable(table) {
  return `ALTER TABLE ${tableRef(table)}`;
}

// rules/adding-not-null-column-without-default.ts
function producesValues(def) {
  if (serialType(typeBase(def.typeName))) return true;
  return columnConstraints(def).some((c) => c.contype === "CONSTR_DEFAULT" || c.contype === "CONSTR_IDENTITY" || c.contype === "CONSTR_GENERATED");
}
function exampleDefault(type) {
  const base = type.replace(/\(.*$/, "").replace(/\[\]$/, "[]");
  if (base.endsWith("[]")) return "'{}'";
  if (["smallint", "integer", "bigint", "numeric", "decimal", "real", "double precision", "int", "int2", "int4", "int8", "float4", "float8"].includes(base)) return "0";
  if (base === "boolean") return "false";
  if (["text", "varchar", "char", "citext"].includes(base)) return "''";
  if (base === "timestamptz" || base === "timestamp") return "now()";
  if (base === "date") return "CURRENT_DATE";
  if (base === "jsonb" || base === "json") return "'{}'";
  if (base === "uuid") return "'00000000-0000-0000-0000-000000000000'";
  return void 0;
}
var rule8 = {
  id: "adding-not-null-column-without-default",
  risk: "DANGEROUS",
  title: "ADD COLUMN ... NOT NULL without a DEFAULT fails on a table that has rows",
  docs: {
    why: 'The existing rows have no value for the new column, so PostgreSQL would have to store NULL in a NOT NULL column: the statement fails with "column ... contains null values" as soon as the table has a single row. It passes on an empty development database and breaks the deploy. A table created earlier in the same migration counts as having rows once something was inserted into it.',
    lock: "ACCESS EXCLUSIVE on the table while it runs (then the migration fails).",
    instead: "Give the column a DEFAULT (on PostgreSQL 11+ a non-volatile default is stored in the catalog, no rewrite), or add it as nullable, backfill it in batches, and make it NOT NULL afterwards through a validated CHECK (column IS NOT NULL).",
    bad: "ALTER TABLE orders ADD COLUMN status text NOT NULL;",
    good: "ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'pending';",
    equivalents: { squawk: "adding-required-field", pgfence: "ADD COLUMN checks" }
  },
  statements: ["AlterTableStmt"],
  check({ statement, operations, state }) {
    if (!runsDuringMigration(statement)) return [];
    const hits = [];
    const columns = [];
    alterCmds(statement).forEach((cmd, i) => {
      const op = operations[i];
      const def = addColumnDef(cmd);
      const seeded = !!op?.table && (state.seededTables?.has(op.table) ?? false);
      if (!def?.colname || !op?.table || !onExistingTable(op) && !seeded) return;
      const cons = columnConstraints(def);
      if (!cons.some((c) => c.contype === "CONSTR_NOTNULL" || c.contype === "CONSTR_PRIMARY") || producesValues(def)) return;
      const table = op.table;
      const col = ident(def.colname);
      const nullable = sqlOf({ ColumnDef: { ...def, constraints: (def.constraints ?? []).filter((n) => !("Constraint" in n) || !["CONSTR_NOTNULL", "CONSTR_PRIMARY"].includes(n.Constraint.contype ?? "")) } });
      const check = defaultConstraintName(table, [def.colname], "not_null");
      const example = exampleDefault(op.typeName ?? "");
      const rows = state.tableStats.get(table)?.rows;
      columns.push(`${def.colname} ${op.typeName ?? ""}`.trim());
      hits.push({
        operation: i,
        message: `ADD COLUMN ${def.colname} ${op.typeName ?? ""} NOT NULL without a DEFAULT on ${seeded ? `${table}, which this migration created and already inserted rows into` : `the existing table ${table}`}: it fails with "contains null values" as soon as the table has a row${rows === 0 ? " (the table stats show it empty now, so it passes today and fails on any database that has rows)" : ""}`.replace(/  +/g, " "),
        ...rows === 0 ? { risk: "CAUTION" } : {},
        suggestion: [
          ...example ? [
            `-- either give it a default (choose the value; PostgreSQL 11+ adds a non-volatile default without a rewrite):`,
            `${alterTable(table)} ADD COLUMN ${sqlOf({ ColumnDef: def }) ?? col} DEFAULT ${example};`
          ] : [],
          `-- or add it nullable, backfill in batches, then enforce NOT NULL without a long lock:`,
          `${alterTable(table)} ADD COLUMN ${nullable ?? col};`,
          `${alterTable(table)} ADD CONSTRAINT ${ident(check)} CHECK (${col} IS NOT NULL) NOT VALID;`,
          `-- backfill ${col}, then in a separate transaction:`,
          `${alterTable(table)} VALIDATE CONSTRAINT ${ident(check)};`,
          ...state.pgVersion >= 12 ? [`${alterTable(table)} ALTER COLUMN ${col} SET NOT NULL;`, `${alterTable(table)} DROP CONSTRAINT ${ident(check)};`] : []
        ].join("\n")
      });
    });
    if (hits.length < 2) return hits;
    const first = hits[0];
    return [{
      ...first.risk ? { risk: first.risk } : {},
      operations: hits.map((h) => h.operation),
      message: first.message.replace(/^ADD COLUMN .*? NOT NULL without a DEFAULT/, `ADD COLUMN ${columns.join(", ")}, each NOT NULL without a DEFAULT,`),
      suggestion: hits.map((h) => h.suggestion).join("\n\n")
    }];
  }
};

// rules/adding-serial-or-identity-column.ts
function kindOf(def) {
  if (serialType(typeBase(def.typeName))) return "serial";
  const cons = columnConstraints(def);
  if (cons.some((c) => c.contype === "CONSTR_IDENTITY")) return "identity";
  if (cons.some((c) => c.contype === "CONSTR_GENERATED" && c.generated_kind !== "v")) return "stored generated";
  return void 0;
}
function sequenceSteps(table, column, type) {
  const seq = `${table.split(".").slice(1).join(".")}_${column}_seq`.slice(0, 63);
  const schema = table.split(".")[0];
  const seqRef = schema === "public" ? ident(seq) : `${ident(schema ?? "")}.${ident(seq)}`;
  const t = alterTable(table);
  const col = ident(column);
  return [
    `${t} ADD COLUMN ${col} ${type};`,
    `CREATE SEQUENCE ${seqRef} AS ${type} OWNED BY ${tableRef(table)}.${col};`,
    `${t} ALTER COLUMN ${col} SET DEFAULT nextval('${seqRef.replace(/'/g, "''")}');  -- new rows, no rewrite`,
    `-- backfill existing rows in batches, each in its own transaction, until it updates 0 rows:`,
    `UPDATE ${tableRef(table)} SET ${col} = nextval('${seqRef.replace(/'/g, "''")}') WHERE ctid IN (SELECT ctid FROM ${tableRef(table)} WHERE ${col} IS NULL LIMIT 10000);`,
    `-- then NOT NULL via CHECK (${col} IS NOT NULL) NOT VALID + VALIDATE, and a unique index CONCURRENTLY if it is a key`
  ];
}
var rule9 = {
  id: "adding-serial-or-identity-column",
  risk: "DANGEROUS",
  title: "Adding a serial, identity or stored generated column rewrites the table",
  sizeSensitive: true,
  docs: {
    why: "A serial or identity column needs a distinct value in every existing row, and a GENERATED ... STORED column needs its expression computed for every row, so PostgreSQL rewrites the whole table (and rebuilds its indexes) while holding an ACCESS EXCLUSIVE lock. Nothing can read or write the table until the rewrite ends.",
    lock: "ACCESS EXCLUSIVE on the table (blocks reads and writes) for the whole rewrite.",
    instead: "Add a plain nullable column, give it a sequence default (ALTER COLUMN ... SET DEFAULT nextval(...), new rows only) or fill it from a trigger, and backfill the existing rows in batches. For a computed value on PostgreSQL 18+, a VIRTUAL generated column is computed on read and needs no rewrite.",
    bad: "ALTER TABLE orders ADD COLUMN seq bigserial;",
    good: "ALTER TABLE orders ADD COLUMN seq bigint;\nCREATE SEQUENCE orders_seq_seq AS bigint OWNED BY orders.seq;\nALTER TABLE orders ALTER COLUMN seq SET DEFAULT nextval('orders_seq_seq');",
    equivalents: { squawk: "adding-field-with-default", strongMigrations: "add_column_generated_stored", eugene: "E11", pgfence: "ADD COLUMN checks" }
  },
  statements: ["AlterTableStmt"],
  check({ statement, operations, state }) {
    if (!runsDuringMigration(statement)) return [];
    const found = [];
    alterCmds(statement).forEach((cmd, i) => {
      const op = operations[i];
      const def = addColumnDef(cmd);
      if (!def?.colname || !op?.table || !onExistingTable(op)) return;
      const kind = kindOf(def);
      if (!kind) return;
      const table = op.table;
      const col = ident(def.colname);
      let suggestion;
      if (kind === "stored generated") {
        const gen = columnConstraints(def).find((c) => c.contype === "CONSTR_GENERATED");
        const expr = sqlOf(gen?.raw_expr) ?? "the expression";
        const contype = (n) => n.Constraint?.contype;
        const notNull = (def.constraints ?? []).some((n) => contype(n) === "CONSTR_NOTNULL" || contype(n) === "CONSTR_PRIMARY");
        const plain = sqlOf({ ColumnDef: { ...def, constraints: (def.constraints ?? []).filter((n) => !["CONSTR_GENERATED", "CONSTR_NOTNULL", "CONSTR_PRIMARY"].includes(contype(n) ?? "")) } });
        const check = ident(defaultConstraintName(table, [def.colname], "not_null"));
        suggestion = [
          ...state.pgVersion >= 18 ? [`-- PostgreSQL 18+: a virtual generated column is computed on read, no rewrite:`, `${alterTable(table)} ADD COLUMN ${col} ${op.typeName ?? ""} GENERATED ALWAYS AS (${expr}) VIRTUAL;`.replace(/  +/g, " "), `-- or keep a stored copy without a rewrite:`] : [],
          `${alterTable(table)} ADD COLUMN ${plain ?? col};`,
          `-- fill it for new and changed rows with a BEFORE INSERT OR UPDATE trigger, then backfill in batches:`,
          `UPDATE ${tableRef(table)} SET ${col} = ${expr} WHERE ctid IN (SELECT ctid FROM ${tableRef(table)} WHERE ${col} IS NULL LIMIT 10000);`,
          ...notNull ? [
            `-- once every row is filled, enforce NOT NULL without a long lock (in a separate transaction from the backfill):`,
            `${alterTable(table)} ADD CONSTRAINT ${check} CHECK (${col} IS NOT NULL) NOT VALID;`,
            `${alterTable(table)} VALIDATE CONSTRAINT ${check};`,
            ...state.pgVersion >= 12 ? [`${alterTable(table)} ALTER COLUMN ${col} SET NOT NULL;`, `${alterTable(table)} DROP CONSTRAINT ${check};`] : []
          ] : []
        ];
      } else {
        const type = kind === "serial" ? serialType(typeBase(def.typeName)).sql : op.typeName || "bigint";
        suggestion = sequenceSteps(table, def.colname, type);
      }
      found.push({ operation: i, table, what: `${def.colname} (${kind})`, steps: suggestion });
    });
    const first = found[0];
    if (!first) return [];
    const many = found.length > 1;
    const hit = {
      ...many ? { operations: found.map((f) => f.operation) } : { operation: first.operation },
      message: `ADD COLUMN ${found.map((f) => f.what).join(", ")} on the existing table ${first.table}: every row needs ${many ? "values" : "a value"}, so PostgreSQL rewrites the table and its indexes under an ACCESS EXCLUSIVE lock (reads and writes wait)`,
      suggestion: found.map((f) => f.steps.join("\n")).join("\n\n")
    };
    return [hit];
  }
};

// rules/_statement.ts
function executesNow(statement) {
  return statement.nestedIn?.kind !== "function-body";
}
function inMigrationTransaction(statement) {
  return executesNow(statement) && statement.nestedIn?.trigger !== true;
}
function buildsNoIndex(statement, state) {
  const idx = stmtNode(statement, "IndexStmt");
  return !!idx?.if_not_exists && !!idx.idxname && !!state.facts.indexTables?.has(qualifiedName(idx.relation?.schemaname, idx.idxname));
}
function constraintsOf(def) {
  return (def?.constraints ?? []).map((n) => as(n, "Constraint")).filter((c) => !!c);
}
var specsCache = /* @__PURE__ */ new WeakMap();
function columnSpecs(statement) {
  let specs = specsCache.get(statement);
  if (!specs) {
    specs = computeColumnSpecs(statement);
    specsCache.set(statement, specs);
  }
  return specs;
}
function computeColumnSpecs(statement) {
  const create = stmtNode(statement, "CreateStmt");
  if (create) {
    const table2 = relationName(create.relation);
    const tableCons = (create.tableElts ?? []).map((n) => as(n, "Constraint")).filter((c) => !!c);
    const keyed = /* @__PURE__ */ new Set();
    for (const c of tableCons) {
      if (c.contype === "CONSTR_PRIMARY") keyColumns(c.keys).forEach((k) => keyed.add(k));
      if (c.contype === "CONSTR_FOREIGN") keyColumns(c.fk_attrs).forEach((k) => keyed.add(k));
    }
    return (create.tableElts ?? []).map((n) => as(n, "ColumnDef")).filter((d) => !!d?.colname).map((d) => ({ table: table2, name: d.colname, type: d.typeName, constraints: constraintsOf(d), inTableKey: keyed.has(d.colname), via: "create-table", def: d }));
  }
  const cmds = alterCmds(statement);
  const table = relationName(stmtNode(statement, "AlterTableStmt")?.relation);
  const out = [];
  cmds.forEach((c, i) => {
    const def = as(c.def, "ColumnDef");
    if (c.subtype === "AT_AddColumn" && def?.colname) {
      out.push({ table, name: def.colname, type: def.typeName, constraints: constraintsOf(def), inTableKey: false, via: "add-column", operation: i, def });
    } else if (c.subtype === "AT_AlterColumnType" && c.name) {
      out.push({ table, name: c.name, type: def?.typeName, constraints: [], inTableKey: false, via: "alter-type", operation: i });
    }
  });
  return out;
}
function rawTypeName(type) {
  const names = type?.names ?? [];
  for (let i = names.length - 1; i >= 0; i--) {
    const name = as(names[i], "String")?.sval;
    if (name) return name.toLowerCase();
  }
  return "";
}
function isArrayType(type) {
  return (type?.arrayBounds ?? []).length > 0;
}
function typeLength(type) {
  const first = type?.typmods?.[0];
  const c = as(first, "A_Const");
  return c?.ival?.ival;
}
function retypeColumn(text, column, typePattern, replacement) {
  const lower = text.toLowerCase();
  const name = column.toLowerCase();
  if (!lower.includes(name)) return void 0;
  if (lower.length !== text.length || name.length !== column.length) return retypeColumnByRegExp(text, column, typePattern, replacement);
  const sticky = afterName(typePattern);
  for (let at = lower.indexOf(name); at !== -1; at = lower.indexOf(name, at + 1)) {
    const quoted2 = at > 0 && text[at - 1] === '"';
    const before = quoted2 ? at - 1 : at;
    if (before > 0 && !/[\s,(]/.test(text[before - 1])) continue;
    sticky.lastIndex = at + name.length;
    const m = sticky.exec(text);
    if (!m) continue;
    const first = text.slice(before > 0 ? before - 1 : 0, m.index) + m[1];
    const type = replacement.replace(/\$([1-9])/g, (all, d) => d === "1" ? first : Number(d) < m.length ? m[Number(d)] ?? "" : all);
    const replaced = text.slice(0, m.index) + m[1] + type + text.slice(m.index + m[0].length);
    return replaced === text ? void 0 : replaced;
  }
  return void 0;
}
var afterNames = /* @__PURE__ */ new Map();
function afterName(typePattern) {
  let re = afterNames.get(typePattern.source);
  if (!re) {
    re = new RegExp(`("?\\s+(?:TYPE\\s+|SET\\s+DATA\\s+TYPE\\s+)?)${typePattern.source}`, "iy");
    afterNames.set(typePattern.source, re);
  }
  return re;
}
function retypeColumnByRegExp(text, column, typePattern, replacement) {
  const name = escapeRegExp(column);
  const re = new RegExp(`((?:^|[\\s,(])"?${name}"?\\s+(?:TYPE\\s+|SET\\s+DATA\\s+TYPE\\s+)?)${typePattern.source}`, "i");
  const replaced = text.replace(re, `$1${replacement}`);
  return replaced === text ? void 0 : replaced;
}

// rules/ban-char-field.ts
var rule10 = {
  id: "ban-char-field",
  risk: "SAFE",
  title: "char(n) pads values with spaces: use text or varchar",
  docs: {
    why: "char(n) pads every value with spaces to n characters and ignores trailing spaces in comparisons, which surprises code (a value read back is not the value written; 'ab' and 'ab ' compare equal; LIKE and length() see the padding). It is no faster than text in Postgres and takes as much space or more. Plain `char` without a length means char(1).",
    instead: "Use text (with a CHECK constraint for a fixed length, e.g. `CHECK (char_length(code) = 2)`).",
    bad: "CREATE TABLE countries (code char(2) PRIMARY KEY);",
    good: "CREATE TABLE countries (code text PRIMARY KEY CHECK (char_length(code) = 2));",
    equivalents: { squawk: "ban-char-field" }
  },
  statements: ["CreateStmt", "AlterTableStmt"],
  check({ statement }) {
    if (!executesNow(statement)) return [];
    const cols = columnSpecs(statement).filter((c) => rawTypeName(c.type) === "bpchar");
    if (cols.length === 0) return [];
    return [{
      ...cols.length === 1 && cols[0].operation !== void 0 ? { operation: cols[0].operation } : {},
      message: `${cols.map((c) => `${ident(c.name)} char(${typeLength(c.type) ?? 1})`).join(", ")} on ${cols[0].table}: values are padded with spaces to the full length`,
      suggestion: cols.map((c) => `${ident(c.name)} text CHECK (char_length(${ident(c.name)}) ${typeLength(c.type) !== void 0 ? `<= ${typeLength(c.type)}` : "= 1"})`).join(",\n")
    }];
  }
};

// rules/_blocking.ts
function blocksExisting(op, state) {
  if (!op.lock || !blocksWrites(op.lock)) return false;
  if (op.table) return !op.targetIsNew;
  if (op.indexName) return !state.newIndexes.has(op.indexName);
  return false;
}
function lockedBeyondNewTable(statement, operations, state) {
  const existing = (table) => !!table && !state.newTables.has(table);
  for (let i = 0; i < operations.length; i++) {
    const op = operations[i];
    if (op.kind === "ADD_FOREIGN_KEY" && op.targetIsNew && existing(op.typeName)) return { operation: i, table: op.typeName, lock: "ShareRowExclusiveLock", via: "foreign key" };
  }
  const create = stmtNode(statement, "CreateStmt");
  const parent = create?.partbound ? relationName(as(create.inhRelations?.[0], "RangeVar")) : void 0;
  if (existing(parent)) return { operation: 0, table: parent, lock: "AccessExclusiveLock", via: "partition" };
  const own = relationName(create?.relation);
  const tableKeys = (create?.tableElts ?? []).map((n) => as(n, "Constraint")).filter((c) => !!c);
  const specs = columnSpecs(statement).filter((c) => c.via === "create-table" || c.via === "add-column" && operations[c.operation ?? -1]?.targetIsNew);
  for (const c of [...tableKeys, ...specs.flatMap((spec) => spec.constraints)]) {
    const referenced = c.contype === "CONSTR_FOREIGN" ? relationName(c.pktable) : void 0;
    if (referenced !== own && existing(referenced)) {
      const spec = specs.find((x) => x.constraints.includes(c));
      return { operation: spec?.operation ?? 0, table: referenced, lock: "ShareRowExclusiveLock", via: "foreign key" };
    }
  }
  return void 0;
}
var LONG_KINDS = /* @__PURE__ */ new Set([
  "ALTER_COLUMN_TYPE",
  "ADD_COLUMN_VOLATILE_DEFAULT",
  "CREATE_INDEX",
  "REINDEX",
  "SET_NOT_NULL",
  "VACUUM_FULL",
  "CLUSTER",
  "SET_LOGGED",
  "SET_UNLOGGED",
  "SET_TABLESPACE",
  "REFRESH_MATERIALIZED_VIEW",
  "ADD_EXCLUSION",
  "ATTACH_PARTITION",
  "UPDATE_VALUES",
  "DELETE_ROWS"
]);
function longWhileBlocking(op, state) {
  if (!blocksExisting(op, state) && !(op.kind === "ATTACH_PARTITION" && op.lock === "AccessExclusiveLock")) {
    return false;
  }
  if (LONG_KINDS.has(op.kind)) return true;
  if (op.kind === "ADD_FOREIGN_KEY" || op.kind === "ADD_CHECK") return !op.notValid;
  if (op.kind === "ADD_UNIQUE" || op.kind === "ADD_PRIMARY_KEY") return !op.usingIndex;
  return false;
}
function article(phrase) {
  return `${/^[AEIOU]/i.test(phrase) ? "an" : "a"} ${phrase}`;
}

// rules/ban-cluster.ts
var rule11 = {
  id: "ban-cluster",
  risk: "DANGEROUS",
  title: "CLUSTER rewrites the table and blocks reads and writes",
  sizeSensitive: true,
  docs: {
    why: "CLUSTER writes a new copy of the table in index order, and rebuilds every index, while holding ACCESS EXCLUSIVE: nothing can read or write the table until it is done, which on a large table is minutes to hours, and it needs free disk space for the whole copy. Without a table name it re-clusters every previously clustered table. The order is not maintained afterwards, so it is usually repeated.",
    lock: "ACCESS EXCLUSIVE on the table for the whole rewrite: blocks reads and writes.",
    instead: "Record the clustering index with `ALTER TABLE ... CLUSTER ON index` (catalog only), then reorder the table online with pg_repack, which follows that index and takes an exclusive lock only for the final swap. Run it as an operations task, not in a migration.",
    bad: "CLUSTER orders USING orders_created_at_idx;",
    good: "ALTER TABLE orders CLUSTER ON orders_created_at_idx;",
    equivalents: { squawk: "prefer-repack", eugene: "E10", pgfence: "table rewrites (CLUSTER)" }
  },
  statements: ["ClusterStmt"],
  check({ statement, operations }) {
    const c = stmtNode(statement, "ClusterStmt");
    const op = operations[0];
    if (!executesNow(statement) || !c || !op || op.targetIsNew) return [];
    if (!op.table) {
      return [{
        operation: 0,
        message: "CLUSTER without a table rewrites every previously clustered table in the database, each under ACCESS EXCLUSIVE (blocks reads and writes)",
        suggestion: "reorder tables online with pg_repack --table=<table> <database> as an operations task"
      }];
    }
    return [{
      operation: 0,
      message: `CLUSTER rewrites ${op.table} and all its indexes under ${article(describeLock(op.lock))} for the whole rewrite`,
      suggestion: [
        c.indexname ? `ALTER TABLE ${tableRef(op.table)} CLUSTER ON ${ident(c.indexname)};  -- catalog only` : "",
        `-- then, outside the migration: pg_repack --table=${op.table} <database>  (orders by the clustering index, locks only to swap)`
      ].filter(Boolean).join("\n")
    }];
  }
};

// rules/ban-domain-constraint.ts
var rule12 = {
  id: "ban-domain-constraint",
  risk: "CAUTION",
  title: "Constraints on domains are hard to change without blocking",
  docs: {
    why: "A constraint on a domain applies to every column of every table that uses the domain. Adding one (ALTER DOMAIN ... ADD CONSTRAINT, or SET NOT NULL) checks all those columns in all those tables in one statement, locking each table against writes while it scans; changing a domain constraint later means doing that again, with no NOT VALID / VALIDATE path as convenient as for tables (VALIDATE CONSTRAINT on a domain blocks writes while it scans), and the tables involved are not visible in the migration. Table CHECK constraints can be added NOT VALID and validated without blocking, one table at a time.",
    lock: "ALTER DOMAIN ADD CONSTRAINT, SET NOT NULL and VALIDATE CONSTRAINT: SHARE on every table with a column of the domain (blocks writes), for the time it takes to scan them all (PostgreSQL 15: VALIDATE on a domain takes SHARE, where ALTER TABLE ... VALIDATE takes SHARE UPDATE EXCLUSIVE).",
    instead: "Keep domains without constraints (or avoid them) and put CHECK constraints on the table columns: `ALTER TABLE t ADD CONSTRAINT ... CHECK (...) NOT VALID;` then `ALTER TABLE t VALIDATE CONSTRAINT ...;`. On a domain already in use, add the constraint NOT VALID and validate it in a quiet period.",
    bad: "CREATE DOMAIN us_postal_code AS text CHECK (VALUE ~ '^[0-9]{5}$');",
    good: "CREATE TABLE addresses (id bigint PRIMARY KEY, postal_code text CHECK (postal_code ~ '^[0-9]{5}$'));",
    equivalents: { squawk: "ban-create-domain-with-constraint, ban-alter-domain-with-add-constraint" }
  },
  statements: ["CreateDomainStmt", "AlterDomainStmt"],
  check({ statement, state }) {
    if (!executesNow(statement)) return [];
    const create = stmtNode(statement, "CreateDomainStmt");
    if (create) {
      const cons = (create.constraints ?? []).map((n) => as(n, "Constraint")).filter((c) => c?.contype === "CONSTR_CHECK");
      if (cons.length === 0) return [];
      const name2 = qualifiedFromList(create.domainname) ?? "the domain";
      return [{
        message: `domain ${name2} has a CHECK constraint: every table that uses it gets the check, and changing it later re-checks all of them at once while blocking their writes`,
        suggestion: `CREATE DOMAIN ${name2.replace(/^public\./, "")} AS <type>;  -- no constraint; put the CHECK on each table column instead (ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT)`
      }];
    }
    const alter = stmtNode(statement, "AlterDomainStmt");
    const name = qualifiedFromList(alter?.typeName) ?? "the domain";
    if (alter?.subtype === "O" && !state.newTypes.has(name)) {
      const bare2 = name.replace(/^public\./, "");
      return [{
        message: `ALTER DOMAIN ${name} SET NOT NULL checks every column of every table that uses ${name} for NULLs, blocking writes to those tables while it scans them (and fails if one has a NULL)`,
        suggestion: `ALTER DOMAIN ${bare2} ADD CONSTRAINT ${bare2.replace(/^.*\./, "")}_not_null CHECK (VALUE IS NOT NULL) NOT VALID;
-- then, in a quiet period: ALTER DOMAIN ${bare2} VALIDATE CONSTRAINT ${bare2.replace(/^.*\./, "")}_not_null;`
      }];
    }
    if (alter?.subtype === "V" && !state.newTypes.has(name)) {
      return [{
        message: `ALTER DOMAIN ${name} VALIDATE CONSTRAINT ${alter.name ?? ""} scans every column of every table that uses ${name} holding a SHARE lock on each (writes wait), unlike ALTER TABLE ... VALIDATE CONSTRAINT, which lets writes go on`,
        suggestion: `${statement.text.trim().replace(/;?$/, ";")}  -- in a quiet period, with lock_timeout and statement_timeout set: it blocks writes to those tables while it scans`
      }];
    }
    if (alter?.subtype !== "C") return [];
    const con = as(alter.def, "Constraint");
    if (con?.skip_validation || state.newTypes.has(name)) return [];
    return [{
      message: `ALTER DOMAIN ${name} ADD CONSTRAINT checks every column of every table that uses ${name}, blocking writes to those tables while it scans them`,
      suggestion: `${statement.text.trim().replace(/;?$/, "")} NOT VALID;
-- then, in a quiet period: ALTER DOMAIN ${name.replace(/^public\./, "")} VALIDATE CONSTRAINT ${con?.conname ?? "<name>"};`
    }];
  }
};

// rules/ban-drop-column.ts
var rule13 = {
  id: "ban-drop-column",
  risk: "DANGEROUS",
  title: "Dropping a column loses its data and breaks code that still uses it",
  docs: {
    why: "The column's data is gone when the statement commits: rolling the migration back (or running its down migration) recreates an empty column, not the values. The application version that is running during the deploy still selects, inserts or updates the column and fails (`column does not exist`); ORMs that list every column in their INSERTs fail even if the code never reads it.",
    lock: "ACCESS EXCLUSIVE on the table: brief (the column is only marked dropped), but it waits behind every running query on the table, and everything queued behind it waits too.",
    instead: "First deploy code that no longer reads or writes the column (and, for ORMs, tells the model to ignore it). Copy the data somewhere if you may need it again. Then drop the column in a later migration, with `-- migration-guard-ignore ban-drop-column` and a note saying why it is safe now.",
    bad: "ALTER TABLE orders DROP COLUMN legacy_status;",
    good: "-- migration-guard-ignore ban-drop-column\n-- No code has used orders.legacy_status since release 42; the values are archived in orders_legacy_status_archive.\nALTER TABLE orders DROP COLUMN legacy_status;",
    equivalents: { squawk: "ban-drop-column", strongMigrations: "remove_column", pgfence: "Destructive operation checks" }
  },
  statements: ["AlterTableStmt"],
  check({ statement, operations, state }) {
    if (!executesNow(statement)) return [];
    const dropped = [];
    let on;
    alterCmds(statement).forEach((c, i) => {
      const op = operations[i];
      if (c.subtype !== "AT_DropColumn" || !c.name || !op || !onExistingTable(op)) return;
      if (state.newColumns.has(`${op.table}.${c.name}`)) return;
      on ??= op;
      dropped.push({ operation: i, column: c.name });
    });
    if (!on || dropped.length === 0) return [];
    const t = tableRef(on.table);
    const names = dropped.map((d) => d.column);
    const many = names.length > 1;
    const hit = {
      ...many ? { operations: dropped.map((d) => d.operation) } : { operation: dropped[0].operation },
      message: many ? `dropping ${names.length} columns of ${on.table} (${names.join(", ")}) deletes their data for good (a rollback cannot bring the values back) and breaks running code that still uses them (${describeLock(on.lock)})` : `dropping ${on.table}.${names[0]} deletes its data for good (a rollback cannot bring the values back) and breaks running code that still uses it (${describeLock(on.lock)})`,
      suggestion: [
        `-- 1. deploy code that no longer reads or writes ${names.join(", ")} (ORMs: mark ${many ? "them" : "it"} ignored)`,
        `-- 2. keep the values if you may need them: CREATE TABLE ${ident(`${on.table?.split(".").pop()}_${many ? "dropped_columns" : names[0]}_archive`)} AS SELECT <primary key>, ${names.map(ident).join(", ")} FROM ${t};`,
        `-- 3. in a later migration: ALTER TABLE ${t} ${names.map((n) => `DROP COLUMN ${ident(n)}`).join(", ")};`
      ].join("\n")
    };
    return [hit];
  }
};

// rules/ban-drop-database.ts
var rule14 = {
  id: "ban-drop-database",
  risk: "DANGEROUS",
  title: "Dropping a database from a migration",
  docs: {
    why: "DROP DATABASE deletes every table and all data in that database, and a rollback cannot bring any of it back. Migrations run automatically in every environment they reach; a database is not something one of them should be able to delete.",
    lock: "Needs every connection to the database to be closed (WITH (FORCE) terminates them).",
    instead: "Drop databases by hand, as an operations task with a backup taken first, never from an application migration.",
    bad: "DROP DATABASE analytics;",
    good: "ALTER DATABASE analytics WITH ALLOW_CONNECTIONS false;",
    equivalents: { squawk: "ban-drop-database", pgfence: "Destructive operation checks" }
  },
  statements: ["DropdbStmt"],
  check({ statement }) {
    const d = stmtNode(statement, "DropdbStmt");
    if (!executesNow(statement) || !d?.dbname) return [];
    return [{
      message: `DROP DATABASE ${d.dbname} deletes the whole database and all its data for good; a rollback cannot bring it back`,
      suggestion: `-- remove this statement from the migration; as an operations task, after a backup (pg_dump --format=custom ${d.dbname}):
-- DROP DATABASE ${ident(d.dbname)};`
    }];
  }
};

// rules/ban-drop-schema.ts
var rule15 = {
  id: "ban-drop-schema",
  risk: "DANGEROUS",
  title: "Dropping a schema loses everything in it",
  docs: {
    why: "DROP SCHEMA ... CASCADE drops every table, view, function and type in the schema, with their data, in one statement; a rollback cannot bring the data back. Without CASCADE it fails unless the schema is already empty, which is the safe form. DROP OWNED BY is the same for every schema: it drops every object the role owns in the database, and the migration's role owns the application's tables.",
    lock: "ACCESS EXCLUSIVE on every table in the schema while they are dropped.",
    instead: "Drop the objects one by one in earlier migrations (each reviewed on its own), keep a dump of anything you may need, and drop the empty schema without CASCADE, so Postgres refuses if something is still in it.",
    bad: "DROP SCHEMA reporting CASCADE;",
    good: "CREATE SCHEMA scratch;\nDROP SCHEMA scratch;",
    equivalents: { pgfence: "Destructive operation checks" }
  },
  statements: ["DropStmt", "DropOwnedStmt"],
  check({ statement, state }) {
    if (executesNow(statement) && stmtNode(statement, "DropOwnedStmt")) {
      return [{
        message: "DROP OWNED BY drops every table, view, function and type the role owns in this database, in every schema, with their data, for good (a rollback cannot bring them back)",
        suggestion: "-- drop what must go one object at a time in reviewed migrations; to hand objects over, REASSIGN OWNED BY <old role> TO <new role>;"
      }];
    }
    const d = stmtNode(statement, "DropStmt");
    if (!executesNow(statement) || d?.removeType !== "OBJECT_SCHEMA") return [];
    const cascade = d.behavior === "DROP_CASCADE";
    const hits = [];
    for (const o of d.objects ?? []) {
      const name = as(o, "String")?.sval;
      if (!name || state.newSchemas.has(name)) continue;
      hits.push({
        message: cascade ? `DROP SCHEMA ${name} CASCADE deletes every table, view and function in ${name}, with their data, for good (a rollback cannot bring them back)` : `dropping schema ${name} deletes it for good; it fails unless ${name} is empty, but running code that names ${name} breaks`,
        suggestion: `-- drop the objects in ${name} one by one in reviewed migrations (keep a dump: pg_dump --schema=${name} <database>), then:
DROP SCHEMA ${ident(name)};  -- without CASCADE: Postgres refuses while anything is left`
      });
    }
    return hits;
  }
};

// rules/ban-drop-table.ts
var rule16 = {
  id: "ban-drop-table",
  risk: "DANGEROUS",
  title: "Dropping a table loses its data and breaks code that still uses it",
  docs: {
    why: "All the table's rows are gone when the statement commits: rolling the migration back (or running its down migration) recreates an empty table at best. Code still running during the deploy fails with `relation does not exist`. With CASCADE, the views and foreign keys that depend on the table are dropped too, silently. DROP TABLE IF EXISTS of a table the history does not show (no migration before it creates, indexes or constrains it), in a history that shows other tables (the guard before a CREATE TABLE of the same name), drops nothing unless the table was made outside the migrations: CAUTION.",
    lock: "ACCESS EXCLUSIVE on the table (and on the tables whose foreign keys reference it): it waits behind every running query on them, and everything queued behind it waits too.",
    instead: "First deploy code that no longer uses the table. Keep a copy of the data if you may need it (`pg_dump --table=...`, or rename it to a name nobody uses and drop it a release later). Then drop it, with `-- migration-guard-ignore ban-drop-table` and a note saying why it is safe now.",
    bad: "DROP TABLE legacy_events;",
    good: "-- migration-guard-ignore ban-drop-table\n-- Unused since release 42; dumped to s3://backups/legacy_events.dump before this migration.\nDROP TABLE legacy_events;",
    equivalents: { squawk: "ban-drop-table", pgfence: "Destructive operation checks" }
  },
  statements: ["DropStmt"],
  check({ statement, operations, state }) {
    const d = stmtNode(statement, "DropStmt");
    if (!executesNow(statement) || !d) return [];
    const cascade = d.behavior === "DROP_CASCADE";
    const hits = [];
    operations.forEach((op, i) => {
      if (op.kind !== "DROP_TABLE" || !op.table || op.targetIsNew) return;
      if (d.missing_ok && historyShowsTables(state) && !historyShows(state, op.table)) {
        hits.push({
          operation: i,
          risk: "CAUTION",
          message: `DROP TABLE IF EXISTS ${op.table}: no migration before it creates ${op.table}, so this drops nothing, unless the table was made outside the migrations (then its rows are gone for good)`,
          suggestion: `-- if ${tableRef(op.table)} can exist outside the migrations, keep its data first: pg_dump --table=${op.table} --format=custom <database> > ${op.table}.dump`,
          suggestionRuns: "before"
        });
        return;
      }
      hits.push({
        operation: i,
        message: `dropping ${op.table} deletes all of its rows for good (a rollback cannot bring them back) and breaks running code that still uses it${cascade ? "; CASCADE also drops every view and foreign key that depends on it" : ""} (${describeLock(op.lock)})`,
        suggestion: [
          `-- 1. deploy code that no longer uses ${tableRef(op.table)}`,
          `-- 2. keep the data if you may need it: pg_dump --table=${op.table} --format=custom <database> > ${op.table}.dump`,
          `-- 3. in a later migration: DROP TABLE ${tableRef(op.table)};${cascade ? "  -- without CASCADE, so Postgres refuses if something still depends on it" : ""}`
        ].join("\n")
      });
    });
    return hits;
  }
};
function historyShowsTables(state) {
  return state.facts.columnTypes.size > 0;
}
function historyShows(state, table) {
  if (state.newTables.has(table) || state.indexedColumns.has(table) || state.constraintsByTable.has(table)) return true;
  const prefix = `${table}.`;
  for (const key of state.facts.columnTypes.keys()) if (key.startsWith(prefix)) return true;
  return false;
}

// rules/ban-truncate.ts
var rule17 = {
  id: "ban-truncate",
  risk: "DANGEROUS",
  title: "TRUNCATE deletes every row of an existing table",
  docs: {
    why: "TRUNCATE removes all rows at once; once the migration commits, a rollback cannot bring them back. With CASCADE it also empties every table that has a foreign key to it, and the tables referencing those, without listing them. It takes ACCESS EXCLUSIVE, so it also waits behind every running query and blocks all reads and writes meanwhile.",
    lock: "ACCESS EXCLUSIVE on each table truncated (with CASCADE, on the referencing tables too): blocks reads and writes.",
    instead: "Delete only the rows you mean, with a WHERE clause, in batches. If emptying the table is really intended, keep a copy first, name every table explicitly instead of CASCADE, and mark the statement with `-- migration-guard-ignore ban-truncate` and a note saying why.",
    bad: "TRUNCATE orders CASCADE;",
    good: "CREATE TABLE import_staging (id bigint PRIMARY KEY, payload jsonb);\nTRUNCATE import_staging;",
    equivalents: { squawk: "ban-truncate-cascade", pgfence: "Destructive operation checks" }
  },
  statements: ["TruncateStmt"],
  check({ statement, operations }) {
    const t = stmtNode(statement, "TruncateStmt");
    if (!executesNow(statement) || !t) return [];
    const existing = operations.filter((o) => o.table && !o.targetIsNew);
    if (existing.length === 0) return [];
    const cascade = t.behavior === "DROP_CASCADE";
    const names = existing.map((o) => o.table).join(", ");
    return [{
      ...existing.length === 1 ? { operation: operations.indexOf(existing[0]) } : {},
      message: `TRUNCATE deletes every row of ${names} for good (a rollback cannot bring them back)${cascade ? ", and CASCADE also empties every table with a foreign key to it, recursively" : ""}; it takes ACCESS EXCLUSIVE meanwhile`,
      suggestion: [
        `-- keep a copy first: CREATE TABLE ${existing[0].table.split(".").pop()}_backup AS TABLE ${tableRef(existing[0].table)};`,
        `-- delete only what you mean: DELETE FROM ${tableRef(existing[0].table)} WHERE <condition>;  (in batches)`,
        cascade ? "-- name every table to empty instead of CASCADE, so nothing is emptied by surprise" : ""
      ].filter(Boolean).join("\n")
    }];
  }
};

// rules/ban-vacuum-full.ts
var rule18 = {
  id: "ban-vacuum-full",
  risk: "DANGEROUS",
  title: "VACUUM FULL rewrites the table and blocks reads and writes",
  sizeSensitive: true,
  docs: {
    why: "VACUUM FULL writes a complete new copy of the table and its indexes while holding ACCESS EXCLUSIVE: nothing can read or write the table until the copy is done, which on a large table is minutes to hours. It also needs free disk space for the whole copy. Without a table name it does this to every table in the database, one after the other. It cannot run inside a transaction block either.",
    lock: "ACCESS EXCLUSIVE on the table for the whole rewrite: blocks reads and writes.",
    instead: "Plain VACUUM (no FULL) reclaims space for reuse without blocking. To give space back to the operating system online, use pg_repack or pg_squeeze, which rebuild the table beside the live one and take an exclusive lock only for the final swap; run them as an operations task, not in a migration.",
    bad: "VACUUM FULL orders;",
    good: "VACUUM (ANALYZE) orders;",
    equivalents: { squawk: "prefer-repack", eugene: "E10", pgfence: "table rewrites (VACUUM FULL)" }
  },
  statements: ["VacuumStmt"],
  check({ statement, operations }) {
    if (!executesNow(statement)) return [];
    const hits = [];
    operations.forEach((op, i) => {
      if (op.kind !== "VACUUM_FULL" || op.targetIsNew) return;
      hits.push({
        operation: i,
        message: op.table ? `VACUUM FULL rewrites ${op.table} and its indexes under ${article(describeLock(op.lock))} for the whole rewrite` : "VACUUM FULL without a table rewrites every table in the database, each under ACCESS EXCLUSIVE (blocks reads and writes)",
        suggestion: op.table ? `VACUUM (ANALYZE) ${op.table};  -- non-blocking; to shrink the file online instead: pg_repack --no-order --table=${op.table} <database>` : "VACUUM (ANALYZE);  -- non-blocking; shrink individual tables online with pg_repack --no-order --table=<table> <database>"
      });
    });
    return hits;
  }
};

// rules/_type-change.ts
function parseType(text) {
  const array = text.endsWith("[]");
  const core = text.replace(/(\[\])+$/, "");
  const m = /^([^()]+?)(?:\(([^)]*)\))?$/.exec(core);
  const base = (m?.[1] ?? core).trim();
  const mods = (m?.[2] ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "").map(Number);
  return { base, mods, array };
}
var STRINGS = /* @__PURE__ */ new Set(["varchar", "text", "citext"]);
var TIMES = /* @__PURE__ */ new Set(["timestamp", "timestamptz", "time", "timetz", "interval"]);
var BINARY = /* @__PURE__ */ new Set(["cidr>inet", "xml>text", "xml>varchar", "int4>oid", "oid>int4", "int8>int8", "integer>oid", "oid>integer", "bit>varbit"]);
function widens(from, to) {
  if (to === void 0) return true;
  if (from === void 0) return false;
  return to >= from;
}
function typeChange(oldText, newText, pgVersion) {
  if (oldText === newText) return { effect: "none" };
  const a = parseType(oldText);
  const b = parseType(newText);
  if (a.array || b.array) return { effect: "rewrite", mayFail: false };
  if (STRINGS.has(a.base) && STRINGS.has(b.base)) {
    const from = a.base === "varchar" ? a.mods[0] : void 0;
    const to = b.base === "varchar" ? b.mods[0] : void 0;
    if (widens(from, to)) return { effect: a.base === "citext" !== (b.base === "citext") ? "index-rebuild" : "none" };
    return { effect: "rewrite", mayFail: true, ...to !== void 0 ? { limit: to } : {} };
  }
  if (a.base === "numeric" && b.base === "numeric") {
    if (b.mods.length === 0) return { effect: "none" };
    if (a.mods.length > 0 && (a.mods[1] ?? 0) === (b.mods[1] ?? 0) && (b.mods[0] ?? 0) >= (a.mods[0] ?? 0)) return { effect: "none" };
    return { effect: "rewrite", mayFail: true };
  }
  if (a.base === "varbit" && b.base === "varbit") {
    return widens(a.mods[0], b.mods[0]) ? { effect: "none" } : { effect: "rewrite", mayFail: true };
  }
  if (BINARY.has(`${a.base}>${b.base}`) && b.mods.length === 0) return { effect: "none" };
  if (a.base === "interval" && b.base === "interval") {
    if (b.mods.length === 0) return { effect: "none" };
    if (b.mods[0] !== 32767) return { effect: "rewrite", mayFail: false };
    return widens(a.mods[1], b.mods[1]) && (a.mods.length === 0 || a.mods[0] === 32767 || b.mods[0] === 32767) ? { effect: "none" } : { effect: "rewrite", mayFail: false };
  }
  if (TIMES.has(a.base) && a.base === b.base) {
    return widens(a.mods[0], b.mods[0]) ? { effect: "none" } : { effect: "rewrite", mayFail: false };
  }
  if (a.base === "timestamp" && b.base === "timestamptz" && widens(a.mods[0], b.mods[0])) {
    return pgVersion >= 12 ? { effect: "utc-only" } : { effect: "rewrite", mayFail: false };
  }
  return { effect: "rewrite", mayFail: false };
}

// rules/changing-column-type.ts
function trivialUsing(expr, column) {
  if (!expr) return true;
  const cast = as(expr, "TypeCast");
  const ref = as(cast ? cast.arg : expr, "ColumnRef");
  return !!ref && stringList(ref.fields).at(-1) === column;
}
function expandContract(table, column, newType, valueSql) {
  const t = alterTable(table);
  const col = ident(column);
  const tmp = ident(`${column}_new`.slice(0, 63));
  const ref = tableRef(table);
  return [
    `${t} ADD COLUMN ${tmp} ${newType};`,
    `-- keep ${tmp} in step with ${col} for new writes (trigger or application), then backfill in batches:`,
    `UPDATE ${ref} SET ${tmp} = ${valueSql} WHERE ctid IN (SELECT ctid FROM ${ref} WHERE ${tmp} IS NULL AND ${col} IS NOT NULL LIMIT 10000);`,
    `-- once the application reads ${tmp}, swap in one short transaction:`,
    `${t} RENAME COLUMN ${col} TO ${ident(`${column}_old`.slice(0, 63))};`,
    `${t} RENAME COLUMN ${tmp} TO ${col};`
  ].join("\n");
}
var UTC_NAMES = /* @__PURE__ */ new Set(["utc", "etc/utc", "gmt", "etc/gmt", "zulu", "z", "universal", "etc/universal", "utc0", "+00", "0"]);
function sessionTimeZone(state) {
  let zone;
  for (const s of state.earlierInFile ?? []) {
    const set = as(s.statement.ast, "VariableSetStmt");
    if (!set || set.name?.toLowerCase() !== "timezone") continue;
    if (set.is_local && !(s.inTransaction && s.txId === state.tx.id && state.tx.active)) continue;
    if (set.kind !== "VAR_SET_VALUE") {
      zone = void 0;
      continue;
    }
    const value = as(set.args?.[0], "A_Const");
    const text = value?.sval?.sval ?? (value ? String(value.ival?.ival ?? 0) : "");
    zone = UTC_NAMES.has(text.toLowerCase()) ? "utc" : "other";
  }
  return zone;
}
var rule19 = {
  id: "changing-column-type",
  risk: "DANGEROUS",
  title: "ALTER COLUMN TYPE on an existing table rewrites it and rebuilds its indexes under an ACCESS EXCLUSIVE lock",
  sizeSensitive: true,
  docs: {
    why: "Changing a column's type makes PostgreSQL rewrite every row and rebuild every index of the table while it holds an ACCESS EXCLUSIVE lock, so nothing can read or write the table until it is done. Only a few changes skip the rewrite (the binary-coercible casts of pg_cast and the typmod rules): varchar(n) to a longer varchar, varchar or text; text to varchar without a limit; text or varchar to and from citext (indexes on the column are still rebuilt, citext compares differently); numeric(p,s) to a larger precision with the same scale or to plain numeric; a longer bit varying; cidr to inet; a higher or removed timestamp/time/interval precision; and, since PostgreSQL 12, timestamp to timestamptz when the session time zone is UTC (a SET timezone = UTC earlier in the file counts; a SET to another zone makes it a rewrite). A USING clause that computes something always rewrites. Shrinking a varchar also fails if a longer value exists. Even without a rewrite, every CHECK constraint that uses the column is checked again against all rows under the same lock, and every expression or partial index that uses the column is rebuilt (PostgreSQL cannot prove its expressions unchanged).",
    lock: "ACCESS EXCLUSIVE on the table (blocks reads and writes) for the rewrite and the index rebuilds.",
    instead: "Expand and contract: add a new column of the new type, keep it in step for new writes (trigger or application), backfill it in batches, switch readers, then swap the names and drop the old column. To limit a text length, keep the type and add CHECK (char_length(col) <= n) NOT VALID, then VALIDATE CONSTRAINT.",
    bad: "ALTER TABLE orders ALTER COLUMN quantity TYPE bigint;",
    good: "ALTER TABLE orders ADD COLUMN quantity_new bigint;",
    equivalents: { squawk: "changing-column-type", strongMigrations: "change_column", eugene: "E5", pgfence: "ALTER COLUMN checks" }
  },
  statements: ["AlterTableStmt"],
  // sessionTimeZone reads the SET timezone statements before it.
  readsEarlierTree: (s) => stmtTag(s) === "VariableSetStmt",
  check({ statement, operations, state }) {
    if (!runsDuringMigration(statement)) return [];
    const hits = [];
    alterCmds(statement).forEach((cmd, i) => {
      const op = operations[i];
      if (cmd.subtype !== "AT_AlterColumnType" || !cmd.name || !op?.table || !onExistingTable(op)) return;
      const def = as(cmd.def, "ColumnDef");
      const newType = typeNameText(def?.typeName);
      const table = op.table;
      const column = cmd.name;
      const oldType = state.facts.columnTypes.get(`${table}.${column}`);
      const usingSql = def?.raw_default && !trivialUsing(def.raw_default, column) ? sqlOf(def.raw_default) : void 0;
      const cast = `${ident(column)}::${newType}`;
      const where = `${table}.${column}`;
      if (usingSql) {
        hits.push({
          operation: i,
          message: `ALTER COLUMN ${column} TYPE ${newType} USING ${usingSql} on ${table}: a USING expression is computed for every row, so the table is rewritten and its indexes rebuilt under an ACCESS EXCLUSIVE lock (reads and writes wait)`,
          suggestion: expandContract(table, column, newType, usingSql)
        });
        return;
      }
      if (!oldType) {
        hits.push({
          operation: i,
          message: `ALTER COLUMN ${column} TYPE ${newType} on ${table}: the old type of ${where} is not known from the history, so this is assumed to rewrite the table and rebuild its indexes under an ACCESS EXCLUSIVE lock (only widening changes such as varchar(50) to varchar(100) or text skip the rewrite)`,
          suggestion: expandContract(table, column, newType, cast)
        });
        return;
      }
      const change = typeChange(oldType, newType, state.pgVersion);
      const zone = change.effect === "utc-only" ? sessionTimeZone(state) : void 0;
      if (change.effect !== "rewrite" && zone !== "other") {
        const checks = [...constraintsOn(state, table)].filter((c) => c.table === table && c.kind === "check" && c.validated && (c.columns ?? []).includes(column));
        if (checks.length > 0) {
          hits.push({
            operation: i,
            message: `ALTER COLUMN ${column} TYPE ${newType} (from ${oldType}) on ${table} does not rewrite the table, but the CHECK constraint${checks.length > 1 ? "s" : ""} ${checks.map((c) => c.name.includes("#") ? "(unnamed)" : c.name).join(", ")} on ${column} ${checks.length > 1 ? "are" : "is"} checked again against every row under an ACCESS EXCLUSIVE lock (reads and writes wait for the scan)`,
            suggestion: `-- drop the CHECK first, change the type, then add the CHECK back NOT VALID and validate it separately:
${alterTable(table)} DROP CONSTRAINT ${ident(checks[0].name.includes("#") ? "<constraint>" : checks[0].name)}, ALTER COLUMN ${ident(column)} TYPE ${newType};
-- ADD CONSTRAINT ... CHECK (...) NOT VALID; then, in a separate transaction, VALIDATE CONSTRAINT ...`
          });
          return;
        }
      }
      const noRewrite = change.effect === "none" || change.effect === "index-rebuild" || change.effect === "utc-only" && zone === "utc";
      if (noRewrite) {
        const exprIndexed = state.alwaysRebuiltIndexColumns?.get(table)?.has(column) ?? false;
        const plainIndexed = change.effect === "index-rebuild" && (state.indexedColumns.get(table) ?? []).some((cols) => cols.includes(column));
        if (!exprIndexed && !plainIndexed) return;
        const why = plainIndexed ? `the indexes on ${column} change operator class` : `the expression or partial indexes that use ${column} cannot be proven unchanged`;
        hits.push({
          operation: i,
          message: `ALTER COLUMN ${column} TYPE ${newType} (from ${oldType}) on ${table} does not rewrite the table, but ${why} and are rebuilt under an ACCESS EXCLUSIVE lock (reads and writes wait for the rebuild)`,
          suggestion: expandContract(table, column, newType, cast)
        });
        return;
      }
      if (change.effect === "utc-only" && zone === void 0) {
        hits.push({
          operation: i,
          risk: "CAUTION",
          message: `ALTER COLUMN ${column} TYPE ${newType} (from ${oldType}) on ${table}: PostgreSQL skips the rewrite only when the session's TimeZone is UTC, and then reads the stored values as UTC; in any other time zone it rewrites the table under an ACCESS EXCLUSIVE lock`,
          suggestion: `SET timezone = 'UTC';  -- in the same session, right before it; only correct if the stored values are UTC
${statement.text.trim()};`
        });
        return;
      }
      if (change.effect === "utc-only") {
        hits.push({
          operation: i,
          message: `ALTER COLUMN ${column} TYPE ${newType} (from ${oldType}) on ${table}: the SET timezone earlier in this file is not UTC, so PostgreSQL converts every value from that zone and rewrites the table and its indexes under an ACCESS EXCLUSIVE lock (reads and writes wait)`,
          suggestion: expandContract(table, column, newType, cast)
        });
        return;
      }
      if (change.mayFail && change.limit !== void 0) {
        const check = defaultConstraintName(table, [column], "check");
        hits.push({
          operation: i,
          message: `ALTER COLUMN ${column} TYPE ${newType} (from ${oldType}) on ${table}: a shorter limit rewrites the table under an ACCESS EXCLUSIVE lock and fails if any value is longer than ${change.limit}`,
          suggestion: `-- keep the type and enforce the limit with a constraint, without a rewrite:
${alterTable(table)} ADD CONSTRAINT ${ident(check)} CHECK (char_length(${ident(column)}) <= ${change.limit}) NOT VALID;
-- then, in a separate transaction:
${alterTable(table)} VALIDATE CONSTRAINT ${ident(check)};`
        });
        return;
      }
      hits.push({
        operation: i,
        message: `ALTER COLUMN ${column} TYPE ${newType} (from ${oldType}) on ${table}: the table is rewritten and its indexes rebuilt under an ACCESS EXCLUSIVE lock (reads and writes wait)${change.mayFail ? "; values that do not fit the new type make it fail" : ""}`,
        suggestion: expandContract(table, column, newType, cast)
      });
    });
    return hits;
  }
};

// rules/_tx-advice.ts
var RUNNER_OPT_OUT = {
  dbmate: "dbmate wraps each section in a transaction: write the header as `-- migrate:up transaction:false`",
  goose: "goose wraps each file in a transaction: add `-- +goose NO TRANSACTION` at the top of the file",
  flyway: "Flyway runs each script in a transaction: add a script config file next to it (`<script>.sql.conf`) containing `executeInTransaction=false`",
  "liquibase-sql": "Liquibase runs each changeset in a transaction: add `runInTransaction:false` to its `--changeset` line",
  prisma: "Prisma Migrate cannot run a migration outside a transaction: run this statement by hand (psql) outside the tool, then mark the migration applied with `prisma migrate resolve --applied`",
  drizzle: "drizzle-kit runs migrations in a transaction and has no opt-out: run this statement by hand (psql) outside the tool",
  supabase: "the Supabase CLI runs each migration in a transaction: run this statement by hand (psql) outside the CLI",
  "golang-migrate": "golang-migrate sends the whole file as one query, which Postgres runs as one transaction when it holds more than one statement: give the statement a file of its own, alone (no other statement, no BEGIN/COMMIT)",
  sqitch: "Sqitch runs the script as written: remove the BEGIN/COMMIT around this statement",
  sqlx: "sqlx migrate run wraps each file in a transaction: start the file with the line `-- no-transaction`"
};
var ALL_RUNNERS = "golang-migrate: a file holding only this statement; sqlx: `-- no-transaction` as the first line; dbmate: `-- migrate:up transaction:false`; goose: `-- +goose NO TRANSACTION`; Flyway: a `<script>.sql.conf` with `executeInTransaction=false`; Liquibase: `runInTransaction:false` on the changeset; Prisma / Drizzle / Supabase: no opt-out, run it by hand outside the tool";
function runnerTransaction(state) {
  if (!state.oneQueryString) return "the transaction the runner wraps this file in";
  const runner = state.layout === "golang-migrate" ? "golang-migrate" : "the runner";
  if (state.runnerTransaction === "wrapped") return `the one transaction Postgres runs this file in (${runner} sends the file as one query)`;
  return `the implicit transaction Postgres runs the statements outside the file's own BEGIN ... COMMIT in (${runner} sends the file as one query)`;
}
function outOfTransactionAdvice(state, doBlock) {
  if (doBlock) return "a DO block runs as one function call inside a transaction: move the statement out of the DO block and run it as a plain statement";
  if (state.tx.explicit) {
    return `the file's own BEGIN${state.tx.beganAt ? ` (line ${state.tx.beganAt.line})` : ""} opened a transaction: end it with COMMIT before this statement, or put the statement in a migration of its own without BEGIN/COMMIT`;
  }
  const layout = state.layout;
  const specific = layout && (layout !== "golang-migrate" || state.oneQueryString) ? RUNNER_OPT_OUT[layout] : void 0;
  if (specific) return `${specific}; keep the statement in a migration of its own`;
  return `the runner wraps this migration in a transaction: put the statement in a migration of its own and turn the wrapping off (${ALL_RUNNERS})`;
}
function ownMigrationComment(state) {
  if (state.layout === "golang-migrate" || state.oneQueryString) {
    return `-- ${OWN_MIGRATION}, one statement per file (${state.layout === "golang-migrate" ? "golang-migrate" : "the runner"} runs a file of several statements as one transaction)`;
  }
  return `-- ${OWN_MIGRATION} that the runner does not wrap in a transaction`;
}

// rules/_partition-index.ts
var shortName = (qualified) => qualified.split(".").pop() ?? qualified;
function partitionedIndexRecipe(state, idx, table, text) {
  const sql = text.trim().replace(/;$/, "");
  const cols = keyColumns(idx.indexParams);
  const parentIndex = idx.idxname ?? `${shortName(table)}_${cols.join("_") || "expr"}_idx`;
  const rest = /\bON\s+(?:ONLY\s+)?(?:"[^"]+"|[^\s(]+)(?:\.(?:"[^"]+"|[^\s(]+))?\s*([\s\S]*)$/i.exec(sql)?.[1] ?? `(${cols.map(ident).join(", ")})`;
  const unique = idx.unique ? "UNIQUE " : "";
  const lines = [
    `CREATE ${unique}INDEX IF NOT EXISTS ${ident(parentIndex)} ON ONLY ${tableRef(table)} ${rest};  -- the parent alone: instant, INVALID until every partition's index is attached`
  ];
  const parts = state.facts.partitions?.get(table) ?? [];
  for (const part of parts) {
    const child = `${shortName(part)}_${parentIndex}`.slice(0, 63);
    lines.push(`CREATE ${unique}INDEX CONCURRENTLY IF NOT EXISTS ${ident(child)} ON ${tableRef(part)} ${rest};  ${ownMigrationComment(state)}`);
    lines.push(`ALTER INDEX ${ident(parentIndex)} ATTACH PARTITION ${ident(child)};`);
  }
  if (parts.length === 0) {
    lines.push(`-- for each partition: CREATE ${unique}INDEX CONCURRENTLY <partition>_${parentIndex} ON <partition> ${rest};  (${ownMigrationComment(state).replace(/^-- /, "")})`);
    lines.push(`-- then: ALTER INDEX ${ident(parentIndex)} ATTACH PARTITION <partition>_${parentIndex};`);
  }
  return lines.join("\n");
}
function onPartitionedTable(state, idx, table) {
  return !!table && !!state.facts.partitionedTables?.has(table) && idx.relation?.inh === true;
}

// rules/concurrent-index-partitioned-table.ts
var rule20 = {
  id: "concurrent-index-partitioned-table",
  risk: "DANGEROUS",
  title: "CREATE INDEX CONCURRENTLY and DROP INDEX CONCURRENTLY fail on a partitioned table",
  docs: {
    why: `PostgreSQL cannot build or drop an index concurrently on a partitioned table: CREATE INDEX CONCURRENTLY on the parent fails with "cannot create index on partitioned table ... concurrently", and DROP INDEX CONCURRENTLY of the parent's index with "cannot drop partitioned index ... concurrently" (every release up to 18). The migration stops there. The rule knows a table is partitioned from its CREATE TABLE ... PARTITION BY in the history.`,
    instead: "Create the index on the parent alone with CREATE INDEX ... ON ONLY (instant; the index stays INVALID), build it on each partition with CREATE INDEX CONCURRENTLY outside a transaction, and attach each one with ALTER INDEX ... ATTACH PARTITION: the parent's index turns valid when every partition has one. A partitioned index can only be dropped without CONCURRENTLY: set lock_timeout first, as it locks the parent and every partition ACCESS EXCLUSIVE (briefly).",
    bad: "CREATE TABLE measurements (id bigint, device_id bigint, taken_on date) PARTITION BY RANGE (taken_on);\nCREATE TABLE measurements_2026 PARTITION OF measurements FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');\n-- later, in a migration without a transaction:\nCREATE INDEX CONCURRENTLY measurements_device_idx ON measurements (device_id);",
    good: "CREATE TABLE measurements (id bigint, device_id bigint, taken_on date) PARTITION BY RANGE (taken_on);\nCREATE TABLE measurements_2026 PARTITION OF measurements FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');\n-- later, in a migration without a transaction:\nCREATE INDEX IF NOT EXISTS measurements_device_idx ON ONLY measurements (device_id);\nCREATE INDEX CONCURRENTLY IF NOT EXISTS measurements_2026_device_idx ON measurements_2026 (device_id);\nALTER INDEX measurements_device_idx ATTACH PARTITION measurements_2026_device_idx;"
  },
  statements: ["IndexStmt", "DropStmt"],
  check({ statement, operations, state }) {
    if (!runsDuringMigration(statement)) return [];
    const idx = stmtNode(statement, "IndexStmt");
    const table = operations[0]?.table;
    if (idx?.concurrent && table && state.facts.partitionedTables?.has(table)) {
      return [{
        operation: 0,
        message: `CREATE INDEX CONCURRENTLY on ${table}, a partitioned table: PostgreSQL refuses it ("cannot create index on partitioned table concurrently") and the migration fails`,
        suggestion: partitionedIndexRecipe(state, idx, table, statement.text)
      }];
    }
    const drop = stmtNode(statement, "DropStmt");
    if (drop?.removeType !== "OBJECT_INDEX" || !drop.concurrent) return [];
    const hits = [];
    operations.forEach((op, i) => {
      if (!op.indexName || !state.facts.partitionedIndexes?.has(op.indexName)) return;
      hits.push({
        operation: i,
        message: `DROP INDEX CONCURRENTLY ${op.indexName}, an index of a partitioned table: PostgreSQL refuses it ("cannot drop partitioned index concurrently") and the migration fails`,
        suggestion: `SET lock_timeout = '2s';
${statement.text.trim().replace(/;$/, "").replace(/\bCONCURRENTLY\s+/i, "")};  -- locks the parent and every partition ACCESS EXCLUSIVE, briefly`
      });
    });
    return hits;
  }
};

// rules/concurrent-index-pg14-corruption.ts
function affected(pgVersion, minor) {
  return pgVersion === 14 && minor !== void 0 && minor < 4;
}
var rule21 = {
  id: "concurrent-index-pg14-corruption",
  risk: "DANGEROUS",
  title: "On PostgreSQL 14.0 to 14.3, CREATE INDEX CONCURRENTLY and REINDEX CONCURRENTLY can build a corrupt index",
  docs: {
    why: 'PostgreSQL 14.0 to 14.3 have a bug (fixed in 14.4, June 2022) in CREATE INDEX CONCURRENTLY and REINDEX CONCURRENTLY: rows updated while the index is built can be left out of it. The index is valid as far as Postgres knows, so queries that use it silently miss rows and a unique index can let duplicates in. The rule needs the minor release to tell, so it reports only when the configuration names one (`pgVersion: "14.3"`); with `pgVersion: 14` it stays quiet, as most 14 servers have long been updated.',
    instead: "Update the server to 14.4 or later before building indexes concurrently. Indexes built concurrently on 14.0 to 14.3 should be rebuilt after the update (REINDEX INDEX CONCURRENTLY); `pg_amcheck --heapallindexed` finds the damaged ones.",
    bad: '-- pgVersion: "14.3"\nCREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);',
    good: '-- pgVersion: "14.4" (or later)\nCREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);',
    equivalents: { strongMigrations: "add_index_corruption" }
  },
  statements: ["IndexStmt", "ReindexStmt"],
  check({ statement, state }) {
    if (!affected(state.pgVersion, state.pgMinorVersion) || !runsDuringMigration(statement)) return [];
    const index = stmtNode(statement, "IndexStmt");
    const reindex = stmtNode(statement, "ReindexStmt");
    const what2 = index?.concurrent ? "CREATE INDEX CONCURRENTLY" : reindex && optionOn(reindex.params, "concurrently") ? "REINDEX CONCURRENTLY" : void 0;
    if (!what2) return [];
    return [{
      operation: 0,
      message: `${what2} on PostgreSQL 14.${state.pgMinorVersion}: releases 14.0 to 14.3 can leave rows updated during the build out of the index (fixed in 14.4), and nothing reports it`,
      suggestion: "-- update the server to PostgreSQL 14.4 or later first, then run this migration",
      suggestionRuns: "before"
    }];
  }
};

// rules/concurrently-in-transaction.ts
function refusal(statement, state) {
  const r = transactionBlockRefusal(statement.ast, state.pgVersion);
  if (!r || r.command === "ALTER TYPE ... ADD") return void 0;
  if (r.ifPartitioned) {
    const name = r.ifPartitioned.qualified;
    if (!state.facts.partitionedTables?.has(name) && !state.facts.partitionedIndexes?.has(name)) return void 0;
  }
  return r;
}
var SERVER_WIDE = /DATABASE|TABLESPACE|SYSTEM$|SUBSCRIPTION|PREPARED/;
var rule22 = {
  id: "concurrently-in-transaction",
  risk: "DANGEROUS",
  title: "A statement PostgreSQL refuses inside a transaction block (CONCURRENTLY, VACUUM, ...) fails at run time",
  docs: {
    why: 'CREATE INDEX CONCURRENTLY, DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and DETACH PARTITION CONCURRENTLY commit several times internally, so PostgreSQL refuses to run them inside a transaction block ("cannot run inside a transaction block") or a DO block / function. So does it with VACUUM (ANALYZE alone is fine), REINDEX SCHEMA, DATABASE or SYSTEM, CLUSTER without a table, REINDEX (14+) and CLUSTER (15+) of a partitioned table, DISCARD ALL, CREATE and DROP DATABASE, ALTER DATABASE SET TABLESPACE, CREATE and DROP TABLESPACE, ALTER SYSTEM, COMMIT and ROLLBACK PREPARED, CREATE SUBSCRIPTION that creates a slot, ALTER SUBSCRIPTION ... REFRESH or with refresh, and DROP SUBSCRIPTION of a subscription with a slot; a DO block that runs COMMIT fails in one too ("invalid transaction termination"). The migration fails when it is deployed, and with a wrapping runner everything before it in the file is rolled back. This holds even for a table created in the same migration. (ALTER TYPE ... ADD VALUE before PostgreSQL 12: see enum-value-changes.)',
    instead: "Run the statement outside any transaction: put it in a migration of its own and tell the runner not to wrap it (golang-migrate: a file holding only this statement, since a file of several statements runs as one implicit transaction; dbmate `-- migrate:up transaction:false`; goose `-- +goose NO TRANSACTION`; Flyway a `<script>.sql.conf` with `executeInTransaction=false`; Liquibase `runInTransaction:false`). Prisma, Drizzle and Supabase always wrap: run the statement by hand outside the tool.",
    bad: "BEGIN;\nCREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);\nCOMMIT;",
    good: "CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);",
    equivalents: { squawk: "ban-concurrent-index-creation-in-transaction", pgfence: "CONCURRENTLY outside explicit transactions" }
  },
  statements: [
    "IndexStmt",
    "DropStmt",
    "ReindexStmt",
    "AlterTableStmt",
    "VacuumStmt",
    "ClusterStmt",
    "DiscardStmt",
    "CreatedbStmt",
    "DropdbStmt",
    "AlterDatabaseStmt",
    "CreateTableSpaceStmt",
    "DropTableSpaceStmt",
    "AlterSystemStmt",
    "TransactionStmt",
    "CreateSubscriptionStmt",
    "AlterSubscriptionStmt",
    "DropSubscriptionStmt",
    "DoStmt"
  ],
  check({ statement, state }) {
    if (!runsDuringMigration(statement)) return [];
    const r = refusal(statement, state);
    if (!r) return [];
    const inDoBlock = statement.nestedIn?.kind === "do-block";
    if (!inDoBlock && !state.tx.active) return [];
    const where = inDoBlock ? "inside a DO block" : state.tx.explicit ? "inside the transaction the file opens with BEGIN" : `inside ${runnerTransaction(state)}`;
    const unless = r.unless ? ` unless ${r.unless}` : "";
    const advice = `-- ${outOfTransactionAdvice(state, inDoBlock)}:`;
    return [{
      message: `${r.command} cannot run ${where}: PostgreSQL rejects it ("${r.error ?? "cannot run inside a transaction block"}")${unless} and the migration fails`,
      // The advice as a comment over the statement, so the SQL is verified where the comment sends it.
      suggestion: SERVER_WIDE.test(r.command) ? advice.replace(/:$/, ".") : `${advice}
${statement.text.trim()};  ${ownMigrationComment(state)}`
    }];
  }
};

// rules/constraint-missing-not-valid.ts
var SCANNED = /* @__PURE__ */ new Set(["CONSTR_FOREIGN", "CONSTR_CHECK"]);
function isNullConst(expr) {
  return !!expr?.A_Const?.isnull;
}
function addsNullColumn(def, op) {
  return !!def?.colname && op?.kind === "ADD_COLUMN_NULLABLE" && !columnConstraints(def).some((c) => c.contype === "CONSTR_DEFAULT");
}
var WRITES_NO_ROWS = /* @__PURE__ */ new Set([
  "AlterTableStmt",
  "IndexStmt",
  "CommentStmt",
  "GrantStmt",
  "GrantRoleStmt",
  "VariableSetStmt",
  "TransactionStmt",
  "CreateStmt",
  "CreateSeqStmt",
  "AlterSeqStmt",
  "CreateEnumStmt",
  "AlterEnumStmt",
  "CompositeTypeStmt",
  "DropStmt",
  "RenameStmt",
  "CreateFunctionStmt",
  "CreateTrigStmt",
  "CreatePolicyStmt",
  "AlterOwnerStmt",
  "ViewStmt",
  "CreateSchemaStmt",
  "ConstraintsSetStmt",
  "LockStmt",
  "CreateDomainStmt"
]);
function writesNoRows(step) {
  return !step.statement.nestedIn && WRITES_NO_ROWS.has(stmtTag(step.statement)) && !step.operations.some((o) => o.kind === "ALTER_COLUMN_TYPE");
}
function nullColumns(table, cmds, operations, state) {
  const out = /* @__PURE__ */ new Map();
  const steps = state.earlierInFile;
  let touched = false;
  for (let i = (steps?.length ?? 0) - 1; i >= 0; i--) {
    const step = steps.at(i);
    if (!writesNoRows(step)) break;
    alterCmds(step.statement).forEach((cmd, k) => {
      const def = addColumnDef(cmd);
      const op = step.operations[k];
      if (op?.table === table && addsNullColumn(def, op) && !out.has(def.colname)) out.set(def.colname, { step, touchedBetween: touched });
    });
    if (step.operations.some((o) => o.table === table || o.kind === "DO_BLOCK")) touched = true;
  }
  cmds.forEach((cmd, i) => {
    const def = addColumnDef(cmd);
    if (addsNullColumn(def, operations[i])) out.set(def.colname, { touchedBetween: false });
  });
  return out;
}
function asColumnConstraint(c) {
  if (stringList(c.fk_attrs).length !== 1 || (c.fk_del_set_cols?.length ?? 0) > 0) return void 0;
  const { fk_attrs: _columns, ...rest } = c;
  return { Constraint: rest };
}
function alterWith(statement, cmds) {
  const alter = stmtNode(statement, "AlterTableStmt");
  if (!alter || cmds.length === 0) return void 0;
  const sql = sqlOf({ AlterTableStmt: { ...alter, cmds: cmds.map((c) => ({ AlterTableCmd: c })) } });
  return sql ? `${sql};` : void 0;
}
function withColumnConstraints(cmds, moved) {
  return cmds.map((cmd) => {
    const def = addColumnDef(cmd);
    const add = def?.colname ? moved.get(def.colname) : void 0;
    return add && def ? { ...cmd, def: { ColumnDef: { ...def, constraints: [...def.constraints ?? [], add] } } } : cmd;
  });
}
function lockText(c, table) {
  if (c.contype === "CONSTR_FOREIGN") {
    const referenced = relationName(c.pktable);
    return referenced && referenced !== table ? `SHARE ROW EXCLUSIVE locks on ${table} and ${referenced} (writes to both wait)` : `a SHARE ROW EXCLUSIVE lock on ${table} (writes to it wait)`;
  }
  return `an ACCESS EXCLUSIVE lock on ${table} (reads and writes wait)`;
}
function twoStep(table, clause) {
  return `${alterTable(table)} ADD ${clause.sql} NOT VALID;
-- then, in a separate transaction (the next migration):
${alterTable(table)} VALIDATE CONSTRAINT ${ident(clause.name)};`;
}
var rule23 = {
  id: "constraint-missing-not-valid",
  risk: "DANGEROUS",
  title: "Adding a FOREIGN KEY or CHECK to an existing table without NOT VALID scans it under a blocking lock",
  sizeSensitive: true,
  docs: {
    why: "When a FOREIGN KEY or CHECK constraint is added to a table that already has rows, PostgreSQL checks every row before the statement finishes, and holds its lock the whole time. For a CHECK that lock is ACCESS EXCLUSIVE, so nothing can read or write the table; for a FOREIGN KEY it is SHARE ROW EXCLUSIVE on both the table and the table it references, so writes to both wait. The same happens when the constraint is written on a column added to an existing table (ADD COLUMN ... REFERENCES, what ORMs emit for a new foreign key): with a DEFAULT (DEFAULT NULL included) every row is checked; without one nothing is checked, but the referenced table is still locked (CAUTION). A FOREIGN KEY written as a table constraint (ADD CONSTRAINT ... FOREIGN KEY) on a column just added is validated all the same: the column is all NULL, so nothing is looked up, but every row is read under both locks; written on the ADD COLUMN itself it is not validated, and that is the suggestion. A FOREIGN KEY from a table created in this migration is not flagged: that table is empty or unused, and the referenced table is locked only briefly.",
    lock: "CHECK: ACCESS EXCLUSIVE on the table (blocks reads and writes). FOREIGN KEY: SHARE ROW EXCLUSIVE on the table and the referenced table (blocks writes to both). Held while every row is checked.",
    instead: "Add the constraint with NOT VALID (new and updated rows are checked from then on; the lock is brief), then run ALTER TABLE ... VALIDATE CONSTRAINT in a separate transaction. VALIDATE takes only a SHARE UPDATE EXCLUSIVE lock, so reads and writes continue while it scans.",
    bad: "ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);",
    good: "ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;",
    equivalents: { squawk: "constraint-missing-not-valid, adding-foreign-key-constraint", strongMigrations: "add_check_constraint, add_foreign_key, add_reference", eugene: "E1", pgfence: "ADD CONSTRAINT checks" }
  },
  statements: ["AlterTableStmt"],
  // An earlier ADD COLUMN a foreign key of this statement may be moved onto (see nullColumns).
  readsEarlierTree: (s, ops) => stmtTag(s) === "AlterTableStmt" && ops.some((o) => o.kind === "ADD_COLUMN_NULLABLE"),
  check({ statement, operations, state }) {
    if (!runsDuringMigration(statement)) return [];
    const hits = [];
    const cmds = alterCmds(statement);
    let nulls;
    const onNew = [];
    cmds.forEach((cmd, i) => {
      const op = operations[i];
      if (!op?.table || !onExistingTable(op)) return;
      const table = op.table;
      const con = addedConstraint(cmd);
      if (con && SCANNED.has(con.contype ?? "") && !con.skip_validation) {
        if (con.contype === "CONSTR_FOREIGN") {
          nulls ??= nullColumns(table, cmds, operations, state);
          const columns = stringList(con.fk_attrs);
          if (columns.length > 0 && columns.every((c) => nulls.has(c))) {
            onNew.push({ i, con });
            return;
          }
        }
        const clause = constraintClause(con, table);
        const kind = con.contype === "CONSTR_FOREIGN" ? "FOREIGN KEY" : "CHECK";
        hits.push({
          operation: i,
          message: `${kind}${con.conname ? ` ${con.conname}` : ""} is added to ${table} without NOT VALID: every existing row is checked while holding ${lockText(con, table)}`,
          ...clause ? { suggestion: twoStep(table, clause) } : {}
        });
        return;
      }
      const def = addColumnDef(cmd);
      const defaults = columnConstraints(def).filter((c) => c.contype === "CONSTR_DEFAULT");
      const hasDefault = defaults.length > 0;
      const inline = columnConstraints(def).filter((c) => c.contype === "CONSTR_CHECK" || c.contype === "CONSTR_FOREIGN" && hasDefault);
      const lightFk = columnConstraints(def).find((c) => c.contype === "CONSTR_FOREIGN" && !hasDefault);
      if (def?.colname && lightFk && inline.length === 0) {
        const clause = constraintClause(lightFk, table, def.colname);
        const bare3 = { ...def, constraints: (def.constraints ?? []).filter((n) => n.Constraint !== lightFk) };
        const columnSql2 = sqlOf({ ColumnDef: bare3 });
        const referenced = relationName(lightFk.pktable);
        hits.push({
          operation: i,
          risk: "CAUTION",
          message: `ADD COLUMN ${def.colname} ... REFERENCES ${referenced ?? ""} on the existing table ${table} creates a foreign key: it takes ${lockText(lightFk, table)} (no row is checked, the new column is all NULL, but the locks queue behind running transactions on both tables)`,
          ...columnSql2 && clause ? { suggestion: `${alterTable(table)} ADD COLUMN ${columnSql2};
${twoStep(table, clause)}` } : {}
        });
        return;
      }
      if (!def?.colname || inline.length === 0) return;
      const column = def.colname;
      if (inline.every((c) => c.contype === "CONSTR_FOREIGN") && defaults.every((c) => isNullConst(c.raw_expr)) && !columnConstraints(def).some((c) => c.contype === "CONSTR_NOTNULL")) {
        const withoutDefault = { ...def, constraints: (def.constraints ?? []).filter((n) => n.Constraint?.contype !== "CONSTR_DEFAULT") };
        const columnSql2 = sqlOf({ ColumnDef: withoutDefault });
        hits.push({
          operation: i,
          message: `ADD COLUMN ${column} DEFAULT NULL with REFERENCES on the existing table ${table}: the column is all NULL, so nothing is looked up in ${inline.map((c) => relationName(c.pktable)).join(" and ")}, but with a DEFAULT clause, even DEFAULT NULL, PostgreSQL validates the foreign key and reads every row of ${table} while holding ${lockText(inline[0], table)}; without it the new column's REFERENCES is not validated at all`,
          ...columnSql2 ? { suggestion: `${alterTable(table)} ADD COLUMN ${columnSql2};  -- a new column is NULL without DEFAULT NULL` } : {}
        });
        return;
      }
      const bare2 = { ...def, constraints: (def.constraints ?? []).filter((n) => !inline.some((c) => n.Constraint === c)) };
      const columnSql = sqlOf({ ColumnDef: bare2 });
      const clauses = inline.map((c) => constraintClause(c, table, column)).filter((c) => !!c);
      const kinds = [...new Set(inline.map((c) => c.contype === "CONSTR_FOREIGN" ? "REFERENCES" : "CHECK"))].join(" and ");
      hits.push({
        operation: i,
        message: `ADD COLUMN ${column} with ${kinds} on the existing table ${table}: the constraint is checked against every row while holding ${lockText(inline[0], table)}`,
        ...columnSql && clauses.length === inline.length ? { suggestion: [`${alterTable(table)} ADD COLUMN ${columnSql};`, ...clauses.map((c) => twoStep(table, c))].join("\n") } : {}
      });
    });
    if (onNew.length > 0) hits.push(newColumnForeignKeys(statement, cmds, operations[onNew[0].i].table, onNew, nulls));
    return hits;
  }
};
function newColumnForeignKeys(statement, cmds, table, fks, nulls) {
  const names = fks.map(({ con }) => con.conname).filter((n) => !!n);
  const columns = fks.flatMap(({ con }) => stringList(con.fk_attrs));
  const referenced = [...new Set(fks.map(({ con }) => relationName(con.pktable)).filter((r) => !!r && r !== table))];
  const message = `FOREIGN KEY${names.length ? ` ${names.join(", ")}` : ""} on ${columns.length === 1 ? "the new column" : "the new columns"} ${columns.join(", ")} of ${table}: ${columns.length === 1 ? "the column is" : "they are"} all NULL, so nothing is looked up in ${referenced.join(" and ") || table}, but PostgreSQL still validates ${fks.length === 1 ? "the constraint" : "the constraints"} by reading every row of ${table} while holding ${referenced.length > 1 ? `SHARE ROW EXCLUSIVE locks on ${table}, ${referenced.join(" and ")} (writes to all of them wait)` : lockText(fks[0].con, table)}. A REFERENCES written on the ADD COLUMN itself is not validated (the column is known to be NULL), so nothing is read`;
  const moved = /* @__PURE__ */ new Map();
  const earlier = /* @__PURE__ */ new Set();
  for (const { con } of fks) {
    const column = stringList(con.fk_attrs)[0];
    const where = nulls.get(column);
    const asColumn = asColumnConstraint(con);
    if (!asColumn || where.touchedBetween) break;
    if (where.step) earlier.add(where.step);
    moved.set(column, asColumn);
  }
  const movedCmds = new Set(fks.map(({ i }) => cmds[i]));
  if (moved.size === fks.length && earlier.size <= 1) {
    const [step] = [...earlier];
    const here = withColumnConstraints(cmds.filter((c) => !movedCmds.has(c)), moved);
    const parts = [step ? alterWith(step.statement, withColumnConstraints(alterCmds(step.statement), moved)) : void 0, alterWith(statement, here)];
    if (parts.every((p, k) => p !== void 0 || (k === 0 ? !step : here.length === 0))) {
      return {
        operation: fks[0].i,
        message,
        suggestion: parts.filter((p) => !!p).join("\n"),
        ...step ? { alsoReplaces: [{ statement: step.statement.index, line: step.statement.line }] } : {}
      };
    }
  }
  const clauses = fks.map(({ con }) => constraintClause(con, table)).filter((c) => !!c);
  return { operation: fks[0].i, message, ...clauses.length === fks.length ? { suggestion: clauses.map((c) => twoStep(table, c)).join("\n") } : {} };
}

// rules/create-rule.ts
var EVENTS = { CMD_INSERT: "INSERT", CMD_UPDATE: "UPDATE", CMD_DELETE: "DELETE", CMD_SELECT: "SELECT" };
var DESTRUCTIVE = /* @__PURE__ */ new Set(["DeleteStmt", "UpdateStmt", "TruncateStmt", "MergeStmt"]);
var rule24 = {
  id: "create-rule",
  risk: "DANGEROUS",
  title: "CREATE RULE rewrites every later query on the table",
  docs: {
    why: "A rule rewrites the queries that touch the table from then on, silently and for every role: `DO INSTEAD NOTHING` makes the statement do nothing and report success, and actions run in place of or beside the original one. `ON INSERT \u2026 DO INSTEAD NOTHING` throws away every row written to the table from then on while the application believes it saved them: that is data loss, DANGEROUS. So is a rule whose actions delete or update rows, which then happens on every write. Other rules are CAUTION: a view's INSTEAD rule is a known pattern, and `ON DELETE \u2026 DO INSTEAD NOTHING` keeps a table append-only, but every later query behaves differently from what its text says.",
    instead: "Use a trigger, which shows in the table's definition and can raise an error instead of silently doing nothing; for a view, an INSTEAD OF trigger; to forbid writes, REVOKE the privilege.",
    bad: "CREATE RULE orders_ignore AS ON INSERT TO orders DO INSTEAD NOTHING;",
    good: "REVOKE INSERT ON orders FROM app_writer;"
  },
  statements: ["RuleStmt"],
  check({ statement }) {
    const t = nodeTag(statement.ast);
    if (!t || t[0] !== "RuleStmt") return [];
    const v = t[1];
    const table = relationName(v.relation);
    const on = EVENTS[String(v.event)] ?? String(v.event);
    const actions = (Array.isArray(v.actions) ? v.actions : []).map((a) => nodeTag(a)?.[0]).filter((x) => x !== void 0);
    const head = `rule ${String(v.rulename)} on ${tableRef(table)}`;
    if (v.instead === true && actions.length === 0) {
      if (on === "INSERT") return [{ message: `${head} turns every INSERT into the table into nothing, reported as a success: rows the application writes from now on are thrown away`, suggestion: `-- to forbid inserts, say so with an error:
REVOKE INSERT ON ${tableRef(table)} FROM <the writing role>;` }];
      return [{ risk: "CAUTION", message: `${head} turns every ${on} on the table into nothing, reported as a success: the statement's text no longer says what it does` }];
    }
    const destroys = actions.filter((a) => DESTRUCTIVE.has(a));
    if (destroys.length > 0) return [{ message: `${head} runs ${destroys.map((a) => a.replace(/Stmt$/, "").toUpperCase()).join(", ")} ${v.instead === true ? "instead of" : "along with"} every ${on} on the table: each write from now on changes or deletes other rows` }];
    return [{ risk: "CAUTION", message: `${head} rewrites every ${on} on the table ${v.instead === true ? "into other statements" : "to run more statements"}: later queries do what their text does not say` }];
  }
};

// rules/creating-trigger.ts
var TOGGLES = {
  AT_EnableTrig: "ENABLE TRIGGER",
  AT_EnableAlwaysTrig: "ENABLE ALWAYS TRIGGER",
  AT_EnableReplicaTrig: "ENABLE REPLICA TRIGGER",
  AT_EnableTrigAll: "ENABLE TRIGGER ALL",
  AT_EnableTrigUser: "ENABLE TRIGGER USER",
  AT_DisableTrig: "DISABLE TRIGGER",
  AT_DisableTrigAll: "DISABLE TRIGGER ALL",
  AT_DisableTrigUser: "DISABLE TRIGGER USER"
};
var rule25 = {
  id: "creating-trigger",
  risk: "CAUTION",
  title: "Adding, dropping, enabling or disabling a trigger on an existing table",
  docs: {
    why: "A trigger adds work to every write on the table (each row of a bulk UPDATE fires it), hides logic from whoever reads the application code, and an error in it fails the application's writes. Creating, enabling or disabling one takes a SHARE ROW EXCLUSIVE lock: brief, but it waits behind running writes and queues all other writes behind it. Disabling a trigger silently skips what it did (audit rows, denormalised columns); DISABLE TRIGGER ALL also turns off foreign-key enforcement. DROP TRIGGER takes an ACCESS EXCLUSIVE lock on the table: brief, but while it waits behind a long query even reads queue behind it.",
    lock: "SHARE ROW EXCLUSIVE on the table to create, enable or disable one (blocks writes, not reads); ACCESS EXCLUSIVE to drop one (blocks reads and writes), while waiting for and holding it.",
    instead: "Set a lock_timeout before it (`SET lock_timeout = '5s';`) and retry on timeout; measure the trigger's cost on a busy table; prefer doing the work in application code or an asynchronous job when it need not be in the same transaction. Re-enable disabled triggers in the same migration.",
    bad: "CREATE TRIGGER orders_audit AFTER UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION audit_row();",
    good: "CREATE TABLE order_events (id bigint PRIMARY KEY, payload jsonb);\nCREATE TRIGGER order_events_audit AFTER INSERT ON order_events FOR EACH ROW EXECUTE FUNCTION audit_row();",
    equivalents: { pgfence: "Trigger operations" }
  },
  statements: ["CreateTrigStmt", "DropStmt", "AlterTableStmt"],
  check({ statement, operations }) {
    if (!executesNow(statement)) return [];
    const trig = stmtNode(statement, "CreateTrigStmt");
    const op = operations[0];
    if (trig) {
      if (!op || !onExistingTable(op)) return [];
      return [{
        operation: 0,
        message: `trigger ${trig.trigname ?? ""} on ${op.table} adds work to every ${trig.row ? "row written" : "write"} and takes ${article(describeLock(op.lock))} to be created`,
        suggestion: `SET lock_timeout = '5s';  -- retry on timeout; measure the trigger's cost on a production-sized copy of ${op.table}`,
        suggestionRuns: "before"
      }];
    }
    const hits = [];
    operations.forEach((o, i) => {
      if (o.kind !== "DROP_TRIGGER" || !onExistingTable(o)) return;
      hits.push({
        operation: i,
        message: `DROP TRIGGER on ${o.table} takes ${article(describeLock(o.lock, o.table))}; while it waits for running queries, every read and write of ${o.table} queues behind it`,
        suggestion: "SET lock_timeout = '5s';  -- retry on timeout",
        suggestionRuns: "before"
      });
    });
    alterCmds(statement).forEach((c, i) => {
      const what2 = TOGGLES[c.subtype ?? ""];
      const o = operations[i];
      if (!what2 || !o || !onExistingTable(o)) return;
      const disabling = what2.startsWith("DISABLE");
      hits.push({
        operation: i,
        message: `${what2}${c.name ? ` ${c.name}` : ""} on ${o.table} takes ${article(describeLock(o.lock))}${disabling ? "; while disabled, whatever the trigger did is silently skipped" : ""}${what2 === "DISABLE TRIGGER ALL" ? ", including foreign-key checks" : ""}`,
        suggestion: disabling ? "re-enable it in the same migration (ENABLE TRIGGER), and set lock_timeout before both statements" : "SET lock_timeout = '5s';  -- retry on timeout",
        ...disabling ? {} : { suggestionRuns: "before" }
      });
    });
    return hits;
  }
};

// rules/disable-row-level-security.ts
var rule26 = {
  id: "disable-row-level-security",
  risk: "DANGEROUS",
  title: "DISABLE ROW LEVEL SECURITY (or NO FORCE) on an existing table",
  docs: {
    why: "Row level security is what limits each role to its rows. DISABLE ROW LEVEL SECURITY switches every policy of the table off at once: every role with a privilege on the table sees and changes every row, other tenants' and other users' included. NO FORCE ROW LEVEL SECURITY lets the table's owner (often the role the application connects as) bypass the policies. In a pull request it may be a mistake or an attack; either way it is a security change, not schema work.",
    instead: "Keep row level security on; change or add a policy (CREATE POLICY, ALTER POLICY) for the access that is missing, and review it as a security change.",
    bad: "ALTER TABLE documents DISABLE ROW LEVEL SECURITY;",
    good: "CREATE POLICY documents_reader ON documents FOR SELECT USING (owner_id = current_setting('app.user_id')::bigint);"
  },
  statements: ["AlterTableStmt"],
  check({ statement, operations }) {
    const hits = [];
    alterCmds(statement).forEach((c, i) => {
      const op = operations[i] ?? operations[0];
      if (op?.targetIsNew) return;
      const table = tableRef(op?.table);
      if (c.subtype === "AT_DisableRowSecurity") {
        hits.push({ operation: operations[i] ? i : 0, message: `DISABLE ROW LEVEL SECURITY on ${table} switches off every policy of the table: every role with a privilege on it sees and changes every row` });
      } else if (c.subtype === "AT_NoForceRowSecurity") {
        hits.push({ risk: "CAUTION", operation: operations[i] ? i : 0, message: `NO FORCE ROW LEVEL SECURITY on ${table} lets its owner bypass every policy of the table` });
      }
    });
    return hits;
  }
};

// rules/disallowed-unique-constraint.ts
function viaIndex(table, c, columns, pgVersion, ownComment) {
  const primary = c.contype === "CONSTR_PRIMARY";
  const name = c.conname ?? defaultConstraintName(table, columns, primary ? "pkey" : "key");
  const cols = columns.map(ident).join(", ");
  const include = stringList(c.including);
  const nullsNotDistinct = c.nulls_not_distinct ? " NULLS NOT DISTINCT" : "";
  const lines = [
    `CREATE UNIQUE INDEX CONCURRENTLY ${ident(name)} ON ${tableRef(table)} (${cols})${include.length ? ` INCLUDE (${include.map(ident).join(", ")})` : ""}${nullsNotDistinct};  ${ownComment}`
  ];
  if (primary) {
    lines.push(pgVersion >= 12 ? `-- PRIMARY KEY also needs NOT NULL on ${cols}: without it the next step scans the table; prove it first with CHECK (... IS NOT NULL) NOT VALID + VALIDATE CONSTRAINT, then SET NOT NULL` : `-- PRIMARY KEY also needs NOT NULL on ${cols}: before PostgreSQL 12 setting it scans the table under ACCESS EXCLUSIVE`);
  }
  lines.push(`${alterTable(table)} ADD CONSTRAINT ${ident(name)} ${primary ? "PRIMARY KEY" : "UNIQUE"} USING INDEX ${ident(name)};`);
  return lines.join("\n");
}
var rule27 = {
  id: "disallowed-unique-constraint",
  risk: "DANGEROUS",
  title: "Adding a UNIQUE or PRIMARY KEY constraint to an existing table builds its index under an ACCESS EXCLUSIVE lock",
  sizeSensitive: true,
  docs: {
    why: "ALTER TABLE ... ADD UNIQUE / PRIMARY KEY builds a new unique index over the whole table while holding an ACCESS EXCLUSIVE lock: nothing can read or write the table until the index is built (and the statement fails on the first duplicate). The same happens when a column added to an existing table is declared UNIQUE or PRIMARY KEY.",
    lock: "ACCESS EXCLUSIVE on the table (blocks reads and writes) for the whole index build.",
    instead: "Build the unique index first with CREATE UNIQUE INDEX CONCURRENTLY (writes continue), then attach it with ALTER TABLE ... ADD CONSTRAINT name UNIQUE USING INDEX name (or PRIMARY KEY USING INDEX), which is instant. For a primary key, make the columns NOT NULL first without a long lock (validated CHECK, then SET NOT NULL).",
    bad: "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);",
    good: "CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;",
    equivalents: { squawk: "disallowed-unique-constraint", strongMigrations: "add_unique_constraint", eugene: "E7", pgfence: "ADD CONSTRAINT checks" }
  },
  statements: ["AlterTableStmt"],
  check({ statement, operations, state }) {
    if (!runsDuringMigration(statement)) return [];
    const hits = [];
    alterCmds(statement).forEach((cmd, i) => {
      const op = operations[i];
      if (!op?.table || !onExistingTable(op)) return;
      const table = op.table;
      const con = addedConstraint(cmd);
      if (con && (con.contype === "CONSTR_UNIQUE" || con.contype === "CONSTR_PRIMARY") && !con.indexname) {
        const what3 = con.contype === "CONSTR_PRIMARY" ? "PRIMARY KEY" : "UNIQUE";
        const columns = stringList(con.keys);
        hits.push({
          operation: i,
          message: `ADD ${what3}${con.conname ? ` ${con.conname}` : ""} (${columns.join(", ")}) on the existing table ${table} builds a unique index under an ACCESS EXCLUSIVE lock: reads and writes wait for the whole build`,
          suggestion: viaIndex(table, con, columns, state.pgVersion, ownMigrationComment(state))
        });
        return;
      }
      const def = addColumnDef(cmd);
      const inline = columnConstraints(def).find((c) => c.contype === "CONSTR_UNIQUE" || c.contype === "CONSTR_PRIMARY");
      if (!def?.colname || !inline) return;
      const what2 = inline.contype === "CONSTR_PRIMARY" ? "PRIMARY KEY" : "UNIQUE";
      const bare2 = sqlOf({ ColumnDef: { ...def, constraints: (def.constraints ?? []).filter((n) => !["CONSTR_UNIQUE", "CONSTR_PRIMARY"].includes(n.Constraint?.contype ?? "")) } });
      hits.push({
        operation: i,
        message: `ADD COLUMN ${def.colname} ... ${what2} on the existing table ${table} builds a unique index over every row under an ACCESS EXCLUSIVE lock`,
        suggestion: `${alterTable(table)} ADD COLUMN ${bare2 ?? ident(def.colname)};
${viaIndex(table, inline, [def.colname], state.pgVersion, ownMigrationComment(state))}`
      });
    });
    return hits;
  }
};

// rules/_backfill-sql.ts
function columnTypeIn(facts, table) {
  return (column) => {
    const t = table ? facts.columnTypeNames.get(`${table}.${column}`) : void 0;
    return t ? sqlOf({ TypeName: t }) : void 0;
  };
}
function batchedSql(statement, table, typeOf = () => void 0, batch = 1e4) {
  const one = oneBatch(statement.ast, { size: batch, typeOf });
  if ("why" in one) {
    return `-- run it in its own migration outside a transaction block, in batches of about ${batch} rows of ${tableRef(table)} (by its primary key), committing between batches; it cannot be batched automatically because ${one.why}`;
  }
  return [
    `-- in a migration of its own, run outside a transaction block (PostgreSQL 11+); batches are picked by ctid, so any key type works`,
    `${batchLoop(one.sql, { explain: true })};`
  ].join("\n");
}

// rules/_catalog.ts
var SYSTEM_CATALOGS = /* @__PURE__ */ new Set([
  "pg_aggregate",
  "pg_am",
  "pg_amop",
  "pg_amproc",
  "pg_attrdef",
  "pg_attribute",
  "pg_authid",
  "pg_auth_members",
  "pg_cast",
  "pg_class",
  "pg_collation",
  "pg_constraint",
  "pg_conversion",
  "pg_database",
  "pg_db_role_setting",
  "pg_default_acl",
  "pg_depend",
  "pg_description",
  "pg_enum",
  "pg_event_trigger",
  "pg_extension",
  "pg_foreign_data_wrapper",
  "pg_foreign_server",
  "pg_foreign_table",
  "pg_index",
  "pg_inherits",
  "pg_init_privs",
  "pg_language",
  "pg_largeobject",
  "pg_largeobject_metadata",
  "pg_namespace",
  "pg_opclass",
  "pg_operator",
  "pg_opfamily",
  "pg_parameter_acl",
  "pg_partitioned_table",
  "pg_policy",
  "pg_proc",
  "pg_publication",
  "pg_range",
  "pg_replication_origin",
  "pg_rewrite",
  "pg_seclabel",
  "pg_sequence",
  "pg_shdepend",
  "pg_shdescription",
  "pg_shseclabel",
  "pg_statistic",
  "pg_statistic_ext",
  "pg_subscription",
  "pg_tablespace",
  "pg_transform",
  "pg_trigger",
  "pg_ts_config",
  "pg_ts_dict",
  "pg_ts_parser",
  "pg_ts_template",
  "pg_type",
  "pg_user_mapping"
]);
function isCatalogRelation(r) {
  return r?.relname !== void 0 && (r.schemaname === "pg_catalog" || r.schemaname === void 0 && SYSTEM_CATALOGS.has(r.relname));
}
function isCatalogTable(table) {
  const dot = table.indexOf(".");
  const schema = table.slice(0, dot);
  return schema === "pg_catalog" || schema === "public" && SYSTEM_CATALOGS.has(table.slice(dot + 1));
}

// rules/dml-in-ddl-transaction.ts
var DML_TAGS = /* @__PURE__ */ new Set(["UpdateStmt", "DeleteStmt", "MergeStmt"]);
function isBackfill(statement, ops) {
  const tag = stmtTag(statement);
  if (DML_TAGS.has(tag)) return ops.some((o) => !!o.table && !o.targetIsNew && !isCatalogTable(o.table));
  if (tag === "InsertStmt") {
    if (ops.some((o) => o.table && isCatalogTable(o.table))) return false;
    const select = as(stmtNode(statement, "InsertStmt")?.selectStmt, "SelectStmt");
    return !!select && !select.valuesLists;
  }
  return false;
}
function readsUserTables(node) {
  if (Array.isArray(node)) return node.some(readsUserTables);
  if (!node || typeof node !== "object") return false;
  for (const [key, value] of Object.entries(node)) {
    if (key === "RangeVar") {
      const r = value;
      if (r.schemaname !== "pg_catalog" && r.schemaname !== "information_schema" && !/^pg_/.test(r.relname ?? "")) return true;
    } else if (readsUserTables(value)) return true;
  }
  return false;
}
var MAY_SLEEP = /pg_sleep|u&/i;
function longOtherWork(statement) {
  const tag = stmtTag(statement);
  if (tag === "SelectStmt" || tag === "CreateTableAsStmt") {
    if (MAY_SLEEP.test(statement.text) && functionsCalled(statement.ast).includes("pg_sleep")) return "a pg_sleep";
    return readsUserTables(tag === "SelectStmt" ? statement.ast.SelectStmt.fromClause : statement.ast.CreateTableAsStmt.query) ? tag === "SelectStmt" ? "a query that reads a table" : "CREATE TABLE ... AS, which reads a table" : void 0;
  }
  if (tag === "DoStmt") return /\b(LOOP|pg_sleep)\b/i.test(statement.text) ? "a DO block with a loop" : void 0;
  if (tag === "CallStmt") return "a procedure call (any amount of work)";
  return void 0;
}
var earlierInTransaction = transactionSummary(
  () => ({ ddl: [] }),
  (summary, s) => {
    if (!inMigrationTransaction(s.statement)) return;
    if (s.operations.some(mayLockExisting)) summary.ddl.push(s);
    if (!summary.firstBackfill && isBackfill(s.statement, s.operations)) summary.firstBackfill = s;
  }
);
function mayLockExisting(o) {
  if (o.kind === "UPDATE_VALUES" || o.kind === "DELETE_ROWS" || o.kind === "INSERT_ROWS" || !o.lock || !blocksWrites(o.lock)) return false;
  return o.table ? !o.targetIsNew : !!o.indexName;
}
function lockingDdl(ops, state) {
  return ops.filter((o) => o.kind !== "UPDATE_VALUES" && o.kind !== "DELETE_ROWS" && o.kind !== "INSERT_ROWS" && blocksExisting(o, state));
}
function firstLine(text) {
  const line = text.trim().split("\n")[0] ?? "";
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}
var rule28 = {
  id: "dml-in-ddl-transaction",
  risk: "DANGEROUS",
  title: "A backfill in the same transaction as DDL holds the DDL locks for the whole backfill",
  docs: {
    why: "Locks are held until the transaction ends. When an ALTER TABLE and an UPDATE of many rows share a transaction, the ALTER's lock (ACCESS EXCLUSIVE for most ALTER TABLE forms) stays held for as long as the UPDATE runs, so the table is unreadable and unwritable for the whole backfill, and every row the backfill touched stays locked until the end too. In the other order (backfill, then DDL) the backfill's row locks are kept while the DDL waits for its lock, and if the DDL fails the whole backfill is rolled back. A long query, CREATE TABLE AS, DO block or procedure call after an ACCESS EXCLUSIVE lock extends it in the same way. A runner that wraps each migration in a transaction (Flyway, Rails, Django...) does this to every DDL and DML in the same file. A DDL after a backfill is reported once per transaction, at the first one: the later ones hold the same rows the same way.",
    lock: "The DDL's lock on the table (ACCESS EXCLUSIVE blocks reads and writes; SHARE and stronger block writes), held until COMMIT, plus the backfill's row locks.",
    instead: "Put the backfill in its own migration that runs outside a transaction, in batches that each commit, after the DDL migration has committed (and the NOT NULL or constraint that depends on it in a migration after that).",
    bad: "BEGIN;\nALTER TABLE orders ADD COLUMN status text;\nUPDATE orders SET status = 'new';\nCOMMIT;",
    good: "ALTER TABLE orders ADD COLUMN status text;\nUPDATE orders SET status = 'new' WHERE id BETWEEN 1 AND 10000;",
    equivalents: { eugene: "E4", strongMigrations: "backfill in the same transaction (add_column + update)" }
  },
  // isBackfill reads an earlier INSERT's query; one it is true for is the only one worth keeping.
  readsEarlierTree: (s, ops) => stmtTag(s) === "InsertStmt" && isBackfill(s, ops),
  check({ statement, operations, state }) {
    if (!inMigrationTransaction(statement) || !state.tx.active) return [];
    const sameTx = earlierInTransaction(state);
    const wrapper = state.tx.explicit ? "the same transaction" : runnerTransaction(state);
    if (isBackfill(statement, operations)) {
      const ddl = sameTx.ddl.flatMap((s) => lockingDdl(s.operations, state).map((op2) => ({ op: op2, s })));
      if (ddl.length === 0) return [];
      const target = operations.find((o) => o.table)?.table;
      const onTarget = ddl.filter((d) => d.op.table === target);
      const pool = onTarget.length > 0 ? onTarget : ddl;
      const strongest = pool.find((d) => d.op.lock === "AccessExclusiveLock") ?? pool[0];
      return [{
        risk: strongest.op.lock === "AccessExclusiveLock" ? "DANGEROUS" : "CAUTION",
        message: `this backfill runs in ${wrapper} as \`${firstLine(strongest.s.statement.text)}\` (line ${strongest.s.statement.line}), whose ${describeLock(strongest.op.lock, strongest.op.table)} is held until COMMIT, so for the whole backfill`,
        suggestion: stmtTag(statement) === "InsertStmt" ? `move this INSERT ... SELECT to its own migration that runs outside a transaction, copying the source rows in key ranges (WHERE id > :last AND id <= :last + 10000), one COMMIT per batch` : batchedSql(statement, target, columnTypeIn(state.facts, target))
      }];
    }
    const other = longOtherWork(statement);
    if (other) {
      const held = sameTx.ddl.flatMap((s) => lockingDdl(s.operations, state).filter((op2) => op2.lock === "AccessExclusiveLock" && op2.kind !== "DROP_TABLE" && op2.kind !== "DROP_VIEW").map((op2) => ({ op: op2, s })))[0];
      if (!held) return [];
      return [{
        risk: "CAUTION",
        message: `${other} runs in ${wrapper} as \`${firstLine(held.s.statement.text)}\` (line ${held.s.statement.line}), whose ${describeLock(held.op.lock, held.op.table)} is held until COMMIT, so for as long as this runs`,
        suggestion: "commit the DDL first (end the transaction right after it), or run this work before the statement that takes the lock"
      }];
    }
    const locking = lockingDdl(operations, state);
    if (locking.length === 0) return [];
    const backfill = sameTx.firstBackfill;
    if (!backfill) return [];
    if (sameTx.ddl.some((s) => s.statement.index > backfill.statement.index && lockingDdl(s.operations, state).length > 0)) return [];
    const op = locking[0];
    return [{
      risk: "CAUTION",
      operation: operations.indexOf(op),
      message: `this DDL, and any after it in ${state.tx.explicit ? "this transaction" : "the file"}, runs in ${wrapper} as the backfill at line ${backfill.statement.line}: the backfilled rows stay locked while it waits for its ${describeLock(op.lock, op.table)}, and if it fails the whole backfill is rolled back`,
      suggestion: "commit the backfill first: move this statement to the next migration, which runs after the backfill has committed"
    }];
  }
};

// rules/dml-without-where.ts
var rule29 = {
  id: "dml-without-where",
  risk: "DANGEROUS",
  title: "UPDATE or DELETE without WHERE on an existing table",
  docs: {
    why: "An UPDATE without WHERE (or with one that is always true, such as WHERE 1 = 1, WHERE id = id or WHERE x IS NULL OR x IS NOT NULL) rewrites every row of the table in one transaction: each row gets a new version (the table can double in size until vacuum), every row stays locked until the statement commits, so application writes to any row wait, and replicas fall behind while they replay it. A DELETE without WHERE deletes every row: that is data loss, and a rollback of the migration cannot bring the rows back once it committed; so does a MERGE whose join condition is always true with WHEN MATCHED THEN DELETE. The same UPDATE or DELETE inside another statement counts as written: a data-modifying WITH query (`WITH d AS (DELETE FROM t) SELECT 1`), EXPLAIN ANALYZE, CREATE TABLE AS, and PREPARE (for the EXECUTE that runs it).",
    lock: "ROW EXCLUSIVE on the table (does not block reads), plus a row lock on every row until COMMIT, which blocks concurrent updates and deletes of those rows.",
    instead: "Backfill in batches of a few thousand rows by primary-key range, committing after each batch and pausing between them, from a migration that runs outside a transaction (or a one-off job). Add `WHERE new_column IS NULL` so a re-run skips rows already done. For a DELETE, say which rows in a WHERE clause; to empty a table on purpose, see ban-truncate.",
    bad: "UPDATE orders SET status = 'new';",
    good: "UPDATE orders SET status = 'new' WHERE id > 0 AND id <= 10000 AND status IS NULL;",
    equivalents: { pgfence: "Destructive operation checks" }
  },
  statements: ["UpdateStmt", "DeleteStmt", "SelectStmt", "InsertStmt", "MergeStmt", "ExplainStmt", "CreateTableAsStmt", "PrepareStmt"],
  check({ statement, operations, state }) {
    if (!executesNow(statement)) return [];
    const nested = nestedHits(statement.ast, state);
    const update = stmtNode(statement, "UpdateStmt");
    const del = stmtNode(statement, "DeleteStmt");
    const op = operations[0];
    const merge = stmtNode(statement, "MergeStmt");
    if (merge && op?.table && !op.targetIsNew && isAlwaysTrue(merge.joinCondition) && mergeDeletesMatched(merge)) {
      return [...nested, {
        operation: 0,
        message: `MERGE with a join condition that is always true and WHEN MATCHED THEN DELETE removes every row of ${op.table} (when the source has a row); once committed, a rollback cannot bring them back`,
        suggestion: `-- join on the key, so only the rows the source names are deleted:
MERGE INTO ${tableRef(op.table)} t USING <source> s ON t.id = s.id WHEN MATCHED THEN DELETE;`
      }];
    }
    if (!update && !del || !op?.table || op.targetIsNew) return nested;
    const where = update?.whereClause ?? del?.whereClause;
    if (where && !isAlwaysTrue(where)) return nested;
    const what2 = where ? "with a WHERE that is always true" : "without WHERE";
    if (del) {
      return [...nested, {
        operation: 0,
        message: `DELETE ${what2} removes every row of ${op.table}; once committed, a rollback cannot bring them back`,
        suggestion: `-- say which rows: DELETE FROM ${tableRef(op.table)} WHERE <condition>;  in batches for many rows:
${batchedSql(statement, op.table)}`
      }];
    }
    return [...nested, {
      risk: "CAUTION",
      operation: 0,
      message: `UPDATE ${what2} rewrites every row of ${op.table} in one transaction: all rows stay locked until it commits, the table bloats and replicas lag`,
      suggestion: batchedSql(statement, op.table, columnTypeIn(state.facts, op.table))
    }];
  }
};
function mergeDeletesMatched(merge) {
  return (merge.mergeWhenClauses ?? []).some((n) => {
    const c = n.MergeWhenClause;
    return c?.matchKind === "MERGE_WHEN_MATCHED" && c.commandType === "CMD_DELETE" && (c.condition === void 0 || isAlwaysTrue(c.condition));
  });
}
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function nestedHits(ast, state) {
  const found = [];
  const visitStatement = (node, top) => {
    if (!isObject(node)) return;
    for (const [tag, value] of Object.entries(node)) {
      if (!isObject(value)) continue;
      if (!top && (tag === "DeleteStmt" || tag === "UpdateStmt")) {
        const table = relationName(value.relation);
        const where = value.whereClause;
        if (table && (!where || isAlwaysTrue(where))) found.push({ kind: tag === "DeleteStmt" ? "DELETE" : "UPDATE", table, always: where !== void 0 });
      }
      if (tag === "ExplainStmt") {
        if (optionOn(value.options, "analyze")) visitStatement(value.query, false);
        continue;
      }
      if (tag === "CreateTableAsStmt" || tag === "PrepareStmt") visitStatement(value.query, false);
      if (tag === "InsertStmt") visitStatement(value.selectStmt, false);
      if (tag === "SelectStmt") {
        visitStatement(value.larg, false);
        visitStatement(value.rarg, false);
      }
      const withClause = value.withClause;
      const ctes = isObject(withClause) && Array.isArray(withClause.ctes) ? withClause.ctes : [];
      for (const cte of ctes) if (isObject(cte) && isObject(cte.CommonTableExpr)) visitStatement(cte.CommonTableExpr.ctequery, false);
    }
  };
  visitStatement(ast, true);
  return found.filter((f) => !state.newTables.has(f.table) && !state.newSchemas.has(f.table.split(".")[0] ?? "")).map((f) => {
    const what2 = f.always ? "with a WHERE that is always true" : "without WHERE";
    return f.kind === "DELETE" ? { message: `a DELETE ${what2} inside this statement (a data-modifying WITH query, EXPLAIN ANALYZE or CREATE TABLE AS runs it; PREPARE, at EXECUTE) removes every row of ${f.table}; once committed, a rollback cannot bring them back` } : { risk: "CAUTION", message: `an UPDATE ${what2} inside this statement (a data-modifying WITH query, EXPLAIN ANALYZE or CREATE TABLE AS runs it; PREPARE, at EXECUTE) rewrites every row of ${f.table} in one transaction` };
  });
}

// rules/drop-not-null.ts
var rule30 = {
  id: "drop-not-null",
  risk: "CAUTION",
  title: "DROP NOT NULL lets NULLs into a column that running code expects to be filled",
  docs: {
    why: "DROP NOT NULL is instant (a catalog change under a brief ACCESS EXCLUSIVE lock), but from then on NULLs can be written, and readers that assumed the column is always filled (application code, reports, other services, a NOT NULL column in a replica or warehouse) start failing or mis-counting. Undoing it later means SET NOT NULL again: a full scan under an ACCESS EXCLUSIVE lock that fails if a NULL was written in the meantime.",
    lock: "ACCESS EXCLUSIVE on the table, briefly (catalog only).",
    instead: "First ship code that handles NULL in every reader of the column, then drop the constraint. Make sure the rollback of this migration does not need to restore NOT NULL on data that now has NULLs. Reported once per statement and table, naming every column it relaxes.",
    bad: "ALTER TABLE orders ALTER COLUMN status DROP NOT NULL;",
    good: "ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'pending';",
    equivalents: { squawk: "ban-drop-not-null", pgfence: "ALTER COLUMN checks" }
  },
  statements: ["AlterTableStmt"],
  check({ statement, operations }) {
    if (!runsDuringMigration(statement)) return [];
    const byTable = /* @__PURE__ */ new Map();
    operations.forEach((op, i) => {
      if (op.kind !== "DROP_NOT_NULL" || !op.table || !op.columnName || !onExistingTable(op)) return;
      const list = byTable.get(op.table);
      if (list) list.push(i);
      else byTable.set(op.table, [i]);
    });
    const hits = [];
    for (const [table, indexes] of byTable) {
      const columns = indexes.map((i) => operations[i].columnName);
      const what2 = columns.length === 1 ? `${table}.${columns[0]}` : `${table} (${columns.length} columns: ${columns.join(", ")})`;
      hits.push({
        ...indexes.length === 1 ? { operation: indexes[0] } : { operations: indexes },
        message: `DROP NOT NULL on ${what2}: instant, but code that reads ${columns.length === 1 ? "the column" : "these columns"} may not expect NULLs, and restoring NOT NULL later needs a full scan that fails once a NULL exists`,
        suggestion: `-- deploy readers that handle NULL in ${columns.join(", ")} before this migration runs; keep the statement as is`
      });
    }
    return hits;
  }
};

// rules/drop-primary-key.ts
var rule31 = {
  id: "drop-primary-key",
  risk: "CAUTION",
  title: "Dropping a primary key breaks replication of UPDATE and DELETE and the foreign keys that use it",
  docs: {
    why: 'A primary key is the default replica identity: once it is dropped, every UPDATE and DELETE on a table that is in a publication (logical replication, Debezium and other CDC) fails with "cannot update table because it does not have a replica identity", and the table no longer rejects duplicate rows. Foreign keys that reference the key depend on its index: the DROP fails while they exist, and DROP ... CASCADE silently drops them too, taking an ACCESS EXCLUSIVE lock on each referencing table as well. ORMs that identify rows by the key stop working. The drop itself takes an ACCESS EXCLUSIVE lock on the table (tested on PostgreSQL 15).',
    lock: "ACCESS EXCLUSIVE on the table, briefly (and on every referencing table with CASCADE).",
    instead: "Add the new key first (CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... PRIMARY KEY USING INDEX, in one ALTER TABLE with the DROP when swapping keys), move the foreign keys to it, point REPLICA IDENTITY at a unique index on NOT NULL columns if the table is published, and drop the old key last, in the same transaction as adding the new one (or in one ALTER TABLE). A key dropped and re-added in one transaction (block or ALTER TABLE), or dropped from a table the file then renames away or drops, is not reported, unless CASCADE took foreign keys with it.",
    bad: "ALTER TABLE users DROP CONSTRAINT users_pkey;",
    good: "BEGIN;\nALTER TABLE users DROP CONSTRAINT users_pkey;\nALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_uuid_key;\nCOMMIT;"
  },
  finish(state) {
    const hits = [];
    const drops = state.fileDroppedKeys ?? [];
    if (drops.length === 0) return hits;
    const leaves = [];
    for (const step of state.earlierInFile ?? []) {
      for (const op of step.operations) {
        if ((op.kind === "RENAME_TABLE" || op.kind === "DROP_TABLE") && op.table) leaves.push({ table: op.table, line: step.statement.line, column: step.statement.column });
      }
    }
    for (const d of drops) {
      if (leaves.some((l) => l.table === d.table && (l.line > d.position.line || l.line === d.position.line && l.column > d.position.column))) continue;
      const key = [...constraintsOn(state, d.table)].find((c) => c.kind === "primary-key");
      const swapped = !!key && key.addedInTx === d.txId;
      if (swapped && !d.cascade) continue;
      if (swapped) {
        hits.push({
          position: d.position,
          message: `DROP CONSTRAINT ${d.name} CASCADE on ${d.table}: the new primary key replaces it, but CASCADE silently dropped every foreign key that referenced the old one (ACCESS EXCLUSIVE on each referencing table), and nothing re-creates them`,
          suggestion: `-- drop and re-create the referencing foreign keys explicitly (ADD CONSTRAINT ... FOREIGN KEY ... NOT VALID, then VALIDATE CONSTRAINT), and drop ${d.name} without CASCADE`
        });
        continue;
      }
      hits.push({
        position: d.position,
        message: `DROP CONSTRAINT ${d.name} drops the primary key of ${d.table}${key ? " (the key added later in the file runs in another transaction)" : ", and the file adds no new one"}: UPDATE and DELETE fail while the table is published for logical replication (no replica identity left), duplicates are no longer rejected${d.cascade ? ", and CASCADE silently drops every foreign key that references it (ACCESS EXCLUSIVE on each referencing table)" : ", and the DROP fails while a foreign key references it"}`,
        suggestion: `-- build the replacement key first: CREATE UNIQUE INDEX CONCURRENTLY <new index> ON ${tableRef(d.table)} (<columns>); then swap in one statement:
ALTER TABLE ${tableRef(d.table)} DROP CONSTRAINT ${d.name}, ADD CONSTRAINT ${d.name} PRIMARY KEY USING INDEX <new index>;`
      });
    }
    return hits;
  }
};

// rules/drop-type-cascade.ts
function bare(name) {
  const base = name.replace(/\[\]$/g, "").split("(", 1)[0];
  return base.slice(base.lastIndexOf(".") + 1).replace(/"/g, "").toLowerCase();
}
function columnsOfType(state, type) {
  const want = bare(type);
  const out = [];
  for (const [column, text] of state.facts.columnTypes) if (bare(text.replace(/\[\]/g, "")) === want) out.push(column);
  return out;
}
var rule32 = {
  id: "drop-type-cascade",
  risk: "DANGEROUS",
  title: "DROP TYPE or DOMAIN ... CASCADE drops every column of that type, with its data",
  docs: {
    why: 'Without CASCADE, DROP TYPE and DROP DOMAIN fail while a column still uses the type, which is the safe outcome. With CASCADE, PostgreSQL drops every such column from its table instead ("drop cascades to column m of table t", tested on PostgreSQL 15), with its data, and a rollback cannot bring the values back. The usual enum swap (retype every column to the new enum, then drop the old one) is safe only if no column was missed: CASCADE turns a missed column into lost data instead of an error. A column the history shows with the type makes this DANGEROUS; when the history shows no column of a type it does not know either, the finding is CAUTION; a type the history knows that no known column uses is not reported.',
    lock: "ACCESS EXCLUSIVE on every table that loses a column.",
    instead: "Retype or drop the columns explicitly in reviewed statements first, then DROP TYPE without CASCADE, so PostgreSQL refuses if a column still uses it.",
    bad: "DROP TYPE mood CASCADE;",
    good: "DROP TYPE mood;"
  },
  statements: ["DropStmt"],
  check({ statement, state }) {
    const d = stmtNode(statement, "DropStmt");
    if (!executesNow(statement) || !d || d.behavior !== "DROP_CASCADE" || d.removeType !== "OBJECT_TYPE" && d.removeType !== "OBJECT_DOMAIN") return [];
    const hits = [];
    const what2 = d.removeType === "OBJECT_DOMAIN" ? "DOMAIN" : "TYPE";
    for (const o of d.objects ?? []) {
      const name = qualifiedFromList(as(o, "TypeName")?.names ?? as(o, "List")?.items);
      if (!name || state.newTypes.has(name)) continue;
      const columns = columnsOfType(state, name);
      if (columns.length > 0) {
        hits.push({
          message: `DROP ${what2} ${name} CASCADE drops ${columns.length === 1 ? "the column" : "the columns"} ${columns.join(", ")} (of that type in the history), with ${columns.length === 1 ? "its" : "their"} data, for good`,
          suggestion: `-- retype or drop ${columns.join(", ")} explicitly first, then:
DROP ${what2} ${name};`
        });
        continue;
      }
      if (state.facts.enums.has(name)) continue;
      hits.push({
        risk: "CAUTION",
        message: `DROP ${what2} ${name} CASCADE would drop every column of that type, with its data, instead of failing; the history shows none, but does not show the type either`,
        suggestion: `DROP ${what2} ${name};  -- fails, rather than dropping data, if a column still uses it`
      });
    }
    return hits;
  }
};

// rules/duplicate-column.ts
function repeated(names) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const n of names) {
    if (seen.has(n) && !out.includes(n)) out.push(n);
    seen.add(n);
  }
  return out;
}
function assignedTwice(targets) {
  const whole = [];
  const parts = /* @__PURE__ */ new Set();
  for (const t of targets ?? []) {
    const r = as(t, "ResTarget");
    if (!r?.name) continue;
    if ((r.indirection ?? []).length === 0) whole.push(r.name);
    else parts.add(r.name);
  }
  return [.../* @__PURE__ */ new Set([...repeated(whole), ...whole.filter((n) => parts.has(n))])];
}
function outputName(target) {
  const r = as(target, "ResTarget");
  if (!r) return void 0;
  if (r.name) return r.name;
  const [tag, v] = nodeTag(r.val) ?? ["", {}];
  switch (tag) {
    case "ColumnRef": {
      const last2 = v.fields?.at(-1);
      return as(last2, "String")?.sval;
    }
    case "FuncCall":
      return stringList(v.funcname).at(-1);
    case "TypeCast": {
      const inner = outputName({ ResTarget: { val: v.arg } });
      return inner === "?column?" ? void 0 : inner;
    }
    case "A_Expr":
      return v.kind === "AEXPR_NULLIF" ? "nullif" : "?column?";
    case "A_Const":
    case "BoolExpr":
    case "NullTest":
    case "BooleanTest":
    case "ParamRef":
      return "?column?";
    case "CaseExpr":
      return "case";
    case "CoalesceExpr":
      return "coalesce";
    default:
      return void 0;
  }
}
function queryColumns(query, given) {
  let select = as(query, "SelectStmt");
  while (select && select.op && select.op !== "SETOP_NONE" && select.larg) select = select.larg;
  const derived = (select?.targetList ?? []).map(outputName);
  return [...given, ...derived.slice(given.length)].filter((n) => !!n);
}
function duplicatesOf(statement) {
  const [tag, v] = nodeTag(statement.ast) ?? ["", {}];
  if (tag === "UpdateStmt") {
    return { names: assignedTwice(v.targetList), what: "UPDATE ... SET", error: "multiple assignments to same column" };
  }
  if (tag === "InsertStmt") {
    const conflict = v.onConflictClause;
    const names = assignedTwice(v.cols);
    if (names.length) return { names, what: "the INSERT column list", error: "column specified more than once" };
    return { names: assignedTwice(conflict?.targetList), what: "ON CONFLICT DO UPDATE SET", error: "multiple assignments to same column" };
  }
  if (tag === "MergeStmt") {
    for (const w of v.mergeWhenClauses ?? []) {
      const clause = as(w, "MergeWhenClause");
      const names = assignedTwice(clause?.targetList);
      if (names.length === 0) continue;
      return clause?.commandType === "CMD_INSERT" ? { names, what: "the MERGE ... INSERT column list", error: "column specified more than once" } : { names, what: "MERGE ... UPDATE SET", error: "multiple assignments to same column" };
    }
    return void 0;
  }
  if (tag === "CreateStmt" || tag === "CreateForeignTableStmt") {
    const base = tag === "CreateStmt" ? v : v.base ?? {};
    const cols = (base.tableElts ?? []).map((e) => as(e, "ColumnDef")?.colname).filter((n) => !!n);
    return { names: repeated(cols), what: tag === "CreateStmt" ? "CREATE TABLE" : "CREATE FOREIGN TABLE", error: "column specified more than once" };
  }
  if (tag === "ViewStmt") {
    return { names: repeated(queryColumns(v.query, stringList(v.aliases))), what: "the columns of CREATE VIEW", error: "column specified more than once" };
  }
  if (tag === "CreateTableAsStmt") {
    const into = v.into;
    const what2 = v.objtype === "OBJECT_MATVIEW" ? "the columns of CREATE MATERIALIZED VIEW" : "the columns of CREATE TABLE ... AS";
    return { names: repeated(queryColumns(v.query, stringList(into?.colNames))), what: what2, error: "column specified more than once" };
  }
  if (tag === "SelectStmt" && v.intoClause) {
    const into = v.intoClause;
    return { names: repeated(queryColumns(statement.ast, stringList(into.colNames))), what: "the columns of SELECT ... INTO", error: "column specified more than once" };
  }
  if (stmtTag(statement) === "AlterTableStmt") {
    const added = alterCmds(statement).filter((c) => c.subtype === "AT_AddColumn" && !c.missing_ok).map((c) => as(c.def, "ColumnDef")?.colname).filter((n) => !!n);
    return { names: repeated(added), what: "ALTER TABLE ... ADD COLUMN", error: "column already exists" };
  }
  return void 0;
}
var rule33 = {
  id: "duplicate-column",
  risk: "DANGEROUS",
  title: "The same column twice in one statement: the statement fails",
  docs: {
    why: 'PostgreSQL rejects a statement that names the same column twice: two assignments in one UPDATE ... SET, ON CONFLICT DO UPDATE SET or MERGE ... UPDATE SET ("multiple assignments to same column"), a column listed twice in INSERT or MERGE ... INSERT, CREATE TABLE with two columns of one name, a view, CREATE TABLE ... AS or SELECT ... INTO whose select list gives two columns one name (`SELECT 1 a, 2 a`, or two constants that are both named ?column?) ("column specified more than once"), or one ALTER TABLE adding a column twice. The migration fails at that statement, usually a typo or a bad merge; only assignments to different elements or fields of a column (a[1], a[2], a.x, a.y) may repeat, and never beside an assignment of the whole column.',
    instead: "Keep one of them: decide which value or definition is meant and remove the other.",
    bad: "UPDATE orders SET status = 'new', status = 'open' WHERE id = 1;",
    good: "UPDATE orders SET status = 'open' WHERE id = 1;",
    equivalents: { squawk: "ban-duplicate-column-assignments" }
  },
  statements: ["UpdateStmt", "InsertStmt", "MergeStmt", "CreateStmt", "CreateForeignTableStmt", "ViewStmt", "CreateTableAsStmt", "SelectStmt", "AlterTableStmt"],
  check({ statement }) {
    if (!executesNow(statement)) return [];
    const found = duplicatesOf(statement);
    if (!found || found.names.length === 0) return [];
    return found.names.map((name) => ({
      message: `${name} appears more than once in ${found.what}: PostgreSQL refuses the statement ("${found.error}")`,
      suggestion: `keep a single ${name}`
    }));
  }
};

// rules/duplicate-version.ts
var rule34 = {
  id: "duplicate-version",
  risk: "DANGEROUS",
  title: "Two migrations in one folder have the same version",
  docs: {
    why: "Runners key their history by version. Two migrations with one version (two branches that took the same next number, or `0042` and `42`) make golang-migrate, goose, dbmate, Flyway and Diesel refuse to start, and runners that do not check apply one and record the other as done, so it never runs.",
    instead: "Renumber the newer migration to a version after every existing one, and make its rollback follow the new name.",
    bad: "# db/migrations/\n0042_add_orders_note.up.sql\n0042_add_users_index.up.sql",
    good: "# db/migrations/\n0042_add_orders_note.up.sql\n0043_add_users_index.up.sql"
  }
};

// rules/dynamic-sql.ts
var SENSITIVE = /\b(program|pg_read_file|pg_read_binary_file|pg_ls_dir|pg_stat_file|lo_import|lo_export|alter\s+system|superuser|bypassrls|replication|session\s+authorization|set\s+role|dblink\w*|postgres_fdw|file_fdw|adminpack|plpython\w*|plperlu|pltclu|language\s+c\b|copy|pg_catalog|pg_(?:class|attribute|proc|namespace|authid|database|index|constraint|type|operator|depend|trigger|extension|language|cast|rewrite))\b/i;
function oneLine(sql) {
  const shown = sql.replace(/\s+/g, " ").trim();
  return shown.length > 120 ? `${shown.slice(0, 117)}...` : shown;
}
var rule35 = {
  id: "dynamic-sql",
  risk: "CAUTION",
  title: "EXECUTE of SQL built at run time cannot be reviewed",
  docs: {
    why: "A DO block or function that runs `EXECUTE` on a string it builds (concatenation, format(), a variable), or a query followed by psql's `\\gexec` (which runs each value it returns as a statement), runs SQL that exists only at run time. The rules see the EXECUTE, not the ALTER TABLE, DROP or COPY it will become, and so does a reviewer reading the diff. Often it is harmless (a loop over partitions), but it is also the way to hide a statement from review. In a DO block it is CAUTION with that reason (in a function body, which runs later, it is not reported); when the expression contains words of security-sensitive operations (PROGRAM, COPY, ALTER SYSTEM, SUPERUSER, pg_read_file, dblink, untrusted languages, pg_catalog, roles and grants) it is DANGEROUS. A dry-run runs the block and reports what it really did to tables that existed before (locks, rewrites), which is the best evidence for the common cases. `\\gexec` is always DANGEROUS: the dry-run runs the query, not the statements psql builds from its result.",
    lock: "Unknown until it runs: whatever the built statement takes.",
    instead: "Write the statements out where the set is known (one ALTER TABLE per partition, generated into the migration file). Where it must stay dynamic, keep it to identifiers quoted with format('%I') over a catalog query, run it with the dry-run on, and say in the pull request what it does.",
    bad: "DO $$ BEGIN EXECUTE 'ALTER TABLE ' || tbl || ' ALTER COLUMN id TYPE bigint'; END $$;",
    good: "ALTER TABLE orders ALTER COLUMN id TYPE bigint; -- static: the rules and the dry-run see it"
  },
  statements: ["DoStmt", "CreateFunctionStmt"],
  check({ statement }) {
    if (statement.nestedIn) return [];
    const hits = [];
    const plain = [];
    for (const { kind, expression } of dynamicExecutes(statement.text, statement.ast)) {
      const sensitive = SENSITIVE.exec(expression);
      if (kind === "function-body" && !sensitive) continue;
      const clipped = oneLine(expression);
      const where = kind === "do-block" ? "this DO block runs during the migration" : "this function runs it when called";
      if (sensitive) hits.push({ risk: "DANGEROUS", message: `EXECUTE ${clipped}: ${where}, and the string it builds mentions "${sensitive[0]}" (see security-sensitive-sql); what it runs cannot be reviewed before it runs` });
      else plain.push(clipped);
    }
    if (plain.length === 1) hits.push({ message: `EXECUTE ${plain[0]}: this DO block runs during the migration on SQL built at run time, which neither the rules nor a reviewer can see` });
    else if (plain.length > 1) {
      const shown = plain.slice(0, 3).map((e) => `EXECUTE ${e}`).join("; ");
      const more = plain.length > 3 ? ` and ${plain.length - 3} more` : "";
      hits.push({ message: `${plain.length} EXECUTEs (${shown}${more}): this DO block runs during the migration on SQL built at run time, which neither the rules nor a reviewer can see` });
    }
    return hits;
  },
  // psql's \gexec runs every value the query before it returns as a statement: dynamic SQL that
  // not even the dry-run sees (it runs the query, not what psql then runs), so always DANGEROUS.
  finish(_state, file) {
    const hits = [];
    for (const m of file.metaCommands) {
      if (m.name !== "gexec") continue;
      const query = m.sends ?? "";
      const clipped = oneLine(query) || "(the previous query)";
      const sensitive = SENSITIVE.exec(query);
      hits.push({
        position: { line: m.line, column: m.column },
        risk: "DANGEROUS",
        message: `\\gexec runs each value of ${clipped} as SQL${sensitive ? `, and the query mentions "${sensitive[0]}" (see security-sensitive-sql)` : ""}: SQL built at run time, which neither the rules, a reviewer nor the dry-run (it runs the query, not what psql runs next) can see`
      });
    }
    return hits;
  }
};

// rules/enable-rls-without-policy.ts
var rule36 = {
  id: "enable-rls-without-policy",
  risk: "CAUTION",
  title: "ENABLE ROW LEVEL SECURITY on a table with no policy hides every row from non-owner roles",
  docs: {
    why: "Once row level security is enabled, a role that does not own the table (and is not a superuser or BYPASSRLS) sees only the rows a policy grants it: with no policy at all that is none. Its SELECTs return nothing and its INSERT, UPDATE and DELETE fail or touch nothing, so an application that connects as such a role appears to lose its data at the moment the migration commits. FORCE ROW LEVEL SECURITY extends this to the owner. Only policies the reviewed files create count; a table whose policies live elsewhere is reported as not visible.",
    instead: "Create the policies first (or in the same transaction, before the ENABLE), then enable row level security; test the application role against a copy with RLS on.",
    bad: "ALTER TABLE documents ENABLE ROW LEVEL SECURITY;",
    good: "CREATE POLICY documents_owner ON documents USING (owner_id = current_setting('app.user_id')::bigint);\nALTER TABLE documents ENABLE ROW LEVEL SECURITY;",
    equivalents: { pgfence: "ENABLE / FORCE ROW LEVEL SECURITY" }
  },
  readsEarlierTree: (_s, ops) => ops.some((o) => o.kind === "ENABLE_RLS"),
  finish(state) {
    const hits = [];
    const policies = state.facts.policyTables ?? /* @__PURE__ */ new Set();
    for (const step of state.earlierInFile ?? []) {
      if (!executesNow(step.statement)) continue;
      alterCmds(step.statement).forEach((c, i) => {
        const op = step.operations[i];
        if (c.subtype !== "AT_EnableRowSecurity" && c.subtype !== "AT_ForceRowSecurity" || !op?.table || policies.has(op.table)) return;
        const force = c.subtype === "AT_ForceRowSecurity";
        hits.push({
          position: { line: step.statement.line, column: step.statement.column },
          message: `${force ? "FORCE" : "ENABLE"} ROW LEVEL SECURITY on ${op.table}, and no policy on it is visible in the reviewed files: ${force ? "every role, the owner included," : "every role that does not own the table"} sees no rows and cannot write any until a policy grants them`,
          suggestion: `CREATE POLICY ${op.table.split(".").pop()}_access ON ${tableRef(op.table)} USING (<who may see which rows>);`,
          suggestionRuns: "before"
        });
      });
    }
    return hits;
  }
};

// rules/enum-value-changes.ts
function addValueComment(state) {
  if (state.pgVersion < 12) return `${ownMigrationComment(state)} (before PostgreSQL 12 ADD VALUE cannot run in one)`;
  return `-- ${OWN_MIGRATION}, committed before anything uses the label (since PostgreSQL 12 it may run in a transaction, but the label cannot be used until that transaction commits)`;
}
var labelsAdded = transactionSummary(() => [], (added, s) => {
  const e = stmtNode(s.statement, "AlterEnumStmt");
  if (e?.newVal && e.oldVal === void 0) added.push({ s, e });
});
function stringConstants(node, out = /* @__PURE__ */ new Set()) {
  if (Array.isArray(node)) node.forEach((n) => stringConstants(n, out));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "A_Const") {
        const s = value.sval?.sval;
        if (s !== void 0) out.add(s);
      }
      stringConstants(value, out);
    }
  }
  return out;
}
function sqlString(s) {
  return `'${s.replace(/'/g, "''")}'`;
}
var rule37 = {
  id: "enum-value-changes",
  risk: "CAUTION",
  title: "Enum labels: ADD VALUE in a transaction, RENAME VALUE, and no way to remove one",
  docs: {
    why: 'Before PostgreSQL 12, `ALTER TYPE ... ADD VALUE` cannot run inside a transaction block at all: the migration fails. Since 12 it can, but the new label cannot be used until that transaction commits ("unsafe use of new value"), so a migration that adds a label and then inserts or updates rows with it in the same transaction fails. `RENAME VALUE` commits instantly, and the running application, which still writes the old label, gets "invalid input value for enum" on every such write: like renaming a column, it is DANGEROUS. Removing a label is impossible: there is no DROP VALUE; it takes creating a new type, converting every column (a table rewrite under ACCESS EXCLUSIVE) and dropping the old one.',
    lock: "ADD VALUE and RENAME VALUE change only the catalog (no table lock); converting columns to a new enum type rewrites each table under ACCESS EXCLUSIVE.",
    instead: "Add labels in a migration of their own that commits before any statement uses them: since PostgreSQL 12 that migration may run in a transaction (the label is usable once it commits); before 12 it must run outside one. Instead of renaming a label, add the new one, move the code and the rows to it, and stop using the old one (it stays in the type). If labels come and go, use a lookup table with a foreign key instead of an enum.",
    bad: "ALTER TYPE order_status RENAME VALUE 'shipped' TO 'dispatched';",
    good: "ALTER TYPE order_status ADD VALUE 'dispatched';",
    equivalents: { pgfence: "ALTER TYPE ... ADD VALUE (enum)" }
  },
  readsEarlierTree: (s) => stmtTag(s) === "AlterEnumStmt",
  check({ statement, operations, state }) {
    if (!executesNow(statement)) return [];
    const e = stmtNode(statement, "AlterEnumStmt");
    const hits = [];
    if (e) {
      const type = qualifiedFromList(e.typeName) ?? "the type";
      const name = type.replace(/^public\./, "");
      if (e.oldVal !== void 0 && e.newVal !== void 0) {
        if (state.newTypes.has(type)) return [];
        return [{
          risk: "DANGEROUS",
          operation: 0,
          message: `renaming label '${e.oldVal}' of ${type} to '${e.newVal}' breaks running code that still writes '${e.oldVal}' ("invalid input value for enum")`,
          suggestion: [
            `ALTER TYPE ${name} ADD VALUE IF NOT EXISTS ${sqlString(e.newVal)};  ${addValueComment(state)}`,
            `-- then deploy code that writes '${e.newVal}', move the rows in batches (UPDATE ... SET <column> = ${sqlString(e.newVal)} WHERE <column> = ${sqlString(e.oldVal)} AND id BETWEEN ...),`,
            `-- and stop using '${e.oldVal}' (a label cannot be removed without recreating the type)`
          ].join("\n")
        }];
      }
      if (e.newVal !== void 0 && state.tx.active && state.pgVersion < 12) {
        return [{
          risk: "DANGEROUS",
          operation: 0,
          message: `ALTER TYPE ${type} ADD VALUE cannot run inside a transaction block before PostgreSQL 12 (target: ${state.pgVersion}); the migration fails`,
          suggestion: `ALTER TYPE ${name} ADD VALUE IF NOT EXISTS ${sqlString(e.newVal)};  ${addValueComment(state)}`
        }];
      }
      return hits;
    }
    if (!state.tx.active) return hits;
    const added = labelsAdded(state);
    if (added.length === 0) return hits;
    const used = stringConstants(statement.ast);
    for (const { s, e: add } of added) {
      if (!used.has(add.newVal)) continue;
      hits.push({
        message: `uses '${add.newVal}', the label added to ${qualifiedFromList(add.typeName)} at line ${s.statement.line} in the same transaction: Postgres refuses it until that transaction commits ("unsafe use of new value")`,
        suggestion: `move the ADD VALUE to a migration of its own that runs, and commits, before this one: since PostgreSQL 12 it may run in a transaction, but the label cannot be used until that transaction commits`,
        ...operations.length ? { operation: 0 } : {}
      });
      break;
    }
    return hits;
  }
};

// rules/exclusion-constraint.ts
var rule38 = {
  id: "exclusion-constraint",
  risk: "DANGEROUS",
  title: "Adding an EXCLUDE constraint to an existing table builds its index under an ACCESS EXCLUSIVE lock, with no online alternative",
  sizeSensitive: true,
  docs: {
    why: "ALTER TABLE ... ADD EXCLUDE builds the constraint's index over every row and checks every pair of conflicting rows while holding an ACCESS EXCLUSIVE lock: nothing can read or write the table until it is done, and it fails on the first conflict. Unlike UNIQUE, there is no online route: an exclusion constraint cannot be attached to an index built CONCURRENTLY, and it cannot be added NOT VALID.",
    lock: "ACCESS EXCLUSIVE on the table (blocks reads and writes) for the whole index build.",
    instead: "Plan a maintenance window: set a lock_timeout so the statement gives up instead of queueing everyone behind it, and run it when the table is quiet. On a very large table, alternatives are building a new table with the constraint and moving the data over, or enforcing the rule in a trigger or the application until a window is available.",
    bad: "ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&);",
    good: "CREATE TABLE bookings_v2 (room_id int, during tstzrange, CONSTRAINT bookings_v2_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&));",
    equivalents: { strongMigrations: "add_exclusion_constraint", eugene: "E8", pgfence: "ADD CONSTRAINT checks" }
  },
  statements: ["AlterTableStmt"],
  check({ statement, operations }) {
    if (!runsDuringMigration(statement)) return [];
    const hits = [];
    alterCmds(statement).forEach((cmd, i) => {
      const op = operations[i];
      const con = addedConstraint(cmd);
      if (con?.contype !== "CONSTR_EXCLUSION" || !op?.table || !onExistingTable(op)) return;
      hits.push({
        operation: i,
        message: `ADD ${sqlOf({ Constraint: con }) ?? "EXCLUDE"} on the existing table ${op.table} builds its index under an ACCESS EXCLUSIVE lock (reads and writes wait), and there is no online way to add an exclusion constraint`,
        suggestion: `-- run it in a maintenance window, giving up rather than queueing traffic behind the lock:
SET lock_timeout = '5s';
${statement.text.trim()};`
      });
    });
    return hits;
  }
};

// rules/foreign-key-without-index.ts
function covered(indexes, columns) {
  return indexes.some((idx) => {
    const lead = idx.slice(0, columns.length);
    return lead.length === columns.length && columns.every((c) => lead.includes(c));
  });
}
function tableKnown(state, table) {
  if (state.newTables.has(table)) return true;
  const prefix = `${table}.`;
  for (const key of state.facts.columnTypes.keys()) if (key.startsWith(prefix)) return true;
  return false;
}
var rule39 = {
  id: "foreign-key-without-index",
  risk: "CAUTION",
  title: "A foreign key without an index on its columns makes deletes and updates of the referenced table scan the referencing table",
  docs: {
    why: "PostgreSQL indexes the referenced side of a foreign key (it must be unique) but not the referencing side. Every DELETE of a referenced row, and every UPDATE of its key, has to find the referencing rows: without an index whose first columns are the foreign-key columns that is a sequential scan of the referencing table, under a lock, once per row deleted. ON DELETE CASCADE makes it worse. Indexes created later in the same file count. When the run has not seen the table definition (a file reviewed without its history), its indexes are unknown: the finding says no index is visible in the reviewed files rather than staying silent.",
    instead: "Create an index whose leading columns are the foreign-key columns, with CREATE INDEX CONCURRENTLY on an existing table (a plain CREATE INDEX is fine on a table created in the same migration). A partial index does not count.",
    bad: "CREATE TABLE line_items (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id));",
    good: "CREATE TABLE line_items (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id));\nCREATE INDEX line_items_order_id_idx ON line_items (order_id);",
    equivalents: { eugene: "E15" }
  },
  finish(state) {
    const hits = [];
    const seen = /* @__PURE__ */ new Set();
    for (const fk of state.fileForeignKeys ?? []) {
      const key = `${fk.table}|${fk.columns.join(",")}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (covered(state.indexedColumns.get(fk.table) ?? [], fk.columns)) continue;
      const bare2 = fk.table.split(".").slice(1).join(".");
      const name = `${bare2}_${fk.columns.join("_")}_idx`.slice(0, 63);
      const isNew = state.newTables.has(fk.table);
      const suggestion = `CREATE INDEX ${isNew ? "" : "CONCURRENTLY "}${ident(name)} ON ${tableRef(fk.table)} (${fk.columns.map(ident).join(", ")});${isNew ? "" : `  ${ownMigrationComment(state)}`}`;
      if (!tableKnown(state, fk.table)) {
        hits.push({
          position: fk.position,
          message: `foreign key${fk.name ? ` ${fk.name}` : ""} ${fk.table} (${fk.columns.join(", ")})${fk.referencedTable ? ` -> ${fk.referencedTable}` : ""}: no index on ${tableRef(fk.table)}(${fk.columns.join(", ")}) is visible in the reviewed files (the table's history is unknown); without one, each DELETE or key UPDATE on ${fk.referencedTable ?? "the referenced table"} scans ${fk.table}`,
          suggestion: `-- if no index starts with these columns yet:
${suggestion}`,
          suggestionRuns: "after"
        });
        continue;
      }
      hits.push({
        position: fk.position,
        message: `foreign key${fk.name ? ` ${fk.name}` : ""} ${fk.table} (${fk.columns.join(", ")})${fk.referencedTable ? ` -> ${fk.referencedTable}` : ""} has no index starting with its columns: each DELETE or key UPDATE on ${fk.referencedTable ?? "the referenced table"} scans ${fk.table}`,
        suggestion,
        // As well as the foreign key, after the file: not in place of anything.
        suggestionRuns: "after"
      });
    }
    return hits;
  }
};

// rules/grant-to-public.ts
var READING = /* @__PURE__ */ new Set(["select", "usage", "execute", "references", "connect", "temporary", "temp"]);
function toPublic(grantees) {
  return Array.isArray(grantees) && grantees.some((g) => nodeTag(g)?.[1]?.roletype === "ROLESPEC_PUBLIC");
}
function privileges(v) {
  const list = Array.isArray(v.privileges) ? v.privileges : [];
  if (list.length === 0) return ["all"];
  return list.map((p) => String(nodeTag(p)?.[1]?.priv_name ?? "all").toLowerCase());
}
function objectKind(objtype) {
  return String(objtype ?? "OBJECT_TABLE").replace(/^OBJECT_/, "").toLowerCase().replace(/_/g, " ");
}
function grantHit(v, defaults) {
  if (v.is_grant !== true || !toPublic(v.grantees)) return null;
  const privs = privileges(v);
  const writes = privs.filter((p) => !READING.has(p));
  const what2 = `${defaults ? "ALTER DEFAULT PRIVILEGES \u2026 GRANT" : "GRANT"} ${privs.join(", ").toUpperCase()} ON ${objectKind(v.objtype)}${defaults ? " objects created from now on" : ""} TO PUBLIC`;
  return writes.length > 0 ? { message: `${what2} lets every role on the server, present and future, ${writes.includes("all") ? "do anything to them" : `${writes.join(", ").toUpperCase()} on them`}: writing, emptying or taking over data is no longer limited to the roles meant to`, suggestion: "GRANT \u2026 TO <the role that needs it>;" } : { risk: "CAUTION", message: `${what2} lets every role on the server, present and future, read or use them`, suggestion: "GRANT \u2026 TO <the role that needs it>;" };
}
var rule40 = {
  id: "grant-to-public",
  risk: "DANGEROUS",
  title: "GRANT to PUBLIC: every role on the server gets the privilege",
  docs: {
    why: "PUBLIC is every role of the server, including roles created later: a reporting user, another application sharing the server, a role whose password leaked. GRANT \u2026 TO PUBLIC (or ALTER DEFAULT PRIVILEGES \u2026 TO PUBLIC, for every object created from then on) hands them the privilege; granting a role to PUBLIC gives everyone everything that role may do. Write privileges (INSERT, UPDATE, DELETE, TRUNCATE, ALL), TRIGGER and CREATE are DANGEROUS: any role can then change or destroy the data, or plant code that runs with its writers' rights. Read privileges (SELECT, USAGE, EXECUTE) are CAUTION: the data is readable by everyone.",
    instead: "Grant to the role that needs the privilege, or to a group role its members are given.",
    bad: "GRANT ALL ON orders TO PUBLIC;",
    good: "GRANT SELECT, INSERT ON orders TO app_writer;"
  },
  statements: ["GrantStmt", "AlterDefaultPrivilegesStmt", "GrantRoleStmt"],
  functionBodies: true,
  check({ statement }) {
    const t = nodeTag(statement.ast);
    if (!t) return [];
    const [tag, v] = t;
    if (tag === "GrantStmt") return [grantHit(v, false)].filter((h) => h !== null);
    if (tag === "AlterDefaultPrivilegesStmt") {
      const raw = v.action;
      const action = raw && "GrantStmt" in raw ? raw.GrantStmt : raw;
      return action ? [grantHit(action, true)].filter((h) => h !== null) : [];
    }
    if (tag === "GrantRoleStmt" && v.is_grant === true && toPublic(v.grantee_roles)) {
      const roles = (Array.isArray(v.granted_roles) ? v.granted_roles : []).map((r) => String(nodeTag(r)?.[1]?.priv_name ?? "")).join(", ");
      return [{ message: `GRANT ${roles} TO PUBLIC makes every role on the server, present and future, a member of ${roles}: everything ${roles} may do, they may do`, suggestion: `GRANT ${roles} TO <the role that needs it>;` }];
    }
    return [];
  }
};

// rules/identifier-too-long.ts
var MAX_BYTES = 63;
var MIN_LONG_CHARS = 22;
var MAYBE_LONG = /(?<![A-Za-z0-9_$\u0080-\uffff])[A-Za-z0-9_$\u0080-\uffff]{22}|"[^"]{22}/;
var NAMING_TAGS = [
  "CreateStmt",
  "CreateTableAsStmt",
  "ViewStmt",
  "IndexStmt",
  "AlterTableStmt",
  "RenameStmt",
  "CreateSeqStmt",
  "CreateTrigStmt",
  "CreateFunctionStmt",
  "CreateSchemaStmt",
  "CreateEnumStmt",
  "CompositeTypeStmt",
  "CreateDomainStmt",
  "CreateRangeStmt",
  "CreatePolicyStmt",
  "CreateStatsStmt",
  "AlterDomainStmt",
  "CreateEventTrigStmt"
];
var NAMING = new Set(NAMING_TAGS);
var last = (names) => {
  const n = Array.isArray(names) ? names.at(-1) : void 0;
  return n?.String?.sval;
};
var relname = (rel) => rel?.relname;
var DEFINED = {
  CreateStmt: (n) => [relname(n.relation)],
  ViewStmt: (n) => [relname(n.view), ...(n.aliases ?? []).map((a) => last([a]))],
  IntoClause: (n) => [relname(n.rel), ...(n.colNames ?? []).map((a) => last([a]))],
  CreateSeqStmt: (n) => [relname(n.sequence)],
  CompositeTypeStmt: (n) => [relname(n.typevar)],
  ColumnDef: (n) => [n.colname],
  Constraint: (n) => [n.conname],
  IndexStmt: (n) => [n.idxname],
  RenameStmt: (n) => [n.newname],
  CreateTrigStmt: (n) => [n.trigname],
  CreateEventTrigStmt: (n) => [n.trigname],
  CreateFunctionStmt: (n) => [last(n.funcname)],
  FunctionParameter: (n) => [n.name],
  CreateSchemaStmt: (n) => [n.schemaname],
  CreateEnumStmt: (n) => [last(n.typeName)],
  CreateDomainStmt: (n) => [last(n.domainname)],
  CreateRangeStmt: (n) => [last(n.typeName)],
  CreatePolicyStmt: (n) => [n.policy_name],
  CreateStatsStmt: (n) => [last(n.defnames)]
};
function definedNames(node, out = /* @__PURE__ */ new Set()) {
  if (Array.isArray(node)) {
    for (const n of node) definedNames(n, out);
  } else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      const pick = DEFINED[key];
      if (pick && value && typeof value === "object") {
        for (const name of pick(value)) if (name) out.add(name);
      }
      definedNames(value, out);
    }
  }
  return out;
}
function identifiersIn(sql, minChars = 0) {
  const out = [];
  const dollarAt = /\$([A-Za-z_][A-Za-z0-9_]*)?\$/y;
  const wordAt = /[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/y;
  const plainRun = /[^-/'$"A-Za-z_\u0080-\uffff]+/y;
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i];
    if (sql.startsWith("--", i)) {
      const n = sql.indexOf("\n", i);
      i = n < 0 ? sql.length : n + 1;
      continue;
    }
    if (sql.startsWith("/*", i)) {
      const n = sql.indexOf("*/", i + 2);
      i = n < 0 ? sql.length : n + 2;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      const escapes = i > 0 && /[eE]/.test(sql[i - 1]);
      while (j < sql.length) {
        if (escapes && sql[j] === "\\") {
          j += 2;
          continue;
        }
        if (sql[j] === "'") {
          if (sql[j + 1] === "'") {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      i = j + 1;
      continue;
    }
    if (ch === "$") {
      dollarAt.lastIndex = i;
      const dollar = dollarAt.exec(sql);
      if (dollar) {
        const close = sql.indexOf(dollar[0], i + dollar[0].length);
        i = close < 0 ? sql.length : close + dollar[0].length;
        continue;
      }
    }
    if (ch === '"') {
      let j = i + 1;
      let name = "";
      for (; ; ) {
        const q = sql.indexOf('"', j);
        if (q < 0) {
          name += sql.slice(j);
          j = sql.length;
          break;
        }
        name += sql.slice(j, q);
        if (sql[q + 1] !== '"') {
          j = q;
          break;
        }
        name += '"';
        j = q + 2;
      }
      if (name.length >= minChars) out.push(name);
      i = j + 1;
      continue;
    }
    wordAt.lastIndex = i;
    if (wordAt.test(sql)) {
      const end = wordAt.lastIndex;
      if (end - i >= minChars) out.push(sql.slice(i, end).replace(/[A-Z]/g, (c) => c.toLowerCase()));
      i = end;
      continue;
    }
    plainRun.lastIndex = i + 1;
    i = plainRun.test(sql) ? plainRun.lastIndex : i + 1;
  }
  return out;
}
function truncateIdentifier(name) {
  let bytes = 0;
  let out = "";
  for (const ch of name) {
    const n = Buffer.byteLength(ch, "utf8");
    if (bytes + n > MAX_BYTES) break;
    bytes += n;
    out += ch;
  }
  return out;
}
var rule41 = {
  id: "identifier-too-long",
  risk: "CAUTION",
  title: "Names longer than 63 bytes are silently truncated",
  docs: {
    why: "Postgres keeps only the first 63 bytes of a name (bytes, not characters: an accented letter takes two) and drops the rest with at most a NOTICE. The table, column, index or constraint then exists under a name that differs from the one in the migration and the code: tools that look objects up by name (ORMs, schema diff, a later DROP INDEX written out in full in another system) miss it, and two long names that share their first 63 bytes collide, so the second CREATE fails or, with IF NOT EXISTS, silently does nothing. Only names a statement creates are reported (CREATE, ADD COLUMN/CONSTRAINT, RENAME TO): PostgreSQL cuts a name that refers to an object (DROP INDEX, a REFERENCES target, a query) to the same 63 bytes, so the reference finds what the long name created.",
    instead: "Choose a name of at most 63 bytes; abbreviate the middle rather than the end, so names stay distinct.",
    bad: "CREATE INDEX CONCURRENTLY orders_customer_id_created_at_status_shipping_country_code_partial_idx ON orders (customer_id, created_at);",
    good: "CREATE INDEX CONCURRENTLY orders_customer_created_idx ON orders (customer_id, created_at);",
    equivalents: { squawk: "identifier-too-long" }
  },
  statements: NAMING_TAGS,
  check({ statement }) {
    if (!executesNow(statement) || !NAMING.has(stmtTag(statement))) return [];
    if (!MAYBE_LONG.test(statement.text)) return [];
    const overLimit = identifiersIn(statement.text, MIN_LONG_CHARS).filter((n) => Buffer.byteLength(n, "utf8") > MAX_BYTES);
    if (overLimit.length === 0) return [];
    const defined = definedNames(statement.ast);
    const seen = /* @__PURE__ */ new Set();
    const long = overLimit.filter((n) => defined.has(truncateIdentifier(n)) && !seen.has(n) && seen.add(n));
    return long.map((name) => ({
      message: `"${name}" is ${Buffer.byteLength(name, "utf8")} bytes; Postgres silently truncates it to "${truncateIdentifier(name)}"`,
      suggestion: `use a name of at most ${MAX_BYTES} bytes, e.g. by abbreviating its middle part`
    }));
  }
};

// rules/index-too-many-columns.ts
var MAX_COLUMNS = 3;
var rule42 = {
  id: "index-too-many-columns",
  risk: "SAFE",
  title: "A non-unique index with more than three key columns rarely pays for itself",
  docs: {
    why: "A B-tree index is used from its leading columns: a query that filters on the first one or two already gets most of the benefit, and the columns after the third seldom narrow the search further. Each extra column still makes the index larger (more to keep in memory, slower to build) and adds work to every INSERT and to every UPDATE of any of its columns (an UPDATE of an indexed column also rules out HOT updates). A unique index is different: its columns define what must be unique, so all of them are needed. This is advice (SAFE).",
    policy: "On by default, at SAFE: it never fails a build (the default failOn is DANGEROUS). strong_migrations raises the same best practice.",
    instead: "Index the two or three most selective columns that queries filter on, and check with EXPLAIN that the wider index is used before adding it. To answer a query from the index alone, put the extra columns in INCLUDE (they are stored but not sorted on).",
    bad: "CREATE INDEX CONCURRENTLY orders_search_idx ON orders (customer_id, status, created_at, region);",
    good: "CREATE INDEX CONCURRENTLY orders_search_idx ON orders (customer_id, status, created_at) INCLUDE (region);",
    equivalents: { strongMigrations: "add_index_columns" }
  },
  statements: ["IndexStmt"],
  check({ statement }) {
    const index = stmtNode(statement, "IndexStmt");
    if (!index || !executesNow(statement) || index.unique || (index.indexParams ?? []).length <= MAX_COLUMNS) return [];
    const params = index.indexParams ?? [];
    const names = keyColumns(params);
    const rest = params.slice(MAX_COLUMNS);
    const movable = rest.every((p) => !!as(p, "IndexElem")?.name);
    const narrowed = movable ? sqlOf({ IndexStmt: { ...index, indexParams: params.slice(0, MAX_COLUMNS), indexIncludingParams: [...index.indexIncludingParams ?? [], ...rest] } }) : void 0;
    return [{
      message: `non-unique index ${index.idxname ? `${index.idxname} ` : ""}has ${params.length} key columns (${names.join(", ")}): the columns after the third seldom narrow a search, and each one makes the index larger and every write to the table slower`,
      suggestion: narrowed ? `-- keep the leading columns queries filter on (reorder if others are more selective); carry the rest for index-only scans:
${narrowed};` : "keep the two or three leading columns queries filter on"
    }];
  }
};

// rules/migration-edited.ts
var rule43 = {
  id: "migration-edited",
  risk: "DANGEROUS",
  title: "A migration that already exists on the base branch was edited or deleted",
  docs: {
    why: 'A migration on the base branch has probably run in production already. Runners record what they applied and never run it again, so the edit never reaches those databases: production and fresh databases silently diverge. Flyway and Liquibase compare checksums and refuse to migrate at all ("checksum mismatch"); renaming changes the version, so the runner applies it a second time; deleting it makes new databases differ from old ones. Editing only a rollback, a Flyway `R__` repeatable or a Liquibase `runOnChange` changeset is expected and not reported, nor is adding changesets to a Liquibase changelog whose own changesets stay as they were (Liquibase checksums each changeset, not the file), nor is an edit of only comments or spacing for a runner that keeps no checksum (golang-migrate, goose, dbmate, Sqitch...): the statements every database runs are the same.',
    instead: "Leave the applied migration exactly as it is and put the change in a new migration after it. To fix a migration that has not been deployed anywhere yet, check that with the team first, then say so in the review.",
    bad: "# db/migrations/0007_create_orders.up.sql, already on main, edited in the PR:\n CREATE TABLE orders (\n   id bigint PRIMARY KEY,\n-  total numeric\n+  total numeric NOT NULL\n );",
    good: "# leave 0007_create_orders.up.sql untouched; add db/migrations/0042_orders_total_not_null.up.sql:\nALTER TABLE orders ADD CONSTRAINT orders_total_not_null CHECK (total IS NOT NULL) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT orders_total_not_null;"
  }
};

// rules/migration-out-of-order.ts
var rule44 = {
  id: "migration-out-of-order",
  risk: "CAUTION",
  title: "A new migration sorts before existing ones",
  docs: {
    why: 'Runners apply migrations in version order and remember the highest one applied. A new migration whose version is lower than one already merged (typically a timestamp generated before a rebase) is skipped by golang-migrate and drizzle on databases that are past it, refused by goose, Flyway ("detected resolved migration not applied") and supabase db push, or applied out of sequence, against a schema it was not written for. diesel, sqlx, dbmate, Prisma, pop and Liquibase apply every migration they have not recorded: there the finding is SAFE, as only the order differs between old and new databases.',
    instead: "Give the migration a version after every existing one: regenerate its timestamp (or take the next number) after rebasing on the base branch.",
    bad: "# main has 20240105120000_add_status.up.sql; the PR adds\n20240103090000_add_index.up.sql",
    good: "# after rebasing, the PR adds\n20240106100000_add_index.up.sql"
  }
};

// rules/multiple-blocking-alters.ts
function nullThenNotNull(statements) {
  const cmds = statements.flatMap((s) => alterCmds(s));
  const empty = /* @__PURE__ */ new Set();
  for (const c of cmds) {
    const def = c.subtype === "AT_AddColumn" ? as(c.def, "ColumnDef") : void 0;
    if (!def?.colname) continue;
    const filled = columnConstraints(def).some((k) => k.contype === "CONSTR_DEFAULT" || k.contype === "CONSTR_IDENTITY" || k.contype === "CONSTR_GENERATED");
    if (!filled) empty.add(def.colname);
  }
  return cmds.find((c) => c.subtype === "AT_SetNotNull" && c.name && empty.has(c.name))?.name;
}
var ALTER_PREFIX = /^\s*ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(?:"(?:[^"]|"")*"|[\w$]+)(?:\.(?:"(?:[^"]|"")*"|[\w$]+))?\s+/i;
function subcommands(text) {
  const m = ALTER_PREFIX.exec(text);
  if (!m) return void 0;
  const rest = text.slice(m[0].length).trim().replace(/;$/, "");
  return /^RENAME\b/i.test(rest) ? void 0 : rest;
}
var rule45 = {
  id: "multiple-blocking-alters",
  risk: "CAUTION",
  title: "Several ALTER TABLE statements on one table in a transaction hold its ACCESS EXCLUSIVE lock across all of them",
  docs: {
    why: "Each of these ALTER TABLE statements takes an ACCESS EXCLUSIVE lock on the table, and inside one transaction the lock is kept until COMMIT. Reads and writes of the table wait from the first statement until the end of the transaction, including everything run in between; each statement may also scan or rewrite the table on its own, where one combined ALTER TABLE does it once.",
    lock: "ACCESS EXCLUSIVE on the table (blocks reads and writes) from the first ALTER until the transaction ends.",
    instead: "Combine the changes into one ALTER TABLE with comma-separated sub-commands, so the lock is taken once and any scan or rewrite happens once. If they must stay separate, run them in separate transactions, each after SET lock_timeout, so that no lock is held for longer than one statement.",
    bad: "BEGIN;\nALTER TABLE orders ADD COLUMN note text;\nALTER TABLE orders ALTER COLUMN status SET DEFAULT 'new';\nCOMMIT;",
    good: "BEGIN;\nALTER TABLE orders ADD COLUMN note text, ALTER COLUMN status SET DEFAULT 'new';\nCOMMIT;",
    equivalents: { eugene: "W12" }
  },
  statements: ["AlterTableStmt", "RenameStmt"],
  // nullThenNotNull reads the earlier blocking ALTER TABLE (as state.tx.blockingStatements records it).
  readsEarlierTree: (s, ops) => stmtTag(s) === "AlterTableStmt" && ops.some((o) => o.table && o.lock === "AccessExclusiveLock" && !o.targetIsNew),
  check({ statement, operations, state }) {
    if (!state.tx.active || !runsDuringMigration(statement)) return [];
    const tag = stmtTag(statement);
    if (tag !== "AlterTableStmt" && tag !== "RenameStmt") return [];
    const index = operations.findIndex((o) => o.table && o.lock === "AccessExclusiveLock" && !o.targetIsNew);
    const table = operations[index]?.table;
    if (!table) return [];
    const earlier = state.tx.blockingStatements?.get(table) ?? [];
    if (earlier.length !== 1) return [];
    const parts = [...earlier, statement.text].map(subcommands);
    const steps = state.earlierInFile ?? new FileSteps();
    let at = steps.length - 1;
    while (at >= 0 && steps.statementAt(at).text !== earlier[0]) at--;
    const first = steps.statementAt(at);
    const unfilled = nullThenNotNull(first ? [first, statement] : [statement]);
    const between = at < 0 || steps.some((s) => s.operations.some((o) => o.table === table || o.kind === "DO_BLOCK"), at + 1);
    const combined = first && !between && !unfilled && parts.every((p) => !!p) ? `${alterTable(table)}
  ${parts.join(",\n  ")};` : void 0;
    return [{
      operation: index,
      ...combined && first ? { alsoReplaces: [{ statement: first.index, line: first.line }] } : {},
      message: `a second ALTER TABLE on ${table} in the same transaction: the ACCESS EXCLUSIVE lock taken by the first one is still held, so reads and writes of ${table} wait until COMMIT`,
      suggestion: combined ? `-- one statement, one lock:
${combined}` : unfilled ? `-- do not combine these: ${ident(unfilled)} is added without a value for existing rows and then made NOT NULL, which fails on a table with rows either way. Add it with a DEFAULT, or add it nullable, backfill it in batches, then add CHECK (${ident(unfilled)} IS NOT NULL) NOT VALID, VALIDATE it, and SET NOT NULL, each in its own transaction after SET lock_timeout = '5s'` : `-- run each statement in its own transaction, after SET lock_timeout = '5s', so no lock outlives its statement`
    }];
  }
};

// rules/multiple-tables-locked.ts
var locks = (o) => !!o.table && o.lock === "AccessExclusiveLock" && !o.targetIsNew && o.kind !== "DROP_TABLE" && o.kind !== "DROP_VIEW";
var heldTables = transactionSummary(() => /* @__PURE__ */ new Set(), (held, s) => {
  if (!inMigrationTransaction(s.statement)) return;
  for (const o of s.operations) if (locks(o)) held.add(o.table);
});
var rule46 = {
  id: "multiple-tables-locked",
  risk: "CAUTION",
  title: "ACCESS EXCLUSIVE locks on several existing tables in one transaction",
  docs: {
    why: "Locks are held until the transaction ends. Once a transaction holds ACCESS EXCLUSIVE on one table, taking it on a second one means the first stays unreadable while the second lock is waited for (behind any long query on it) and while the rest runs; every application request that touches either table queues. Locking tables in an order other sessions do not expect can also deadlock. This holds when each change is instant (a nullable ADD COLUMN, a SET DEFAULT): the risk is the wait for the second lock while the first is held, not the work, so such changes are reported too, as eugene (E4, more statements after an ACCESS EXCLUSIVE lock) and pgfence (a lock window over two tables) report them; squawk and strong_migrations have no such check. A lock_timeout bounds the wait but does not end the overlap, so it does not silence the rule.",
    lock: "ACCESS EXCLUSIVE on every table locked so far (blocks reads and writes), held until COMMIT.",
    instead: "Change one table per transaction (one migration per table, or COMMIT between them), each after SET lock_timeout so a blocked lock gives up instead of queueing traffic behind it.",
    bad: "BEGIN;\nALTER TABLE orders ADD COLUMN note text;\nALTER TABLE customers ADD COLUMN note text;\nCOMMIT;",
    good: "ALTER TABLE orders ADD COLUMN note text;\nALTER TABLE customers ADD COLUMN note text;",
    equivalents: { eugene: "E4" }
  },
  check({ statement, operations, state }) {
    if (!state.tx.active || !inMigrationTransaction(statement)) return [];
    const held = heldTables(state);
    if (held.size !== 1) return [];
    const first = held.values().next().value;
    const index = operations.findIndex((o) => locks(o) && o.table !== first);
    const table = operations[index]?.table;
    if (!table) return [];
    return [{
      operation: index,
      message: `${table} is locked ACCESS EXCLUSIVE while this transaction still holds the same lock on ${first}: both tables stay blocked for reads and writes until COMMIT, and the wait for this lock blocks ${first} too`,
      suggestion: `-- end the transaction before changing ${table} (or move it to its own migration), and SET lock_timeout = '5s' before each`
    }];
  }
};

// rules/partition-attach-detach.ts
var rule47 = {
  id: "partition-attach-detach",
  risk: "CAUTION",
  title: "ATTACH PARTITION scans the partition; DETACH PARTITION without CONCURRENTLY locks the parent",
  docs: {
    why: "ATTACH PARTITION checks every row of the new partition against the partition bound (and scans the default partition, if any, for rows that now belong to the new one) unless a valid CHECK constraint already proves it. Since PostgreSQL 12 the parent is only locked SHARE UPDATE EXCLUSIVE meanwhile, but before 12 the parent is locked ACCESS EXCLUSIVE for the whole scan, blocking every query on the partitioned table. DETACH PARTITION without CONCURRENTLY takes ACCESS EXCLUSIVE on the parent: brief, but it waits behind every running query on any partition and queues everything behind it. DETACH ... CONCURRENTLY (PG 14+) avoids that, but cannot run inside a transaction block.",
    lock: "ATTACH: SHARE UPDATE EXCLUSIVE on the parent (ACCESS EXCLUSIVE before PG 12) and ACCESS EXCLUSIVE on the partition being attached. DETACH: ACCESS EXCLUSIVE on the parent, SHARE UPDATE EXCLUSIVE with CONCURRENTLY.",
    instead: "Before ATTACH, add a CHECK constraint matching the bound as NOT VALID, VALIDATE it (no blocking), attach, then drop the CHECK. For DETACH use `DETACH PARTITION ... CONCURRENTLY` (PG 14+) in a migration that runs outside a transaction; on older versions set a lock_timeout and retry.",
    bad: "ALTER TABLE measurements DETACH PARTITION measurements_2023;",
    good: "ALTER TABLE measurements DETACH PARTITION measurements_2023 CONCURRENTLY;",
    equivalents: { squawk: "require-concurrent-partition-detach", pgfence: "Partition operations (ATTACH/DETACH)" }
  },
  statements: ["AlterTableStmt"],
  check({ statement, operations, state }) {
    if (!executesNow(statement)) return [];
    const hits = [];
    alterCmds(statement).forEach((c, i) => {
      const op = operations[i];
      if (!op) return;
      const part = as(c.def, "PartitionCmd");
      const partName = op.typeName ?? (part?.name?.relname ? `${part.name.schemaname ?? "public"}.${part.name.relname}` : "the partition");
      if (c.subtype === "AT_AttachPartition") {
        const partitionIsNew = state.newTables.has(partName);
        const proven = [...constraintsOn(state, partName)].some((k) => k.table === partName && k.kind === "check" && k.validated);
        if (state.pgVersion < 12 && onExistingTable(op)) {
          hits.push({
            operation: i,
            risk: "DANGEROUS",
            message: `before PostgreSQL 12 (target: ${state.pgVersion}) ATTACH PARTITION takes ${article(describeLock("AccessExclusiveLock", op.table))}${proven || partitionIsNew ? "" : ` while it scans ${partName}`}`,
            suggestion: `add a validated CHECK constraint on ${partName} matching the bound first (ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT), set a lock_timeout, and attach in a quiet period`
          });
        } else if (!proven && !partitionIsNew) {
          hits.push({
            operation: i,
            message: `ATTACH PARTITION scans every row of ${partName} (holding ACCESS EXCLUSIVE on it) to check the partition bound, since no validated CHECK constraint proves it`,
            suggestion: [
              `ALTER TABLE ${tableRef(partName)} ADD CONSTRAINT ${partName.split(".").pop()}_bound CHECK (<the partition bound as a condition>) NOT VALID;`,
              `ALTER TABLE ${tableRef(partName)} VALIDATE CONSTRAINT ${partName.split(".").pop()}_bound;  -- scans without blocking reads or writes`,
              `${statement.text.trim().replace(/;?$/, ";")}  -- now skips the scan`,
              `ALTER TABLE ${tableRef(partName)} DROP CONSTRAINT ${partName.split(".").pop()}_bound;`
            ].join("\n")
          });
        }
      } else if (c.subtype === "AT_DetachPartition") {
        if (part?.concurrent) {
          if (state.tx.active) {
            hits.push({
              operation: i,
              risk: "DANGEROUS",
              message: "DETACH PARTITION ... CONCURRENTLY cannot run inside a transaction block: the migration fails",
              suggestion: "move it to a migration of its own that the runner does not wrap in a transaction"
            });
          }
          return;
        }
        if (!onExistingTable(op)) return;
        hits.push({
          operation: i,
          message: `DETACH PARTITION ${partName} takes ${article(describeLock(op.lock, op.table))}: it waits behind every running query on the partitioned table, and everything queued behind it waits too`,
          suggestion: state.pgVersion >= 14 ? `ALTER TABLE ${tableRef(op.table)} DETACH PARTITION ${tableRef(partName)} CONCURRENTLY;  ${ownMigrationComment(state)}` : `SET lock_timeout = '5s';  -- retry on timeout (DETACH ... CONCURRENTLY needs PostgreSQL 14)`,
          ...state.pgVersion >= 14 ? {} : { suggestionRuns: "before" }
        });
      }
    });
    return hits;
  }
};

// rules/placeholder-unknown.ts
var SUBSTITUTES = /* @__PURE__ */ new Set(["flyway", "liquibase-sql", "pop"]);
var RUNNER = { flyway: "Flyway", "liquibase-sql": "Liquibase", pop: "pop", goose: "goose (ENVSUB ON)" };
var rule48 = {
  id: "placeholder-unknown",
  risk: "DANGEROUS",
  title: "A placeholder whose value the review does not know",
  docs: {
    why: "Flyway and Liquibase replace `${name}` placeholders (pop: `{{ ... }}` template actions; goose, in a file with `-- +goose ENVSUB ON`: `$NAME`, `${NAME}` and `${NAME:-default}` from the environment, in strings and comments too) with values from their own configuration before the SQL runs: flyway.conf or flyway.toml, application.yml, liquibase.properties, pom.xml or build.gradle, the command line, the environment. Those are files a pull request changes as easily as the migration, and the value is pasted into the SQL as text, so it can be anything: `SELECT ${x};` with `x=1; DROP TABLE users` runs a DROP TABLE. The review reads a placeholder it has no value for as a neutral identifier, which is right for a schema name and blind to anything else.",
    instead: "Give the placeholder its value in `placeholders:` in .migration-guard.yml on the base branch (`placeholders: { schema: app }`): the review then reads the SQL as it runs, and a pull request that changes the value there is a config-weakened finding. Or write the name in the migration.",
    bad: "CREATE TABLE ${schema}.audit_log (id bigint PRIMARY KEY);",
    good: "CREATE TABLE app.audit_log (id bigint PRIMARY KEY);"
  },
  finish(state, file) {
    const envsub = file.unknownPlaceholders.filter((p) => p.kind === "environment");
    if (state.layout !== void 0 && !SUBSTITUTES.has(state.layout) && envsub.length === 0) return [];
    const runner = (state.layout && RUNNER[state.layout]) ?? "the runner";
    const substituted = envsub.length > 0 ? envsub : state.layout === "pop" ? file.unknownPlaceholders.filter((p) => p.kind === "go-template") : file.unknownPlaceholders;
    return substituted.map((p) => ({
      position: { line: p.line, column: p.column },
      message: `${describePlaceholder(p)} has no value this review knows: ${runner} fills it in from its own configuration or the environment, which a pull request can change, so what runs here may be any SQL (it was reviewed as a plain name)`,
      // The name a value is read by: a Go template action's is its last quoted string or field.
      suggestion: `# .migration-guard.yml on the base branch
placeholders:
  ${p.name}: <the value it runs with>`
    }));
  }
};

// rules/prefer-bigint-keys.ts
var SMALL_INTS = new Map(Object.entries({
  int4: { max: "2,147,483,647", bigger: "bigint" },
  int2: { max: "32,767", bigger: "bigint" },
  serial: { max: "2,147,483,647", bigger: "bigint GENERATED BY DEFAULT AS IDENTITY" },
  serial4: { max: "2,147,483,647", bigger: "bigint GENERATED BY DEFAULT AS IDENTITY" },
  smallserial: { max: "32,767", bigger: "bigint GENERATED BY DEFAULT AS IDENTITY" },
  serial2: { max: "32,767", bigger: "bigint GENERATED BY DEFAULT AS IDENTITY" }
}));
function isKey(col) {
  if (col.inTableKey) return true;
  if (col.constraints.some((c) => c.contype === "CONSTR_PRIMARY" || c.contype === "CONSTR_FOREIGN")) return true;
  return /^(id|.+_id)$/i.test(col.name);
}
function referencedKeys(statement, cols) {
  const out = /* @__PURE__ */ new Map();
  const add = (c, columns) => {
    const target = relationName(c.pktable);
    const refs = keyColumns(c.pk_attrs);
    if (!target) return;
    columns.forEach((col, i) => {
      if (refs[i]) out.set(col, `${target}.${refs[i]}`);
    });
  };
  for (const col of cols) for (const c of col.constraints) if (c.contype === "CONSTR_FOREIGN") add(c, [col.name]);
  for (const n of as(statement.ast, "CreateStmt")?.tableElts ?? []) {
    const c = as(n, "Constraint");
    if (c?.contype === "CONSTR_FOREIGN") add(c, keyColumns(c.fk_attrs));
  }
  return out;
}
function matchesSmallReferencedKey(ref, state, cols) {
  if (!ref) return false;
  const own = cols.find((c) => `${c.table}.${c.name}` === ref);
  const type = own ? rawTypeName(own.type) : state.facts.columnTypes.get(ref);
  return type !== void 0 && SMALL_INTS.has(type);
}
var rule49 = {
  id: "prefer-bigint-keys",
  risk: "CAUTION",
  title: "Integer keys run out: use bigint for ids and foreign keys",
  docs: {
    why: "An integer key runs out at 2,147,483,647 (smallint at 32,767); sequences also burn values on rolled-back inserts, so busy tables get there sooner than their row count suggests. When it happens every INSERT fails. Changing the column to bigint then rewrites the table (and every foreign key column that references it) under ACCESS EXCLUSIVE, at the moment the table is at its largest. bigint costs 4 more bytes per row.",
    instead: "Declare primary keys, foreign keys and id columns as bigint from the start (with `GENERATED BY DEFAULT AS IDENTITY` for generated keys). Foreign key columns must match the type of the key they reference: one that references an integer key the history (or the same statement) shows is not reported, since the limit is in the referenced key and widening the foreign key column alone changes nothing.",
    bad: "CREATE TABLE invoices (id integer PRIMARY KEY, customer_id integer REFERENCES customers (id));",
    good: "CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id));",
    equivalents: { squawk: "prefer-bigint-over-int" }
  },
  statements: ["CreateStmt", "AlterTableStmt"],
  check({ statement, state }) {
    if (!executesNow(statement) || as(statement.ast, "CreateStmt")?.relation?.relpersistence === "t") return [];
    const specs = columnSpecs(statement);
    const refs = referencedKeys(statement, specs);
    const cols = specs.filter((c) => c.via !== "alter-type" && !isArrayType(c.type) && SMALL_INTS.has(rawTypeName(c.type)) && isKey(c) && !matchesSmallReferencedKey(refs.get(c.name), state, specs));
    if (cols.length === 0) return [];
    let suggestion = statement.text.trim();
    for (const c of cols) {
      const fixed = retypeColumn(suggestion, c.name, /(?:int4|int2|integer|int|smallint|serial4|serial2|smallserial|serial)\b/, SMALL_INTS.get(rawTypeName(c.type)).bigger);
      if (fixed) suggestion = fixed;
    }
    const list = cols.map((c) => `${ident(c.name)} (${rawTypeName(c.type)}, max ${SMALL_INTS.get(rawTypeName(c.type)).max})`).join(", ");
    return [{
      ...cols.length === 1 && cols[0].operation !== void 0 ? { operation: cols[0].operation } : {},
      message: `key column${cols.length > 1 ? "s" : ""} ${list} on ${cols[0].table} will run out of values on a busy table; widening later rewrites the table`,
      suggestion: suggestion === statement.text.trim() ? cols.map((c) => `${ident(c.name)} ${SMALL_INTS.get(rawTypeName(c.type)).bigger}`).join(", ") : suggestion.replace(/;?$/, ";")
    }];
  }
};

// rules/prefer-bigint-over-int.ts
var SMALL = new Map(Object.entries({ int4: "integer", int2: "smallint", serial: "serial", serial4: "serial", smallserial: "smallserial", serial2: "smallserial" }));
function isKey2(col) {
  if (col.inTableKey) return true;
  if (col.constraints.some((c) => c.contype === "CONSTR_PRIMARY" || c.contype === "CONSTR_FOREIGN")) return true;
  return /^(id|.+_id)$/i.test(col.name);
}
var rule50 = {
  id: "prefer-bigint-over-int",
  risk: "SAFE",
  title: "integer or smallint columns (not only keys): prefer bigint",
  enabledByDefault: false,
  presets: ["squawk"],
  docs: {
    why: "A counter, a sum or an external id stored as integer overflows at 2,147,483,647 (smallint at 32,767), and widening it later rewrites the table under ACCESS EXCLUSIVE.",
    policy: "Off by default: for most non-key columns (a quantity, a rating, a year) integer is the right size and 4 bytes per row smaller; key columns, which do run out, are covered by prefer-bigint-keys. Turn it on (or use `preset: squawk`) to require bigint everywhere.",
    instead: "Use bigint for any column whose values grow with time or traffic (bigint[] for an array of them, such as a list of ids).",
    bad: "CREATE TABLE page_views (id bigint PRIMARY KEY, views integer);",
    good: "CREATE TABLE page_views (id bigint PRIMARY KEY, views bigint);",
    equivalents: { squawk: "prefer-bigint-over-int, prefer-bigint-over-smallint" }
  },
  statements: ["CreateStmt", "AlterTableStmt"],
  check({ statement }) {
    if (!executesNow(statement)) return [];
    const cols = columnSpecs(statement).filter((c) => SMALL.has(rawTypeName(c.type)) && !(isKey2(c) && !isArrayType(c.type)));
    return cols.map((c) => ({
      ...c.operation !== void 0 ? { operation: c.operation } : {},
      message: `${ident(c.name)} ${SMALL.get(rawTypeName(c.type))}${isArrayType(c.type) ? "[]" : ""} on ${c.table}: ${isArrayType(c.type) ? "its elements overflow" : "it overflows"} at ${rawTypeName(c.type).endsWith("2") || rawTypeName(c.type) === "smallserial" ? "32,767" : "2,147,483,647"}, and widening it later rewrites the table`,
      suggestion: `${ident(c.name)} bigint${isArrayType(c.type) ? "[]" : ""}`
    }));
  }
};

// rules/prefer-identity.ts
var IDENTITY = "bigint GENERATED BY DEFAULT AS IDENTITY";
var rule51 = {
  id: "prefer-identity",
  risk: "SAFE",
  title: "serial columns: prefer GENERATED ... AS IDENTITY",
  docs: {
    why: "serial is not a type but a shortcut that creates a separately owned sequence and a DEFAULT nextval(...). The sequence has its own permissions (a role that can INSERT into the table may still fail on the sequence), is easy to lose when copying a table (CREATE TABLE ... LIKE keeps the default pointing at the old sequence), and nothing stops code from inserting explicit ids that later collide with it. Identity columns are the SQL-standard form: the sequence belongs to the column and follows it in dumps and LIKE.",
    instead: 'Use `bigint GENERATED BY DEFAULT AS IDENTITY`. Like serial it takes an explicit id when an INSERT gives one (seed rows, copied data, ORMs and fixtures that set ids), so it is a drop-in replacement and the suggestion keeps that behaviour. Where no code ever inserts an id, `GENERATED ALWAYS AS IDENTITY` is stricter: it refuses explicit ids ("cannot insert a non-DEFAULT value into column") unless the INSERT says OVERRIDING SYSTEM VALUE, so check every INSERT into the table before choosing it.',
    bad: "CREATE TABLE invoices (id bigserial PRIMARY KEY);",
    good: "CREATE TABLE invoices (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY);",
    equivalents: { squawk: "prefer-identity", pgfence: "Data type best practices" }
  },
  statements: ["CreateStmt", "AlterTableStmt"],
  check({ statement }) {
    if (!executesNow(statement)) return [];
    const cols = columnSpecs(statement).filter((c) => c.via !== "alter-type" && serialType(rawTypeName(c.type)));
    if (cols.length === 0) return [];
    let suggestion = statement.text.trim();
    for (const c of cols) {
      const fixed = retypeColumn(suggestion, c.name, /(?:bigserial|serial8|smallserial|serial2|serial4|serial)\b/, IDENTITY);
      if (fixed) suggestion = fixed;
    }
    return [{
      ...cols.length === 1 && cols[0].operation !== void 0 ? { operation: cols[0].operation } : {},
      message: `${cols.map((c) => `${ident(c.name)} ${rawTypeName(c.type)}`).join(", ")}: serial creates a loose sequence and default; an identity column is the standard, self-contained form`,
      suggestion: suggestion === statement.text.trim() ? cols.map((c) => `${ident(c.name)} ${IDENTITY}`).join(", ") : suggestion.replace(/;?$/, ";")
    }];
  }
};

// rules/prefer-jsonb.ts
var rule52 = {
  id: "prefer-jsonb",
  risk: "CAUTION",
  title: "json columns have no equality operator; use jsonb",
  docs: {
    why: 'The json type stores the text exactly as sent and has no equality operator, so any query that has to compare values breaks on it: SELECT DISTINCT, UNION, GROUP BY, and ORMs that update a row by comparing old and new values fail with "could not identify an equality operator for type json". Every read also re-parses the text. jsonb stores a parsed form that is faster to query, can be indexed with GIN, and supports equality.',
    instead: "Declare the column as jsonb. If you really need the exact input text (key order, duplicate keys, whitespace), store it as text next to a jsonb column.",
    bad: "ALTER TABLE orders ADD COLUMN metadata json;",
    good: "ALTER TABLE orders ADD COLUMN metadata jsonb;",
    equivalents: { strongMigrations: "add_column_json", eugene: "E3" }
  },
  statements: ["CreateStmt", "AlterTableStmt"],
  check({ statement }) {
    if (!executesNow(statement)) return [];
    const hits = [];
    for (const col of columnSpecs(statement)) {
      if (rawTypeName(col.type) !== "json") continue;
      const arr = isArrayType(col.type) ? "[]" : "";
      const rewritten = retypeColumn(statement.text, col.name, /json\b(?!b)/, "jsonb");
      const where = col.via === "create-table" ? `in the new table ${col.table}` : `on ${col.table}`;
      hits.push({
        ...col.operation !== void 0 ? { operation: col.operation } : {},
        message: `column ${ident(col.name)} ${where} is declared json${arr}: it has no equality operator (SELECT DISTINCT, UNION and GROUP BY on it fail) and is re-parsed on every read`,
        suggestion: col.via === "alter-type" ? `ALTER TABLE ${tableRef(col.table)} ALTER COLUMN ${ident(col.name)} TYPE jsonb${arr} USING ${ident(col.name)}::jsonb${arr};` : rewritten ? `${rewritten.trim().replace(/;?$/, ";")}` : `declare it as ${ident(col.name)} jsonb${arr}`
      });
    }
    return hits;
  }
};

// rules/prefer-robust-stmts.ts
var CREATES = { CreateSchemaStmt: "CREATE SCHEMA", CreateSeqStmt: "CREATE SEQUENCE", CreateExtensionStmt: "CREATE EXTENSION" };
function guardedAdd(state, statement, table, name) {
  let guarded = false;
  for (const step of state.earlierInFile ?? []) {
    if (step.statement === statement) break;
    step.operations.forEach((op, i) => {
      const cmd = alterCmds(step.statement)[i];
      if (!cmd || op.table !== table) return;
      if (cmd.subtype === "AT_DropConstraint" && cmd.name === name && cmd.missing_ok) guarded = true;
      const added = cmd.def?.Constraint?.conname;
      if (cmd.subtype === "AT_AddConstraint" && added === name) guarded = false;
    });
  }
  return guarded;
}
function buildsIndexEarlier(state, statement, index) {
  for (const step of state.earlierInFile ?? []) {
    if (step.statement === statement) break;
    const [tag, v] = nodeTag(step.statement.ast) ?? ["", {}];
    if (tag === "IndexStmt" && v.idxname === index) return true;
  }
  return false;
}
function fragile(statement, operations, state) {
  const [tag, v] = nodeTag(statement.ast) ?? ["", {}];
  switch (tag) {
    case "CreateStmt": {
      const create = v;
      if (create.if_not_exists || create.relation?.relpersistence === "t" && create.oncommit === "ONCOMMIT_DROP") return [];
      return ["CREATE TABLE without IF NOT EXISTS"];
    }
    // An unnamed index gets a fresh name on every run (and IF NOT EXISTS needs a name).
    case "IndexStmt":
      return v.if_not_exists || !v.idxname ? [] : [`CREATE INDEX${v.concurrent ? " CONCURRENTLY" : ""} without IF NOT EXISTS`];
    case "CreateSchemaStmt":
    case "CreateSeqStmt":
    case "CreateExtensionStmt":
      return v.if_not_exists ? [] : [`${CREATES[tag]} without IF NOT EXISTS`];
    case "DropStmt":
      return v.missing_ok ? [] : ["DROP without IF EXISTS"];
    case "AlterTableStmt":
      return alterCmds(statement).flatMap((c, i) => {
        const constraint = c.def?.Constraint;
        const conname = constraint?.conname;
        if (c.subtype === "AT_AddConstraint" && conname && !guardedAdd(state, statement, operations[i]?.table, conname)) {
          return [`ADD CONSTRAINT ${conname} without a DROP CONSTRAINT IF EXISTS before it`];
        }
        if (c.subtype === "AT_AddConstraint" && constraint?.indexname && (!conname || !buildsIndexEarlier(state, statement, constraint.indexname))) {
          return [conname ? `ADD CONSTRAINT ${conname} USING INDEX ${constraint.indexname} without building that index earlier in the file` : `ADD ... USING INDEX ${constraint.indexname} without a constraint name`];
        }
        if (c.subtype === "AT_AttachPartition") return ["ATTACH PARTITION"];
        if (c.subtype === "AT_DetachPartition") return ["DETACH PARTITION"];
        if (c.missing_ok) return [];
        if (c.subtype === "AT_AddColumn") return ["ADD COLUMN without IF NOT EXISTS"];
        if (c.subtype === "AT_DropColumn") return ["DROP COLUMN without IF EXISTS"];
        if (c.subtype === "AT_DropConstraint") return ["DROP CONSTRAINT without IF EXISTS"];
        return [];
      });
    case "RenameStmt": {
      const rename = v;
      if (rename.missing_ok && !["OBJECT_COLUMN", "OBJECT_TABCONSTRAINT", "OBJECT_TRIGGER", "OBJECT_POLICY", "OBJECT_RULE"].includes(rename.renameType ?? "")) return [];
      return [`RENAME${rename.renameType === "OBJECT_COLUMN" ? " COLUMN" : ""} (the old name is gone once it ran)`];
    }
    default:
      return [];
  }
}
function suggestionFor(what2) {
  if (what2.includes("USING INDEX")) return "build the index in this file first (CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS, in a migration without a transaction), then DROP CONSTRAINT IF EXISTS and ADD CONSTRAINT ... USING INDEX: a second run then rebuilds the index the first run consumed";
  if (what2.startsWith("ADD CONSTRAINT")) return "put ALTER TABLE ... DROP CONSTRAINT IF EXISTS with the same name right before it";
  if (what2.includes("PARTITION")) return "run it inside a transaction, or alone in its migration, so that a failed run leaves nothing to repeat";
  if (what2.startsWith("RENAME")) return "run it inside a transaction with what depends on it; a table rename can be written ALTER TABLE IF EXISTS old RENAME TO new";
  return what2.includes("NOT EXISTS") ? "add IF NOT EXISTS" : "add IF EXISTS";
}
var rule53 = {
  id: "prefer-robust-stmts",
  risk: "SAFE",
  title: "Outside a transaction, statements without IF [NOT] EXISTS make a half-applied migration impossible to re-run",
  enabledByDefault: false,
  presets: ["squawk"],
  docs: {
    why: "A migration that runs outside a transaction block (CREATE INDEX CONCURRENTLY needs that) and fails half-way leaves its first statements applied. Running it again then fails at the first CREATE, ADD COLUMN or ADD CONSTRAINT that already happened, or the first DROP of what is already gone, and someone has to finish it by hand. ADD CONSTRAINT has no IF NOT EXISTS: a DROP CONSTRAINT IF EXISTS of the same name right before it makes the pair re-runnable, except for ADD CONSTRAINT ... USING INDEX: it renames the index to the constraint, the DROP CONSTRAINT of the next run drops both, and the index it names no longer exists, unless the file builds it again first. A RENAME looks for the old name, which the first run took away (ALTER TABLE IF EXISTS old RENAME TO new skips instead), and ATTACH / DETACH PARTITION fail when repeated. An unnamed CREATE INDEX gets a new name on every run, and a temporary table with ON COMMIT DROP is gone at the end of its transaction: neither needs a guard. Statements that can simply run again (SET NOT NULL, ENABLE ROW LEVEL SECURITY, ALTER COLUMN TYPE) are not reported, though squawk reports every ALTER TABLE outside a transaction.",
    policy: "Off by default: inside a transaction a failed migration rolls back entirely, and most runners record which migrations completed; turn it on (or use `preset: squawk`) if your migrations must be re-runnable.",
    instead: "Write CREATE ... IF NOT EXISTS, ADD COLUMN IF NOT EXISTS, DROP ... IF EXISTS. A failed CREATE INDEX CONCURRENTLY leaves an INVALID index behind: drop it (DROP INDEX CONCURRENTLY IF EXISTS) before building it again.",
    bad: "CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);",
    good: "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_at_idx ON orders (created_at);",
    equivalents: { squawk: "prefer-robust-stmts", pgfence: "Prefer robust DDL statements" }
  },
  // guardedAdd reads the ALTER TABLE statements before it (their DROP CONSTRAINT IF EXISTS),
  // buildsIndexEarlier the CREATE INDEX statements (the index an ADD ... USING INDEX consumes).
  readsEarlierTree: (s) => stmtTag(s) === "AlterTableStmt" || stmtTag(s) === "IndexStmt",
  check({ statement, operations, state }) {
    if (!executesNow(statement) || state.tx.active) return [];
    return fragile(statement, operations, state).map((what2) => ({
      message: `${what2}: outside a transaction a failed run leaves it applied, and running the migration again then fails here`,
      suggestion: suggestionFor(what2)
    }));
  }
};

// rules/prefer-text-field.ts
function asText(c) {
  const text = { names: [{ String: { sval: "text" } }], typemod: -1 };
  const printed = c.def ? sqlOf({ ColumnDef: { ...c.def, typeName: text } }) : void 0;
  return printed ?? `${ident(c.name)} text`;
}
var rule54 = {
  id: "prefer-text-field",
  risk: "SAFE",
  title: "varchar(n): prefer text with a CHECK constraint",
  docs: {
    why: "In Postgres varchar(n) is text with a length check built into the type; it is not faster or smaller. The limit is hard to change later: raising it needs an ALTER COLUMN TYPE under ACCESS EXCLUSIVE (brief, since no rewrite is needed for a wider varchar, but it queues behind every running query), and lowering it rewrites the whole table under that lock. A CHECK constraint on a text column expresses the same limit and can be replaced without blocking: add the new one NOT VALID, VALIDATE it (which blocks no reads or writes), drop the old one.",
    instead: "Declare the column text, with `CHECK (char_length(col) <= n)` if the limit matters.",
    bad: "CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255));",
    good: "CREATE TABLE users (id bigint PRIMARY KEY, email text CONSTRAINT users_email_length CHECK (char_length(email) <= 255));",
    equivalents: { squawk: "prefer-text-field", pgfence: "Data type best practices" }
  },
  statements: ["CreateStmt", "AlterTableStmt"],
  check({ statement }) {
    if (!executesNow(statement)) return [];
    const cols = columnSpecs(statement).filter((c) => rawTypeName(c.type) === "varchar" && typeLength(c.type) !== void 0);
    if (cols.length === 0) return [];
    const table = cols[0].table;
    const base = table?.split(".").pop() ?? "table";
    return [{
      ...cols.length === 1 && cols[0].operation !== void 0 ? { operation: cols[0].operation } : {},
      message: `${cols.map((c) => `${ident(c.name)} varchar(${typeLength(c.type)})`).join(", ")} on ${table}: changing the limit later needs an ACCESS EXCLUSIVE lock (and a table rewrite to lower it)`,
      suggestion: cols.map(
        (c) => `${asText(c)} CONSTRAINT ${ident(`${base}_${c.name}_length`)} CHECK (char_length(${ident(c.name)}) <= ${typeLength(c.type)})`
      ).join(",\n") + (cols[0].via === "add-column" ? `  -- in ALTER TABLE ${tableRef(table)} ADD COLUMN ...` : cols[0].via === "alter-type" ? `  -- instead of the new varchar type: keep or change to text (no rewrite from varchar), then ADD CONSTRAINT ... CHECK (...) NOT VALID and VALIDATE it` : "")
    }];
  }
};

// rules/prefer-timestamptz.ts
var rule55 = {
  id: "prefer-timestamptz",
  risk: "SAFE",
  title: "timestamp without time zone loses the offset: use timestamptz",
  docs: {
    why: "timestamp (without time zone) stores the wall-clock digits and throws the UTC offset away: '2024-03-01 10:00+01' and '2024-03-01 10:00-05' are stored as the same value although they are six hours apart. Which moment a value means then depends on the time zone of whichever client wrote it, and comparisons across daylight-saving changes go wrong. timestamptz stores an exact instant (as UTC) and converts to the session's time zone on output; it takes the same 8 bytes.",
    instead: 'Use timestamptz (timestamp with time zone) for moments in time. Keep timestamp only for deliberately zone-less values such as "09:00 local time, whatever the zone".',
    bad: "ALTER TABLE orders ADD COLUMN shipped_at timestamp;",
    good: "ALTER TABLE orders ADD COLUMN shipped_at timestamptz;",
    equivalents: { squawk: "prefer-timestamp-tz" }
  },
  statements: ["CreateStmt", "AlterTableStmt"],
  check({ statement }) {
    if (!executesNow(statement)) return [];
    const cols = columnSpecs(statement).filter((c) => rawTypeName(c.type) === "timestamp");
    if (cols.length === 0) return [];
    let suggestion = statement.text.trim();
    for (const c of cols) {
      const fixed = retypeColumn(suggestion, c.name, /timestamp(\s*\(\s*\d+\s*\))?(?:\s+without\s+time\s+zone)?(?!\s*tz)(?!\s+with\s)/, "timestamptz$2");
      if (fixed) suggestion = fixed;
    }
    return [{
      ...cols.length === 1 && cols[0].operation !== void 0 ? { operation: cols[0].operation } : {},
      message: `${cols.map((c) => ident(c.name)).join(", ")} on ${cols[0].table} ${cols.length > 1 ? "are" : "is"} timestamp without time zone: the UTC offset of every value written is lost`,
      suggestion: suggestion === statement.text.trim() ? cols.map((c) => `${ident(c.name)} timestamptz`).join(", ") : suggestion.replace(/;?$/, ";")
    }];
  }
};

// rules/psql-meta-command.ts
var INCLUDES = /* @__PURE__ */ new Set(["i", "ir", "include", "include_relative"]);
function shell(m) {
  if (m.name === "!") return `runs the shell command ${quoted(m.argument || "(an interactive shell)")}`;
  const backquoted = /`([^`]*)`/.exec(m.argument);
  if (backquoted) return `runs the shell command ${quoted(backquoted[1])} (backquotes)`;
  const target = m.argument.replace(/^\([^)]*\)\s*/, "");
  if (/^(?:o|out|w|write|g|gx)$/.test(m.name) && target.startsWith("|")) return `pipes output into the program ${quoted(target.slice(1).trim())}`;
  if (m.name === "copy" && /\bprogram\b/i.test(m.argument)) return "runs a program on the machine that runs the migration (\\copy ... PROGRAM)";
  return null;
}
function quoted(text) {
  const one = text.replace(/\s+/g, " ").trim();
  return `"${one.length > 80 ? `${one.slice(0, 77)}...` : one}"`;
}
var rule56 = {
  id: "psql-meta-command",
  risk: "DANGEROUS",
  title: "A psql meta-command runs a file or a program the review cannot see",
  docs: {
    why: "Migrations run by psql (Sqitch, plain scripts) may contain meta-commands, lines starting with a backslash that psql carries out itself. `\\i file` and `\\ir file` (`\\include`, `\\include_relative`) read another file and run its SQL: the rules, the rollback check and the dry-run see only the `\\ir` line, not the ALTER TABLE or DROP in the file it names, and a reviewer reading the diff may not open it. `\\!` and a backquoted span in any meta-command (`\\set v `cmd``) run a shell command, and `\\o |cmd`, `\\w |cmd`, `\\g |cmd` and `\\copy ... PROGRAM` run a program, all on the machine that deploys, with its credentials. Other meta-commands (`\\set`, `\\echo`, `\\timing`, `\\if`) are noted and skipped; `\\gexec` runs each value a query returns as SQL (see dynamic-sql).",
    instead: "Put the statements in the migration itself, so they are reviewed and dry-run where they run; keep shared SQL (functions, views) in migrations of its own rather than in files several migrations include. Run programs from the deploy pipeline, not from a migration.",
    bad: "\\ir ../lib/orders_cleanup.sql",
    good: "-- the statements of ../lib/orders_cleanup.sql, written here:\nALTER TABLE orders DROP CONSTRAINT orders_legacy_check;"
  },
  finish(_state, file) {
    const hits = [];
    for (const m of file.metaCommands) {
      const position = { line: m.line, column: m.column };
      if (INCLUDES.has(m.name)) {
        hits.push({
          position,
          message: `\\${m.name} ${m.argument || "(no file)"} runs the SQL of another file, which this review neither analyzes nor dry-runs: what it changes is not checked`,
          suggestion: `-- write the statements of ${m.argument || "the included file"} here instead of including it`
        });
        continue;
      }
      const runs = shell(m);
      if (runs) hits.push({ position, message: `\\${m.name} ${runs} on the machine that runs the migration, outside the database and outside this review` });
    }
    return hits;
  }
};

// rules/refresh-matview-concurrently.ts
var rule57 = {
  id: "refresh-matview-concurrently",
  risk: "DANGEROUS",
  title: "REFRESH MATERIALIZED VIEW without CONCURRENTLY blocks reads of the view",
  sizeSensitive: true,
  docs: {
    why: "A plain REFRESH MATERIALIZED VIEW re-runs the whole query while holding ACCESS EXCLUSIVE on the view: every SELECT from it waits until the refresh is done, which takes as long as the query. REFRESH ... CONCURRENTLY builds the new contents beside the old and swaps the differences in, so reads continue.",
    lock: "ACCESS EXCLUSIVE on the materialized view for the whole refresh (CONCURRENTLY: EXCLUSIVE, which lets reads continue).",
    instead: "Use REFRESH MATERIALIZED VIEW CONCURRENTLY. It needs a UNIQUE index on the view that covers all rows (no WHERE clause, column names only), and the view must have been populated once; it is slower in total, so run it where a slower refresh is acceptable. REFRESH ... WITH NO DATA runs no query, but leaves the view unreadable until the next refresh: every SELECT from it fails, so it is reported too.",
    bad: "REFRESH MATERIALIZED VIEW daily_sales;",
    good: "REFRESH MATERIALIZED VIEW CONCURRENTLY daily_sales;",
    equivalents: { pgfence: "REFRESH MATERIALIZED VIEW" }
  },
  statements: ["RefreshMatViewStmt"],
  check({ statement, operations }) {
    const r = stmtNode(statement, "RefreshMatViewStmt");
    const op = operations[0];
    if (!executesNow(statement) || !r || r.concurrent || !op || !onExistingTable(op)) return [];
    if (r.skipData) {
      return [{
        operation: 0,
        message: `REFRESH MATERIALIZED VIEW ${op.table} WITH NO DATA empties the view: every SELECT from it fails ("has not been populated") until a later REFRESH fills it again`,
        suggestion: `REFRESH MATERIALIZED VIEW CONCURRENTLY ${tableRef(op.table)};  -- keeps the view readable; or DROP MATERIALIZED VIEW if nothing reads it any more`
      }];
    }
    return [{
      operation: 0,
      message: `REFRESH MATERIALIZED VIEW ${op.table} takes ${article(describeLock(op.lock))} for as long as its query runs`,
      suggestion: `REFRESH MATERIALIZED VIEW CONCURRENTLY ${tableRef(op.table)};  -- needs a unique index on ${tableRef(op.table)}: CREATE UNIQUE INDEX CONCURRENTLY ON ${tableRef(op.table)} (<key columns>);`
    }];
  }
};

// rules/renaming-column.ts
var rule58 = {
  id: "renaming-column",
  risk: "DANGEROUS",
  title: "Renaming a column breaks the code that still uses the old name",
  docs: {
    why: 'The application version that is running while the migration runs (and for as long as a deploy takes, or a rollback needs) still reads and writes the column by its old name. The moment the rename commits, every one of those queries fails with "column does not exist". A migration cannot be deployed at exactly the same instant as the code.',
    lock: "ACCESS EXCLUSIVE on the table: brief (catalog only), but it waits behind every running query on the table, and everything queued behind it waits too.",
    instead: "Expand and contract: add the new column, write to both (in the application or with a trigger), backfill the old rows in batches, move reads to the new column, stop writing the old one, and drop it in a later release. For a read-only rename period, a view can expose the column under both names.",
    bad: "ALTER TABLE users RENAME COLUMN email TO email_address;",
    good: "ALTER TABLE users ADD COLUMN email_address text;",
    equivalents: { squawk: "renaming-column", strongMigrations: "rename_column", pgfence: "RENAME checks" }
  },
  statements: ["RenameStmt"],
  check({ statement, operations, state }) {
    const r = stmtNode(statement, "RenameStmt");
    const op = operations[0];
    if (!executesNow(statement) || !r || r.renameType !== "OBJECT_COLUMN" || !op || !r.subname || !r.newname) return [];
    if (!onExistingTable(op) || state.newColumns.has(`${op.table}.${r.subname}`)) return [];
    const t = tableRef(op.table);
    const type = state.facts.columnTypes.get(`${op.table}.${r.subname}`);
    return [{
      operation: 0,
      message: `renaming ${op.table}.${r.subname} to ${r.newname} breaks every running query that uses ${r.subname}; it takes ${article(describeLock(op.lock))}`,
      suggestion: [
        `ALTER TABLE ${t} ADD COLUMN ${ident(r.newname)} ${type ?? "<same type as " + r.subname + ">"};`,
        `-- then: write both ${r.subname} and ${r.newname} from the application (or a trigger), backfill ${r.newname} from ${r.subname} in batches,`,
        `-- move reads to ${r.newname}, stop writing ${r.subname}, and in a later release: ALTER TABLE ${t} DROP COLUMN ${ident(r.subname)};`
      ].join("\n")
    }];
  }
};

// rules/renaming-schema.ts
var rule59 = {
  id: "renaming-schema",
  risk: "DANGEROUS",
  title: "Renaming a schema breaks the code that still uses the old name",
  docs: {
    why: "Every qualified name the running application uses (`old_schema.table`), every search_path that lists the old schema, and every function body that names it stops resolving the moment the rename commits.",
    lock: "No table lock: it only changes the catalog, but every query that names the old schema fails at once.",
    instead: "Keep the old name while code moves: create the new schema, move the code to names it resolves through search_path (listing both schemas), move the objects with ALTER TABLE ... SET SCHEMA one at a time, and drop the old schema when nothing uses it. Or simply keep the name.",
    bad: "ALTER SCHEMA billing RENAME TO invoicing;",
    good: "CREATE SCHEMA invoicing;",
    equivalents: { strongMigrations: "rename_schema", pgfence: "RENAME checks" }
  },
  statements: ["RenameStmt"],
  check({ statement, state }) {
    const r = stmtNode(statement, "RenameStmt");
    if (!executesNow(statement) || r?.renameType !== "OBJECT_SCHEMA" || !r.subname || !r.newname) return [];
    if (state.newSchemas.has(r.subname)) return [];
    return [{
      message: `renaming schema ${r.subname} to ${r.newname} breaks every running query, search_path and function that names ${r.subname}`,
      suggestion: [
        `CREATE SCHEMA ${ident(r.newname)};`,
        `-- deploy code that resolves names through search_path = ${r.newname}, ${r.subname}; then move objects one by one:`,
        `-- ALTER TABLE ${ident(r.subname)}.<table> SET SCHEMA ${ident(r.newname)};  and drop ${r.subname} when it is empty`
      ].join("\n")
    }];
  }
};

// rules/renaming-table.ts
var rule60 = {
  id: "renaming-table",
  risk: "DANGEROUS",
  title: "Renaming a table breaks the code that still uses the old name",
  docs: {
    why: 'The application version that is running while the migration runs still queries the table by its old name. Once the rename commits, all of those queries fail with "relation does not exist" until every instance runs the new code.',
    lock: "ACCESS EXCLUSIVE on the table: brief (catalog only), but it waits behind every running query on the table, and everything queued behind it waits too.",
    instead: "Rename the table and, in the same transaction, create a view with the old name (`CREATE VIEW old_name AS SELECT * FROM new_name`): a simple view is updatable, so old code keeps reading and writing through it. Drop the view in a later release, once no code uses the old name. Alternatively create the view under the new name first, move the code to it, then swap.",
    bad: "ALTER TABLE customers RENAME TO clients;",
    good: "CREATE VIEW clients AS SELECT * FROM customers;",
    equivalents: { squawk: "renaming-table", strongMigrations: "rename_table", pgfence: "RENAME checks" }
  },
  statements: ["RenameStmt"],
  check({ statement, operations }) {
    const r = stmtNode(statement, "RenameStmt");
    const op = operations[0];
    if (!executesNow(statement) || !r || op?.kind !== "RENAME_TABLE" || !r.newname || !onExistingTable(op)) return [];
    const schema = r.relation?.schemaname;
    const oldRef = tableRef(op.table);
    const newRef = schema && schema !== "public" ? `${ident(schema)}.${ident(r.newname)}` : ident(r.newname);
    const what2 = r.renameType === "OBJECT_TABLE" ? "table" : r.renameType === "OBJECT_MATVIEW" ? "materialized view" : r.renameType === "OBJECT_VIEW" ? "view" : "table";
    const suggestion = r.renameType === "OBJECT_TABLE" ? [
      "BEGIN;",
      `ALTER TABLE ${oldRef} RENAME TO ${ident(r.newname)};`,
      `CREATE VIEW ${oldRef} AS SELECT * FROM ${newRef};  -- old code keeps working through the view`,
      "COMMIT;",
      `-- in a later release, when no code uses ${oldRef}: DROP VIEW ${oldRef};`
    ].join("\n") : `create the new name first (CREATE VIEW ${newRef} AS SELECT * FROM ${oldRef}), move the code to it, then drop the old name in a later release`;
    return [{
      operation: 0,
      message: `renaming the ${what2} ${op.table} to ${r.newname} breaks every running query that uses the old name; it takes ${article(describeLock(op.lock))}`,
      suggestion
    }];
  }
};

// rules/replace-matview-in-place.ts
function droppedMatviews(ast) {
  const d = as(ast, "DropStmt");
  if (d?.removeType !== "OBJECT_MATVIEW") return [];
  return (d.objects ?? []).flatMap((o) => {
    const name = qualifiedFromList(as(o, "List")?.items);
    return name ? [name] : [];
  });
}
var rule61 = {
  id: "replace-matview-in-place",
  risk: "CAUTION",
  title: "A materialized view dropped and created again is unavailable while its query runs",
  sizeSensitive: true,
  docs: {
    why: `CREATE MATERIALIZED VIEW runs its whole query before it finishes (unless WITH NO DATA), so a migration that drops a materialized view and creates it again under the same name leaves it unavailable for as long as that query takes, which grows with the tables it reads: inside a transaction every read of the view waits behind the DROP's ACCESS EXCLUSIVE lock until COMMIT; without one, reads fail with "relation does not exist" in between.`,
    lock: "ACCESS EXCLUSIVE on the old materialized view from the DROP until the end of the transaction; the query itself only reads its tables (ACCESS SHARE).",
    instead: "Build the new view under another name (and its indexes), then swap the names in one short transaction (ALTER MATERIALIZED VIEW ... RENAME TO, twice) and drop the old view afterwards. Views built on the old one keep pointing at it: recreate them in the same swap.",
    bad: "DROP MATERIALIZED VIEW order_totals;\nCREATE MATERIALIZED VIEW order_totals AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id;",
    good: "CREATE MATERIALIZED VIEW order_totals_new AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id;\nBEGIN;\nALTER MATERIALIZED VIEW order_totals RENAME TO order_totals_old;\nALTER MATERIALIZED VIEW order_totals_new RENAME TO order_totals;\nCOMMIT;\nDROP MATERIALIZED VIEW order_totals_old;"
  },
  statements: ["CreateTableAsStmt"],
  readsEarlierTree: (s) => stmtTag(s) === "DropStmt",
  check({ statement, state }) {
    const c = stmtNode(statement, "CreateTableAsStmt");
    if (!c || !executesNow(statement) || c.objtype !== "OBJECT_MATVIEW" || c.into?.skipData) return [];
    const name = relationName(c.into?.rel);
    if (!name) return [];
    const drop = (state.earlierInFile ?? []).find((s) => droppedMatviews(s.statement.ast).includes(name));
    if (!drop || state.newTables.has(name)) return [];
    const sameTransaction = drop.inTransaction && state.tx.active && drop.txId === state.tx.id;
    const bare2 = c.into.rel.relname;
    const renamed = sqlOf({ CreateTableAsStmt: { ...c, into: { ...c.into, rel: { ...c.into.rel, relname: `${bare2}_new` } } } });
    const view = tableRef(name);
    const renamedTo = (suffix) => tableRef(qualifiedName(c.into.rel.schemaname, `${bare2}${suffix}`));
    return [{
      message: `materialized view ${name}, dropped at line ${drop.statement.line}, is built again here: until its query has read every row it needs, ${sameTransaction ? `every read of ${view} waits behind the DROP's ACCESS EXCLUSIVE lock` : `reads of ${view} fail with "relation does not exist"`}`,
      ...renamed ? {
        suggestion: [
          `${renamed};  -- instead of the DROP and this CREATE; create its indexes here too`,
          "BEGIN;",
          `ALTER MATERIALIZED VIEW ${view} RENAME TO ${ident(`${bare2}_old`)};`,
          `ALTER MATERIALIZED VIEW ${renamedTo("_new")} RENAME TO ${ident(bare2)};`,
          "COMMIT;",
          `DROP MATERIALIZED VIEW ${renamedTo("_old")};`
        ].join("\n")
      } : {}
    }];
  }
};

// rules/replica-identity-full.ts
var rule62 = {
  id: "replica-identity-full",
  risk: "CAUTION",
  title: "REPLICA IDENTITY FULL writes the whole old row to WAL on every UPDATE and DELETE",
  docs: {
    why: "With REPLICA IDENTITY FULL, every UPDATE and DELETE of the table logs the complete old row instead of its primary key. On a busy or wide table that multiplies WAL volume: replicas and logical-replication consumers (Debezium, pglogical, subscriptions) fall behind, disks fill faster, and a subscriber without a matching index scans the whole table for every change it applies.",
    instead: "Keep the default (the primary key), or point the identity at a unique index on NOT NULL columns: ALTER TABLE ... REPLICA IDENTITY USING INDEX name. Use FULL only for a table with no possible key, and measure the WAL it adds first.",
    bad: "ALTER TABLE orders REPLICA IDENTITY FULL;",
    good: "ALTER TABLE orders REPLICA IDENTITY USING INDEX orders_uuid_key;",
    equivalents: { pgfence: "REPLICA IDENTITY FULL" }
  },
  statements: ["AlterTableStmt"],
  check({ statement, operations }) {
    if (!executesNow(statement)) return [];
    const hits = [];
    alterCmds(statement).forEach((c, i) => {
      const op = operations[i];
      const def = c.def?.ReplicaIdentityStmt;
      if (c.subtype !== "AT_ReplicaIdentity" || def?.identity_type !== "f" || !op?.table || !onExistingTable(op)) return;
      hits.push({
        operation: i,
        message: `REPLICA IDENTITY FULL on ${op.table}: from now on every UPDATE and DELETE writes the whole old row to WAL, multiplying WAL volume and replication lag on a busy table`,
        suggestion: `${alterTable(op.table)} REPLICA IDENTITY USING INDEX <unique index on NOT NULL columns>;  -- or keep the primary key (DEFAULT)`
      });
    });
    return hits;
  }
};

// rules/require-concurrent-index-drop.ts
function indexRef(qualified) {
  return qualified.startsWith("public.") ? qualified.slice("public.".length) : qualified;
}
var rule63 = {
  id: "require-concurrent-index-drop",
  risk: "CAUTION",
  title: "DROP INDEX without CONCURRENTLY locks the table against reads and writes",
  docs: {
    why: "A plain DROP INDEX takes an ACCESS EXCLUSIVE lock on the index's table. Removing the index itself is quick, but the lock has to wait until every running query on the table has finished, and while it waits every new query on the table queues behind it. On a busy table with one long query that is a stall of everything; inside a transaction the lock is also held until COMMIT.",
    lock: "ACCESS EXCLUSIVE on the table: blocks reads and writes while it waits and until the transaction ends.",
    instead: "Use DROP INDEX CONCURRENTLY (one index per statement, no CASCADE), in a migration that is not wrapped in a transaction. It waits for running queries without blocking new ones. Indexes that back a UNIQUE or PRIMARY KEY constraint must be dropped with ALTER TABLE ... DROP CONSTRAINT instead. An index of a partitioned table cannot be dropped concurrently at all: it is not reported here; drop it under a short lock_timeout.",
    bad: "DROP INDEX orders_created_at_idx;",
    good: "DROP INDEX CONCURRENTLY orders_created_at_idx;",
    equivalents: { squawk: "require-concurrent-index-deletion", strongMigrations: "remove_index", pgfence: "CREATE INDEX / DROP INDEX checks" }
  },
  statements: ["DropStmt"],
  check({ statement, operations, state }) {
    const drop = stmtNode(statement, "DropStmt");
    if (!drop || drop.removeType !== "OBJECT_INDEX" || drop.concurrent || !runsDuringMigration(statement)) return [];
    const existing = operations.map((op, i) => ({ op, i })).filter(({ op }) => op.indexName && !state.newIndexes.has(op.indexName) && !state.facts.partitionedIndexes?.has(op.indexName));
    if (existing.length === 0) return [];
    const ifExists = drop.missing_ok ? "IF EXISTS " : "";
    const suggestion = existing.map(({ op }) => `DROP INDEX CONCURRENTLY ${ifExists}${indexRef(op.indexName)};`).join("\n") + `
${ownMigrationComment(state)}; one index per statement`;
    return existing.map(({ op, i }) => ({
      operation: i,
      message: `DROP INDEX ${indexRef(op.indexName)} without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on its table: every query on the table waits behind it${drop.behavior === "DROP_CASCADE" ? " (CASCADE also drops the objects that depend on the index)" : ""}`,
      suggestion
    }));
  }
};

// rules/require-concurrent-index.ts
var rule64 = {
  id: "require-concurrent-index",
  risk: "DANGEROUS",
  title: "CREATE INDEX without CONCURRENTLY blocks writes to the table",
  sizeSensitive: true,
  docs: {
    why: "A plain CREATE INDEX reads the whole table while holding a SHARE lock: every INSERT, UPDATE and DELETE waits until the index is built, which takes as long as reading the table. On a large, busy table that is an outage.",
    lock: "SHARE on the table: reads continue, all writes wait for the whole build.",
    instead: "Build it with CREATE INDEX CONCURRENTLY, in a migration of its own that the runner does not wrap in a transaction (CONCURRENTLY cannot run inside one). If the build fails it leaves an INVALID index: drop it with DROP INDEX CONCURRENTLY and build it again. A partitioned table has no CONCURRENTLY build: create the index ON ONLY the parent, build it CONCURRENTLY on each partition and ATTACH each one (the suggestion spells it out for the partitions the history shows). CREATE INDEX IF NOT EXISTS of an index the history made (and did not drop) builds nothing and is not reported.",
    bad: "CREATE INDEX orders_created_at_idx ON orders (created_at);",
    good: "CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);",
    equivalents: { squawk: "require-concurrent-index-creation", strongMigrations: "add_index", eugene: "E6", pgfence: "CREATE INDEX / DROP INDEX checks" }
  },
  statements: ["IndexStmt"],
  check({ statement, operations, state }) {
    const idx = stmtNode(statement, "IndexStmt");
    const op = operations[0];
    if (!idx || idx.concurrent || !op || !onExistingTable(op) || buildsNoIndex(statement, state)) return [];
    const name = idx.idxname ? `${idx.idxname} ` : "";
    if (op.table && state.facts.partitionedTables?.has(op.table)) {
      if (!onPartitionedTable(state, idx, op.table)) return [];
      return [{
        operation: 0,
        message: `CREATE INDEX ${name}on ${op.table} without CONCURRENTLY takes a ${describeLock(op.lock)} on every partition for the whole build; a partitioned table has no CONCURRENTLY build, so build it partition by partition`,
        suggestion: partitionedIndexRecipe(state, idx, op.table, statement.text)
      }];
    }
    return [{
      operation: 0,
      message: `CREATE INDEX ${name}on ${op.table} without CONCURRENTLY takes a ${describeLock(op.lock)} for the whole build`,
      suggestion: `${statement.text.replace(/^\s*CREATE\s+(UNIQUE\s+)?INDEX\s+/i, (m) => `${m.trimEnd()} CONCURRENTLY `)};  ${ownMigrationComment(state)}`
    }];
  }
};

// rules/require-concurrent-reindex.ts
var KIND_WORD = {
  REINDEX_OBJECT_INDEX: "INDEX",
  REINDEX_OBJECT_TABLE: "TABLE",
  REINDEX_OBJECT_SCHEMA: "SCHEMA",
  REINDEX_OBJECT_DATABASE: "DATABASE",
  REINDEX_OBJECT_SYSTEM: "SYSTEM"
};
function shortName2(qualified) {
  return qualified.startsWith("public.") ? qualified.slice("public.".length) : qualified;
}
var rule65 = {
  id: "require-concurrent-reindex",
  risk: "DANGEROUS",
  title: "REINDEX without CONCURRENTLY blocks writes and most reads while it rebuilds",
  sizeSensitive: true,
  docs: {
    why: "A plain REINDEX rebuilds the index from scratch while holding a SHARE lock on the table (all writes wait) and an ACCESS EXCLUSIVE lock on each index it rebuilds. Because the planner locks every index of a table when it plans a query, almost every read of the table waits too. The wait lasts as long as reading the table and building the index.",
    lock: "SHARE on the table (blocks writes) and ACCESS EXCLUSIVE on the index being rebuilt (blocks the reads that plan against it) for the whole rebuild.",
    instead: "On PostgreSQL 12 and later use REINDEX ... CONCURRENTLY, outside a transaction block. Before 12 there is no online REINDEX: build a replacement with CREATE INDEX CONCURRENTLY, drop the old index with DROP INDEX CONCURRENTLY and rename the new one (constraint-backing indexes need ALTER TABLE ... ADD CONSTRAINT ... USING INDEX), or use pg_repack.",
    bad: "REINDEX INDEX orders_created_at_idx;",
    good: "REINDEX INDEX CONCURRENTLY orders_created_at_idx;",
    equivalents: { squawk: "require-concurrent-reindex", pgfence: "REINDEX (non-concurrent)" }
  },
  statements: ["ReindexStmt"],
  check({ statement, operations, state }) {
    const r = stmtNode(statement, "ReindexStmt");
    const op = operations[0];
    if (!r || !op || !runsDuringMigration(statement)) return [];
    if (optionOn(r.params, "concurrently")) return [];
    const kind = KIND_WORD[r.kind ?? ""] ?? "INDEX";
    if (kind === "SYSTEM") return [];
    if (kind === "INDEX" && op.indexName && state.newIndexes.has(op.indexName)) return [];
    if (kind !== "INDEX" && op.targetIsNew) return [];
    const target = shortName2(op.indexName ?? op.table ?? r.name ?? "");
    const what2 = kind === "INDEX" ? `index ${target}` : kind === "TABLE" ? `every index of ${target}` : `every index in ${kind.toLowerCase()} ${target}`;
    if (state.pgVersion < 12) {
      const qualified = op.indexName ?? op.table ?? target;
      const suggestion = kind === "INDEX" ? `-- no online REINDEX before PostgreSQL 12: rebuild it with pg_repack (outside the migration)
pg_repack --index=${qualified}
-- or build a twin with CREATE INDEX CONCURRENTLY, DROP INDEX CONCURRENTLY ${target}, and rename the twin` : kind === "TABLE" ? `-- no online REINDEX before PostgreSQL 12: rebuild the indexes with pg_repack (outside the migration)
pg_repack --table=${qualified} --only-indexes` : `-- no online REINDEX before PostgreSQL 12: rebuild table by table with pg_repack --table=<table> --only-indexes, outside the migration`;
      return [{
        operation: 0,
        message: `REINDEX ${kind} rebuilds ${what2} while blocking writes and the reads that use it; PostgreSQL ${state.pgVersion} has no online REINDEX (CONCURRENTLY arrived in 12)`,
        suggestion
      }];
    }
    const concurrently = statement.text.replace(/^\s*REINDEX\s*(\([^)]*\)\s*)?(INDEX|TABLE|SCHEMA|DATABASE)\s+/i, (m) => `${m.trimEnd()} CONCURRENTLY `);
    return [{
      operation: 0,
      message: `REINDEX ${kind} without CONCURRENTLY rebuilds ${what2} while blocking writes to the table and the reads that plan against the index`,
      suggestion: `${concurrently};  ${ownMigrationComment(state)}`
    }];
  }
};

// rules/require-enum-value-ordering.ts
var rule66 = {
  id: "require-enum-value-ordering",
  risk: "SAFE",
  title: "ALTER TYPE ... ADD VALUE without BEFORE or AFTER puts the label last",
  presets: ["squawk"],
  docs: {
    why: "Enum values sort in the order of their labels in the type, not alphabetically: ORDER BY, <, > and range checks on the column follow it. ADD VALUE without BEFORE or AFTER appends the label at the end, which is right for some enums (a new status after the others) and wrong for ordered ones (a new size between small and large). This is advice (SAFE): say where it goes, so the order is a decision.",
    policy: "On by default, at SAFE: it never fails a build (the default failOn is DANGEROUS) and costs one word to satisfy, while a label in the wrong place silently changes every ORDER BY on the column.",
    instead: "Write the position: `ALTER TYPE size ADD VALUE 'medium' AFTER 'small';` (or BEFORE), even when it is the end.",
    bad: "ALTER TYPE order_status ADD VALUE 'refunded';",
    good: "ALTER TYPE order_status ADD VALUE 'refunded' AFTER 'delivered';",
    equivalents: { squawk: "require-enum-value-ordering" }
  },
  statements: ["AlterEnumStmt"],
  check({ statement }) {
    const e = stmtNode(statement, "AlterEnumStmt");
    if (!e || !executesNow(statement) || !e.newVal || e.oldVal || e.newValNeighbor) return [];
    return [{
      message: `ADD VALUE '${e.newVal}' without BEFORE or AFTER puts it after every existing label: ORDER BY and comparisons on the column follow that order`,
      suggestion: `${statement.text.trim().replace(/;?\s*$/, "")} AFTER '<existing label>';  -- or BEFORE: make the position explicit`
    }];
  }
};

// rules/require-idle-in-transaction-timeout.ts
var SETTING = "idle_in_transaction_session_timeout";
var rule67 = {
  id: "require-idle-in-transaction-timeout",
  risk: "SAFE",
  title: "An ACCESS EXCLUSIVE lock in a transaction with no idle_in_transaction_session_timeout",
  enabledByDefault: false,
  docs: {
    why: "Locks are held until the transaction ends. If the process running the migration stalls between statements (a paused deploy, a debugger, a lost connection that the server has not noticed yet), the transaction sits idle while it holds ACCESS EXCLUSIVE, and the table stays blocked for reads and writes until someone kills the session. idle_in_transaction_session_timeout ends such a session automatically.",
    lock: "ACCESS EXCLUSIVE on a table that existed before the migration, held until COMMIT.",
    policy: "Off by default: migration runners send their statements back to back, so this guards against an operational accident rather than the migration itself.",
    instead: "Set it at the start of the migration: `SET idle_in_transaction_session_timeout = '10s';` (or for the migration role: ALTER ROLE ... SET).",
    bad: "BEGIN;\nALTER TABLE orders ADD COLUMN note text;\nCOMMIT;",
    good: "SET idle_in_transaction_session_timeout = '10s';\nBEGIN;\nALTER TABLE orders ADD COLUMN note text;\nCOMMIT;",
    equivalents: { pgfence: "SET idle_in_transaction_session_timeout" }
  },
  readsEarlierTree: (s) => stmtTag(s) === "VariableSetStmt",
  check({ statement, operations, state }) {
    if (!executesNow(statement) || !state.tx.active) return [];
    const i = operations.findIndex((o) => o.table && o.lock === "AccessExclusiveLock" && !o.targetIsNew);
    if (i < 0) return [];
    const steps = state.earlierInFile ?? [];
    const setting = (s) => {
      const [tag, v] = nodeTag(s.statement.ast) ?? ["", {}];
      return tag === "VariableSetStmt" && String(v.name ?? "").toLowerCase() === SETTING;
    };
    if (steps.some(setting)) return [];
    if (steps.some((s) => s.inTransaction && s.operations.some((o) => o.table && o.lock === "AccessExclusiveLock" && !o.targetIsNew))) return [];
    const op = operations[i];
    return [{
      operation: i,
      message: `this transaction takes ${article(describeLock(op.lock, op.table))} and nothing ends it if the session stalls before COMMIT: no ${SETTING} is set`,
      suggestion: `SET ${SETTING} = '10s';  -- at the start of the migration`
    }];
  }
};

// rules/require-lock-timeout.ts
function waitingLock(statement, operations, state) {
  const i = operations.findIndex((op) => blocksExisting(op, state));
  if (i >= 0) {
    const op = operations[i];
    const indexTable = op.indexName ? state.facts.indexTables?.get(op.indexName) : void 0;
    return { operation: i, lock: op.lock, target: op.table ?? indexTable ?? `the table index ${op.indexName} is on` };
  }
  const other = lockedBeyondNewTable(statement, operations, state);
  return other && { operation: other.operation, lock: other.lock, target: other.table, via: other.via };
}
var earlierNeededOne = earlierStepPasses((s, state) => executesNow(s.statement) && !s.lockTimeout && waitingLock(s.statement, s.operations, state) !== void 0);
var rule68 = {
  id: "require-lock-timeout",
  risk: "CAUTION",
  title: "A blocking lock without lock_timeout can queue every query on the table",
  docs: {
    why: "Postgres grants locks in order. A migration statement that needs a strong lock waits behind any long query (or a transaction left idle) on the table, and while it waits every new query on that table, even a plain SELECT, queues behind it. A change that takes a millisecond can so stall the table for minutes. A lock_timeout makes the statement give up instead, so the migration fails fast and can be retried.",
    lock: "Any lock that blocks writes (SHARE, SHARE ROW EXCLUSIVE, EXCLUSIVE, ACCESS EXCLUSIVE) on a table that already exists; ACCESS EXCLUSIVE also blocks reads. A view counts too: DROP VIEW and CREATE OR REPLACE VIEW of an existing view lock it ACCESS EXCLUSIVE, so queries on the view queue the same way. So does a foreign key on a new table: CREATE TABLE ... REFERENCES an existing table takes SHARE ROW EXCLUSIVE on the referenced one, and writes to it queue; and CREATE TABLE ... PARTITION OF takes ACCESS EXCLUSIVE on the partitioned table.",
    instead: "Start the migration with `SET lock_timeout = '5s';` (or `SET LOCAL` inside a transaction). When it fails with `canceling statement due to lock timeout`, nothing was blocked for long: retry later, ideally automatically a few times with a pause. Reported once per file, at the first statement that needs it.",
    bad: "ALTER TABLE orders ADD COLUMN note text;",
    good: "SET lock_timeout = '5s';\nALTER TABLE orders ADD COLUMN note text;",
    equivalents: { squawk: "require-lock-timeout", eugene: "E9", pgfence: "SET lock_timeout" }
  },
  check({ statement, operations, state }) {
    if (!executesNow(statement) || state.lockTimeout) return [];
    const wait = waitingLock(statement, operations, state);
    if (!wait) return [];
    if (earlierNeededOne(state)) return [];
    const { target } = wait;
    return [{
      operation: wait.operation,
      message: wait.via === "foreign key" ? `no lock_timeout is set before this statement takes ${article(describeLock(wait.lock))} on ${target}, the existing table its foreign key references: if ${target} is busy it waits, and every write to ${target} queues behind it` : wait.via === "partition" ? `no lock_timeout is set before this statement takes ${article(describeLock(wait.lock))} on ${target}, the partitioned table it adds a partition to: if any query on ${target} is running it waits, and every query on ${target} queues behind it (ALTER TABLE ... ATTACH PARTITION of a table created apart needs only SHARE UPDATE EXCLUSIVE)` : `no lock_timeout is set before this statement takes ${article(describeLock(wait.lock))}: if ${target} is busy it waits, and every query on ${target} queues behind it`,
      suggestion: `SET ${state.tx.active ? "LOCAL " : ""}lock_timeout = '5s';  -- on "canceling statement due to lock timeout", retry the migration later`,
      suggestionRuns: "before"
    }];
  }
};

// rules/require-statement-timeout.ts
var earlierNeededOne2 = earlierStepPasses((s, state) => executesNow(s.statement) && !s.statementTimeout && s.operations.some((op) => longWhileBlocking(op, state)));
var rule69 = {
  id: "require-statement-timeout",
  risk: "SAFE",
  title: "Long work under a blocking lock without statement_timeout",
  docs: {
    why: "A statement that rewrites, scans or backfills a table while holding a lock that blocks others keeps that lock for as long as the work takes, which on a large table nobody measured can be far longer than expected. A statement_timeout caps that: past the limit, Postgres cancels the statement, releases the lock and the migration fails cleanly instead of blocking the table for an unknown time. This is advice (SAFE): the blocking itself is reported by the rule that matches the operation, at its own level. Reported once per file.",
    lock: "Whatever the long statement takes; this rule looks at operations that hold a lock that blocks writes while their work grows with the table.",
    instead: "Measure the statement on a copy of production data, then set a limit above that before it: `SET statement_timeout = '15min';` (`SET LOCAL` inside a transaction). Better still, use the non-blocking form the other findings suggest; CREATE INDEX CONCURRENTLY and batched backfills need no tight limit because they do not block.",
    bad: "ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);",
    good: "SET statement_timeout = '15min';\nALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);",
    equivalents: { squawk: "require-statement-timeout", pgfence: "SET statement_timeout" }
  },
  check({ statement, operations, state }) {
    if (!executesNow(statement) || state.statementTimeout) return [];
    const i = buildsNoIndex(statement, state) ? -1 : operations.findIndex((op2) => longWhileBlocking(op2, state));
    if (i < 0) return [];
    if (earlierNeededOne2(state)) return [];
    const op = operations[i];
    return [{
      operation: i,
      message: `no statement_timeout is set before this statement, whose work grows with ${op.table ?? "the table"} while it holds ${article(describeLock(op.lock))}`,
      suggestion: `SET ${state.tx.active ? "LOCAL " : ""}statement_timeout = '15min';  -- pick a limit above its measured time on production-sized data`,
      suggestionRuns: "before"
    }];
  }
};

// rules/require-table-schema.ts
var TARGET = { CreateStmt: "relation", AlterTableStmt: "relation", IndexStmt: "relation", CreateTableAsStmt: "into" };
var rule70 = {
  id: "require-table-schema",
  risk: "SAFE",
  title: "A table named without its schema",
  enabledByDefault: false,
  docs: {
    why: "An unqualified table name is resolved through search_path, which the session running the migration may set differently from the one the application uses (a role setting, a connection option, a tool that changes it). The migration then creates or alters a table in another schema than intended.",
    policy: "Off by default: most projects use one schema and a fixed search_path; turn it on where several schemas exist (squawk has it as an opt-in rule too).",
    instead: "Qualify the table: `CREATE TABLE app.orders (...)`, `ALTER TABLE app.orders ...`, `DROP TABLE app.orders`.",
    bad: "CREATE TABLE orders (id bigint PRIMARY KEY);",
    good: "CREATE TABLE public.orders (id bigint PRIMARY KEY);",
    equivalents: { squawk: "require-table-schema" }
  },
  statements: ["CreateStmt", "AlterTableStmt", "IndexStmt", "CreateTableAsStmt", "DropStmt"],
  check({ statement }) {
    const [tag, v] = nodeTag(statement.ast) ?? ["", {}];
    if (tag === "DropStmt" && v.removeType === "OBJECT_TABLE" && executesNow(statement)) {
      return (v.objects ?? []).map((o) => stringList(as(o, "List")?.items)).filter((parts) => parts.length === 1).map(([name]) => ({
        message: `${name} has no schema: DROP TABLE resolves it through the session's search_path, which may differ from the application's`,
        suggestion: `public.${name}  -- or the schema it belongs in`
      }));
    }
    const key = TARGET[tag];
    if (!key || !executesNow(statement)) return [];
    const rel = key === "into" ? v.into?.rel : v[key];
    if (!rel?.relname || rel.schemaname || rel.relpersistence === "t") return [];
    return [{
      message: `${rel.relname} has no schema: it resolves through the session's search_path, which may differ from the application's`,
      suggestion: `public.${rel.relname}  -- or the schema it belongs in`
    }];
  }
};

// rules/rollback-data-loss.ts
var rule71 = {
  id: "rollback-data-loss",
  risk: "CAUTION",
  title: "The migration destroys data no rollback can restore",
  docs: {
    why: "Dropping a table or a column, truncating or deleting rows destroys data. The rollback can recreate the table or the column, but empty: the contents are gone. Such a migration is irreversible, whatever its down file says. A statement whose own finding already says its data is gone for good (ban-drop-column, ban-drop-table, ban-truncate, ban-drop-schema, dml-without-where, reported or silenced by an ignore directive) is not reported again here; the migration is still marked irreversible.",
    instead: "Stop reading and writing the data in the application first (contract phase), keep a copy (an archive table or a backup) until you are sure, and say in the rollback that it restores the structure only.",
    bad: "ALTER TABLE orders DROP COLUMN legacy_status;",
    good: "-- after the code no longer reads it, and with a copy kept:\nCREATE TABLE orders_legacy_status AS SELECT id, legacy_status FROM orders;\nALTER TABLE orders DROP COLUMN legacy_status;"
  }
};

// rules/rollback-destroys-data.ts
var rule72 = {
  id: "rollback-destroys-data",
  risk: "DANGEROUS",
  title: "The rollback destroys data its migration did not create",
  docs: {
    why: "A rollback undoes its migration: it drops what the migration created and puts back what it changed. One that drops a table, a column or a schema the migration did not create, truncates a table or deletes all of its rows destroys data that was there before the migration ran. Nobody reviews a rollback the way they review a deploy, and it runs at the worst moment, in an incident, so a destructive statement there (`DROP TABLE users` in a sqitch revert script or a down migration) is a trap set for whoever rolls back.",
    instead: "Make the rollback undo exactly what its migration did: drop only the tables and columns it created, rename back what it renamed, and leave every other object and row alone.",
    bad: "-- up\nALTER TABLE orders ADD COLUMN note text;\n-- down\nALTER TABLE orders DROP COLUMN note;\nDROP TABLE customers;",
    good: "-- up\nALTER TABLE orders ADD COLUMN note text;\n-- down\nALTER TABLE orders DROP COLUMN note;"
  }
};

// rules/rollback-empty.ts
var rule73 = {
  id: "rollback-empty",
  risk: "CAUTION",
  title: "The rollback is empty",
  docs: {
    why: "A rollback file that exists but runs nothing gives a false sense of safety: the day the migration has to be undone, running the rollback changes nothing and the schema stays as the migration left it.",
    instead: "Write the statements that undo the migration. If the folder deliberately has no rollbacks, configure that (`migrations: [{ path, requireRollback: false }]`) instead of leaving empty files.",
    bad: "-- 0042_add_orders_note.down.sql\n-- (nothing)",
    good: "-- 0042_add_orders_note.down.sql\nALTER TABLE orders DROP COLUMN note;"
  }
};

// rules/rollback-mismatch.ts
var rule74 = {
  id: "rollback-mismatch",
  risk: "CAUTION",
  title: "The rollback does not undo everything the migration did",
  docs: {
    why: "When the rollback forgets an object the migration created (a table, a column, an index, a constraint, a type) or a rename it made, rolling back leaves the schema in a state no version of the application expects, and re-applying the migration then fails because the object already exists.",
    instead: "For every object the up migration creates, the down migration drops it (or renames it aside and drops it there); for every rename, the down renames it back (or drops the new name and re-creates the old). The dry-run (`--dry-run`) checks the same thing on a real database and names every difference.",
    bad: "-- up\nALTER TABLE orders ADD COLUMN note text;\nCREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);\n-- down\nALTER TABLE orders DROP COLUMN note;",
    good: "-- up\nALTER TABLE orders ADD COLUMN note text;\nCREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);\n-- down\nDROP INDEX CONCURRENTLY orders_note_idx;\nALTER TABLE orders DROP COLUMN note;"
  }
};

// rules/rollback-missing.ts
var rule75 = {
  id: "rollback-missing",
  risk: "CAUTION",
  title: "The migration has no rollback",
  docs: {
    why: "When a deploy goes wrong the fastest fix is to roll the schema back, and the worst time to write that SQL is during the incident. Runners with rollbacks (golang-migrate, pop, Diesel, dbmate, goose, Sqitch, Flyway undo, Liquibase) expect one per migration; without it `migrate down` either fails or silently does nothing. A missing rollback on a DANGEROUS migration is reported as DANGEROUS: a risky change with no way back. Layouts without rollbacks by design (Prisma, Drizzle, Supabase, plain folders) report `not-required` unless the folder sets `requireRollback: true`.",
    instead: "Write the rollback next to the migration, in the layout's form: a `.down.sql` file, a `down.sql` in the migration folder, a `-- migrate:down` or `-- +goose Down` section, a `revert/` script, a `U` undo file, or `--rollback` lines. If the folder deliberately has no rollbacks, say so in `.migration-guard.yml` (`migrations: [{ path: db/migrations, requireRollback: false }]`).",
    bad: "# db/migrations/\n0042_add_orders_note.up.sql     ALTER TABLE orders ADD COLUMN note text;\n# (no 0042_add_orders_note.down.sql)",
    good: "# db/migrations/\n0042_add_orders_note.up.sql     ALTER TABLE orders ADD COLUMN note text;\n0042_add_orders_note.down.sql   ALTER TABLE orders DROP COLUMN note;"
  }
};

// rules/rollback-orphan.ts
var rule76 = {
  id: "rollback-orphan",
  risk: "CAUTION",
  title: "A rollback file has no migration",
  docs: {
    why: "A rollback pairs with its migration by name. When the names drift apart (the up file was renamed, its timestamp regenerated after a rebase, or the migration deleted) the runner sees a version with only a down script: golang-migrate and pop fail or skip it, Sqitch ignores a revert with no plan entry, and the real migration is left without a rollback.",
    instead: "Give the rollback exactly the migration's version and name (only `.up.`/`.down.`, `deploy/`/`revert/`, `V`/`U` may differ), or delete it if its migration is gone.",
    bad: "# db/migrations/\n20240102120000_add_index.up.sql\n20240101093000_add_index.down.sql   # timestamp from before the rebase",
    good: "# db/migrations/\n20240102120000_add_index.up.sql\n20240102120000_add_index.down.sql"
  }
};

// rules/security-definer-function.ts
function defElems(list) {
  return (Array.isArray(list) ? list : []).map((n) => nodeTag(n)?.[1]).filter((d) => d !== void 0);
}
function definer(options) {
  const elems = defElems(options);
  const security = elems.find((d) => d.defname === "security");
  const on = security !== void 0 && nodeTag(security.arg)?.[1]?.boolval === true;
  const pinned = elems.some((d) => d.defname === "set" && nodeTag(d.arg)?.[1]?.name === "search_path");
  return { definer: on, pinned };
}
var rule77 = {
  id: "security-definer-function",
  // A privilege door to review, not a lock or data hazard: PostgreSQL 15+ lets no one but the
  // owner create in public, and Supabase's own advisor rates an unpinned search_path a warning.
  risk: "CAUTION",
  title: "SECURITY DEFINER function: it runs with its owner's rights, whoever calls it",
  docs: {
    why: "A SECURITY DEFINER function runs with the rights of the role that owns it (in a migration, usually the schema owner or a superuser), whoever calls it: it is a door through the privilege checks. Without `SET search_path` on the function, a caller who can create objects in a schema on the search_path (or put one first, with SET search_path) can make it call their own function or operator instead of the intended one, with the owner's rights: the classic privilege escalation PostgreSQL's manual warns about. Either way it is CAUTION, a privilege change to review; the message says whether the search path is pinned.",
    instead: "Prefer SECURITY INVOKER (the default) and grants to the roles that need the data. When a definer function is needed, pin its search path (`SET search_path = pg_catalog, pg_temp`, schema-qualifying everything else), REVOKE EXECUTE \u2026 FROM PUBLIC and grant EXECUTE to the roles that need it.",
    bad: "CREATE FUNCTION purge_user(uid bigint) RETURNS void LANGUAGE sql SECURITY DEFINER AS $$ DELETE FROM users WHERE id = uid $$;",
    good: "CREATE FUNCTION purge_user(uid bigint) RETURNS void LANGUAGE sql AS $$ DELETE FROM public.users WHERE id = uid $$;"
  },
  statements: ["CreateFunctionStmt", "AlterFunctionStmt"],
  check({ statement }) {
    const t = nodeTag(statement.ast);
    if (!t) return [];
    const [tag, v] = t;
    const options = tag === "CreateFunctionStmt" ? v.options : v.actions;
    const { definer: on, pinned } = definer(options);
    if (!on) return [];
    const what2 = tag === "CreateFunctionStmt" ? "This function runs" : "ALTER FUNCTION \u2026 SECURITY DEFINER makes the function run";
    if (pinned) return [{ message: `${what2} with its owner's rights, whoever calls it (its search_path is pinned): check who may EXECUTE it and what it lets them do` }];
    return [{
      message: `${what2} with its owner's rights, whoever calls it, and does not pin search_path: a caller who can put a schema of theirs first on the search_path makes it run their functions or operators with the owner's rights`,
      suggestion: "add SET search_path = pg_catalog, pg_temp to the function (and schema-qualify the objects it uses), or drop SECURITY DEFINER"
    }];
  }
};

// rules/security-sensitive-sql.ts
var HOST_FUNCTIONS = /* @__PURE__ */ new Map([
  ["pg_read_file", "reads a file on the database server"],
  ["pg_read_binary_file", "reads a file on the database server"],
  ["pg_ls_dir", "lists a directory on the database server"],
  ["pg_stat_file", "inspects a file on the database server"],
  ["pg_file_write", "writes a file on the database server"],
  ["pg_file_rename", "renames a file on the database server"],
  ["pg_file_unlink", "deletes a file on the database server"],
  ["lo_import", "reads a server file into a large object"],
  ["lo_export", "writes a large object to a server file"],
  ["dblink", "runs SQL on another server"],
  ["dblink_exec", "runs SQL on another server"],
  ["dblink_connect", "opens a connection to another server"],
  ["dblink_connect_u", "opens a connection to another server without password checks"],
  ["dblink_send_query", "runs SQL on another server"]
]);
var HOST_EXTENSIONS = /* @__PURE__ */ new Map([
  ["adminpack", "writes, renames and deletes files on the database server"],
  ["dblink", "connects to other servers"],
  ["postgres_fdw", "connects to other servers"],
  ["file_fdw", "reads server files and program output as tables"],
  ["plpython3u", "runs untrusted Python with the server's OS rights"],
  ["plpythonu", "runs untrusted Python with the server's OS rights"],
  ["plpython2u", "runs untrusted Python with the server's OS rights"],
  ["plperlu", "runs untrusted Perl with the server's OS rights"],
  ["pltclu", "runs untrusted Tcl with the server's OS rights"],
  ["pg_surgery", "changes heap tuples directly and can corrupt data"]
]);
var UNTRUSTED_LANGUAGES = /* @__PURE__ */ new Set(["c", "internal", "plpython3u", "plpythonu", "plpython2u", "plperlu", "pltclu", "plsh", "plr"]);
var HOST_ROLES = /* @__PURE__ */ new Map([
  ["pg_execute_server_program", "runs programs on the database server"],
  ["pg_read_server_files", "reads any file the server can read"],
  ["pg_write_server_files", "writes any file the server can write"],
  ["pg_signal_backend", "cancels and terminates other sessions"]
]);
var SHADOWABLE_FUNCTIONS = /* @__PURE__ */ new Set([
  "pg_cancel_backend",
  "pg_terminate_backend",
  "pg_backend_pid",
  "set_config",
  "current_setting",
  "current_user",
  "session_user",
  "pg_has_role",
  "has_table_privilege",
  "has_schema_privilege",
  "has_database_privilege",
  "pg_get_userbyid",
  "quote_ident",
  "quote_literal",
  "format",
  "pg_sleep",
  "pg_advisory_lock",
  "pg_try_advisory_lock",
  "pg_advisory_unlock",
  "pg_relation_size",
  "pg_total_relation_size",
  "pg_reload_conf",
  "pg_stat_get_activity"
]);
var BUILTIN_OPERATORS = /* @__PURE__ */ new Set(["=", "<>", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "%", "||", "~~", "!~~", "~~*", "!~~*", "~", "!~", "~*", "!~*", "&&", "@>", "<@"]);
var BUILTIN_TYPES = /* @__PURE__ */ new Set([
  "oid",
  "int2",
  "int4",
  "int8",
  "smallint",
  "integer",
  "int",
  "bigint",
  "text",
  "varchar",
  "name",
  "bool",
  "boolean",
  "numeric",
  "float4",
  "float8",
  "real",
  "regclass",
  "regproc",
  "regtype",
  "char",
  "bpchar",
  "bytea",
  "timestamp",
  "timestamptz",
  "date",
  "uuid",
  "json",
  "jsonb",
  "anyelement",
  "anyarray"
]);
function typeBaseName(arg) {
  const names = stringList(nodeTag(arg)?.[1]?.names);
  return names[names.length - 1];
}
function shadowing(tag, v) {
  if (tag === "CreateFunctionStmt") {
    const names = stringList(v.funcname);
    const name = names[names.length - 1]?.toLowerCase();
    if (name && names[0] !== "pg_catalog" && SHADOWABLE_FUNCTIONS.has(name)) {
      return `CREATE FUNCTION ${names.join(".")} shadows the built-in pg_catalog.${name}: code that calls it unqualified with this schema on its search_path runs this function instead, with its caller's rights`;
    }
  }
  if (tag === "DefineStmt" && v.kind === "OBJECT_OPERATOR") {
    const names = stringList(v.defnames);
    const symbol = names[names.length - 1];
    const args = (v.definition ?? []).map((n) => nodeTag(n)?.[1]).filter((d) => d?.defname === "leftarg" || d?.defname === "rightarg").map((d) => typeBaseName(d.arg));
    if (symbol && names[0] !== "pg_catalog" && BUILTIN_OPERATORS.has(symbol) && args.length > 0 && args.every((a) => a !== void 0 && BUILTIN_TYPES.has(a))) {
      return `CREATE OPERATOR ${names.join(".")} (${args.join(", ")}) redefines a built-in operator on built-in types: an exact type match outranks pg_catalog's operator wherever the schema is on the search_path, so other code's comparisons run this function`;
    }
  }
  return void 0;
}
var POWER_ATTRIBUTES = /* @__PURE__ */ new Map([
  ["superuser", "SUPERUSER bypasses every permission check"],
  ["bypassrls", "BYPASSRLS ignores every row-level security policy"],
  ["isreplication", "REPLICATION can stream the whole cluster's data"],
  ["replication", "REPLICATION can stream the whole cluster's data"]
]);
var CATALOG_FIRST = "puts pg_catalog first in the search_path: what the migration then creates without a schema goes into the system catalog";
function firstPathEntry(args) {
  const first = nodeTag(args?.[0])?.[1]?.sval?.sval;
  return first?.split(",")[0]?.trim().replace(/^"|"$/g, "").toLowerCase();
}
function isTrue(arg) {
  const t = nodeTag(arg);
  if (!t) return true;
  if (t[0] === "Boolean") return t[1].boolval === true;
  if (t[0] === "Integer") return t[1].ival !== 0;
  return true;
}
function calledFunctions(ast) {
  const calls = [];
  for (const call of funcCalls(ast)) {
    const name = stringList(call.funcname).at(-1);
    const args = (call.args ?? []).map((a) => nodeTag(a)?.[1]?.sval?.sval);
    if (name) calls.push({ name: name.toLowerCase(), args });
  }
  return calls;
}
function inPgCatalog(names) {
  return names.length > 1 && names[names.length - 2] === "pg_catalog";
}
function catalogTarget(tag, v) {
  const rel = v.relation;
  if (["UpdateStmt", "DeleteStmt", "InsertStmt", "AlterTableStmt"].includes(tag) && isCatalogRelation(rel)) {
    return `pg_catalog.${rel.relname}`;
  }
  if (tag === "TruncateStmt") {
    const hit = (v.relations ?? []).map((n) => nodeTag(n)?.[1]).find(isCatalogRelation);
    if (hit) return `pg_catalog.${hit.relname}`;
  }
  if (tag === "CreateFunctionStmt" && inPgCatalog(stringList(v.funcname))) return stringList(v.funcname).join(".");
  if (tag === "DefineStmt" && inPgCatalog(stringList(v.defnames))) return stringList(v.defnames).join(".");
  const obj = v.object;
  const owa = nodeTag(obj);
  if (["RenameStmt", "AlterOwnerStmt", "AlterObjectSchemaStmt", "AlterFunctionStmt"].includes(tag)) {
    const names = owa?.[0] === "ObjectWithArgs" ? stringList(owa[1].objname) : owa?.[0] === "List" ? stringList(owa[1].items) : [];
    const func = v.func?.objname;
    const all = names.length ? names : stringList(func);
    if (inPgCatalog(all)) return all.join(".");
    if (rel?.schemaname === "pg_catalog") return `pg_catalog.${rel.relname}`;
  }
  return void 0;
}
var MAY_CALL_REPORTED = new RegExp(`${[...HOST_FUNCTIONS.keys(), "set_config"].join("|")}|u&`, "i");
var REPLICA_ROLE = "SET session_replication_role = replica turns off every ordinary trigger for the rest of the session, the ones that check foreign keys among them: rows the migration writes skip those checks and the triggers' work (audit, denormalised copies), and nothing re-checks them later";
function settingFindings(v) {
  const out = [];
  if (v.kind !== "VAR_RESET" && v.kind !== "VAR_RESET_ALL" && (v.name === "role" || v.name === "session_authorization")) {
    out.push(`SET ${v.name === "role" ? "ROLE" : "SESSION AUTHORIZATION"} runs the rest of the migration as another role, with that role's rights`);
  }
  if (v.kind === "VAR_RESET" && v.name === "session_authorization") {
    out.push("RESET SESSION AUTHORIZATION switches back to the role that opened the session, whatever role the migration was meant to run as");
  }
  if (v.name === "search_path" && firstPathEntry(v.args) === "pg_catalog") {
    out.push(CATALOG_FIRST);
  }
  if (v.name === "session_replication_role" && v.kind === "VAR_SET_VALUE" && firstPathEntry(v.args) === "replica") {
    out.push(REPLICA_ROLE);
  }
  return out;
}
function functionSetting(arg) {
  const set = nodeTag(arg);
  if (set?.[0] !== "VariableSetStmt") return [];
  return settingFindings(set[1]).map((why) => `the function's SET clause applies this whenever it runs: ${why}`);
}
function findings(ast, text) {
  const t = nodeTag(ast);
  if (!t) return [];
  const [tag, v] = t;
  const out = [];
  switch (tag) {
    case "AlterSystemStmt":
      out.push("ALTER SYSTEM rewrites the server's configuration file (postgresql.auto.conf) for every database on the server");
      break;
    case "CreateRoleStmt":
    case "AlterRoleStmt":
      for (const o of v.options ?? []) {
        const d = nodeTag(o)?.[1];
        const why = d?.defname ? POWER_ATTRIBUTES.get(d.defname) : void 0;
        if (why && isTrue(d.arg)) out.push(`${tag === "CreateRoleStmt" ? "CREATE" : "ALTER"} ROLE grants a power attribute: ${why}`);
      }
      break;
    case "GrantRoleStmt":
      if (v.is_grant === true) {
        for (const g of v.granted_roles ?? []) {
          const name = nodeTag(g)?.[1]?.priv_name;
          const why = name ? HOST_ROLES.get(name) : void 0;
          if (why) out.push(`GRANT ${name} gives a role that ${why}`);
        }
      }
      break;
    case "VariableSetStmt":
      out.push(...settingFindings(v));
      break;
    case "AlterRoleSetStmt":
    case "AlterDatabaseSetStmt": {
      const set = v.setstmt;
      const who = tag === "AlterRoleSetStmt" ? "ALTER ROLE \u2026 SET" : "ALTER DATABASE \u2026 SET";
      if (set) for (const why of settingFindings(set)) out.push(`${who} makes this the default of every later session: ${why}`);
      break;
    }
    case "ReassignOwnedStmt": {
      const to = v.newrole;
      const name = to?.rolename ?? to?.roletype?.replace(/^ROLESPEC_/, "").toLowerCase() ?? "another role";
      out.push(`REASSIGN OWNED hands every object the named roles own in this database (and their databases and tablespaces) to ${name}, which may then alter, drop or grant them`);
      break;
    }
    case "AlterTableStmt":
      for (const c of v.cmds ?? []) {
        if (nodeTag(c)?.[1]?.subtype === "AT_DisableTrigAll") {
          out.push("ALTER TABLE \u2026 DISABLE TRIGGER ALL turns off the table's system triggers too, the ones that check its foreign keys: rows written until it is enabled again skip them, and nothing re-checks them later");
        }
      }
      break;
    case "CopyStmt":
      if (v.is_program === true) out.push(`COPY \u2026 ${v.is_from ? "FROM" : "TO"} PROGRAM runs a shell command on the database server`);
      else if (typeof v.filename === "string") out.push(`COPY \u2026 ${v.is_from ? "FROM" : "TO"} '${v.filename}' ${v.is_from ? "reads" : "writes"} a file on the database server`);
      break;
    case "CreateExtensionStmt": {
      const name = String(v.extname ?? "").toLowerCase();
      const why = HOST_EXTENSIONS.get(name);
      if (why) out.push(`CREATE EXTENSION ${name}: an untrusted extension that ${why}`);
      break;
    }
    case "CreatePLangStmt": {
      const name = String(v.plname ?? "").toLowerCase();
      if (UNTRUSTED_LANGUAGES.has(name) || v.pltrusted !== true) out.push(`CREATE LANGUAGE ${name}: functions in an untrusted language run with the server's OS rights`);
      break;
    }
    case "CreateFunctionStmt": {
      for (const o of v.options ?? []) {
        const d = nodeTag(o)?.[1];
        if (d?.defname === "set") out.push(...functionSetting(d.arg));
        if (d?.defname !== "language") continue;
        const lang = nodeTag(d.arg)?.[1]?.sval?.toLowerCase();
        if (lang && UNTRUSTED_LANGUAGES.has(lang)) out.push(`a function in language ${lang} runs with the server's OS rights (or loads native code)`);
      }
      break;
    }
    case "AlterFunctionStmt":
      for (const o of v.actions ?? []) {
        const d = nodeTag(o)?.[1];
        if (d?.defname === "set") out.push(...functionSetting(d.arg));
      }
      break;
    case "CreateForeignServerStmt":
      out.push(`CREATE SERVER \u2026 FOREIGN DATA WRAPPER ${String(v.fdwname ?? "")} connects this database to another server`);
      break;
    case "CreateUserMappingStmt":
      out.push("CREATE USER MAPPING stores credentials for another server");
      break;
  }
  const shadow = shadowing(tag, v);
  if (shadow) out.push(shadow);
  const target = catalogTarget(tag, v);
  if (target) out.push(`changes the system catalog object ${target}: every session on the database (and every tool that inspects it) trusts the catalog`);
  const seen = /* @__PURE__ */ new Set();
  for (const { name, args } of MAY_CALL_REPORTED.test(text) ? calledFunctions(ast) : []) {
    const firstArg = args[0]?.toLowerCase();
    const why = HOST_FUNCTIONS.get(name) ?? (name === "set_config" && (firstArg === "role" || firstArg === "session_authorization") ? `switches to another role ('${firstArg}'), with that role's rights` : void 0) ?? (name === "set_config" && firstArg === "search_path" && /^\s*"?pg_catalog"?\s*(,|$)/i.test(args[1] ?? "") ? CATALOG_FIRST.replace("puts", "which puts") : void 0) ?? (name === "set_config" && firstArg === "session_replication_role" && args[1]?.trim().toLowerCase() === "replica" ? REPLICA_ROLE.replace(/^SET session_replication_role = replica/, "sets session_replication_role to replica, which") : void 0);
    if (why && !seen.has(name)) {
      seen.add(name);
      out.push(`calls ${name}(), which ${why}`);
    }
  }
  return out;
}
var rule78 = {
  id: "security-sensitive-sql",
  risk: "DANGEROUS",
  title: "The migration reaches outside the database: programs, server files, server settings, other servers or roles' powers",
  docs: {
    why: "A schema migration changes tables, columns, indexes and the data in them. Running programs on the database server (COPY \u2026 PROGRAM, untrusted languages such as plpython3u or C), reading or writing its files (pg_read_file, lo_import, COPY to or from a server file, adminpack), changing the server's configuration (ALTER SYSTEM), connecting to other servers (dblink, postgres_fdw), handing out SUPERUSER, BYPASSRLS or REPLICATION, switching roles (SET ROLE, SET SESSION AUTHORIZATION), handing every object of a role to another (REASSIGN OWNED), granting the predefined roles that do any of that, turning off the triggers that enforce foreign keys (SET session_replication_role = replica, DISABLE TRIGGER ALL), also as the default of a role, database or function (ALTER ROLE/DATABASE \u2026 SET, a function's SET clause), or changing the system catalog itself is not schema work, and in a pull request it may be an attack: production runs migrations with real privileges. migration-guard reports these statically, so the gate holds with or without a dry-run, also when they sit in a DO block or a function body (a function runs later, with its caller's rights).",
    lock: "Not a locking problem: the risk is what the statement can do to the server.",
    instead: "Do server administration (roles, configuration, extensions that reach the host, foreign servers) as a reviewed operations change outside application migrations, by someone who holds those rights. Load data with COPY \u2026 FROM STDIN from the deploy tooling. If this really belongs in the migration, have it approved with /approve-migration.",
    bad: "ALTER SYSTEM SET shared_preload_libraries = 'evil';",
    good: "CREATE EXTENSION IF NOT EXISTS pgcrypto; -- a trusted extension"
  },
  functionBodies: true,
  check({ statement }) {
    const inBody = statement.nestedIn?.kind === "function-body" ? " (in a function body: it runs when the function is called, with the caller's rights)" : "";
    return findings(statement.ast, statement.text).map((message) => ({ message: message.charAt(0).toUpperCase() + message.slice(1) + inBody }));
  }
};

// src/analyze/type-pool.ts
var pools = /* @__PURE__ */ new WeakMap();
function knownType(facts, t) {
  const key = shapeKey(t);
  if (key === void 0) return { text: typeNameText(t), declared: declaredType(t) };
  let pool = pools.get(facts);
  if (!pool) pools.set(facts, pool = /* @__PURE__ */ new Map());
  let known2 = pool.get(key);
  if (!known2) pool.set(key, known2 = { text: typeNameText(t), declared: declaredType(t) });
  return known2;
}
function shapeKey(t) {
  let key = "";
  const fields = t;
  for (const field in fields) {
    const v = fields[field];
    if (field === "location") continue;
    if (field === "typemod" && typeof v === "number") key += `m${v};`;
    else if (field === "names" && Array.isArray(v)) {
      for (const n of v) {
        const s = only(n, "String");
        const sval = only(s, "sval");
        if (typeof sval !== "string") return void 0;
        key += `n${sval}\0`;
      }
      key += ";";
    } else if (field === "typmods" && Array.isArray(v)) {
      for (const m of v) {
        const ival = integerOf(only(m, "A_Const"), "ival", "location");
        if (ival === void 0) return void 0;
        key += `t${ival},`;
      }
      key += ";";
    } else if (field === "arrayBounds" && Array.isArray(v)) {
      for (const b of v) {
        const ival = integerOf(b, "Integer");
        if (ival === void 0) return void 0;
        key += `a${ival},`;
      }
      key += ";";
    } else return void 0;
  }
  return key;
}
function only(o, name, also) {
  if (o === null || typeof o !== "object") return void 0;
  for (const k in o) if (k !== name && k !== also) return void 0;
  return o[name];
}
function integerOf(o, name, also) {
  const inner = only(o, name, also);
  if (inner === null || typeof inner !== "object") return void 0;
  const ival = inner.ival;
  for (const k in inner) if (k !== "ival") return void 0;
  if (ival === void 0) return 0;
  return typeof ival === "number" ? ival : void 0;
}

// src/analyze/track.ts
function newFacts() {
  return { columnTypes: /* @__PURE__ */ new Map(), columnTypeNames: /* @__PURE__ */ new Map(), functionVolatility: /* @__PURE__ */ new Map(), enums: /* @__PURE__ */ new Set(), notNullColumns: /* @__PURE__ */ new Set() };
}
function tableOf(state, rel) {
  const name = relationName(rel);
  return name === void 0 ? void 0 : sharedName(state, name);
}
function setColumnType(state, key, t) {
  if (!t) {
    state.facts.columnTypes.set(key, typeNameText(t));
    state.facts.columnTypeNames.delete(key);
    return;
  }
  const known2 = knownType(state.facts, t);
  state.facts.columnTypes.set(key, known2.text);
  state.facts.columnTypeNames.set(key, known2.declared);
}
function forgetColumn(state, key) {
  state.facts.columnTypes.delete(key);
  state.facts.columnTypeNames.delete(key);
  state.facts.notNullColumns.delete(key);
}
function newRunState(opts) {
  return {
    pgVersion: opts.pgVersion,
    ...opts.pgMinorVersion !== void 0 ? { pgMinorVersion: opts.pgMinorVersion } : {},
    ...opts.pgVersionAssumed ? { pgVersionAssumed: true } : {},
    path: "",
    runnerTransaction: "none",
    tx: { active: false, explicit: false, id: 0, hasDdl: false, hasDml: false },
    newTables: /* @__PURE__ */ new Set(),
    newIndexes: /* @__PURE__ */ new Set(),
    newSchemas: /* @__PURE__ */ new Set(),
    newTypes: /* @__PURE__ */ new Set(),
    newColumns: /* @__PURE__ */ new Set(),
    constraintsByTable: /* @__PURE__ */ new Map(),
    indexedColumns: /* @__PURE__ */ new Map(),
    lockTimeout: false,
    statementTimeout: false,
    tableStats: opts.tableStats ?? /* @__PURE__ */ new Map(),
    statementCount: 0,
    earlierInFile: new FileSteps(),
    facts: opts.facts ?? newFacts(),
    learningOnly: false,
    routines: /* @__PURE__ */ new Map(),
    names: /* @__PURE__ */ new Map()
  };
}
function beginFile(state, path, runner, learningOnly, layout, oneQueryString = false) {
  state.path = path;
  if (layout) state.layout = layout;
  else delete state.layout;
  state.oneQueryString = oneQueryString;
  state.fileForeignKeys = [];
  state.fileDroppedKeys = [];
  state.runnerTransaction = runner;
  state.learningOnly = learningOnly;
  state.lockTimeout = false;
  state.statementTimeout = false;
  state.statementCount = 0;
  state.earlierInFile = new FileSteps();
  state.tx = { active: runner === "wrapped" || oneQueryString, explicit: false, id: state.tx.id + 1, hasDdl: false, hasDml: false };
}
var DML = /* @__PURE__ */ new Set(["UPDATE_VALUES", "DELETE_ROWS", "INSERT_ROWS"]);
var NOT_DDL = /* @__PURE__ */ new Set(["TRANSACTION_CONTROL", "SET_SETTING", "OTHER", "COMMENT", "GRANT", "UPDATE_VALUES", "DELETE_ROWS", "INSERT_ROWS", "ANALYZE"]);
function track(state, stmt, ops, remembered) {
  state.statementCount++;
  const [tag, v] = nodeTag(stmt.ast) ?? ["", {}];
  const step = state.learningOnly ? stmt : remembered ?? { ...stmt, ast: tagOnly(stmt.ast) };
  if (tag === "TransactionStmt") {
    recordStep(state, step, ops);
    trackTransaction(state, v, stmt);
    return;
  }
  if (!state.tx.active && !stmt.nestedIn) {
    state.tx = { ...state.tx, id: state.tx.id + 1, blockingStatements: void 0, hasDdl: false, hasDml: false };
  }
  recordStep(state, step, ops);
  trackBlockingStatement(state, tag, stmt, ops);
  for (const op of ops) {
    if (DML.has(op.kind)) state.tx.hasDml = true;
    else if (!NOT_DDL.has(op.kind)) state.tx.hasDdl = true;
  }
  switch (tag) {
    case "VariableSetStmt":
      return trackSetting(state, v);
    case "CreateStmt":
      return trackCreateTable(state, v, stmt);
    case "CreateTableAsStmt": {
      const name = tableOf(state, v.into?.rel);
      if (name && !state.learningOnly) state.newTables.add(name);
      if (name && v.objtype === "OBJECT_MATVIEW") (state.views ??= /* @__PURE__ */ new Set()).add(name), state.viewDefinitions?.delete(name);
      return;
    }
    case "ViewStmt": {
      const view = v;
      const name = relationName(view.view);
      if (!name) return;
      if (!view.replace && !state.learningOnly) state.newTables.add(name);
      (state.views ??= /* @__PURE__ */ new Set()).add(name);
      (state.viewDefinitions ??= /* @__PURE__ */ new Map()).set(name, v);
      return;
    }
    case "DropStmt": {
      const d = v;
      if (d.removeType === "OBJECT_TABLE") {
        for (const o of d.objects ?? []) {
          const name = qualifiedFromList(as(o, "List")?.items);
          if (name) forgetConstraints(state, name);
        }
      }
      const indexes = state.facts.indexTables;
      if (indexes && (d.removeType === "OBJECT_INDEX" || d.removeType === "OBJECT_TABLE")) {
        for (const o of d.objects ?? []) {
          const name = qualifiedFromList(as(o, "List")?.items);
          if (!name) continue;
          if (d.removeType === "OBJECT_INDEX") indexes.delete(name);
          else for (const [index, table] of indexes) if (table === name) indexes.delete(index);
        }
        return;
      }
      if (d.removeType !== "OBJECT_VIEW" && d.removeType !== "OBJECT_MATVIEW") return;
      for (const o of d.objects ?? []) {
        const name = qualifiedFromList(as(o, "List")?.items);
        if (name) state.views?.delete(name), state.viewDefinitions?.delete(name);
      }
      return;
    }
    case "IndexStmt":
      return trackIndex(state, v);
    case "InsertStmt":
    case "CopyStmt": {
      const table = tableOf(state, v.relation);
      if (table && state.newTables.has(table)) (state.seededTables ??= /* @__PURE__ */ new Set()).add(table);
      return;
    }
    case "AlterTableStmt":
      return trackAlter(state, v, stmt);
    case "RenameStmt":
      return trackRename(state, v);
    case "CreateSchemaStmt": {
      const name = v.schemaname;
      if (name && !state.learningOnly) state.newSchemas.add(name);
      return;
    }
    case "CreateEnumStmt": {
      const name = qualifiedFromList(v.typeName);
      if (name) {
        state.facts.enums.add(name);
        if (!state.learningOnly) state.newTypes.add(name);
      }
      return;
    }
    case "CompositeTypeStmt":
    case "CreateDomainStmt":
    case "CreateRangeStmt": {
      const list = tag === "CreateDomainStmt" ? v.domainname : v.typeName;
      const name = qualifiedFromList(Array.isArray(list) ? list : void 0) ?? relationName(v.typevar);
      if (name && !state.learningOnly) state.newTypes.add(name);
      return;
    }
    case "CreateFunctionStmt":
      return trackFunction(state, v);
    case "CreateExtensionStmt": {
      const name = v.extname?.toLowerCase();
      if (name) (state.facts.extensions ??= /* @__PURE__ */ new Set()).add(name);
      return;
    }
    case "DefineStmt": {
      const d = v;
      const name = d.kind === "OBJECT_AGGREGATE" ? stringList(d.defnames).at(-1)?.toLowerCase() : void 0;
      if (name) (state.facts.aggregates ??= /* @__PURE__ */ new Set()).add(name);
      return;
    }
    case "CreatePolicyStmt": {
      const table = tableOf(state, v.table);
      if (table) (state.facts.policyTables ??= /* @__PURE__ */ new Set()).add(table);
      return;
    }
    default:
      return;
  }
}
function trackBlockingStatement(state, tag, stmt, ops) {
  if (tag !== "AlterTableStmt" && tag !== "RenameStmt") return;
  const tables = new Set(ops.filter((o) => o.table && o.lock === "AccessExclusiveLock" && !o.targetIsNew).map((o) => o.table));
  if (tables.size === 0) return;
  const byTable = state.tx.blockingStatements ??= /* @__PURE__ */ new Map();
  for (const t of tables) {
    const list = byTable.get(t);
    if (list) list.push(stmt.text);
    else byTable.set(t, [stmt.text]);
  }
}
function recordForeignKey(state, table, columns, c, stmt) {
  if (state.learningOnly || !stmt || columns.length === 0) return;
  const ref = { table, columns, position: { line: stmt.line, column: stmt.column } };
  const referenced = relationName(c.pktable);
  if (referenced) ref.referencedTable = referenced;
  if (c.conname) ref.name = c.conname;
  (state.fileForeignKeys ??= []).push(ref);
}
function recordStep(state, stmt, ops) {
  if (state.learningOnly) return;
  (state.earlierInFile ??= new FileSteps()).push({
    statement: stmt,
    operations: ops,
    txId: state.tx.id,
    inTransaction: state.tx.active,
    lockTimeout: state.lockTimeout,
    statementTimeout: state.statementTimeout
  });
}
function trackTransaction(state, t, stmt) {
  switch (t.kind) {
    case "TRANS_STMT_BEGIN":
    case "TRANS_STMT_START":
      if (state.tx.active) {
        if (state.oneQueryString && !state.tx.explicit) state.tx.beganAt ??= { line: stmt.line, column: stmt.column };
        state.tx.explicit = true;
        return;
      }
      state.tx = { active: true, explicit: true, id: state.tx.id + 1, beganAt: { line: stmt.line, column: stmt.column }, hasDdl: false, hasDml: false };
      return;
    case "TRANS_STMT_COMMIT":
    case "TRANS_STMT_ROLLBACK":
    case "TRANS_STMT_COMMIT_PREPARED":
    case "TRANS_STMT_ROLLBACK_PREPARED":
    case "TRANS_STMT_PREPARE":
      if (state.tx.timeoutsBefore) {
        state.lockTimeout = state.tx.timeoutsBefore.lockTimeout;
        state.statementTimeout = state.tx.timeoutsBefore.statementTimeout;
      }
      state.tx = { active: state.oneQueryString === true, explicit: false, id: state.tx.id + 1, hasDdl: false, hasDml: false };
      return;
    default:
      return;
  }
}
function settingValue(v) {
  const arg = v.args?.[0];
  const c = as(arg, "A_Const");
  if (!c) return "";
  if (c.sval) return String(c.sval.sval ?? "");
  return String(c.ival?.ival ?? 0);
}
function trackSetting(state, v) {
  const name = v.name?.toLowerCase();
  if (name !== "lock_timeout" && name !== "statement_timeout") {
    if (v.kind === "VAR_RESET_ALL") {
      state.lockTimeout = false;
      state.statementTimeout = false;
    }
    return;
  }
  const on = v.kind === "VAR_SET_VALUE" && !/^0(ms|s)?$/i.test(settingValue(v).trim());
  if (v.is_local) {
    if (!state.tx.active) return;
    state.tx.timeoutsBefore ??= { lockTimeout: state.lockTimeout, statementTimeout: state.statementTimeout };
  }
  if (name === "lock_timeout") state.lockTimeout = on;
  else state.statementTimeout = on;
}
function recordIndex(state, table, columns) {
  const list = state.indexedColumns.get(table);
  if (!list) state.indexedColumns.set(table, [columns]);
  else if (list.length < INDEX_LIST_COPIED) state.indexedColumns.set(table, [...list, columns]);
  else list.push(columns);
}
var INDEX_LIST_COPIED = 8;
function trackCreateTable(state, v, stmt) {
  const table = tableOf(state, v.relation);
  if (!table) return;
  if (!state.learningOnly) state.newTables.add(table);
  if (v.partspec) (state.facts.partitionedTables ??= /* @__PURE__ */ new Set()).add(table);
  const parent = v.partbound ? tableOf(state, as(v.inhRelations?.[0], "RangeVar")) : void 0;
  if (parent) {
    const partitions = state.facts.partitions ??= /* @__PURE__ */ new Map();
    const list = partitions.get(parent);
    if (list) list.push(table);
    else partitions.set(parent, [table]);
  }
  const keys = [];
  for (const elt of v.tableElts ?? []) {
    const col = as(elt, "ColumnDef");
    if (col?.colname) {
      const key = `${table}.${col.colname}`;
      setColumnType(state, key, col.typeName);
      const pk = trackColumnConstraints(state, table, key, col, true, stmt);
      if (pk) keys.push(pk);
    }
    const con = as(elt, "Constraint");
    if (con?.contype === "CONSTR_PRIMARY") keys.push(con);
    else if (con) trackConstraint(state, table, con, true);
    if (con?.contype === "CONSTR_PRIMARY") for (const k of keyColumns(con.keys)) state.facts.notNullColumns.add(`${table}.${k}`);
    if (con?.contype === "CONSTR_FOREIGN") recordForeignKey(state, table, keyColumns(con.fk_attrs), con, stmt);
  }
  for (const k of keys) trackConstraint(state, table, k, true);
}
function trackColumnConstraints(state, table, key, def, tableIsNew, stmt) {
  const column = def.colname;
  let pk;
  for (const c of (def.constraints ?? []).map((n) => as(n, "Constraint"))) {
    if (c?.contype === "CONSTR_UNIQUE") recordIndex(state, table, [column]);
    if (c?.contype === "CONSTR_PRIMARY" || c?.contype === "CONSTR_NOTNULL") state.facts.notNullColumns.add(key);
    if (c?.contype === "CONSTR_PRIMARY") pk = { ...c, keys: [{ String: { sval: column } }] };
    if (c?.contype === "CONSTR_FOREIGN") recordForeignKey(state, table, [column], c, stmt);
    if (c?.contype === "CONSTR_CHECK") trackConstraint(state, table, c, tableIsNew);
  }
  return pk;
}
function primaryKeyColumns(state, table, c) {
  const keys = keyColumns(c.keys);
  if (keys.length > 0 || !c.indexname) return keys;
  const schema = table.split(".")[0] ?? "public";
  return state.indexDefinitions?.get(`${schema}.${c.indexname}`) ?? [];
}
function trackIndex(state, v) {
  const table = tableOf(state, v.relation);
  if (!table) return;
  if (!v.whereClause) recordIndex(state, table, keyColumns(v.indexParams));
  if (v.idxname && !state.learningOnly) state.newIndexes.add(qualifiedName(v.relation?.schemaname, v.idxname));
  if (v.idxname) (state.indexDefinitions ??= /* @__PURE__ */ new Map()).set(qualifiedName(v.relation?.schemaname, v.idxname), keyColumns(v.indexParams));
  if (v.idxname && !(v.if_not_exists && state.facts.indexTables?.has(qualifiedName(v.relation?.schemaname, v.idxname)))) (state.facts.indexTables ??= /* @__PURE__ */ new Map()).set(qualifiedName(v.relation?.schemaname, v.idxname), table);
  if (v.idxname && state.facts.partitionedTables?.has(table)) (state.facts.partitionedIndexes ??= /* @__PURE__ */ new Set()).add(qualifiedName(v.relation?.schemaname, v.idxname));
  const elems = (v.indexParams ?? []).map((p) => as(p, "IndexElem"));
  if (v.whereClause || elems.some((e) => e?.expr)) {
    const columns = columnRefs([elems.map((e) => e?.expr), v.whereClause]).concat(elems.map((e) => e?.name).filter((n) => !!n));
    const map = state.alwaysRebuiltIndexColumns ??= /* @__PURE__ */ new Map();
    let set = map.get(table);
    if (!set) map.set(table, set = /* @__PURE__ */ new Set());
    for (const c of columns) set.add(c);
  }
}
function trackConstraint(state, table, c, tableIsNew, added = false) {
  const kinds = {
    CONSTR_CHECK: "check",
    CONSTR_FOREIGN: "foreign-key",
    CONSTR_UNIQUE: "unique",
    CONSTR_PRIMARY: "primary-key",
    CONSTR_EXCLUSION: "exclusion",
    CONSTR_NOTNULL: "not-null"
  };
  const kind = kinds[c.contype ?? ""];
  if (!kind) return;
  if (kind === "unique" || kind === "primary-key") recordIndex(state, table, keyColumns(c.keys));
  const name = c.conname ?? (kind === "primary-key" ? c.indexname ?? primaryKeyName(state, table) : `${table}#${state.statementCount}`);
  const known2 = {
    table,
    name,
    kind,
    validated: !c.skip_validation || tableIsNew,
    addedInTx: state.tx.id
  };
  if (added && c.skip_validation && tableIsNew) known2.catalogNotValid = true;
  const notNullColumns = kind === "check" ? notNullChecked(c.raw_expr) : [];
  if (notNullColumns.length > 0) known2.notNullColumns = notNullColumns;
  if (kind === "check") known2.columns = columnRefs(c.raw_expr);
  setConstraint(state, table, name, known2);
}
function setConstraint(state, table, name, known2) {
  let onTable = state.constraintsByTable.get(table);
  if (!onTable) state.constraintsByTable.set(table, onTable = /* @__PURE__ */ new Map());
  if (!onTable.has(name)) countKeyName(state, table, name, 1);
  onTable.set(name, known2);
}
function deleteConstraint(state, table, name) {
  if (state.constraintsByTable.get(table)?.delete(name)) countKeyName(state, table, name, -1);
}
function countKeyName(state, table, name, by) {
  if (!KEY_NAME.test(name)) return;
  const q = `${table.slice(0, table.lastIndexOf("."))}.${name}`;
  const n = (state.keyNames?.get(q) ?? 0) + by;
  if (n > 0) (state.keyNames ??= /* @__PURE__ */ new Map()).set(q, n);
  else state.keyNames?.delete(q);
}
function forgetConstraints(state, table) {
  for (const c of [...constraintsOn(state, table)]) deleteConstraint(state, table, c.name);
  state.constraintsByTable.delete(table);
}
function keyByNameOnly(state, table, name) {
  return KEY_NAME.test(name) && ![...constraintsOn(state, table)].some((c) => c.kind === "primary-key");
}
function dropConstraint(state, table, name) {
  const known2 = constraintNamed(state, table, name);
  if (known2) {
    deleteConstraint(state, table, name);
    return known2.kind;
  }
  return keyByNameOnly(state, table, name) ? "primary-key" : void 0;
}
function notNullChecked(expr) {
  const bool = as(expr, "BoolExpr");
  if (bool?.boolop === "AND_EXPR") return (bool.args ?? []).flatMap((a) => notNullChecked(a));
  let test = as(expr, "NullTest");
  let wanted = "IS_NOT_NULL";
  if (bool?.boolop === "NOT_EXPR" && bool.args?.length === 1) {
    test = as(bool.args[0], "NullTest");
    wanted = "IS_NULL";
  }
  if (!test || test.nulltesttype !== wanted) return [];
  const parts = stringList(as(test.arg, "ColumnRef")?.fields);
  const column = parts[parts.length - 1];
  return column ? [column] : [];
}
function trackAlter(state, v, stmt) {
  const table = tableOf(state, v.relation);
  if (table) state.viewDefinitions?.delete(table);
  if (!table || v.objtype && v.objtype !== "OBJECT_TABLE") return;
  const isNew = state.newTables.has(table);
  for (const cmdNode of v.cmds ?? []) {
    const c = as(cmdNode, "AlterTableCmd");
    if (!c) continue;
    switch (c.subtype) {
      case "AT_AddColumn": {
        const def = as(c.def, "ColumnDef");
        if (!def?.colname) break;
        const key = `${table}.${def.colname}`;
        setColumnType(state, key, def.typeName);
        if (!state.learningOnly) state.newColumns.add(key);
        const pk = trackColumnConstraints(state, table, key, def, isNew, stmt);
        if (pk) trackConstraint(state, table, pk, isNew, true);
        break;
      }
      case "AT_SetNotNull":
        if (c.name) state.facts.notNullColumns.add(`${table}.${c.name}`);
        break;
      case "AT_DropNotNull":
        if (c.name) state.facts.notNullColumns.delete(`${table}.${c.name}`);
        break;
      case "AT_DropColumn":
        if (c.name) forgetColumn(state, `${table}.${c.name}`);
        break;
      case "AT_AlterColumnType": {
        const def = as(c.def, "ColumnDef");
        if (c.name) setColumnType(state, `${table}.${c.name}`, def?.typeName);
        break;
      }
      case "AT_AddConstraint": {
        const con = as(c.def, "Constraint");
        if (con) trackConstraint(state, table, con, isNew, true);
        if (con?.contype === "CONSTR_PRIMARY") for (const k of primaryKeyColumns(state, table, con)) state.facts.notNullColumns.add(`${table}.${k}`);
        if (con?.contype === "CONSTR_FOREIGN") recordForeignKey(state, table, keyColumns(con.fk_attrs), con, stmt);
        break;
      }
      case "AT_ValidateConstraint": {
        const known2 = c.name ? constraintNamed(state, table, c.name) : void 0;
        if (known2) {
          known2.validated = true;
          delete known2.catalogNotValid;
        } else if (c.name) setConstraint(state, table, c.name, { table, name: c.name, kind: "check", validated: true, addedInTx: -1 });
        break;
      }
      case "AT_DropConstraint": {
        if (!c.name) break;
        const dropped = dropConstraint(state, table, c.name);
        if (dropped === "primary-key" && !isNew && !state.learningOnly && stmt && stmt.nestedIn?.kind !== "function-body") {
          (state.fileDroppedKeys ??= []).push({
            table,
            name: c.name,
            cascade: c.behavior === "DROP_CASCADE",
            txId: state.tx.id,
            position: { line: stmt.line, column: stmt.column }
          });
        }
        break;
      }
      default:
        break;
    }
  }
}
function trackRename(state, v) {
  const table = tableOf(state, v.relation);
  if (!table || !v.newname) return;
  trackViewRename(state, v, table);
  if (v.renameType === "OBJECT_TABCONSTRAINT" && v.subname) {
    const known2 = constraintNamed(state, table, v.subname);
    if (known2 || keyByNameOnly(state, table, v.subname)) {
      deleteConstraint(state, table, v.subname);
      setConstraint(state, table, v.newname, known2 ? { ...known2, name: v.newname } : { table, name: v.newname, kind: "primary-key", validated: true, addedInTx: -1 });
    }
  }
  if (v.renameType === "OBJECT_TABLE") {
    const to = qualifiedName(v.relation?.schemaname, v.newname);
    const onTable = state.constraintsByTable.get(table);
    if (onTable && to !== table) {
      forgetConstraints(state, to);
      state.constraintsByTable.delete(table);
      for (const c of onTable.values()) c.table = to;
      state.constraintsByTable.set(to, onTable);
    }
  }
  if (v.renameType === "OBJECT_INDEX" && (state.keyNames?.get(table) ?? 0) > 0) {
    const old = table.slice(table.lastIndexOf(".") + 1);
    const schema = table.slice(0, table.lastIndexOf("."));
    for (const [on, constraints] of state.constraintsByTable) {
      const c = on.slice(0, on.lastIndexOf(".")) === schema ? constraints.get(old) : void 0;
      if (c?.kind !== "primary-key" && c?.kind !== "unique") continue;
      deleteConstraint(state, on, old);
      setConstraint(state, on, v.newname, { ...c, name: v.newname });
      break;
    }
  }
  const indexes = state.facts.indexTables;
  if (indexes && v.renameType === "OBJECT_INDEX") {
    const on = indexes.get(table);
    if (on !== void 0) indexes.delete(table), indexes.set(qualifiedName(v.relation?.schemaname, v.newname), on);
  }
  if (indexes && v.renameType === "OBJECT_TABLE") {
    const to = qualifiedName(v.relation?.schemaname, v.newname);
    for (const [index, on] of indexes) if (on === table) indexes.set(index, to);
  }
  if (v.renameType === "OBJECT_TABLE" && state.newTables.has(table)) {
    state.newTables.add(qualifiedName(v.relation?.schemaname, v.newname));
  }
  if (v.renameType === "OBJECT_COLUMN" && v.subname) {
    const type = state.facts.columnTypes.get(`${table}.${v.subname}`);
    if (type) state.facts.columnTypes.set(`${table}.${v.newname}`, type);
    const typeName = state.facts.columnTypeNames.get(`${table}.${v.subname}`);
    if (typeName) state.facts.columnTypeNames.set(`${table}.${v.newname}`, typeName);
  }
  if (v.renameType === "OBJECT_TABLE") {
    const to = qualifiedName(v.relation?.schemaname, v.newname);
    if (state.facts.partitionedTables?.delete(table)) state.facts.partitionedTables.add(to);
    const moved = (key) => key.startsWith(`${table}.`) && !key.slice(table.length + 1).includes(".") ? `${to}.${key.slice(table.length + 1)}` : void 0;
    for (const map of [state.facts.columnTypes, state.facts.columnTypeNames]) {
      for (const [key, value] of [...map.entries()]) {
        const k = moved(key);
        if (k) map.delete(key), map.set(k, value);
      }
    }
    for (const key of [...state.facts.notNullColumns]) {
      const k = moved(key);
      if (k) state.facts.notNullColumns.delete(key), state.facts.notNullColumns.add(k);
    }
  }
}
function trackViewRename(state, v, view) {
  if (!state.views?.has(view)) return;
  const def = state.viewDefinitions?.get(view);
  state.viewDefinitions?.delete(view);
  if (v.renameType === "OBJECT_COLUMN" || !["OBJECT_TABLE", "OBJECT_VIEW", "OBJECT_MATVIEW"].includes(v.renameType ?? "")) return;
  const to = qualifiedName(v.relation?.schemaname, v.newname);
  state.views.delete(view);
  state.views.add(to);
  if (def?.view) state.viewDefinitions.set(to, { ...def, view: { ...def.view, relname: v.newname } });
}
function trackFunction(state, v) {
  const name = stringList(v.funcname).at(-1)?.toLowerCase();
  if (!name) return;
  let vol = "v";
  for (const o of v.options ?? []) {
    const d = as(o, "DefElem");
    if (d?.defname === "volatility") {
      const val = as(d.arg, "String")?.sval;
      vol = val === "immutable" ? "i" : val === "stable" ? "s" : "v";
    } else if (d?.defname === "as" && !state.facts.routinesMadeDynamically) {
      const body = stringList(as(d.arg, "List")?.items).join("\n");
      if (/\bexecute\b/i.test(body) && /\bcreate\s+(?:or\s+replace\s+)?(?:function|procedure)\b/i.test(body)) state.facts.routinesMadeDynamically = true;
    }
  }
  state.facts.functionVolatility.set(name, vol);
}
function settleNewObjects(state) {
  state.newTables.clear();
  state.newIndexes.clear();
  state.newSchemas.clear();
  state.newTypes.clear();
  state.newColumns.clear();
  state.seededTables?.clear();
}

// rules/set-not-null-without-check.ts
function nullableKeyColumns(state, table, columns) {
  return columns.filter((c) => state.facts.columnTypes.has(`${table}.${c}`) && !state.facts.notNullColumns.has(`${table}.${c}`) && !(state.pgVersion >= 12 && notNullChecks(state, table, c).some((k) => k.validated)));
}
function notNullChecks(state, table, column) {
  return [...constraintsOn(state, table)].filter((c) => c.table === table && (c.notNullColumns ?? []).includes(column)).map((c) => c.catalogNotValid ? { ...c, validated: false } : c);
}
function safeSteps(state, table, column) {
  const name = defaultConstraintName(table, [column], "not_null");
  const t = alterTable(table);
  const col = ident(column);
  if (state.pgVersion >= 18) {
    return `${t} ADD CONSTRAINT ${ident(name)} NOT NULL ${col} NOT VALID;
-- then, in a separate transaction (the next migration): scans without blocking reads or writes
${t} VALIDATE CONSTRAINT ${ident(name)};`;
  }
  if (state.pgVersion >= 12) {
    return `${t} ADD CONSTRAINT ${ident(name)} CHECK (${col} IS NOT NULL) NOT VALID;
-- then, in a separate transaction (the next migration):
${t} VALIDATE CONSTRAINT ${ident(name)};
${t} ALTER COLUMN ${col} SET NOT NULL;  -- no scan: the validated CHECK proves it
${t} DROP CONSTRAINT ${ident(name)};`;
  }
  return `-- PostgreSQL ${state.pgVersion}: SET NOT NULL always scans the table; enforce it with a CHECK instead
${t} ADD CONSTRAINT ${ident(name)} CHECK (${col} IS NOT NULL) NOT VALID;
-- then, in a separate transaction (the next migration):
${t} VALIDATE CONSTRAINT ${ident(name)};`;
}
var rule79 = {
  id: "set-not-null-without-check",
  risk: "DANGEROUS",
  title: "SET NOT NULL on an existing column scans the whole table under an ACCESS EXCLUSIVE lock",
  sizeSensitive: true,
  docs: {
    why: "ALTER COLUMN ... SET NOT NULL reads every row to prove there is no NULL, holding an ACCESS EXCLUSIVE lock the whole time: nothing can read or write the table until the scan ends, and the statement fails if a NULL is found. Since PostgreSQL 12 the scan is skipped when a validated CHECK (column IS NOT NULL) constraint already proves it. ADD PRIMARY KEY USING INDEX does the same implicit SET NOT NULL on any key column the history shows nullable (CAUTION when the history does not show the index or its columns, so nullability is unknown). Any top-level AND term of the CHECK counts (CHECK (c > 0 AND c IS NOT NULL) proves it; CHECK (c > 0) alone lets NULL through and proves nothing). When the file validates a constraint whose definition the history does not show and whose name mentions the column, the scan may be skipped: CAUTION.",
    lock: "ACCESS EXCLUSIVE on the table (blocks reads and writes) for a full scan.",
    instead: "PostgreSQL 12+: add CHECK (column IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT in a separate transaction (no blocking), then SET NOT NULL (instant, it uses the check) and drop the CHECK. PostgreSQL 18+: ADD CONSTRAINT ... NOT NULL column NOT VALID, then VALIDATE CONSTRAINT. Before 12 there is no online way: keep the validated CHECK as the constraint, or run SET NOT NULL in a maintenance window.",
    bad: "ALTER TABLE orders ALTER COLUMN status SET NOT NULL;",
    good: "ALTER TABLE orders ADD CONSTRAINT orders_status_not_null CHECK (status IS NOT NULL) NOT VALID;",
    equivalents: { squawk: "adding-not-nullable-field", strongMigrations: "change_column_null", eugene: "E2, W14", pgfence: "ALTER COLUMN checks" }
  },
  statements: ["AlterTableStmt"],
  check({ statement, operations, state }) {
    if (!runsDuringMigration(statement)) return [];
    const hits = [];
    const cmds = alterCmds(statement);
    operations.forEach((op, i) => {
      const con = op.kind === "ADD_PRIMARY_KEY" && op.usingIndex && op.table && onExistingTable(op) ? addedConstraint(cmds[i]) : void 0;
      if (con && op.table) {
        const table2 = op.table;
        const keys = primaryKeyColumns(state, table2, con);
        const nullable = nullableKeyColumns(state, table2, keys);
        const unknown = keys.length === 0 || keys.some((c) => !state.facts.columnTypes.has(`${table2}.${c}`));
        if (nullable.length === 0 && unknown) {
          hits.push({
            operation: i,
            risk: "CAUTION",
            message: `ADD PRIMARY KEY USING INDEX ${con.indexname ?? ""} on ${table2}: the history does not show ${keys.length === 0 ? "the index's columns" : "whether its columns are NOT NULL"}; any nullable key column gets an implicit SET NOT NULL first, which scans every row under an ACCESS EXCLUSIVE lock (reads and writes wait)`,
            suggestion: `-- make sure every key column is NOT NULL first (on PostgreSQL 12+: a CHECK (col IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL), then:
${statement.text.trim().replace(/;?$/, ";")}`
          });
        }
        if (nullable.length > 0) {
          hits.push({
            operation: i,
            message: `ADD PRIMARY KEY USING INDEX ${con.indexname ?? ""} on ${table2}: ${nullable.join(", ")} ${nullable.length > 1 ? "are" : "is"} nullable in the history, so PostgreSQL first runs an implicit SET NOT NULL that scans every row under an ACCESS EXCLUSIVE lock (reads and writes wait) and fails if a NULL is left`,
            suggestion: `${nullable.map((c) => safeSteps(state, table2, c)).join("\n")}
-- then:
${statement.text.trim().replace(/;?$/, ";")}`
          });
        }
        return;
      }
      if (op.kind !== "SET_NOT_NULL" || op.notValid || !op.columnName || !op.table || !onExistingTable(op)) return;
      const table = op.table;
      const column = op.columnName;
      if (state.facts.notNullColumns.has(`${table}.${column}`)) return;
      const checks = notNullChecks(state, table, column);
      const validated = checks.find((c) => c.validated);
      if (validated && state.pgVersion >= 12) return;
      const unseen = state.pgVersion >= 12 && !validated ? [...constraintsOn(state, table)].find((c) => c.table === table && c.validated && c.addedInTx === -1 && looksLikeNotNullCheck(c.name, column)) : void 0;
      if (unseen) {
        hits.push({
          operation: i,
          risk: "CAUTION",
          message: `SET NOT NULL on ${table}.${column}: the history does not show the definition of ${unseen.name}, validated before it; if it is CHECK (${column} IS NOT NULL) PostgreSQL skips the scan, otherwise SET NOT NULL scans every row under an ACCESS EXCLUSIVE lock (reads and writes wait)`,
          suggestion: safeSteps(state, table, column)
        });
        return;
      }
      const note = validated ? ` (the validated CHECK ${validated.name} does not help before PostgreSQL 12)` : checks[0] && !checks[0].name.includes("#") ? ` (CHECK ${checks[0].name} proves it only once validated: run VALIDATE CONSTRAINT ${checks[0].name} in an earlier transaction)` : "";
      hits.push({
        operation: i,
        message: `SET NOT NULL on ${table}.${column} scans every row under an ACCESS EXCLUSIVE lock (reads and writes wait) and fails if a NULL is left${note}`,
        suggestion: checks[0] && !checks[0].validated && !checks[0].name.includes("#") && state.pgVersion >= 12 ? `${alterTable(table)} VALIDATE CONSTRAINT ${ident(checks[0].name)};  -- in an earlier, separate transaction
${alterTable(table)} ALTER COLUMN ${ident(column)} SET NOT NULL;` : safeSteps(state, table, column)
      });
    });
    return hits;
  }
};
function looksLikeNotNullCheck(name, column) {
  const n = name.toLowerCase();
  if (n.includes("#") || /_(?:p?key|fkey|excl)$/.test(n)) return false;
  const words2 = n.split(/[^a-z0-9]+/);
  const col = column.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const at = words2.findIndex((_, i) => col.every((w, j) => words2[i + j] === w));
  return at >= 0 && /check|not_?null|(?:^|_)nn(?:_|$)/.test(n);
}

// rules/statement-timeout-before-lock.ts
var earlierNeededOne3 = earlierStepPasses((s, state) => executesNow(s.statement) && !s.statementTimeout && s.operations.some((op) => blocksExisting(op, state)));
var rule80 = {
  id: "statement-timeout-before-lock",
  risk: "SAFE",
  title: "A lock-taking statement with no statement_timeout set before it",
  enabledByDefault: false,
  presets: ["squawk"],
  docs: {
    why: "Any statement that takes a lock blocking writes can run longer than planned (a table larger than expected, a slow disk, a trigger), and holds the lock all that time. A statement_timeout set before it bounds that.",
    lock: "Whatever the statement takes: SHARE or stronger on a table that existed before the migration.",
    policy: "Off by default: require-statement-timeout already reports the statements whose work grows with the table, and a timeout before an instant catalog change adds nothing; turn it on (or use `preset: squawk`) to require one before every lock-taking statement, as squawk does. Reported once per file.",
    instead: "Start the migration with `SET statement_timeout = '...'` (a limit above the measured time of its slowest statement), or SET LOCAL inside its transaction.",
    bad: "ALTER TABLE orders ADD COLUMN note text;",
    good: "SET statement_timeout = '5s';\nALTER TABLE orders ADD COLUMN note text;",
    equivalents: { squawk: "require-timeout-settings", pgfence: "SET statement_timeout" }
  },
  check({ statement, operations, state }) {
    if (!executesNow(statement) || state.statementTimeout) return [];
    const i = operations.findIndex((op2) => blocksExisting(op2, state));
    if (i < 0) return [];
    if (earlierNeededOne3(state)) return [];
    const op = operations[i];
    return [{
      operation: i,
      message: `no statement_timeout is set before this statement, which takes ${article(describeLock(op.lock, op.table))}`,
      suggestion: `SET ${state.tx.active ? "LOCAL " : ""}statement_timeout = '30s';  -- above the measured time of the slowest statement`,
      suggestionRuns: "before"
    }];
  }
};

// rules/syntax-newer-than-target.ts
function featureOf(tag, v) {
  switch (tag) {
    case "ReindexStmt":
      return optionOn(v.params, "concurrently") ? { what: "REINDEX ... CONCURRENTLY", since: 12 } : void 0;
    case "MergeStmt":
      return { what: "MERGE", since: 15 };
    case "CallStmt":
      return { what: "CALL", since: 11 };
    case "CreateFunctionStmt":
      return v.is_procedure ? { what: "CREATE PROCEDURE", since: 11 } : void 0;
    case "CreateTrigStmt":
      return v.replace ? { what: "CREATE OR REPLACE TRIGGER", since: 14 } : void 0;
    case "IndexStmt":
      if (v.nulls_not_distinct) return { what: "NULLS NOT DISTINCT", since: 15 };
      return Array.isArray(v.indexIncludingParams) && v.indexIncludingParams.length > 0 ? { what: "CREATE INDEX ... INCLUDE", since: 11 } : void 0;
    case "ColumnDef":
      return v.compression ? { what: `COMPRESSION ${String(v.compression)}`, since: 14 } : void 0;
    case "AlterTableCmd":
      switch (v.subtype) {
        case "AT_DetachPartition":
          return detachesConcurrently(v) ? { what: "DETACH PARTITION ... CONCURRENTLY", since: 14 } : void 0;
        case "AT_DetachPartitionFinalize":
          return { what: "DETACH PARTITION ... FINALIZE", since: 14 };
        case "AT_DropExpression":
          return { what: "ALTER COLUMN ... DROP EXPRESSION", since: 13 };
        case "AT_SetExpression":
          return { what: "ALTER COLUMN ... SET EXPRESSION", since: 17 };
        case "AT_SetCompression":
          return { what: "ALTER COLUMN ... SET COMPRESSION", since: 14 };
        case "AT_AddConstraint":
          return v.def?.Constraint?.contype === "CONSTR_NOTNULL" ? { what: "ADD CONSTRAINT ... NOT NULL (a named NOT NULL constraint)", since: 18 } : void 0;
        default:
          return void 0;
      }
    case "Constraint":
      if (v.contype === "CONSTR_GENERATED") {
        return v.generated_kind === "v" ? { what: "a virtual generated column (GENERATED ALWAYS AS (...) without STORED)", since: 18 } : { what: "GENERATED ALWAYS AS (...) STORED", since: 12 };
      }
      if (v.contype === "CONSTR_IDENTITY") return { what: "an identity column (GENERATED ... AS IDENTITY)", since: 10 };
      if (v.nulls_not_distinct) return { what: "NULLS NOT DISTINCT", since: 15 };
      if (Array.isArray(v.including) && v.including.length > 0) return { what: "INCLUDE in a constraint", since: 11 };
      return void 0;
    default:
      return void 0;
  }
}
function newerFeatures(ast, pgVersion) {
  const found = /* @__PURE__ */ new Map();
  const visit = (node) => {
    if (typeof node !== "object" || node === null) return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    for (const key in node) {
      const value = node[key];
      if (typeof value !== "object" || value === null || LEAF_NODES.has(key)) continue;
      if (!Array.isArray(value)) {
        const f = featureOf(key, value);
        if (f && f.since > pgVersion && !found.has(f.what)) found.set(f.what, f);
      }
      visit(value);
    }
  };
  visit(ast);
  return [...found.values()];
}
var rule81 = {
  id: "syntax-newer-than-target",
  risk: "DANGEROUS",
  title: "Syntax the target PostgreSQL version does not have: the migration fails there",
  docs: {
    why: "The parser reads the newest PostgreSQL syntax, but the server the migration runs on rejects what arrived after its version, and the migration stops with a syntax error there. Checked against `pgVersion` (CAUTION while it is not set and 16 is assumed; DANGEROUS once the configuration names it): identity columns (10), CREATE PROCEDURE and CALL, INCLUDE in an index or constraint (11), stored generated columns and REINDEX ... CONCURRENTLY (12), ALTER COLUMN ... DROP EXPRESSION (13), DETACH PARTITION ... CONCURRENTLY or FINALIZE, CREATE OR REPLACE TRIGGER and column COMPRESSION (14), MERGE and NULLS NOT DISTINCT (15), ALTER COLUMN ... SET EXPRESSION (17), virtual generated columns (a GENERATED ALWAYS AS without STORED) and named NOT NULL constraints (18).",
    instead: "Write what the target version runs (the rule names the version that added the syntax), or raise `pgVersion` if the production server is newer than the configuration says. Before 12, build a replacement index with CREATE INDEX CONCURRENTLY instead of REINDEX CONCURRENTLY; before 14, DETACH PARTITION without CONCURRENTLY under a lock_timeout; before 18, add STORED to a generated column.",
    bad: "ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (total * 100);",
    good: "ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (total * 100) STORED;",
    equivalents: { pgfence: "REINDEX (non-concurrent), Partition operations (version notes)" }
  },
  // Every feature of featureOf sits in one of these statements (function bodies are strings): the
  // rule walks no other statement's tree.
  statements: ["ReindexStmt", "MergeStmt", "CallStmt", "CreateFunctionStmt", "CreateTrigStmt", "IndexStmt", "AlterTableStmt", "CreateStmt", "CreateForeignTableStmt"],
  check({ statement, state }) {
    if (!executesNow(statement)) return [];
    const assumed = state.pgVersionAssumed === true;
    return newerFeatures(statement.ast, state.pgVersion).map((f) => ({
      ...assumed ? { risk: "CAUTION" } : {},
      message: assumed ? `${f.what} needs PostgreSQL ${f.since} or later; pgVersion is not set, and on ${state.pgVersion} (the default) this statement is a syntax error and the migration fails: set pgVersion to the version production runs` : `${f.what} needs PostgreSQL ${f.since} or later; the target is ${state.pgVersion} (pgVersion), where this statement is a syntax error and the migration fails`,
      suggestion: `-- rewrite it without ${f.what}, or set pgVersion to the version production runs if it is ${f.since} or later`
    }));
  }
};

// rules/table-rebuild.ts
var rule82 = {
  id: "table-rebuild",
  risk: "DANGEROUS",
  title: "Rebuilding a table by rename, create, copy and drop holds it locked (or empty) for the whole copy",
  sizeSensitive: true,
  docs: {
    why: "The rename-and-replace pattern (`ALTER TABLE t RENAME TO t_old; CREATE TABLE t (...); INSERT INTO t SELECT ... FROM t_old; DROP TABLE t_old;`) keeps the name the application uses, so no query breaks for a missing table. What it costs is the copy: inside one transaction the rename holds ACCESS EXCLUSIVE on the old table until commit, so every read and write waits for as long as copying every row takes; without a transaction the application sees the new table while it is still empty or half filled. Rows written to the old table during the copy are lost unless the copy accounts for them.",
    lock: "ACCESS EXCLUSIVE on the table from the rename until the transaction commits, across the whole copy.",
    instead: "Change the table in place where Postgres can (ADD COLUMN, ALTER COLUMN TYPE with a compatible type, constraints as NOT VALID then VALIDATE). When a rebuild is unavoidable, build the new table under a new name, copy in batches and keep it in sync (a trigger) while the application runs, then swap the names in one short transaction and drop the old table in a later release.",
    bad: "ALTER TABLE events RENAME TO events_old;\nCREATE TABLE events (id bigint PRIMARY KEY, payload jsonb);\nINSERT INTO events SELECT id, payload::jsonb FROM events_old;\nDROP TABLE events_old;",
    good: "CREATE TABLE events_new (id bigint PRIMARY KEY, payload jsonb);\n-- copy in batches and keep in sync with a trigger, then in one short transaction:\nALTER TABLE events RENAME TO events_old;\nALTER TABLE events_new RENAME TO events;\n-- a later release: DROP TABLE events_old;"
  }
};

// rules/table-rewrite-settings.ts
var rule83 = {
  id: "table-rewrite-settings",
  risk: "DANGEROUS",
  title: "SET TABLESPACE, SET LOGGED and SET UNLOGGED rewrite the table under ACCESS EXCLUSIVE",
  sizeSensitive: true,
  docs: {
    why: "These ALTER TABLE forms copy the whole table (and, for SET TABLESPACE, move it to other storage) while holding ACCESS EXCLUSIVE: nothing can read or write it until the copy is done. SET LOGGED also writes the entire table to the write-ahead log, which can flood replication and backups. SET UNLOGGED makes the table not crash-safe: it is emptied after a crash, and its contents are not replicated to standbys at all.",
    lock: "ACCESS EXCLUSIVE on the table for the whole copy: blocks reads and writes.",
    instead: "Move a table to another tablespace online with `pg_repack --tablespace`. For LOGGED/UNLOGGED there is no online form: build a new table with the wanted setting, copy the rows in batches, keep it in sync (trigger or dual writes), then swap names in one short transaction; or do it in a maintenance window on a known-small table.",
    bad: "ALTER TABLE events SET LOGGED;",
    good: "CREATE UNLOGGED TABLE import_scratch (id bigint PRIMARY KEY);\nALTER TABLE import_scratch SET LOGGED;",
    equivalents: { eugene: "E10", pgfence: "table rewrites (SET LOGGED / UNLOGGED)" }
  },
  statements: ["AlterTableStmt"],
  check({ statement, operations }) {
    if (!executesNow(statement)) return [];
    const hits = [];
    alterCmds(statement).forEach((c, i) => {
      const op = operations[i];
      if (!op || !onExistingTable(op)) return;
      const t = tableRef(op.table);
      if (c.subtype === "AT_SetTableSpace") {
        hits.push({
          operation: i,
          message: `SET TABLESPACE ${c.name ?? ""} copies all of ${op.table} under ${article(describeLock(op.lock))} for the whole copy`,
          suggestion: `-- outside the migration, online: pg_repack --table=${op.table} --tablespace=${c.name ?? "<tablespace>"} --moveidx <database>`
        });
      } else if (c.subtype === "AT_SetLogged" || c.subtype === "AT_SetUnLogged") {
        const logged = c.subtype === "AT_SetLogged";
        hits.push({
          operation: i,
          message: `SET ${logged ? "LOGGED" : "UNLOGGED"} rewrites ${op.table} under ${article(describeLock(op.lock))}${logged ? ", writing the whole table to the WAL (replicas and backups take all of it)" : "; afterwards the table is emptied on a crash and not replicated to standbys"}`,
          suggestion: [
            `CREATE ${logged ? "" : "UNLOGGED "}TABLE ${op.table.split(".").pop()}_new (LIKE ${t} INCLUDING ALL);`,
            `-- copy rows in key-range batches, keep the copy in sync (trigger or dual writes), then swap in one short transaction:`,
            `-- BEGIN; ALTER TABLE ${t} RENAME TO ${op.table.split(".").pop()}_old; ALTER TABLE ${op.table.split(".").pop()}_new RENAME TO ${op.table.split(".").pop()}; COMMIT;`
          ].join("\n")
        });
      }
    });
    return hits;
  }
};

// rules/_settings.ts
function settingText(v) {
  const c = as(v.args?.[0], "A_Const");
  if (!c) return void 0;
  if (c.sval) return c.sval.sval ?? "";
  return String(c.ival?.ival ?? 0);
}
var UNIT_MS = { us: 1e-3, ms: 1, s: 1e3, min: 6e4, h: 36e5, d: 864e5 };
function durationMs(text) {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(us|ms|s|min|h|d)?\s*$/i.exec(text ?? "");
  if (!m) return void 0;
  return Number(m[1]) * (UNIT_MS[(m[2] ?? "ms").toLowerCase()] ?? 1);
}

// rules/timeout-too-long.ts
var MAX_LOCK_TIMEOUT_MS = 1e4;
var rule84 = {
  id: "timeout-too-long",
  risk: "CAUTION",
  title: "A lock_timeout so long that it no longer protects the table",
  docs: {
    why: "lock_timeout exists so that a DDL stuck behind a long query gives up quickly: while it waits for its lock, every other query on the table queues behind it. A limit of minutes (lock_timeout = '5min') lets that queue grow for minutes, which for a busy table is an outage, so it gives almost none of the protection it seems to. Anything over 10 seconds is reported.",
    policy: "On by default, at CAUTION: a minutes-long lock_timeout is written to look safe and is not; the 10-second threshold is where a queued table becomes user-visible for a web application. Turn it off or lower it to SAFE in the config if long lock waits are acceptable for you.",
    instead: "Keep lock_timeout to a few seconds (`SET lock_timeout = '5s';`) and retry the migration on timeout, ideally with a backoff; a long statement_timeout is fine, it limits the work, not the wait.",
    bad: "SET lock_timeout = '5min';\nALTER TABLE orders ADD COLUMN note text;",
    good: "SET lock_timeout = '5s';\nALTER TABLE orders ADD COLUMN note text;",
    equivalents: { pgfence: "SET lock_timeout" }
  },
  statements: ["VariableSetStmt"],
  check({ statement }) {
    const set = stmtNode(statement, "VariableSetStmt");
    if (!set || !executesNow(statement) || set.kind !== "VAR_SET_VALUE" || set.name?.toLowerCase() !== "lock_timeout") return [];
    const text = settingText(set);
    const ms = durationMs(text);
    if (ms === void 0 || ms <= MAX_LOCK_TIMEOUT_MS) return [];
    return [{
      message: `lock_timeout = ${text}: while this migration waits that long for a lock, every query on the table queues behind it; over ${MAX_LOCK_TIMEOUT_MS / 1e3}s the timeout no longer prevents an outage`,
      suggestion: `SET ${set.is_local ? "LOCAL " : ""}lock_timeout = '5s';  -- and retry the migration on timeout`
    }];
  }
};

// rules/transaction-nesting.ts
var rule85 = {
  id: "transaction-nesting",
  risk: "CAUTION",
  title: "BEGIN inside a transaction, or COMMIT/ROLLBACK without one",
  docs: {
    why: "Postgres has no nested transactions. A BEGIN inside an open transaction (one the file opened, or the one a runner such as Flyway or Rails wraps every migration in) only prints a warning, and the next COMMIT then commits the outer transaction early: the statements after it run outside any transaction, so a failure half-way leaves the migration half applied and the runner's bookkeeping out of step. A ROLLBACK in a runner-wrapped file silently discards everything before it while the runner records the migration as applied. A COMMIT with no transaction open does nothing but warn; it usually means the author expected a transaction that is not there.",
    instead: "Let one party own the transaction: either the runner (then remove BEGIN/COMMIT from the file) or the file (then tell the runner not to wrap it, e.g. Flyway `executeInTransaction=false`, dbmate/goose `transaction:false`). Use SAVEPOINT for a nested scope.",
    bad: "BEGIN;\nCREATE TABLE invoices (id bigint PRIMARY KEY);\nBEGIN;\nCREATE TABLE invoice_lines (id bigint PRIMARY KEY);\nCOMMIT;",
    good: "BEGIN;\nCREATE TABLE invoices (id bigint PRIMARY KEY);\nCREATE TABLE invoice_lines (id bigint PRIMARY KEY);\nCOMMIT;",
    equivalents: { squawk: "transaction-nesting" }
  },
  statements: ["TransactionStmt"],
  check({ statement, state }) {
    const t = stmtNode(statement, "TransactionStmt");
    if (!t || !executesNow(statement)) return [];
    const wrapped = state.runnerTransaction === "wrapped";
    switch (t.kind) {
      case "TRANS_STMT_BEGIN":
      case "TRANS_STMT_START": {
        if (!state.tx.active || state.oneQueryString && !state.tx.explicit) return [];
        const outer = state.tx.explicit ? `the transaction opened at line ${state.tx.beganAt?.line ?? "?"} is still open` : "the runner already wraps this file in a transaction";
        return [{
          message: `BEGIN inside a transaction: ${outer}; Postgres only warns, and the next COMMIT ends the outer transaction early, so what follows runs without one`,
          suggestion: state.tx.explicit ? "remove this BEGIN (or COMMIT the first transaction before it); use SAVEPOINT name for a nested scope" : "remove BEGIN/COMMIT from the file and let the runner own the transaction, or configure the runner not to wrap this migration"
        }];
      }
      case "TRANS_STMT_COMMIT":
      case "TRANS_STMT_ROLLBACK": {
        const word = t.kind === "TRANS_STMT_COMMIT" ? "COMMIT" : "ROLLBACK";
        if (state.tx.explicit) return [];
        if (state.tx.active && state.oneQueryString && !wrapped) {
          return [{
            ...word === "ROLLBACK" ? { risk: "DANGEROUS" } : { risk: "SAFE" },
            message: word === "ROLLBACK" ? "ROLLBACK without a BEGIN in a file sent as one query: it discards the statements before it since the last COMMIT (they ran in one implicit transaction), while the runner records the migration as applied" : "COMMIT without a BEGIN in a file sent as one query: it commits the implicit transaction the statements before it ran in (Postgres warns), and the statements after it run in another",
            suggestion: word === "ROLLBACK" ? "remove it, or put the statements it should undo between BEGIN and ROLLBACK" : `add BEGIN where the transaction should start, or remove this ${word}`
          }];
        }
        if (state.tx.active && wrapped) {
          return [{
            ...word === "ROLLBACK" ? { risk: "DANGEROUS" } : {},
            message: word === "ROLLBACK" ? "ROLLBACK in a file the runner wraps in a transaction discards every change before it, while the runner records the migration as applied" : "COMMIT in a file the runner wraps in a transaction ends the runner's transaction early: the statements after it run without one",
            suggestion: "remove it and let the runner own the transaction, or configure the runner not to wrap this migration and write BEGIN/COMMIT yourself"
          }];
        }
        return [{
          risk: "SAFE",
          message: `${word} without a BEGIN: no transaction is open here, so it only makes Postgres warn${wrapped ? "" : "; the statements before it ran one by one, each committed on its own"}`,
          suggestion: `add BEGIN where the transaction should start, or remove this ${word}`
        }];
      }
      default:
        return [];
    }
  }
};

// rules/transaction-not-committed.ts
var rule86 = {
  id: "transaction-not-committed",
  risk: "DANGEROUS",
  title: "BEGIN without COMMIT at the end of the file",
  docs: {
    why: 'A transaction the file opens and never closes is not committed. Depending on the runner, its changes are rolled back when the connection closes (so the migration silently did nothing while being recorded as applied), or the connection goes back to a pool "idle in transaction", holding every lock the migration took, which blocks the tables it touched until someone kills the session.',
    instead: "End the file with COMMIT (or remove the BEGIN and let the runner own the transaction).",
    bad: "BEGIN;\nCREATE TABLE audit_log (id bigint PRIMARY KEY);",
    good: "BEGIN;\nCREATE TABLE audit_log (id bigint PRIMARY KEY);\nCOMMIT;",
    equivalents: { squawk: "ban-uncommitted-transaction" }
  },
  finish(state) {
    if (!state.tx.active || !state.tx.explicit || state.runnerTransaction === "wrapped") return [];
    return [{
      ...state.tx.beganAt ? { position: state.tx.beganAt } : {},
      message: `the transaction opened${state.tx.beganAt ? ` at line ${state.tx.beganAt.line}` : ""} is never committed: its changes are rolled back when the connection closes, or the connection is left idle in transaction holding its locks`,
      suggestion: "COMMIT;  -- at the end of the file"
    }];
  }
};

// rules/_builtin-functions.ts
var words = (text) => new Set(text.split(/\s+/));
var BUILTIN = words(`abbrev abs aclcontains acldefault aclexplode aclinsert aclitemeq aclitemin aclitemout aclremove
acos acosd acosh age amvalidate any_in any_out any_value any_value_transfn anyarray_in
anyarray_out anyarray_recv anyarray_send anycompatible_in anycompatible_out
anycompatiblearray_in anycompatiblearray_out anycompatiblearray_recv anycompatiblearray_send
anycompatiblemultirange_in anycompatiblemultirange_out anycompatiblenonarray_in
anycompatiblenonarray_out anycompatiblerange_in anycompatiblerange_out anyelement_in
anyelement_out anyenum_in anyenum_out anymultirange_in anymultirange_out anynonarray_in
anynonarray_out anyrange_in anyrange_out anytextcat area areajoinsel areasel array_agg
array_agg_array_combine array_agg_array_deserialize array_agg_array_finalfn
array_agg_array_serialize array_agg_array_transfn array_agg_combine array_agg_deserialize
array_agg_finalfn array_agg_serialize array_agg_transfn array_append array_append_support
array_cat array_dims array_eq array_fill array_ge array_gt array_in array_larger array_le
array_length array_lower array_lt array_ndims array_ne array_out array_position array_positions
array_prepend array_prepend_support array_recv array_remove array_replace array_reverse
array_sample array_send array_shuffle array_smaller array_sort array_subscript_handler
array_subscript_handler_support array_to_json array_to_string array_to_tsvector array_typanalyze
array_unnest_support array_upper arraycontained arraycontains arraycontjoinsel arraycontsel
arrayoverlap ascii asin asind asinh atan atan2 atan2d atand atanh avg bernoulli big5_to_euc_tw
big5_to_mic big5_to_utf8 binary_upgrade_add_sub_rel_state binary_upgrade_create_empty_extension
binary_upgrade_logical_slot_has_caught_up binary_upgrade_replorigin_advance
binary_upgrade_set_missing_value binary_upgrade_set_next_array_pg_type_oid
binary_upgrade_set_next_attribute_versions binary_upgrade_set_next_heap_pg_class_oid
binary_upgrade_set_next_heap_relfilenode binary_upgrade_set_next_index_pg_class_oid
binary_upgrade_set_next_index_relfilenode binary_upgrade_set_next_multirange_array_pg_type_oid
binary_upgrade_set_next_multirange_pg_type_oid binary_upgrade_set_next_pg_authid_oid
binary_upgrade_set_next_pg_enum_oid binary_upgrade_set_next_pg_tablespace_oid
binary_upgrade_set_next_pg_type_oid binary_upgrade_set_next_toast_pg_class_oid
binary_upgrade_set_next_toast_relfilenode binary_upgrade_set_record_init_privs bit bit_and
bit_count bit_in bit_length bit_or bit_out bit_recv bit_send bit_xor bitand bitcat bitcmp biteq
bitge bitgt bitle bitlt bitne bitnot bitor bitshiftleft bitshiftright bittypmodin bittypmodout
bitxor bool bool_accum bool_accum_inv bool_alltrue bool_and bool_anytrue bool_or
booland_statefunc booleq boolge boolgt boolin boolle boollt boolne boolor_statefunc boolout
boolrecv boolsend bound_box box box_above box_above_eq box_add box_below box_below_eq box_center
box_contain box_contain_pt box_contained box_distance box_div box_eq box_ge box_gt box_in
box_intersect box_le box_left box_lt box_mul box_out box_overabove box_overbelow box_overlap
box_overleft box_overright box_recv box_right box_same box_send box_sub bpchar bpchar_larger
bpchar_pattern_ge bpchar_pattern_gt bpchar_pattern_le bpchar_pattern_lt bpchar_smaller
bpchar_sortsupport bpcharcmp bpchareq bpcharge bpchargt bpchariclike bpcharicnlike
bpcharicregexeq bpcharicregexne bpcharin bpcharle bpcharlike bpcharlt bpcharne bpcharnlike
bpcharout bpcharrecv bpcharregexeq bpcharregexne bpcharsend bpchartypmodin bpchartypmodout
brin_bloom_add_value brin_bloom_consistent brin_bloom_opcinfo brin_bloom_options
brin_bloom_summary_in brin_bloom_summary_out brin_bloom_summary_recv brin_bloom_summary_send
brin_bloom_union brin_desummarize_range brin_inclusion_add_value brin_inclusion_consistent
brin_inclusion_opcinfo brin_inclusion_union brin_minmax_add_value brin_minmax_consistent
brin_minmax_multi_add_value brin_minmax_multi_consistent brin_minmax_multi_distance_date
brin_minmax_multi_distance_float4 brin_minmax_multi_distance_float8
brin_minmax_multi_distance_inet brin_minmax_multi_distance_int2 brin_minmax_multi_distance_int4
brin_minmax_multi_distance_int8 brin_minmax_multi_distance_interval
brin_minmax_multi_distance_macaddr brin_minmax_multi_distance_macaddr8
brin_minmax_multi_distance_numeric brin_minmax_multi_distance_pg_lsn
brin_minmax_multi_distance_tid brin_minmax_multi_distance_time
brin_minmax_multi_distance_timestamp brin_minmax_multi_distance_timetz
brin_minmax_multi_distance_uuid brin_minmax_multi_opcinfo brin_minmax_multi_options
brin_minmax_multi_summary_in brin_minmax_multi_summary_out brin_minmax_multi_summary_recv
brin_minmax_multi_summary_send brin_minmax_multi_union brin_minmax_opcinfo brin_minmax_union
brin_summarize_new_values brin_summarize_range brinhandler broadcast btarraycmp btboolcmp
btboolskipsupport btbpchar_pattern_cmp btbpchar_pattern_sortsupport btcharcmp btcharskipsupport
btequalimage btfloat48cmp btfloat4cmp btfloat4sortsupport btfloat84cmp btfloat8cmp
btfloat8sortsupport bthandler btint24cmp btint28cmp btint2cmp btint2skipsupport
btint2sortsupport btint42cmp btint48cmp btint4cmp btint4skipsupport btint4sortsupport btint82cmp
btint84cmp btint8cmp btint8skipsupport btint8sortsupport btnamecmp btnamesortsupport
btnametextcmp btoidcmp btoidskipsupport btoidsortsupport btoidvectorcmp btrecordcmp
btrecordimagecmp btrim bttext_pattern_cmp bttext_pattern_sortsupport bttextcmp bttextnamecmp
bttextsortsupport bttidcmp btvarstrequalimage bytea bytea_larger bytea_smaller bytea_sortsupport
bytea_string_agg_finalfn bytea_string_agg_transfn byteacat byteacmp byteaeq byteage byteagt
byteain byteale bytealike bytealt byteane byteanlike byteaout bytearecv byteasend cardinality
casefold cash_cmp cash_div_cash cash_div_flt4 cash_div_flt8 cash_div_int2 cash_div_int4
cash_div_int8 cash_eq cash_ge cash_gt cash_in cash_le cash_lt cash_mi cash_mul_flt4
cash_mul_flt8 cash_mul_int2 cash_mul_int4 cash_mul_int8 cash_ne cash_out cash_pl cash_recv
cash_send cash_words cashlarger cashsmaller cbrt ceil ceiling center char char_length
character_length chareq charge chargt charin charle charlt charne charout charrecv charsend chr
cideq cidin cidout cidr cidr_in cidr_out cidr_recv cidr_send cidrecv cidsend circle circle_above
circle_add_pt circle_below circle_center circle_contain circle_contain_pt circle_contained
circle_distance circle_div_pt circle_eq circle_ge circle_gt circle_in circle_le circle_left
circle_lt circle_mul_pt circle_ne circle_out circle_overabove circle_overbelow circle_overlap
circle_overleft circle_overright circle_recv circle_right circle_same circle_send circle_sub_pt
clock_timestamp close_ls close_lseg close_pb close_pl close_ps close_sb col_description concat
concat_ws contjoinsel contsel convert convert_from convert_to corr cos cosd cosh cot cotd count
covar_pop covar_samp crc32 crc32c cstring_in cstring_out cstring_recv cstring_send cume_dist
cume_dist_final current_database current_query current_schema current_schemas current_setting
current_user currtid2 currval cursor_to_xml cursor_to_xmlschema database_to_xml
database_to_xml_and_xmlschema database_to_xmlschema date date_add date_bin date_cmp
date_cmp_timestamp date_cmp_timestamptz date_eq date_eq_timestamp date_eq_timestamptz date_ge
date_ge_timestamp date_ge_timestamptz date_gt date_gt_timestamp date_gt_timestamptz date_in
date_larger date_le date_le_timestamp date_le_timestamptz date_lt date_lt_timestamp
date_lt_timestamptz date_mi date_mi_interval date_mii date_ne date_ne_timestamp
date_ne_timestamptz date_out date_part date_pl_interval date_pli date_recv date_send
date_skipsupport date_smaller date_sortsupport date_subtract date_trunc datemultirange daterange
daterange_canonical daterange_subdiff datetime_pl datetimetz_pl dcbrt decode degrees dense_rank
dense_rank_final dexp diagonal diameter dispell_init dispell_lexize dist_bp dist_bs dist_cpoint
dist_cpoly dist_lp dist_ls dist_pathp dist_pb dist_pc dist_pl dist_polyc dist_polyp dist_ppath
dist_ppoly dist_ps dist_sb dist_sl dist_sp div dlog1 dlog10 domain_in domain_recv dpow dround
dsimple_init dsimple_lexize dsnowball_init dsnowball_lexize dsqrt dsynonym_init dsynonym_lexize
dtrunc elem_contained_by_multirange elem_contained_by_range elem_contained_by_range_support
encode enum_cmp enum_eq enum_first enum_ge enum_gt enum_in enum_larger enum_last enum_le enum_lt
enum_ne enum_out enum_range enum_recv enum_send enum_smaller eqjoinsel eqsel erf erfc
euc_cn_to_mic euc_cn_to_utf8 euc_jis_2004_to_shift_jis_2004 euc_jis_2004_to_utf8 euc_jp_to_mic
euc_jp_to_sjis euc_jp_to_utf8 euc_kr_to_mic euc_kr_to_utf8 euc_tw_to_big5 euc_tw_to_mic
euc_tw_to_utf8 event_trigger_in event_trigger_out every exp extract factorial family
fdw_handler_in fdw_handler_out first_value float4 float48div float48eq float48ge float48gt
float48le float48lt float48mi float48mul float48ne float48pl float4_accum float4abs float4div
float4eq float4ge float4gt float4in float4larger float4le float4lt float4mi float4mul float4ne
float4out float4pl float4recv float4send float4smaller float4um float4up float8 float84div
float84eq float84ge float84gt float84le float84lt float84mi float84mul float84ne float84pl
float8_accum float8_avg float8_combine float8_corr float8_covar_pop float8_covar_samp
float8_regr_accum float8_regr_avgx float8_regr_avgy float8_regr_combine float8_regr_intercept
float8_regr_r2 float8_regr_slope float8_regr_sxx float8_regr_sxy float8_regr_syy
float8_stddev_pop float8_stddev_samp float8_var_pop float8_var_samp float8abs float8div float8eq
float8ge float8gt float8in float8larger float8le float8lt float8mi float8mul float8ne float8out
float8pl float8recv float8send float8smaller float8um float8up floor flt4_mul_cash flt8_mul_cash
fmgr_c_validator fmgr_internal_validator fmgr_sql_validator format format_type gamma
gb18030_to_utf8 gbk_to_utf8 gcd gen_random_uuid generate_series generate_series_int4_support
generate_series_int8_support generate_series_numeric_support generate_series_timestamp_support
generate_subscripts get_bit get_byte get_current_ts_config getdatabaseencoding getpgusername
gin_clean_pending_list gin_cmp_prefix gin_cmp_tslexeme gin_compare_jsonb gin_consistent_jsonb
gin_consistent_jsonb_path gin_extract_jsonb gin_extract_jsonb_path gin_extract_jsonb_query
gin_extract_jsonb_query_path gin_extract_tsquery gin_extract_tsvector gin_triconsistent_jsonb
gin_triconsistent_jsonb_path gin_tsquery_consistent gin_tsquery_triconsistent ginarrayconsistent
ginarrayextract ginarraytriconsistent ginhandler ginqueryarrayextract gist_box_consistent
gist_box_distance gist_box_penalty gist_box_picksplit gist_box_same gist_box_union
gist_circle_compress gist_circle_consistent gist_circle_distance gist_point_compress
gist_point_consistent gist_point_distance gist_point_fetch gist_point_sortsupport
gist_poly_compress gist_poly_consistent gist_poly_distance gist_translate_cmptype_common
gisthandler gtsquery_compress gtsquery_consistent gtsquery_penalty gtsquery_picksplit
gtsquery_same gtsquery_union gtsvector_compress gtsvector_consistent gtsvector_decompress
gtsvector_options gtsvector_penalty gtsvector_picksplit gtsvector_same gtsvector_union
gtsvectorin gtsvectorout has_any_column_privilege has_column_privilege has_database_privilege
has_foreign_data_wrapper_privilege has_function_privilege has_language_privilege
has_largeobject_privilege has_parameter_privilege has_schema_privilege has_sequence_privilege
has_server_privilege has_table_privilege has_tablespace_privilege has_type_privilege
hash_aclitem hash_aclitem_extended hash_array hash_array_extended hash_multirange
hash_multirange_extended hash_numeric hash_numeric_extended hash_range hash_range_extended
hash_record hash_record_extended hashbool hashboolextended hashbpchar hashbpcharextended
hashbytea hashbyteaextended hashchar hashcharextended hashcid hashcidextended hashdate
hashdateextended hashenum hashenumextended hashfloat4 hashfloat4extended hashfloat8
hashfloat8extended hashhandler hashinet hashinetextended hashint2 hashint2extended hashint4
hashint4extended hashint8 hashint8extended hashmacaddr hashmacaddr8 hashmacaddr8extended
hashmacaddrextended hashname hashnameextended hashoid hashoidextended hashoidvector
hashoidvectorextended hashtext hashtextextended hashtid hashtidextended hashvarlena
hashvarlenaextended hashxid hashxid8 hashxid8extended hashxidextended heap_tableam_handler
height host hostmask iclikejoinsel iclikesel icnlikejoinsel icnlikesel icregexeqjoinsel
icregexeqsel icregexnejoinsel icregexnesel icu_unicode_version in_range index_am_handler_in
index_am_handler_out inet_client_addr inet_client_port inet_gist_compress inet_gist_consistent
inet_gist_fetch inet_gist_penalty inet_gist_picksplit inet_gist_same inet_gist_union inet_in
inet_merge inet_out inet_recv inet_same_family inet_send inet_server_addr inet_server_port
inet_spg_choose inet_spg_config inet_spg_inner_consistent inet_spg_leaf_consistent
inet_spg_picksplit inetand inetmi inetmi_int8 inetnot inetor inetpl initcap int2 int24div
int24eq int24ge int24gt int24le int24lt int24mi int24mul int24ne int24pl int28div int28eq
int28ge int28gt int28le int28lt int28mi int28mul int28ne int28pl int2_accum int2_accum_inv
int2_avg_accum int2_avg_accum_inv int2_mul_cash int2_sum int2abs int2and int2div int2eq int2ge
int2gt int2in int2int4_sum int2larger int2le int2lt int2mi int2mod int2mul int2ne int2not int2or
int2out int2pl int2recv int2send int2shl int2shr int2smaller int2um int2up int2vectorin
int2vectorout int2vectorrecv int2vectorsend int2xor int4 int42div int42eq int42ge int42gt
int42le int42lt int42mi int42mul int42ne int42pl int48div int48eq int48ge int48gt int48le
int48lt int48mi int48mul int48ne int48pl int4_accum int4_accum_inv int4_avg_accum
int4_avg_accum_inv int4_avg_combine int4_mul_cash int4_sum int4abs int4and int4div int4eq int4ge
int4gt int4in int4inc int4larger int4le int4lt int4mi int4mod int4mul int4multirange int4ne
int4not int4or int4out int4pl int4range int4range_canonical int4range_subdiff int4recv int4send
int4shl int4shr int4smaller int4um int4up int4xor int8 int82div int82eq int82ge int82gt int82le
int82lt int82mi int82mul int82ne int82pl int84div int84eq int84ge int84gt int84le int84lt
int84mi int84mul int84ne int84pl int8_accum int8_accum_inv int8_avg int8_avg_accum
int8_avg_accum_inv int8_avg_combine int8_avg_deserialize int8_avg_serialize int8_mul_cash
int8_sum int8abs int8and int8dec int8dec_any int8div int8eq int8ge int8gt int8in int8inc
int8inc_any int8inc_float8_float8 int8inc_support int8larger int8le int8lt int8mi int8mod
int8mul int8multirange int8ne int8not int8or int8out int8pl int8pl_inet int8range
int8range_canonical int8range_subdiff int8recv int8send int8shl int8shr int8smaller int8um
int8up int8xor integer_pl_date inter_lb inter_sb inter_sl internal_in internal_out interval
interval_accum interval_accum_inv interval_avg interval_avg_accum interval_avg_accum_inv
interval_avg_combine interval_avg_deserialize interval_avg_serialize interval_cmp
interval_combine interval_div interval_eq interval_ge interval_gt interval_hash
interval_hash_extended interval_in interval_larger interval_le interval_lt interval_mi
interval_mul interval_ne interval_out interval_pl interval_pl_date interval_pl_time
interval_pl_timestamp interval_pl_timestamptz interval_pl_timetz interval_recv interval_send
interval_smaller interval_sum interval_support interval_um intervaltypmodin intervaltypmodout
is_normalized isclosed isempty isfinite ishorizontal iso8859_1_to_utf8 iso8859_to_utf8
iso_to_koi8r iso_to_mic iso_to_win1251 iso_to_win866 isopen isparallel isperp isvertical
johab_to_utf8 json_agg json_agg_finalfn json_agg_strict json_agg_strict_transfn json_agg_transfn
json_array_element json_array_element_text json_array_elements json_array_elements_text
json_array_length json_build_array json_build_object json_each json_each_text json_extract_path
json_extract_path_text json_in json_object json_object_agg json_object_agg_finalfn
json_object_agg_strict json_object_agg_strict_transfn json_object_agg_transfn
json_object_agg_unique json_object_agg_unique_strict json_object_agg_unique_strict_transfn
json_object_agg_unique_transfn json_object_field json_object_field_text json_object_keys
json_out json_populate_record json_populate_recordset json_recv json_send json_strip_nulls
json_to_record json_to_recordset json_to_tsvector json_typeof jsonb_agg jsonb_agg_finalfn
jsonb_agg_strict jsonb_agg_strict_transfn jsonb_agg_transfn jsonb_array_element
jsonb_array_element_text jsonb_array_elements jsonb_array_elements_text jsonb_array_length
jsonb_build_array jsonb_build_object jsonb_cmp jsonb_concat jsonb_contained jsonb_contains
jsonb_delete jsonb_delete_path jsonb_each jsonb_each_text jsonb_eq jsonb_exists jsonb_exists_all
jsonb_exists_any jsonb_extract_path jsonb_extract_path_text jsonb_ge jsonb_gt jsonb_hash
jsonb_hash_extended jsonb_in jsonb_insert jsonb_le jsonb_lt jsonb_ne jsonb_object
jsonb_object_agg jsonb_object_agg_finalfn jsonb_object_agg_strict
jsonb_object_agg_strict_transfn jsonb_object_agg_transfn jsonb_object_agg_unique
jsonb_object_agg_unique_strict jsonb_object_agg_unique_strict_transfn
jsonb_object_agg_unique_transfn jsonb_object_field jsonb_object_field_text jsonb_object_keys
jsonb_out jsonb_path_exists jsonb_path_exists_opr jsonb_path_exists_tz jsonb_path_match
jsonb_path_match_opr jsonb_path_match_tz jsonb_path_query jsonb_path_query_array
jsonb_path_query_array_tz jsonb_path_query_first jsonb_path_query_first_tz jsonb_path_query_tz
jsonb_populate_record jsonb_populate_record_valid jsonb_populate_recordset jsonb_pretty
jsonb_recv jsonb_send jsonb_set jsonb_set_lax jsonb_strip_nulls jsonb_subscript_handler
jsonb_to_record jsonb_to_recordset jsonb_to_tsvector jsonb_typeof jsonpath_in jsonpath_out
jsonpath_recv jsonpath_send justify_days justify_hours justify_interval koi8r_to_iso
koi8r_to_mic koi8r_to_utf8 koi8r_to_win1251 koi8r_to_win866 koi8u_to_utf8 lag
language_handler_in language_handler_out last_value lastval latin1_to_mic latin2_to_mic
latin2_to_win1250 latin3_to_mic latin4_to_mic lcm lead left length lgamma like like_escape
likejoinsel likesel line line_distance line_eq line_horizontal line_in line_interpt
line_intersect line_out line_parallel line_perp line_recv line_send line_vertical ln lo_close
lo_creat lo_create lo_export lo_from_bytea lo_get lo_import lo_lseek lo_lseek64 lo_open lo_put
lo_tell lo_tell64 lo_truncate lo_truncate64 lo_unlink log log10 loread lower lower_inc lower_inf
lowrite lpad lseg lseg_center lseg_distance lseg_eq lseg_ge lseg_gt lseg_horizontal lseg_in
lseg_interpt lseg_intersect lseg_le lseg_length lseg_lt lseg_ne lseg_out lseg_parallel lseg_perp
lseg_recv lseg_send lseg_vertical ltrim macaddr macaddr8 macaddr8_and macaddr8_cmp macaddr8_eq
macaddr8_ge macaddr8_gt macaddr8_in macaddr8_le macaddr8_lt macaddr8_ne macaddr8_not macaddr8_or
macaddr8_out macaddr8_recv macaddr8_send macaddr8_set7bit macaddr_and macaddr_cmp macaddr_eq
macaddr_ge macaddr_gt macaddr_in macaddr_le macaddr_lt macaddr_ne macaddr_not macaddr_or
macaddr_out macaddr_recv macaddr_send macaddr_sortsupport make_date make_interval make_time
make_timestamp make_timestamptz makeaclitem masklen matchingjoinsel matchingsel max md5
mic_to_big5 mic_to_euc_cn mic_to_euc_jp mic_to_euc_kr mic_to_euc_tw mic_to_iso mic_to_koi8r
mic_to_latin1 mic_to_latin2 mic_to_latin3 mic_to_latin4 mic_to_sjis mic_to_win1250
mic_to_win1251 mic_to_win866 min min_scale mod mode mode_final money mul_d_interval multirange
multirange_adjacent_multirange multirange_adjacent_range multirange_after_multirange
multirange_after_range multirange_agg_finalfn multirange_agg_transfn
multirange_before_multirange multirange_before_range multirange_cmp
multirange_contained_by_multirange multirange_contained_by_range multirange_contains_elem
multirange_contains_multirange multirange_contains_range multirange_eq multirange_ge
multirange_gist_compress multirange_gist_consistent multirange_gt multirange_in
multirange_intersect multirange_intersect_agg_transfn multirange_le multirange_lt
multirange_minus multirange_ne multirange_out multirange_overlaps_multirange
multirange_overlaps_range multirange_overleft_multirange multirange_overleft_range
multirange_overright_multirange multirange_overright_range multirange_recv multirange_send
multirange_typanalyze multirange_union multirangesel mxid_age name nameconcatoid nameeq
nameeqtext namege namegetext namegt namegttext nameiclike nameicnlike nameicregexeq
nameicregexne namein namele nameletext namelike namelt namelttext namene namenetext namenlike
nameout namerecv nameregexeq nameregexne namesend neqjoinsel neqsel netmask network network_cmp
network_eq network_ge network_gt network_larger network_le network_lt network_ne network_overlap
network_smaller network_sortsupport network_sub network_subeq network_subset_support network_sup
network_supeq networkjoinsel networksel nextval nlikejoinsel nlikesel normalize notlike now
npoints nth_value ntile num_nonnulls num_nulls numeric numeric_abs numeric_accum
numeric_accum_inv numeric_add numeric_avg numeric_avg_accum numeric_avg_combine
numeric_avg_deserialize numeric_avg_serialize numeric_cmp numeric_combine numeric_deserialize
numeric_div numeric_div_trunc numeric_eq numeric_exp numeric_ge numeric_gt numeric_in
numeric_inc numeric_larger numeric_le numeric_ln numeric_log numeric_lt numeric_mod numeric_mul
numeric_ne numeric_out numeric_pl_pg_lsn numeric_poly_avg numeric_poly_combine
numeric_poly_deserialize numeric_poly_serialize numeric_poly_stddev_pop numeric_poly_stddev_samp
numeric_poly_sum numeric_poly_var_pop numeric_poly_var_samp numeric_power numeric_recv
numeric_send numeric_serialize numeric_smaller numeric_sortsupport numeric_sqrt
numeric_stddev_pop numeric_stddev_samp numeric_sub numeric_sum numeric_support numeric_uminus
numeric_uplus numeric_var_pop numeric_var_samp numerictypmodin numerictypmodout nummultirange
numnode numrange numrange_subdiff obj_description octet_length oid oideq oidge oidgt oidin
oidlarger oidle oidlt oidne oidout oidrecv oidsend oidsmaller oidvectoreq oidvectorge
oidvectorgt oidvectorin oidvectorle oidvectorlt oidvectorne oidvectorout oidvectorrecv
oidvectorsend oidvectortypes on_pb on_pl on_ppath on_ps on_sb on_sl ordered_set_transition
ordered_set_transition_multi overlaps overlay parse_ident path path_add path_add_pt
path_contain_pt path_distance path_div_pt path_in path_inter path_length path_mul_pt path_n_eq
path_n_ge path_n_gt path_n_le path_n_lt path_npoints path_out path_recv path_send path_sub_pt
pclose percent_rank percent_rank_final percentile_cont percentile_cont_float8_final
percentile_cont_float8_multi_final percentile_cont_interval_final
percentile_cont_interval_multi_final percentile_disc percentile_disc_final
percentile_disc_multi_final pg_advisory_lock pg_advisory_lock_shared pg_advisory_unlock
pg_advisory_unlock_all pg_advisory_unlock_shared pg_advisory_xact_lock
pg_advisory_xact_lock_shared pg_available_extension_versions pg_available_extensions
pg_available_wal_summaries pg_backend_pid pg_backup_start pg_backup_stop pg_basetype
pg_blocking_pids pg_cancel_backend pg_char_to_encoding pg_clear_attribute_stats
pg_clear_relation_stats pg_client_encoding pg_collation_actual_version pg_collation_for
pg_collation_is_visible pg_column_compression pg_column_is_updatable pg_column_size
pg_column_toast_chunk_id pg_conf_load_time pg_config pg_control_checkpoint pg_control_init
pg_control_recovery pg_control_system pg_conversion_is_visible pg_copy_logical_replication_slot
pg_copy_physical_replication_slot pg_create_logical_replication_slot
pg_create_physical_replication_slot pg_create_restore_point pg_current_logfile
pg_current_snapshot pg_current_wal_flush_lsn pg_current_wal_insert_lsn pg_current_wal_lsn
pg_current_xact_id pg_current_xact_id_if_assigned pg_cursor pg_database_collation_actual_version
pg_database_size pg_ddl_command_in pg_ddl_command_out pg_ddl_command_recv pg_ddl_command_send
pg_dependencies_in pg_dependencies_out pg_dependencies_recv pg_dependencies_send
pg_describe_object pg_drop_replication_slot pg_encoding_max_length pg_encoding_to_char
pg_event_trigger_ddl_commands pg_event_trigger_dropped_objects
pg_event_trigger_table_rewrite_oid pg_event_trigger_table_rewrite_reason pg_export_snapshot
pg_extension_config_dump pg_extension_update_paths pg_filenode_relation pg_function_is_visible
pg_get_acl pg_get_aios pg_get_backend_memory_contexts pg_get_catalog_foreign_keys
pg_get_constraintdef pg_get_expr pg_get_function_arg_default pg_get_function_arguments
pg_get_function_identity_arguments pg_get_function_result pg_get_function_sqlbody
pg_get_functiondef pg_get_indexdef pg_get_keywords pg_get_loaded_modules
pg_get_multixact_members pg_get_object_address pg_get_partition_constraintdef pg_get_partkeydef
pg_get_publication_tables pg_get_replica_identity_index pg_get_replication_slots pg_get_ruledef
pg_get_sequence_data pg_get_serial_sequence pg_get_shmem_allocations
pg_get_shmem_allocations_numa pg_get_statisticsobjdef pg_get_statisticsobjdef_columns
pg_get_statisticsobjdef_expressions pg_get_triggerdef pg_get_userbyid pg_get_viewdef
pg_get_wait_events pg_get_wal_replay_pause_state pg_get_wal_resource_managers
pg_get_wal_summarizer_state pg_has_role pg_hba_file_rules pg_ident_file_mappings
pg_identify_object pg_identify_object_as_address pg_import_system_collations
pg_index_column_has_property pg_index_has_property pg_indexam_has_property
pg_indexam_progress_phasename pg_indexes_size pg_input_error_info pg_input_is_valid
pg_is_in_recovery pg_is_other_temp_schema pg_is_wal_replay_paused
pg_isolation_test_session_is_blocked pg_jit_available pg_last_committed_xact
pg_last_wal_receive_lsn pg_last_wal_replay_lsn pg_last_xact_replay_timestamp
pg_listening_channels pg_lock_status pg_log_backend_memory_contexts pg_log_standby_snapshot
pg_logical_emit_message pg_logical_slot_get_binary_changes pg_logical_slot_get_changes
pg_logical_slot_peek_binary_changes pg_logical_slot_peek_changes pg_ls_archive_statusdir
pg_ls_dir pg_ls_logdir pg_ls_logicalmapdir pg_ls_logicalsnapdir pg_ls_replslotdir
pg_ls_summariesdir pg_ls_tmpdir pg_ls_waldir pg_lsn pg_lsn_cmp pg_lsn_eq pg_lsn_ge pg_lsn_gt
pg_lsn_hash pg_lsn_hash_extended pg_lsn_in pg_lsn_larger pg_lsn_le pg_lsn_lt pg_lsn_mi
pg_lsn_mii pg_lsn_ne pg_lsn_out pg_lsn_pli pg_lsn_recv pg_lsn_send pg_lsn_smaller pg_mcv_list_in
pg_mcv_list_items pg_mcv_list_out pg_mcv_list_recv pg_mcv_list_send pg_my_temp_schema
pg_ndistinct_in pg_ndistinct_out pg_ndistinct_recv pg_ndistinct_send pg_nextoid pg_node_tree_in
pg_node_tree_out pg_node_tree_recv pg_node_tree_send pg_notification_queue_usage pg_notify
pg_numa_available pg_opclass_is_visible pg_operator_is_visible pg_opfamily_is_visible
pg_options_to_table pg_partition_ancestors pg_partition_root pg_partition_tree
pg_postmaster_start_time pg_prepared_statement pg_prepared_xact pg_promote pg_read_binary_file
pg_read_file pg_read_file_old pg_relation_filenode pg_relation_filepath
pg_relation_is_publishable pg_relation_is_updatable pg_relation_size pg_reload_conf
pg_replication_origin_advance pg_replication_origin_create pg_replication_origin_drop
pg_replication_origin_oid pg_replication_origin_progress pg_replication_origin_session_is_setup
pg_replication_origin_session_progress pg_replication_origin_session_reset
pg_replication_origin_session_setup pg_replication_origin_xact_reset
pg_replication_origin_xact_setup pg_replication_slot_advance pg_restore_attribute_stats
pg_restore_relation_stats pg_rotate_logfile pg_rotate_logfile_old pg_safe_snapshot_blocking_pids
pg_sequence_last_value pg_sequence_parameters pg_settings_get_flags pg_show_all_file_settings
pg_show_all_settings pg_show_replication_origin_status pg_size_bytes pg_size_pretty pg_sleep
pg_sleep_for pg_sleep_until pg_snapshot_in pg_snapshot_out pg_snapshot_recv pg_snapshot_send
pg_snapshot_xip pg_snapshot_xmax pg_snapshot_xmin pg_split_walfile_name pg_stat_clear_snapshot
pg_stat_file pg_stat_force_next_flush pg_stat_get_activity pg_stat_get_analyze_count
pg_stat_get_archiver pg_stat_get_autoanalyze_count pg_stat_get_autovacuum_count
pg_stat_get_backend_activity pg_stat_get_backend_activity_start pg_stat_get_backend_client_addr
pg_stat_get_backend_client_port pg_stat_get_backend_dbid pg_stat_get_backend_idset
pg_stat_get_backend_io pg_stat_get_backend_pid pg_stat_get_backend_start
pg_stat_get_backend_subxact pg_stat_get_backend_userid pg_stat_get_backend_wait_event
pg_stat_get_backend_wait_event_type pg_stat_get_backend_wal pg_stat_get_backend_xact_start
pg_stat_get_bgwriter_buf_written_checkpoints pg_stat_get_bgwriter_buf_written_clean
pg_stat_get_bgwriter_maxwritten_clean pg_stat_get_bgwriter_requested_checkpoints
pg_stat_get_bgwriter_stat_reset_time pg_stat_get_bgwriter_timed_checkpoints
pg_stat_get_blocks_fetched pg_stat_get_blocks_hit pg_stat_get_buf_alloc
pg_stat_get_buf_fsync_backend pg_stat_get_buf_written_backend pg_stat_get_checkpoint_sync_time
pg_stat_get_checkpoint_write_time pg_stat_get_checkpointer_buffers_written
pg_stat_get_checkpointer_num_performed pg_stat_get_checkpointer_num_requested
pg_stat_get_checkpointer_num_timed pg_stat_get_checkpointer_restartpoints_performed
pg_stat_get_checkpointer_restartpoints_requested pg_stat_get_checkpointer_restartpoints_timed
pg_stat_get_checkpointer_slru_written pg_stat_get_checkpointer_stat_reset_time
pg_stat_get_checkpointer_sync_time pg_stat_get_checkpointer_write_time
pg_stat_get_db_active_time pg_stat_get_db_blk_read_time pg_stat_get_db_blk_write_time
pg_stat_get_db_blocks_fetched pg_stat_get_db_blocks_hit pg_stat_get_db_checksum_failures
pg_stat_get_db_checksum_last_failure pg_stat_get_db_conflict_all
pg_stat_get_db_conflict_bufferpin pg_stat_get_db_conflict_lock
pg_stat_get_db_conflict_logicalslot pg_stat_get_db_conflict_snapshot
pg_stat_get_db_conflict_startup_deadlock pg_stat_get_db_conflict_tablespace
pg_stat_get_db_deadlocks pg_stat_get_db_idle_in_transaction_time pg_stat_get_db_numbackends
pg_stat_get_db_parallel_workers_launched pg_stat_get_db_parallel_workers_to_launch
pg_stat_get_db_session_time pg_stat_get_db_sessions pg_stat_get_db_sessions_abandoned
pg_stat_get_db_sessions_fatal pg_stat_get_db_sessions_killed pg_stat_get_db_stat_reset_time
pg_stat_get_db_temp_bytes pg_stat_get_db_temp_files pg_stat_get_db_tuples_deleted
pg_stat_get_db_tuples_fetched pg_stat_get_db_tuples_inserted pg_stat_get_db_tuples_returned
pg_stat_get_db_tuples_updated pg_stat_get_db_xact_commit pg_stat_get_db_xact_rollback
pg_stat_get_dead_tuples pg_stat_get_function_calls pg_stat_get_function_self_time
pg_stat_get_function_total_time pg_stat_get_ins_since_vacuum pg_stat_get_io
pg_stat_get_last_analyze_time pg_stat_get_last_autoanalyze_time pg_stat_get_last_autovacuum_time
pg_stat_get_last_vacuum_time pg_stat_get_lastscan pg_stat_get_live_tuples
pg_stat_get_mod_since_analyze pg_stat_get_numscans pg_stat_get_progress_info
pg_stat_get_recovery_prefetch pg_stat_get_replication_slot pg_stat_get_slru
pg_stat_get_snapshot_timestamp pg_stat_get_subscription pg_stat_get_subscription_stats
pg_stat_get_total_analyze_time pg_stat_get_total_autoanalyze_time
pg_stat_get_total_autovacuum_time pg_stat_get_total_vacuum_time pg_stat_get_tuples_deleted
pg_stat_get_tuples_fetched pg_stat_get_tuples_hot_updated pg_stat_get_tuples_inserted
pg_stat_get_tuples_newpage_updated pg_stat_get_tuples_returned pg_stat_get_tuples_updated
pg_stat_get_vacuum_count pg_stat_get_wal pg_stat_get_wal_receiver pg_stat_get_wal_senders
pg_stat_get_xact_blocks_fetched pg_stat_get_xact_blocks_hit pg_stat_get_xact_function_calls
pg_stat_get_xact_function_self_time pg_stat_get_xact_function_total_time
pg_stat_get_xact_numscans pg_stat_get_xact_tuples_deleted pg_stat_get_xact_tuples_fetched
pg_stat_get_xact_tuples_hot_updated pg_stat_get_xact_tuples_inserted
pg_stat_get_xact_tuples_newpage_updated pg_stat_get_xact_tuples_returned
pg_stat_get_xact_tuples_updated pg_stat_have_stats pg_stat_reset pg_stat_reset_backend_stats
pg_stat_reset_replication_slot pg_stat_reset_shared pg_stat_reset_single_function_counters
pg_stat_reset_single_table_counters pg_stat_reset_slru pg_stat_reset_subscription_stats
pg_statistics_obj_is_visible pg_stop_making_pinned_objects pg_switch_wal
pg_sync_replication_slots pg_table_is_visible pg_table_size pg_tablespace_databases
pg_tablespace_location pg_tablespace_size pg_terminate_backend pg_timezone_abbrevs
pg_timezone_abbrevs_abbrevs pg_timezone_abbrevs_zone pg_timezone_names pg_total_relation_size
pg_trigger_depth pg_try_advisory_lock pg_try_advisory_lock_shared pg_try_advisory_xact_lock
pg_try_advisory_xact_lock_shared pg_ts_config_is_visible pg_ts_dict_is_visible
pg_ts_parser_is_visible pg_ts_template_is_visible pg_type_is_visible pg_typeof
pg_visible_in_snapshot pg_wal_lsn_diff pg_wal_replay_pause pg_wal_replay_resume
pg_wal_summary_contents pg_walfile_name pg_walfile_name_offset pg_xact_commit_timestamp
pg_xact_commit_timestamp_origin pg_xact_status phraseto_tsquery pi plainto_tsquery
plpgsql_call_handler plpgsql_inline_handler plpgsql_validator point point_above point_add
point_below point_distance point_div point_eq point_horiz point_in point_left point_mul point_ne
point_out point_recv point_right point_send point_sub point_vert poly_above poly_below
poly_center poly_contain poly_contain_pt poly_contained poly_distance poly_in poly_left
poly_npoints poly_out poly_overabove poly_overbelow poly_overlap poly_overleft poly_overright
poly_recv poly_right poly_same poly_send polygon popen position positionjoinsel positionsel
postgresql_fdw_validator pow power prefixjoinsel prefixsel prsd_end prsd_headline prsd_lextype
prsd_nexttoken prsd_start pt_contained_circle pt_contained_poly query_to_xml
query_to_xml_and_xmlschema query_to_xmlschema querytree quote_ident quote_literal quote_nullable
radians radius random random_normal range_adjacent range_adjacent_multirange range_after
range_after_multirange range_agg range_agg_finalfn range_agg_transfn range_before
range_before_multirange range_cmp range_contained_by range_contained_by_multirange
range_contains range_contains_elem range_contains_elem_support range_contains_multirange
range_eq range_ge range_gist_consistent range_gist_penalty range_gist_picksplit range_gist_same
range_gist_union range_gt range_in range_intersect range_intersect_agg
range_intersect_agg_transfn range_le range_lt range_merge range_minus range_ne range_out
range_overlaps range_overlaps_multirange range_overleft range_overleft_multirange
range_overright range_overright_multirange range_recv range_send range_sortsupport
range_typanalyze range_union rangesel rank rank_final raw_array_subscript_handler record_eq
record_ge record_gt record_image_eq record_image_ge record_image_gt record_image_le
record_image_lt record_image_ne record_in record_larger record_le record_lt record_ne record_out
record_recv record_send record_smaller regclass regclassin regclassout regclassrecv regclasssend
regcollationin regcollationout regcollationrecv regcollationsend regconfigin regconfigout
regconfigrecv regconfigsend regdictionaryin regdictionaryout regdictionaryrecv regdictionarysend
regexeqjoinsel regexeqsel regexnejoinsel regexnesel regexp_count regexp_instr regexp_like
regexp_match regexp_matches regexp_replace regexp_split_to_array regexp_split_to_table
regexp_substr regnamespacein regnamespaceout regnamespacerecv regnamespacesend regoperatorin
regoperatorout regoperatorrecv regoperatorsend regoperin regoperout regoperrecv regopersend
regprocedurein regprocedureout regprocedurerecv regproceduresend regprocin regprocout
regprocrecv regprocsend regr_avgx regr_avgy regr_count regr_intercept regr_r2 regr_slope
regr_sxx regr_sxy regr_syy regrolein regroleout regrolerecv regrolesend regtypein regtypeout
regtyperecv regtypesend repeat replace reverse ri_fkey_cascade_del ri_fkey_cascade_upd
ri_fkey_check_ins ri_fkey_check_upd ri_fkey_noaction_del ri_fkey_noaction_upd
ri_fkey_restrict_del ri_fkey_restrict_upd ri_fkey_setdefault_del ri_fkey_setdefault_upd
ri_fkey_setnull_del ri_fkey_setnull_upd right round row_number row_security_active row_to_json
rpad rtrim satisfies_hash_partition scalargejoinsel scalargesel scalargtjoinsel scalargtsel
scalarlejoinsel scalarlesel scalarltjoinsel scalarltsel scale schema_to_xml
schema_to_xml_and_xmlschema schema_to_xmlschema session_user set_bit set_byte set_config
set_masklen setseed setval setweight sha224 sha256 sha384 sha512 shell_in shell_out
shift_jis_2004_to_euc_jis_2004 shift_jis_2004_to_utf8 shobj_description sign similar_escape
similar_to_escape sin sind sinh sjis_to_euc_jp sjis_to_mic sjis_to_utf8 slope
spg_bbox_quad_config spg_box_quad_choose spg_box_quad_config spg_box_quad_inner_consistent
spg_box_quad_leaf_consistent spg_box_quad_picksplit spg_kd_choose spg_kd_config
spg_kd_inner_consistent spg_kd_picksplit spg_poly_quad_compress spg_quad_choose spg_quad_config
spg_quad_inner_consistent spg_quad_leaf_consistent spg_quad_picksplit spg_range_quad_choose
spg_range_quad_config spg_range_quad_inner_consistent spg_range_quad_leaf_consistent
spg_range_quad_picksplit spg_text_choose spg_text_config spg_text_inner_consistent
spg_text_leaf_consistent spg_text_picksplit spghandler split_part sqrt starts_with
statement_timestamp stddev stddev_pop stddev_samp string_agg string_agg_combine
string_agg_deserialize string_agg_finalfn string_agg_serialize string_agg_transfn
string_to_array string_to_table strip strpos substr substring sum
suppress_redundant_updates_trigger system system_user table_am_handler_in table_am_handler_out
table_to_xml table_to_xml_and_xmlschema table_to_xmlschema tan tand tanh text text_ge text_gt
text_larger text_le text_lt text_pattern_ge text_pattern_gt text_pattern_le text_pattern_lt
text_smaller text_starts_with_support textanycat textcat texteq texteqname textgename textgtname
texticlike texticlike_support texticnlike texticregexeq texticregexeq_support texticregexne
textin textlen textlename textlike textlike_support textltname textne textnename textnlike
textout textrecv textregexeq textregexeq_support textregexne textsend thesaurus_init
thesaurus_lexize tideq tidge tidgt tidin tidlarger tidle tidlt tidne tidout tidrecv tidsend
tidsmaller time time_cmp time_eq time_ge time_gt time_hash time_hash_extended time_in
time_larger time_le time_lt time_mi_interval time_mi_time time_ne time_out time_pl_interval
time_recv time_send time_smaller time_support timedate_pl timeofday timestamp timestamp_cmp
timestamp_cmp_date timestamp_cmp_timestamptz timestamp_eq timestamp_eq_date
timestamp_eq_timestamptz timestamp_ge timestamp_ge_date timestamp_ge_timestamptz timestamp_gt
timestamp_gt_date timestamp_gt_timestamptz timestamp_hash timestamp_hash_extended timestamp_in
timestamp_larger timestamp_le timestamp_le_date timestamp_le_timestamptz timestamp_lt
timestamp_lt_date timestamp_lt_timestamptz timestamp_mi timestamp_mi_interval timestamp_ne
timestamp_ne_date timestamp_ne_timestamptz timestamp_out timestamp_pl_interval timestamp_recv
timestamp_send timestamp_skipsupport timestamp_smaller timestamp_sortsupport timestamp_support
timestamptypmodin timestamptypmodout timestamptz timestamptz_cmp timestamptz_cmp_date
timestamptz_cmp_timestamp timestamptz_eq timestamptz_eq_date timestamptz_eq_timestamp
timestamptz_ge timestamptz_ge_date timestamptz_ge_timestamp timestamptz_gt timestamptz_gt_date
timestamptz_gt_timestamp timestamptz_hash timestamptz_hash_extended timestamptz_in
timestamptz_larger timestamptz_le timestamptz_le_date timestamptz_le_timestamp timestamptz_lt
timestamptz_lt_date timestamptz_lt_timestamp timestamptz_mi timestamptz_mi_interval
timestamptz_ne timestamptz_ne_date timestamptz_ne_timestamp timestamptz_out
timestamptz_pl_interval timestamptz_recv timestamptz_send timestamptz_smaller
timestamptztypmodin timestamptztypmodout timetypmodin timetypmodout timetz timetz_cmp timetz_eq
timetz_ge timetz_gt timetz_hash timetz_hash_extended timetz_in timetz_larger timetz_le timetz_lt
timetz_mi_interval timetz_ne timetz_out timetz_pl_interval timetz_recv timetz_send
timetz_smaller timetzdate_pl timetztypmodin timetztypmodout timezone to_ascii to_bin to_char
to_date to_hex to_json to_jsonb to_number to_oct to_regclass to_regcollation to_regnamespace
to_regoper to_regoperator to_regproc to_regprocedure to_regrole to_regtype to_regtypemod
to_timestamp to_tsquery to_tsvector transaction_timestamp translate trigger_in trigger_out
trim_array trim_scale trunc ts_debug ts_delete ts_filter ts_headline ts_lexize ts_match_qv
ts_match_tq ts_match_tt ts_match_vq ts_parse ts_rank ts_rank_cd ts_rewrite ts_stat ts_token_type
ts_typanalyze tsm_handler_in tsm_handler_out tsmatchjoinsel tsmatchsel tsmultirange
tsq_mcontained tsq_mcontains tsquery_and tsquery_cmp tsquery_eq tsquery_ge tsquery_gt tsquery_le
tsquery_lt tsquery_ne tsquery_not tsquery_or tsquery_phrase tsqueryin tsqueryout tsqueryrecv
tsquerysend tsrange tsrange_subdiff tstzmultirange tstzrange tstzrange_subdiff tsvector_cmp
tsvector_concat tsvector_eq tsvector_ge tsvector_gt tsvector_le tsvector_lt tsvector_ne
tsvector_to_array tsvector_update_trigger tsvector_update_trigger_column tsvectorin tsvectorout
tsvectorrecv tsvectorsend txid_current txid_current_if_assigned txid_current_snapshot
txid_snapshot_in txid_snapshot_out txid_snapshot_recv txid_snapshot_send txid_snapshot_xip
txid_snapshot_xmax txid_snapshot_xmin txid_status txid_visible_in_snapshot uhc_to_utf8
unicode_assigned unicode_version unique_key_recheck unistr unknownin unknownout unknownrecv
unknownsend unnest upper upper_inc upper_inf utf8_to_big5 utf8_to_euc_cn utf8_to_euc_jis_2004
utf8_to_euc_jp utf8_to_euc_kr utf8_to_euc_tw utf8_to_gb18030 utf8_to_gbk utf8_to_iso8859
utf8_to_iso8859_1 utf8_to_johab utf8_to_koi8r utf8_to_koi8u utf8_to_shift_jis_2004 utf8_to_sjis
utf8_to_uhc utf8_to_win uuid_cmp uuid_eq uuid_extract_timestamp uuid_extract_version uuid_ge
uuid_gt uuid_hash uuid_hash_extended uuid_in uuid_le uuid_lt uuid_ne uuid_out uuid_recv
uuid_send uuid_skipsupport uuid_sortsupport uuidv4 uuidv7 var_pop var_samp varbit varbit_in
varbit_out varbit_recv varbit_send varbit_support varbitcmp varbiteq varbitge varbitgt varbitle
varbitlt varbitne varbittypmodin varbittypmodout varchar varchar_support varcharin varcharout
varcharrecv varcharsend varchartypmodin varchartypmodout variance version void_in void_out
void_recv void_send websearch_to_tsquery width width_bucket win1250_to_latin2 win1250_to_mic
win1251_to_iso win1251_to_koi8r win1251_to_mic win1251_to_win866 win866_to_iso win866_to_koi8r
win866_to_mic win866_to_win1251 win_to_utf8 window_cume_dist_support window_dense_rank_support
window_ntile_support window_percent_rank_support window_rank_support window_row_number_support
xid xid8_larger xid8_smaller xid8cmp xid8eq xid8ge xid8gt xid8in xid8le xid8lt xid8ne xid8out
xid8recv xid8send xideq xideqint4 xidin xidneq xidneqint4 xidout xidrecv xidsend xml xml_in
xml_is_well_formed xml_is_well_formed_content xml_is_well_formed_document xml_out xml_recv
xml_send xmlagg xmlcomment xmlconcat2 xmlexists xmltext xmlvalidate xpath xpath_exists`);
var EXTENSION_FUNCTIONS = /* @__PURE__ */ new Map([
  ["adminpack", words(`pg_file_rename pg_file_sync pg_file_unlink pg_file_write pg_logdir_ls`)],
  ["amcheck", words(`bt_index_check bt_index_parent_check verify_heapam`)],
  ["autoinc", words(`autoinc`)],
  ["bloom", words(`blhandler`)],
  ["btree_gin", words(`gin_btree_consistent gin_compare_prefix_anyenum gin_compare_prefix_bit gin_compare_prefix_bool
gin_compare_prefix_bpchar gin_compare_prefix_bytea gin_compare_prefix_char
gin_compare_prefix_cidr gin_compare_prefix_date gin_compare_prefix_float4
gin_compare_prefix_float8 gin_compare_prefix_inet gin_compare_prefix_int2
gin_compare_prefix_int4 gin_compare_prefix_int8 gin_compare_prefix_interval
gin_compare_prefix_macaddr gin_compare_prefix_macaddr8 gin_compare_prefix_money
gin_compare_prefix_name gin_compare_prefix_numeric gin_compare_prefix_oid
gin_compare_prefix_text gin_compare_prefix_time gin_compare_prefix_timestamp
gin_compare_prefix_timestamptz gin_compare_prefix_timetz gin_compare_prefix_uuid
gin_compare_prefix_varbit gin_enum_cmp gin_extract_query_anyenum gin_extract_query_bit
gin_extract_query_bool gin_extract_query_bpchar gin_extract_query_bytea gin_extract_query_char
gin_extract_query_cidr gin_extract_query_date gin_extract_query_float4 gin_extract_query_float8
gin_extract_query_inet gin_extract_query_int2 gin_extract_query_int4 gin_extract_query_int8
gin_extract_query_interval gin_extract_query_macaddr gin_extract_query_macaddr8
gin_extract_query_money gin_extract_query_name gin_extract_query_numeric gin_extract_query_oid
gin_extract_query_text gin_extract_query_time gin_extract_query_timestamp
gin_extract_query_timestamptz gin_extract_query_timetz gin_extract_query_uuid
gin_extract_query_varbit gin_extract_value_anyenum gin_extract_value_bit gin_extract_value_bool
gin_extract_value_bpchar gin_extract_value_bytea gin_extract_value_char gin_extract_value_cidr
gin_extract_value_date gin_extract_value_float4 gin_extract_value_float8 gin_extract_value_inet
gin_extract_value_int2 gin_extract_value_int4 gin_extract_value_int8 gin_extract_value_interval
gin_extract_value_macaddr gin_extract_value_macaddr8 gin_extract_value_money
gin_extract_value_name gin_extract_value_numeric gin_extract_value_oid gin_extract_value_text
gin_extract_value_time gin_extract_value_timestamp gin_extract_value_timestamptz
gin_extract_value_timetz gin_extract_value_uuid gin_extract_value_varbit gin_numeric_cmp`)],
  ["btree_gist", words(`cash_dist date_dist float4_dist float8_dist gbt_bit_compress gbt_bit_consistent gbt_bit_penalty
gbt_bit_picksplit gbt_bit_same gbt_bit_union gbt_bool_compress gbt_bool_consistent
gbt_bool_fetch gbt_bool_penalty gbt_bool_picksplit gbt_bool_same gbt_bool_union
gbt_bpchar_compress gbt_bpchar_consistent gbt_bytea_compress gbt_bytea_consistent
gbt_bytea_penalty gbt_bytea_picksplit gbt_bytea_same gbt_bytea_union gbt_cash_compress
gbt_cash_consistent gbt_cash_distance gbt_cash_fetch gbt_cash_penalty gbt_cash_picksplit
gbt_cash_same gbt_cash_union gbt_date_compress gbt_date_consistent gbt_date_distance
gbt_date_fetch gbt_date_penalty gbt_date_picksplit gbt_date_same gbt_date_union gbt_decompress
gbt_enum_compress gbt_enum_consistent gbt_enum_fetch gbt_enum_penalty gbt_enum_picksplit
gbt_enum_same gbt_enum_union gbt_float4_compress gbt_float4_consistent gbt_float4_distance
gbt_float4_fetch gbt_float4_penalty gbt_float4_picksplit gbt_float4_same gbt_float4_union
gbt_float8_compress gbt_float8_consistent gbt_float8_distance gbt_float8_fetch
gbt_float8_penalty gbt_float8_picksplit gbt_float8_same gbt_float8_union gbt_inet_compress
gbt_inet_consistent gbt_inet_penalty gbt_inet_picksplit gbt_inet_same gbt_inet_union
gbt_int2_compress gbt_int2_consistent gbt_int2_distance gbt_int2_fetch gbt_int2_penalty
gbt_int2_picksplit gbt_int2_same gbt_int2_union gbt_int4_compress gbt_int4_consistent
gbt_int4_distance gbt_int4_fetch gbt_int4_penalty gbt_int4_picksplit gbt_int4_same
gbt_int4_union gbt_int8_compress gbt_int8_consistent gbt_int8_distance gbt_int8_fetch
gbt_int8_penalty gbt_int8_picksplit gbt_int8_same gbt_int8_union gbt_intv_compress
gbt_intv_consistent gbt_intv_decompress gbt_intv_distance gbt_intv_fetch gbt_intv_penalty
gbt_intv_picksplit gbt_intv_same gbt_intv_union gbt_macad8_compress gbt_macad8_consistent
gbt_macad8_fetch gbt_macad8_penalty gbt_macad8_picksplit gbt_macad8_same gbt_macad8_union
gbt_macad_compress gbt_macad_consistent gbt_macad_fetch gbt_macad_penalty gbt_macad_picksplit
gbt_macad_same gbt_macad_union gbt_numeric_compress gbt_numeric_consistent gbt_numeric_penalty
gbt_numeric_picksplit gbt_numeric_same gbt_numeric_union gbt_oid_compress gbt_oid_consistent
gbt_oid_distance gbt_oid_fetch gbt_oid_penalty gbt_oid_picksplit gbt_oid_same gbt_oid_union
gbt_text_compress gbt_text_consistent gbt_text_penalty gbt_text_picksplit gbt_text_same
gbt_text_union gbt_time_compress gbt_time_consistent gbt_time_distance gbt_time_fetch
gbt_time_penalty gbt_time_picksplit gbt_time_same gbt_time_union gbt_timetz_compress
gbt_timetz_consistent gbt_ts_compress gbt_ts_consistent gbt_ts_distance gbt_ts_fetch
gbt_ts_penalty gbt_ts_picksplit gbt_ts_same gbt_ts_union gbt_tstz_compress gbt_tstz_consistent
gbt_tstz_distance gbt_uuid_compress gbt_uuid_consistent gbt_uuid_fetch gbt_uuid_penalty
gbt_uuid_picksplit gbt_uuid_same gbt_uuid_union gbt_var_decompress gbt_var_fetch gbtreekey16_in
gbtreekey16_out gbtreekey2_in gbtreekey2_out gbtreekey32_in gbtreekey32_out gbtreekey4_in
gbtreekey4_out gbtreekey8_in gbtreekey8_out gbtreekey_var_in gbtreekey_var_out int2_dist
int4_dist int8_dist interval_dist oid_dist time_dist ts_dist tstz_dist`)],
  ["citext", words(`citext citext_cmp citext_eq citext_ge citext_gt citext_hash citext_hash_extended citext_larger
citext_le citext_lt citext_ne citext_pattern_cmp citext_pattern_ge citext_pattern_gt
citext_pattern_le citext_pattern_lt citext_smaller citextin citextout citextrecv citextsend max
min regexp_match regexp_matches regexp_replace regexp_split_to_array regexp_split_to_table
replace split_part strpos texticlike texticnlike texticregexeq texticregexne translate`)],
  ["cube", words(`cube cube_cmp cube_contained cube_contains cube_coord cube_coord_llur cube_dim cube_distance
cube_enlarge cube_eq cube_ge cube_gt cube_in cube_inter cube_is_point cube_le cube_ll_coord
cube_lt cube_ne cube_out cube_overlap cube_recv cube_send cube_size cube_subset cube_union
cube_ur_coord distance_chebyshev distance_taxicab g_cube_consistent g_cube_distance
g_cube_penalty g_cube_picksplit g_cube_same g_cube_union`)],
  ["dblink", words(`dblink dblink_build_sql_delete dblink_build_sql_insert dblink_build_sql_update
dblink_cancel_query dblink_close dblink_connect dblink_connect_u dblink_current_query
dblink_disconnect dblink_error_message dblink_exec dblink_fdw_validator dblink_fetch
dblink_get_connections dblink_get_notify dblink_get_pkey dblink_get_result dblink_is_busy
dblink_open dblink_send_query`)],
  ["dict_int", words(`dintdict_init dintdict_lexize`)],
  ["dict_xsyn", words(`dxsyn_init dxsyn_lexize`)],
  ["earthdistance", words(`earth earth_box earth_distance gc_to_sec geo_distance latitude ll_to_earth longitude sec_to_gc`)],
  ["file_fdw", words(`file_fdw_handler file_fdw_validator`)],
  ["fuzzystrmatch", words(`difference dmetaphone dmetaphone_alt levenshtein levenshtein_less_equal metaphone soundex
text_soundex`)],
  ["hstore", words(`akeys avals defined delete each exist exists_all exists_any fetchval ghstore_compress
ghstore_consistent ghstore_decompress ghstore_in ghstore_options ghstore_out ghstore_penalty
ghstore_picksplit ghstore_same ghstore_union gin_consistent_hstore gin_extract_hstore
gin_extract_hstore_query hs_concat hs_contained hs_contains hstore hstore_cmp hstore_eq
hstore_ge hstore_gt hstore_hash hstore_hash_extended hstore_in hstore_le hstore_lt hstore_ne
hstore_out hstore_recv hstore_send hstore_subscript_handler hstore_to_array hstore_to_json
hstore_to_json_loose hstore_to_jsonb hstore_to_jsonb_loose hstore_to_matrix hstore_version_diag
isdefined isexists populate_record skeys slice slice_array svals tconvert`)],
  ["insert_username", words(`insert_username`)],
  ["intagg", words(`int_agg_final_array int_agg_state int_array_aggregate int_array_enum`)],
  ["intarray", words(`_int_contained _int_contained_joinsel _int_contained_sel _int_contains _int_contains_joinsel
_int_contains_sel _int_different _int_inter _int_matchsel _int_overlap _int_overlap_joinsel
_int_overlap_sel _int_same _int_union _intbig_in _intbig_out boolop bqarr_in bqarr_out
g_int_compress g_int_consistent g_int_decompress g_int_options g_int_penalty g_int_picksplit
g_int_same g_int_union g_intbig_compress g_intbig_consistent g_intbig_decompress
g_intbig_options g_intbig_penalty g_intbig_picksplit g_intbig_same g_intbig_union
ginint4_consistent ginint4_queryextract icount idx intarray_del_elem intarray_push_array
intarray_push_elem intset intset_subtract intset_union_elem querytree rboolop sort sort_asc
sort_desc subarray uniq`)],
  ["isn", words(`btean13cmp btisbn13cmp btisbncmp btismn13cmp btismncmp btissn13cmp btissncmp btupccmp ean13_in
ean13_out hashean13 hashisbn hashisbn13 hashismn hashismn13 hashissn hashissn13 hashupc is_valid
isbn isbn13 isbn13_in isbn_in ismn ismn13 ismn13_in ismn_in isn_out isn_weak isneq isnge isngt
isnle isnlt isnne issn issn13 issn13_in issn_in make_valid upc upc_in`)],
  ["lo", words(`lo_manage lo_oid`)],
  ["ltree", words(`_lt_q_regex _lt_q_rregex _ltq_extract_regex _ltq_regex _ltq_rregex _ltree_compress
_ltree_consistent _ltree_extract_isparent _ltree_extract_risparent _ltree_gist_options
_ltree_isparent _ltree_penalty _ltree_picksplit _ltree_r_isparent _ltree_r_risparent
_ltree_risparent _ltree_same _ltree_union _ltxtq_exec _ltxtq_extract_exec _ltxtq_rexec index lca
lquery_in lquery_out lquery_recv lquery_send lt_q_regex lt_q_rregex ltq_regex ltq_rregex
ltree2text ltree_addltree ltree_addtext ltree_cmp ltree_compress ltree_consistent
ltree_decompress ltree_eq ltree_ge ltree_gist_in ltree_gist_options ltree_gist_out ltree_gt
ltree_in ltree_isparent ltree_le ltree_lt ltree_ne ltree_out ltree_penalty ltree_picksplit
ltree_recv ltree_risparent ltree_same ltree_send ltree_textadd ltree_union ltreeparentsel
ltxtq_exec ltxtq_in ltxtq_out ltxtq_recv ltxtq_rexec ltxtq_send nlevel subltree subpath
text2ltree`)],
  ["moddatetime", words(`moddatetime`)],
  ["old_snapshot", words(`pg_old_snapshot_time_mapping`)],
  ["pageinspect", words(`brin_metapage_info brin_page_items brin_page_type brin_revmap_data bt_metap bt_page_items
bt_page_stats fsm_page_contents get_raw_page gin_leafpage_items gin_metapage_info
gin_page_opaque_info gist_page_items gist_page_items_bytea gist_page_opaque_info
hash_bitmap_info hash_metapage_info hash_page_items hash_page_stats hash_page_type
heap_page_item_attrs heap_page_items heap_tuple_infomask_flags page_checksum page_header
tuple_data_split`)],
  ["pg_buffercache", words(`pg_buffercache_pages`)],
  ["pg_freespacemap", words(`pg_freespace`)],
  ["pg_prewarm", words(`autoprewarm_dump_now autoprewarm_start_worker pg_prewarm`)],
  ["pg_stat_statements", words(`pg_stat_statements pg_stat_statements_info pg_stat_statements_reset`)],
  ["pg_surgery", words(`heap_force_freeze heap_force_kill`)],
  ["pg_trgm", words(`gin_extract_query_trgm gin_extract_value_trgm gin_trgm_consistent gin_trgm_triconsistent
gtrgm_compress gtrgm_consistent gtrgm_decompress gtrgm_distance gtrgm_in gtrgm_options gtrgm_out
gtrgm_penalty gtrgm_picksplit gtrgm_same gtrgm_union set_limit show_limit show_trgm similarity
similarity_dist similarity_op strict_word_similarity strict_word_similarity_commutator_op
strict_word_similarity_dist_commutator_op strict_word_similarity_dist_op
strict_word_similarity_op word_similarity word_similarity_commutator_op
word_similarity_dist_commutator_op word_similarity_dist_op word_similarity_op`)],
  ["pg_visibility", words(`pg_check_frozen pg_check_visible pg_truncate_visibility_map pg_visibility pg_visibility_map
pg_visibility_map_summary`)],
  ["pg_walinspect", words(`pg_get_wal_record_info pg_get_wal_records_info pg_get_wal_records_info_till_end_of_wal
pg_get_wal_stats pg_get_wal_stats_till_end_of_wal`)],
  ["pgcrypto", words(`armor crypt dearmor decrypt decrypt_iv digest encrypt encrypt_iv gen_random_bytes
gen_random_uuid gen_salt hmac pgp_armor_headers pgp_key_id pgp_pub_decrypt pgp_pub_decrypt_bytea
pgp_pub_encrypt pgp_pub_encrypt_bytea pgp_sym_decrypt pgp_sym_decrypt_bytea pgp_sym_encrypt
pgp_sym_encrypt_bytea`)],
  ["pgrowlocks", words(`pgrowlocks`)],
  ["pgstattuple", words(`pg_relpages pgstatginindex pgstathashindex pgstatindex pgstattuple pgstattuple_approx`)],
  ["postgres_fdw", words(`postgres_fdw_disconnect postgres_fdw_disconnect_all postgres_fdw_get_connections
postgres_fdw_handler postgres_fdw_validator`)],
  ["refint", words(`check_foreign_key check_primary_key`)],
  ["seg", words(`gseg_consistent gseg_penalty gseg_picksplit gseg_same gseg_union seg_center seg_cmp
seg_contained seg_contains seg_different seg_ge seg_gt seg_in seg_inter seg_le seg_left
seg_lower seg_lt seg_out seg_over_left seg_over_right seg_overlap seg_right seg_same seg_size
seg_union seg_upper`)],
  ["sslinfo", words(`ssl_cipher ssl_client_cert_present ssl_client_dn ssl_client_dn_field ssl_client_serial
ssl_extension_info ssl_is_used ssl_issuer_dn ssl_issuer_field ssl_version`)],
  ["tablefunc", words(`connectby crosstab crosstab2 crosstab3 crosstab4 normal_rand`)],
  ["tcn", words(`triggered_change_notification`)],
  ["tsm_system_rows", words(`system_rows`)],
  ["tsm_system_time", words(`system_time`)],
  ["unaccent", words(`unaccent unaccent_init unaccent_lexize`)],
  ["uuid-ossp", words(`uuid_generate_v1 uuid_generate_v1mc uuid_generate_v3 uuid_generate_v4 uuid_generate_v5 uuid_nil
uuid_ns_dns uuid_ns_oid uuid_ns_url uuid_ns_x500`)],
  ["xml2", words(`xml_encode_special_chars xml_valid xpath_bool xpath_list xpath_nodeset xpath_number xpath_string
xpath_table xslt_process`)]
]);

// rules/unreviewed-routine-call.ts
var OTHER_EXTENSIONS = /^(?:_?st_|postgis_|pgis_|addgeometrycolumn$|dropgeometry|updategeometrysrid$|find_srid$|populate_geometry_columns$|geometry|geography|box[23]d|l2_distance$|cosine_distance$|inner_product$|l1_distance$|vector_|halfvec|sparsevec|subvector$|time_bucket|create_hypertable$|create_distributed_hypertable$|add_\w+_policy$|remove_\w+_policy$|set_chunk_time_interval$|show_chunks$|drop_chunks$|compress_chunk$|decompress_chunk$|set_integer_now_func$|create_parent$|run_maintenance|schedule$|unschedule$|uuid_generate_v[1-7]|uuid_nil$|gen_random_uuid$|uuidv[47]$|ulid|nanoid|pgmq_|graphql|jsonb_schema_is_valid$|json_matches_schema$)/;
var PLATFORM = /* @__PURE__ */ new Map([
  ["auth", /* @__PURE__ */ new Set(["uid", "role", "jwt", "email"])],
  ["storage", /* @__PURE__ */ new Set(["foldername", "filename", "extension", "search", "get_size_by_bucket"])],
  ["vault", /* @__PURE__ */ new Set(["create_secret", "update_secret"])]
]);
var ANY_EXTENSION_FUNCTION = new Set([...EXTENSION_FUNCTIONS.values()].flatMap((names) => [...names]));
function namesUnknowable(facts) {
  if (facts.routinesMadeDynamically) return true;
  for (const ext of facts.extensions ?? []) if (!EXTENSION_FUNCTIONS.has(ext) && ext !== "plpgsql") return true;
  return false;
}
function known(name, schema, facts) {
  return schema !== void 0 && PLATFORM.get(schema)?.has(name) || facts.functionVolatility.has(name) || !!facts.aggregates?.has(name) || BUILTIN.has(name) || OTHER_EXTENSIONS.test(name) || ANY_EXTENSION_FUNCTION.has(name);
}
function unknownCalls(ast, facts) {
  const found = /* @__PURE__ */ new Map();
  for (const call of funcCalls(ast)) {
    const parts = stringList(call.funcname);
    const name = parts.at(-1)?.toLowerCase();
    const schema = parts.length > 1 ? parts.at(-2)?.toLowerCase() : void 0;
    if (name && schema !== "pg_catalog" && schema !== "information_schema" && !known(name, schema, facts) && !found.has(name)) found.set(name, parts.join("."));
  }
  return [...found.values()];
}
var rule87 = {
  id: "unreviewed-routine-call",
  risk: "CAUTION",
  title: "A call of a routine no migration here creates and the database does not have built in",
  docs: {
    why: "When a migration runs a routine that a migration created, its statements are judged as running there (a DROP TABLE in the body is a DROP TABLE at the CALL). A procedure, or a function called by a statement that runs now (SELECT, INSERT, UPDATE, DELETE, MERGE, CREATE TABLE AS), that no migration in the repository creates (in any migration folder, before or after this one: its body is there to review) and that is neither built in nor an extension's (made by hand, or by code outside the migrations) has a body the review never saw, so whatever it does, dropping or rewriting tables included, passes unseen. Built-in names are those of pg_catalog on PostgreSQL 15 and 18 (PGlite), and the functions of the extensions a stock server ships (uuid-ossp, pgcrypto, pg_trgm, hstore...), listed in rules/_builtin-functions.ts; a migration history that creates another extension (PostGIS, say) turns the check off for functions, since its functions are unknown here, and so does a routine of the history that creates routines with EXECUTE (their names are built when it runs).",
    instead: "Create (or replace) the routine in a migration, so its body is reviewed, or write its statements in the migration itself.",
    bad: "CALL archive_old_orders();\nSELECT purge_soft_deleted();",
    good: "CREATE OR REPLACE PROCEDURE archive_old_orders() LANGUAGE sql AS $$ DELETE FROM orders WHERE created_at < now() - interval '5 years' $$;\nCALL archive_old_orders();"
  },
  statements: ["CallStmt", "SelectStmt", "InsertStmt", "UpdateStmt", "DeleteStmt", "MergeStmt", "CreateTableAsStmt"],
  check({ statement, state }) {
    const [tag, v] = nodeTag(statement.ast) ?? ["", {}];
    if (tag === "CallStmt") {
      const parts = stringList(v.funccall?.funcname);
      const name = parts.at(-1)?.toLowerCase();
      if (!name || state.facts.functionVolatility.has(name) || state.repositoryRoutines?.has(name)) return [];
      return [{ message: `CALL ${parts.join(".")}() runs a procedure that no migration here creates: its body was not reviewed, and what it does runs now` }];
    }
    if (statement.nestedIn?.kind === "function-body" || namesUnknowable(state.facts)) return [];
    return unknownCalls(statement.ast, state.facts).filter((name) => !state.repositoryRoutines?.has(name.split(".").at(-1).toLowerCase())).map((name) => ({
      message: `${name}() is called here, but no migration here creates it and it is not a built-in or extension function: its body was not reviewed, and what it does runs now`
    }));
  }
};

// rules/unused-ignore.ts
var rule88 = {
  id: "unused-ignore",
  risk: "SAFE",
  title: "An ignore comment that suppresses nothing",
  docs: {
    why: "A `-- migration-guard-ignore` comment that silences no finding is either stale (the statement was fixed) or names a rule wrongly, and then the finding it meant to silence is still reported, or a later real problem is silenced by accident.",
    instead: "Remove the comment, or correct the rule id it lists (ids are in docs/rules.md).",
    bad: "-- migration-guard-ignore require-concurrent-index\nCREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);",
    good: "CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);"
  }
};

// rules/validate-in-same-transaction.ts
function heldLock(kind, table) {
  return kind === "foreign-key" || kind === "CONSTR_FOREIGN" ? `the SHARE ROW EXCLUSIVE locks the ADD took on ${table} and the referenced table (writes to both wait)` : `the ACCESS EXCLUSIVE lock the ADD took on ${table} (reads and writes wait)`;
}
function blocking(op, table) {
  return !!op && op.table === table && !!op.lock && blocksWrites(op.lock);
}
function what(op) {
  return op.kind.toLowerCase().replace(/_/g, " ");
}
var rule89 = {
  id: "validate-in-same-transaction",
  risk: "DANGEROUS",
  title: "VALIDATE CONSTRAINT in the same transaction as its NOT VALID add (or another blocking change to the table) scans under that lock",
  sizeSensitive: true,
  docs: {
    why: "Adding a constraint NOT VALID is quick, but it takes a strong lock (ACCESS EXCLUSIVE for a CHECK, SHARE ROW EXCLUSIVE on both tables for a FOREIGN KEY), and a lock is held until the transaction ends. VALIDATE CONSTRAINT in the same transaction therefore scans the whole table while that strong lock is still held: exactly what NOT VALID was meant to avoid. The same holds after any other statement of the transaction that locked the table against writes (an ADD COLUMN, a SET DEFAULT), and for VALIDATE CONSTRAINT written in one ALTER TABLE with another sub-command (`VALIDATE CONSTRAINT c, DROP COLUMN old`): the statement takes the strongest lock of its sub-commands, and validates under it.",
    lock: "The lock of the earlier ADD CONSTRAINT (ACCESS EXCLUSIVE or SHARE ROW EXCLUSIVE), or of the other statement or sub-command, held for the whole validation scan.",
    instead: "Commit after ADD CONSTRAINT ... NOT VALID and run VALIDATE CONSTRAINT in a new transaction: usually the next migration, or after a COMMIT when the file manages its own transactions. On its own, VALIDATE takes only SHARE UPDATE EXCLUSIVE, which lets reads and writes continue.",
    bad: "BEGIN;\nALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;\nCOMMIT;",
    good: "BEGIN;\nALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;\nCOMMIT;\nALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;",
    equivalents: { squawk: "constraint-missing-not-valid", strongMigrations: "validate_check_constraint" }
  },
  statements: ["AlterTableStmt"],
  check({ statement, operations, state }) {
    if (!runsDuringMigration(statement)) return [];
    const hits = [];
    const cmds = alterCmds(statement);
    cmds.forEach((cmd, i) => {
      const op = operations[i];
      if (cmd.subtype !== "AT_ValidateConstraint" || !cmd.name || !op?.table) return;
      const table = op.table;
      const sameStatement = cmds.slice(0, i).map(addedConstraint).find((c) => c?.conname === cmd.name && c?.skip_validation);
      const known2 = constraintNamed(state, table, cmd.name);
      const earlier = known2 && !known2.validated && state.tx.active && known2.addedInTx === state.tx.id ? known2 : void 0;
      if (op.targetIsNew) return;
      if (!sameStatement && !earlier) {
        const here = operations.find((o, j) => j !== i && blocking(o, table));
        const before = here || !state.tx.active ? void 0 : firstInTransaction(state, (o) => blocking(o, table));
        const holder = here ?? before;
        if (!holder?.lock) return;
        const lockText2 = `${lockModeSql(holder.lock)} lock`;
        hits.push({
          operation: i,
          message: here ? `VALIDATE CONSTRAINT ${cmd.name} shares its ALTER TABLE with ${what(here)}, so the statement takes ${/^[AEIOU]/.test(lockText2) ? "an" : "a"} ${lockText2} on ${table} and the validation scans the whole table under it (${holder.lock === "AccessExclusiveLock" ? "reads and writes wait" : "writes wait"})` : `VALIDATE CONSTRAINT ${cmd.name} runs in the transaction where ${what(before)} took ${/^[AEIOU]/.test(lockText2) ? "an" : "a"} ${lockText2} on ${table}: the validation scans the whole table while that lock is held (${holder.lock === "AccessExclusiveLock" ? "reads and writes wait" : "writes wait"})`,
          suggestion: here ? `-- validate on its own (it takes only SHARE UPDATE EXCLUSIVE), before or after the other change:
${alterTable(table)} VALIDATE CONSTRAINT ${ident(cmd.name)};` : `-- move this to the next migration (or after a COMMIT), where it takes only SHARE UPDATE EXCLUSIVE:
${alterTable(table)} VALIDATE CONSTRAINT ${ident(cmd.name)};`
        });
        return;
      }
      const lock = heldLock(sameStatement ? sameStatement.contype : earlier.kind, table);
      const where = sameStatement ? "in the same ALTER TABLE statement" : state.tx.explicit ? "in the transaction opened by BEGIN" : `in ${runnerTransaction(state)}`;
      const fix = sameStatement || !state.tx.explicit ? `-- keep ADD CONSTRAINT ... NOT VALID where it is; move this to the next migration:
${alterTable(table)} VALIDATE CONSTRAINT ${ident(cmd.name)};` : `COMMIT;  -- end the transaction that added ${cmd.name} first
${alterTable(table)} VALIDATE CONSTRAINT ${ident(cmd.name)};`;
      hits.push({
        operation: i,
        message: `VALIDATE CONSTRAINT ${cmd.name} runs ${where} as its NOT VALID add: the validation scans ${table} while still holding ${lock}`,
        suggestion: fix
      });
    });
    return hits;
  }
};
function firstInTransaction(state, test) {
  const steps = state.earlierInFile;
  let first;
  for (let j = (steps?.length ?? 0) - 1; j >= 0 && steps.txIdAt(j) === state.tx.id; j--) {
    const step = steps.at(j);
    if (!step.inTransaction) continue;
    const hit = step.operations.find(test);
    if (hit) first = hit;
  }
  return first;
}

// src/analyze/volatility.ts
var VOLATILE = /* @__PURE__ */ new Set([
  "random",
  "random_normal",
  "clock_timestamp",
  "timeofday",
  "gen_random_uuid",
  "uuidv4",
  "uuidv7",
  "uuid_generate_v1",
  "uuid_generate_v1mc",
  "uuid_generate_v4",
  "nextval",
  "setval",
  "currval",
  "lastval",
  "txid_current",
  "pg_current_xact_id",
  "gen_random_bytes",
  "gen_salt",
  "setseed",
  "pg_backend_pid",
  "inet_client_addr",
  "(subquery)"
]);
var NON_VOLATILE = /* @__PURE__ */ new Set([
  "now",
  "transaction_timestamp",
  "statement_timestamp",
  "current_date",
  "current_time",
  "localtimestamp",
  "localtime",
  "current_setting",
  "current_user",
  "session_user",
  "current_schema",
  "lower",
  "upper",
  "coalesce",
  "nullif",
  "greatest",
  "least",
  "concat",
  "concat_ws",
  "length",
  "to_jsonb",
  "to_json",
  "jsonb_build_object",
  "json_build_object",
  "jsonb_build_array",
  "json_build_array",
  "array",
  "make_interval",
  "make_date",
  "make_timestamp",
  "make_timestamptz",
  "date_trunc",
  "to_timestamp",
  "to_char",
  "to_date",
  "md5",
  "encode",
  "decode",
  "substring",
  "substr",
  "replace",
  "trim",
  "btrim",
  "ltrim",
  "rtrim",
  "abs",
  "round",
  "floor",
  "ceil",
  "timezone",
  "array_fill",
  "string_to_array",
  "jsonb_set",
  "row",
  "int4range",
  "tstzrange",
  "daterange",
  "numrange",
  "int8range",
  "point",
  "pg_catalog",
  "format",
  "extract",
  "date_part"
]);
function expressionVolatility(expr, facts) {
  if (!expr) return "i";
  let result = "i";
  for (const fn of functionsCalled(expr)) {
    const v = functionVolatility(fn, facts);
    if (v === "v") return "v";
    if (v === "s") result = "s";
  }
  if (nodeTag(expr)?.[0] === "SQLValueFunction") result = "s";
  return result;
}
function functionVolatility(name, facts) {
  const known2 = facts.functionVolatility.get(name);
  if (known2) return known2;
  if (VOLATILE.has(name)) return "v";
  if (NON_VOLATILE.has(name)) return "s";
  return "v";
}

// rules/volatile-default.ts
function isNullConst2(expr) {
  return !!expr?.A_Const?.isnull;
}
function generatesValues(def) {
  return serialType(typeBase(def.typeName)) !== void 0 || columnConstraints(def).some((c) => c.contype === "CONSTR_IDENTITY" || c.contype === "CONSTR_GENERATED");
}
var rule90 = {
  id: "volatile-default",
  risk: "DANGEROUS",
  title: "ADD COLUMN with a volatile DEFAULT (or any DEFAULT before PostgreSQL 11) rewrites the table",
  sizeSensitive: true,
  docs: {
    why: "Since PostgreSQL 11, ADD COLUMN with a non-volatile DEFAULT (a constant, now(), CURRENT_TIMESTAMP) only records the default in the catalog. A volatile default (random(), clock_timestamp(), gen_random_uuid(), nextval(), or a user function not declared STABLE or IMMUTABLE) has to be computed for every existing row, so PostgreSQL rewrites the whole table and its indexes while holding an ACCESS EXCLUSIVE lock. Before PostgreSQL 11 every non-NULL default rewrites the table.",
    lock: "ACCESS EXCLUSIVE on the table (blocks reads and writes) for the whole rewrite.",
    instead: "Add the column without the default, then ALTER COLUMN ... SET DEFAULT (applies to new rows only, instant), and backfill the existing rows in small batches outside the migration transaction.",
    bad: "ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();",
    good: "ALTER TABLE orders ADD COLUMN created_at timestamptz DEFAULT now();",
    equivalents: { squawk: "adding-field-with-default", strongMigrations: "add_column_default", pgfence: "ADD COLUMN checks" }
  },
  statements: ["AlterTableStmt"],
  check({ statement, operations, state }) {
    if (!runsDuringMigration(statement)) return [];
    const hits = [];
    alterCmds(statement).forEach((cmd, i) => {
      const op = operations[i];
      const def = addColumnDef(cmd);
      if (!def?.colname || !op?.table || !onExistingTable(op) || generatesValues(def)) return;
      const defaultExpr = columnConstraints(def).find((c) => c.contype === "CONSTR_DEFAULT")?.raw_expr;
      if (!defaultExpr || isNullConst2(defaultExpr)) return;
      const volatile = !isConstantExpr(defaultExpr) && expressionVolatility(defaultExpr, state.facts) === "v";
      const oldServer = state.pgVersion < 11;
      if (!volatile && !oldServer) return;
      const table = op.table;
      const col = ident(def.colname);
      const exprSql = sqlOf(defaultExpr) ?? "the default";
      let reason;
      if (volatile) {
        const fns = [...new Set(functionsCalled(defaultExpr).filter((f) => functionVolatility(f, state.facts) === "v"))];
        const unknown = fns.filter((f) => !state.facts.functionVolatility.has(f) && !["random", "clock_timestamp", "gen_random_uuid", "nextval", "uuid_generate_v4", "uuid_generate_v1", "timeofday", "(subquery)"].includes(f));
        reason = `DEFAULT ${exprSql} is volatile${fns.length ? ` (${fns.join(", ")})` : ""}${unknown.length ? `; ${unknown.join(", ")} is not known to be STABLE or IMMUTABLE, and user functions are VOLATILE unless declared otherwise` : ""}, so every existing row gets its own value`;
      } else {
        reason = `PostgreSQL ${state.pgVersion} stores any non-NULL DEFAULT by writing it into every row (the catalog-only default arrived in 11)`;
      }
      const notNull = columnConstraints(def).some((c) => c.contype === "CONSTR_NOTNULL");
      const bare2 = sqlOf({ ColumnDef: { ...def, constraints: (def.constraints ?? []).filter((n) => !["CONSTR_DEFAULT", "CONSTR_NOTNULL"].includes(n.Constraint?.contype ?? "")) } });
      hits.push({
        operation: i,
        message: `ADD COLUMN ${def.colname} on ${table}: ${reason}; PostgreSQL rewrites the whole table and its indexes under an ACCESS EXCLUSIVE lock (reads and writes wait)`,
        suggestion: [
          `${alterTable(table)} ADD COLUMN ${bare2 ?? col};`,
          `${alterTable(table)} ALTER COLUMN ${col} SET DEFAULT ${exprSql};  -- new rows only, no rewrite`,
          `-- backfill existing rows in batches, each in its own transaction, until it updates 0 rows:`,
          `UPDATE ${tableRef(table)} SET ${col} = ${exprSql} WHERE ctid IN (SELECT ctid FROM ${tableRef(table)} WHERE ${col} IS NULL LIMIT 10000);`,
          ...notNull ? [`-- then enforce NOT NULL with CHECK (${col} IS NOT NULL) NOT VALID + VALIDATE CONSTRAINT (see set-not-null-without-check)`] : []
        ].join("\n")
      });
    });
    return hits;
  }
};

// rules/index.ts
var allRules = [
  rule8,
  rule9,
  rule10,
  rule11,
  rule12,
  rule13,
  rule14,
  rule15,
  rule16,
  rule17,
  rule18,
  rule19,
  rule20,
  rule21,
  rule22,
  rule23,
  rule24,
  rule25,
  rule26,
  rule27,
  rule28,
  rule29,
  rule30,
  rule31,
  rule32,
  rule,
  rule2,
  rule3,
  rule33,
  rule34,
  rule35,
  rule36,
  rule37,
  rule38,
  rule39,
  rule40,
  rule41,
  rule42,
  rule43,
  rule44,
  rule45,
  rule46,
  rule4,
  rule5,
  rule47,
  rule48,
  rule49,
  rule50,
  rule51,
  rule52,
  rule53,
  rule54,
  rule55,
  rule56,
  rule57,
  rule58,
  rule59,
  rule60,
  rule61,
  rule62,
  rule63,
  rule64,
  rule65,
  rule66,
  rule67,
  rule68,
  rule69,
  rule70,
  rule71,
  rule72,
  rule73,
  rule6,
  rule74,
  rule75,
  rule76,
  rule7,
  rule77,
  rule78,
  rule79,
  rule80,
  rule81,
  rule82,
  rule83,
  rule84,
  rule85,
  rule86,
  rule87,
  rule88,
  rule89,
  rule90
];
var byId = new Map(allRules.map((r) => [r.id, r]));
function ruleById(id) {
  return byId.get(id);
}

export {
  newRunState,
  beginFile,
  track,
  settleNewObjects,
  rule82 as rule,
  expressionVolatility,
  allRules,
  ruleById
};
