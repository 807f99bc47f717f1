import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  LOCK_MODES,
  RISKS
} from "./chunk-GAJUOGXM.js";

// src/core/risk.ts
function riskRank(risk) {
  return RISKS.indexOf(risk);
}
function maxRisk(...risks) {
  let best = "SAFE";
  for (const r of risks) if (riskRank(r) > riskRank(best)) best = r;
  return best;
}
function atLeast(risk, threshold) {
  return riskRank(risk) >= riskRank(threshold);
}
function lockRank(mode) {
  return LOCK_MODES.indexOf(mode);
}
function blocksReads(mode) {
  return mode === "AccessExclusiveLock";
}
function blocksWrites(mode) {
  return lockRank(mode) >= lockRank("ShareLock");
}
function lockModeSql(mode) {
  return mode.replace(/Lock$/, "").replace(/([a-z])([A-Z])/g, "$1 $2").toUpperCase();
}

// src/analyze/ast.ts
function nodeTag(node) {
  const key = firstKey(node);
  if (key === void 0) return null;
  return [key, node[key] ?? {}];
}
function firstKey(node) {
  if (!node || typeof node !== "object") return void 0;
  for (const key in node) return key;
  return void 0;
}
var TAG_ONLY = /* @__PURE__ */ new Map();
function tagOnly(node) {
  const key = firstKey(node);
  if (key === void 0) return node;
  const kind = key === "TransactionStmt" ? node.TransactionStmt.kind : void 0;
  const id = kind ? `${key}:${kind}` : key;
  let stub = TAG_ONLY.get(id);
  if (!stub) {
    stub = Object.freeze({ [key]: Object.freeze(kind ? { kind } : {}) });
    TAG_ONLY.set(id, stub);
  }
  return stub;
}
function as(node, tag) {
  if (firstKey(node) !== tag) return void 0;
  return node[tag] ?? {};
}
function detachesConcurrently(cmd) {
  return cmd?.subtype === "AT_DetachPartition" && as(cmd.def, "PartitionCmd")?.concurrent === true;
}
function alterDetachesConcurrently(ast) {
  return (as(ast, "AlterTableStmt")?.cmds ?? []).some((c) => detachesConcurrently(as(c, "AlterTableCmd")));
}
function stringList(nodes) {
  return (nodes ?? []).map((n) => as(n, "String")?.sval ?? "").filter((s) => s !== "");
}
function qualifiedName(schema, name) {
  return `${schema ?? "public"}.${name}`;
}
function relationName(rel) {
  if (!rel?.relname) return void 0;
  return qualifiedName(rel.schemaname, rel.relname);
}
function qualifiedFromList(nodes) {
  const parts = stringList(nodes);
  if (parts.length === 0) return void 0;
  if (parts.length === 1) return qualifiedName(void 0, parts[0]);
  return qualifiedName(parts[parts.length - 2], parts[parts.length - 1]);
}
var TYPE_ALIASES = new Map(Object.entries({
  int2: "smallint",
  int4: "integer",
  int8: "bigint",
  float4: "real",
  float8: "double precision",
  bool: "boolean",
  bpchar: "char",
  varchar: "varchar",
  timestamptz: "timestamptz",
  timestamp: "timestamp"
}));
function typeNameText(t) {
  if (!t) return "";
  const names = stringList(t.names).filter((n, i, all) => !(n === "pg_catalog" && all.length > 1));
  const base = names[names.length - 1] ?? "";
  const schema = names.length > 1 ? `${names[names.length - 2]}.` : "";
  const mods = (t.typmods ?? []).map((m) => {
    const c = as(m, "A_Const");
    if (c) return String(c.ival?.ival ?? 0);
    const ref = as(m, "ColumnRef");
    return ref ? stringList(ref.fields).join(".") : "?";
  });
  const canonical = TYPE_ALIASES.get(base) ?? base;
  const arr = (t.arrayBounds ?? []).map(() => "[]").join("");
  return `${schema}${canonical}${mods.length ? `(${mods.join(",")})` : ""}${arr}`;
}
function typeBase(t) {
  const text = typeNameText(t);
  const name = text.split("(", 1)[0];
  return name.slice(name.lastIndexOf(".") + 1);
}
function functionsCalled(node, out = []) {
  if (Array.isArray(node)) {
    for (const n of node) functionsCalled(n, out);
  } else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "FuncCall") {
        const names = stringList(value.funcname);
        const name = names[names.length - 1];
        if (name) out.push(name.toLowerCase());
      }
      if (key === "SubLink") out.push("(subquery)");
      functionsCalled(value, out);
    }
  }
  return out;
}
function isConstantExpr(node) {
  if (!node) return true;
  const t = nodeTag(node);
  if (!t) return true;
  const [tag, v] = t;
  if (tag === "A_Const") return true;
  if (tag === "TypeCast") return isConstantExpr(v.arg);
  if (tag === "A_ArrayExpr") return (v.elements ?? []).every(isConstantExpr);
  if (tag === "A_Expr") {
    const e = v;
    return isConstantExpr(e.lexpr) && isConstantExpr(e.rexpr);
  }
  return false;
}
function keyColumns(nodes) {
  return (nodes ?? []).map((n) => {
    const s = as(n, "String");
    if (s) return s.sval ?? "";
    const ie = as(n, "IndexElem");
    if (ie?.name) return ie.name;
    return "(expression)";
  });
}
function optionOn(options, name) {
  const d = (options ?? []).map((o) => as(o, "DefElem")).filter((x) => x?.defname === name).at(-1);
  if (!d) return false;
  if (!d.arg) return true;
  const s = as(d.arg, "String")?.sval ?? as(d.arg, "Boolean")?.boolval;
  if (typeof s === "boolean") return s;
  if (typeof s === "string") return !["false", "off", "no", "0", "f", "n"].includes(s.toLowerCase());
  const i = as(d.arg, "Integer");
  if (i) return (i.ival ?? 0) !== 0;
  return true;
}
function sameExpression(a, b) {
  const bare = (n) => JSON.stringify(n, (k, val) => k === "location" ? void 0 : val);
  return a !== void 0 && b !== void 0 && bare(a) === bare(b);
}
function coversNull(args) {
  const tests = args.map((a) => nodeTag(a)).filter((t) => t?.[0] === "NullTest").map((t) => t[1]);
  return tests.some((x) => x.nulltesttype === "IS_NULL" && tests.some((y) => y.nulltesttype === "IS_NOT_NULL" && sameExpression(x.arg, y.arg)));
}
function constValue(node) {
  const t = nodeTag(node);
  if (!t) return void 0;
  const [tag, v] = t;
  if (tag === "A_Const") {
    const c = v;
    if (c.isnull) return null;
    if (c.boolval) return c.boolval.boolval === true;
    if (c.ival) return c.ival.ival ?? 0;
    if (c.fval) return Number(c.fval.fval);
    if (c.sval) return c.sval.sval ?? "";
    return void 0;
  }
  if (tag === "TypeCast") {
    const inner = constValue(v.arg);
    const type = stringList(v.typeName?.names).at(-1);
    if (type === "bool" && typeof inner === "string") return ["t", "true", "y", "yes", "on", "1"].includes(inner.toLowerCase());
    return inner;
  }
  if (tag === "NullTest") {
    const n = v;
    const inner = constValue(n.arg);
    if (inner === void 0) return void 0;
    return n.nulltesttype === "IS_NULL" ? inner === null : inner !== null;
  }
  if (tag === "BoolExpr") {
    const b = v;
    const args = (b.args ?? []).map(constValue);
    if (b.boolop === "NOT_EXPR") return typeof args[0] === "boolean" ? !args[0] : void 0;
    if (b.boolop === "OR_EXPR" && coversNull(b.args ?? [])) return true;
    if (b.boolop === "OR_EXPR") return args.includes(true) ? true : args.every((a) => a === false) ? false : void 0;
    if (b.boolop === "AND_EXPR") return args.includes(false) ? false : args.every((a) => a === true) ? true : void 0;
    return void 0;
  }
  if (tag === "A_Expr") {
    const e = v;
    if (e.kind === "AEXPR_NOT_DISTINCT" && e.lexpr && sameExpression(e.lexpr, e.rexpr)) return true;
    if (e.kind === "AEXPR_OP" && ["=", "<=", ">="].includes(stringList(e.name).at(-1) ?? "") && e.lexpr && sameExpression(e.lexpr, e.rexpr) && nodeTag(e.lexpr)?.[0] === "ColumnRef") return true;
    if (e.kind !== "AEXPR_OP") return void 0;
    const l = constValue(e.lexpr);
    const r = constValue(e.rexpr);
    if (l === void 0 || r === void 0 || l === null || r === null || typeof l !== typeof r) return void 0;
    switch (stringList(e.name).at(-1)) {
      case "=":
        return l === r;
      case "<>":
      case "!=":
        return l !== r;
      case "<":
        return l < r;
      case "<=":
        return l <= r;
      case ">":
        return l > r;
      case ">=":
        return l >= r;
      default:
        return void 0;
    }
  }
  return void 0;
}
function isAlwaysTrue(expr) {
  return !!expr && constValue(expr) === true;
}
function isAlwaysFalse(expr) {
  if (!expr) return false;
  const v = constValue(expr);
  return v === false || v === null;
}
function columnRefs(node, out = []) {
  if (Array.isArray(node)) node.forEach((n) => columnRefs(n, out));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "ColumnRef") {
        const name = stringList(value.fields).at(-1);
        if (name && !out.includes(name)) out.push(name);
      } else columnRefs(value, out);
    }
  }
  return out;
}
var LEAF_NODES = /* @__PURE__ */ new Set(["String", "A_Const", "Integer", "Float", "Boolean", "BitString", "ColumnRef", "ParamRef", "A_Star", "RangeVar"]);
function funcCalls(ast) {
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
    if (call) calls.push(call);
    for (const key in v) {
      const x = v[key];
      if (x && typeof x === "object" && !LEAF_NODES.has(key)) stack.push(x);
    }
  }
  return calls;
}

// src/analyze/transaction-block.ts
var NO_SLOT = "the subscription has no replication slot (slot_name = NONE)";
function transactionBlockRefusal(ast, pgVersion) {
  const tag = firstKey(ast);
  switch (tag) {
    case "CreatedbStmt":
      return { command: "CREATE DATABASE" };
    case "DropdbStmt":
      return { command: "DROP DATABASE" };
    case "AlterDatabaseStmt": {
      const options = (as(ast, tag)?.options ?? []).map((o) => as(o, "DefElem")?.defname);
      return options.includes("tablespace") ? { command: "ALTER DATABASE SET TABLESPACE" } : void 0;
    }
    case "CreateTableSpaceStmt":
      return { command: "CREATE TABLESPACE" };
    case "DropTableSpaceStmt":
      return { command: "DROP TABLESPACE" };
    case "AlterSystemStmt":
      return { command: "ALTER SYSTEM" };
    case "IndexStmt":
      return as(ast, tag)?.concurrent ? { command: "CREATE INDEX CONCURRENTLY" } : void 0;
    case "DropStmt": {
      const v = as(ast, tag);
      return v.concurrent ? { command: "DROP INDEX CONCURRENTLY" } : void 0;
    }
    case "ReindexStmt":
      return reindex(as(ast, tag), pgVersion);
    // VACUUM ANALYZE too; ANALYZE alone runs anywhere.
    case "VacuumStmt":
      return as(ast, tag)?.is_vacuumcmd ? { command: "VACUUM" } : void 0;
    case "ClusterStmt": {
      const v = as(ast, tag);
      if (!v.relation) return { command: "CLUSTER" };
      return pgVersion >= 15 ? { command: "CLUSTER", ifPartitioned: partitionedName(v.relation) } : void 0;
    }
    case "AlterTableStmt":
      return alterDetachesConcurrently(ast) ? { command: "ALTER TABLE ... DETACH CONCURRENTLY" } : void 0;
    case "DiscardStmt":
      return as(ast, tag)?.target === "DISCARD_ALL" ? { command: "DISCARD ALL" } : void 0;
    case "TransactionStmt": {
      const kind = as(ast, tag)?.kind;
      if (kind === "TRANS_STMT_COMMIT_PREPARED") return { command: "COMMIT PREPARED" };
      if (kind === "TRANS_STMT_ROLLBACK_PREPARED") return { command: "ROLLBACK PREPARED" };
      return void 0;
    }
    case "CreateSubscriptionStmt": {
      const options = as(ast, tag)?.options;
      const createSlot = hasOption(options, "create_slot") ? optionOn(options, "create_slot") : !hasOption(options, "connect") || optionOn(options, "connect");
      return createSlot ? { command: "CREATE SUBSCRIPTION ... WITH (create_slot = true)" } : void 0;
    }
    case "AlterSubscriptionStmt":
      return alterSubscription(as(ast, tag), pgVersion);
    case "DropSubscriptionStmt":
      return { command: "DROP SUBSCRIPTION", unless: NO_SLOT };
    case "AlterEnumStmt": {
      const v = as(ast, tag);
      if (v.newVal === void 0 || v.oldVal !== void 0 || pgVersion >= 12) return void 0;
      return { command: "ALTER TYPE ... ADD", unless: "the type was created in the same transaction" };
    }
    case "DoStmt":
      return doBlockCommits(ast) ? { command: "a DO block that commits", error: "invalid transaction termination" } : void 0;
    default:
      return void 0;
  }
}
function refusedInTransactionBlock(ast, pgVersion, isPartitioned) {
  const r = transactionBlockRefusal(ast, pgVersion);
  if (!r) return false;
  return r.ifPartitioned === void 0 || (isPartitioned?.(r.ifPartitioned) ?? false);
}
function reindex(v, pgVersion) {
  if (optionOn(v.params, "concurrently")) return { command: "REINDEX CONCURRENTLY" };
  switch (v.kind) {
    case "REINDEX_OBJECT_SCHEMA":
      return { command: "REINDEX SCHEMA" };
    case "REINDEX_OBJECT_SYSTEM":
      return { command: "REINDEX SYSTEM" };
    case "REINDEX_OBJECT_DATABASE":
      return { command: "REINDEX DATABASE" };
    case "REINDEX_OBJECT_TABLE":
    case "REINDEX_OBJECT_INDEX": {
      if (pgVersion < 14 || !v.relation?.relname) return void 0;
      return { command: v.kind === "REINDEX_OBJECT_TABLE" ? "REINDEX TABLE" : "REINDEX INDEX", ifPartitioned: partitionedName(v.relation) };
    }
    default:
      return void 0;
  }
}
function partitionedName(rel) {
  return { qualified: relationName(rel) ?? "", ...rel.schemaname ? { schema: rel.schemaname } : {}, name: rel.relname ?? "" };
}
function alterSubscription(v, pgVersion) {
  switch (v.kind) {
    case "ALTER_SUBSCRIPTION_REFRESH":
      return { command: "ALTER SUBSCRIPTION ... REFRESH" };
    case "ALTER_SUBSCRIPTION_SET_PUBLICATION":
    case "ALTER_SUBSCRIPTION_ADD_PUBLICATION":
    case "ALTER_SUBSCRIPTION_DROP_PUBLICATION":
      return !hasOption(v.options, "refresh") || optionOn(v.options, "refresh") ? { command: "ALTER SUBSCRIPTION with refresh" } : void 0;
    case "ALTER_SUBSCRIPTION_OPTIONS":
      if (pgVersion >= 17 && hasOption(v.options, "failover")) return { command: "ALTER SUBSCRIPTION ... SET (failover)", unless: NO_SLOT };
      if (pgVersion >= 18 && hasOption(v.options, "two_phase") && !optionOn(v.options, "two_phase")) return { command: "ALTER SUBSCRIPTION ... SET (two_phase)", unless: NO_SLOT };
      return void 0;
    default:
      return void 0;
  }
}
function hasOption(options, name) {
  return (options ?? []).some((o) => as(o, "DefElem")?.defname === name);
}
function doBlockCommits(ast) {
  const args = as(ast, "DoStmt")?.args ?? [];
  const body = args.map((a) => as(a, "DefElem")).find((d) => d?.defname === "as");
  const text = as(body?.arg, "String")?.sval ?? "";
  if (!/\b(?:COMMIT|ROLLBACK)\b/i.test(text)) return false;
  const code = text.replace(/--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|"(?:[^"]|"")*"|(\$[A-Za-z_0-9]*\$)[\s\S]*?\1/g, " ");
  return /(?:^|;|\bTHEN|\bELSE|\bLOOP|\bBEGIN)\s*(?:<<\s*\w+\s*>>\s*)?(?:COMMIT|ROLLBACK)\b(?!\s+TO\b)/i.test(code);
}

export {
  riskRank,
  maxRisk,
  atLeast,
  lockRank,
  blocksReads,
  blocksWrites,
  lockModeSql,
  nodeTag,
  firstKey,
  tagOnly,
  as,
  detachesConcurrently,
  stringList,
  qualifiedName,
  relationName,
  qualifiedFromList,
  typeNameText,
  typeBase,
  functionsCalled,
  isConstantExpr,
  keyColumns,
  optionOn,
  isAlwaysTrue,
  isAlwaysFalse,
  columnRefs,
  LEAF_NODES,
  funcCalls,
  transactionBlockRefusal,
  refusedInTransactionBlock
};
