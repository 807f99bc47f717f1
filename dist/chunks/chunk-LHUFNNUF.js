import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  estimateOperation,
  formatRange,
  workOf
} from "./chunk-YZNHLSLL.js";
import {
  allRules,
  beginFile,
  expressionVolatility,
  newRunState,
  rule,
  ruleById,
  settleNewObjects,
  track
} from "./chunk-UHER332N.js";
import {
  fileTransaction,
  sentAsOneQuery,
  txControl
} from "./chunk-2FJ3R25C.js";
import {
  byCodeUnit,
  flattened,
  parseSource,
  placeholderStandIns,
  serialType,
  sharedName,
  sqlOf
} from "./chunk-RRVIRGX7.js";
import {
  LEAF_NODES,
  as,
  columnRefs,
  firstKey,
  isAlwaysFalse,
  isAlwaysTrue,
  isConstantExpr,
  lockModeSql,
  maxRisk,
  nodeTag,
  optionOn,
  qualifiedFromList,
  relationName,
  riskRank,
  stringList,
  tagOnly,
  typeBase,
  typeNameText
} from "./chunk-UTBNT2LW.js";
import {
  serverVersion
} from "./chunk-O6AHY4CV.js";
import {
  LineIndex
} from "./chunk-KBDENZBY.js";

// src/analyze/rename-view.ts
function passedThrough(query) {
  const select = query?.SelectStmt;
  if (!select || select.op !== "SETOP_NONE" || select.fromClause?.length !== 1) return void 0;
  const extra = ["whereClause", "groupClause", "havingClause", "distinctClause", "limitCount", "limitOffset", "withClause", "windowClause", "valuesLists", "sortClause", "intoClause", "lockingClause"];
  if (extra.some((k) => select[k] !== void 0)) return void 0;
  const from = select.fromClause[0].RangeVar;
  if (!from?.relname || from.inh === false) return void 0;
  const plain = (select.targetList ?? []).every((t) => {
    const val = t.ResTarget?.val ?? {};
    return Object.keys(val).length === 1 && "ColumnRef" in val;
  });
  return plain ? from.schemaname ? `${from.schemaname}.${from.relname}` : from.relname : void 0;
}
function transactionsOf(statements, wrapped) {
  const out = /* @__PURE__ */ new Map();
  let id = 0;
  let active = wrapped;
  for (const s of statements) {
    if (s.nestedIn) continue;
    const control = txControl(s);
    const ends = control === "commit" || control === "rollback";
    if (control === "begin") {
      if (!active) id++;
      active = true;
    } else if (ends) {
      active = false;
    }
    out.set(s.index, active ? id : -1);
    if (ends) id++;
  }
  return out;
}
function foldCompatViews(findings, ops, statements, wrapped) {
  const renames = ops.filter((o) => o.kind === "RENAME_TABLE" && o.table);
  if (renames.length === 0 || !ops.some((o) => o.kind === "CREATE_VIEW")) return [...findings];
  const tx = transactionsOf(statements, wrapped);
  const covered = /* @__PURE__ */ new Set();
  for (const r of renames) {
    const at = tx.get(r.statement) ?? -1;
    if (at < 0) continue;
    const schema = r.table.includes(".") ? r.table.slice(0, r.table.lastIndexOf(".")) : void 0;
    const renamed = r.typeName;
    const view = ops.find((o) => o.kind === "CREATE_VIEW" && o.table === r.table && o.statement > r.statement && tx.get(o.statement) === at);
    const through = view?.viewOf;
    if (renamed && through && (through === renamed || schema !== void 0 && through === `${schema}.${renamed}`)) covered.add(r.statement);
  }
  return findings.filter((f) => !(f.rule === "renaming-table" && f.statement !== void 0 && covered.has(f.statement)));
}

// src/analyze/classify.ts
var NO_RULES = Object.freeze([]);
function classify(stmt, state) {
  const drafts = classifyNode(stmt.ast, state);
  return drafts.map((d) => {
    const o = { ...d, risk: "SAFE", rules: NO_RULES, statement: stmt.index, line: stmt.line, column: stmt.column };
    if (d.table !== void 0) {
      o.table = sharedName(state, d.table);
      o.targetIsNew = isNewTable(d.table, state) || d.targetIsNew === true;
    }
    return o;
  });
}
function isNewTable(table, state) {
  return state.newTables.has(table) || state.newSchemas.size > 0 && state.newSchemas.has(table.split(".")[0] ?? "");
}
function viewBefore(view, name, state) {
  const at = sqlOf({ RangeVar: view.view })?.replace(/^\s*/, "");
  if (!at) return void 0;
  if (!state.views?.has(name)) return [`DROP VIEW IF EXISTS ${at}`];
  const old = state.viewDefinitions?.get(name);
  if (!old) return void 0;
  const oldColumns = viewColumns(old);
  const same = oldColumns !== void 0 && oldColumns.join("\0") === viewColumns(view)?.join("\0");
  const make = sqlOf({ ViewStmt: { ...old, view: view.view, replace: same } });
  if (!make) return void 0;
  return same ? [make] : [`DROP VIEW IF EXISTS ${at}`, make];
}
function viewColumns(view) {
  const select = as(view.query, "SelectStmt");
  if (!select?.targetList || select.op && select.op !== "SETOP_NONE") return void 0;
  const names = [];
  for (const t of select.targetList) {
    const r = as(t, "ResTarget");
    const last = as(r?.val, "ColumnRef")?.fields?.at(-1);
    const name = r?.name ?? as(last, "String")?.sval;
    if (!name) return void 0;
    names.push(name);
  }
  const aliases = stringList(view.aliases);
  return names.map((n, i) => aliases[i] ?? n);
}
function op(kind, fields = {}) {
  return { kind, ...fields };
}
function classifyNode(ast, state) {
  const t = nodeTag(ast);
  if (!t) return [op("OTHER")];
  const [tag, v] = t;
  switch (tag) {
    case "CreateStmt":
      return [createTable(v)];
    case "CreateTableAsStmt": {
      const into = v.into;
      const kind = v.objtype === "OBJECT_MATVIEW" ? "CREATE_MATERIALIZED_VIEW" : "CREATE_TABLE";
      return [op(kind, { table: relationName(into?.rel) })];
    }
    case "AlterTableStmt":
      return alterTable(v, state);
    case "IndexStmt":
      return [createIndex(v)];
    case "DropStmt":
      return drop(v);
    case "RenameStmt":
      return [rename(v)];
    case "ReindexStmt":
      return [reindex(v)];
    case "VacuumStmt":
      return vacuum(v);
    case "ClusterStmt":
      return [op("CLUSTER", { table: relationName(v.relation), lock: "AccessExclusiveLock" })];
    case "TruncateStmt": {
      const rels = (v.relations ?? []).map((r) => relationName(as(r, "RangeVar")));
      return rels.map((table) => op("TRUNCATE", { table, lock: "AccessExclusiveLock" }));
    }
    case "UpdateStmt":
      return [op("UPDATE_VALUES", { table: relationName(v.relation), lock: "RowExclusiveLock" })];
    // A WHERE no row can pass (`NULL IS NOT NULL`, `false`) deletes nothing: no rows to lose or restore.
    case "DeleteStmt":
      return [op(isAlwaysFalse(v.whereClause) ? "OTHER" : "DELETE_ROWS", { table: relationName(v.relation), lock: "RowExclusiveLock" })];
    case "InsertStmt":
      return [op("INSERT_ROWS", { table: relationName(v.relation), lock: "RowExclusiveLock" })];
    case "MergeStmt":
      return [op("UPDATE_VALUES", { table: relationName(v.relation), lock: "RowExclusiveLock" })];
    case "CopyStmt":
      return [op("INSERT_ROWS", { table: relationName(v.relation), lock: "RowExclusiveLock" })];
    case "CompositeTypeStmt":
      return [op("CREATE_TYPE", { typeName: relationName(v.typevar) })];
    case "CreateEnumStmt":
    case "CreateRangeStmt":
      return [op("CREATE_TYPE", { typeName: qualifiedFromList(v.typeName) })];
    case "AlterEnumStmt": {
      const e = v;
      return [op(e.oldVal ? "ALTER_TYPE_RENAME_VALUE" : "ALTER_TYPE_ADD_VALUE", { typeName: qualifiedFromList(v.typeName) })];
    }
    case "CreateDomainStmt":
      return [op("CREATE_DOMAIN", { typeName: qualifiedFromList(v.domainname) })];
    case "AlterDomainStmt":
      return [op("ALTER_DOMAIN", { typeName: qualifiedFromList(v.typeName) })];
    case "ViewStmt": {
      const view = v;
      const name = relationName(view.view);
      const viewOf = passedThrough(view.query);
      const before2 = view.replace && name ? viewBefore(view, name, state) : void 0;
      return [op("CREATE_VIEW", { table: name, ...view.replace && name && state.views?.has(name) ? { lock: "AccessExclusiveLock" } : {}, ...viewOf ? { viewOf } : {}, ...before2 ? { viewBefore: before2 } : {} })];
    }
    case "RefreshMatViewStmt": {
      const r = v;
      return [op("REFRESH_MATERIALIZED_VIEW", { table: relationName(r.relation), lock: r.concurrent ? "ExclusiveLock" : "AccessExclusiveLock" })];
    }
    // CREATE RULE rewrites the table's queries: ACCESS EXCLUSIVE on it (pg_locks on 15).
    case "RuleStmt":
      return [op("OTHER", { table: relationName(v.relation), lock: "AccessExclusiveLock" })];
    case "AlterObjectSchemaStmt": {
      const a = v;
      const relation = a.objectType === "OBJECT_TABLE" || a.objectType === "OBJECT_VIEW" || a.objectType === "OBJECT_MATVIEW" || a.objectType === "OBJECT_FOREIGN_TABLE";
      return [op("OTHER", relation ? { table: relationName(a.relation), lock: "AccessExclusiveLock" } : {})];
    }
    case "CreateFunctionStmt":
      return [op("CREATE_FUNCTION")];
    case "CreateTrigStmt":
      return [op("CREATE_TRIGGER", { table: relationName(v.relation), lock: "ShareRowExclusiveLock" })];
    case "CreateExtensionStmt":
      return [op("CREATE_EXTENSION")];
    case "CreateSchemaStmt":
      return [op("CREATE_SCHEMA")];
    case "CreateSeqStmt":
      return [op("CREATE_SEQUENCE")];
    case "AlterSeqStmt":
      return [op("ALTER_SEQUENCE")];
    case "CreatePolicyStmt":
    case "AlterPolicyStmt":
      return [op("CREATE_POLICY", { table: relationName(v.table), lock: "AccessExclusiveLock" })];
    case "GrantStmt":
    case "GrantRoleStmt":
    case "AlterDefaultPrivilegesStmt":
      return [op("GRANT")];
    case "CommentStmt":
      return [op("COMMENT")];
    case "VariableSetStmt":
      return [op("SET_SETTING", { columnName: v.name })];
    case "TransactionStmt":
      return [op("TRANSACTION_CONTROL")];
    case "DoStmt":
      return [op("DO_BLOCK")];
    case "DropdbStmt":
      return [op("DROP_DATABASE")];
    case "AlterOwnerStmt":
      return [op("ALTER_OWNER")];
    case "CreatedbStmt":
    case "CreateRoleStmt":
    case "AlterRoleStmt":
    case "DropRoleStmt":
    case "SelectStmt":
    case "CallStmt":
    case "LockStmt":
    case "NotifyStmt":
    case "ExplainStmt":
    default:
      return [op("OTHER", tag === "LockStmt" ? lockStmt(v) : {})];
  }
}
function lockStmt(v) {
  const rels = (v.relations ?? []).map((r) => relationName(as(r, "RangeVar")));
  const modes = ["AccessShareLock", "RowShareLock", "RowExclusiveLock", "ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock"];
  const mode = modes[(v.mode ?? 8) - 1] ?? "AccessExclusiveLock";
  return { table: rels[0], lock: mode };
}
function createTable(v) {
  const table = relationName(v.relation);
  if (v.partbound) return op("ATTACH_PARTITION", { table, targetIsNew: true, lock: "ShareUpdateExclusiveLock" });
  return op("CREATE_TABLE", { table });
}
function createIndex(v) {
  const table = relationName(v.relation);
  const indexName = v.idxname ? qualifiedName2(v.relation?.schemaname, v.idxname) : void 0;
  return v.concurrent ? op("CREATE_INDEX_CONCURRENTLY", { table, indexName, lock: "ShareUpdateExclusiveLock" }) : op("CREATE_INDEX", { table, indexName, lock: "ShareLock" });
}
function qualifiedName2(schema, name) {
  return `${schema ?? "public"}.${name}`;
}
function dropObjects(v) {
  return (v.objects ?? []).map((o) => {
    const list = as(o, "List");
    if (list) return qualifiedFromList(list.items) ?? "";
    const s = as(o, "String");
    if (s) return s.sval ?? "";
    const tn = as(o, "TypeName");
    if (tn) return qualifiedFromList(tn.names) ?? "";
    const owa = as(o, "ObjectWithArgs");
    if (owa) return qualifiedFromList(owa.objname) ?? "";
    return "";
  });
}
function drop(v) {
  const names = dropObjects(v);
  const each = (kind, fields) => names.map((n) => op(kind, fields(n)));
  switch (v.removeType) {
    case "OBJECT_TABLE":
    case "OBJECT_FOREIGN_TABLE":
      return each("DROP_TABLE", (n) => ({ table: n, lock: "AccessExclusiveLock" }));
    case "OBJECT_INDEX":
      return each(v.concurrent ? "DROP_INDEX_CONCURRENTLY" : "DROP_INDEX", (n) => ({
        indexName: n,
        lock: v.concurrent ? "ShareUpdateExclusiveLock" : "AccessExclusiveLock"
      }));
    case "OBJECT_VIEW":
    case "OBJECT_MATVIEW":
      return each("DROP_VIEW", (n) => ({ table: n, lock: "AccessExclusiveLock" }));
    case "OBJECT_SCHEMA":
      return each("DROP_SCHEMA", (n) => ({ typeName: n }));
    case "OBJECT_TYPE":
    case "OBJECT_DOMAIN":
      return each("DROP_TYPE", (n) => ({ typeName: n }));
    case "OBJECT_TRIGGER":
    case "OBJECT_POLICY":
    case "OBJECT_RULE": {
      return (v.objects ?? []).map((o) => {
        const parts = stringList(as(o, "List")?.items);
        const table = parts.length >= 2 ? qualifiedFromList(parts.slice(0, -1).map((sval) => ({ String: { sval } }))) : void 0;
        return op(v.removeType === "OBJECT_TRIGGER" ? "DROP_TRIGGER" : "OTHER", { table, lock: "AccessExclusiveLock" });
      });
    }
    case "OBJECT_FUNCTION":
    case "OBJECT_PROCEDURE":
    case "OBJECT_ROUTINE":
      return each("DROP_FUNCTION", () => ({}));
    case "OBJECT_SEQUENCE":
      return each("DROP_SEQUENCE", () => ({}));
    case "OBJECT_EXTENSION":
      return each("DROP_EXTENSION", () => ({}));
    default:
      return [op("OTHER")];
  }
}
function rename(v) {
  const table = relationName(v.relation);
  switch (v.renameType) {
    case "OBJECT_TABLE":
    case "OBJECT_VIEW":
    case "OBJECT_MATVIEW":
    case "OBJECT_FOREIGN_TABLE":
      return op("RENAME_TABLE", { table, lock: "AccessExclusiveLock", typeName: v.newname });
    case "OBJECT_COLUMN":
      return op("RENAME_COLUMN", { table, columnName: v.subname, typeName: v.newname, lock: "AccessExclusiveLock" });
    case "OBJECT_SCHEMA":
      return op("RENAME_SCHEMA", { typeName: v.newname });
    case "OBJECT_INDEX":
      return op("RENAME_INDEX", { indexName: table, lock: "ShareUpdateExclusiveLock" });
    case "OBJECT_TABCONSTRAINT":
      return op("RENAME_CONSTRAINT", { table, constraintName: v.subname, lock: "AccessExclusiveLock" });
    case "OBJECT_TYPE":
    case "OBJECT_DOMAIN":
      return op("OTHER");
    // ALTER TRIGGER / POLICY / RULE ... ON table RENAME: ACCESS EXCLUSIVE on the table (pg_locks on 15).
    case "OBJECT_TRIGGER":
    case "OBJECT_POLICY":
    case "OBJECT_RULE":
      return op("OTHER", { table, lock: "AccessExclusiveLock" });
    default:
      return op("OTHER", { table });
  }
}
function reindex(v) {
  const concurrently = optionOn(v.params, "concurrently");
  const target = relationName(v.relation) ?? v.name;
  const isIndex = v.kind === "REINDEX_OBJECT_INDEX";
  return op("REINDEX", {
    ...isIndex ? { indexName: target } : { table: target },
    lock: concurrently ? "ShareUpdateExclusiveLock" : isIndex ? "AccessExclusiveLock" : "ShareLock"
  });
}
function vacuum(v) {
  const full = optionOn(v.options, "full");
  const rels = (v.rels ?? []).map((r) => relationName(as(r, "VacuumRelation")?.relation));
  const kind = !v.is_vacuumcmd ? "ANALYZE" : full ? "VACUUM_FULL" : "VACUUM";
  const lock = full ? "AccessExclusiveLock" : "ShareUpdateExclusiveLock";
  if (rels.length === 0) return [op(kind, { lock })];
  return rels.map((table) => op(kind, { table, lock }));
}
function alterTable(v, state) {
  const table = relationName(v.relation);
  if (v.objtype === "OBJECT_INDEX") {
    return [op("OTHER", { indexName: table, lock: "ShareUpdateExclusiveLock" })];
  }
  if (v.objtype === "OBJECT_TYPE") return [op("OTHER", { typeName: table })];
  const cmds = (v.cmds ?? []).map((c) => as(c, "AlterTableCmd")).filter((c) => !!c);
  return cmds.map((c) => alterCmd(c, table, state));
}
function alterCmd(c, table, state) {
  const base = { table, columnName: c.name };
  const AEL = "AccessExclusiveLock";
  switch (c.subtype) {
    case "AT_AddColumn":
      return addColumn(as(c.def, "ColumnDef"), table, state);
    case "AT_DropColumn":
      return op("DROP_COLUMN", { ...base, lock: AEL });
    case "AT_AlterColumnType": {
      const def = as(c.def, "ColumnDef");
      return op("ALTER_COLUMN_TYPE", { ...base, typeName: typeNameText(def?.typeName), lock: AEL });
    }
    case "AT_SetNotNull":
      return op("SET_NOT_NULL", { ...base, lock: AEL });
    case "AT_DropNotNull":
      return op("DROP_NOT_NULL", { ...base, lock: AEL });
    case "AT_ColumnDefault":
      return op(c.def ? "SET_DEFAULT" : "DROP_DEFAULT", { ...base, lock: AEL });
    case "AT_AddConstraint":
      return addConstraint(as(c.def, "Constraint"), table, state);
    case "AT_ValidateConstraint":
      return op("VALIDATE_CONSTRAINT", { table, constraintName: c.name, lock: "ShareUpdateExclusiveLock" });
    case "AT_DropConstraint":
      return op("DROP_CONSTRAINT", { table, constraintName: c.name, lock: AEL });
    case "AT_SetLogged":
      return op("SET_LOGGED", { table, lock: AEL });
    case "AT_SetUnLogged":
      return op("SET_UNLOGGED", { table, lock: AEL });
    case "AT_SetTableSpace":
      return op("SET_TABLESPACE", { table, lock: AEL });
    case "AT_AttachPartition": {
      const cmd = as(c.def, "PartitionCmd");
      return op("ATTACH_PARTITION", { table, typeName: relationName(cmd?.name), lock: state.pgVersion >= 12 ? "ShareUpdateExclusiveLock" : AEL });
    }
    case "AT_DetachPartition": {
      const cmd = as(c.def, "PartitionCmd");
      return op("DETACH_PARTITION", { table, typeName: relationName(cmd?.name), lock: cmd?.concurrent ? "ShareUpdateExclusiveLock" : AEL });
    }
    case "AT_DetachPartitionFinalize":
      return op("DETACH_PARTITION", { table, lock: "ShareUpdateExclusiveLock" });
    case "AT_EnableRowSecurity":
    case "AT_ForceRowSecurity":
      return op("ENABLE_RLS", { table, lock: AEL });
    case "AT_AddIdentity":
      return op("ALTER_TABLE_OTHER", { ...base, lock: AEL });
    case "AT_SetStatistics":
    case "AT_SetOptions":
    case "AT_ResetOptions":
    case "AT_ClusterOn":
    case "AT_DropCluster":
    case "AT_SetRelOptions":
    case "AT_ResetRelOptions":
      return op("ALTER_TABLE_OTHER", { ...base, lock: "ShareUpdateExclusiveLock" });
    case "AT_EnableTrig":
    case "AT_DisableTrig":
    case "AT_EnableAlwaysTrig":
    case "AT_EnableReplicaTrig":
    case "AT_EnableTrigAll":
    case "AT_DisableTrigAll":
    case "AT_EnableTrigUser":
    case "AT_DisableTrigUser":
    case "AT_AddInherit":
    case "AT_DropInherit":
      return op("ALTER_TABLE_OTHER", { ...base, lock: "ShareRowExclusiveLock" });
    case "AT_ChangeOwner":
      return op("ALTER_OWNER", { table, lock: AEL });
    default:
      return op("ALTER_TABLE_OTHER", { ...base, lock: AEL });
  }
}
function columnConstraints(def) {
  return (def?.constraints ?? []).map((n) => as(n, "Constraint")).filter((c) => !!c);
}
function addColumn(def, table, state) {
  const cons = columnConstraints(def);
  const columnName = def?.colname;
  const typeName = typeNameText(def?.typeName);
  const lock = "AccessExclusiveLock";
  const defaultExpr = cons.find((c) => c.contype === "CONSTR_DEFAULT")?.raw_expr;
  const notNull = cons.some((c) => c.contype === "CONSTR_NOTNULL" || c.contype === "CONSTR_PRIMARY");
  const identity = cons.some((c) => c.contype === "CONSTR_IDENTITY");
  const storedGenerated = cons.some((c) => c.contype === "CONSTR_GENERATED" && (c.generated_when === "a" || c.generated_when === void 0) && !isVirtualGenerated(c));
  const serial = serialType(typeBase(def?.typeName)) !== void 0;
  const fields = { table, columnName, typeName, lock };
  if (identity || storedGenerated || serial) return op("ADD_COLUMN_VOLATILE_DEFAULT", fields);
  if (defaultExpr && !isConstantExpr(defaultExpr) && expressionVolatility(defaultExpr, state.facts) === "v") {
    return op("ADD_COLUMN_VOLATILE_DEFAULT", fields);
  }
  if (notNull) return op("ADD_COLUMN_NOT_NULL", fields);
  return op("ADD_COLUMN_NULLABLE", fields);
}
function isVirtualGenerated(c) {
  return c.generated_kind === "v";
}
function addConstraint(c, table, state) {
  if (!c) return op("ALTER_TABLE_OTHER", { table, lock: "AccessExclusiveLock" });
  const notValid = c.skip_validation ? { notValid: true } : {};
  const base = { table, constraintName: c.conname, ...notValid };
  switch (c.contype) {
    case "CONSTR_FOREIGN":
      return op("ADD_FOREIGN_KEY", { ...base, typeName: relationName(c.pktable), lock: "ShareRowExclusiveLock" });
    case "CONSTR_CHECK":
      return op("ADD_CHECK", { ...base, lock: "AccessExclusiveLock" });
    case "CONSTR_UNIQUE":
    case "CONSTR_PRIMARY": {
      const usingIndex = c.indexname ? { usingIndex: true } : {};
      return op(c.contype === "CONSTR_UNIQUE" ? "ADD_UNIQUE" : "ADD_PRIMARY_KEY", {
        ...base,
        ...usingIndex,
        indexName: c.indexname,
        lock: "AccessExclusiveLock"
      });
    }
    case "CONSTR_EXCLUSION":
      return op("ADD_EXCLUSION", { ...base, lock: "AccessExclusiveLock" });
    case "CONSTR_NOTNULL":
      return op("SET_NOT_NULL", { ...base, columnName: stringList(c.keys)[0], lock: "AccessExclusiveLock" });
    default:
      void state;
      return op("ALTER_TABLE_OTHER", { ...base, lock: "AccessExclusiveLock" });
  }
}

// src/analyze/routine-calls.ts
var isObject = (v) => typeof v === "object" && v !== null;
function bareName(list) {
  if (!Array.isArray(list) || list.length === 0) return void 0;
  const last = list[list.length - 1];
  const sval = isObject(last) && isObject(last.String) ? last.String.sval : void 0;
  return typeof sval === "string" ? sval.toLowerCase() : void 0;
}
function definedRoutine(ast) {
  const create = ast.CreateFunctionStmt;
  return isObject(create) ? bareName(create.funcname) : void 0;
}
var CREATE_ROUTINE = /\bcreate\s+(?:or\s+replace\s+)?(?:function|procedure)(?:\s+|(?="))(?:(?:"[^"]+"|[A-Za-z_][\w$]*)\s*\.\s*)?("[^"]+"|[A-Za-z_][\w$]*)/gi;
function routinesCreatedInText(text) {
  const out = [];
  CREATE_ROUTINE.lastIndex = 0;
  if (!CREATE_ROUTINE.test(text)) return out;
  CREATE_ROUTINE.lastIndex = 0;
  for (const m of codeOf(text).matchAll(CREATE_ROUTINE)) out.push(m[1].replace(/^"|"$/g, "").toLowerCase());
  return out;
}
var DOLLAR = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/;
function wordCode(c, digits) {
  if (c >= 97 && c <= 122 || c >= 65 && c <= 90 || c === 95) return true;
  if (digits && (c >= 48 && c <= 57 || c === 36)) return true;
  return c >= 128 && /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
}
function tokens(text) {
  const out = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c === 32 || c >= 9 && c <= 13) {
      i++;
    } else if (c === 45 && next === 45) {
      const end = text.indexOf("\n", i);
      i = end < 0 ? n : end;
    } else if (c === 47 && next === 42) {
      let depth = 0;
      do {
        if (text.charCodeAt(i) === 47 && text.charCodeAt(i + 1) === 42) {
          depth++;
          i += 2;
        } else if (text.charCodeAt(i) === 42 && text.charCodeAt(i + 1) === 47) {
          depth--;
          i += 2;
        } else i++;
      } while (i < n && depth > 0);
    } else if (c === 39 || (c === 101 || c === 69) && next === 39 && !(i > 0 && wordCode(text.charCodeAt(i - 1), true))) {
      const escapes = c !== 39;
      let j = escapes ? i + 2 : i + 1;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (d === 39) {
          if (text.charCodeAt(j + 1) !== 39) break;
          j++;
        } else if (escapes && d === 92) j++;
      }
      const raw = text.slice(escapes ? i + 2 : i + 1, j);
      const value = escapes ? raw.replace(/\\(.)|''/gs, (m, e) => e ?? "'") : raw.replaceAll("''", "'");
      out.push({ kind: "string", text: text.slice(i, j + 1), value });
      i = j + 1;
    } else if (c === 34) {
      const end = text.indexOf('"', i + 1);
      const stop = end < 0 ? n : end + 1;
      out.push({ kind: "ident", text: text.slice(i, stop) });
      i = stop;
    } else if (c === 36 && !(i > 0 && wordCode(text.charCodeAt(i - 1), true)) && DOLLAR.test(text.slice(i, i + 66))) {
      const tag = DOLLAR.exec(text.slice(i, i + 66))[0];
      const end = text.indexOf(tag, i + tag.length);
      const stop = end < 0 ? n : end + tag.length;
      out.push({ kind: "string", text: text.slice(i, stop), value: text.slice(i + tag.length, end < 0 ? n : end) });
      i = stop;
    } else if (wordCode(c, false)) {
      let j = i + 1;
      while (j < n && wordCode(text.charCodeAt(j), true)) j++;
      out.push({ kind: "word", text: text.slice(i, j) });
      i = j;
    } else {
      out.push({ kind: "other", text: text[i] });
      i++;
    }
  }
  return out;
}
function codeOf(text, depth = 0) {
  const list = tokens(text);
  const parts = [];
  let statement = [];
  for (let k = 0; k < list.length; k++) {
    const t = list[k];
    if (t.kind !== "string") {
      parts.push(t.text);
      if (t.text === ";") statement = [];
      else if (t.kind === "word") statement.push(t.text.toLowerCase());
      continue;
    }
    const before2 = list[k - 1]?.kind === "word" ? list[k - 1].text.toLowerCase() : void 0;
    const twoBefore = list[k - 3]?.kind === "word" ? list[k - 3].text.toLowerCase() : void 0;
    const after = list[k + 1];
    const doBody = before2 === "do" || list[k - 2]?.text.toLowerCase() === "language" && twoBefore === "do";
    const routineBody = before2 === "as" && /^create (or replace )?(function|procedure)$/.test(statement.slice(0, statement[1] === "or" ? 4 : 2).join(" "));
    const executed = before2 === "execute" && (after === void 0 || after.text === ";" || after.kind === "word" && ["using", "into"].includes(after.text.toLowerCase()));
    parts.push((doBody || routineBody || executed) && depth < 16 ? ` ${codeOf(t.value ?? "", depth + 1)} ` : "''");
  }
  return parts.join(" ");
}
function routinesRun(ast, known) {
  if (known.size === 0) return [];
  const found = /* @__PURE__ */ new Map();
  const stack = [ast];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    if (!isObject(node)) continue;
    for (const key in node) {
      if (key === "CreateFunctionStmt" || LEAF_NODES.has(key)) continue;
      const value = node[key];
      if (!isObject(value)) continue;
      if (key === "FuncCall" || key === "funccall" || key === "CreateTrigStmt" || key === "CreateEventTrigStmt") {
        const name = bareName(value.funcname);
        const trigger = key === "CreateTrigStmt" || key === "CreateEventTrigStmt";
        if (name !== void 0 && known.has(name)) found.set(name, trigger && (found.get(name) ?? true));
      }
      stack.push(value);
    }
  }
  return [...found].map(([name, trigger]) => ({ name, trigger }));
}

// src/analyze/suppress.ts
var DIRECTIVE = /(?:--|\/\*)[ \t]*migration-guard-ignore(-file)?\b([^\n]*)/g;
function readDirectives(text, statements) {
  const topLevel = statements.filter((s) => !s.nestedIn);
  const out = [];
  let lines;
  for (const m of text.matchAll(DIRECTIVE)) {
    const offset = m.index ?? 0;
    const nextAt = firstStartingAfter(topLevel, offset);
    const before2 = topLevel[nextAt - 1];
    if (before2 && offset >= before2.start && offset < before2.end) continue;
    const rules = (m[2] ?? "").split("*/", 1)[0].split(/[\s,]+/).map((r) => r.trim()).filter((r) => /^[a-z0-9-]+$/.test(r));
    const position = (lines ??= new LineIndex(text)).position(offset);
    const next = topLevel[nextAt];
    out.push({
      scope: m[1] ? "file" : "statement",
      rules,
      position,
      ...m[1] || !next ? {} : { statement: next.index },
      used: false
    });
  }
  return out;
}
function firstStartingAfter(statements, offset) {
  let lo = 0;
  let hi = statements.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (statements[mid].start > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
function suppressedBy(directives2, rule2, statement) {
  const target = statement?.nestedIn ? statement.nestedIn.statement : statement?.index;
  const { fileWide, byStatement } = indexOf(directives2);
  const applies = (i) => directives2[i].rules.length === 0 || directives2[i].rules.includes(rule2);
  const a = fileWide.find(applies);
  const b = (target === void 0 ? void 0 : byStatement.get(target))?.find(applies);
  const first = a === void 0 ? b : b === void 0 ? a : Math.min(a, b);
  const d = first === void 0 ? void 0 : directives2[first];
  if (d) d.used = true;
  return d;
}
var indexes = /* @__PURE__ */ new WeakMap();
function indexOf(directives2) {
  let index = indexes.get(directives2);
  if (!index) {
    const built = { fileWide: [], byStatement: /* @__PURE__ */ new Map() };
    directives2.forEach((d, i) => {
      if (d.scope === "file") built.fileWide.push(i);
      else if (d.statement !== void 0) {
        const list = built.byStatement.get(d.statement);
        if (list) list.push(i);
        else built.byStatement.set(d.statement, [i]);
      }
    });
    indexes.set(directives2, built);
    index = built;
  }
  return index;
}

// src/analyze/analyze.ts
var SMALL_TABLE = { rows: 1e5, bytes: 100 * 1024 * 1024 };
var UNUSED_IGNORE_RULE = "unused-ignore";
function analyzeSource(source, text, state, rules, settings = NO_SETTINGS) {
  const analysis = startAnalysis(state, rules, settings);
  for (const stmt of source.statements) analysis.feed(stmt);
  return analysis.finish(source, text);
}
function startAnalysis(state, rules, settings = NO_SETTINGS) {
  const { enabled, checkers, bodyCheckers, replayCheckers, lookingBack } = rulePlan(rules, settings);
  const operations = [];
  const pending = [];
  const defining = /* @__PURE__ */ new Map();
  const runChecks = (which, stmt, ops) => {
    if (state.learningOnly) return;
    const ctx = { statement: stmt, operations: ops, state };
    for (const rule2 of which(firstKey(stmt.ast) ?? "")) {
      let hits;
      try {
        hits = rule2.check(ctx);
      } catch (e) {
        hits = [ruleFailure(rule2, e)];
      }
      for (const hit of hits) {
        flattened(hit.message);
        if (hit.suggestion !== void 0) flattened(hit.suggestion);
        pending.push({ rule: rule2, hit, statement: stmt.index, ops });
      }
    }
  };
  const feed = (stmt, light) => {
    if (stmt.nestedIn?.kind === "function-body") {
      runChecks(bodyCheckers, stmt, []);
      const routine2 = defining.get(stmt.nestedIn.statement);
      if (routine2 !== void 0) {
        const body = state.routines.get(routine2);
        if (body) body.push(stmt);
        else state.routines.set(routine2, [stmt]);
      }
      return;
    }
    const routine = definedRoutine(stmt.ast);
    if (routine !== void 0) {
      defining.set(stmt.index, routine);
      state.routines.delete(routine);
      state.triggerRun?.delete(routine);
    }
    const ops = classify(stmt, state);
    runChecks(checkers, stmt, ops);
    const keepTree = lookingBack.some((r) => r.readsEarlierTree(stmt, ops));
    track(state, stmt, ops, keepTree ? stmt : light);
    for (const o of ops) operations.push(o);
    if (state.learningOnly || state.routines.size === 0) return;
    const callers = [stmt];
    for (let caller = callers.pop(); caller !== void 0; caller = callers.pop()) {
      for (const { name, trigger: viaTrigger } of routinesRun(caller.ast, state.routines)) {
        const trigger = viaTrigger || caller.nestedIn?.trigger === true;
        if (trigger && state.triggerRun?.has(name)) continue;
        const body = state.routines.get(name) ?? [];
        if (trigger) (state.triggerRun ??= /* @__PURE__ */ new Set()).add(name);
        else state.routines.delete(name), state.triggerRun?.delete(name);
        for (const inner of body) {
          const at = inner.path === caller.path ? inner : { ...inner, path: caller.path, index: caller.index, line: caller.line, column: caller.column, start: caller.start, end: caller.end };
          const running = { ...at, nestedIn: { statement: at === inner ? inner.nestedIn.statement : caller.nestedIn?.statement ?? caller.index, kind: "do-block", ...trigger ? { trigger: true } : {} } };
          const innerOps = classify(running, state);
          runChecks(replayCheckers, running, innerOps);
          track(state, running, innerOps, running);
          if (!trigger) for (const o of innerOps) operations.push(o);
          callers.push(running);
        }
      }
    }
  };
  const finish = (source, text) => {
    const directives2 = readDirectives(text, source.statements);
    const standIns = source.unknownPlaceholders?.length ? placeholderStandIns(source.unknownPlaceholders) : void 0;
    const findings = [];
    const suppressed = [];
    let byIndex;
    const statementAt = (i) => {
      const s = source.statements[i];
      if (s?.index === i) return s;
      byIndex ??= new Map(source.statements.map((t) => [t.index, t]));
      return byIndex.get(i);
    };
    const emit = (rule2, hit, stmt, ops, suppressible = stmt) => {
      const directive = suppressedBy(directives2, rule2.id, suppressible);
      const targets = hit.operations ? hit.operations.map((i) => ops[i]).filter((o) => !!o) : hit.operation !== void 0 ? [ops[hit.operation]].filter((o) => !!o) : void 0;
      const target = targets?.[0];
      let risk = overrideRisk(settings[rule2.id]) ?? hit.risk ?? rule2.risk;
      let message = hit.message;
      if (rule2.sizeSensitive) {
        const table = target?.table ?? ops.find((o) => o.table)?.table;
        const stats = table ? state.tableStats.get(table) : void 0;
        if (table && stats) {
          const small = isSmall(stats);
          message += ` (${table}: ${describeSize(stats)} per table stats \u2014 ${small ? "a small table, so the lock is brief" : "a large table, so the lock lasts as long as the work"})`;
          if (small && risk === "DANGEROUS" && !overrideRisk(settings[rule2.id])) risk = "CAUTION";
        }
      }
      const pos = hit.position ?? (stmt ? { line: stmt.line, column: stmt.column } : { line: 1, column: 1 });
      let suggestion = hit.suggestion;
      if (standIns) {
        message = standIns.restore(message);
        if (suggestion !== void 0) suggestion = standIns.restore(suggestion, rule2.docs.instead);
      }
      const finding = {
        rule: rule2.id,
        risk,
        line: pos.line,
        column: pos.column,
        message,
        ...suggestion ? { suggestion } : {},
        ...suggestion && hit.suggestionRuns && hit.suggestionRuns !== "instead" ? { suggestionRuns: hit.suggestionRuns } : {},
        ...suggestion && (hit.suggestionRuns ?? "instead") === "instead" && hit.alsoReplaces?.length ? { alsoReplaces: hit.alsoReplaces.map((r) => ({ ...r })) } : {},
        ...stmt ? { statement: stmt.index } : {},
        path: source.path
      };
      if (directive) {
        const top = suppressible?.nestedIn ? statementAt(suppressible.nestedIn.statement) : suppressible;
        suppressed.push({
          finding,
          directive: { scope: directive.scope, rules: directive.rules, line: directive.position.line, column: directive.position.column },
          statementText: top?.text ?? null
        });
        return;
      }
      findings.push(finding);
      const touched = targets?.length ? targets : ops;
      for (const o of touched) {
        o.risk = maxRisk(o.risk, risk);
        if (!o.rules.includes(rule2.id)) o.rules = [...o.rules, rule2.id];
      }
    };
    for (const p of pending) emit(p.rule, p.hit, statementAt(p.statement), p.ops);
    pending.length = 0;
    if (!state.learningOnly) {
      const file = { metaCommands: source.metaCommands ?? [], unknownPlaceholders: source.unknownPlaceholders ?? [] };
      for (const rule2 of enabled) {
        if (!rule2.finish) continue;
        for (const hit of safeCheck(rule2, () => rule2.finish(state, file))) {
          const p = hit.position;
          if (!p) {
            emit(rule2, hit, source.statements.at(-1), []);
            continue;
          }
          const at = source.statements.find((s) => !s.nestedIn && (s.line > p.line || s.line === p.line && s.column >= p.column));
          emit(rule2, hit, void 0, [], at);
        }
      }
      for (const d of directives2) {
        if (d.used || !isEnabled(settings[UNUSED_IGNORE_RULE])) continue;
        const what = d.rules.length ? d.rules.join(", ") : "every rule";
        findings.push({
          rule: UNUSED_IGNORE_RULE,
          risk: "SAFE",
          line: d.position.line,
          column: d.position.column,
          message: `this migration-guard-ignore${d.scope === "file" ? "-file" : ""} (${what}) suppresses nothing${d.scope === "statement" && d.statement === void 0 ? ": no statement follows it" : ""}`,
          suggestion: "remove the comment, or fix the rule name it lists",
          path: source.path,
          ...d.statement !== void 0 && statementAt(d.statement) !== void 0 ? { statement: d.statement } : {}
        });
      }
    }
    findings.sort((a, b) => a.line - b.line || a.column - b.column);
    return { operations, findings, suppressed };
  };
  return { feed, finish };
}
var NO_SETTINGS = Object.freeze({});
var plans = /* @__PURE__ */ new WeakMap();
function rulePlan(rules, settings) {
  let bySettings = plans.get(rules);
  if (!bySettings) plans.set(rules, bySettings = /* @__PURE__ */ new WeakMap());
  let plan = bySettings.get(settings);
  if (!plan) {
    const enabled = rules.filter((r) => isEnabled(settings[r.id], r));
    plan = {
      enabled,
      // Rules without a check (finish-only) are skipped once here, not once per statement.
      checkers: byStatementTag(enabled.filter((r) => r.check)),
      bodyCheckers: byStatementTag(enabled.filter((r) => r.check && r.functionBodies)),
      // A routine's statements, once something runs it: the rules that read bodies already did.
      replayCheckers: byStatementTag(enabled.filter((r) => r.check && !r.functionBodies)),
      lookingBack: enabled.filter((r) => r.readsEarlierTree)
    };
    bySettings.set(settings, plan);
  }
  return plan;
}
function byStatementTag(rules) {
  const byTag = /* @__PURE__ */ new Map();
  return (tag) => {
    let which = byTag.get(tag);
    if (!which) {
      which = rules.filter((r) => !r.statements || r.statements.includes(tag));
      byTag.set(tag, which);
    }
    return which;
  };
}
function safeCheck(rule2, run) {
  try {
    return run();
  } catch (e) {
    return [ruleFailure(rule2, e)];
  }
}
function ruleFailure(rule2, e) {
  return { message: `internal error in rule ${rule2.id}: ${e.message}`, risk: "CAUTION" };
}
function isEnabled(s, rule2) {
  if (s === void 0) return rule2?.enabledByDefault !== false;
  return s !== "off" && s !== false;
}
function overrideRisk(s) {
  return s === "SAFE" || s === "CAUTION" || s === "DANGEROUS" ? s : void 0;
}
function isSmall(stats) {
  return (stats.rows === void 0 || stats.rows <= SMALL_TABLE.rows) && (stats.bytes === void 0 || stats.bytes <= SMALL_TABLE.bytes) && (stats.rows !== void 0 || stats.bytes !== void 0);
}
function describeSize(stats) {
  const parts = [];
  if (stats.rows !== void 0) parts.push(`${stats.rows.toLocaleString("en-US")} rows`);
  if (stats.bytes !== void 0) parts.push(formatBytes(stats.bytes));
  return parts.join(", ");
}
function formatBytes(n) {
  const units = ["B", "kB", "MB", "GB", "TB"];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${n >= 10 || i === 0 ? Math.round(n) : n.toFixed(1)} ${units[i]}`;
}

// src/analyze/table-rebuild.ts
var before = (a, b) => a.line < b.line || a.line === b.line && a.column < b.column;
function findTableRebuilds(ops) {
  const out = [];
  for (const rename2 of ops) {
    if (rename2.kind !== "RENAME_TABLE" || !rename2.table || !rename2.typeName) continue;
    const schema = rename2.table.slice(0, rename2.table.indexOf("."));
    const renamedTo = `${schema}.${rename2.typeName.toLowerCase()}`;
    const create = ops.find((o) => o.kind === "CREATE_TABLE" && o.table === rename2.table && before(rename2, o));
    if (!create) continue;
    const drop2 = ops.find((o) => o.kind === "DROP_TABLE" && o.table === renamedTo && before(create, o));
    out.push({ table: rename2.table, renamedTo, rename: rename2, create, ...drop2 ? { drop: drop2 } : {} });
  }
  return out;
}
function foldTableRebuilds(findings, ops, path, wrapped) {
  const rebuilds = findTableRebuilds(ops);
  if (rebuilds.length === 0) return [...findings];
  const replaced = (f) => rebuilds.some(
    (r) => f.rule === "renaming-table" && f.statement === r.rename.statement || (f.rule === "ban-drop-table" || f.rule === "rollback-data-loss") && r.drop !== void 0 && f.statement === r.drop.statement
  );
  const kept = findings.filter((f) => !replaced(f));
  for (const r of rebuilds) {
    const fate = r.drop ? `recreated and dropped after the copy` : `recreated (the old rows stay in ${r.renamedTo})`;
    kept.push({
      rule: rule.id,
      risk: rule.risk,
      line: r.rename.line,
      column: r.rename.column,
      statement: r.rename.statement,
      path,
      message: wrapped ? `${r.table} is rebuilt: renamed to ${r.renamedTo}, ${fate}; the application's table name never disappears, but the rename holds ACCESS EXCLUSIVE on it until commit, so reads and writes wait for the whole copy` : `${r.table} is rebuilt: renamed to ${r.renamedTo}, ${fate}; the application's table name never disappears, but between the CREATE and the end of the copy it sees the new table empty or half filled, and rows written to ${r.renamedTo} meanwhile are lost`,
      suggestion: `change ${r.table} in place where Postgres can; otherwise build it under a new name, copy in batches while a trigger keeps it in sync, swap the two names in one short transaction, and drop the old table in a later release (no view under the old name: the new table has it)`
    });
  }
  return kept;
}

// src/discover/findings.ts
function rollbackMissingRisk(configured, migrationRisk) {
  return migrationRisk === "DANGEROUS" ? "DANGEROUS" : configured;
}
function escalateRollbackMissing(findings, migrationRisk) {
  return findings.map((f) => f.rule === "rollback-missing" ? { ...f, risk: rollbackMissingRisk(f.risk, migrationRisk) } : f);
}
function rollbackMissing(m, risk, detail) {
  const where = detail ? `${detail.label} in ${m.up.path} has no rollback` : `${m.up.path} has no rollback`;
  return {
    rule: "rollback-missing",
    risk,
    path: m.up.path,
    line: detail?.line ?? 1,
    column: detail?.column ?? 1,
    message: `${where}; ${expectedRollback(m)}`,
    suggestion: "Write the rollback now, while the change is fresh, so a bad deploy can be undone without improvising SQL under pressure."
  };
}
function expectedRollback(m) {
  const p = m.up.path;
  switch (m.layout) {
    case "golang-migrate":
    case "pop":
    case "sqlx":
      return `expected ${p.replace(/(\.autocommit)?\.up\.sql$/, "$1.down.sql")}`;
    case "directory-pairs":
      return `expected ${p.replace(/up\.sql$/, "down.sql")}`;
    case "flyway":
      return `expected an undo migration ${p.replace(/(^|\/)V([^/]*)$/, "$1U$2")}`;
    case "dbmate":
      return "expected a '-- migrate:down' section";
    case "goose":
      return "expected a '-- +goose Down' section";
    case "liquibase-sql":
      return "expected '--rollback' lines in each changeset";
    case "sqitch":
      return `expected ${p.replace(/(^|\/)deploy\//, "$1revert/")}`;
    case "versioned-rollbacks":
      return "expected a rollback script beside it (rollbacks/ or *_rollback.sql)";
    default:
      return "this folder is configured to require rollbacks";
  }
}
function rollbackOrphan(path, risk = "CAUTION") {
  return {
    rule: "rollback-orphan",
    risk,
    path,
    line: 1,
    column: 1,
    message: `${path} is a rollback without its migration: no up migration with the same version and name exists`,
    suggestion: "Rename it to match its migration, or delete it if the migration was removed."
  };
}
function duplicateVersion(m, others) {
  return {
    rule: "duplicate-version",
    risk: "DANGEROUS",
    path: m.up.path,
    line: 1,
    column: 1,
    message: `${m.up.path} has version ${m.version}, the same as ${others.map((o) => o.up.path).join(", ")}; ${m.layout} refuses to run (or silently skips) one of them`,
    suggestion: "Give the newer migration a fresh version (a new timestamp or the next number)."
  };
}
var CHECKSUM_REFUSAL = {
  flyway: 'Flyway refuses to migrate until the checksum is repaired ("migration checksum mismatch")',
  "liquibase-sql": 'Liquibase refuses to update ("checksum changed") unless the changeset says runOnChange or validCheckSum',
  prisma: "Prisma Migrate reports that the migration was modified after it was applied",
  sqlx: 'sqlx migrate run refuses to run ("migration was previously applied but has been modified")'
};
var VERSION_KEYED = /* @__PURE__ */ new Set(["golang-migrate", "goose", "dbmate", "pop"]);
function renameRunsNothing(m, from) {
  const folder = (p) => p === void 0 ? void 0 : p.slice(0, Math.max(0, p.lastIndexOf("/")));
  return from.sameStatements && from.layout === m.layout && from.version === m.version && VERSION_KEYED.has(m.layout) && m.previousPath !== void 0 && folder(m.previousPath) === folder(m.up.path);
}
function migrationEdited(m, how, renamedFrom) {
  const verb = how === "modified" ? "was modified" : how === "renamed" ? `was renamed from ${m.previousPath ?? "another name"}` : "was deleted";
  const checksum = CHECKSUM_REFUSAL[m.layout] ? `, and ${CHECKSUM_REFUSAL[m.layout]}` : "";
  if (how === "renamed" && renamedFrom?.sameStatements) {
    if (renameRunsNothing(m, renamedFrom)) {
      return {
        rule: "migration-edited",
        risk: "SAFE",
        path: m.up.path,
        line: 1,
        column: 1,
        message: `${m.up.path} already exists on the base branch and ${verb} with the same statements and version (${m.version}): ${m.layout} records applied migrations by version alone, so no database runs it again`,
        suggestion: "Nothing to do for this runner; keep the new name only if every tool that reads the folder keys migrations by version."
      };
    }
    const runner = renamedFrom.layout !== m.layout ? `it moved from ${renamedFrom.layout} to ${m.layout}, whose record of applied migrations has no entry for it, so databases that applied it run it again` : renamedFrom.version !== m.version ? `its runner records applied migrations by version, and databases that applied it as ${renamedFrom.version} take ${m.version} for a new migration and run it again` : `its statements are as they were and its version (${m.version}) too, but a runner that records applied migrations by name (Prisma's folder, Flyway's description, a Liquibase file path) takes it for a new migration or refuses to migrate`;
    return {
      rule: "migration-edited",
      risk: "DANGEROUS",
      path: m.up.path,
      line: 1,
      column: 1,
      message: `${m.up.path} already exists on the base branch and ${verb} with the same statements: ${runner}`,
      suggestion: "Keep the old name; if the move is deliberate (a new folder or migration tool), mark the migration as applied under its new name on every database that ran it before this deploys."
    };
  }
  return {
    rule: "migration-edited",
    risk: "DANGEROUS",
    path: m.up.path,
    line: 1,
    column: 1,
    message: `${m.up.path} already exists on the base branch and ${verb}: it has probably run in production, so databases that applied it never see this change${checksum}`,
    suggestion: "Restore the original migration and make the change in a new migration."
  };
}
var OUT_OF_ORDER = {
  // `applies`: `does` goes on with APPLIED_LATE.
  "golang-migrate": { does: "golang-migrate records only the highest version applied, so databases already past that point skip it" },
  drizzle: { does: "drizzle applies only migrations newer than the last one applied, so databases already past that point skip it" },
  goose: { does: 'goose refuses to migrate databases already past that point ("missing migrations") unless run with allow-missing' },
  flyway: { does: 'Flyway refuses to migrate databases already past that point ("detected resolved migration not applied") unless outOfOrder is set' },
  supabase: { does: "supabase db push refuses databases already past that point unless run with --include-all" },
  "directory-pairs": { does: "diesel (and sourcegraph's migrator, which follows each migration's parents) applies every migration it has not recorded", applies: true },
  sqlx: { does: "sqlx applies every migration it has not recorded", applies: true },
  dbmate: { does: "dbmate applies every migration it has not recorded (unless run with --strict)", applies: true },
  prisma: { does: "prisma migrate deploy applies every migration it has not recorded", applies: true },
  pop: { does: "pop applies every migration it has not recorded", applies: true },
  "liquibase-sql": { does: "Liquibase runs every changeset it has not recorded", applies: true }
};
var APPLIED_LATE = "so databases already past that point run it after that one, a new database before it";
function migrationOutOfOrder(m, laterExisting) {
  const runner = OUT_OF_ORDER[m.layout];
  const does = runner ? runner.applies ? `${runner.does}, ${APPLIED_LATE}` : runner.does : void 0;
  return {
    rule: "migration-out-of-order",
    // A runner that applies it all the same runs it on every database: only the order differs.
    risk: runner?.applies ? "SAFE" : "CAUTION",
    path: m.up.path,
    line: 1,
    column: 1,
    message: `${m.up.path} is new but sorts before ${laterExisting.up.path}, which already exists on the base branch; ${does ?? "databases already past that point may skip it or refuse to migrate"}`,
    suggestion: runner?.applies ? "Nothing to do when neither depends on what the other changes; else rename it so its version sorts after every existing migration (regenerate the timestamp after rebasing)." : "Rename it so its version sorts after every existing migration (regenerate the timestamp after rebasing)."
  };
}

// src/estimate/apply.ts
function applyEstimates(out, opts) {
  for (const op2 of out.operations) {
    if (!op2.table || op2.targetIsNew) continue;
    const name = touchedTable(op2);
    const stats = opts.tableStats.get(name) ?? opts.tableStats.get(name.toLowerCase());
    if (!stats) continue;
    const e = estimateOperation(op2, stats, opts.calibration, name);
    if (e) op2.estimate = e;
  }
  for (const f of out.findings) {
    if (!opts.sizeSensitiveRules.has(f.rule) || f.statement === void 0) continue;
    const op2 = out.operations.find((o) => o.statement === f.statement && o.estimate && o.rules.includes(f.rule)) ?? out.operations.find((o) => o.statement === f.statement && o.estimate);
    const e = op2?.estimate;
    if (!op2 || !e) continue;
    const figure = `${formatRange(e.durationMs, e.low, e.high)} ${lockModeSql(e.lock)} on ${op2.table}`;
    if (e.lockMs === 0) {
      f.message += ` \u2014 estimated ${figure}, which blocks ${e.blocks === "none" ? "neither reads nor writes" : e.blocks}; based on ${e.basis}`;
      continue;
    }
    const over = e.lockMs > opts.maxBlockingMs;
    f.message += over ? ` \u2014 estimated ${figure}, blocking ${e.blocks}, over the ${opts.maxBlockingMs} ms budget (maxBlockingMs); based on ${e.basis}` : ` \u2014 estimated ${figure}, blocking ${e.blocks}, within the ${opts.maxBlockingMs} ms budget (maxBlockingMs); based on ${e.basis}`;
    if (opts.pinnedRules.has(f.rule) || f.risk === "SAFE") continue;
    f.risk = over ? "DANGEROUS" : "CAUTION";
  }
  for (const op2 of out.operations) {
    const own = out.findings.filter((f) => f.statement === op2.statement && op2.rules.includes(f.rule)).map((f) => f.risk);
    if (own.length && op2.estimate) op2.risk = own.reduce((a, b) => riskRank(b) > riskRank(a) ? b : a, "SAFE");
  }
}
function touchedTable(op2) {
  return op2.kind === "ATTACH_PARTITION" && op2.typeName ? op2.typeName : op2.table;
}

// src/estimate/constants.ts
var LOCAL_POSTGRES = {
  rates: { scan: 57e-5, notnull: 3e-4, index: 285e-5, rewrite: 189e-5, update: 0.019 },
  heapBytesPerRow: 93.1,
  source: "documented rates measured on PostgreSQL 15 (2 cores)",
  sizes: [2e5, 1e6]
};

// src/estimate/impact.ts
var DESTROYING = /* @__PURE__ */ new Set(["DROP_TABLE", "DROP_COLUMN", "TRUNCATE", "DELETE_ROWS", "DROP_SCHEMA", "DROP_DATABASE"]);
function summarizeImpact(report, transaction, tableStats) {
  const ops = report.operations;
  const blocking = blockingTime(ops, transaction);
  const destroyed = ops.filter((o) => DESTROYING.has(o.kind) && !o.targetIsNew);
  const dataLoss = destroyed.length > 0 || report.irreversible === true;
  const bytes = bytesTouched(ops, tableStats);
  const impact = {
    risk: report.risk,
    ...blocking,
    dataLoss: dataLoss ? "irreversible" : "none",
    ...destroyed.length ? { dataLossDetail: destroyed.map(describeLoss).join("; ") } : {},
    ...bytes,
    rollback: destroyed.length ? "needs-data-restore" : report.irreversible ? "impossible" : "schema-only",
    prerequisites: prerequisites(report)
  };
  return impact;
}
function blockingTime(ops, transaction) {
  const estimated = ops.filter((o) => o.estimate);
  if (estimated.length === 0) return {};
  let ms = 0;
  let low = 0;
  let high = 0;
  let worst;
  let holding = false;
  for (const o of ops) {
    const e = o.estimate;
    const blocks = e !== void 0 && e.lockMs > 0;
    if (blocks) holding = holding || transaction === "wrapped";
    if (!e || !(blocks || holding)) continue;
    ms += e.durationMs;
    low += e.low ?? e.durationMs;
    high += e.high ?? e.durationMs;
    if (blocks && (!worst || e.lockMs > worst.ms)) worst = { table: o.table, lock: e.lock, ms: e.lockMs };
  }
  return {
    blockingMs: ms,
    blockingLow: low,
    blockingHigh: high,
    ...worst ? { blockingOn: { table: worst.table, lock: worst.lock } } : {}
  };
}
function bytesTouched(ops, tableStats) {
  let rewritten = 0;
  let scanned = 0;
  let wal = 0;
  let known = false;
  for (const o of ops) {
    if (!o.table || o.targetIsNew || !o.estimate) continue;
    const s = tableStats.get(o.table);
    const work = workOf(o);
    if (!s || !work || s.bytes === void 0) continue;
    known = true;
    const heap = s.bytes + (s.toastBytes ?? 0);
    if (work.kind === "rewrite") {
      rewritten += heap + (s.indexBytes ?? 0);
      wal += heap + (s.indexBytes ?? 0);
    } else if (work.kind === "scan") {
      scanned += heap;
    } else if (work.kind === "index") {
      scanned += heap;
      wal += Math.round(s.bytes / 5);
    } else if (work.kind === "update") {
      rewritten += s.bytes;
      wal += s.bytes + (s.indexBytes ?? 0);
    }
  }
  return known ? { bytesRewritten: rewritten, bytesScanned: scanned, walBytes: wal } : {};
}
function describeLoss(o) {
  const what = o.kind.toLowerCase().replace(/_/g, " ");
  return `${what}${o.columnName ? ` ${o.columnName}` : ""}${o.table ? ` on ${o.table}` : ""} (line ${o.line})`;
}
function prerequisites(report) {
  const out = /* @__PURE__ */ new Set();
  for (const o of report.operations) {
    if (o.targetIsNew) continue;
    if (o.kind === "DROP_COLUMN" || o.kind === "DROP_TABLE" || o.kind === "RENAME_COLUMN" || o.kind === "RENAME_TABLE") {
      out.add("deploy code that no longer uses the old name first");
    }
    if (o.kind === "SET_NOT_NULL" || o.kind === "ADD_COLUMN_NOT_NULL") out.add("backfill the column first (no NULLs left)");
    if ((o.kind === "ADD_CHECK" || o.kind === "ADD_FOREIGN_KEY" || o.kind === "VALIDATE_CONSTRAINT") && !o.notValid) out.add("fix rows that break the constraint first");
    if (o.kind === "ALTER_COLUMN_TYPE") out.add("deploy code that works with both column types first");
  }
  return [...out];
}

// src/estimate/index.ts
function estimateAnalyzed(out, config, rules, calibration = LOCAL_POSTGRES) {
  if (config.tableStats.size === 0) return;
  const pinned = new Set(Object.entries(config.rules).filter(([, v]) => v === "SAFE" || v === "CAUTION" || v === "DANGEROUS").map(([k]) => k));
  applyEstimates(out, {
    tableStats: config.tableStats,
    calibration,
    maxBlockingMs: config.maxBlockingMs,
    sizeSensitiveRules: new Set(rules.filter((r) => r.sizeSensitive).map((r) => r.id)),
    pinnedRules: pinned
  });
}
function impactOf(report, transaction, config) {
  return summarizeImpact(report, transaction, config.tableStats);
}
async function calibrationFor(config, dryRun) {
  if (!dryRun || config.tableStats.size === 0 || config.dryRun.engine !== "url" || !config.dryRun.databaseUrl) return LOCAL_POSTGRES;
  const { calibrateOnServer } = await import("./calibrate-server-F6UZ35JF.js");
  const r = await calibrateOnServer(config.dryRun.databaseUrl);
  return r.ok ? r.calibration : LOCAL_POSTGRES;
}

// src/rollback/needs-rollback.ts
var NO_UNDO = /* @__PURE__ */ new Set([
  "VALIDATE_CONSTRAINT",
  "ANALYZE",
  "VACUUM",
  "SET_SETTING",
  "TRANSACTION_CONTROL",
  "ALTER_TYPE_ADD_VALUE",
  "DELETE_ROWS",
  "TRUNCATE"
]);
var UNDO_FREE = 1;
var NEEDS_UNDO = 2;
function needsNoRollback(up, upOps) {
  if (up.errors.length > 0) return false;
  let size = 0;
  for (const s of up.statements) size = Math.max(size, s.index + 1);
  const undo = new Uint8Array(size);
  for (const o of upOps) {
    if (o.statement >= 0 && o.statement < size && undo[o.statement] !== NEEDS_UNDO) undo[o.statement] = NO_UNDO.has(o.kind) ? UNDO_FREE : NEEDS_UNDO;
  }
  return up.statements.every((s) => !!s.nestedIn || undo[s.index] === UNDO_FREE);
}

// src/rollback/review.ts
function createdObjects(ops) {
  const out = [];
  for (const o of ops) {
    if (!o.table) continue;
    if (o.kind === "CREATE_TABLE" || o.kind === "CREATE_MATERIALIZED_VIEW") out.push(o.table);
    else if (o.kind.startsWith("ADD_COLUMN") && o.columnName) out.push(`${o.table}.${o.columnName}`);
  }
  return out;
}
function classifyAlone(statements, version) {
  const state = newRunState(version);
  return statements.map((s) => ({ s, ops: classify(s, state) }));
}
function reviewRollback(m, up, down, upOps, version) {
  const findings = [];
  const destroying = upOps.filter((o) => ["DROP_TABLE", "DROP_COLUMN", "TRUNCATE", "DELETE_ROWS", "DROP_SCHEMA"].includes(o.kind) && !o.targetIsNew);
  const irreversible = destroying.length > 0;
  for (const o of destroying) {
    findings.push({
      rule: "rollback-data-loss",
      risk: "CAUTION",
      line: o.line,
      column: o.column,
      path: m.up.path,
      statement: o.statement,
      message: `${describeDestroy(o)}: a rollback can recreate the structure, not the data; this migration is irreversible`,
      suggestion: "take a backup (or copy the data to an archive table) before running it, and say in the rollback that the data is gone"
    });
  }
  if (m.rollbackStatus !== "present" || !down) return { findings, irreversible };
  const downStatements = down.statements.filter((s) => !s.nestedIn);
  if (downStatements.length === 0 && down.errors.length === 0) {
    if (needsNoRollback(up, upOps)) return { findings, irreversible };
    findings.push({
      rule: "rollback-empty",
      risk: "CAUTION",
      line: 1,
      column: 1,
      path: down.path,
      message: `the rollback ${down.path} has no statements, so rolling back does nothing`,
      suggestion: "write the statements that undo the migration, or say in the layout configuration that this folder has no rollbacks"
    });
    return { findings, irreversible };
  }
  const opsByStatement = classifyAlone(downStatements, version);
  const downOps = opsByStatement.flatMap((x) => x.ops);
  const undone = new Set(downOps.flatMap(undoKeys).concat(downStatements.flatMap(undoKeysFromAst)));
  const destroys = destroyedByRollback(down.path, opsByStatement, up.statements, upOps);
  findings.push(...destroys.map((d) => d.finding));
  for (const c of createdBy(up.statements, upOps)) {
    if (c.undoneBy.some((k) => undone.has(k))) continue;
    findings.push({
      rule: "rollback-mismatch",
      risk: "CAUTION",
      line: c.line,
      column: c.column,
      path: m.up.path,
      statement: c.statement,
      message: `${c.what} is not undone by the rollback ${down.path}`,
      suggestion: `add to ${down.path} the statement that removes ${c.what}`
    });
  }
  return { findings, irreversible, ...destroys.length ? { destroys } : {} };
}
function destroyedByRollback(path, downOps, upStatements, upOps) {
  const tables = /* @__PURE__ */ new Set();
  for (const o of upOps) {
    if ((o.kind === "CREATE_TABLE" || o.kind === "CREATE_MATERIALIZED_VIEW") && o.table) tables.add(o.table);
    if (o.kind === "RENAME_TABLE" && o.table && o.typeName) tables.add(`${o.table.split(".")[0]}.${o.typeName.toLowerCase()}`);
  }
  for (const st of upStatements) {
    const into = relationName(as(st.ast, "SelectStmt")?.intoClause?.rel);
    if (into) tables.add(into);
  }
  const columns = new Set(upOps.filter((o) => o.kind.startsWith("ADD_COLUMN") && o.table && o.columnName).map((o) => `${o.table}.${o.columnName}`));
  const schemas = new Set(upStatements.map((st) => as(st.ast, "CreateSchemaStmt")?.schemaname).filter((n) => !!n));
  const renamedFrom = /* @__PURE__ */ new Map();
  const original = (table) => renamedFrom.get(table) ?? table;
  const columnFrom = /* @__PURE__ */ new Map();
  const originalColumn = (table, column) => columnFrom.get(`${original(table)}.${column}`) ?? column;
  const made = (table) => !table || tables.has(original(table)) || schemas.has(original(table).split(".")[0]);
  const restored = (table, from) => downOps.slice(from + 1).some(({ s }) => {
    const insert = as(s.ast, "InsertStmt");
    if (!insert || relationName(insert.relation) !== table) return false;
    const sources = as(insert.selectStmt, "SelectStmt")?.fromClause ?? [];
    return sources.some((n) => {
      const source = relationName(as(n, "RangeVar"));
      return source !== void 0 && tables.has(original(source));
    });
  });
  const out = [];
  for (const [i, { s, ops }] of downOps.entries()) {
    for (const o of ops) {
      if (o.kind === "RENAME_TABLE" && o.table && o.typeName) renamedFrom.set(`${o.table.split(".")[0]}.${o.typeName.toLowerCase()}`, original(o.table));
      if (o.kind === "RENAME_COLUMN" && o.table && o.columnName && o.typeName) columnFrom.set(`${original(o.table)}.${o.typeName}`, originalColumn(o.table, o.columnName));
      if (o.targetIsNew) continue;
      let what;
      if (o.kind === "DROP_TABLE" && !made(o.table)) what = `drops table ${o.table}`;
      else if (o.kind === "TRUNCATE" && !made(o.table) && !restored(o.table, i)) what = `empties table ${o.table}`;
      else if (o.kind === "DROP_COLUMN" && !made(o.table) && !columns.has(`${original(o.table)}.${originalColumn(o.table, o.columnName)}`)) what = `drops column ${o.columnName} of ${o.table}`;
      else if (o.kind === "DROP_SCHEMA" && o.typeName && !schemas.has(o.typeName.split(".").pop())) what = `drops schema ${o.typeName.split(".").pop()} and everything in it`;
      else if (o.kind === "DELETE_ROWS" && !made(o.table) && !restored(o.table, i)) {
        const where = as(s.ast, "DeleteStmt")?.whereClause;
        if (!where || isAlwaysTrue(where)) what = `deletes every row of ${o.table}`;
      }
      if (!what) continue;
      const object = o.kind === "DROP_SCHEMA" ? `${o.typeName.split(".").pop()}` : o.kind === "DROP_COLUMN" ? `${original(o.table)}.${originalColumn(o.table, o.columnName)}` : original(o.table);
      out.push({ object, finding: {
        rule: "rollback-destroys-data",
        risk: "DANGEROUS",
        line: s.line,
        column: s.column,
        path,
        statement: s.index,
        message: `the rollback ${what}, which its migration did not create: rolling back destroys data that was there before the migration ran`,
        suggestion: "make the rollback undo only what its migration did: drop what it created, rename back what it renamed"
      } });
    }
  }
  return out;
}
function describeDestroy(o) {
  switch (o.kind) {
    case "DROP_TABLE":
      return `drops table ${o.table}`;
    case "DROP_COLUMN":
      return `drops column ${o.columnName} of ${o.table}`;
    case "TRUNCATE":
      return `empties table ${o.table}`;
    case "DELETE_ROWS":
      return `deletes rows of ${o.table}`;
    default:
      return "drops a schema and everything in it";
  }
}
function createdBy(statements, ops) {
  const out = [];
  const at = (o) => ({ line: o.line, column: o.column, statement: o.statement });
  const newTables = new Set(ops.filter((o) => o.kind === "CREATE_TABLE" && o.table).map((o) => o.table));
  const byIndex = new Map(statements.map((s) => [s.index, s]));
  for (const o of ops) {
    const dropTable = o.table ? [`table:${o.table}`] : [];
    switch (o.kind) {
      case "CREATE_TABLE":
      case "CREATE_MATERIALIZED_VIEW":
        if (o.table) out.push({ what: `table ${o.table}`, undoneBy: [`table:${o.table}`, `schema:${o.table.split(".")[0]}`], ...at(o) });
        break;
      case "ADD_COLUMN_NULLABLE":
      case "ADD_COLUMN_NOT_NULL":
      case "ADD_COLUMN_VOLATILE_DEFAULT":
        if (o.table && o.columnName && !newTables.has(o.table)) out.push({ what: `column ${o.table}.${o.columnName}`, undoneBy: [`column:${o.table}.${o.columnName}`, ...dropTable], ...at(o) });
        break;
      // Postgres drops the indexes and constraints that involve a column with the column.
      case "CREATE_INDEX":
      case "CREATE_INDEX_CONCURRENTLY":
        if (o.indexName && o.table && !newTables.has(o.table)) out.push({ what: `index ${o.indexName}`, undoneBy: [`index:${o.indexName}`, `index:public.${o.indexName.split(".").pop()}`, ...dropTable, ...droppedWith(o.table, indexColumns(byIndex.get(o.statement)))], ...at(o) });
        break;
      case "ADD_FOREIGN_KEY":
      case "ADD_CHECK":
      case "ADD_UNIQUE":
      case "ADD_PRIMARY_KEY":
      case "ADD_EXCLUSION":
        if (o.constraintName && o.table && !newTables.has(o.table)) out.push({ what: `constraint ${o.constraintName} on ${o.table}`, undoneBy: [`constraint:${o.table}.${o.constraintName}`, ...dropTable, ...droppedWith(o.table, constraintColumns(byIndex.get(o.statement), o.constraintName))], ...at(o) });
        break;
      case "CREATE_VIEW":
        if (o.table) out.push({ what: `view ${o.table}`, undoneBy: [`table:${o.table}`], ...at(o) });
        break;
      // Renamed back, or the new name dropped (a rollback that rebuilds the old table and drops
      // the new one). When the up dropped what had the new name first (lemmy's
      // no-individual-inboxes: DROP COLUMN inbox_url, RENAME shared_inbox_url TO inbox_url), the
      // rollback that adds the old name back restores the shape: both names, as before.
      case "RENAME_TABLE":
        if (o.table && o.typeName) {
          const renamed = `${o.table.split(".")[0]}.${o.typeName}`;
          const replaced = droppedBefore(ops, o, (d) => d.kind === "DROP_TABLE" && d.table === renamed);
          out.push({ what: `the rename of ${o.table} to ${o.typeName}`, undoneBy: [`rename:${renamed}->${o.table.split(".").pop()}`, `table:${renamed}`, ...replaced ? [`create-table:${o.table}`] : []], ...at(o) });
        }
        break;
      case "RENAME_COLUMN":
        if (o.table && o.columnName && o.typeName) {
          const replaced = droppedBefore(ops, o, (d) => d.kind === "DROP_COLUMN" && d.table === o.table && d.columnName === o.typeName);
          out.push({ what: `the rename of column ${o.table}.${o.columnName} to ${o.typeName}`, undoneBy: [`rename-column:${o.table}.${o.typeName}->${o.columnName}`, `column:${o.table}.${o.typeName}`, ...dropTable, ...replaced ? [`add-column:${o.table}.${o.columnName}`] : []], ...at(o) });
        }
        break;
      default:
        break;
    }
  }
  for (const s of statements) {
    if (s.nestedIn) continue;
    const e = as(s.ast, "CreateEnumStmt");
    const typeName = e ? qualifiedFromList(e.typeName) : qualifiedFromList(as(s.ast, "CompositeTypeStmt")?.typeName);
    if (typeName) out.push({ what: `type ${typeName}`, undoneBy: [`type:${typeName}`, `schema:${typeName.split(".")[0]}`], line: s.line, column: s.column, statement: s.index });
  }
  return out;
}
function droppedBefore(ops, o, match) {
  const at = ops.indexOf(o);
  return ops.some((d, i) => i < at && d.statement <= o.statement && match(d));
}
function droppedWith(table, columns) {
  return columns.map((c) => `column:${table}.${c}`);
}
function indexColumns(s) {
  const ix = s ? as(s.ast, "IndexStmt") : void 0;
  if (!ix) return [];
  return columnRefs(ix.whereClause, elemColumns(ix.indexParams));
}
function elemColumns(elems, out = []) {
  if (Array.isArray(elems)) elems.forEach((e) => elemColumns(e, out));
  else if (elems && typeof elems === "object") {
    const e = as(elems, "IndexElem");
    if (!e) Object.values(elems).forEach((v) => elemColumns(v, out));
    else {
      if (e.name && !out.includes(e.name)) out.push(e.name);
      if (e.expr) columnRefs(e.expr, out);
    }
  }
  return out;
}
function constraintColumns(s, name) {
  const out = [];
  for (const cmd of (s ? as(s.ast, "AlterTableStmt")?.cmds : void 0) ?? []) {
    const c = as(cmd, "AlterTableCmd");
    const def = as(c?.def, "ColumnDef");
    const constraints = def ? (def.constraints ?? []).map((n) => as(n, "Constraint")) : [as(c?.def, "Constraint")];
    for (const k of constraints) {
      if (!k || k.conname !== void 0 && k.conname !== name) continue;
      if (def?.colname && !out.includes(def.colname)) out.push(def.colname);
      for (const list of [k.keys, k.fk_attrs, k.including]) for (const n of stringList(list)) if (!out.includes(n)) out.push(n);
      columnRefs(k.raw_expr, out);
      elemColumns(k.exclusions, out);
    }
  }
  return out;
}
function undoKeys(o) {
  switch (o.kind) {
    case "DROP_TABLE":
    case "DROP_VIEW":
      return o.table ? [`table:${o.table}`] : [];
    case "DROP_COLUMN":
      return o.table && o.columnName ? [`column:${o.table}.${o.columnName}`] : [];
    case "DROP_INDEX":
    case "DROP_INDEX_CONCURRENTLY":
      return o.indexName ? [`index:${o.indexName}`] : [];
    case "DROP_CONSTRAINT":
      return o.table && o.constraintName ? [`constraint:${o.table}.${o.constraintName}`] : [];
    case "DROP_TYPE":
      return o.typeName ? [`type:${o.typeName}`] : [];
    case "DROP_SCHEMA":
      return o.typeName ? [`schema:${o.typeName.split(".").pop()}`] : [];
    // A rename takes the old name away as a drop does: what the up created under it is gone
    // (renamed aside and dropped, or renamed back to the name the up had replaced).
    case "RENAME_TABLE":
      return o.table && o.typeName ? [`rename:${o.table}->${o.typeName}`, `table:${o.table}`] : [];
    case "RENAME_COLUMN":
      return o.table && o.columnName && o.typeName ? [`rename-column:${o.table}.${o.columnName}->${o.typeName}`, `column:${o.table}.${o.columnName}`] : [];
    case "RENAME_INDEX":
      return o.indexName ? [`index:${o.indexName}`] : [];
    // What the rollback brings back under a name a rename took over (see createdBy).
    case "ADD_COLUMN_NULLABLE":
    case "ADD_COLUMN_NOT_NULL":
    case "ADD_COLUMN_VOLATILE_DEFAULT":
      return o.table && o.columnName ? [`add-column:${o.table}.${o.columnName}`] : [];
    case "CREATE_TABLE":
      return o.table ? [`create-table:${o.table}`] : [];
    default:
      return [];
  }
}
function undoKeysFromAst(s) {
  const t = nodeTag(s.ast);
  if (t?.[0] === "RenameStmt") {
    const r = t[1];
    if (r.renameType !== "OBJECT_TYPE" && r.renameType !== "OBJECT_DOMAIN") return [];
    const name = qualifiedFromList(as(r.object, "List")?.items);
    return name ? [`type:${name}`] : [];
  }
  if (t?.[0] !== "DropStmt") return [];
  const d = t[1];
  if (d.removeType !== "OBJECT_MATVIEW") return [];
  return (d.objects ?? []).map((o) => `table:${qualifiedFromList(as(o, "List")?.items) ?? ""}`);
}

// src/check/analyze-set.ts
function analyzeSet(units, ctx, step) {
  const { config } = ctx;
  const state = newRunState({ ...serverVersion(config), pgVersionAssumed: !config.pgVersionSet, tableStats: config.tableStats });
  if (ctx.repositoryRoutines?.length) state.repositoryRoutines = new Set(ctx.repositoryRoutines);
  const analyzed = [];
  const history = [];
  const destroys = [];
  for (const unit of units) {
    const m = unit.migration;
    if (m.change === "deleted") continue;
    step(unit);
    const down = m.down && (unit.underReview || ctx.dryRun) ? inRunOrder(parse(m.down, placeholdersOf(m, config.placeholders), m.layout, ctx.parseAhead, m.envsub), m.downOrder) : null;
    if (!unit.underReview) {
      const { up: up2 } = parseAndAnalyze(state, m, true, ctx, !ctx.keepHistory);
      if (ctx.keepHistory) history.push({ migration: m, up: up2, down });
      continue;
    }
    const reviewsRollback = down !== null && m.rollbackStatus === "present";
    const dropEarly = ctx.withoutTrees && !reviewsRollback;
    const { up, out, transaction } = parseAndAnalyze(state, m, false, ctx, dropEarly);
    estimateAnalyzed(out, config, allRules, ctx.calibration);
    if (ctx.scopeKind !== "changes") settleNewObjects(state);
    const { report, rollbackDestroys, preexisting } = buildMigrationReport(m, up, down, out, transaction, ctx.extraFindings, placeholdersOf(m, config.placeholders), serverVersion(config));
    destroys[analyzed.length] = rollbackDestroys ?? [];
    analyzed.push({
      migration: m,
      up: ctx.withoutTrees && !dropEarly ? withoutTrees(up) : up,
      down: down && ctx.withoutTrees ? withoutTrees(down) : down,
      report,
      transaction,
      ...out.suppressed.length ? { suppressed: out.suppressed } : {},
      ...preexisting.length ? { preexisting } : {}
    });
  }
  forgiveCreatedAlongside(analyzed, destroys, ctx.scopeKind === "changes");
  return { analyzed, history };
}
function forgiveCreatedAlongside(analyzed, destroys, inChange) {
  const added = new Set(inChange ? analyzed.filter((a) => a.migration.change === "added").flatMap((a) => createdObjects(a.report.operations)) : []);
  const later = /* @__PURE__ */ new Set();
  for (let i = analyzed.length - 1; i >= 0; i--) {
    const forgiven = new Set(destroys[i].filter((d) => later.has(d.object) || analyzed[i].migration.change === "added" && added.has(d.object)).map((d) => d.finding));
    const a = analyzed[i];
    if (forgiven.size > 0) {
      const findings = a.report.findings.filter((f) => !forgiven.has(f));
      a.report = { ...a.report, findings, risk: reportRisk(findings, a.up) };
    }
    for (const object of createdObjects(a.report.operations)) later.add(object);
  }
}
function parse(src, placeholders, layout, parseAhead, envsub) {
  return parseSource(src, parseOptionsFor(layout, placeholders, parseAhead, envsub));
}
function inRunOrder(parsed, order) {
  if (!order || order.length < 2) return parsed;
  const rank = (s) => {
    const i = order.findIndex(([a, b]) => s.start >= a && s.start < b);
    return i < 0 ? order.length : i;
  };
  const sorted = parsed.statements.map((s, i) => ({ s, i, r: rank(s) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.s);
  const renumber = new Map(sorted.map((s, i) => [s.index, i]));
  const statements = sorted.map((s, i) => ({ ...s, index: i, ...s.nestedIn ? { nestedIn: { ...s.nestedIn, statement: renumber.get(s.nestedIn.statement) ?? s.nestedIn.statement } } : {} }));
  return { ...parsed, statements };
}
function placeholdersOf(m, configured) {
  return m.placeholders ? { ...m.placeholders, ...configured } : configured;
}
function parseOptionsFor(layout, placeholders, parseAhead = false, envsub = false) {
  return { placeholders, goTemplates: layout === "pop", ...envsub ? { envsub } : {}, ...parseAhead ? { parseAhead } : {} };
}
var STREAM_IMPLICIT_MIN_CHARS = 1e6;
function parseAndAnalyze(state, m, learningOnly, ctx, dropTrees) {
  const opts = parseOptionsFor(m.layout, placeholdersOf(m, ctx.config.placeholders), ctx.parseAhead, m.envsub);
  let transaction;
  let oneQuery = false;
  if (m.transaction === "implicit" && (m.up.text.length < STREAM_IMPLICIT_MIN_CHARS || !dropTrees)) {
    const parsed = parseSource(m.up, opts);
    transaction = fileTransaction(m.transaction, parsed.statements);
    beginFile(state, m.up.path, transaction, learningOnly, m.layout, sentAsOneQuery(m.transaction, parsed.statements));
    const out = analyzeSource(parsed, m.up.text, state, allRules, ctx.settings);
    return { up: dropTrees ? withoutTrees(parsed) : parsed, out, transaction };
  }
  if (m.transaction === "implicit") {
    const outline = parseSource(m.up, { ...opts, parseAhead: false }, (s) => txControl(s) === null ? { ...s, ast: tagOnly(s.ast) } : s);
    transaction = fileTransaction(m.transaction, outline.statements);
    oneQuery = sentAsOneQuery(m.transaction, outline.statements);
  } else transaction = m.transaction;
  beginFile(state, m.up.path, transaction, learningOnly, m.layout, oneQuery);
  const analysis = startAnalysis(state, allRules, ctx.settings);
  let failed;
  const up = parseSource(m.up, opts, (s) => {
    const light = dropTrees ? withTagOnly(s) : void 0;
    if (failed === void 0) {
      try {
        analysis.feed(s, light);
      } catch (error) {
        failed = { error };
      }
    }
    return light ?? s;
  });
  if (failed !== void 0) throw failed.error;
  return { up, out: analysis.finish(up, m.up.text), transaction };
}
function reportRisk(findings, up) {
  return maxRisk(...findings.map((f) => f.risk), ...up.errors.length ? ["DANGEROUS"] : []);
}
function statementsAsBefore(m, up, base, baseUp) {
  const norm = (t) => t.replace(/\s+/g, " ").trim().replace(/;$/, "");
  if (directives(baseUp) !== directives(m.up.text)) return /* @__PURE__ */ new Set();
  const pool = (statements) => {
    const left2 = /* @__PURE__ */ new Map();
    for (const s of statements) {
      const list = left2.get(norm(s.text));
      if (list) list.push(s);
      else left2.set(norm(s.text), [s]);
    }
    return left2;
  };
  const left = pool(base.statements.filter((s) => !s.nestedIn));
  const same = /* @__PURE__ */ new Set();
  const kept = /* @__PURE__ */ new Set();
  const added = [];
  for (const s of up.statements) {
    if (s.nestedIn) continue;
    const was = left.get(norm(s.text))?.shift();
    if (was) {
      same.add(s.index);
      kept.add(was.index);
    } else added.push(s);
  }
  const nestedLeft = pool(base.statements.filter((s) => s.nestedIn && !kept.has(s.nestedIn.statement)));
  for (const s of up.statements) {
    if (!s.nestedIn) continue;
    if (same.has(s.nestedIn.statement) || nestedLeft.get(norm(s.text))?.shift()) same.add(s.index);
    else added.push(s);
  }
  const removed = [...left.values(), ...nestedLeft.values()].flat();
  if ([...added, ...removed].some(changesContext)) return /* @__PURE__ */ new Set();
  return same;
}
var CONTEXT_TAGS = /* @__PURE__ */ new Set(["VariableSetStmt", "TransactionStmt", "CreateStmt", "CreateTableAsStmt"]);
function changesContext(s) {
  for (const key in s.ast) return CONTEXT_TAGS.has(key);
  return false;
}
function directives(text) {
  return (text.match(/^[ \t]*--[ \t]*(?:\+goose|migrate:|flyway:|squawk-|atlas:|no-transaction|disable-transaction|postgres-migrations).*$/gim) ?? []).map((l) => l.trim()).join("\n");
}
function baseChangesetWithoutRollback(m, f) {
  if (f.rule !== "rollback-missing" || !m.baseChangesets || m.rollbackStatus !== "present") return false;
  let at = 0;
  for (let line = 1; line < f.line; line++) {
    const newline = m.up.text.indexOf("\n", at);
    if (newline < 0) return false;
    at = newline + 1;
  }
  return m.baseChangesets.some(([start, end]) => start === at && end > start && /^\s*--\s*changeset\s/i.test(m.up.text.slice(start, Math.min(end, start + 200))));
}
var DESTROYING_RULES = /* @__PURE__ */ new Set(["ban-drop-column", "ban-drop-table", "ban-truncate", "ban-drop-schema", "dml-without-where"]);
function buildMigrationReport(m, up, down, out, transaction, extra, placeholders, version) {
  const nothingToUndo = needsNoRollback(up, out.operations);
  const own = extra.filter((f) => (f.path === m.up.path || m.down && f.path === m.down.path) && !(nothingToUndo && f.rule === "rollback-missing") && !baseChangesetWithoutRollback(m, f));
  const inBase = m.baseChangesets ? new Set(up.statements.filter((s) => m.baseChangesets.some(([a, b]) => s.start >= a && s.start < b)).map((s) => s.index)) : void 0;
  const review = inBase ? reviewRollback(m, { ...up, statements: up.statements.filter((s) => !inBase.has(s.index)) }, down, out.operations.filter((o) => !inBase.has(o.statement)), version) : reviewRollback(m, up, down, out.operations, version);
  const parsedBase = /* @__PURE__ */ new Map();
  const baseOf = (text) => parsedBase.get(text) ?? parsedBase.set(text, parse({ path: m.up.path, text }, placeholders, m.layout, false, m.envsub)).get(text);
  const before2 = m.rollbackAsBase && down ? baseRollbackProblems(m, baseOf(m.rollbackAsBase.baseUp), down, version) : /* @__PURE__ */ new Set();
  const saidGone = new Set([...out.findings, ...out.suppressed.map((x) => x.finding)].filter((f) => DESTROYING_RULES.has(f.rule) && f.statement !== void 0).map((f) => f.statement));
  const told = review.findings.filter((f) => !(f.rule === "rollback-data-loss" && f.path === m.up.path && f.statement !== void 0 && saidGone.has(f.statement)));
  const kept = told.filter((f) => !before2.has(problemKey(f)));
  const rollback = { ...review, findings: kept, ...review.destroys ? { destroys: review.destroys.filter((d) => kept.includes(d.finding)) } : {} };
  const preexisting = told.filter((f) => !kept.includes(f)).map((f) => f.rule);
  const findings = foldCompatViews(
    foldTableRebuilds([...out.findings, ...rollback.findings], out.operations, m.up.path, transaction === "wrapped"),
    out.operations,
    up.statements,
    transaction === "wrapped"
  );
  const analyzed = new Set(out.findings);
  writePlaceholders(findings.filter((f) => !analyzed.has(f)), up, down);
  const coreRisk = reportRisk(findings, up);
  const discovery = escalateRollbackMissing(own, coreRisk);
  const asBefore = inBase ?? (m.baseUp !== void 0 ? statementsAsBefore(m, up, baseOf(m.baseUp), m.baseUp) : void 0);
  const at = (f, nested) => up.statements.find((s) => !s.nestedIn === !nested && s.line === f.line && s.column === f.column);
  const statementOf = (f) => f.statement ?? (at(f, false) ?? at(f, true))?.index;
  const fromEdit = asBefore ? findings.filter((f) => {
    const at2 = f.path === m.up.path ? statementOf(f) : void 0;
    return !(at2 !== void 0 && asBefore.has(at2) && !f.rule.startsWith("rollback-"));
  }) : findings;
  const leftOut = findings.length - fromEdit.length;
  const editNote = leftOut > 0 ? [{ path: m.up.path, line: 1, column: 1, message: `${leftOut} finding${leftOut === 1 ? "" : "s"} on statements this change leaves as the base branch has them ${leftOut === 1 ? "is" : "are"} not shown: a database that ran the migration does not run them again, and one that has not runs them as they were; only what the edit brings is reviewed` }] : [];
  const allFindings = [...fromEdit, ...discovery].sort((a, b) => byCodeUnit(a.path ?? "", b.path ?? "") || a.line - b.line);
  const report = {
    path: m.up.path,
    risk: reportRisk(allFindings, up),
    rollback: { path: m.down?.path ?? null, status: nothingToUndo && m.rollbackStatus === "missing" ? "not-required" : m.rollbackStatus },
    operations: out.operations,
    findings: allFindings,
    id: m.id,
    layout: m.layout,
    change: m.change,
    ...rollback.irreversible ? { irreversible: true } : {},
    ...up.notes.length || editNote.length ? { notes: [...up.notes, ...editNote] } : {}
  };
  return { report, rollbackDestroys: rollback.destroys, preexisting };
}
function writePlaceholders(findings, up, down) {
  const placeholders = [...up.unknownPlaceholders ?? [], ...down?.unknownPlaceholders ?? []];
  if (placeholders.length === 0 || findings.length === 0) return;
  const standIns = placeholderStandIns(placeholders);
  for (const f of findings) {
    const message = standIns.restore(f.message);
    if (message !== f.message) f.message = message;
    const suggestion = f.suggestion === void 0 ? void 0 : standIns.restore(f.suggestion, ruleById(f.rule)?.docs.instead);
    if (suggestion !== f.suggestion) {
      if (suggestion) f.suggestion = suggestion;
      else delete f.suggestion;
    }
  }
}
var problemKey = (f) => `${f.rule}\0${f.path ?? ""}\0${f.message}`;
var PAIR_PROBLEMS = /* @__PURE__ */ new Set(["rollback-empty", "rollback-mismatch", "rollback-destroys-data"]);
function baseRollbackProblems(m, up, down, version) {
  const ops = classifyAlone(up.statements.filter((s) => !s.nestedIn || s.nestedIn.kind === "do-block"), version).flatMap((x) => x.ops);
  return new Set(reviewRollback(m, up, down, ops, version).findings.filter((f) => PAIR_PROBLEMS.has(f.rule)).map(problemKey));
}
function withTagOnly(s) {
  const light = { index: s.index, path: s.path, line: s.line, column: s.column, start: s.start, end: s.end, text: s.text, ast: tagOnly(s.ast), comments: s.comments };
  if (s.nestedIn) light.nestedIn = s.nestedIn;
  return light;
}
var NO_TREE = Object.freeze({});
function withoutTrees(src) {
  return { ...src, statements: src.statements.map((s) => ({ ...s, ast: NO_TREE })) };
}

export {
  rollbackMissing,
  rollbackOrphan,
  duplicateVersion,
  CHECKSUM_REFUSAL,
  renameRunsNothing,
  migrationEdited,
  migrationOutOfOrder,
  routinesCreatedInText,
  impactOf,
  calibrationFor,
  readDirectives,
  analyzeSet,
  parseOptionsFor,
  NO_TREE
};
