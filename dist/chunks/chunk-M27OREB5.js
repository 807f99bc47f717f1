import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/core/transaction.ts
var CONTROL = /* @__PURE__ */ new Set(["TRANS_STMT_BEGIN", "TRANS_STMT_START", "TRANS_STMT_COMMIT", "TRANS_STMT_ROLLBACK", "TRANS_STMT_COMMIT_PREPARED", "TRANS_STMT_PREPARE", "TRANS_STMT_ROLLBACK_PREPARED"]);
function controlsTransaction(s) {
  const t = s.ast.TransactionStmt;
  return t !== void 0 && CONTROL.has(t.kind ?? "");
}
function fileTransaction(mode, statements) {
  if (mode !== "implicit") return mode;
  const top = statements.filter((s) => !s.nestedIn);
  if (top.length <= 1 || top.some(controlsTransaction)) return "none";
  return "wrapped";
}

export {
  fileTransaction
};
