// Names from the SQL reach the pull request as text, never as mentions, links, images or HTML:
// the bundled Action as a process against the fake GitHub.
import { afterEach, beforeAll, expect, it } from 'vitest';
import { expectCleanTraffic } from '../support/fake-github/clean-traffic.js';
import { assertBundleBuilt } from '../action/harness.js';
import { Scenario, describeRun } from '../action/scenario.js';

beforeAll(() => assertBundleBuilt());
let current: Scenario | null = null;
afterEach(async () => {
  await current?.close();
  current = null;
});

/** The comment as GitHub would render it as prose: code spans and fenced blocks render literally, so they are left out. */
function prosePart(markdown: string): string {
  return markdown.replace(/(`{3,})[^\n]*\n[\s\S]*?\n\1/g, '').replace(/(`+)[^`]*?\1/g, '').replace(/<!--[\s\S]*?-->/g, '');
}

it('a hostile column name renders as text in the comment and the job summary', async () => {
  const evil = '@acme/admins [click](https://evil.example) ![i](https://evil.example/x.png) <img src=x onerror=alert(1)> #1 www.evil.example &#64;acme/ops';
  current = await Scenario.create({
    head: {
      'db/migrations/0002_evil.up.sql': `SET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN "${evil}" text NOT NULL;\nALTER TABLE users DROP COLUMN "${evil}";\n`,
      'db/migrations/0002_evil.down.sql': 'SELECT 1;\n',
    },
  });
  const s = current;
  const run = await s.runPullRequest('opened');
  expect(run.code, describeRun(run)).toBe(1);
  for (const markdown of [s.stickyComments()[0]!.body, run.summary]) {
    expect(markdown).toContain('acme/admins');
    const text = prosePart(markdown);
    expect(text).not.toMatch(/@acme/);
    expect(text).not.toMatch(/&#64;acme/);
    expect(text).not.toMatch(/(?<!\\)\[click(?<!\\)\]\(/);
    expect(text).not.toMatch(/!\[i\]\(/);
    expect(text).not.toMatch(/<img/i);
    expect(text).not.toMatch(/https:\/\/evil/);
    expect(text).not.toMatch(/www\.evil/);
    expect(text).not.toMatch(/#1\b/);
  }
  expectCleanTraffic(s);
});
