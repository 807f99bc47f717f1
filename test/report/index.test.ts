import { describe, expect, it } from 'vitest';
import { renderReport, renderReportWhenReady } from '../../src/report/index.js';
import { TextWidthsNotLoaded } from '../../src/report/text-layout.js';
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
  it('loads string-width only when the pretty text needs it, and renders the same text', async () => {
    const plain = await buildCheckResult([{ path: 'a.sql', sql: 'CREATE INDEX i ON orders (note);' }], { history, rules: [fixtureRule] });
    const opts = { ruleById: fixtureLookup, width: 80 };
    // This file loads nothing beforehand: printable ASCII needs no string-width.
    expect([...(await renderReportWhenReady(plain, 'pretty', opts))].join('')).toBe(renderReport(plain, 'pretty', opts));
    const wide = await buildCheckResult([{ path: 'b.sql', sql: '-- 注文\nCREATE INDEX i ON orders (note); -- 注文の索引' }], { history, rules: [fixtureRule] });
    expect(() => renderReport(wide, 'pretty', opts)).toThrow(TextWidthsNotLoaded);
    const text = [...(await renderReportWhenReady(wide, 'pretty', opts))].join('');
    expect(text).toContain('注文の索引');
    expect(text).toBe(renderReport(wide, 'pretty', opts));
  });
});
