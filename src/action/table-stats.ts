// The Action's table stats: the `table-stats` file (read where the config is read: from the
// base commit, never from the pull request's own tree) and, with `stats-database-url`, sizes
// read live from a database. A database that
// cannot be reached costs the estimates, not the review: it becomes a warning.
import * as core from '@actions/core';
import type { Config } from '../config/defaults.js';
import { tableStatsFromText } from '../config/stats-file.js';
import { readStatsFromUrl } from '../stats/read.js';
import type { ActionInputs } from './inputs.js';

export async function withTableStats(config: Config, inputs: ActionInputs, read: (file: string) => Promise<string>): Promise<Config> {
  if (!inputs.tableStats && !inputs.statsDatabaseUrl) return config;
  const stats = new Map(config.tableStats);
  if (inputs.tableStats) {
    let text: string;
    try {
      text = await read(inputs.tableStats);
    } catch (e) {
      throw new Error(`input "table-stats": cannot read ${inputs.tableStats}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    const r = tableStatsFromText(text);
    if (!r.ok) throw new Error(`input "table-stats": ${inputs.tableStats}: ${r.message}`);
    for (const [k, v] of r.stats) stats.set(k, v);
  }
  if (inputs.statsDatabaseUrl) {
    core.setSecret(inputs.statsDatabaseUrl);
    try {
      const file = await readStatsFromUrl(inputs.statsDatabaseUrl);
      for (const [k, v] of Object.entries(file.tables)) stats.set(k.toLowerCase(), v);
      core.info(`read the sizes of ${Object.keys(file.tables).length} tables from ${file.source}`);
    } catch (e) {
      core.warning(`could not read table stats from stats-database-url, so there are no estimates from it: ${(e as Error).message}`);
    }
  }
  return { ...config, tableStats: stats };
}
