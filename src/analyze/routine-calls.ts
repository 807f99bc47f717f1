// Which routines a statement runs, by bare lower-case name: a call anywhere in it (SELECT f(),
// CALL p(), an UPDATE ... SET x = f(); also a DEFAULT f() or a view's f(), read as running then:
// the cautious side), and the function a trigger or event trigger it creates will run. A routine's body is analysed as code that runs later; once the migration
// runs the routine, its statements run now (analyze.ts replays them there).
import type { Node } from '@pgsql/types';
import { LEAF_NODES } from './ast.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null;

/** The last part of a qualified name list (`[String schema, String name]`), lower-cased. */
function bareName(list: unknown): string | undefined {
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const last = list[list.length - 1] as Json | undefined;
  const sval = isObject(last) && isObject(last.String) ? last.String.sval : undefined;
  return typeof sval === 'string' ? sval.toLowerCase() : undefined;
}

/** The routine a CREATE FUNCTION / PROCEDURE statement defines, or undefined for any other statement. */
export function definedRoutine(ast: Node): string | undefined {
  const create = (ast as unknown as Json).CreateFunctionStmt;
  return isObject(create) ? bareName(create.funcname) : undefined;
}

// CREATE [OR REPLACE] FUNCTION|PROCEDURE [schema.]name, unquoted or quoted.
const CREATE_ROUTINE = /\bcreate\s+(?:or\s+replace\s+)?(?:function|procedure)(?:\s+|(?="))(?:(?:"[^"]+"|[A-Za-z_][\w$]*)\s*\.\s*)?("[^"]+"|[A-Za-z_][\w$]*)/gi;

/**
 * The routines a migration file creates, by bare lower-case name, read from its text without
 * parsing it (every file of every set is read so, before any is analysed). Only CREATE FUNCTION
 * and CREATE PROCEDURE written as code count (codeOf): not in comments or strings, which would
 * let a pull request make any call look known with `-- CREATE FUNCTION f`, `SELECT 'CREATE
 * FUNCTION f'` or `COMMENT ... IS $$CREATE FUNCTION f$$`. Code is the file's SQL, a DO block's
 * or a routine's body, and a constant string that EXECUTE runs as it is; EXECUTE of a string
 * built at run time (`format(...)`, `||`) creates what only running it shows (a call of such a
 * routine stays reported: the cautious side).
 */
export function routinesCreatedInText(text: string): string[] {
  const out: string[] = [];
  // Most files create no routine: only those whose raw text can are read as code.
  CREATE_ROUTINE.lastIndex = 0;
  if (!CREATE_ROUTINE.test(text)) return out;
  CREATE_ROUTINE.lastIndex = 0;
  for (const m of codeOf(text).matchAll(CREATE_ROUTINE)) out.push(m[1]!.replace(/^"|"$/g, '').toLowerCase());
  return out;
}

type Token = { kind: 'word' | 'string' | 'ident' | 'other'; text: string; value?: string };

const DOLLAR = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/;

/** `c` (a character code) in a word: a letter, digit, `_` or `$` (`digits`: a digit or `$` too). */
function wordCode(c: number, digits: boolean): boolean {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) return true;
  if (digits && ((c >= 48 && c <= 57) || c === 36)) return true;
  return c >= 128 && /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
}

/** SQL (or PL/pgSQL) as tokens, comments and white space left out; a string carries its value. */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c === 32 || (c >= 9 && c <= 13)) {
      i++;
    } else if (c === 45 && next === 45) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? n : end;
    } else if (c === 47 && next === 42) {
      let depth = 0;
      do {
        if (text.charCodeAt(i) === 47 && text.charCodeAt(i + 1) === 42) { depth++; i += 2; } else if (text.charCodeAt(i) === 42 && text.charCodeAt(i + 1) === 47) { depth--; i += 2; } else i++;
      } while (i < n && depth > 0);
    } else if (c === 39 || ((c === 101 || c === 69) && next === 39 && !(i > 0 && wordCode(text.charCodeAt(i - 1), true)))) {
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
      const value = escapes ? raw.replace(/\\(.)|''/gs, (m, e: string | undefined) => e ?? "'") : raw.replaceAll("''", "'");
      out.push({ kind: 'string', text: text.slice(i, j + 1), value });
      i = j + 1;
    } else if (c === 34) {
      const end = text.indexOf('"', i + 1);
      const stop = end < 0 ? n : end + 1;
      out.push({ kind: 'ident', text: text.slice(i, stop) });
      i = stop;
    } else if (c === 36 && !(i > 0 && wordCode(text.charCodeAt(i - 1), true)) && DOLLAR.test(text.slice(i, i + 66))) {
      const tag = DOLLAR.exec(text.slice(i, i + 66))![0];
      const end = text.indexOf(tag, i + tag.length);
      const stop = end < 0 ? n : end + tag.length;
      out.push({ kind: 'string', text: text.slice(i, stop), value: text.slice(i + tag.length, end < 0 ? n : end) });
      i = stop;
    } else if (wordCode(c, false)) {
      let j = i + 1;
      while (j < n && wordCode(text.charCodeAt(j), true)) j++;
      out.push({ kind: 'word', text: text.slice(i, j) });
      i = j;
    } else {
      out.push({ kind: 'other', text: text[i]! });
      i++;
    }
  }
  return out;
}

/**
 * The text as code, for CREATE_ROUTINE: comments gone, strings blanked, except the strings that
 * are code themselves (a DO block's body, a routine's body after AS, a constant string EXECUTE
 * runs as it is, alone up to `;`, USING or INTO), which are read as code in turn.
 */
function codeOf(text: string, depth = 0): string {
  const list = tokens(text);
  const parts: string[] = [];
  // The words of the statement so far (lower-case), to tell a routine's AS from another.
  let statement: string[] = [];
  for (let k = 0; k < list.length; k++) {
    const t = list[k]!;
    if (t.kind !== 'string') {
      parts.push(t.text);
      if (t.text === ';') statement = [];
      else if (t.kind === 'word') statement.push(t.text.toLowerCase());
      continue;
    }
    const before = list[k - 1]?.kind === 'word' ? list[k - 1]!.text.toLowerCase() : undefined;
    const twoBefore = list[k - 3]?.kind === 'word' ? list[k - 3]!.text.toLowerCase() : undefined;
    const after = list[k + 1];
    const doBody = before === 'do' || (list[k - 2]?.text.toLowerCase() === 'language' && twoBefore === 'do');
    const routineBody = before === 'as' && /^create (or replace )?(function|procedure)$/.test(statement.slice(0, statement[1] === 'or' ? 4 : 2).join(' '));
    const executed = before === 'execute' && (after === undefined || after.text === ';' || (after.kind === 'word' && ['using', 'into'].includes(after.text.toLowerCase())));
    // Nesting is bounded by the text itself; the depth only guards against a pathological file.
    parts.push((doBody || routineBody || executed) && depth < 16 ? ` ${codeOf(t.value ?? '', depth + 1)} ` : "''");
  }
  return parts.join(' ');
}

/**
 * Names of the routines the statement runs or sets up to run (`trigger`: only through a trigger
 * it creates, so they run later, on the writes that fire it), among `known` (walked only when there
 * are some: a run that has met a CREATE FUNCTION walks every later statement), skipping LEAF_NODES.
 */
export function routinesRun(ast: Node, known: { readonly size: number; has(name: string): boolean }): Array<{ name: string; trigger: boolean }> {
  if (known.size === 0) return [];
  // Name -> whether only a trigger (or event trigger) runs it; a call anywhere makes it false.
  const found = new Map<string, boolean>();
  const stack: unknown[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    if (!isObject(node)) continue;
    // Keys in their own order (for...in over the parser's plain objects), without an array of entries per node.
    for (const key in node) {
      // A function body defined here runs later (it is replayed when something runs it).
      if (key === 'CreateFunctionStmt' || LEAF_NODES.has(key)) continue;
      const value = node[key];
      if (!isObject(value)) continue;
      // CALL's `funccall` is a FuncCall without its wrapper.
      if (key === 'FuncCall' || key === 'funccall' || key === 'CreateTrigStmt' || key === 'CreateEventTrigStmt') {
        const name = bareName(value.funcname);
        const trigger = key === 'CreateTrigStmt' || key === 'CreateEventTrigStmt';
        if (name !== undefined && known.has(name)) found.set(name, trigger && (found.get(name) ?? true));
      }
      stack.push(value);
    }
  }
  return [...found].map(([name, trigger]) => ({ name, trigger }));
}
