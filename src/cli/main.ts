// The `migration-guard` command line: parses arguments, runs a command, maps every failure to
// an exit code and a one-line message (0 nothing at or above --fail-on; 1 something is, or a
// migration failed to parse or dry-run; 2 usage or configuration error). No stack traces
// unless MIGRATION_GUARD_DEBUG is set.
//
// The commands are imported when one runs, not before: `--version`, `--help` and usage errors
// load no parser, rules, config schema or report code.
import { Command, CommanderError, Option } from 'commander';
import { ConfigError } from '../config/errors.js';
import { FORMATS } from './formats.js';
import { UsageError } from './errors.js';
import { VERSION } from '../core/version.js';

const commands = () => import('./commands.js');

const EXAMPLES_LINT = `
Examples:
  $ migration-guard lint db/migrations/0042_add_orders_index.up.sql
  $ migration-guard lint db/migrations --pg-version 15 --fail-on CAUTION
  $ migration-guard lint migrations --format json > report.json
  $ migration-guard lint migrations --table-stats stats.json   # {"public.orders": {"rows": 40000000}}

Silence a finding for one statement with a comment above it:
  -- migration-guard-ignore require-concurrent-index
or for a whole file:
  -- migration-guard-ignore-file`;

const EXAMPLES_CHECK = `
Examples:
  $ migration-guard check                          # every migration in this repository
  $ migration-guard check --base origin/main       # only what this branch adds or changes
  $ migration-guard check --base main --dry-run    # and run them on an in-process Postgres
  $ migration-guard check --dry-run --engine url --database-url postgres://postgres@127.0.0.1/postgres

The dry-run applies the base history, then each new migration statement by statement,
recording the locks it takes and the tables it rewrites; then runs the rollback and
checks it restores the schema exactly.`;

function addCommon(cmd: Command): Command {
  return cmd
    .addOption(new Option('-f, --format <format>', 'output format').choices([...FORMATS]).default('pretty'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--pg-version <major>', 'target Postgres major version (default 16, or pgVersion in the config)')
    .option('--fail-on <risk>', 'lowest risk that makes the exit code 1: SAFE, CAUTION or DANGEROUS (default DANGEROUS)')
    .option('-c, --config <file>', 'config file (default: .migration-guard.yml in the repository)')
    .option('--table-stats <file>', 'JSON file of table sizes, so a lock on a 40-row table is not reported like one on 40 million')
    .option('--preset <name>', 'turn on the rules that match another tool\'s defaults: squawk (or preset in the config)')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (also: NO_COLOR=1)')
    .option('--no-progress', 'no progress line on the terminal');
}

export function buildProgram(): Command {
  const program = new Command('migration-guard')
    .description('Reviews PostgreSQL migrations: the locks they take, the tables they rewrite, the rollbacks they lack, and the safe way to ship the same change.')
    .version(VERSION, '-V, --version')
    .showSuggestionAfterError()
    .configureHelp({ sortSubcommands: false })
    // Set before the subcommands are added, so they inherit it: usage errors become exit code 2.
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(str) });

  addCommon(
    program
      .command('lint')
      .summary('lint migration files or folders (no git, no database)')
      .description('Parse the given migration files (or the migrations in the given folders) with the Postgres parser and report every risky operation, with the lock it takes and the safe alternative.')
      .argument('[paths...]', 'files or folders'),
  )
    .addHelpText('after', EXAMPLES_LINT)
    .action(async (paths: string[], opts) => {
      process.exitCode = await (await commands()).lintCommand(paths, opts);
    });

  addCommon(
    program
      .command('check')
      .summary("review a repository's migrations (all, or those changed since --base)")
      .description('Find the migrations of a repository (any of the common layouts), order them, pair each with its rollback, lint them, review the rollbacks, and optionally dry-run them on a throwaway Postgres.')
      .argument('[repo-dir]', 'repository folder', '.')
      .option('-b, --base <ref>', 'review only migrations added or changed since the merge base with this git ref'),
  )
    .option('--dry-run', 'run the migrations on a throwaway Postgres and trace locks and rewrites')
    .addOption(new Option('--engine <engine>', 'dry-run engine').choices(['pglite', 'url', 'local']))
    .option('--database-url <url>', 'server for --engine url: a throwaway database and role are created there and dropped after')
    .option('--seed-rows <n>', 'fill the tables with N generated rows each (before each migration without --base)')
    .option('--statement-timeout <ms>', 'dry-run time limit per statement')
    .addHelpText('after', EXAMPLES_CHECK)
    .action(async (repoDir: string, opts) => {
      process.exitCode = await (await commands()).checkCommand(repoDir, opts);
    });

  addCommon(
    program
      .command('plan')
      .summary('print the phased safe plan (expand, backfill, validate, deploy, contract)')
      .argument('[repo-dir]', 'repository folder', '.')
      .option('-b, --base <ref>', 'plan only migrations added or changed since the merge base with this git ref'),
  )
    .option('--no-verify', 'do not run the plan on a throwaway Postgres to verify it')
    .addOption(new Option('--engine <engine>', 'verification engine').choices(['pglite', 'url', 'local']))
    .option('--database-url <url>', 'server for --engine url: a throwaway database and role are created there and dropped after')
    .option('--seed-rows <n>', 'rows generated per pre-existing table before the plan runs (default 100)')
    .action(async (repoDir: string, opts) => {
    process.exitCode = await (await commands()).planCommand(repoDir, opts);
  });

  program
    .command('stats')
    .summary('read table sizes from a database (catalog only, no rows) into a --table-stats file')
    .description('Reads row counts, heap/index/TOAST sizes, each index, write activity and the cost settings from pg_class and pg_stat_user_tables in a read-only transaction. A role with pg_read_all_stats (or any role that can log in) is enough: no table is read. See docs/estimates.md.')
    .option('--database-url <url>', 'the database to read (also: MIGRATION_GUARD_STATS_URL)')
    .option('-o, --output <file>', 'write the stats file here instead of stdout')
    .option('--schema <name...>', 'only these schemas (default: all but the system schemas)')
    .option('--statement-timeout <ms>', 'limit per catalog query (default 10000)')
    .action(async (opts) => {
      const { statsCommand } = await import('./stats-command.js');
      process.exitCode = await statsCommand(opts);
    });

  program
    .command('rules')
    .summary('list the rules, or show one rule: why, lock, what to do instead, examples')
    .argument('[id]', 'rule id')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour')
    .action(async (id: string | undefined, opts) => {
      process.exitCode = (await commands()).rulesCommand(id, opts);
    });

  program
    .command('cache')
    .summary('where the dry-run keeps its database snapshots, and `cache clear` to delete them')
    .argument('[action]', '"clear" deletes the snapshots; without it, prints the folder')
    .description('The dry-run saves the database after the base history, so a second run pays only for the new migrations. The folder: $MIGRATION_GUARD_CACHE_DIR, else node_modules/.cache/migration-guard in a project, else $XDG_CACHE_HOME/migration-guard (~/.cache/migration-guard). It is capped at $MIGRATION_GUARD_CACHE_MAX_MB (default 1024): the least recently used snapshots go first.')
    .action(async (action: string | undefined) => {
      const { clearCache, resolveCacheDir } = await import('../dryrun/cache.js');
      const dir = resolveCacheDir(undefined)!;
      if (action === undefined) {
        process.stdout.write(`${dir}\n`);
        return;
      }
      if (action !== 'clear') {
        process.stderr.write(`migration-guard: cache takes "clear" or nothing, not "${action}"\n`);
        process.exitCode = 2;
        return;
      }
      const { files, bytes } = await clearCache(dir);
      process.stdout.write(`removed ${files} file${files === 1 ? '' : 's'} (${(bytes / 2 ** 20).toFixed(1)} MB) from ${dir}\n`);
    });

  program
    .command('app')
    .summary('run the GitHub App server (Probot), configured by the environment')
    .description('Starts the migration-guard GitHub App: APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET and PORT from the environment (or a .env file). Without APP_ID it starts the page that registers the App from app.yml. See docs/app.md.')
    .action(async () => {
      const { startApp } = await import('../app/server.js');
      await startApp();
    });

  program.addHelpText(
    'after',
    `
Exit codes: 0 nothing at or above --fail-on, 1 something is (or a migration failed to parse or
dry-run), 2 usage or configuration error.

Start with:
  $ migration-guard lint examples/
  $ migration-guard rules require-concurrent-index`,
  );
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    return reportFailure(e);
  }
}

function reportFailure(e: unknown): number {
  if (e instanceof CommanderError) {
    // --help and --version exit through here with code 0.
    return e.exitCode === 0 ? 0 : 2;
  }
  if (e instanceof UsageError) {
    process.stderr.write(`migration-guard: ${e.message}\n`);
    return 2;
  }
  if (e instanceof ConfigError) {
    process.stderr.write(`migration-guard: ${e.format()}\n`);
    return 2;
  }
  const err = e as Error & { name?: string };
  if (err?.name === 'DiscoverError') {
    process.stderr.write(`migration-guard: ${err.message}\n`);
    return 2;
  }
  process.stderr.write(`migration-guard: internal error: ${err?.message ?? String(e)}\n`);
  if (process.env.MIGRATION_GUARD_DEBUG) process.stderr.write(`${err?.stack ?? ''}\n`);
  else process.stderr.write('  (set MIGRATION_GUARD_DEBUG=1 for details, and please report it)\n');
  return 2;
}
