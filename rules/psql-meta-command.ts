import type { MetaCommand } from '../src/core/types.js';
import type { Rule, RuleHit } from '../src/analyze/rule.js';

// psql meta-commands are not SQL: Postgres' parser never sees them, so the parse stage blanks
// them (with a note) and neither the rules nor the dry-run see what they do. Most are harmless
// (\set, \echo, \timing); these two kinds run something the review cannot see, so they are
// DANGEROUS: a pull request must not be able to pass the gate by moving a DROP into a file it
// includes, or by running a program on the machine that deploys.

/** `\i`, `\ir` and their long names read and run another file. */
const INCLUDES = new Set(['i', 'ir', 'include', 'include_relative']);

/** What a command runs outside the database, or null. */
function shell(m: MetaCommand): string | null {
  if (m.name === '!') return `runs the shell command ${quoted(m.argument || '(an interactive shell)')}`;
  // psql runs a backquoted span in any meta-command's argument as a shell command (\set x `cmd`).
  const backquoted = /`([^`]*)`/.exec(m.argument);
  if (backquoted) return `runs the shell command ${quoted(backquoted[1]!)} (backquotes)`;
  // \o |cmd and \w |cmd pipe output into a program; \g |cmd (also after \g's (options)) sends the query's result there.
  const target = m.argument.replace(/^\([^)]*\)\s*/, '');
  if (/^(?:o|out|w|write|g|gx)$/.test(m.name) && target.startsWith('|')) return `pipes output into the program ${quoted(target.slice(1).trim())}`;
  // \copy ... FROM/TO PROGRAM runs the program on the client.
  if (m.name === 'copy' && /\bprogram\b/i.test(m.argument)) return 'runs a program on the machine that runs the migration (\\copy ... PROGRAM)';
  return null;
}

function quoted(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return `"${one.length > 80 ? `${one.slice(0, 77)}...` : one}"`;
}

export const rule: Rule = {
  id: 'psql-meta-command',
  risk: 'DANGEROUS',
  title: 'A psql meta-command runs a file or a program the review cannot see',
  docs: {
    why:
      'Migrations run by psql (Sqitch, plain scripts) may contain meta-commands, lines starting with a backslash that psql carries out itself. `\\i file` and `\\ir file` (`\\include`, `\\include_relative`) read another file and run its SQL: the rules, the rollback check and the dry-run see only the `\\ir` line, not the ALTER TABLE or DROP in the file it names, and a reviewer reading the diff may not open it. `\\!` and a backquoted span in any meta-command (`\\set v `cmd``) run a shell command, and `\\o |cmd`, `\\w |cmd`, `\\g |cmd` and `\\copy ... PROGRAM` run a program, all on the machine that deploys, with its credentials. Other meta-commands (`\\set`, `\\echo`, `\\timing`, `\\if`) are noted and skipped; `\\gexec` runs each value a query returns as SQL (see dynamic-sql).',
    instead:
      'Put the statements in the migration itself, so they are reviewed and dry-run where they run; keep shared SQL (functions, views) in migrations of its own rather than in files several migrations include. Run programs from the deploy pipeline, not from a migration.',
    bad: '\\ir ../lib/orders_cleanup.sql',
    good: '-- the statements of ../lib/orders_cleanup.sql, written here:\nALTER TABLE orders DROP CONSTRAINT orders_legacy_check;',
  },
  finish(_state, file): RuleHit[] {
    const hits: RuleHit[] = [];
    for (const m of file.metaCommands) {
      const position = { line: m.line, column: m.column };
      if (INCLUDES.has(m.name)) {
        hits.push({
          position,
          message: `\\${m.name} ${m.argument || '(no file)'} runs the SQL of another file, which this review neither analyzes nor dry-runs: what it changes is not checked`,
          suggestion: `-- write the statements of ${m.argument || 'the included file'} here instead of including it`,
        });
        continue;
      }
      const runs = shell(m);
      if (runs) hits.push({ position, message: `\\${m.name} ${runs} on the machine that runs the migration, outside the database and outside this review` });
    }
    return hits;
  },
};

export default rule;
