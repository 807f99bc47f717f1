import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  intFlag
} from "./chunk-KDDTE7TC.js";
import {
  UsageError
} from "./chunk-FISKFK3V.js";
import {
  StatsReadError,
  readStatsFromUrl
} from "./chunk-YWX34JRL.js";
import "./chunk-4I7UKKAC.js";
import "./chunk-QKDHYJIW.js";
import "./chunk-UHER332N.js";
import "./chunk-M7F56F33.js";
import "./chunk-2FJ3R25C.js";
import "./chunk-YRNUPKXT.js";
import "./chunk-RRVIRGX7.js";
import "./chunk-UTBNT2LW.js";
import "./chunk-O6AHY4CV.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-KBDENZBY.js";
import "./chunk-A3JI777A.js";
import "./chunk-ZGDBGMMU.js";

// src/cli/stats-command.ts
import { writeFile } from "node:fs/promises";
async function statsCommand(flags) {
  const url = flags.databaseUrl ?? process.env.MIGRATION_GUARD_STATS_URL;
  if (!url) throw new UsageError("stats needs --database-url <url> (or MIGRATION_GUARD_STATS_URL in the environment)");
  const timeout = flags.statementTimeout === void 0 ? void 0 : intFlag("--statement-timeout", flags.statementTimeout, 1, 6e5);
  try {
    const file = await readStatsFromUrl(url, { ...timeout ? { statementTimeoutMs: timeout } : {}, ...flags.schema?.length ? { schemas: flags.schema } : {} });
    const text = `${JSON.stringify(file, null, 2)}
`;
    if (flags.output) {
      await writeFile(flags.output, text);
      process.stderr.write(`migration-guard: wrote stats of ${Object.keys(file.tables).length} tables to ${flags.output}
`);
    } else {
      process.stdout.write(text);
    }
    return 0;
  } catch (e) {
    if (!(e instanceof StatsReadError)) throw e;
    process.stderr.write(`migration-guard: ${e.message}
`);
    return 2;
  }
}
export {
  statsCommand
};
