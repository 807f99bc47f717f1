import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/core/transaction.ts
function txControl(stmt) {
  const t = stmt.ast.TransactionStmt;
  if (!t) return null;
  switch (t.kind) {
    case "TRANS_STMT_BEGIN":
    case "TRANS_STMT_START":
      return "begin";
    case "TRANS_STMT_COMMIT":
    case "TRANS_STMT_COMMIT_PREPARED":
    case "TRANS_STMT_PREPARE":
      return "commit";
    case "TRANS_STMT_ROLLBACK":
    case "TRANS_STMT_ROLLBACK_PREPARED":
      return "rollback";
    case "TRANS_STMT_SAVEPOINT":
    case "TRANS_STMT_RELEASE":
    case "TRANS_STMT_ROLLBACK_TO":
      return "savepoint";
    default:
      return "other";
  }
}
function controlsTransaction(s) {
  const c = txControl(s);
  return c === "begin" || c === "commit" || c === "rollback";
}
function sentAsOneQuery(mode, statements) {
  return mode === "implicit" && statements.filter((s) => !s.nestedIn).length > 1;
}
function fileTransaction(mode, statements) {
  if (mode !== "implicit") return mode;
  const top = statements.filter((s) => !s.nestedIn);
  if (top.length <= 1 || top.some(controlsTransaction)) return "none";
  return "wrapped";
}
var OWN_MIGRATION = "in a migration of its own";
function saysOwnMigration(sql) {
  return /--[^\n]*\bin (?:a migration of its own|its own migration)\b/i.test(sql);
}
function saysOutsideTransaction(sql) {
  return /--[^\n]*\b(?:does not wrap in a transaction|one statement per file|outside a transaction)\b/i.test(sql);
}

export {
  txControl,
  sentAsOneQuery,
  fileTransaction,
  OWN_MIGRATION,
  saysOwnMigration,
  saysOutsideTransaction
};
