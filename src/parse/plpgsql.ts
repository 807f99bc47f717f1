// Finds the static SQL inside DO blocks and PL/pgSQL function bodies, so that an
// `ALTER TABLE` hidden in a DO block is analysed like any other. Dynamic SQL (EXECUTE of a
// concatenation or format()) cannot be known before it runs and is not followed; EXECUTE of a
// single string literal is.
import type { Node } from '@pgsql/types';
import { escapeRegExp } from '../core/strings.js';
import { ByteOffsets } from './positions.js';
import { trimEnd } from './trivia.js';
import { parsePlpgsql, parseSql, type Outcome, type PlpgsqlResult } from './wasm.js';

export type BodyKind = 'do-block' | 'function-body';

export interface InnerStatement {
  /** Offsets in the text the parent statement came from. */
  start: number;
  end: number;
  text: string;
  ast: Node;
}

export interface BodyResult {
  kind: BodyKind;
  statements: InnerStatement[];
  /** Why (part of) the body was not looked into, with the offset the remark is about. */
  notes: Array<{ offset: number; message: string }>;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function defElems(list: unknown): Json[] {
  if (!Array.isArray(list)) return [];
  return list.map((n) => (isObject(n) && isObject(n.DefElem) ? n.DefElem : undefined)).filter((d): d is Json => d !== undefined);
}

function stringValue(node: unknown): string | undefined {
  if (isObject(node) && isObject(node.String) && typeof node.String.sval === 'string') return node.String.sval;
  return undefined;
}

/** The PL/pgSQL body of a DO block or plpgsql routine, or undefined for anything else. */
export function plpgsqlBody(ast: Node): { kind: BodyKind; body: string } | undefined {
  const node = ast as unknown as Json;
  if (isObject(node.DoStmt)) {
    const args = defElems(node.DoStmt.args);
    const language = stringValue(args.find((d) => d.defname === 'language')?.arg) ?? 'plpgsql';
    const body = stringValue(args.find((d) => d.defname === 'as')?.arg);
    if (language.toLowerCase() !== 'plpgsql' || body === undefined) return undefined;
    return { kind: 'do-block', body };
  }
  const fn = routineBody(ast);
  return fn?.language === 'plpgsql' ? { kind: 'function-body', body: fn.body } : undefined;
}

/** A CREATE FUNCTION / PROCEDURE's language (lower-case) and its body written as a string (`AS $$ ... $$`). */
function routineBody(ast: Node): { language: string | undefined; body: string } | undefined {
  const create = (ast as unknown as Json).CreateFunctionStmt;
  if (!isObject(create)) return undefined;
  const options = defElems(create.options);
  const language = stringValue(options.find((d) => d.defname === 'language')?.arg)?.toLowerCase();
  const as = options.find((d) => d.defname === 'as')?.arg;
  const items = isObject(as) && isObject(as.List) && Array.isArray(as.List.items) ? as.List.items : [];
  const body = stringValue(items[0]);
  return body === undefined ? undefined : { language, body };
}

/** The body of a LANGUAGE sql routine written as a string, or undefined. */
function sqlFunctionBody(ast: Node): string | undefined {
  const fn = routineBody(ast);
  return fn?.language === 'sql' ? fn.body : undefined;
}

/** The statements of a LANGUAGE sql body: they run when the routine is called. */
function sqlInnerStatements(statementText: string, statementStart: number, body: string): BodyResult {
  const result: BodyResult = { kind: 'function-body', statements: [], notes: [] };
  const parsed = parseSql(body);
  if (!parsed.ok) {
    result.notes.push({ offset: statementStart, message: `did not look inside the SQL function body: ${parsed.message}` });
    return result;
  }
  // Offsets carry over to the file when the body is found as written (a $$-quoted one is); in a
  // '...' body with doubled quotes each statement is looked for by its first word.
  const bodyAt = body === '' ? -1 : statementText.indexOf(body);
  const bytes = new ByteOffsets(body);
  let cursor = 0;
  for (const raw of parsed.value.stmts ?? []) {
    if (raw.stmt === undefined) continue;
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

interface Found {
  lineno: number;
  /** The SQL as PL/pgSQL holds it (an INTO clause is blanked to spaces, keeping its length). */
  query: string;
  /** For EXECUTE '<literal>': the literal as written in the body. */
  literal?: string;
  /** For an expression run as `SELECT <expression>`: the expression as written in the body. */
  expression?: string;
}

/** Walks the PL/pgSQL tree in document order without recursion (bodies can nest deeply). */
function collect(tree: unknown): Found[] {
  const found: Found[] = [];
  const stack: unknown[] = [tree];
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
      if (query !== undefined) found.push({ lineno: Number(exec.lineno) || 1, query });
      continue;
    }
    if (isObject(dyn)) {
      const raw = exprQuery(dyn.query);
      const value = raw === undefined ? undefined : literalValue(raw);
      if (raw !== undefined && value !== undefined) found.push({ lineno: Number(dyn.lineno) || 1, query: value, literal: raw });
      continue;
    }
    // PERFORM <expression> is held as `SELECT <expression>`: found in the body by the expression.
    const perform = v.PLpgSQL_stmt_perform;
    if (isObject(perform)) {
      const query = exprQuery(perform.expr);
      if (query !== undefined && /^SELECT\s/.test(query)) found.push({ lineno: Number(perform.lineno) || 1, query, expression: query.slice('SELECT '.length).trim() });
      continue;
    }
    // Every other query or expression runs too: FOR ... IN <query>, RETURN QUERY, an
    // assignment, an IF or WHILE condition, a RAISE argument. What they can do is call routines
    // (`PERFORM wipe()`, `x := wipe()`), so each that calls anything is one SELECT of its own.
    const lineno = Number(v.lineno) || undefined;
    for (const [key, value] of Object.entries(v)) {
      if (key === 'datums') continue;
      for (const e of Array.isArray(value) ? value : [value]) {
        const expr = isObject(e) && isObject(e.PLpgSQL_expr) ? e.PLpgSQL_expr : undefined;
        if (!expr || typeof expr.query !== 'string' || !expr.query.includes('(')) continue;
        const query = expressionQuery(expr.query, Number(expr.parseMode) || 0);
        if (query !== undefined) found.push({ lineno: lineno ?? 1, query: query.text, ...(query.expression !== undefined ? { expression: query.expression } : {}) });
      }
    }
    const keys = Object.keys(v).filter((k) => k !== 'datums');
    for (let i = keys.length - 1; i >= 0; i--) stack.push(v[keys[i]!]);
  }
  return found.map((f, i) => ({ f, i })).sort((a, b) => a.f.lineno - b.f.lineno || a.i - b.i).map(({ f }) => f);
}

/**
 * The SQL a PL/pgSQL expression runs as a statement: a query (parse mode 0) as it is, an
 * expression (a condition, a RAISE argument) or an assignment's right side (`x := f()`, modes
 * 3 to 5) as `SELECT <expression>`, with the expression as written to find it by.
 */
function expressionQuery(query: string, parseMode: number): { text: string; expression?: string } | undefined {
  if (parseMode === 0) return { text: query };
  if (parseMode === 2) return { text: `SELECT ${query}`, expression: query };
  if (parseMode >= 3 && parseMode <= 5) {
    const assign = /^[^:=]*(?::=|=)/.exec(query);
    if (!assign) return undefined;
    const expression = query.slice(assign[0].length).trim();
    return expression === '' ? undefined : { text: `SELECT ${expression}`, expression };
  }
  return undefined;
}

function exprQuery(expr: unknown): string | undefined {
  if (isObject(expr) && isObject(expr.PLpgSQL_expr) && typeof expr.PLpgSQL_expr.query === 'string') return expr.PLpgSQL_expr.query;
  return undefined;
}

/** The value of `raw` when it is exactly one string literal ('...', E'...', $$...$$). */
function literalValue(raw: string): string | undefined {
  const parsed = parseSql(`SELECT ${raw}`);
  if (!parsed.ok || parsed.value.stmts?.length !== 1) return undefined;
  const select = (parsed.value.stmts[0]?.stmt as unknown as Json | undefined)?.SelectStmt;
  if (!isObject(select) || !Array.isArray(select.targetList) || select.targetList.length !== 1) return undefined;
  if (Object.keys(select).some((k) => !['targetList', 'limitOption', 'op'].includes(k))) return undefined;
  const target = select.targetList[0];
  const val = isObject(target) && isObject(target.ResTarget) ? target.ResTarget.val : undefined;
  const constant = isObject(val) && isObject(val.A_Const) ? val.A_Const : undefined;
  const sval = constant && isObject(constant.sval) ? constant.sval.sval : undefined;
  return typeof sval === 'string' ? sval : undefined;
}


/** `x%TYPE` and `x%ROWTYPE` with the suffix blanked (same length): parsable without a catalog. */
function withoutTypeOf(text: string): string {
  return text.replace(/%(row)?type\b/gi, (m) => ' '.repeat(m.length));
}

/** The text plpgsqlTree parsed last, when it parsed, and its tree. */
let lastTree: { text: string; tree: Outcome<PlpgsqlResult> } | undefined;

/**
 * parsePlpgsql, remembering the last body that parsed: the dynamic-sql rule reads each DO
 * block's and routine's PL/pgSQL tree as the statement is analysed, right before the parse
 * stage looks inside the same body (innerStatements), so each body is parsed once, not twice.
 * A failure is not kept: innerStatements then parses the body again with %TYPE blanked, which
 * is the text dynamicExecutes parsed. Callers only read the tree.
 */
function plpgsqlTree(text: string): Outcome<PlpgsqlResult> {
  if (lastTree !== undefined && lastTree.text === text) return lastTree.tree;
  const tree = parsePlpgsql(text);
  if (tree.ok) lastTree = { text, tree };
  return tree;
}

/** Finds where `query` starts in `body`, at or after `from`; INTO blanking can break an exact match. */
function locate(body: string, query: string, from: number): number {
  const exact = body.indexOf(query, from);
  if (exact !== -1) return exact;
  const head = /^\S{1,40}/.exec(query.trimStart())?.[0];
  if (head === undefined) return -1;
  const re = new RegExp(escapeRegExp(head), 'gi');
  re.lastIndex = from;
  return re.exec(body)?.index ?? -1;
}

/**
 * Statements inside the body of `statementText` (a DO or CREATE FUNCTION statement that
 * starts at `statementStart`). Never throws: a body that does not parse yields a note.
 */
export function innerStatements(statementText: string, statementStart: number, ast: Node): BodyResult | undefined {
  const sqlBody = sqlFunctionBody(ast);
  if (sqlBody !== undefined) return sqlInnerStatements(statementText, statementStart, sqlBody);
  const target = plpgsqlBody(ast);
  if (target === undefined) return undefined;
  const result: BodyResult = { kind: target.kind, statements: [], notes: [] };
  const what = target.kind === 'do-block' ? 'DO block' : 'function body';
  let tree = plpgsqlTree(statementText);
  if (!tree.ok && /%(row)?type\b/i.test(statementText)) {
    // `x%TYPE` needs the catalog, which this parser does not have ("Not implemented"); the
    // bare type name (same length, so lines keep their numbers) is as good for finding SQL.
    tree = plpgsqlTree(withoutTypeOf(statementText));
  }
  if (!tree.ok) {
    result.notes.push({ offset: statementStart, message: `did not look inside the PL/pgSQL ${what}: ${tree.message}` });
    return result;
  }
  const found = collect(tree.value);
  if (found.length === 0) return result;

  // Body line 1 is the line of the opening quote; PL/pgSQL line numbers count from there.
  const bodyAt = target.body === '' ? -1 : statementText.indexOf(target.body);
  const haystack = bodyAt === -1 ? statementText : target.body;
  const base = statementStart + (bodyAt === -1 ? 0 : bodyAt);
  const lineStarts = [0];
  if (bodyAt !== -1) for (let i = haystack.indexOf('\n'); i !== -1; i = haystack.indexOf('\n', i + 1)) lineStarts.push(i + 1);

  let cursor = 0;
  for (const f of found) {
    const lineStart = bodyAt === -1 ? 0 : (lineStarts[f.lineno - 1] ?? lineStarts[lineStarts.length - 1]!);
    const from = Math.max(lineStart, cursor);
    let at: number;
    if (f.literal !== undefined) {
      const literalAt = haystack.indexOf(f.literal, from);
      at = literalAt === -1 ? -1 : literalAt + literalContentOffset(f.literal);
      if (literalAt !== -1) cursor = literalAt + f.literal.length;
    } else if (f.expression !== undefined) {
      // `SELECT ` is not in the body: the statement is placed where its expression is. One that
      // is not there is PL/pgSQL's own rewrite (a CASE's WHEN as `"__Case__Variable_1__" IN (...)`).
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
      if (raw.stmt === undefined) continue;
      const s = bytes.toUnit(raw.stmt_location ?? 0);
      const e = raw.stmt_len ? bytes.toUnit((raw.stmt_location ?? 0) + raw.stmt_len) : f.query.length;
      const end = trimEnd(f.query, s, e);
      // Offsets inside the query carry over to the file when the query was found there. An
      // expression is its SELECT's tree with the text and place of the expression as written.
      if (f.expression !== undefined) {
        const start = base + anchor;
        result.statements.push({ start, end: start + (located ? f.expression.length : 0), text: f.expression, ast: raw.stmt });
        continue;
      }
      const start = base + anchor + (located ? s : 0);
      result.statements.push({ start, end: start + (end - s), text: f.query.slice(s, end), ast: raw.stmt });
    }
  }
  return result;
}

/**
 * The expressions of the EXECUTE statements in a DO block or PL/pgSQL routine that are not a
 * single string literal: SQL built at run time, which no static analysis can see. Empty for
 * anything else, or a body that does not parse.
 */
export function dynamicExecutes(statementText: string, ast: Node): Array<{ kind: BodyKind; expression: string }> {
  const target = plpgsqlBody(ast);
  // All three forms (EXECUTE, FOR ... IN EXECUTE, OPEN ... FOR EXECUTE) spell the keyword: a
  // body without the word needs no second parse of its PL/pgSQL (the parse stage did one).
  if (target === undefined || !/execute/i.test(statementText)) return [];
  const tree = plpgsqlTree(withoutTypeOf(statementText));
  if (!tree.ok) return [];
  const out: Array<{ kind: BodyKind; expression: string }> = [];
  const stack: unknown[] = [tree.value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
      continue;
    }
    if (!isObject(v)) continue;
    for (const key of ['PLpgSQL_stmt_dynexecute', 'PLpgSQL_stmt_dynfors', 'PLpgSQL_stmt_open']) {
      const dyn = v[key];
      if (!isObject(dyn)) continue;
      const raw = exprQuery(key === 'PLpgSQL_stmt_open' ? dyn.dynquery : dyn.query);
      if (raw !== undefined && literalValue(raw) === undefined) out.push({ kind: target.kind, expression: raw });
    }
    for (const [k, x] of Object.entries(v)) if (k !== 'datums' && x && typeof x === 'object') stack.push(x);
  }
  return out;
}

/** Where the string value starts inside a literal as written: after `'`, `E'` or `$tag$`. */
function literalContentOffset(literal: string): number {
  const q = literal.search(/['$]/);
  if (q === -1) return 0;
  if (literal[q] === "'") return q + 1;
  const close = literal.indexOf('$', q + 1);
  return close === -1 ? q + 1 : close + 1;
}

function firstNonSpace(text: string, from: number): number {
  const m = /\S/g;
  m.lastIndex = from;
  return m.exec(text)?.index ?? from;
}
