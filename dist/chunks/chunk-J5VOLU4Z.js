import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  deparseSync,
  ident
} from "./chunk-QWU7ZTZL.js";

// src/core/column-shape.ts
function columnShapeKey(table, column) {
  return `${table}|${column}`;
}

// src/plan/sql.ts
var MAX_IDENT_BYTES = 63;
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
function truncateBytes(s, bytes) {
  let out = s;
  while (Buffer.byteLength(out, "utf8") > bytes) out = out.slice(0, -1);
  return out;
}
function makeObjectName(name1, name2, label) {
  const overhead = Buffer.byteLength(label) + 1 + (name2 ? 1 : 0);
  const avail = MAX_IDENT_BYTES - overhead;
  let n1 = Buffer.byteLength(name1);
  let n2 = name2 ? Buffer.byteLength(name2) : 0;
  while (n1 + n2 > avail) {
    if (n1 > n2) n1--;
    else n2--;
  }
  const parts = [truncateBytes(name1, n1)];
  if (name2) parts.push(truncateBytes(name2, n2));
  parts.push(label);
  return parts.join("_");
}

export {
  columnShapeKey,
  relationSql,
  siblingSql,
  deparse,
  literal,
  makeObjectName
};
