import type { DropStmt, Node, TypeName } from '@pgsql/types';
import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { as, qualifiedFromList } from '../src/analyze/ast.js';
import { stmtNode } from '../src/analyze/rule-helpers.js';
import type { AnalysisState } from '../src/analyze/state.js';
import { executesNow } from './_statement.js';

/** `public.mood` / `"Mood"` / `mood[]` -> `mood`: the bare, unquoted, lower-case type name. */
function bare(name: string): string {
  const base = name.replace(/\[\]$/g, '').split('(', 1)[0]!;
  return base.slice(base.lastIndexOf('.') + 1).replace(/"/g, '').toLowerCase();
}

/** The known columns whose type (or array element type) is `type`. */
function columnsOfType(state: Readonly<AnalysisState>, type: string): string[] {
  const want = bare(type);
  const out: string[] = [];
  for (const [column, text] of state.facts.columnTypes) if (bare(text.replace(/\[\]/g, '')) === want) out.push(column);
  return out;
}

export const rule: Rule = {
  id: 'drop-type-cascade',
  risk: 'DANGEROUS',
  title: 'DROP TYPE or DOMAIN ... CASCADE drops every column of that type, with its data',
  docs: {
    why:
      'Without CASCADE, DROP TYPE and DROP DOMAIN fail while a column still uses the type, which is the safe outcome. With CASCADE, PostgreSQL drops every such column from its table instead ("drop cascades to column m of table t", tested on PostgreSQL 15), with its data, and a rollback cannot bring the values back. The usual enum swap (retype every column to the new enum, then drop the old one) is safe only if no column was missed: CASCADE turns a missed column into lost data instead of an error. A column the history shows with the type makes this DANGEROUS; when the history shows no column of a type it does not know either, the finding is CAUTION; a type the history knows that no known column uses is not reported.',
    lock: 'ACCESS EXCLUSIVE on every table that loses a column.',
    instead: 'Retype or drop the columns explicitly in reviewed statements first, then DROP TYPE without CASCADE, so PostgreSQL refuses if a column still uses it.',
    bad: 'DROP TYPE mood CASCADE;',
    good: 'DROP TYPE mood;',
  },
  statements: ['DropStmt'],
  check({ statement, state }) {
    const d = stmtNode<DropStmt>(statement, 'DropStmt');
    if (!executesNow(statement) || !d || d.behavior !== 'DROP_CASCADE' || (d.removeType !== 'OBJECT_TYPE' && d.removeType !== 'OBJECT_DOMAIN')) return [];
    const hits: RuleHit[] = [];
    const what = d.removeType === 'OBJECT_DOMAIN' ? 'DOMAIN' : 'TYPE';
    for (const o of d.objects ?? []) {
      const name = qualifiedFromList(as<TypeName>(o, 'TypeName')?.names ?? as<{ items?: Node[] }>(o, 'List')?.items);
      if (!name || state.newTypes.has(name)) continue;
      const columns = columnsOfType(state, name);
      if (columns.length > 0) {
        hits.push({
          message: `DROP ${what} ${name} CASCADE drops ${columns.length === 1 ? 'the column' : 'the columns'} ${columns.join(', ')} (of that type in the history), with ${columns.length === 1 ? 'its' : 'their'} data, for good`,
          suggestion: `-- retype or drop ${columns.join(', ')} explicitly first, then:\nDROP ${what} ${name};`,
        });
        continue;
      }
      // The history knows the type and no column of it: nothing for CASCADE to take.
      if (state.facts.enums.has(name)) continue;
      hits.push({
        risk: 'CAUTION',
        message: `DROP ${what} ${name} CASCADE would drop every column of that type, with its data, instead of failing; the history shows none, but does not show the type either`,
        suggestion: `DROP ${what} ${name};  -- fails, rather than dropping data, if a column still uses it`,
      });
    }
    return hits;
  },
};

export default rule;
