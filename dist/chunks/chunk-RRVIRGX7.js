import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  as,
  lockModeSql,
  nodeTag,
  relationName,
  stringList
} from "./chunk-UTBNT2LW.js";
import {
  ByteOffsets,
  LineIndex,
  initParser,
  parsePlpgsql,
  parseSql,
  parserReady,
  readGap,
  scanSql,
  startPrefetch,
  statementRanges,
  trimEnd
} from "./chunk-KBDENZBY.js";
import {
  __commonJS,
  __toESM
} from "./chunk-ZGDBGMMU.js";

// node_modules/@pgsql/quotes/kwlist.js
var require_kwlist = __commonJS({
  "node_modules/@pgsql/quotes/kwlist.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.TYPE_FUNC_NAME_KEYWORDS = exports.COL_NAME_KEYWORDS = exports.UNRESERVED_KEYWORDS = exports.RESERVED_KEYWORDS = exports.kwlist = void 0;
    exports.keywordKindOf = keywordKindOf;
    exports.kwlist = {
      UNRESERVED_KEYWORD: [
        "abort",
        "absent",
        "absolute",
        "access",
        "action",
        "add",
        "admin",
        "after",
        "aggregate",
        "also",
        "alter",
        "always",
        "asensitive",
        "assertion",
        "assignment",
        "at",
        "atomic",
        "attach",
        "attribute",
        "backward",
        "before",
        "begin",
        "breadth",
        "by",
        "cache",
        "call",
        "called",
        "cascade",
        "cascaded",
        "catalog",
        "chain",
        "characteristics",
        "checkpoint",
        "class",
        "close",
        "cluster",
        "columns",
        "comment",
        "comments",
        "commit",
        "committed",
        "compression",
        "conditional",
        "configuration",
        "conflict",
        "connection",
        "constraints",
        "content",
        "continue",
        "conversion",
        "copy",
        "cost",
        "csv",
        "cube",
        "current",
        "cursor",
        "cycle",
        "data",
        "database",
        "day",
        "deallocate",
        "declare",
        "defaults",
        "deferred",
        "definer",
        "delete",
        "delimiter",
        "delimiters",
        "depends",
        "depth",
        "detach",
        "dictionary",
        "disable",
        "discard",
        "document",
        "domain",
        "double",
        "drop",
        "each",
        "empty",
        "enable",
        "encoding",
        "encrypted",
        "enforced",
        "enum",
        "error",
        "escape",
        "event",
        "exclude",
        "excluding",
        "exclusive",
        "execute",
        "explain",
        "expression",
        "extension",
        "external",
        "family",
        "filter",
        "finalize",
        "first",
        "following",
        "force",
        "format",
        "forward",
        "function",
        "functions",
        "generated",
        "global",
        "granted",
        "groups",
        "handler",
        "header",
        "hold",
        "hour",
        "identity",
        "if",
        "immediate",
        "immutable",
        "implicit",
        "import",
        "include",
        "including",
        "increment",
        "indent",
        "index",
        "indexes",
        "inherit",
        "inherits",
        "inline",
        "input",
        "insensitive",
        "insert",
        "instead",
        "invoker",
        "isolation",
        "keep",
        "key",
        "keys",
        "label",
        "language",
        "large",
        "last",
        "leakproof",
        "level",
        "listen",
        "load",
        "local",
        "location",
        "lock",
        "locked",
        "logged",
        "mapping",
        "match",
        "matched",
        "materialized",
        "maxvalue",
        "merge",
        "method",
        "minute",
        "minvalue",
        "mode",
        "month",
        "move",
        "name",
        "names",
        "nested",
        "new",
        "next",
        "nfc",
        "nfd",
        "nfkc",
        "nfkd",
        "no",
        "normalized",
        "nothing",
        "notify",
        "nowait",
        "nulls",
        "object",
        "objects",
        "of",
        "off",
        "oids",
        "old",
        "omit",
        "operator",
        "option",
        "options",
        "ordinality",
        "others",
        "over",
        "overriding",
        "owned",
        "owner",
        "parallel",
        "parameter",
        "parser",
        "partial",
        "partition",
        "passing",
        "password",
        "path",
        "period",
        "plan",
        "plans",
        "policy",
        "preceding",
        "prepare",
        "prepared",
        "preserve",
        "prior",
        "privileges",
        "procedural",
        "procedure",
        "procedures",
        "program",
        "publication",
        "quote",
        "quotes",
        "range",
        "read",
        "reassign",
        "recursive",
        "ref",
        "referencing",
        "refresh",
        "reindex",
        "relative",
        "release",
        "rename",
        "repeatable",
        "replace",
        "replica",
        "reset",
        "restart",
        "restrict",
        "return",
        "returns",
        "revoke",
        "role",
        "rollback",
        "rollup",
        "routine",
        "routines",
        "rows",
        "rule",
        "savepoint",
        "scalar",
        "schema",
        "schemas",
        "scroll",
        "search",
        "second",
        "security",
        "sequence",
        "sequences",
        "serializable",
        "server",
        "session",
        "set",
        "sets",
        "share",
        "show",
        "simple",
        "skip",
        "snapshot",
        "source",
        "sql",
        "stable",
        "standalone",
        "start",
        "statement",
        "statistics",
        "stdin",
        "stdout",
        "storage",
        "stored",
        "strict",
        "string",
        "strip",
        "subscription",
        "support",
        "sysid",
        "system",
        "tables",
        "tablespace",
        "target",
        "temp",
        "template",
        "temporary",
        "text",
        "ties",
        "transaction",
        "transform",
        "trigger",
        "truncate",
        "trusted",
        "type",
        "types",
        "uescape",
        "unbounded",
        "uncommitted",
        "unconditional",
        "unencrypted",
        "unknown",
        "unlisten",
        "unlogged",
        "until",
        "update",
        "vacuum",
        "valid",
        "validate",
        "validator",
        "value",
        "varying",
        "version",
        "view",
        "views",
        "virtual",
        "volatile",
        "whitespace",
        "within",
        "without",
        "work",
        "wrapper",
        "write",
        "xml",
        "year",
        "yes",
        "zone"
      ],
      RESERVED_KEYWORD: [
        "all",
        "analyse",
        "analyze",
        "and",
        "any",
        "array",
        "as",
        "asc",
        "asymmetric",
        "both",
        "case",
        "cast",
        "check",
        "collate",
        "column",
        "constraint",
        "create",
        "current_catalog",
        "current_date",
        "current_role",
        "current_time",
        "current_timestamp",
        "current_user",
        "default",
        "deferrable",
        "desc",
        "distinct",
        "do",
        "else",
        "end",
        "except",
        "false",
        "fetch",
        "for",
        "foreign",
        "from",
        "grant",
        "group",
        "having",
        "in",
        "initially",
        "intersect",
        "into",
        "lateral",
        "leading",
        "limit",
        "localtime",
        "localtimestamp",
        "not",
        "null",
        "offset",
        "on",
        "only",
        "or",
        "order",
        "placing",
        "primary",
        "references",
        "returning",
        "select",
        "session_user",
        "some",
        "symmetric",
        "system_user",
        "table",
        "then",
        "to",
        "trailing",
        "true",
        "union",
        "unique",
        "user",
        "using",
        "variadic",
        "when",
        "where",
        "window",
        "with"
      ],
      TYPE_FUNC_NAME_KEYWORD: [
        "authorization",
        "binary",
        "collation",
        "concurrently",
        "cross",
        "current_schema",
        "freeze",
        "full",
        "ilike",
        "inner",
        "is",
        "isnull",
        "join",
        "left",
        "like",
        "natural",
        "notnull",
        "outer",
        "overlaps",
        "right",
        "similar",
        "tablesample",
        "verbose"
      ],
      COL_NAME_KEYWORD: [
        "between",
        "bigint",
        "bit",
        "boolean",
        "char",
        "character",
        "coalesce",
        "dec",
        "decimal",
        "exists",
        "extract",
        "float",
        "greatest",
        "grouping",
        "inout",
        "int",
        "integer",
        "interval",
        "json",
        "json_array",
        "json_arrayagg",
        "json_exists",
        "json_object",
        "json_objectagg",
        "json_query",
        "json_scalar",
        "json_serialize",
        "json_table",
        "json_value",
        "least",
        "merge_action",
        "national",
        "nchar",
        "none",
        "normalize",
        "nullif",
        "numeric",
        "out",
        "overlay",
        "position",
        "precision",
        "real",
        "row",
        "setof",
        "smallint",
        "substring",
        "time",
        "timestamp",
        "treat",
        "trim",
        "values",
        "varchar",
        "xmlattributes",
        "xmlconcat",
        "xmlelement",
        "xmlexists",
        "xmlforest",
        "xmlnamespaces",
        "xmlparse",
        "xmlpi",
        "xmlroot",
        "xmlserialize",
        "xmltable"
      ]
    };
    exports.RESERVED_KEYWORDS = new Set(exports.kwlist.RESERVED_KEYWORD ?? []);
    exports.UNRESERVED_KEYWORDS = new Set(exports.kwlist.UNRESERVED_KEYWORD ?? []);
    exports.COL_NAME_KEYWORDS = new Set(exports.kwlist.COL_NAME_KEYWORD ?? []);
    exports.TYPE_FUNC_NAME_KEYWORDS = new Set(exports.kwlist.TYPE_FUNC_NAME_KEYWORD ?? []);
    function keywordKindOf(word) {
      const w = word.toLowerCase();
      if (exports.RESERVED_KEYWORDS.has(w))
        return "RESERVED_KEYWORD";
      if (exports.TYPE_FUNC_NAME_KEYWORDS.has(w))
        return "TYPE_FUNC_NAME_KEYWORD";
      if (exports.COL_NAME_KEYWORDS.has(w))
        return "COL_NAME_KEYWORD";
      if (exports.UNRESERVED_KEYWORDS.has(w))
        return "UNRESERVED_KEYWORD";
      return "NO_KEYWORD";
    }
  }
});

// node_modules/@pgsql/quotes/quote-utils.js
var require_quote_utils = __commonJS({
  "node_modules/@pgsql/quotes/quote-utils.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.QuoteUtils = void 0;
    var kwlist_1 = require_kwlist();
    var QuoteUtils2 = class _QuoteUtils {
      static escape(literal) {
        return `'${literal.replace(/'/g, "''")}'`;
      }
      /**
       * Escapes a string value for use in E-prefixed string literals
       * Handles both backslashes and single quotes properly
       */
      static escapeEString(value) {
        return value.replace(/\\/g, "\\\\").replace(/'/g, "''");
      }
      /**
       * Formats a string as an E-prefixed string literal with proper escaping
       * This wraps the complete E-prefix logic including detection and formatting
       */
      static formatEString(value) {
        const needsEscape = _QuoteUtils.needsEscapePrefix(value);
        if (needsEscape) {
          const escapedValue = _QuoteUtils.escapeEString(value);
          return `E'${escapedValue}'`;
        } else {
          return _QuoteUtils.escape(value);
        }
      }
      /**
       * Determines if a string value needs E-prefix for escaped string literals
       * Detects backslash escape sequences that require E-prefix in PostgreSQL
       */
      static needsEscapePrefix(value) {
        return !/^\\x[0-9a-fA-F]+$/i.test(value) && value.includes("\\");
      }
      /**
       * Quote an identifier only if needed
       *
       * This is a TypeScript port of PostgreSQL's quote_identifier() function from ruleutils.c
       * https://github.com/postgres/postgres/blob/fab5cd3dd1323f9e66efeb676c4bb212ff340204/src/backend/utils/adt/ruleutils.c#L13055-L13137
       *
       * Can avoid quoting if ident starts with a lowercase letter or underscore
       * and contains only lowercase letters, digits, and underscores, *and* is
       * not any SQL keyword. Otherwise, supply quotes.
       *
       * When quotes are needed, embedded double quotes are properly escaped as "".
       */
      static quoteIdentifier(ident2) {
        if (!ident2)
          return ident2;
        let safe = true;
        const firstChar = ident2[0];
        if (!(firstChar >= "a" && firstChar <= "z" || firstChar === "_")) {
          safe = false;
        }
        for (let i = 0; i < ident2.length; i++) {
          const ch = ident2[i];
          if (ch >= "a" && ch <= "z" || ch >= "0" && ch <= "9" || ch === "_") {
          } else {
            safe = false;
          }
        }
        if (safe) {
          const kwKind = (0, kwlist_1.keywordKindOf)(ident2);
          if (kwKind !== "NO_KEYWORD" && kwKind !== "UNRESERVED_KEYWORD") {
            safe = false;
          }
        }
        if (safe) {
          return ident2;
        }
        let result = '"';
        for (let i = 0; i < ident2.length; i++) {
          const ch = ident2[i];
          if (ch === '"') {
            result += '"';
          }
          result += ch;
        }
        result += '"';
        return result;
      }
      /**
       * Quote an identifier that appears after a dot in a qualified name.
       *
       * In PostgreSQL's grammar, identifiers that appear after a dot (e.g., schema.name,
       * table.column) are in a more permissive position that accepts all keyword categories
       * including RESERVED_KEYWORD. This means we only need to quote for lexical reasons
       * (uppercase, special characters, leading digits) not for keyword reasons.
       *
       * Empirically verified: `myschema.select`, `myschema.float`, `t.from` all parse
       * successfully in PostgreSQL without quotes.
       */
      static quoteIdentifierAfterDot(ident2) {
        if (!ident2)
          return ident2;
        let safe = true;
        const firstChar = ident2[0];
        if (!(firstChar >= "a" && firstChar <= "z" || firstChar === "_")) {
          safe = false;
        }
        for (let i = 0; i < ident2.length; i++) {
          const ch = ident2[i];
          if (ch >= "a" && ch <= "z" || ch >= "0" && ch <= "9" || ch === "_") {
          } else {
            safe = false;
          }
        }
        if (safe) {
          return ident2;
        }
        let result = '"';
        for (let i = 0; i < ident2.length; i++) {
          const ch = ident2[i];
          if (ch === '"') {
            result += '"';
          }
          result += ch;
        }
        result += '"';
        return result;
      }
      /**
       * Quote a dotted name (e.g., schema.table, catalog.schema.table).
       *
       * The first part uses strict quoting (keywords are quoted), while subsequent
       * parts use relaxed quoting (keywords allowed, only quote for lexical reasons).
       *
       * This reflects PostgreSQL's grammar where the first identifier in a statement
       * may conflict with keywords, but identifiers after a dot are in a more
       * permissive position.
       */
      static quoteDottedName(parts) {
        if (!parts || parts.length === 0)
          return "";
        if (parts.length === 1) {
          return _QuoteUtils.quoteIdentifier(parts[0]);
        }
        return parts.map((part, index) => index === 0 ? _QuoteUtils.quoteIdentifier(part) : _QuoteUtils.quoteIdentifierAfterDot(part)).join(".");
      }
      /**
       * Quote a possibly-qualified identifier
       *
       * This is inspired by PostgreSQL's quote_qualified_identifier() function from ruleutils.c
       * but uses relaxed quoting for the tail component since PostgreSQL's grammar accepts
       * all keywords in qualified name positions.
       *
       * Return a name of the form qualifier.ident, or just ident if qualifier
       * is null/undefined, quoting each component if necessary.
       */
      static quoteQualifiedIdentifier(qualifier, ident2) {
        if (qualifier) {
          return `${_QuoteUtils.quoteIdentifier(qualifier)}.${_QuoteUtils.quoteIdentifierAfterDot(ident2)}`;
        }
        return _QuoteUtils.quoteIdentifier(ident2);
      }
      /**
       * Quote an identifier that appears as a type name.
       *
       * Type names in PostgreSQL have a less strict quoting policy than standalone identifiers.
       * In type positions, COL_NAME_KEYWORD and TYPE_FUNC_NAME_KEYWORD are allowed unquoted
       * (e.g., 'json', 'int', 'boolean', 'interval'). Only RESERVED_KEYWORD must be quoted.
       *
       * This is different from:
       * - quoteIdentifier(): quotes all keywords except UNRESERVED_KEYWORD
       * - quoteIdentifierAfterDot(): only quotes for lexical reasons (no keyword checking)
       *
       * Type names still need quoting for lexical reasons (uppercase, special chars, etc.).
       */
      static quoteIdentifierTypeName(ident2) {
        if (!ident2)
          return ident2;
        let safe = true;
        const firstChar = ident2[0];
        if (!(firstChar >= "a" && firstChar <= "z" || firstChar === "_")) {
          safe = false;
        }
        for (let i = 0; i < ident2.length; i++) {
          const ch = ident2[i];
          if (ch >= "a" && ch <= "z" || ch >= "0" && ch <= "9" || ch === "_") {
          } else {
            safe = false;
          }
        }
        if (safe) {
          const kwKind = (0, kwlist_1.keywordKindOf)(ident2);
          if (kwKind === "RESERVED_KEYWORD") {
            safe = false;
          }
        }
        if (safe) {
          return ident2;
        }
        let result = '"';
        for (let i = 0; i < ident2.length; i++) {
          const ch = ident2[i];
          if (ch === '"') {
            result += '"';
          }
          result += ch;
        }
        result += '"';
        return result;
      }
      /**
       * Quote a dotted type name (e.g., schema.typename).
       *
       * For type names, we use type-name quoting for all parts since the entire
       * qualified name is in a type context. This allows keywords like 'json',
       * 'int', 'boolean' to remain unquoted in user-defined schema-qualified types.
       */
      static quoteTypeDottedName(parts) {
        if (!parts || parts.length === 0)
          return "";
        return parts.map((part) => _QuoteUtils.quoteIdentifierTypeName(part)).join(".");
      }
    };
    exports.QuoteUtils = QuoteUtils2;
  }
});

// node_modules/@pgsql/quotes/index.js
var require_quotes = __commonJS({
  "node_modules/@pgsql/quotes/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.QuoteUtils = exports.UNRESERVED_KEYWORDS = exports.TYPE_FUNC_NAME_KEYWORDS = exports.RESERVED_KEYWORDS = exports.kwlist = exports.keywordKindOf = exports.COL_NAME_KEYWORDS = void 0;
    var kwlist_1 = require_kwlist();
    Object.defineProperty(exports, "COL_NAME_KEYWORDS", { enumerable: true, get: function() {
      return kwlist_1.COL_NAME_KEYWORDS;
    } });
    Object.defineProperty(exports, "keywordKindOf", { enumerable: true, get: function() {
      return kwlist_1.keywordKindOf;
    } });
    Object.defineProperty(exports, "kwlist", { enumerable: true, get: function() {
      return kwlist_1.kwlist;
    } });
    Object.defineProperty(exports, "RESERVED_KEYWORDS", { enumerable: true, get: function() {
      return kwlist_1.RESERVED_KEYWORDS;
    } });
    Object.defineProperty(exports, "TYPE_FUNC_NAME_KEYWORDS", { enumerable: true, get: function() {
      return kwlist_1.TYPE_FUNC_NAME_KEYWORDS;
    } });
    Object.defineProperty(exports, "UNRESERVED_KEYWORDS", { enumerable: true, get: function() {
      return kwlist_1.UNRESERVED_KEYWORDS;
    } });
    var quote_utils_1 = require_quote_utils();
    Object.defineProperty(exports, "QuoteUtils", { enumerable: true, get: function() {
      return quote_utils_1.QuoteUtils;
    } });
  }
});

// src/core/young-generation.ts
import { getHeapSpaceStatistics, setFlagsFromString } from "node:v8";
import { isMainThread } from "node:worker_threads";
var YOUNG_CAP = 16 * 1024 * 1024;
var EVERY = 16;
var phase = isMainThread ? "loading" : "held";
if (isMainThread) setFlagsFromString("--semi-space-growth-factor=1");
var calls = 0;
function holdYoungGeneration() {
  if (phase === "held") return;
  if (phase === "loading") {
    setFlagsFromString("--semi-space-growth-factor=2");
    phase = "growing";
    return;
  }
  if (++calls % EVERY !== 0) return;
  const young = getHeapSpaceStatistics().find((s) => s.space_name === "new_space")?.space_size ?? 0;
  if (young < YOUNG_CAP) return;
  setFlagsFromString("--semi-space-growth-factor=1");
  phase = "held";
}

// src/core/strings.ts
function trimTrailing(s, char) {
  let end = s.length;
  while (end > 0 && s[end - 1] === char) end--;
  return end === s.length ? s : s.slice(0, end);
}
function byCodeUnit(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function flattened(s) {
  s.charCodeAt(0);
  return s;
}
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// src/parse/plpgsql.ts
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function defElems(list) {
  if (!Array.isArray(list)) return [];
  return list.map((n) => isObject(n) && isObject(n.DefElem) ? n.DefElem : void 0).filter((d) => d !== void 0);
}
function stringValue(node) {
  if (isObject(node) && isObject(node.String) && typeof node.String.sval === "string") return node.String.sval;
  return void 0;
}
function plpgsqlBody(ast) {
  const node = ast;
  if (isObject(node.DoStmt)) {
    const args = defElems(node.DoStmt.args);
    const language = stringValue(args.find((d) => d.defname === "language")?.arg) ?? "plpgsql";
    const body = stringValue(args.find((d) => d.defname === "as")?.arg);
    if (language.toLowerCase() !== "plpgsql" || body === void 0) return void 0;
    return { kind: "do-block", body };
  }
  const fn = routineBody(ast);
  return fn?.language === "plpgsql" ? { kind: "function-body", body: fn.body } : void 0;
}
function routineBody(ast) {
  const create = ast.CreateFunctionStmt;
  if (!isObject(create)) return void 0;
  const options = defElems(create.options);
  const language = stringValue(options.find((d) => d.defname === "language")?.arg)?.toLowerCase();
  const as2 = options.find((d) => d.defname === "as")?.arg;
  const items = isObject(as2) && isObject(as2.List) && Array.isArray(as2.List.items) ? as2.List.items : [];
  const body = stringValue(items[0]);
  return body === void 0 ? void 0 : { language, body };
}
function sqlFunctionBody(ast) {
  const fn = routineBody(ast);
  return fn?.language === "sql" ? fn.body : void 0;
}
function sqlInnerStatements(statementText, statementStart, body) {
  const result = { kind: "function-body", statements: [], notes: [] };
  const parsed = parseSql(body);
  if (!parsed.ok) {
    result.notes.push({ offset: statementStart, message: `did not look inside the SQL function body: ${parsed.message}` });
    return result;
  }
  const bodyAt = body === "" ? -1 : statementText.indexOf(body);
  const bytes = new ByteOffsets(body);
  let cursor = 0;
  for (const raw of parsed.value.stmts ?? []) {
    if (raw.stmt === void 0) continue;
    const s = bytes.toUnit(raw.stmt_location ?? 0);
    const e = raw.stmt_len ? bytes.toUnit((raw.stmt_location ?? 0) + raw.stmt_len) : body.length;
    const end = trimEnd(body, s, e);
    const text = body.slice(s, end);
    const found = bodyAt === -1 ? locate(statementText, text, cursor) : bodyAt + s;
    if (found !== -1) cursor = found + 1;
    const start = statementStart + (found === -1 ? 0 : found);
    result.statements.push({ start, end: start + (end - s), text, ast: raw.stmt });
  }
  return result;
}
function collect(tree) {
  const found = [];
  const stack = [tree];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
      continue;
    }
    if (!isObject(v)) continue;
    const exec = v.PLpgSQL_stmt_execsql;
    const dyn = v.PLpgSQL_stmt_dynexecute;
    if (isObject(exec)) {
      const query = exprQuery(exec.sqlstmt);
      if (query !== void 0) found.push({ lineno: Number(exec.lineno) || 1, query });
      continue;
    }
    if (isObject(dyn)) {
      const raw = exprQuery(dyn.query);
      const value = raw === void 0 ? void 0 : literalValue(raw);
      if (raw !== void 0 && value !== void 0) found.push({ lineno: Number(dyn.lineno) || 1, query: value, literal: raw });
      continue;
    }
    const perform = v.PLpgSQL_stmt_perform;
    if (isObject(perform)) {
      const query = exprQuery(perform.expr);
      if (query !== void 0 && /^SELECT\s/.test(query)) found.push({ lineno: Number(perform.lineno) || 1, query, expression: query.slice("SELECT ".length).trim() });
      continue;
    }
    const lineno = Number(v.lineno) || void 0;
    for (const [key, value] of Object.entries(v)) {
      if (key === "datums") continue;
      for (const e of Array.isArray(value) ? value : [value]) {
        const expr = isObject(e) && isObject(e.PLpgSQL_expr) ? e.PLpgSQL_expr : void 0;
        if (!expr || typeof expr.query !== "string" || !expr.query.includes("(")) continue;
        const query = expressionQuery(expr.query, Number(expr.parseMode) || 0);
        if (query !== void 0) found.push({ lineno: lineno ?? 1, query: query.text, ...query.expression !== void 0 ? { expression: query.expression } : {} });
      }
    }
    const keys = Object.keys(v).filter((k) => k !== "datums");
    for (let i = keys.length - 1; i >= 0; i--) stack.push(v[keys[i]]);
  }
  return found.map((f, i) => ({ f, i })).sort((a, b) => a.f.lineno - b.f.lineno || a.i - b.i).map(({ f }) => f);
}
function expressionQuery(query, parseMode) {
  if (parseMode === 0) return { text: query };
  if (parseMode === 2) return { text: `SELECT ${query}`, expression: query };
  if (parseMode >= 3 && parseMode <= 5) {
    const assign = /^[^:=]*(?::=|=)/.exec(query);
    if (!assign) return void 0;
    const expression = query.slice(assign[0].length).trim();
    return expression === "" ? void 0 : { text: `SELECT ${expression}`, expression };
  }
  return void 0;
}
function exprQuery(expr) {
  if (isObject(expr) && isObject(expr.PLpgSQL_expr) && typeof expr.PLpgSQL_expr.query === "string") return expr.PLpgSQL_expr.query;
  return void 0;
}
function literalValue(raw) {
  const parsed = parseSql(`SELECT ${raw}`);
  if (!parsed.ok || parsed.value.stmts?.length !== 1) return void 0;
  const select = parsed.value.stmts[0]?.stmt?.SelectStmt;
  if (!isObject(select) || !Array.isArray(select.targetList) || select.targetList.length !== 1) return void 0;
  if (Object.keys(select).some((k) => !["targetList", "limitOption", "op"].includes(k))) return void 0;
  const target = select.targetList[0];
  const val = isObject(target) && isObject(target.ResTarget) ? target.ResTarget.val : void 0;
  const constant = isObject(val) && isObject(val.A_Const) ? val.A_Const : void 0;
  const sval = constant && isObject(constant.sval) ? constant.sval.sval : void 0;
  return typeof sval === "string" ? sval : void 0;
}
function withoutTypeOf(text) {
  return text.replace(/%(row)?type\b/gi, (m) => " ".repeat(m.length));
}
var lastTree;
function plpgsqlTree(text) {
  if (lastTree !== void 0 && lastTree.text === text) return lastTree.tree;
  const tree = parsePlpgsql(text);
  if (tree.ok) lastTree = { text, tree };
  return tree;
}
function locate(body, query, from) {
  const exact = body.indexOf(query, from);
  if (exact !== -1) return exact;
  const head = /^\S{1,40}/.exec(query.trimStart())?.[0];
  if (head === void 0) return -1;
  const re = new RegExp(escapeRegExp(head), "gi");
  re.lastIndex = from;
  return re.exec(body)?.index ?? -1;
}
function innerStatements(statementText, statementStart, ast) {
  const sqlBody = sqlFunctionBody(ast);
  if (sqlBody !== void 0) return sqlInnerStatements(statementText, statementStart, sqlBody);
  const target = plpgsqlBody(ast);
  if (target === void 0) return void 0;
  const result = { kind: target.kind, statements: [], notes: [] };
  const what = target.kind === "do-block" ? "DO block" : "function body";
  let tree = plpgsqlTree(statementText);
  if (!tree.ok && /%(row)?type\b/i.test(statementText)) {
    tree = plpgsqlTree(withoutTypeOf(statementText));
  }
  if (!tree.ok) {
    result.notes.push({ offset: statementStart, message: `did not look inside the PL/pgSQL ${what}: ${tree.message}` });
    return result;
  }
  const found = collect(tree.value);
  if (found.length === 0) return result;
  const bodyAt = target.body === "" ? -1 : statementText.indexOf(target.body);
  const haystack = bodyAt === -1 ? statementText : target.body;
  const base = statementStart + (bodyAt === -1 ? 0 : bodyAt);
  const lineStarts = [0];
  if (bodyAt !== -1) for (let i = haystack.indexOf("\n"); i !== -1; i = haystack.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  let cursor = 0;
  for (const f of found) {
    const lineStart = bodyAt === -1 ? 0 : lineStarts[f.lineno - 1] ?? lineStarts[lineStarts.length - 1];
    const from = Math.max(lineStart, cursor);
    let at;
    if (f.literal !== void 0) {
      const literalAt = haystack.indexOf(f.literal, from);
      at = literalAt === -1 ? -1 : literalAt + literalContentOffset(f.literal);
      if (literalAt !== -1) cursor = literalAt + f.literal.length;
    } else if (f.expression !== void 0) {
      at = haystack.indexOf(f.expression, from);
      if (at === -1) continue;
      cursor = at + f.expression.length;
    } else {
      at = locate(haystack, f.query, from);
      if (at !== -1) cursor = at + f.query.length;
    }
    const located = at !== -1;
    const anchor = located ? at : bodyAt === -1 ? 0 : firstNonSpace(haystack, lineStart);
    const parsed = parseSql(f.query);
    if (!parsed.ok) {
      result.notes.push({ offset: base + anchor, message: `skipped a statement in the PL/pgSQL ${what} that does not parse: ${parsed.message}` });
      continue;
    }
    const bytes = new ByteOffsets(f.query);
    for (const raw of parsed.value.stmts ?? []) {
      if (raw.stmt === void 0) continue;
      const s = bytes.toUnit(raw.stmt_location ?? 0);
      const e = raw.stmt_len ? bytes.toUnit((raw.stmt_location ?? 0) + raw.stmt_len) : f.query.length;
      const end = trimEnd(f.query, s, e);
      if (f.expression !== void 0) {
        const start2 = base + anchor;
        result.statements.push({ start: start2, end: start2 + (located ? f.expression.length : 0), text: f.expression, ast: raw.stmt });
        continue;
      }
      const start = base + anchor + (located ? s : 0);
      result.statements.push({ start, end: start + (end - s), text: f.query.slice(s, end), ast: raw.stmt });
    }
  }
  return result;
}
function dynamicExecutes(statementText, ast) {
  const target = plpgsqlBody(ast);
  if (target === void 0 || !/execute/i.test(statementText)) return [];
  const tree = plpgsqlTree(withoutTypeOf(statementText));
  if (!tree.ok) return [];
  const out = [];
  const stack = [tree.value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
      continue;
    }
    if (!isObject(v)) continue;
    for (const key of ["PLpgSQL_stmt_dynexecute", "PLpgSQL_stmt_dynfors", "PLpgSQL_stmt_open"]) {
      const dyn = v[key];
      if (!isObject(dyn)) continue;
      const raw = exprQuery(key === "PLpgSQL_stmt_open" ? dyn.dynquery : dyn.query);
      if (raw !== void 0 && literalValue(raw) === void 0) out.push({ kind: target.kind, expression: raw });
    }
    for (const [k, x] of Object.entries(v)) if (k !== "datums" && x && typeof x === "object") stack.push(x);
  }
  return out;
}
function literalContentOffset(literal) {
  const q = literal.search(/['$]/);
  if (q === -1) return 0;
  if (literal[q] === "'") return q + 1;
  const close = literal.indexOf("$", q + 1);
  return close === -1 ? q + 1 : close + 1;
}
function firstNonSpace(text, from) {
  const m = /\S/g;
  m.lastIndex = from;
  return m.exec(text)?.index ?? from;
}

// src/parse/guard.ts
var MAX_COMMENT_DEPTH = 1e4;
function tooDeepComments(text, limit = MAX_COMMENT_DEPTH) {
  let depth = 0;
  for (let i = text.indexOf("*"); i !== -1; i = text.indexOf("*", i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 47) {
      if (++depth > limit) return i - 1;
    } else if (text.charCodeAt(i + 1) === 47 && depth > 0) {
      depth--;
      i++;
    }
  }
  return -1;
}

// src/parse/preprocess.ts
var OffsetMap = class {
  constructor(edits = []) {
    this.edits = edits;
  }
  edits;
  toOriginal(offset) {
    const edits = this.edits;
    let lo = 0;
    let hi = edits.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = lo + hi >> 1;
      if (edits[mid].at <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found === -1) return offset;
    const e = edits[found];
    if (offset < e.at + e.newLength) return e.from + Math.min(offset - e.at, Math.max(0, e.oldLength - 1));
    return offset - (e.at + e.newLength) + (e.from + e.oldLength);
  }
};
var LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
function sanitize(text, notes) {
  let out = text.startsWith("\uFEFF") ? ` ${text.slice(1)}` : text;
  const nul = out.indexOf("\0");
  if (nul !== -1) {
    notes.push({ offset: nul, message: "replaced NUL characters with spaces" });
    out = out.replace(/\0/g, " ");
  }
  if (/[\uD800-\uDFFF]/.test(out)) out = out.replace(LONE_SURROGATE, "\uFFFD");
  return out;
}
var META_LINE = /^[ \t]*\\[^\r\n]*/gm;
var SEND_COMMAND = /(?<!\\)\\g(?:x|set|exec|desc)?(?![A-Za-z])[^\r\n]*/g;
var SENDS_QUERY = /^\\g(?:x|set|exec|desc)?(?![A-Za-z])/;
var SCAN_CHECK_LIMIT = 1e6;
var LITERAL_TOKENS = /* @__PURE__ */ new Set(["SCONST", "USCONST", "XCONST", "BCONST", "C_COMMENT", "SQL_COMMENT", "IDENT", "UIDENT"]);
function rebuild(text, ranges, pick) {
  const parts = [];
  let last = 0;
  for (const r of ranges) {
    parts.push(text.slice(last, r.from), pick(r));
    last = r.to;
  }
  parts.push(text.slice(last));
  return parts.join("");
}
function strictlyInside(spans, offset) {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = lo + hi >> 1;
    const [s, e] = spans[mid];
    if (offset <= s) hi = mid - 1;
    else if (offset >= e) lo = mid + 1;
    else return true;
  }
  return false;
}
function blankMetaCommands(text, notes, found) {
  const lines = [];
  for (const m of text.matchAll(META_LINE)) {
    const from = m.index + m[0].indexOf("\\");
    lines.push({ from, to: m.index + m[0].length });
  }
  if (text.length <= SCAN_CHECK_LIMIT) {
    const starts = new Set(lines.map((l) => l.from));
    for (const m of text.matchAll(SEND_COMMAND)) if (!starts.has(m.index)) lines.push({ from: m.index, to: m.index + m[0].length });
    lines.sort((a, b) => a.from - b.from);
  }
  if (lines.length === 0) return text;
  const blanked = rebuild(text, lines, (l) => " ".repeat(l.to - l.from));
  let spans = [];
  if (blanked.length <= SCAN_CHECK_LIMIT) {
    let scannedText = blanked;
    let scanned = scanSql(blanked);
    if (!scanned.ok) {
      scannedText = text;
      scanned = scanSql(text);
    }
    if (scanned.ok) {
      const bytes = new ByteOffsets(scannedText);
      spans = scanned.value.filter((t) => LITERAL_TOKENS.has(t.tokenName)).map((t) => [bytes.toUnit(t.start), bytes.toUnit(t.end)]);
    }
  }
  const meta = lines.filter((l) => !strictlyInside(spans, l.from)).map((l) => {
    const command = text.slice(l.from, l.to).trim();
    return { ...l, command, sends: SENDS_QUERY.test(command) };
  });
  for (const m of meta) {
    found.push({ offset: m.from, command: m.command, sends: m.sends });
    const shown = m.command.length > 80 ? `${m.command.slice(0, 77)}...` : m.command;
    notes.push({ offset: m.from, message: `skipped psql meta-command ${shown}${m.sends ? " (it ends the query before it)" : ""}` });
  }
  const out = rebuild(text, meta, (m) => {
    const blank = " ".repeat(m.to - m.from);
    return m.sends ? `;${blank.slice(1)}` : blank;
  });
  return meta.length > 0 ? fillPsqlVariables(out, notes) : out;
}
function fillPsqlVariables(text, notes) {
  if (!text.includes(":") || text.length > SCAN_CHECK_LIMIT) return text;
  const scanned = scanSql(text);
  if (!scanned.ok) return text;
  const bytes = new ByteOffsets(text);
  const tokens = scanned.value;
  const fills = [];
  const noted = /* @__PURE__ */ new Set();
  let brackets = 0;
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i];
    if (t.text === "[") brackets++;
    else if (t.text === "]") brackets = Math.max(0, brackets - 1);
    const next = tokens[i + 1];
    if (t.text !== ":" || brackets > 0 || next.start !== t.end) continue;
    const quoted = next.text.startsWith("'") || next.text.startsWith('"');
    if (!(next.tokenName === "IDENT" || next.tokenName === "SCONST" && next.text.startsWith("'"))) continue;
    const from = bytes.toUnit(t.start);
    const to = bytes.toUnit(next.end);
    const name = quoted ? next.text.slice(1, -1) : next.text;
    const value = quoted ? `${next.text} ` : `'${name.slice(0, Math.max(0, name.length - 1))}'`;
    fills.push({ from, to, value });
    if (!noted.has(name)) {
      noted.add(name);
      notes.push({ offset: from, message: `psql variable ${text.slice(from, to)} is not set here; parsed as ${value.trim()}` });
    }
  }
  return fills.length === 0 ? text : rebuild(text, fills, (f) => f.value);
}
var PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_.\-]*)\}/g;
function neutralIdentifier(name) {
  const base = name.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  return base.padEnd(name.length + 3, "_");
}
var GO_TEMPLATE = /\{\{-?\s*([^{}]*?)\s*-?\}\}/g;
var GO_CONTROL = /^(?:if|else|end|range|with|define|template|block|break|continue)\b|^\/\*/;
function goTemplateName(action) {
  if (GO_CONTROL.test(action)) return null;
  const quoted = [...action.matchAll(/"([A-Za-z_][A-Za-z0-9_]*)"/g)].pop()?.[1];
  return quoted ?? /\.([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(action)?.[1] ?? null;
}
var ENV_REFERENCE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:[:?=+-][^}\n]*)?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
function describePlaceholder(p) {
  return p.kind === "placeholder" ? `placeholder ${p.shown}` : p.shown;
}
function placeholdersIn(text, goTemplates, envsub = false) {
  const out = [];
  if (envsub && text.includes("$")) {
    for (const m of text.matchAll(ENV_REFERENCE)) {
      const name = m[1] ?? m[2];
      if (name !== void 0) out.push({ index: m.index, length: m[0].length, kind: "environment", name, shown: `environment variable ${m[0]} (goose ENVSUB)` });
    }
    return out;
  }
  if (text.includes("${")) for (const m of text.matchAll(PLACEHOLDER)) out.push({ index: m.index, length: m[0].length, kind: "placeholder", name: m[1], shown: `\${${m[1]}}` });
  if (goTemplates && text.includes("{{")) {
    for (const m of text.matchAll(GO_TEMPLATE)) out.push({ index: m.index, length: m[0].length, kind: "go-template", name: goTemplateName(m[1]), shown: `Go template {{ ${m[1]} }}` });
  }
  return out.sort((a, b) => a.index - b.index);
}
function substitutePlaceholders(text, values, notes, goTemplates, unknown, envsub = false) {
  const found = placeholdersIn(text, goTemplates, envsub);
  if (found.length === 0) return { text, edits: [] };
  const edits = [];
  const noted = /* @__PURE__ */ new Set();
  let out = "";
  let last = 0;
  for (const m of found) {
    if (m.index < last) continue;
    const name = m.name;
    const configured = name !== null && Object.prototype.hasOwnProperty.call(values, name);
    const value = name === null ? " ".repeat(m.length) : configured ? String(values[name]) : neutralIdentifier(name);
    if (name !== null && !configured && !noted.has(m.shown)) {
      noted.add(m.shown);
      const placeholder = { kind: m.kind, name, shown: m.shown };
      unknown.push({ offset: m.index, ...placeholder, written: text.slice(m.index, m.index + m.length), standIn: value });
      notes.push({ offset: m.index, message: `${describePlaceholder(placeholder)} is not configured; parsed as the identifier ${trimTrailing(value, "_")}` });
    }
    out += text.slice(last, m.index);
    if (value.length !== m.length) edits.push({ at: out.length, newLength: value.length, from: m.index, oldLength: m.length });
    out += value;
    last = m.index + m.length;
  }
  out += text.slice(last);
  return { text: out, edits };
}
function preprocess(text, placeholders = {}, goTemplates = false, envsub = false) {
  const notes = [];
  const metaCommands2 = [];
  const clean = blankMetaCommands(sanitize(text, notes), notes, metaCommands2);
  const unknownPlaceholders = [];
  const { text: substituted, edits } = substitutePlaceholders(clean, placeholders, notes, goTemplates, unknownPlaceholders, envsub);
  notes.sort((a, b) => a.offset - b.offset);
  return { text: substituted, map: new OffsetMap(edits), notes, metaCommands: metaCommands2, unknownPlaceholders };
}
function placeholderStandIns(placeholders) {
  const byStandIn = /* @__PURE__ */ new Map();
  for (const p of placeholders) if (!byStandIn.has(p.standIn)) byStandIn.set(p.standIn, p.written);
  const escaped = [...byStandIn.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const alternatives = escaped.join("|");
  const whole = new RegExp(`(?<![A-Za-z0-9_$])(${alternatives})(?![A-Za-z0-9_$])`, "g");
  const starting = new RegExp(`(?<![A-Za-z0-9_$])(${alternatives})`, "g");
  const anywhere = new RegExp(alternatives);
  const put = (m) => byStandIn.get(m) ?? m;
  return {
    restore(text, otherwise) {
      if (byStandIn.size === 0 || !anywhere.test(text)) return text;
      const restored = text.replace(whole, put);
      return otherwise !== void 0 && anywhere.test(restored) ? otherwise : restored;
    },
    /**
     * Also where a stand-in starts a longer name (`"table____vr_idx"` from Flyway's
     * `"${table}_vr_idx"`, which the runner fills in as text): the plan's SQL, run as printed.
     */
    restoreInNames(text) {
      if (byStandIn.size === 0 || !anywhere.test(text)) return text;
      return text.replace(starting, put);
    }
  };
}

// src/parse/newer-syntax.ts
var NEWER_COMMANDS = {
  REPACK: 19
};
var PARSER_PG_VERSION = 18;
function newerSyntaxMessage(text, offset, message, statementStart) {
  if (!statementStart || !/^syntax error at or near /.test(message)) return void 0;
  const word = /^[A-Za-z_]+/.exec(text.slice(offset))?.[0]?.toUpperCase();
  const since = word ? NEWER_COMMANDS[word] : void 0;
  if (!word || since === void 0) return void 0;
  return `${word} (PostgreSQL ${since}) is not supported by this parser version (PostgreSQL ${PARSER_PG_VERSION} grammar): the statement is valid SQL for PostgreSQL ${since}+ but could not be checked; review it by hand`;
}

// src/parse/parse-source.ts
var NO_COMMENTS = Object.freeze([]);
function endWithoutTrailingComments(text, start, end) {
  const slice = text.slice(start, end);
  if (slice.length > 1e6 || !(slice.includes("--") || slice.includes("/*"))) return end;
  const scanned = scanSql(slice);
  if (!scanned.ok) return end;
  const last = [...scanned.value].reverse().find((t) => t.tokenName !== "SQL_COMMENT" && t.tokenName !== "C_COMMENT");
  if (last === void 0) return end;
  return start + new ByteOffsets(slice).toUnit(last.end);
}
function describe(e) {
  const text = e instanceof Error ? e.message : String(e);
  return text.split("\n")[0].slice(0, 300);
}
function parseSource(src, opts = {}, sink = (s) => s) {
  const path = src.path;
  const result = { path, statements: [], errors: [], notes: [] };
  if (!parserReady()) {
    result.errors.push({ path, line: 1, column: 1, message: "internal error: the SQL parser was not loaded (initParser() must be awaited first)" });
    return result;
  }
  const original = typeof src.text === "string" ? src.text : "";
  let prefetch = null;
  try {
    const lines = new LineIndex(original);
    const pre = preprocess(original, opts.placeholders ?? {}, opts.goTemplates === true, opts.envsub === true);
    const where = (offset) => lines.position(pre.map.toOriginal(offset));
    const note = (offset, message) => ({ path, ...where(offset), message });
    for (const n of pre.notes) result.notes.push({ path, ...lines.position(n.offset), message: n.message });
    const text = pre.text;
    const deep = tooDeepComments(text);
    if (deep !== -1) {
      result.errors.push({ path, ...where(deep), message: `comments nested more than ${MAX_COMMENT_DEPTH} levels deep; the file is not parsed` });
      return result;
    }
    const errors = [];
    let previousEnd = 0;
    const wanted = opts.parseAhead;
    prefetch = wanted === true ? startPrefetch(text) : wanted ? startPrefetch(text, wanted.worker) : null;
    const ahead = prefetch;
    const parse = ahead ? (from, to) => ahead.take(from, to) ?? parseSql(text.slice(from, to)) : void 0;
    for (const range of statementRanges(text, errors, parse)) {
      const gap = readGap(text, previousEnd, range.start);
      const lead = readGap(text, range.start, range.end);
      const first = lead.next;
      let end = trimEnd(text, first, range.end);
      if (range.open) end = trimEnd(text, first, endWithoutTrailingComments(text, first, end));
      previousEnd = range.end;
      const statementText = text.slice(first, end);
      const parentIndex = result.statements.length;
      const at = where(first);
      holdYoungGeneration();
      result.statements.push(sink({
        index: parentIndex,
        path,
        line: at.line,
        column: at.column,
        start: pre.map.toOriginal(first),
        end: pre.map.toOriginal(end),
        text: statementText,
        ast: range.ast,
        comments: gap.comments.length + lead.comments.length === 0 ? NO_COMMENTS : [...gap.comments, ...lead.comments]
      }));
      const inner = innerStatementsSafely(statementText, first, range.ast);
      if (inner === void 0) continue;
      for (const n of inner.notes) result.notes.push(note(n.offset, n.message));
      for (const s of inner.statements) {
        const place = where(s.start);
        const nested = {
          index: result.statements.length,
          path,
          line: place.line,
          column: place.column,
          start: pre.map.toOriginal(s.start),
          end: pre.map.toOriginal(s.end),
          text: s.text,
          ast: s.ast,
          comments: NO_COMMENTS,
          nestedIn: { statement: parentIndex, kind: inner.kind }
        };
        result.statements.push(sink(nested));
      }
    }
    const located = errors.map((e) => ({
      offset: e.offset,
      error: { path, ...where(e.offset), message: newerSyntaxMessage(text, e.offset, e.message, atStatementStart(text, e.offset)) ?? e.message }
    }));
    for (const l of located.sort((a, b) => a.offset - b.offset)) result.errors.push(l.error);
    result.notes.sort((a, b) => a.line - b.line || a.column - b.column);
    if (pre.metaCommands.length > 0) result.metaCommands = metaCommands(pre.metaCommands, result.statements, lines);
    if (pre.unknownPlaceholders.length > 0) result.unknownPlaceholders = pre.unknownPlaceholders.map((u) => ({ ...lines.position(u.offset), kind: u.kind, name: u.name, shown: u.shown, written: u.written, standIn: u.standIn }));
  } catch (e) {
    result.errors.push({ path, line: 1, column: 1, message: `internal error while parsing: ${describe(e)}` });
  } finally {
    prefetch?.stop();
  }
  return result;
}
var META_NAME = /^\\([A-Za-z_]+|[^A-Za-z_\s])/;
function metaCommands(found, statements, lines) {
  const top = statements.filter((s) => !s.nestedIn);
  let next = 0;
  return found.map(({ offset, command, sends }) => {
    const name = META_NAME.exec(command)?.[1] ?? "";
    const meta = { ...lines.position(offset), name, argument: command.slice(name.length + 1).trim() };
    while (next < top.length && top[next].end <= offset) next++;
    const sent = top[next - 1];
    if (sends && sent) meta.sends = sent.text;
    return meta;
  });
}
function innerStatementsSafely(text, start, ast) {
  try {
    return innerStatements(text, start, ast);
  } catch (e) {
    return { kind: "DoStmt" in ast ? "do-block" : "function-body", statements: [], notes: [{ offset: start, message: `did not look inside the PL/pgSQL body: ${describe(e)}` }] };
  }
}
function atStatementStart(text, offset) {
  const previous = text.lastIndexOf(";", offset - 1);
  return readGap(text, previous + 1, offset).next >= offset;
}
async function topLevelStatements(path, text) {
  await initParser();
  return parseSource({ path, text }).statements.filter((s) => !s.nestedIn);
}

// src/core/sql-bytes.ts
var MAX_SQL_BYTES = 64 * 1024 * 1024;
function readFailure(path, message, line = 1, column = 1) {
  return { ok: false, error: { path, line, column, message } };
}
function megabytes(n) {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
function firstInvalidByte(bytes) {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need;
    let min;
    if (b < 128) {
      i++;
      continue;
    } else if (b >= 194 && b <= 223) {
      need = 1;
      min = 128;
    } else if (b >= 224 && b <= 239) {
      need = 2;
      min = 2048;
    } else if (b >= 240 && b <= 244) {
      need = 3;
      min = 65536;
    } else return i;
    let cp = b & 63 >> need;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === void 0 || (c & 192) !== 128) return i;
      cp = cp << 6 | c & 63;
    }
    if (cp < min || cp > 1114111 || cp >= 55296 && cp <= 57343) return i;
    i += need + 1;
  }
  return -1;
}
function placeOfByte(bytes, offset) {
  const before = new TextDecoder("utf-8").decode(bytes.subarray(0, offset));
  const lineStart = before.lastIndexOf("\n") + 1;
  let line = 1;
  for (let i = before.indexOf("\n"); i !== -1; i = before.indexOf("\n", i + 1)) line++;
  return { line, column: [...before.slice(lineStart)].length + 1 };
}
function decodeSql(bytes, displayPath) {
  if (bytes.length > MAX_SQL_BYTES) {
    return readFailure(displayPath, `file is too large to parse (${megabytes(bytes.length)}; the limit is ${megabytes(MAX_SQL_BYTES)})`);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, column } = placeOfByte(bytes, nul);
    return readFailure(displayPath, "binary file (contains NUL bytes), not SQL text", line, column);
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    const bad = Math.max(0, firstInvalidByte(bytes));
    const { line, column } = placeOfByte(bytes, bad);
    const hex = bytes[bad]?.toString(16).padStart(2, "0") ?? "??";
    return readFailure(displayPath, `file is not valid UTF-8: invalid byte 0x${hex} at line ${line}, column ${column}`, line, column);
  }
}

// src/analyze/rule-helpers.ts
var import_quotes = __toESM(require_quotes(), 1);

// src/parse/deparse.ts
import { createRequire } from "node:module";
var deparser;
function deparseSync(node, opts) {
  deparser ??= createRequire(import.meta.url)("pgsql-deparser");
  return deparser.deparseSync(node, opts);
}

// src/core/object-name.ts
var MAX_IDENT_BYTES = 63;
function truncateBytes(s, bytes) {
  const chars = [...s];
  while (Buffer.byteLength(chars.join(""), "utf8") > bytes) chars.pop();
  return chars.join("");
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

// src/analyze/state.ts
var KEY_NAME = /_pkey\d*$/;
function primaryKeyName(state, table) {
  const dot = table.lastIndexOf(".");
  const schema = table.slice(0, dot);
  const relname = table.slice(dot + 1);
  for (let pass = 0; ; pass++) {
    const name = makeObjectName(relname, void 0, pass === 0 ? "pkey" : `pkey${pass}`);
    const q = `${schema}.${name}`;
    const taken = (state.keyNames?.get(q) ?? 0) > 0 || state.facts.indexTables?.has(q) === true || state.views?.has(q) === true || state.newTables.has(q) || state.constraintsByTable.has(q);
    if (!taken) return name;
  }
}
function constraintsOn(state, table) {
  return state.constraintsByTable.get(table)?.values() ?? [];
}
function constraintNamed(state, table, name) {
  return state.constraintsByTable.get(table)?.get(name);
}
function sharedName(state, name) {
  const known = state.names.get(name);
  if (known !== void 0) return known;
  const flat = flattened(name);
  state.names.set(flat, flat);
  return flat;
}
var FileSteps = class {
  count = 0;
  statements = [];
  /** Every step's operations, in order; step i's end at `ends[i]`, its start at `ends[i - 1]` (0 for the first). */
  operations = [];
  ends = new Int32Array(64);
  txIds = new Float64Array(64);
  /** IN_TRANSACTION | LOCK_TIMEOUT | STATEMENT_TIMEOUT. */
  flags = new Uint8Array(64);
  get length() {
    return this.count;
  }
  push(step) {
    const i = this.count;
    if (i === this.ends.length) {
      const grow = (a) => {
        const b = new a.constructor(a.length * 2);
        b.set(a);
        return b;
      };
      this.ends = grow(this.ends);
      this.txIds = grow(this.txIds);
      this.flags = grow(this.flags);
    }
    this.statements.push(step.statement);
    for (const o of step.operations) this.operations.push(o);
    this.ends[i] = this.operations.length;
    this.txIds[i] = step.txId;
    this.flags[i] = (step.inTransaction ? IN_TRANSACTION : 0) | (step.lockTimeout ? LOCK_TIMEOUT : 0) | (step.statementTimeout ? STATEMENT_TIMEOUT : 0);
    this.count++;
  }
  /** The step at `i` (negative: from the end, as Array.prototype.at); undefined outside. */
  at(i) {
    if (i < 0) i += this.count;
    if (i < 0 || i >= this.count) return void 0;
    const flags = this.flags[i];
    return {
      statement: this.statements[i],
      operations: this.operations.slice(i === 0 ? 0 : this.ends[i - 1], this.ends[i]),
      txId: this.txIds[i],
      inTransaction: (flags & IN_TRANSACTION) !== 0,
      lockTimeout: (flags & LOCK_TIMEOUT) !== 0,
      statementTimeout: (flags & STATEMENT_TIMEOUT) !== 0
    };
  }
  /** Step `i`'s statement, without making the step. */
  statementAt(i) {
    return i >= 0 && i < this.count ? this.statements[i] : void 0;
  }
  /** The transaction step `i` ran in, without making the step (transactionSummary walks back by it). */
  txIdAt(i) {
    return this.txIds[i];
  }
  /** Whether some step from `from` on passes `test`, in order. */
  some(test, from = 0) {
    for (let i = Math.max(0, from); i < this.count; i++) if (test(this.at(i))) return true;
    return false;
  }
  /** The first step that passes `test`. */
  find(test) {
    for (let i = 0; i < this.count; i++) {
      const step = this.at(i);
      if (test(step)) return step;
    }
    return void 0;
  }
  *[Symbol.iterator]() {
    for (let i = 0; i < this.count; i++) yield this.at(i);
  }
};
var IN_TRANSACTION = 1;
var LOCK_TIMEOUT = 2;
var STATEMENT_TIMEOUT = 4;

// src/analyze/rule-helpers.ts
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
function sqlOf(node) {
  if (!node) return void 0;
  const key = shapeKey(node);
  const known = printed.get(key);
  if (known !== void 0 || printed.has(key)) return known;
  let sql;
  try {
    sql = deparseSync(node, { pretty: false }).trim();
  } catch {
    sql = void 0;
  }
  if (key.length <= PRINTED_KEY_MAX) {
    if (printed.size >= PRINTED_MAX) printed.clear();
    printed.set(key, sql);
  }
  return sql;
}
var printed = /* @__PURE__ */ new Map();
var PRINTED_MAX = 2048;
var PRINTED_KEY_MAX = 2048;
function shapeKey(node) {
  return JSON.stringify(node).replace(LOCATION, "");
}
var LOCATION = /"location":-?\d+/g;
function ident(name) {
  return name === "" ? '""' : import_quotes.QuoteUtils.quoteIdentifier(name);
}
function tableRef(qualified) {
  if (!qualified) return "<table>";
  const [schema, ...rest] = qualified.split(".");
  const name = rest.join(".");
  return schema === "public" ? ident(name) : `${ident(schema ?? "")}.${ident(name)}`;
}
function earlierStepPasses(test) {
  const passed = /* @__PURE__ */ new WeakMap();
  return (state) => {
    const steps = state.earlierInFile;
    if (!steps) return false;
    const last = passed.get(steps);
    if (last !== void 0 && last < steps.length && test(steps.at(last), state)) return true;
    for (let i = 0; i < steps.length; i++) {
      if (test(steps.at(i), state)) {
        passed.set(steps, i);
        return true;
      }
    }
    return false;
  };
}
function transactionSummary(start, add) {
  const memo = /* @__PURE__ */ new WeakMap();
  const none = new FileSteps();
  return (state) => {
    const steps = state.earlierInFile ?? none;
    let m = memo.get(steps);
    if (!m || m.txId !== state.tx.id || m.seen > steps.length) {
      let first = steps.length;
      while (first > 0 && steps.txIdAt(first - 1) === state.tx.id) first--;
      m = { txId: state.tx.id, seen: first, summary: start() };
      memo.set(steps, m);
    }
    for (; m.seen < steps.length; m.seen++) {
      const step = steps.at(m.seen);
      if (step.inTransaction && step.txId === state.tx.id) add(m.summary, step);
    }
    return m.summary;
  };
}

// src/analyze/serial-types.ts
var SMALL = { internal: "int2", sql: "smallint" };
var REGULAR = { internal: "int4", sql: "integer" };
var BIG = { internal: "int8", sql: "bigint" };
var SERIALS = /* @__PURE__ */ new Map([
  ["smallserial", SMALL],
  ["serial2", SMALL],
  ["serial", REGULAR],
  ["serial4", REGULAR],
  ["bigserial", BIG],
  ["serial8", BIG]
]);
function serialType(name) {
  return name === void 0 ? void 0 : SERIALS.get(name);
}

// src/analyze/column-type.ts
function declaredType(t) {
  const names = stringList(t.names);
  const real = names.length === 1 ? serialType(names[0])?.internal : void 0;
  return real ? { ...t, names: [{ String: { sval: "pg_catalog" } }, { String: { sval: real } }] } : t;
}
function columnDefs(v) {
  return (v.tableElts ?? []).map((e) => as(e, "ColumnDef")).filter((d) => !!d);
}
var DECIDING = /* @__PURE__ */ new Set(["RenameStmt", "CreateStmt", "AlterTableStmt"]);
var decidingCache = /* @__PURE__ */ new WeakMap();
function decidingStatements(statements) {
  let found = decidingCache.get(statements);
  if (!found) {
    found = [];
    for (const s of statements) {
      const tag = s.nestedIn ? void 0 : nodeTag(s.ast);
      if (tag && DECIDING.has(tag[0])) found.push({ index: s.index, tag });
    }
    decidingCache.set(statements, found);
  }
  return found;
}
function columnTypeSource(statements, index, table, column) {
  let t = table;
  let c = column;
  const deciding = decidingStatements(statements);
  for (let i = deciding.length - 1; i >= 0; i--) {
    const { index: at, tag } = deciding[i];
    if (at >= index) continue;
    if (tag[0] === "RenameStmt") {
      const r = tag[1];
      const rel = relationName(r.relation);
      if (r.renameType === "OBJECT_COLUMN" && rel === t && r.newname === c && r.subname) c = r.subname;
      else if (r.renameType === "OBJECT_TABLE" && r.relation?.relname && r.newname && `${r.relation.schemaname ?? "public"}.${r.newname}` === t) t = rel;
      continue;
    }
    if (tag[0] === "CreateStmt") {
      const v2 = tag[1];
      if (relationName(v2.relation) !== t) continue;
      const def = columnDefs(v2).find((d) => d.colname === c);
      return def?.typeName ? { typeName: declaredType(def.typeName) } : void 0;
    }
    if (tag[0] !== "AlterTableStmt") continue;
    const v = tag[1];
    if (relationName(v.relation) !== t) continue;
    for (const cmdNode of [...v.cmds ?? []].reverse()) {
      const cmd = as(cmdNode, "AlterTableCmd");
      const def = as(cmd?.def, "ColumnDef");
      if (cmd?.subtype === "AT_AddColumn" && def?.colname === c) return def.typeName ? { typeName: declaredType(def.typeName) } : void 0;
      if (cmd?.subtype === "AT_AlterColumnType" && cmd.name === c) return def?.typeName ? { typeName: def.typeName } : void 0;
      if (cmd?.subtype === "AT_DropColumn" && cmd.name === c) return void 0;
    }
  }
  return { table: t, column: c };
}
var NO_IDENTITY_EQUALITY = /* @__PURE__ */ new Set(["json", "xml", "point", "line", "lseg", "box", "path", "polygon", "circle"]);
function baseName(type) {
  const name = type.replace(/(\[\])+$/, "").replace(/\(.*$/, "").trim();
  return name.slice(name.lastIndexOf(".") + 1).replace(/^"|"$/g, "").toLowerCase();
}
function pendingComparison(sets) {
  const sides = sets.map(({ column, value, type, untyped }) => {
    if (!type) return { col: column, value };
    const cast = `CAST(${value} AS ${type})`;
    if (NO_IDENTITY_EQUALITY.has(baseName(type))) return { col: `${column}::text`, value: `${cast}::text` };
    return { col: column, value: untyped ? value : cast };
  });
  return sides.length === 1 ? `${sides[0].col} IS DISTINCT FROM ${sides[0].value}` : `(${sides.map((s) => s.col).join(", ")}) IS DISTINCT FROM (${sides.map((s) => s.value).join(", ")})`;
}
function isUntypedLiteral(node) {
  const c = as(node, "A_Const");
  return !!c && (c.sval !== void 0 || c.isnull === true);
}

export {
  decodeSql,
  trimTrailing,
  byCodeUnit,
  flattened,
  escapeRegExp,
  holdYoungGeneration,
  dynamicExecutes,
  describePlaceholder,
  placeholderStandIns,
  parseSource,
  topLevelStatements,
  deparseSync,
  makeObjectName,
  KEY_NAME,
  primaryKeyName,
  constraintsOn,
  constraintNamed,
  sharedName,
  FileSteps,
  stmtNode,
  stmtTag,
  alterCmds,
  onExistingTable,
  describeLock,
  sqlOf,
  ident,
  tableRef,
  earlierStepPasses,
  transactionSummary,
  serialType,
  declaredType,
  columnTypeSource,
  pendingComparison,
  isUntypedLiteral
};
