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
  batchLoop,
  oneBatch
} from "./chunk-JLES7RKZ.js";
import {
  FileSteps,
  alterCmds,
  declaredType,
  describeLock,
  dynamicExecutes,
  ident,
  onExistingTable,
  serialType,
  sharedName,
  sqlOf,
  stmtNode,
  stmtTag,
  tableRef,
  transactionSummary
} from "./chunk-AXT75SFH.js";
import {
  as,
  blocksWrites,
  columnRefs,
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
  typeBase,
  typeNameText
} from "./chunk-CUW4H2R5.js";

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
    return hits;
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
    const hits = [];
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
      hits.push({
        operation: i,
        message: `ADD COLUMN ${def.colname} (${kind}) on the existing table ${table}: every row needs a value, so PostgreSQL rewrites the table and its indexes under an ACCESS EXCLUSIVE lock (reads and writes wait)`,
        suggestion: suggestion.join("\n")
      });
    });
    return hits;
  }
};

// rules/_statement.ts
function executesNow(statement) {
  return statement.nestedIn?.kind !== "function-body";
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
  return (stringList(type?.names).at(-1) ?? "").toLowerCase();
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
  const name = column.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
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
    why: "A constraint on a domain applies to every column of every table that uses the domain. Adding one (ALTER DOMAIN ... ADD CONSTRAINT, or SET NOT NULL) checks all those columns in all those tables in one statement, locking each table against writes while it scans; changing a domain constraint later means doing that again, with no NOT VALID / VALIDATE path as convenient as for tables, and the tables involved are not visible in the migration. Table CHECK constraints can be added NOT VALID and validated without blocking, one table at a time.",
    lock: "ALTER DOMAIN ADD CONSTRAINT and SET NOT NULL: SHARE on every table with a column of the domain (blocks writes), for the time it takes to scan them all.",
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
      const bare = name.replace(/^public\./, "");
      return [{
        message: `ALTER DOMAIN ${name} SET NOT NULL checks every column of every table that uses ${name} for NULLs, blocking writes to those tables while it scans them (and fails if one has a NULL)`,
        suggestion: `ALTER DOMAIN ${bare} ADD CONSTRAINT ${bare.replace(/^.*\./, "")}_not_null CHECK (VALUE IS NOT NULL) NOT VALID;
-- then, in a quiet period: ALTER DOMAIN ${bare} VALIDATE CONSTRAINT ${bare.replace(/^.*\./, "")}_not_null;`
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
    const hits = [];
    alterCmds(statement).forEach((c, i) => {
      const op = operations[i];
      if (c.subtype !== "AT_DropColumn" || !c.name || !op || !onExistingTable(op)) return;
      if (state.newColumns.has(`${op.table}.${c.name}`)) return;
      const t = tableRef(op.table);
      hits.push({
        operation: i,
        message: `dropping ${op.table}.${c.name} deletes its data for good (a rollback cannot bring the values back) and breaks running code that still uses it (${describeLock(op.lock)})`,
        suggestion: [
          `-- 1. deploy code that no longer reads or writes ${c.name} (ORMs: mark it ignored)`,
          `-- 2. keep the values if you may need them: CREATE TABLE ${ident(`${op.table?.split(".").pop()}_${c.name}_archive`)} AS SELECT <primary key>, ${ident(c.name)} FROM ${t};`,
          `-- 3. in a later migration: ALTER TABLE ${t} DROP COLUMN ${ident(c.name)};`
        ].join("\n")
      });
    });
    return hits;
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
    why: "All the table's rows are gone when the statement commits: rolling the migration back (or running its down migration) recreates an empty table at best. Code still running during the deploy fails with `relation does not exist`. With CASCADE, the views and foreign keys that depend on the table are dropped too, silently.",
    lock: "ACCESS EXCLUSIVE on the table (and on the tables whose foreign keys reference it): it waits behind every running query on them, and everything queued behind it waits too.",
    instead: "First deploy code that no longer uses the table. Keep a copy of the data if you may need it (`pg_dump --table=...`, or rename it to a name nobody uses and drop it a release later). Then drop it, with `-- migration-guard-ignore ban-drop-table` and a note saying why it is safe now.",
    bad: "DROP TABLE legacy_events;",
    good: "-- migration-guard-ignore ban-drop-table\n-- Unused since release 42; dumped to s3://backups/legacy_events.dump before this migration.\nDROP TABLE legacy_events;",
    equivalents: { squawk: "ban-drop-table", pgfence: "Destructive operation checks" }
  },
  statements: ["DropStmt"],
  check({ statement, operations }) {
    const d = stmtNode(statement, "DropStmt");
    if (!executesNow(statement) || !d) return [];
    const cascade = d.behavior === "DROP_CASCADE";
    const hits = [];
    operations.forEach((op, i) => {
      if (op.kind !== "DROP_TABLE" || !op.table || op.targetIsNew) return;
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
        const checks = [...state.constraints.values()].filter((c) => c.table === table && c.kind === "check" && c.validated && (c.columns ?? []).includes(column));
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

// rules/concurrently-in-transaction.ts
function concurrentCommand(statement) {
  if (stmtNode(statement, "IndexStmt")?.concurrent) return "CREATE INDEX CONCURRENTLY";
  const drop = stmtNode(statement, "DropStmt");
  if (drop?.concurrent && drop.removeType === "OBJECT_INDEX") return "DROP INDEX CONCURRENTLY";
  const reindex = stmtNode(statement, "ReindexStmt");
  if (reindex && optionOn(reindex.params, "concurrently")) return "REINDEX CONCURRENTLY";
  const detach = alterCmds(statement).find((c) => c.subtype === "AT_DetachPartition" && as(c.def, "PartitionCmd")?.concurrent);
  if (detach) return "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY";
  return void 0;
}
var rule20 = {
  id: "concurrently-in-transaction",
  risk: "DANGEROUS",
  title: "A CONCURRENTLY command inside a transaction block fails at run time",
  docs: {
    why: 'CREATE INDEX CONCURRENTLY, DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and DETACH PARTITION CONCURRENTLY commit several times internally, so PostgreSQL refuses to run them inside a transaction block ("cannot run inside a transaction block") or a DO block / function. The migration fails when it is deployed, and with a wrapping runner everything before it in the file is rolled back. This holds even for a table created in the same migration.',
    instead: "Run the statement outside any transaction: put it in a migration of its own and tell the runner not to wrap it (golang-migrate: a file holding only this statement, since a file of several statements runs as one implicit transaction; dbmate `-- migrate:up transaction:false`; goose `-- +goose NO TRANSACTION`; Flyway a `<script>.sql.conf` with `executeInTransaction=false`; Liquibase `runInTransaction:false`). Prisma, Drizzle and Supabase always wrap: run the statement by hand outside the tool.",
    bad: "BEGIN;\nCREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);\nCOMMIT;",
    good: "CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);",
    equivalents: { squawk: "ban-concurrent-index-creation-in-transaction", pgfence: "CONCURRENTLY outside explicit transactions" }
  },
  statements: ["IndexStmt", "DropStmt", "ReindexStmt", "AlterTableStmt"],
  check({ statement, state }) {
    if (!runsDuringMigration(statement)) return [];
    const command = concurrentCommand(statement);
    if (!command) return [];
    const inDoBlock = statement.nestedIn?.kind === "do-block";
    if (!inDoBlock && !state.tx.active) return [];
    const where = inDoBlock ? "inside a DO block" : state.tx.explicit ? "inside the transaction the file opens with BEGIN" : `inside ${runnerTransaction(state)}`;
    return [{
      message: `${command} cannot run ${where}: PostgreSQL rejects it ("cannot run inside a transaction block") and the migration fails`,
      suggestion: `${outOfTransactionAdvice(state, inDoBlock)}:
${statement.text.trim()};`
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
var rule21 = {
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
        const bare2 = { ...def, constraints: (def.constraints ?? []).filter((n) => n.Constraint !== lightFk) };
        const columnSql2 = sqlOf({ ColumnDef: bare2 });
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
      const bare = { ...def, constraints: (def.constraints ?? []).filter((n) => !inline.some((c) => n.Constraint === c)) };
      const columnSql = sqlOf({ ColumnDef: bare });
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
var rule22 = {
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
var rule23 = {
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
var rule24 = {
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
function viaIndex(table, c, columns, pgVersion) {
  const primary = c.contype === "CONSTR_PRIMARY";
  const name = c.conname ?? defaultConstraintName(table, columns, primary ? "pkey" : "key");
  const cols = columns.map(ident).join(", ");
  const include = stringList(c.including);
  const nullsNotDistinct = c.nulls_not_distinct ? " NULLS NOT DISTINCT" : "";
  const lines = [
    `CREATE UNIQUE INDEX CONCURRENTLY ${ident(name)} ON ${tableRef(table)} (${cols})${include.length ? ` INCLUDE (${include.map(ident).join(", ")})` : ""}${nullsNotDistinct};  -- outside a transaction block`
  ];
  if (primary) {
    lines.push(pgVersion >= 12 ? `-- PRIMARY KEY also needs NOT NULL on ${cols}: without it the next step scans the table; prove it first with CHECK (... IS NOT NULL) NOT VALID + VALIDATE CONSTRAINT, then SET NOT NULL` : `-- PRIMARY KEY also needs NOT NULL on ${cols}: before PostgreSQL 12 setting it scans the table under ACCESS EXCLUSIVE`);
  }
  lines.push(`${alterTable(table)} ADD CONSTRAINT ${ident(name)} ${primary ? "PRIMARY KEY" : "UNIQUE"} USING INDEX ${ident(name)};`);
  return lines.join("\n");
}
var rule25 = {
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
          suggestion: viaIndex(table, con, columns, state.pgVersion)
        });
        return;
      }
      const def = addColumnDef(cmd);
      const inline = columnConstraints(def).find((c) => c.contype === "CONSTR_UNIQUE" || c.contype === "CONSTR_PRIMARY");
      if (!def?.colname || !inline) return;
      const what2 = inline.contype === "CONSTR_PRIMARY" ? "PRIMARY KEY" : "UNIQUE";
      const bare = sqlOf({ ColumnDef: { ...def, constraints: (def.constraints ?? []).filter((n) => !["CONSTR_UNIQUE", "CONSTR_PRIMARY"].includes(n.Constraint?.contype ?? "")) } });
      hits.push({
        operation: i,
        message: `ADD COLUMN ${def.colname} ... ${what2} on the existing table ${table} builds a unique index over every row under an ACCESS EXCLUSIVE lock`,
        suggestion: `${alterTable(table)} ADD COLUMN ${bare ?? ident(def.colname)};
${viaIndex(table, inline, [def.colname], state.pgVersion)}`
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
function longOtherWork(statement) {
  const tag = stmtTag(statement);
  if (tag === "SelectStmt" || tag === "CreateTableAsStmt") {
    if (functionsCalled(statement.ast).includes("pg_sleep")) return "a pg_sleep";
    return readsUserTables(tag === "SelectStmt" ? statement.ast.SelectStmt.fromClause : statement.ast.CreateTableAsStmt.query) ? tag === "SelectStmt" ? "a query that reads a table" : "CREATE TABLE ... AS, which reads a table" : void 0;
  }
  if (tag === "DoStmt") return /\b(LOOP|pg_sleep)\b/i.test(statement.text) ? "a DO block with a loop" : void 0;
  if (tag === "CallStmt") return "a procedure call (any amount of work)";
  return void 0;
}
var earlierInTransaction = transactionSummary(
  () => ({ ddl: [] }),
  (summary, s) => {
    if (!executesNow(s.statement)) return;
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
var rule26 = {
  id: "dml-in-ddl-transaction",
  risk: "DANGEROUS",
  title: "A backfill in the same transaction as DDL holds the DDL locks for the whole backfill",
  docs: {
    why: "Locks are held until the transaction ends. When an ALTER TABLE and an UPDATE of many rows share a transaction, the ALTER's lock (ACCESS EXCLUSIVE for most ALTER TABLE forms) stays held for as long as the UPDATE runs, so the table is unreadable and unwritable for the whole backfill, and every row the backfill touched stays locked until the end too. In the other order (backfill, then DDL) the backfill's row locks are kept while the DDL waits for its lock, and if the DDL fails the whole backfill is rolled back. A long query, CREATE TABLE AS, DO block or procedure call after an ACCESS EXCLUSIVE lock extends it in the same way. A runner that wraps each migration in a transaction (Flyway, Rails, Django...) does this to every DDL and DML in the same file.",
    lock: "The DDL's lock on the table (ACCESS EXCLUSIVE blocks reads and writes; SHARE and stronger block writes), held until COMMIT, plus the backfill's row locks.",
    instead: "Put the backfill in its own migration that runs outside a transaction, in batches that each commit, after the DDL migration has committed (and the NOT NULL or constraint that depends on it in a migration after that).",
    bad: "BEGIN;\nALTER TABLE orders ADD COLUMN status text;\nUPDATE orders SET status = 'new';\nCOMMIT;",
    good: "ALTER TABLE orders ADD COLUMN status text;\nUPDATE orders SET status = 'new' WHERE id BETWEEN 1 AND 10000;",
    equivalents: { eugene: "E4", strongMigrations: "backfill in the same transaction (add_column + update)" }
  },
  // isBackfill reads an earlier INSERT's query; one it is true for is the only one worth keeping.
  readsEarlierTree: (s, ops) => stmtTag(s) === "InsertStmt" && isBackfill(s, ops),
  check({ statement, operations, state }) {
    if (!executesNow(statement) || !state.tx.active) return [];
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
    const op = locking[0];
    return [{
      risk: "CAUTION",
      operation: operations.indexOf(op),
      message: `this DDL runs in ${wrapper} as the backfill at line ${backfill.statement.line}: the backfilled rows stay locked while it waits for its ${describeLock(op.lock, op.table)}, and if it fails the whole backfill is rolled back`,
      suggestion: "commit the backfill first: move this statement to the next migration, which runs after the backfill has committed"
    }];
  }
};

// rules/dml-without-where.ts
var rule27 = {
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
var rule28 = {
  id: "drop-not-null",
  risk: "CAUTION",
  title: "DROP NOT NULL lets NULLs into a column that running code expects to be filled",
  docs: {
    why: "DROP NOT NULL is instant (a catalog change under a brief ACCESS EXCLUSIVE lock), but from then on NULLs can be written, and readers that assumed the column is always filled (application code, reports, other services, a NOT NULL column in a replica or warehouse) start failing or mis-counting. Undoing it later means SET NOT NULL again: a full scan under an ACCESS EXCLUSIVE lock that fails if a NULL was written in the meantime.",
    lock: "ACCESS EXCLUSIVE on the table, briefly (catalog only).",
    instead: "First ship code that handles NULL in every reader of the column, then drop the constraint. Make sure the rollback of this migration does not need to restore NOT NULL on data that now has NULLs.",
    bad: "ALTER TABLE orders ALTER COLUMN status DROP NOT NULL;",
    good: "ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'pending';",
    equivalents: { squawk: "ban-drop-not-null", pgfence: "ALTER COLUMN checks" }
  },
  statements: ["AlterTableStmt"],
  check({ statement, operations }) {
    if (!runsDuringMigration(statement)) return [];
    const hits = [];
    operations.forEach((op, i) => {
      if (op.kind !== "DROP_NOT_NULL" || !op.table || !op.columnName || !onExistingTable(op)) return;
      hits.push({
        operation: i,
        message: `DROP NOT NULL on ${op.table}.${op.columnName}: instant, but code that reads the column may not expect NULLs, and restoring NOT NULL later needs a full scan that fails once a NULL exists`,
        suggestion: `-- deploy readers that handle NULL in ${op.columnName} before this migration runs; keep the statement as is`
      });
    });
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
      const last = v.fields?.at(-1);
      return as(last, "String")?.sval;
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
var rule29 = {
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
var rule30 = {
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
var rule31 = {
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
    for (const { kind, expression } of dynamicExecutes(statement.text, statement.ast)) {
      const sensitive = SENSITIVE.exec(expression);
      if (kind === "function-body" && !sensitive) continue;
      const clipped = oneLine(expression);
      const where = kind === "do-block" ? "this DO block runs during the migration" : "this function runs it when called";
      hits.push(sensitive ? { risk: "DANGEROUS", message: `EXECUTE ${clipped}: ${where}, and the string it builds mentions "${sensitive[0]}" (see security-sensitive-sql); what it runs cannot be reviewed before it runs` } : { message: `EXECUTE ${clipped}: ${where} on SQL built at run time, which neither the rules nor a reviewer can see` });
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
var rule32 = {
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
var rule33 = {
  id: "enum-value-changes",
  risk: "CAUTION",
  title: "Enum labels: ADD VALUE in a transaction, RENAME VALUE, and no way to remove one",
  docs: {
    why: 'Before PostgreSQL 12, `ALTER TYPE ... ADD VALUE` cannot run inside a transaction block at all: the migration fails. Since 12 it can, but the new label cannot be used until that transaction commits ("unsafe use of new value"), so a migration that adds a label and then inserts or updates rows with it in the same transaction fails. `RENAME VALUE` commits instantly, and the running application, which still writes the old label, gets "invalid input value for enum" on every such write: like renaming a column, it is DANGEROUS. Removing a label is impossible: there is no DROP VALUE; it takes creating a new type, converting every column (a table rewrite under ACCESS EXCLUSIVE) and dropping the old one.',
    lock: "ADD VALUE and RENAME VALUE change only the catalog (no table lock); converting columns to a new enum type rewrites each table under ACCESS EXCLUSIVE.",
    instead: "Add labels in a migration of their own that runs outside a transaction (or on PG 12+ commit it before the migration that uses the label). Instead of renaming a label, add the new one, move the code and the rows to it, and stop using the old one (it stays in the type). If labels come and go, use a lookup table with a foreign key instead of an enum.",
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
            `ALTER TYPE ${name} ADD VALUE IF NOT EXISTS ${sqlString(e.newVal)};  -- in its own migration, outside a transaction`,
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
          suggestion: `ALTER TYPE ${name} ADD VALUE IF NOT EXISTS ${sqlString(e.newVal)};  -- in a migration of its own that the runner does not wrap in a transaction`
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
        suggestion: "commit the ADD VALUE first: move it to its own migration (or put COMMIT; BEGIN; between them)",
        ...operations.length ? { operation: 0 } : {}
      });
      break;
    }
    return hits;
  }
};

// rules/exclusion-constraint.ts
var rule34 = {
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
var rule35 = {
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
      const bare = fk.table.split(".").slice(1).join(".");
      const name = `${bare}_${fk.columns.join("_")}_idx`.slice(0, 63);
      const isNew = state.newTables.has(fk.table);
      const suggestion = `CREATE INDEX ${isNew ? "" : "CONCURRENTLY "}${ident(name)} ON ${tableRef(fk.table)} (${fk.columns.map(ident).join(", ")});${isNew ? "" : "  -- outside a transaction block"}`;
      if (!tableKnown(state, fk.table)) {
        hits.push({
          position: fk.position,
          message: `foreign key${fk.name ? ` ${fk.name}` : ""} ${fk.table} (${fk.columns.join(", ")})${fk.referencedTable ? ` -> ${fk.referencedTable}` : ""}: no index on ${tableRef(fk.table)}(${fk.columns.join(", ")}) is visible in the reviewed files (the table's history is unknown); without one, each DELETE or key UPDATE on ${fk.referencedTable ?? "the referenced table"} scans ${fk.table}`,
          suggestion: `-- if no index starts with these columns yet:
${suggestion}`
        });
        continue;
      }
      hits.push({
        position: fk.position,
        message: `foreign key${fk.name ? ` ${fk.name}` : ""} ${fk.table} (${fk.columns.join(", ")})${fk.referencedTable ? ` -> ${fk.referencedTable}` : ""} has no index starting with its columns: each DELETE or key UPDATE on ${fk.referencedTable ?? "the referenced table"} scans ${fk.table}`,
        suggestion
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
var rule36 = {
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
  "CreateEventTrigStmt",
  // A DROP names what it removes: a long name there is truncated too, and may match another object.
  "DropStmt"
];
var NAMING = new Set(NAMING_TAGS);
function identifiersIn(sql, minChars = 0) {
  const out = [];
  const dollarAt = /\$([A-Za-z_][A-Za-z0-9_]*)?\$/y;
  const wordAt = /[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/y;
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
    const word = wordAt.exec(sql);
    if (word) {
      if (word[0].length >= minChars) out.push(word[0].replace(/[A-Z]/g, (c) => c.toLowerCase()));
      i += word[0].length;
      continue;
    }
    i++;
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
var rule37 = {
  id: "identifier-too-long",
  risk: "CAUTION",
  title: "Names longer than 63 bytes are silently truncated",
  docs: {
    why: "Postgres keeps only the first 63 bytes of a name (bytes, not characters: an accented letter takes two) and drops the rest with at most a NOTICE. The table, column, index or constraint then exists under a name that differs from the one in the migration and the code: tools that look objects up by name (ORMs, schema diff, a later DROP INDEX written out in full in another system) miss it, and two long names that share their first 63 bytes collide, so the second CREATE fails or, with IF NOT EXISTS, silently does nothing.",
    instead: "Choose a name of at most 63 bytes; abbreviate the middle rather than the end, so names stay distinct.",
    bad: "CREATE INDEX CONCURRENTLY orders_customer_id_created_at_status_shipping_country_code_partial_idx ON orders (customer_id, created_at);",
    good: "CREATE INDEX CONCURRENTLY orders_customer_created_idx ON orders (customer_id, created_at);",
    equivalents: { squawk: "identifier-too-long" }
  },
  statements: NAMING_TAGS,
  check({ statement }) {
    if (!executesNow(statement) || !NAMING.has(stmtTag(statement))) return [];
    if (!MAYBE_LONG.test(statement.text)) return [];
    const seen = /* @__PURE__ */ new Set();
    const long = identifiersIn(statement.text, MIN_LONG_CHARS).filter((n) => Buffer.byteLength(n, "utf8") > MAX_BYTES && !seen.has(n) && seen.add(n));
    return long.map((name) => ({
      message: `"${name}" is ${Buffer.byteLength(name, "utf8")} bytes; Postgres silently truncates it to "${truncateIdentifier(name)}"`,
      suggestion: `use a name of at most ${MAX_BYTES} bytes, e.g. by abbreviating its middle part`
    }));
  }
};

// rules/index-too-many-columns.ts
var MAX_COLUMNS = 3;
var rule38 = {
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
var rule39 = {
  id: "migration-edited",
  risk: "DANGEROUS",
  title: "A migration that already exists on the base branch was edited or deleted",
  docs: {
    why: 'A migration on the base branch has probably run in production already. Runners record what they applied and never run it again, so the edit never reaches those databases: production and fresh databases silently diverge. Flyway and Liquibase compare checksums and refuse to migrate at all ("checksum mismatch"); renaming changes the version, so the runner applies it a second time; deleting it makes new databases differ from old ones. Editing only a rollback, a Flyway `R__` repeatable or a Liquibase `runOnChange` changeset is expected and not reported, nor is an edit of only comments or spacing for a runner that keeps no checksum (golang-migrate, goose, dbmate, Sqitch...): the statements every database runs are the same.',
    instead: "Leave the applied migration exactly as it is and put the change in a new migration after it. To fix a migration that has not been deployed anywhere yet, check that with the team first, then say so in the review.",
    bad: "# db/migrations/0007_create_orders.up.sql, already on main, edited in the PR:\n CREATE TABLE orders (\n   id bigint PRIMARY KEY,\n-  total numeric\n+  total numeric NOT NULL\n );",
    good: "# leave 0007_create_orders.up.sql untouched; add db/migrations/0042_orders_total_not_null.up.sql:\nALTER TABLE orders ADD CONSTRAINT orders_total_not_null CHECK (total IS NOT NULL) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT orders_total_not_null;"
  }
};

// rules/migration-out-of-order.ts
var rule40 = {
  id: "migration-out-of-order",
  risk: "CAUTION",
  title: "A new migration sorts before existing ones",
  docs: {
    why: 'Runners apply migrations in version order and remember the highest one applied. A new migration whose version is lower than one already merged (typically a timestamp generated before a rebase) is skipped by golang-migrate and goose on databases that are past it, rejected by Flyway ("detected resolved migration not applied"), or applied out of sequence, against a schema it was not written for.',
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
var rule41 = {
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
  if (!runsDuringMigration(s.statement)) return;
  for (const o of s.operations) if (locks(o)) held.add(o.table);
});
var rule42 = {
  id: "multiple-tables-locked",
  risk: "CAUTION",
  title: "ACCESS EXCLUSIVE locks on several existing tables in one transaction",
  docs: {
    why: "Locks are held until the transaction ends. Once a transaction holds ACCESS EXCLUSIVE on one table, taking it on a second one means the first stays unreadable while the second lock is waited for (behind any long query on it) and while the rest runs; every application request that touches either table queues. Locking tables in an order other sessions do not expect can also deadlock.",
    lock: "ACCESS EXCLUSIVE on every table locked so far (blocks reads and writes), held until COMMIT.",
    instead: "Change one table per transaction (one migration per table, or COMMIT between them), each after SET lock_timeout so a blocked lock gives up instead of queueing traffic behind it.",
    bad: "BEGIN;\nALTER TABLE orders ADD COLUMN note text;\nALTER TABLE customers ADD COLUMN note text;\nCOMMIT;",
    good: "ALTER TABLE orders ADD COLUMN note text;\nALTER TABLE customers ADD COLUMN note text;",
    equivalents: { eugene: "E4" }
  },
  check({ statement, operations, state }) {
    if (!state.tx.active || !runsDuringMigration(statement)) return [];
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
var rule43 = {
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
        const proven = [...state.constraints.values()].some((k) => k.table === partName && k.kind === "check" && k.validated);
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
          suggestion: state.pgVersion >= 14 ? `ALTER TABLE ${tableRef(op.table)} DETACH PARTITION ${tableRef(partName)} CONCURRENTLY;  -- PG 14+, outside a transaction block` : `SET lock_timeout = '5s';  -- retry on timeout (DETACH ... CONCURRENTLY needs PostgreSQL 14)`,
          ...state.pgVersion >= 14 ? {} : { suggestionRuns: "before" }
        });
      }
    });
    return hits;
  }
};

// rules/placeholder-unknown.ts
var SUBSTITUTES = /* @__PURE__ */ new Set(["flyway", "liquibase-sql", "pop"]);
var RUNNER = { flyway: "Flyway", "liquibase-sql": "Liquibase", pop: "pop" };
var rule44 = {
  id: "placeholder-unknown",
  risk: "DANGEROUS",
  title: "A placeholder whose value the review does not know",
  docs: {
    why: "Flyway and Liquibase replace `${name}` placeholders (pop: `{{ ... }}` template actions) with values from their own configuration before the SQL runs: flyway.conf or flyway.toml, application.yml, liquibase.properties, pom.xml or build.gradle, the command line, the environment. Those are files a pull request changes as easily as the migration, and the value is pasted into the SQL as text, so it can be anything: `SELECT ${x};` with `x=1; DROP TABLE users` runs a DROP TABLE. The review reads a placeholder it has no value for as a neutral identifier, which is right for a schema name and blind to anything else.",
    instead: "Give the placeholder its value in `placeholders:` in .migration-guard.yml on the base branch (`placeholders: { schema: app }`): the review then reads the SQL as it runs, and a pull request that changes the value there is a config-weakened finding. Or write the name in the migration.",
    bad: "CREATE TABLE ${schema}.audit_log (id bigint PRIMARY KEY);",
    good: "CREATE TABLE app.audit_log (id bigint PRIMARY KEY);"
  },
  finish(state, file) {
    if (state.layout !== void 0 && !SUBSTITUTES.has(state.layout)) return [];
    const runner = (state.layout && RUNNER[state.layout]) ?? "the runner";
    const substituted = state.layout === "pop" ? file.unknownPlaceholders.filter((p) => p.shown.startsWith("Go template")) : file.unknownPlaceholders;
    return substituted.map((p) => ({
      position: { line: p.line, column: p.column },
      message: `${p.shown.startsWith("Go template") ? p.shown : `placeholder ${p.shown}`} has no value this review knows: ${runner} fills it in from its own configuration or the environment, which a pull request can change, so what runs here may be any SQL (it was reviewed as a plain name)`,
      suggestion: `# .migration-guard.yml on the base branch
placeholders:
  ${p.shown.startsWith("Go template") ? "<name>" : p.shown.slice(2, -1)}: <the value it runs with>`
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
var rule45 = {
  id: "prefer-bigint-keys",
  risk: "CAUTION",
  title: "Integer keys run out: use bigint for ids and foreign keys",
  docs: {
    why: "An integer key runs out at 2,147,483,647 (smallint at 32,767); sequences also burn values on rolled-back inserts, so busy tables get there sooner than their row count suggests. When it happens every INSERT fails. Changing the column to bigint then rewrites the table (and every foreign key column that references it) under ACCESS EXCLUSIVE, at the moment the table is at its largest. bigint costs 4 more bytes per row.",
    instead: "Declare primary keys, foreign keys and id columns as bigint from the start (with `GENERATED BY DEFAULT AS IDENTITY` for generated keys). Foreign key columns must match the type of the key they reference.",
    bad: "CREATE TABLE invoices (id integer PRIMARY KEY, customer_id integer REFERENCES customers (id));",
    good: "CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id));",
    equivalents: { squawk: "prefer-bigint-over-int" }
  },
  statements: ["CreateStmt", "AlterTableStmt"],
  check({ statement }) {
    if (!executesNow(statement) || as(statement.ast, "CreateStmt")?.relation?.relpersistence === "t") return [];
    const cols = columnSpecs(statement).filter((c) => c.via !== "alter-type" && !isArrayType(c.type) && SMALL_INTS.has(rawTypeName(c.type)) && isKey(c));
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
var rule46 = {
  id: "prefer-bigint-over-int",
  risk: "SAFE",
  title: "integer or smallint columns (not only keys): prefer bigint",
  enabledByDefault: false,
  presets: ["squawk"],
  docs: {
    why: "A counter, a sum or an external id stored as integer overflows at 2,147,483,647 (smallint at 32,767), and widening it later rewrites the table under ACCESS EXCLUSIVE.",
    policy: "Off by default: for most non-key columns (a quantity, a rating, a year) integer is the right size and 4 bytes per row smaller; key columns, which do run out, are covered by prefer-bigint-keys. Turn it on (or use `preset: squawk`) to require bigint everywhere.",
    instead: "Use bigint for any column whose values grow with time or traffic.",
    bad: "CREATE TABLE page_views (id bigint PRIMARY KEY, views integer);",
    good: "CREATE TABLE page_views (id bigint PRIMARY KEY, views bigint);",
    equivalents: { squawk: "prefer-bigint-over-int, prefer-bigint-over-smallint" }
  },
  statements: ["CreateStmt", "AlterTableStmt"],
  check({ statement }) {
    if (!executesNow(statement)) return [];
    const cols = columnSpecs(statement).filter((c) => !isArrayType(c.type) && SMALL.has(rawTypeName(c.type)) && !isKey2(c));
    return cols.map((c) => ({
      ...c.operation !== void 0 ? { operation: c.operation } : {},
      message: `${ident(c.name)} ${SMALL.get(rawTypeName(c.type))} on ${c.table}: it overflows at ${rawTypeName(c.type).endsWith("2") || rawTypeName(c.type) === "smallserial" ? "32,767" : "2,147,483,647"}, and widening it later rewrites the table`,
      suggestion: `${ident(c.name)} bigint`
    }));
  }
};

// rules/prefer-identity.ts
var IDENTITY = "bigint GENERATED BY DEFAULT AS IDENTITY";
var rule47 = {
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
var rule48 = {
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
function fragile(statement, operations, state) {
  const [tag, v] = nodeTag(statement.ast) ?? ["", {}];
  switch (tag) {
    case "CreateStmt": {
      const create = v;
      if (create.if_not_exists || create.relation?.relpersistence === "t" && create.oncommit === "ONCOMMIT_DROP") return [];
      return ["CREATE TABLE without IF NOT EXISTS"];
    }
    case "IndexStmt":
      return v.if_not_exists ? [] : [`CREATE INDEX${v.concurrent ? " CONCURRENTLY" : ""} without IF NOT EXISTS`];
    case "CreateSchemaStmt":
    case "CreateSeqStmt":
    case "CreateExtensionStmt":
      return v.if_not_exists ? [] : [`${CREATES[tag]} without IF NOT EXISTS`];
    case "DropStmt":
      return v.missing_ok ? [] : ["DROP without IF EXISTS"];
    case "AlterTableStmt":
      return alterCmds(statement).flatMap((c, i) => {
        const conname = c.def?.Constraint?.conname;
        if (c.subtype === "AT_AddConstraint" && conname && !guardedAdd(state, statement, operations[i]?.table, conname)) {
          return [`ADD CONSTRAINT ${conname} without a DROP CONSTRAINT IF EXISTS before it`];
        }
        if (c.missing_ok) return [];
        if (c.subtype === "AT_AddColumn") return ["ADD COLUMN without IF NOT EXISTS"];
        if (c.subtype === "AT_DropColumn") return ["DROP COLUMN without IF EXISTS"];
        if (c.subtype === "AT_DropConstraint") return ["DROP CONSTRAINT without IF EXISTS"];
        return [];
      });
    default:
      return [];
  }
}
var rule49 = {
  id: "prefer-robust-stmts",
  risk: "SAFE",
  title: "Outside a transaction, statements without IF [NOT] EXISTS make a half-applied migration impossible to re-run",
  enabledByDefault: false,
  presets: ["squawk"],
  docs: {
    why: "A migration that runs outside a transaction block (CREATE INDEX CONCURRENTLY needs that) and fails half-way leaves its first statements applied. Running it again then fails at the first CREATE, ADD COLUMN or ADD CONSTRAINT that already happened, or the first DROP of what is already gone, and someone has to finish it by hand. ADD CONSTRAINT has no IF NOT EXISTS: a DROP CONSTRAINT IF EXISTS of the same name right before it makes the pair re-runnable. A temporary table with ON COMMIT DROP is gone at the end of its transaction and needs no guard.",
    policy: "Off by default: inside a transaction a failed migration rolls back entirely, and most runners record which migrations completed; turn it on (or use `preset: squawk`) if your migrations must be re-runnable.",
    instead: "Write CREATE ... IF NOT EXISTS, ADD COLUMN IF NOT EXISTS, DROP ... IF EXISTS. A failed CREATE INDEX CONCURRENTLY leaves an INVALID index behind: drop it (DROP INDEX CONCURRENTLY IF EXISTS) before building it again.",
    bad: "CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);",
    good: "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_at_idx ON orders (created_at);",
    equivalents: { squawk: "prefer-robust-stmts", pgfence: "Prefer robust DDL statements" }
  },
  // guardedAdd reads the ALTER TABLE statements before it (their DROP CONSTRAINT IF EXISTS).
  readsEarlierTree: (s) => stmtTag(s) === "AlterTableStmt",
  check({ statement, operations, state }) {
    if (!executesNow(statement) || state.tx.active) return [];
    return fragile(statement, operations, state).map((what2) => ({
      message: `${what2}: outside a transaction a failed run leaves it applied, and running the migration again then fails here`,
      suggestion: what2.startsWith("ADD CONSTRAINT") ? "put ALTER TABLE ... DROP CONSTRAINT IF EXISTS with the same name right before it" : what2.includes("NOT EXISTS") ? "add IF NOT EXISTS" : "add IF EXISTS"
    }));
  }
};

// rules/prefer-text-field.ts
function asText(c) {
  const text = { names: [{ String: { sval: "text" } }], typemod: -1 };
  const printed = c.def ? sqlOf({ ColumnDef: { ...c.def, typeName: text } }) : void 0;
  return printed ?? `${ident(c.name)} text`;
}
var rule50 = {
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
var rule51 = {
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
var rule52 = {
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
var rule53 = {
  id: "refresh-matview-concurrently",
  risk: "DANGEROUS",
  title: "REFRESH MATERIALIZED VIEW without CONCURRENTLY blocks reads of the view",
  sizeSensitive: true,
  docs: {
    why: "A plain REFRESH MATERIALIZED VIEW re-runs the whole query while holding ACCESS EXCLUSIVE on the view: every SELECT from it waits until the refresh is done, which takes as long as the query. REFRESH ... CONCURRENTLY builds the new contents beside the old and swaps the differences in, so reads continue.",
    lock: "ACCESS EXCLUSIVE on the materialized view for the whole refresh (CONCURRENTLY: EXCLUSIVE, which lets reads continue).",
    instead: "Use REFRESH MATERIALIZED VIEW CONCURRENTLY. It needs a UNIQUE index on the view that covers all rows (no WHERE clause, column names only), and the view must have been populated once; it is slower in total, so run it where a slower refresh is acceptable.",
    bad: "REFRESH MATERIALIZED VIEW daily_sales;",
    good: "REFRESH MATERIALIZED VIEW CONCURRENTLY daily_sales;",
    equivalents: { pgfence: "REFRESH MATERIALIZED VIEW" }
  },
  statements: ["RefreshMatViewStmt"],
  check({ statement, operations }) {
    const r = stmtNode(statement, "RefreshMatViewStmt");
    const op = operations[0];
    if (!executesNow(statement) || !r || r.concurrent || !op || !onExistingTable(op)) return [];
    return [{
      operation: 0,
      message: `REFRESH MATERIALIZED VIEW ${op.table} takes ${article(describeLock(op.lock))} for as long as its query runs`,
      suggestion: `REFRESH MATERIALIZED VIEW CONCURRENTLY ${tableRef(op.table)};  -- needs a unique index on ${tableRef(op.table)}: CREATE UNIQUE INDEX CONCURRENTLY ON ${tableRef(op.table)} (<key columns>);`
    }];
  }
};

// rules/renaming-column.ts
var rule54 = {
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
var rule55 = {
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
var rule56 = {
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
var rule57 = {
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
    const bare = c.into.rel.relname;
    const renamed = sqlOf({ CreateTableAsStmt: { ...c, into: { ...c.into, rel: { ...c.into.rel, relname: `${bare}_new` } } } });
    const view = tableRef(name);
    const renamedTo = (suffix) => tableRef(qualifiedName(c.into.rel.schemaname, `${bare}${suffix}`));
    return [{
      message: `materialized view ${name}, dropped at line ${drop.statement.line}, is built again here: until its query has read every row it needs, ${sameTransaction ? `every read of ${view} waits behind the DROP's ACCESS EXCLUSIVE lock` : `reads of ${view} fail with "relation does not exist"`}`,
      ...renamed ? {
        suggestion: [
          `${renamed};  -- instead of the DROP and this CREATE; create its indexes here too`,
          "BEGIN;",
          `ALTER MATERIALIZED VIEW ${view} RENAME TO ${ident(`${bare}_old`)};`,
          `ALTER MATERIALIZED VIEW ${renamedTo("_new")} RENAME TO ${ident(bare)};`,
          "COMMIT;",
          `DROP MATERIALIZED VIEW ${renamedTo("_old")};`
        ].join("\n")
      } : {}
    }];
  }
};

// rules/replica-identity-full.ts
var rule58 = {
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
var rule59 = {
  id: "require-concurrent-index-drop",
  risk: "CAUTION",
  title: "DROP INDEX without CONCURRENTLY locks the table against reads and writes",
  docs: {
    why: "A plain DROP INDEX takes an ACCESS EXCLUSIVE lock on the index's table. Removing the index itself is quick, but the lock has to wait until every running query on the table has finished, and while it waits every new query on the table queues behind it. On a busy table with one long query that is a stall of everything; inside a transaction the lock is also held until COMMIT.",
    lock: "ACCESS EXCLUSIVE on the table: blocks reads and writes while it waits and until the transaction ends.",
    instead: "Use DROP INDEX CONCURRENTLY (one index per statement, no CASCADE), in a migration that is not wrapped in a transaction. It waits for running queries without blocking new ones. Indexes that back a UNIQUE or PRIMARY KEY constraint must be dropped with ALTER TABLE ... DROP CONSTRAINT instead.",
    bad: "DROP INDEX orders_created_at_idx;",
    good: "DROP INDEX CONCURRENTLY orders_created_at_idx;",
    equivalents: { squawk: "require-concurrent-index-deletion", strongMigrations: "remove_index", pgfence: "CREATE INDEX / DROP INDEX checks" }
  },
  statements: ["DropStmt"],
  check({ statement, operations, state }) {
    const drop = stmtNode(statement, "DropStmt");
    if (!drop || drop.removeType !== "OBJECT_INDEX" || drop.concurrent || !runsDuringMigration(statement)) return [];
    const existing = operations.map((op, i) => ({ op, i })).filter(({ op }) => op.indexName && !state.newIndexes.has(op.indexName));
    if (existing.length === 0) return [];
    const ifExists = drop.missing_ok ? "IF EXISTS " : "";
    const suggestion = existing.map(({ op }) => `DROP INDEX CONCURRENTLY ${ifExists}${indexRef(op.indexName)};`).join("\n") + "\n-- in a migration that is not wrapped in a transaction; one index per statement";
    return existing.map(({ op, i }) => ({
      operation: i,
      message: `DROP INDEX ${indexRef(op.indexName)} without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on its table: every query on the table waits behind it${drop.behavior === "DROP_CASCADE" ? " (CASCADE also drops the objects that depend on the index)" : ""}`,
      suggestion
    }));
  }
};

// rules/require-concurrent-index.ts
var rule60 = {
  id: "require-concurrent-index",
  risk: "DANGEROUS",
  title: "CREATE INDEX without CONCURRENTLY blocks writes to the table",
  sizeSensitive: true,
  docs: {
    why: "A plain CREATE INDEX reads the whole table while holding a SHARE lock: every INSERT, UPDATE and DELETE waits until the index is built, which takes as long as reading the table. On a large, busy table that is an outage.",
    lock: "SHARE on the table: reads continue, all writes wait for the whole build.",
    instead: "Build it with CREATE INDEX CONCURRENTLY, in a migration of its own that the runner does not wrap in a transaction (CONCURRENTLY cannot run inside one). If the build fails it leaves an INVALID index: drop it with DROP INDEX CONCURRENTLY and build it again.",
    bad: "CREATE INDEX orders_created_at_idx ON orders (created_at);",
    good: "CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);",
    equivalents: { squawk: "require-concurrent-index-creation", strongMigrations: "add_index", eugene: "E6", pgfence: "CREATE INDEX / DROP INDEX checks" }
  },
  statements: ["IndexStmt"],
  check({ statement, operations }) {
    const idx = stmtNode(statement, "IndexStmt");
    const op = operations[0];
    if (!idx || idx.concurrent || !op || !onExistingTable(op)) return [];
    const name = idx.idxname ? `${idx.idxname} ` : "";
    return [{
      operation: 0,
      message: `CREATE INDEX ${name}on ${op.table} without CONCURRENTLY takes a ${describeLock(op.lock)} for the whole build`,
      suggestion: `${statement.text.replace(/^\s*CREATE\s+(UNIQUE\s+)?INDEX\s+/i, (m) => `${m.trimEnd()} CONCURRENTLY `)};  -- in its own migration, outside a transaction (${tableRef(op.table)})`
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
function shortName(qualified) {
  return qualified.startsWith("public.") ? qualified.slice("public.".length) : qualified;
}
var rule61 = {
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
    const target = shortName(op.indexName ?? op.table ?? r.name ?? "");
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
      suggestion: `${concurrently};  -- outside a transaction block`
    }];
  }
};

// rules/require-enum-value-ordering.ts
var rule62 = {
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
var rule63 = {
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
var rule64 = {
  id: "require-lock-timeout",
  risk: "CAUTION",
  title: "A blocking lock without lock_timeout can queue every query on the table",
  docs: {
    why: "Postgres grants locks in order. A migration statement that needs a strong lock waits behind any long query (or a transaction left idle) on the table, and while it waits every new query on that table, even a plain SELECT, queues behind it. A change that takes a millisecond can so stall the table for minutes. A lock_timeout makes the statement give up instead, so the migration fails fast and can be retried.",
    lock: "Any lock that blocks writes (SHARE, SHARE ROW EXCLUSIVE, EXCLUSIVE, ACCESS EXCLUSIVE) on a table that already exists; ACCESS EXCLUSIVE also blocks reads. A view counts too: DROP VIEW and CREATE OR REPLACE VIEW of an existing view lock it ACCESS EXCLUSIVE, so queries on the view queue the same way.",
    instead: "Start the migration with `SET lock_timeout = '5s';` (or `SET LOCAL` inside a transaction). When it fails with `canceling statement due to lock timeout`, nothing was blocked for long: retry later, ideally automatically a few times with a pause. Reported once per file, at the first statement that needs it.",
    bad: "ALTER TABLE orders ADD COLUMN note text;",
    good: "SET lock_timeout = '5s';\nALTER TABLE orders ADD COLUMN note text;",
    equivalents: { squawk: "require-lock-timeout", eugene: "E9", pgfence: "SET lock_timeout" }
  },
  check({ statement, operations, state }) {
    if (!executesNow(statement) || state.lockTimeout) return [];
    const i = operations.findIndex((op2) => blocksExisting(op2, state));
    if (i < 0) return [];
    const earlier = (state.earlierInFile ?? []).some(
      (s) => executesNow(s.statement) && !s.lockTimeout && s.operations.some((op2) => blocksExisting(op2, state))
    );
    if (earlier) return [];
    const op = operations[i];
    const target = op.table ?? `the table of ${op.indexName}`;
    return [{
      operation: i,
      message: `no lock_timeout is set before this statement takes ${article(describeLock(op.lock))}: if ${target} is busy it waits, and every query on ${target} queues behind it`,
      suggestion: `SET ${state.tx.active ? "LOCAL " : ""}lock_timeout = '5s';  -- on "canceling statement due to lock timeout", retry the migration later`,
      suggestionRuns: "before"
    }];
  }
};

// rules/require-statement-timeout.ts
var rule65 = {
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
    const i = operations.findIndex((op2) => longWhileBlocking(op2, state));
    if (i < 0) return [];
    const earlier = (state.earlierInFile ?? []).some(
      (s) => executesNow(s.statement) && !s.statementTimeout && s.operations.some((op2) => longWhileBlocking(op2, state))
    );
    if (earlier) return [];
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
var rule66 = {
  id: "require-table-schema",
  risk: "SAFE",
  title: "A table named without its schema",
  enabledByDefault: false,
  docs: {
    why: "An unqualified table name is resolved through search_path, which the session running the migration may set differently from the one the application uses (a role setting, a connection option, a tool that changes it). The migration then creates or alters a table in another schema than intended.",
    policy: "Off by default: most projects use one schema and a fixed search_path; turn it on where several schemas exist (squawk has it as an opt-in rule too).",
    instead: "Qualify the table: `CREATE TABLE app.orders (...)`, `ALTER TABLE app.orders ...`.",
    bad: "CREATE TABLE orders (id bigint PRIMARY KEY);",
    good: "CREATE TABLE public.orders (id bigint PRIMARY KEY);",
    equivalents: { squawk: "require-table-schema" }
  },
  statements: ["CreateStmt", "AlterTableStmt", "IndexStmt", "CreateTableAsStmt"],
  check({ statement }) {
    const [tag, v] = nodeTag(statement.ast) ?? ["", {}];
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
var rule67 = {
  id: "rollback-data-loss",
  risk: "CAUTION",
  title: "The migration destroys data no rollback can restore",
  docs: {
    why: "Dropping a table or a column, truncating or deleting rows destroys data. The rollback can recreate the table or the column, but empty: the contents are gone. Such a migration is irreversible, whatever its down file says.",
    instead: "Stop reading and writing the data in the application first (contract phase), keep a copy (an archive table or a backup) until you are sure, and say in the rollback that it restores the structure only.",
    bad: "ALTER TABLE orders DROP COLUMN legacy_status;",
    good: "-- after the code no longer reads it, and with a copy kept:\nCREATE TABLE orders_legacy_status AS SELECT id, legacy_status FROM orders;\nALTER TABLE orders DROP COLUMN legacy_status;"
  }
};

// rules/rollback-destroys-data.ts
var rule68 = {
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
var rule69 = {
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
var rule70 = {
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
var rule71 = {
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
var rule72 = {
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
var rule73 = {
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
  const stack = [ast];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
      continue;
    }
    if (!v || typeof v !== "object") continue;
    const call = v.FuncCall;
    if (call) {
      const parts = stringList(call.funcname);
      const name = parts[parts.length - 1];
      const args = (call.args ?? []).map((a) => nodeTag(a)?.[1]?.sval?.sval);
      if (name) calls.push({ name: name.toLowerCase(), args });
    }
    for (const x of Object.values(v)) if (x && typeof x === "object") stack.push(x);
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
      break;
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
        if (d?.defname !== "language") continue;
        const lang = nodeTag(d.arg)?.[1]?.sval?.toLowerCase();
        if (lang && UNTRUSTED_LANGUAGES.has(lang)) out.push(`a function in language ${lang} runs with the server's OS rights (or loads native code)`);
      }
      break;
    }
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
var rule74 = {
  id: "security-sensitive-sql",
  risk: "DANGEROUS",
  title: "The migration reaches outside the database: programs, server files, server settings, other servers or roles' powers",
  docs: {
    why: "A schema migration changes tables, columns, indexes and the data in them. Running programs on the database server (COPY \u2026 PROGRAM, untrusted languages such as plpython3u or C), reading or writing its files (pg_read_file, lo_import, COPY to or from a server file, adminpack), changing the server's configuration (ALTER SYSTEM), connecting to other servers (dblink, postgres_fdw), handing out SUPERUSER, BYPASSRLS or REPLICATION, switching roles (SET ROLE, SET SESSION AUTHORIZATION), granting the predefined roles that do any of that, turning off the triggers that enforce foreign keys (SET session_replication_role = replica, DISABLE TRIGGER ALL), or changing the system catalog itself is not schema work, and in a pull request it may be an attack: production runs migrations with real privileges. migration-guard reports these statically, so the gate holds with or without a dry-run, also when they sit in a DO block or a function body (a function runs later, with its caller's rights).",
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
  let known = pool.get(key);
  if (!known) pool.set(key, known = { text: typeNameText(t), declared: declaredType(t) });
  return known;
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
  const known = knownType(state.facts, t);
  state.facts.columnTypes.set(key, known.text);
  state.facts.columnTypeNames.set(key, known.declared);
}
function forgetColumn(state, key) {
  state.facts.columnTypes.delete(key);
  state.facts.columnTypeNames.delete(key);
  state.facts.notNullColumns.delete(key);
}
function newRunState(opts) {
  return {
    pgVersion: opts.pgVersion,
    ...opts.pgVersionAssumed ? { pgVersionAssumed: true } : {},
    path: "",
    runnerTransaction: "none",
    tx: { active: false, explicit: false, id: 0, hasDdl: false, hasDml: false },
    newTables: /* @__PURE__ */ new Set(),
    newIndexes: /* @__PURE__ */ new Set(),
    newSchemas: /* @__PURE__ */ new Set(),
    newTypes: /* @__PURE__ */ new Set(),
    newColumns: /* @__PURE__ */ new Set(),
    constraints: /* @__PURE__ */ new Map(),
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
  if (!state.tx.active) {
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
      if (name && v.objtype === "OBJECT_MATVIEW") (state.views ??= /* @__PURE__ */ new Set()).add(name);
      return;
    }
    case "ViewStmt": {
      const view = v;
      const name = relationName(view.view);
      if (!name) return;
      if (!view.replace && !state.learningOnly) state.newTables.add(name);
      (state.views ??= /* @__PURE__ */ new Set()).add(name);
      return;
    }
    case "DropStmt": {
      const d = v;
      if (d.removeType !== "OBJECT_VIEW" && d.removeType !== "OBJECT_MATVIEW") return;
      for (const o of d.objects ?? []) {
        const name = qualifiedFromList(as(o, "List")?.items);
        if (name) state.views?.delete(name);
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
  for (const t of tables) byTable.set(t, [...byTable.get(t) ?? [], stmt.text]);
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
  state.indexedColumns.set(table, list ? [...list, columns] : [columns]);
}
function trackCreateTable(state, v, stmt) {
  const table = tableOf(state, v.relation);
  if (!table) return;
  if (!state.learningOnly) state.newTables.add(table);
  for (const elt of v.tableElts ?? []) {
    const col = as(elt, "ColumnDef");
    if (col?.colname) {
      const key = `${table}.${col.colname}`;
      setColumnType(state, key, col.typeName);
      trackColumnConstraints(state, table, key, col, true, stmt);
    }
    const con = as(elt, "Constraint");
    if (con) trackConstraint(state, table, con, true);
    if (con?.contype === "CONSTR_PRIMARY") for (const k of keyColumns(con.keys)) state.facts.notNullColumns.add(`${table}.${k}`);
    if (con?.contype === "CONSTR_FOREIGN") recordForeignKey(state, table, keyColumns(con.fk_attrs), con, stmt);
  }
}
function trackColumnConstraints(state, table, key, def, tableIsNew, stmt) {
  const column = def.colname;
  for (const c of (def.constraints ?? []).map((n) => as(n, "Constraint"))) {
    if (c?.contype === "CONSTR_PRIMARY" || c?.contype === "CONSTR_UNIQUE") recordIndex(state, table, [column]);
    if (c?.contype === "CONSTR_PRIMARY" || c?.contype === "CONSTR_NOTNULL") state.facts.notNullColumns.add(key);
    if (c?.contype === "CONSTR_FOREIGN") recordForeignKey(state, table, [column], c, stmt);
    if (c?.contype === "CONSTR_CHECK") trackConstraint(state, table, c, tableIsNew);
  }
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
  const elems = (v.indexParams ?? []).map((p) => as(p, "IndexElem"));
  if (v.whereClause || elems.some((e) => e?.expr)) {
    const columns = columnRefs([elems.map((e) => e?.expr), v.whereClause]).concat(elems.map((e) => e?.name).filter((n) => !!n));
    const map = state.alwaysRebuiltIndexColumns ??= /* @__PURE__ */ new Map();
    map.set(table, /* @__PURE__ */ new Set([...map.get(table) ?? [], ...columns]));
  }
}
function trackConstraint(state, table, c, tableIsNew) {
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
  const name = c.conname ?? `${table}#${state.statementCount}`;
  const known = {
    table,
    name,
    kind,
    validated: !c.skip_validation || tableIsNew,
    addedInTx: state.tx.id
  };
  const notNullColumn = kind === "check" ? isNotNullCheck(c.raw_expr) : void 0;
  if (notNullColumn) known.notNullColumn = notNullColumn;
  if (kind === "check") known.columns = columnRefs(c.raw_expr);
  state.constraints.set(`${table}|${name}`, known);
}
function isNotNullCheck(expr) {
  const t = as(expr, "NullTest");
  if (!t || t.nulltesttype !== "IS_NOT_NULL") return void 0;
  const ref = as(t.arg, "ColumnRef");
  const parts = stringList(ref?.fields);
  return parts[parts.length - 1];
}
function trackAlter(state, v, stmt) {
  const table = tableOf(state, v.relation);
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
        trackColumnConstraints(state, table, key, def, isNew, stmt);
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
        if (con) trackConstraint(state, table, con, isNew);
        if (con?.contype === "CONSTR_PRIMARY") for (const k of primaryKeyColumns(state, table, con)) state.facts.notNullColumns.add(`${table}.${k}`);
        if (con?.contype === "CONSTR_FOREIGN") recordForeignKey(state, table, keyColumns(con.fk_attrs), con, stmt);
        break;
      }
      case "AT_ValidateConstraint": {
        const known = c.name ? state.constraints.get(`${table}|${c.name}`) : void 0;
        if (known) known.validated = true;
        else if (c.name) state.constraints.set(`${table}|${c.name}`, { table, name: c.name, kind: "check", validated: true, addedInTx: -1 });
        break;
      }
      case "AT_DropConstraint":
        if (c.name) state.constraints.delete(`${table}|${c.name}`);
        break;
      default:
        break;
    }
  }
}
function trackRename(state, v) {
  const table = tableOf(state, v.relation);
  if (!table || !v.newname) return;
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
function trackFunction(state, v) {
  const name = stringList(v.funcname).at(-1)?.toLowerCase();
  if (!name) return;
  let vol = "v";
  for (const o of v.options ?? []) {
    const d = as(o, "DefElem");
    if (d?.defname === "volatility") {
      const val = as(d.arg, "String")?.sval;
      vol = val === "immutable" ? "i" : val === "stable" ? "s" : "v";
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
  return [...state.constraints.values()].filter((c) => c.table === table && c.notNullColumn === column);
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
var rule75 = {
  id: "set-not-null-without-check",
  risk: "DANGEROUS",
  title: "SET NOT NULL on an existing column scans the whole table under an ACCESS EXCLUSIVE lock",
  sizeSensitive: true,
  docs: {
    why: "ALTER COLUMN ... SET NOT NULL reads every row to prove there is no NULL, holding an ACCESS EXCLUSIVE lock the whole time: nothing can read or write the table until the scan ends, and the statement fails if a NULL is found. Since PostgreSQL 12 the scan is skipped when a validated CHECK (column IS NOT NULL) constraint already proves it. ADD PRIMARY KEY USING INDEX does the same implicit SET NOT NULL on any key column the history shows nullable.",
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
        const nullable = nullableKeyColumns(state, table2, primaryKeyColumns(state, table2, con));
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
      const checks = notNullChecks(state, table, column);
      const validated = checks.find((c) => c.validated);
      if (validated && state.pgVersion >= 12) return;
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

// rules/statement-timeout-before-lock.ts
var rule76 = {
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
    const earlier = (state.earlierInFile ?? []).some((s) => executesNow(s.statement) && !s.statementTimeout && s.operations.some((op2) => blocksExisting(op2, state)));
    if (earlier) return [];
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
var isObject2 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
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
          return v.def?.PartitionCmd?.concurrent ? { what: "DETACH PARTITION ... CONCURRENTLY", since: 14 } : void 0;
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
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!isObject2(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (isObject2(value)) {
        const f = featureOf(key, value);
        if (f && f.since > pgVersion && !found.has(f.what)) found.set(f.what, f);
      }
      visit(value);
    }
  };
  visit(ast);
  return [...found.values()];
}
var rule77 = {
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
var rule78 = {
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
var rule79 = {
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
var rule80 = {
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
var rule81 = {
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
var rule82 = {
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

// rules/unreviewed-routine-call.ts
var rule83 = {
  id: "unreviewed-routine-call",
  risk: "CAUTION",
  title: "CALL of a procedure no migration here creates",
  docs: {
    why: "When a migration runs a routine that a migration created, its statements are judged as running there (a DROP TABLE in the body is a DROP TABLE at the CALL). A procedure that no migration in the repository creates (made by hand, by an extension, or by code outside the migrations) has a body the review never saw, so whatever it does, dropping or rewriting tables included, passes unseen.",
    instead: "Create (or replace) the procedure in a migration, so its body is reviewed, or write its statements in the migration itself.",
    bad: "CALL archive_old_orders();",
    good: "CREATE OR REPLACE PROCEDURE archive_old_orders() LANGUAGE sql AS $$ DELETE FROM orders WHERE created_at < now() - interval '5 years' $$;\nCALL archive_old_orders();"
  },
  statements: ["CallStmt"],
  check({ statement, state }) {
    const call = nodeTag(statement.ast)?.[1];
    const parts = stringList(call?.funccall?.funcname);
    const name = parts.at(-1)?.toLowerCase();
    if (!name || state.facts.functionVolatility.has(name)) return [];
    return [{ message: `CALL ${parts.join(".")}() runs a procedure that no migration here creates: its body was not reviewed, and what it does runs now` }];
  }
};

// rules/unused-ignore.ts
var rule84 = {
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
var rule85 = {
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
      const known = state.constraints.get(`${table}|${cmd.name}`);
      const earlier = known && !known.validated && state.tx.active && known.addedInTx === state.tx.id ? known : void 0;
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
  const known = facts.functionVolatility.get(name);
  if (known) return known;
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
var rule86 = {
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
      const bare = sqlOf({ ColumnDef: { ...def, constraints: (def.constraints ?? []).filter((n) => !["CONSTR_DEFAULT", "CONSTR_NOTNULL"].includes(n.Constraint?.contype ?? "")) } });
      hits.push({
        operation: i,
        message: `ADD COLUMN ${def.colname} on ${table}: ${reason}; PostgreSQL rewrites the whole table and its indexes under an ACCESS EXCLUSIVE lock (reads and writes wait)`,
        suggestion: [
          `${alterTable(table)} ADD COLUMN ${bare ?? col};`,
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
  rule,
  rule2,
  rule3,
  rule29,
  rule30,
  rule31,
  rule32,
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
  rule4,
  rule5,
  rule43,
  rule44,
  rule45,
  rule46,
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
  rule6,
  rule70,
  rule71,
  rule72,
  rule7,
  rule73,
  rule74,
  rule75,
  rule76,
  rule77,
  rule78,
  rule79,
  rule80,
  rule81,
  rule82,
  rule83,
  rule84,
  rule85,
  rule86
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
  rule78 as rule,
  expressionVolatility,
  allRules,
  ruleById
};
