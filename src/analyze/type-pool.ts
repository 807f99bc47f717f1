// The type of every column the analysis learns, shared among the columns declared alike. Facts
// keep a column's type as text and as its syntax tree (to print back into SQL); a schema of 10^5
// columns declares a few dozen distinct types, and a tree per column held a fragment of each
// statement's syntax tree for the whole run (and made every young-generation collection copy it).
import type { TypeName } from '@pgsql/types';
import { typeNameText } from './ast.js';
import { declaredType } from './column-type.js';
import type { SchemaFacts } from './state.js';

/** A column type as the facts keep it: SchemaFacts.columnTypes' text and columnTypeNames' tree. */
export interface KnownType {
  text: string;
  declared: TypeName;
}

/** One pool per run's facts: nothing outlives the run, and runs share nothing. */
const pools = new WeakMap<SchemaFacts, Map<string, KnownType>>();

/**
 * The text and declared type of `t`, the same objects for every TypeName that differs from an
 * earlier one only in its places in the text (`location`, which printing the type back never
 * reads). A TypeName of any other shape than the plain one (names, modifiers that are integers,
 * array bounds) is not pooled.
 */
export function knownType(facts: SchemaFacts, t: TypeName): KnownType {
  const key = shapeKey(t);
  if (key === undefined) return { text: typeNameText(t), declared: declaredType(t) };
  let pool = pools.get(facts);
  if (!pool) pools.set(facts, (pool = new Map()));
  let known = pool.get(key);
  if (!known) pool.set(key, (known = { text: typeNameText(t), declared: declaredType(t) }));
  return known;
}

/** Everything in `t` but its locations, as one string; undefined for a TypeName of another shape. */
function shapeKey(t: TypeName): string | undefined {
  let key = '';
  const fields = t as Record<string, unknown>;
  for (const field in fields) {
    const v = fields[field];
    if (field === 'location') continue;
    if (field === 'typemod' && typeof v === 'number') key += `m${v};`;
    else if (field === 'names' && Array.isArray(v)) {
      for (const n of v) {
        const s = only(n, 'String');
        const sval = only(s, 'sval');
        if (typeof sval !== 'string') return undefined;
        key += `n${sval}\u0000`;
      }
      key += ';';
    } else if (field === 'typmods' && Array.isArray(v)) {
      for (const m of v) {
        const ival = integerOf(only(m, 'A_Const'), 'ival', 'location');
        if (ival === undefined) return undefined;
        key += `t${ival},`;
      }
      key += ';';
    } else if (field === 'arrayBounds' && Array.isArray(v)) {
      for (const b of v) {
        const ival = integerOf(b, 'Integer');
        if (ival === undefined) return undefined;
        key += `a${ival},`;
      }
      key += ';';
    } else return undefined;
  }
  return key;
}

/** `o[name]` when `o` is an object with no other field than `name` (and `also`). */
function only(o: unknown, name: string, also?: string): unknown {
  if (o === null || typeof o !== 'object') return undefined;
  for (const k in o) if (k !== name && k !== also) return undefined;
  return (o as Record<string, unknown>)[name];
}

/** The number in `{ [name]: { ival?: n } }` (Postgres leaves a zero out), or undefined for any other shape. */
function integerOf(o: unknown, name: string, also?: string): number | undefined {
  const inner = only(o, name, also);
  if (inner === null || typeof inner !== 'object') return undefined;
  const ival = (inner as { ival?: unknown }).ival;
  for (const k in inner) if (k !== 'ival') return undefined;
  if (ival === undefined) return 0;
  return typeof ival === 'number' ? ival : undefined;
}
