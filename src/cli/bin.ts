// dist/cli.js, the `migration-guard` executable. `--version` alone is answered here, before the
// argument parser loads. Otherwise it turns on Node's compile cache where the runtime has it
// (Node 22.1+; on Node 20 there is none) before the rest is loaded, so later runs skip compiling
// the bundle again, then hands over to main.ts.
import nodeModule from 'node:module';
import { VERSION } from '../core/version.js';
// Not core/wasm-tier.js here, unlike the Action and the App: the CLI makes no request before
// the parser loads (which sets it), and node:v8 costs `--version` ~7 ms.

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // What commander's .version() prints, without loading commander (~0.02 s of a 0.09 s run).
  exitOnClosedPipe(process.stdout);
  process.stdout.write(`${VERSION}\n`);
} else {
  await run();
}

async function run(): Promise<void> {
  (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  // No V8 flag is set before main.js's modules are linked (core/young-generation.js and the
  // parser's flags are set as they are evaluated, after): once a flag is set, Node compiles the
  // built-in modules it loads without their code cache, and main.js's graph loads most of those
  // the CLI uses (a one-file lint on Node 24: 557 -> 465 M instructions, callgrind).
  exitOnClosedPipe(process.stdout);
  exitOnClosedPipe(process.stderr);
  const { main } = await import('./main.js');
  try {
    process.exitCode = await main(process.argv);
  } catch (e) {
    process.stderr.write(`migration-guard: internal error: ${(e as Error).message}\n`);
    process.exitCode = 2;
  }
}

/** A reader that went away (`| head`) ends the run quietly, as it does for other Unix tools. */
function exitOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}

