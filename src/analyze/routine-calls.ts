// Which routines a statement runs, by bare lower-case name: a call anywhere in it (SELECT f(),
// CALL p(), an UPDATE ... SET x = f(); also a DEFAULT f() or a view's f(), read as running then:
// the cautious side), and the function a trigger or event trigger it creates will run. A routine's body is analysed as code that runs later; once the migration
// runs the routine, its statements run now (analyze.ts replays them there).
import type { Node } from '@pgsql/types';
import { routineBodyTokens } from '../parse/body-tokens.js';
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
 * parsing it (every file of every set is read so, before any is analysed). Comments and quoted
 * strings are passed over: a pull request could otherwise make any call look known with
 * `-- CREATE FUNCTION f` or `SELECT 'CREATE FUNCTION f'`. So is EXECUTE 'CREATE FUNCTION ...' (a
 * call of such a routine stays reported: the cautious side). Dollar-quoted text is read, as
 * routine bodies and DO blocks that create routines are written in it.
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

/** Quoted strings in routineBodyTokens' output (E'...' escapes with a backslash, others by doubling the quote). */
const STRINGS = /[eE]'(?:[^'\\]|''|\\.)*'|'(?:[^']|'')*'/g;

/** The text as code: comments gone (routineBodyTokens, the parse stage's reading of a body), strings blanked. */
function codeOf(text: string): string {
  return routineBodyTokens(text).replace(STRINGS, "''");
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
