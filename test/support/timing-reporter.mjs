// A vitest reporter for `npm test`: after the default output, the slowest test files (so the
// suite's time stays visible and honest) and one plain closing line any CI log reader
// understands (`tests: N passed, N failed`). Writes no files.
const SLOWEST = 12;

export default class TimingReporter {
  onTestRunStart() {
    this.started = performance.now();
  }

  onTestRunEnd(testModules, unhandledErrors) {
    const files = testModules.map((m) => {
      const d = m.diagnostic();
      return { file: m.relativeModuleId ?? m.moduleId, ms: d.collectDuration + d.setupDuration + d.duration };
    });
    files.sort((a, b) => b.ms - a.ms);
    const total = files.reduce((n, f) => n + f.ms, 0);
    const wall = this.started === undefined ? '' : `; the run took ${((performance.now() - this.started) / 1000).toFixed(1)} s`;
    console.log(`\nslowest test files (import + tests, of ${(total / 1000).toFixed(1)} s in ${files.length} files across workers${wall}):`);
    for (const f of files.slice(0, SLOWEST)) console.log(`${(f.ms / 1000).toFixed(1).padStart(7)} s  ${f.file}`);
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of testModules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (m.state() === 'failed' && ![...m.children.allTests('failed')].length) failed++; // an import or hook error
    }
    failed += unhandledErrors.length;
    console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  }
}
