// `migration-guard stats --database-url <url> [--output stats.json]`: reads table sizes from a
// database (catalog only, read-only transaction) and writes the --table-stats file. It reports
// its own failures (a connection refused is not an internal error) so main.ts needs no case.
import { writeFile } from 'node:fs/promises';
import { readStatsFromUrl, StatsReadError } from '../stats/read.js';
import { UsageError, intFlag } from './options.js';

export interface StatsFlags {
  databaseUrl?: string;
  output?: string;
  schema?: string[];
  statementTimeout?: string;
}

export async function statsCommand(flags: StatsFlags): Promise<number> {
  const url = flags.databaseUrl ?? process.env.MIGRATION_GUARD_STATS_URL;
  if (!url) throw new UsageError('stats needs --database-url <url> (or MIGRATION_GUARD_STATS_URL in the environment)');
  const timeout = flags.statementTimeout === undefined ? undefined : intFlag('--statement-timeout', flags.statementTimeout, 1, 600_000);
  try {
    const file = await readStatsFromUrl(url, { ...(timeout ? { statementTimeoutMs: timeout } : {}), ...(flags.schema?.length ? { schemas: flags.schema } : {}) });
    const text = `${JSON.stringify(file, null, 2)}\n`;
    if (flags.output) {
      await writeFile(flags.output, text);
      process.stderr.write(`migration-guard: wrote stats of ${Object.keys(file.tables).length} tables to ${flags.output}\n`);
    } else {
      process.stdout.write(text);
    }
    return 0;
  } catch (e) {
    if (!(e instanceof StatsReadError)) throw e;
    process.stderr.write(`migration-guard: ${e.message}\n`);
    return 2;
  }
}
