import { describe, expect, it } from 'vitest';
import { renderReport, renderReportWhenReady } from '../../src/report/index.js';
import { buildCheckResult, fixtureLookup, fixtureRule } from './fixtures.js';

const history = 'CREATE TABLE orders (id bigint PRIMARY KEY, note text);';

describe('renderReport', () => {
  it('dispatches on the format', async () => {
    const result = await buildCheckResult([{ path: 'a.sql', sql: 'CREATE INDEX i ON orders (note);' }], { history, rules: [fixtureRule] });
    const opts = { ruleById: fixtureLookup, width: 80 };
    expect(JSON.parse(renderReport(result, 'json', opts)).version).toBe(1);
    expect(JSON.parse(renderReport(result, 'sarif', opts)).version).toBe('2.1.0');
    expect(renderReport(result, 'github', opts)).toMatch(/^::error file=a\.sql,line=1,col=1,title=DANGEROUS fixture-concurrent-index/);
    const pretty = renderReport(result, 'pretty', { ...opts, failOn: 'CAUTION' });
    expect(pretty).toContain('DANGEROUS fixture-concurrent-index: CREATE INDEX without CONCURRENTLY blocks writes');
    expect(pretty).toContain('fail threshold CAUTION');
    expect(pretty).not.toContain('\u001b[');
    expect(renderReport(result, 'pretty', { ...opts, color: true })).toContain('\u001b[');
    const md = renderReport(result, 'markdown', opts);
    expect(md).toContain('a.sql');
    expect(md).toContain('fixture-concurrent-index');
  });
});

describe('renderReportWhenReady', () => {
  it('renders what renderReport does, for ASCII and wider text', async () => {
    // Whether string-width is already loaded depends on the other files of this worker
    // (isolate: false); a fresh process takes the loading path in test/cli.
    const opts = { ruleById: fixtureLookup, width: 80 };
    for (const sql of ['CREATE INDEX i ON orders (note);', '-- 注文\nCREATE INDEX i ON orders (note); -- 注文の索引']) {
      const result = await buildCheckResult([{ path: 'a.sql', sql }], { history, rules: [fixtureRule] });
      const text = [...(await renderReportWhenReady(result, 'pretty', opts))].join('');
      expect(text).toBe(renderReport(result, 'pretty', opts));
    }
  });
});
