import { describe, expect, it } from 'vitest';
import {
  escapeData,
  escapeProperty,
  formatWorkflowCommand,
  formatWorkflowCommands,
  renderAnnotations,
} from '../../src/report/github.js';
import { allRules } from '../../rules/index.js';
import { buildCheckResult, fixtureLookup, fixtureRule } from './fixtures.js';

const history = 'CREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz, note text);';

describe('workflow command escaping', () => {
  it('escapes %, CR and LF in the message, and also : and , in properties', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext%3A a%2C b');
    // `%` first, so an escape sequence already in the text is not decoded by GitHub later.
    expect(escapeData('%0A')).toBe('%250A');
  });

  it('formats one command per annotation', () => {
    const line = formatWorkflowCommand({
      level: 'error',
      path: 'db/a,b:c.sql',
      line: 3,
      column: 7,
      endLine: 5,
      title: 'DANGEROUS x: 100% bad, really',
      message: 'first line\nsecond: line, with 50%',
    });
    expect(line).toBe(
      '::error file=db/a%2Cb%3Ac.sql,line=3,col=7,endLine=5,title=DANGEROUS x%3A 100%25 bad%2C really::first line%0Asecond: line, with 50%25',
    );
    const many = formatWorkflowCommands([
      { level: 'warning', path: 'a.sql', line: 1, column: 1, title: 't', message: 'm' },
      { level: 'notice', path: 'b.sql', line: 2, column: 4, title: 'u', message: 'n' },
    ]);
    expect(many).toBe('::warning file=a.sql,line=1,col=1,title=t::m\n::notice file=b.sql,line=2,col=4,title=u::n\n');
    expect(formatWorkflowCommands([])).toBe('');
  });
});

describe('renderAnnotations', () => {
  it('makes one annotation per finding and parse error, most severe first', async () => {
    const result = await buildCheckResult(
      [
        { path: 'm/0001_a.up.sql', sql: 'SELECT 1;\nCREATE INDEX orders_note_idx\n  ON orders (note);\n' },
        { path: 'm/0002_b.up.sql', sql: 'CREATE TABEL x (id int);\n' },
      ],
      { history, rules: [fixtureRule] },
    );
    result.report.migrations[0]!.findings.push({ rule: 'some-caution', risk: 'CAUTION', line: 1, column: 1, message: 'careful', path: 'm/0001_a.up.sql' });
    const annotations = renderAnnotations(result, { ruleById: fixtureLookup });
    expect(annotations).toEqual([
      {
        level: 'error',
        path: 'm/0001_a.up.sql',
        line: 2,
        column: 1,
        endLine: 3,
        title: 'DANGEROUS fixture-concurrent-index: CREATE INDEX without CONCURRENTLY blocks writes',
        message: 'index orders_note_idx on public.orders is built while writes wait\n\nInstead: CREATE INDEX CONCURRENTLY orders_note_idx\n  ON orders (note);',
      },
      { level: 'error', path: 'm/0002_b.up.sql', line: 1, column: 8, title: 'DANGEROUS parse error', message: 'syntax error at or near "TABEL"' },
      { level: 'warning', path: 'm/0001_a.up.sql', line: 1, column: 1, title: 'CAUTION some-caution', message: 'careful' },
    ]);
    const text = formatWorkflowCommands(annotations);
    expect(text.split('\n')[0]).toBe(
      '::error file=m/0001_a.up.sql,line=2,col=1,endLine=3,title=DANGEROUS fixture-concurrent-index%3A CREATE INDEX without CONCURRENTLY blocks writes::index orders_note_idx on public.orders is built while writes wait%0A%0AInstead: CREATE INDEX CONCURRENTLY orders_note_idx%0A  ON orders (note);',
    );
    // Every annotation is exactly one line.
    expect(text.trimEnd().split('\n')).toHaveLength(3);
  });

  it('maps SAFE findings to notices', async () => {
    const result = await buildCheckResult([{ path: 'a.sql', sql: 'SELECT 1;' }], { rules: [fixtureRule] });
    result.report.migrations[0]!.findings.push({ rule: 'unused-ignore', risk: 'SAFE', line: 1, column: 1, message: 'suppresses nothing' });
    expect(renderAnnotations(result, { ruleById: fixtureLookup })[0]).toMatchObject({ level: 'notice', title: 'SAFE unused-ignore' });
  });
});

describe('a suggestion that runs before its statement', () => {
  it('is introduced as what to run before it, not as what to write instead', async () => {
    const result = await buildCheckResult([{ path: 'm/0001_a.up.sql', sql: 'ALTER TABLE orders ADD COLUMN note text;\n' }], { history, rules: allRules });
    const f = result.report.migrations[0]!.findings.find((x) => x.rule === 'require-lock-timeout')!;
    expect(f.suggestionRuns).toBe('before');
    const a = renderAnnotations(result).find((x) => x.title.includes('require-lock-timeout'))!;
    expect(a.message).toMatch(/\n\nBefore it, run: SET lock_timeout = '5s';/);
    expect(a.message).not.toContain('Instead:');
  });
});

