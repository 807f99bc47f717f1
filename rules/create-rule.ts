import type { Node, RangeVar } from '@pgsql/types';
import { nodeTag, relationName } from '../src/analyze/ast.js';
import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { tableRef } from '../src/analyze/rule-helpers.js';

type Json = Record<string, unknown>;

const EVENTS: Record<string, string> = { CMD_INSERT: 'INSERT', CMD_UPDATE: 'UPDATE', CMD_DELETE: 'DELETE', CMD_SELECT: 'SELECT' };
const DESTRUCTIVE = new Set(['DeleteStmt', 'UpdateStmt', 'TruncateStmt', 'MergeStmt']);

export const rule: Rule = {
  id: 'create-rule',
  risk: 'DANGEROUS',
  title: 'CREATE RULE rewrites every later query on the table',
  docs: {
    why: 'A rule rewrites the queries that touch the table from then on, silently and for every role: `DO INSTEAD NOTHING` makes the statement do nothing and report success, and actions run in place of or beside the original one. `ON INSERT … DO INSTEAD NOTHING` throws away every row written to the table from then on while the application believes it saved them: that is data loss, DANGEROUS. So is a rule whose actions delete or update rows, which then happens on every write. Other rules are CAUTION: a view\'s INSTEAD rule is a known pattern, and `ON DELETE … DO INSTEAD NOTHING` keeps a table append-only, but every later query behaves differently from what its text says.',
    instead: 'Use a trigger, which shows in the table\'s definition and can raise an error instead of silently doing nothing; for a view, an INSTEAD OF trigger; to forbid writes, REVOKE the privilege.',
    bad: 'CREATE RULE orders_ignore AS ON INSERT TO orders DO INSTEAD NOTHING;',
    good: 'REVOKE INSERT ON orders FROM app_writer;',
  },
  statements: ['RuleStmt'],
  check({ statement }): RuleHit[] {
    const t = nodeTag(statement.ast);
    if (!t || t[0] !== 'RuleStmt') return [];
    const v = t[1] as Json;
    const table = relationName(v.relation as RangeVar | undefined);
    const on = EVENTS[String(v.event)] ?? String(v.event);
    const actions = (Array.isArray(v.actions) ? v.actions : []).map((a) => nodeTag(a as Node)?.[0]).filter((x): x is string => x !== undefined);
    const head = `rule ${String(v.rulename)} on ${tableRef(table)}`;
    if (v.instead === true && actions.length === 0) {
      if (on === 'INSERT') return [{ message: `${head} turns every INSERT into the table into nothing, reported as a success: rows the application writes from now on are thrown away`, suggestion: `-- to forbid inserts, say so with an error:\nREVOKE INSERT ON ${tableRef(table)} FROM <the writing role>;` }];
      return [{ risk: 'CAUTION', message: `${head} turns every ${on} on the table into nothing, reported as a success: the statement's text no longer says what it does` }];
    }
    const destroys = actions.filter((a) => DESTRUCTIVE.has(a));
    if (destroys.length > 0) return [{ message: `${head} runs ${destroys.map((a) => a.replace(/Stmt$/, '').toUpperCase()).join(', ')} ${v.instead === true ? 'instead of' : 'along with'} every ${on} on the table: each write from now on changes or deletes other rows` }];
    return [{ risk: 'CAUTION', message: `${head} rewrites every ${on} on the table ${v.instead === true ? 'into other statements' : 'to run more statements'}: later queries do what their text does not say` }];
  },
};

export default rule;
