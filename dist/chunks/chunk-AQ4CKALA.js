import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  isUntypedLiteral,
  pendingComparison,
  require_pgsql_deparser
} from "./chunk-Q6GQYM45.js";
import {
  as,
  columnRefs,
  functionsCalled,
  lockModeSql,
  nodeTag
} from "./chunk-GFQVVOLB.js";
import {
  __toESM
} from "./chunk-ZGDBGMMU.js";

// src/analyze/rule-helpers.ts
var import_pgsql_deparser = __toESM(require_pgsql_deparser(), 1);
function stmtNode(statement, tag) {
  return as(statement.ast, tag);
}
function stmtTag(statement) {
  return nodeTag(statement.ast)?.[0] ?? "";
}
function alterCmds(statement) {
  const alter = stmtNode(statement, "AlterTableStmt");
  return (alter?.cmds ?? []).map((c) => as(c, "AlterTableCmd")).filter((c) => !!c);
}
function onExistingTable(op) {
  return !!op.table && !op.targetIsNew;
}
function describeLock(mode, table) {
  if (!mode) return "no table lock";
  const what = mode === "AccessExclusiveLock" ? "blocks reads and writes" : mode === "ExclusiveLock" || mode === "ShareRowExclusiveLock" || mode === "ShareLock" ? "blocks writes" : mode === "ShareUpdateExclusiveLock" ? "blocks other schema changes and VACUUM, not reads or writes" : "does not block reads or writes";
  return `${lockModeSql(mode)} lock${table ? ` on ${table}` : ""} (${what})`;
}
function ident(name) {
  return name === "" ? '""' : import_pgsql_deparser.QuoteUtils.quoteIdentifier(name);
}
function tableRef(qualified) {
  if (!qualified) return "<table>";
  const [schema, ...rest] = qualified.split(".");
  const name = rest.join(".");
  return schema === "public" ? ident(name) : `${ident(schema ?? "")}.${ident(name)}`;
}
function transactionSummary(start, add) {
  const memo = /* @__PURE__ */ new WeakMap();
  const none = [];
  return (state) => {
    const steps = state.earlierInFile ?? none;
    let m = memo.get(steps);
    if (!m || m.txId !== state.tx.id || m.seen > steps.length) {
      let first = steps.length;
      while (first > 0 && steps[first - 1].txId === state.tx.id) first--;
      m = { txId: state.tx.id, seen: first, summary: start() };
      memo.set(steps, m);
    }
    for (; m.seen < steps.length; m.seen++) {
      const step = steps[m.seen];
      if (step.inTransaction && step.txId === state.tx.id) add(m.summary, step);
    }
    return m.summary;
  };
}

// src/analyze/batch-sql.ts
var import_pgsql_deparser2 = __toESM(require_pgsql_deparser(), 1);
function print(node) {
  try {
    return (0, import_pgsql_deparser2.deparseSync)(node, { pretty: false }).trim();
  } catch {
    return void 0;
  }
}
function oneBatch(ast, o) {
  const update = as(ast, "UpdateStmt");
  const del = as(ast, "DeleteStmt");
  const rel = update?.relation ?? del?.relation;
  if (!rel?.relname) return { why: "it is not a plain UPDATE or DELETE of one table" };
  if (update?.withClause || del?.withClause || update?.returningClause || del?.returningClause) return { why: "it has a WITH or RETURNING clause" };
  const table = rel.schemaname ? `${ident(rel.schemaname)}.${ident(rel.relname)}` : ident(rel.relname);
  const alias = rel.alias?.aliasname;
  const target = alias ? `${table} AS ${ident(alias)}` : table;
  const where = update?.whereClause ?? del?.whereClause;
  const whereSql = where ? print(where) : void 0;
  if (where && !whereSql) return { why: "its WHERE clause cannot be printed back" };
  if (del) {
    if ((del.usingClause ?? []).length > 0) return { why: "it joins other tables (USING)" };
    return { sql: `DELETE FROM ${target}
WHERE ctid = ANY (ARRAY(SELECT ctid FROM ${target}${whereSql ? ` WHERE ${whereSql}` : ""} LIMIT ${o.size}))` };
  }
  if ((update.fromClause ?? []).length > 0) return { why: "it joins other tables (FROM)" };
  const targets = (update.targetList ?? []).map((n) => as(n, "ResTarget"));
  if (targets.some((t) => !t?.name || (t.indirection ?? []).length > 0 || !t.val)) return { why: "it sets array elements or fields" };
  const kinds = targets.map((t) => nodeTag(t.val)?.[0]);
  if (kinds.includes("MultiAssignRef") || kinds.includes("SetToDefault")) return { why: "it sets columns from a row or to DEFAULT" };
  const cols = targets.map((t) => t.name);
  const reads = new Set(columnRefs(targets.map((t) => t.val)));
  if (cols.some((c) => reads.has(c))) return { why: "a new value reads a column the statement sets" };
  if (functionsCalled(targets.map((t) => t.val)).length > 0) return { why: "a new value calls a function or subquery" };
  const values = targets.map((t) => print(t.val));
  if (values.some((v) => !v)) return { why: "a new value cannot be printed back" };
  const set = cols.map((c, i) => `${ident(c)} = ${values[i]}`).join(", ");
  const pending = pendingComparison(cols.map((c, i) => ({ column: ident(c), value: values[i], type: o.typeOf(c), untyped: isUntypedLiteral(targets[i].val) })));
  return { sql: batchedUpdate(target, set, whereSql ? `(${whereSql}) AND ${pending}` : pending, o.size) };
}
function batchedUpdate(target, setSql, pending, size) {
  return `UPDATE ${target} SET ${setSql}
WHERE ctid = ANY (ARRAY(SELECT ctid FROM ${target} WHERE ${pending} LIMIT ${size}))`;
}
function dollarTag(body, base) {
  let tag = base;
  for (let i = 1; body.includes(`$${tag}$`); i++) tag = `${base}${i}`;
  return `$${tag}$`;
}
function batchLoop(batchStatement, { pauseSeconds = 0.1, explain = false } = {}) {
  const body = [
    "DECLARE",
    "  batch_rows bigint;",
    "BEGIN",
    "  LOOP",
    `    ${batchStatement.split("\n").join("\n    ")};`,
    "    GET DIAGNOSTICS batch_rows = ROW_COUNT;",
    "    EXIT WHEN batch_rows = 0;",
    explain ? "    COMMIT;                 -- each batch holds its row locks only briefly" : "    COMMIT;",
    explain ? `    PERFORM pg_sleep(${pauseSeconds});  -- lets replicas and autovacuum keep up` : `    PERFORM pg_sleep(${pauseSeconds});`,
    "  END LOOP;",
    "END"
  ].join("\n");
  const tag = dollarTag(body, "batch");
  return `DO ${tag}
${body}
${tag}`;
}

export {
  stmtNode,
  stmtTag,
  alterCmds,
  onExistingTable,
  describeLock,
  ident,
  tableRef,
  transactionSummary,
  oneBatch,
  batchedUpdate,
  dollarTag,
  batchLoop
};
