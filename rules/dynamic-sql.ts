import type { Rule, RuleHit } from '../src/analyze/rule.js';
import { dynamicExecutes } from '../src/parse/index.js';

// EXECUTE of a string built at run time: neither the static rules nor a reviewer can see the
// statement it runs. In a DO block it runs with the migration; in a function body, when the
// function is called. Words in the expression that name what security-sensitive-sql bans make
// it DANGEROUS: a string can spell `COPY … TO PROGRAM` in pieces.
const SENSITIVE = /\b(program|pg_read_file|pg_read_binary_file|pg_ls_dir|pg_stat_file|lo_import|lo_export|alter\s+system|superuser|bypassrls|replication|session\s+authorization|set\s+role|dblink\w*|postgres_fdw|file_fdw|adminpack|plpython\w*|plperlu|pltclu|language\s+c\b|copy|pg_catalog|pg_(?:class|attribute|proc|namespace|authid|database|index|constraint|type|operator|depend|trigger|extension|language|cast|rewrite))\b/i;

/** SQL on one line, at most 120 characters, for a message. */
function oneLine(sql: string): string {
  const shown = sql.replace(/\s+/g, ' ').trim();
  return shown.length > 120 ? `${shown.slice(0, 117)}...` : shown;
}

export const rule: Rule = {
  id: 'dynamic-sql',
  risk: 'CAUTION',
  title: 'EXECUTE of SQL built at run time cannot be reviewed',
  docs: {
    why:
      'A DO block or function that runs `EXECUTE` on a string it builds (concatenation, format(), a variable), or a query followed by psql\'s `\\gexec` (which runs each value it returns as a statement), runs SQL that exists only at run time. The rules see the EXECUTE, not the ALTER TABLE, DROP or COPY it will become, and so does a reviewer reading the diff. Often it is harmless (a loop over partitions), but it is also the way to hide a statement from review. In a DO block it is CAUTION with that reason (in a function body, which runs later, it is not reported); when the expression contains words of security-sensitive operations (PROGRAM, COPY, ALTER SYSTEM, SUPERUSER, pg_read_file, dblink, untrusted languages, pg_catalog, roles and grants) it is DANGEROUS. A dry-run runs the block and reports what it really did to tables that existed before (locks, rewrites), which is the best evidence for the common cases. `\\gexec` is always DANGEROUS: the dry-run runs the query, not the statements psql builds from its result.',
    lock: 'Unknown until it runs: whatever the built statement takes.',
    instead:
      'Write the statements out where the set is known (one ALTER TABLE per partition, generated into the migration file). Where it must stay dynamic, keep it to identifiers quoted with format(\'%I\') over a catalog query, run it with the dry-run on, and say in the pull request what it does.',
    bad: "DO $$ BEGIN EXECUTE 'ALTER TABLE ' || tbl || ' ALTER COLUMN id TYPE bigint'; END $$;",
    good: 'ALTER TABLE orders ALTER COLUMN id TYPE bigint; -- static: the rules and the dry-run see it',
  },
  statements: ['DoStmt', 'CreateFunctionStmt'],
  check({ statement }): RuleHit[] {
    // Nested statements belong to their DO block or function, which is checked itself.
    if (statement.nestedIn) return [];
    const hits: RuleHit[] = [];
    // The plain ones (no sensitive word) of a block are one finding: 8 EXECUTEs of one DO block
    // are one piece of code to read, not 8 findings. A sensitive one stays a finding of its own.
    const plain: string[] = [];
    for (const { kind, expression } of dynamicExecutes(statement.text, statement.ast)) {
      const sensitive = SENSITIVE.exec(expression);
      // A function's dynamic SQL runs when it is called, not by the migration: only what it
      // could reach makes it worth a finding here.
      if (kind === 'function-body' && !sensitive) continue;
      const clipped = oneLine(expression);
      const where = kind === 'do-block' ? 'this DO block runs during the migration' : 'this function runs it when called';
      if (sensitive) hits.push({ risk: 'DANGEROUS', message: `EXECUTE ${clipped}: ${where}, and the string it builds mentions "${sensitive[0]}" (see security-sensitive-sql); what it runs cannot be reviewed before it runs` });
      else plain.push(clipped);
    }
    if (plain.length === 1) hits.push({ message: `EXECUTE ${plain[0]}: this DO block runs during the migration on SQL built at run time, which neither the rules nor a reviewer can see` });
    else if (plain.length > 1) {
      const shown = plain.slice(0, 3).map((e) => `EXECUTE ${e}`).join('; ');
      const more = plain.length > 3 ? ` and ${plain.length - 3} more` : '';
      hits.push({ message: `${plain.length} EXECUTEs (${shown}${more}): this DO block runs during the migration on SQL built at run time, which neither the rules nor a reviewer can see` });
    }
    return hits;
  },
  // psql's \gexec runs every value the query before it returns as a statement: dynamic SQL that
  // not even the dry-run sees (it runs the query, not what psql then runs), so always DANGEROUS.
  finish(_state, file): RuleHit[] {
    const hits: RuleHit[] = [];
    for (const m of file.metaCommands) {
      if (m.name !== 'gexec') continue;
      const query = m.sends ?? '';
      const clipped = oneLine(query) || '(the previous query)';
      const sensitive = SENSITIVE.exec(query);
      hits.push({
        position: { line: m.line, column: m.column },
        risk: 'DANGEROUS',
        message: `\\gexec runs each value of ${clipped} as SQL${sensitive ? `, and the query mentions "${sensitive[0]}" (see security-sensitive-sql)` : ''}: SQL built at run time, which neither the rules, a reviewer nor the dry-run (it runs the query, not what psql runs next) can see`,
      });
    }
    return hits;
  },
};

export default rule;
