// The Action reads the base commit's files (GitHub's tree at the base, each file from the
// workspace when its bytes are the base's blob, else through the API), so it judges an edit of an
// applied migration as the App does; without the base it falls back to the stricter review.
import { describe, expect, it } from 'vitest';
import { expectCleanTraffic } from '../support/fake-github/clean-traffic.js';
import { describeRun, useScenarios } from './scenario.js';

const { scenario } = useScenarios();

const APPLIED = {
  'db/migrations/0002_add_phone.up.sql': 'ALTER TABLE users ADD COLUMN phone text;\n',
  'db/migrations/0002_add_phone.down.sql': 'ALTER TABLE users DROP COLUMN phone;\n',
};
/** The applied migration with a comment added: the same statements, nothing a database runs differs. */
const NEW_SAFE = {
  'db/migrations/0003_add_nickname.up.sql': "SET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN nickname text;\n",
  'db/migrations/0003_add_nickname.down.sql': 'ALTER TABLE users DROP COLUMN nickname;\n',
};
const COMMENT_ONLY = { 'db/migrations/0002_add_phone.up.sql': '-- the phone number, as the user typed it\nALTER TABLE users ADD COLUMN phone text;\n' };

describe('the base tree in the Action', () => {
  it('an applied migration whose edit leaves its statements as they were is no edit; only the changed file is fetched', async () => {
    const s = await scenario({ base: APPLIED, head: { ...COMMENT_ONLY, ...NEW_SAFE } });
    const run = await s.runPullRequest('opened');
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.outputs).toMatchObject({ risk: 'SAFE', 'needs-approval': 'false' });
    const tree = s.gh.state.requests.filter((r) => r.operationId === 'git/get-tree');
    expect(tree.map((r) => r.path)).toEqual([`/repos/acme/shop/git/trees/${s.baseSha}`]);
    // Every other base file is byte for byte in the workspace: the edited up is the one blob read.
    expect(s.gh.state.requests.filter((r) => r.operationId === 'git/get-blob')).toHaveLength(1);
    expectCleanTraffic(s);
  });

  it('a real edit of an applied migration still needs approval', async () => {
    const s = await scenario({ base: APPLIED, head: { 'db/migrations/0002_add_phone.up.sql': 'ALTER TABLE users ADD COLUMN phone varchar(20);\n' } });
    const run = await s.runPullRequest('opened');
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.outputs).toMatchObject({ risk: 'DANGEROUS', 'needs-approval': 'true' });
    expect(run.annotations.map((a) => a.properties.title).join('\n')).toContain('migration-edited');
  });

  it('without the base tree (GitHub refuses the listing) every edit of an applied migration counts: the stricter review', async () => {
    const s = await scenario({ base: APPLIED, head: COMMENT_ONLY, failures: [{ path: '/git/trees/', status: 500, times: Infinity }] });
    const run = await s.runPullRequest('opened');
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.outputs).toMatchObject({ risk: 'DANGEROUS', 'needs-approval': 'true' });
    expect(run.annotations.map((a) => a.properties.title).join('\n')).toContain('migration-edited');
    expect(run.stdout).toContain('could not be listed');
  });
});
