import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  deparseSync,
  ident
} from "./chunk-RRVIRGX7.js";

// src/core/column-shape.ts
function columnShapeKey(table, column) {
  return `${table}|${column}`;
}

// src/plan/sql.ts
function relationSql(rel) {
  return rel.schemaname ? `${ident(rel.schemaname)}.${ident(rel.relname ?? "")}` : ident(rel.relname ?? "");
}
function siblingSql(rel, name) {
  return rel.schemaname ? `${ident(rel.schemaname)}.${ident(name)}` : ident(name);
}
function deparse(node) {
  return deparseSync(node, { pretty: false }).trim().replace(/;$/, "");
}
function literal(text) {
  return `'${text.replace(/'/g, "''")}'`;
}

export {
  columnShapeKey,
  relationSql,
  siblingSql,
  deparse,
  literal
};
