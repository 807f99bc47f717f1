import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  ident,
  isUntypedLiteral,
  pendingComparison,
  sqlOf
} from "./chunk-RRVIRGX7.js";
import {
  as,
  columnRefs,
  functionsCalled,
  nodeTag
} from "./chunk-UTBNT2LW.js";

// src/analyze/batch-sql.ts
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
  const whereSql = where ? sqlOf(where) : void 0;
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
  const values = targets.map((t) => sqlOf(t.val));
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
  oneBatch,
  batchedUpdate,
  dollarTag,
  batchLoop
};
