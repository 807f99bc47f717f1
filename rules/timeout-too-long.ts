import type { VariableSetStmt } from '@pgsql/types';
import type { Rule } from '../src/analyze/rule.js';
import { stmtNode } from '../src/analyze/rule-helpers.js';
import { durationMs, settingText } from './_settings.js';
import { executesNow } from './_statement.js';

/** Past this, a DDL waiting for its lock queues traffic for longer than users tolerate. */
const MAX_LOCK_TIMEOUT_MS = 10_000;

export const rule: Rule = {
  id: 'timeout-too-long',
  risk: 'CAUTION',
  title: 'A lock_timeout so long that it no longer protects the table',
  docs: {
    why:
      'lock_timeout exists so that a DDL stuck behind a long query gives up quickly: while it waits for its lock, every other query on the table queues behind it. A limit of minutes (lock_timeout = \'5min\') lets that queue grow for minutes, which for a busy table is an outage, so it gives almost none of the protection it seems to. Anything over 10 seconds is reported.',
    policy: 'On by default, at CAUTION: a minutes-long lock_timeout is written to look safe and is not; the 10-second threshold is where a queued table becomes user-visible for a web application. Turn it off or lower it to SAFE in the config if long lock waits are acceptable for you.',
    instead: "Keep lock_timeout to a few seconds (`SET lock_timeout = '5s';`) and retry the migration on timeout, ideally with a backoff; a long statement_timeout is fine, it limits the work, not the wait.",
    bad: "SET lock_timeout = '5min';\nALTER TABLE orders ADD COLUMN note text;",
    good: "SET lock_timeout = '5s';\nALTER TABLE orders ADD COLUMN note text;",
    equivalents: { pgfence: 'SET lock_timeout' },
  },
  statements: ['VariableSetStmt'],
  check({ statement }) {
    const set = stmtNode<VariableSetStmt>(statement, 'VariableSetStmt');
    if (!set || !executesNow(statement) || set.kind !== 'VAR_SET_VALUE' || set.name?.toLowerCase() !== 'lock_timeout') return [];
    const text = settingText(set);
    const ms = durationMs(text);
    if (ms === undefined || ms <= MAX_LOCK_TIMEOUT_MS) return [];
    return [{
      message: `lock_timeout = ${text}: while this migration waits that long for a lock, every query on the table queues behind it; over ${MAX_LOCK_TIMEOUT_MS / 1000}s the timeout no longer prevents an outage`,
      suggestion: `SET ${set.is_local ? 'LOCAL ' : ''}lock_timeout = '5s';  -- and retry the migration on timeout`,
    }];
  },
};

export default rule;
