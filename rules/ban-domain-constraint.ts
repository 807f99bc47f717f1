import type { AlterDomainStmt, Constraint, CreateDomainStmt } from '@pgsql/types';
import type { Rule } from '../src/analyze/rule.js';
import { as, qualifiedFromList } from '../src/analyze/ast.js';
import { stmtNode } from '../src/analyze/rule-helpers.js';
import { executesNow } from './_statement.js';

export const rule: Rule = {
  id: 'ban-domain-constraint',
  risk: 'CAUTION',
  title: 'Constraints on domains are hard to change without blocking',
  docs: {
    why:
      'A constraint on a domain applies to every column of every table that uses the domain. Adding one (ALTER DOMAIN ... ADD CONSTRAINT, or SET NOT NULL) checks all those columns in all those tables in one statement, locking each table against writes while it scans; changing a domain constraint later means doing that again, with no NOT VALID / VALIDATE path as convenient as for tables (VALIDATE CONSTRAINT on a domain blocks writes while it scans), and the tables involved are not visible in the migration. Table CHECK constraints can be added NOT VALID and validated without blocking, one table at a time.',
    lock: 'ALTER DOMAIN ADD CONSTRAINT, SET NOT NULL and VALIDATE CONSTRAINT: SHARE on every table with a column of the domain (blocks writes), for the time it takes to scan them all (PostgreSQL 15: VALIDATE on a domain takes SHARE, where ALTER TABLE ... VALIDATE takes SHARE UPDATE EXCLUSIVE).',
    instead:
      'Keep domains without constraints (or avoid them) and put CHECK constraints on the table columns: `ALTER TABLE t ADD CONSTRAINT ... CHECK (...) NOT VALID;` then `ALTER TABLE t VALIDATE CONSTRAINT ...;`. On a domain already in use, add the constraint NOT VALID and validate it in a quiet period.',
    bad: "CREATE DOMAIN us_postal_code AS text CHECK (VALUE ~ '^[0-9]{5}$');",
    good: "CREATE TABLE addresses (id bigint PRIMARY KEY, postal_code text CHECK (postal_code ~ '^[0-9]{5}$'));",
    equivalents: { squawk: 'ban-create-domain-with-constraint, ban-alter-domain-with-add-constraint' },
  },
  statements: ['CreateDomainStmt', 'AlterDomainStmt'],
  check({ statement, state }) {
    if (!executesNow(statement)) return [];
    const create = stmtNode<CreateDomainStmt>(statement, 'CreateDomainStmt');
    if (create) {
      const cons = (create.constraints ?? []).map((n) => as<Constraint>(n, 'Constraint')).filter((c) => c?.contype === 'CONSTR_CHECK');
      if (cons.length === 0) return [];
      const name = qualifiedFromList(create.domainname) ?? 'the domain';
      return [{
        message: `domain ${name} has a CHECK constraint: every table that uses it gets the check, and changing it later re-checks all of them at once while blocking their writes`,
        suggestion: `CREATE DOMAIN ${name.replace(/^public\./, '')} AS <type>;  -- no constraint; put the CHECK on each table column instead (ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT)`,
      }];
    }
    const alter = stmtNode<AlterDomainStmt>(statement, 'AlterDomainStmt');
    const name = qualifiedFromList(alter?.typeName) ?? 'the domain';
    // SET NOT NULL: the same scan of every column of the domain, with no NOT VALID form.
    if (alter?.subtype === 'O' && !state.newTypes.has(name)) {
      const bare = name.replace(/^public\./, '');
      return [{
        message: `ALTER DOMAIN ${name} SET NOT NULL checks every column of every table that uses ${name} for NULLs, blocking writes to those tables while it scans them (and fails if one has a NULL)`,
        suggestion: `ALTER DOMAIN ${bare} ADD CONSTRAINT ${bare.replace(/^.*\./, '')}_not_null CHECK (VALUE IS NOT NULL) NOT VALID;\n-- then, in a quiet period: ALTER DOMAIN ${bare} VALIDATE CONSTRAINT ${bare.replace(/^.*\./, '')}_not_null;`,
      }];
    }
    // VALIDATE CONSTRAINT on a domain is no ALTER TABLE ... VALIDATE: it scans under SHARE, not SHARE UPDATE EXCLUSIVE.
    if (alter?.subtype === 'V' && !state.newTypes.has(name)) {
      return [{
        message: `ALTER DOMAIN ${name} VALIDATE CONSTRAINT ${alter.name ?? ''} scans every column of every table that uses ${name} holding a SHARE lock on each (writes wait), unlike ALTER TABLE ... VALIDATE CONSTRAINT, which lets writes go on`,
        suggestion: `${statement.text.trim().replace(/;?$/, ';')}  -- in a quiet period, with lock_timeout and statement_timeout set: it blocks writes to those tables while it scans`,
      }];
    }
    if (alter?.subtype !== 'C') return [];
    const con = as<Constraint>(alter.def, 'Constraint');
    if (con?.skip_validation || state.newTypes.has(name)) return [];
    return [{
      message: `ALTER DOMAIN ${name} ADD CONSTRAINT checks every column of every table that uses ${name}, blocking writes to those tables while it scans them`,
      suggestion: `${statement.text.trim().replace(/;?$/, '')} NOT VALID;\n-- then, in a quiet period: ALTER DOMAIN ${name.replace(/^public\./, '')} VALIDATE CONSTRAINT ${con?.conname ?? '<name>'};`,
    }];
  },
};

export default rule;
