// The fake must behave like GitHub for the requests our code makes, and refuse the ones
// GitHub's description does not allow.
import { afterEach, describe, expect, it } from 'vitest';
import { getOctokit } from '@actions/github';
import { startFakeGitHub, type FakeGitHub } from './index.js';

let gh: FakeGitHub | null = null;
afterEach(async () => {
  await gh?.close();
  gh = null;
});

async function start(init: Parameters<typeof startFakeGitHub>[0]) {
  gh = await startFakeGitHub(init);
  return { gh, octokit: getOctokit('ghs_test', { baseUrl: gh.url }) };
}

const repoInit = {
  owner: 'acme',
  name: 'shop',
  collaborators: { alice: 'write' as const, rita: 'read' as const, mo: 'maintain' as const },
  pulls: [
    {
      number: 7,
      author: 'dev',
      head: { sha: 'h'.repeat(40) },
      base: { sha: 'b'.repeat(40) },
      files: Array.from({ length: 250 }, (_, i) => ({ filename: `db/migrations/${String(i).padStart(4, '0')}_x.up.sql`, status: 'added' as const })),
    },
  ],
  comments: Array.from({ length: 150 }, (_, i) => ({ issue_number: 7, body: `comment ${i}`, user: 'someone' })),
  commits: [{ sha: 'h'.repeat(40), files: { 'db/migrations/0001_x.up.sql': 'CREATE TABLE t (id int);\n', 'README.md': 'hi\n' } }],
};

describe('fake GitHub', () => {
  it('paginates pull request files and comments with link headers', async () => {
    const { gh, octokit } = await start({ repos: [repoInit] });
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, { owner: 'acme', repo: 'shop', pull_number: 7, per_page: 100 });
    expect(files).toHaveLength(250);
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner: 'acme', repo: 'shop', issue_number: 7, per_page: 100 });
    expect(comments.map((c) => c.body)).toEqual(Array.from({ length: 150 }, (_, i) => `comment ${i}`));
    expect(gh.violations).toEqual([]);
    expect(gh.state.responseViolations).toEqual([]);
  });

  it('keeps comments, statuses, reactions and permissions', async () => {
    const { gh, octokit } = await start({ repos: [repoInit] });
    const created = await octokit.rest.issues.createComment({ owner: 'acme', repo: 'shop', issue_number: 7, body: 'hello' });
    expect(created.data.user?.login).toBe('github-actions[bot]');
    await octokit.rest.issues.updateComment({ owner: 'acme', repo: 'shop', comment_id: created.data.id, body: 'bye' });
    await octokit.rest.reactions.createForIssueComment({ owner: 'acme', repo: 'shop', comment_id: created.data.id, content: '+1' });
    await octokit.rest.repos.createCommitStatus({ owner: 'acme', repo: 'shop', sha: 'h'.repeat(40), state: 'pending', context: 'migration-guard' });
    await octokit.rest.repos.createCommitStatus({ owner: 'acme', repo: 'shop', sha: 'h'.repeat(40), state: 'success', context: 'migration-guard', description: 'ok' });
    const combined = await octokit.rest.repos.getCombinedStatusForRef({ owner: 'acme', repo: 'shop', ref: 'h'.repeat(40) });
    expect(combined.data.state).toBe('success');
    const perms = await Promise.all(
      ['alice', 'rita', 'mo', 'stranger'].map((u) => octokit.rest.repos.getCollaboratorPermissionLevel({ owner: 'acme', repo: 'shop', username: u })),
    );
    expect(perms.map((p) => [p.data.permission, p.data.role_name])).toEqual([
      ['write', 'write'],
      ['read', 'read'],
      ['write', 'maintain'],
      ['read', 'read'],
    ]);
    const c = gh.state.repos.get('acme/shop')!.comments.find((x) => x.id === created.data.id)!;
    expect(c.body).toBe('bye');
    expect(c.reactions.map((r) => r.content)).toEqual(['+1']);
    expect(gh.violations).toEqual([]);
    expect(gh.state.responseViolations).toEqual([]);
  });

  it('records requests that do not fit the OpenAPI description', async () => {
    const { gh, octokit } = await start({ repos: [repoInit] });
    await expect(
      octokit.request('POST /repos/{owner}/{repo}/statuses/{sha}', { owner: 'acme', repo: 'shop', sha: 'abc', state: 'green' as 'success' }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(octokit.request('GET /repos/{owner}/{repo}/nothing-here', { owner: 'acme', repo: 'shop' })).rejects.toMatchObject({ status: 404 });
    await expect(
      octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: 'acme', repo: 'shop', issue_number: 7, per_page: 'many' as unknown as number }),
    ).rejects.toMatchObject({ status: 422 });
    expect(gh.violations.map((v) => v.operationId)).toEqual(['repos/create-commit-status', null, 'issues/list-comments']);
  });

  it('injects failures and serves an App its installation token and contents', async () => {
    const { gh, octokit } = await start({
      repos: [repoInit],
      installations: [{ id: 99, account: 'acme', repositories: ['acme/shop'] }],
      failures: [{ method: 'GET', path: '/pulls/7', status: 502, times: 1 }],
    });
    await expect(octokit.rest.pulls.get({ owner: 'acme', repo: 'shop', pull_number: 7 })).rejects.toMatchObject({ status: 502 });
    const pr = await octokit.rest.pulls.get({ owner: 'acme', repo: 'shop', pull_number: 7 });
    expect(pr.data.head.sha).toBe('h'.repeat(40));

    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjQyNDJ9.c2ln';
    const app = getOctokit('', { baseUrl: gh.url, auth: `Bearer ${jwt}` });
    const tok = await app.rest.apps.createInstallationAccessToken({ installation_id: 99 });
    const inst = getOctokit(tok.data.token, { baseUrl: gh.url });
    const content = await inst.rest.repos.getContent({ owner: 'acme', repo: 'shop', path: 'db/migrations/0001_x.up.sql', ref: 'h'.repeat(40) });
    expect(Buffer.from((content.data as { content: string }).content, 'base64').toString()).toContain('CREATE TABLE');
    const tree = await inst.rest.git.getTree({ owner: 'acme', repo: 'shop', tree_sha: 'h'.repeat(40), recursive: '1' });
    const blobEntry = tree.data.tree.find((t) => t.path === 'README.md')!;
    const blob = await inst.rest.git.getBlob({ owner: 'acme', repo: 'shop', file_sha: blobEntry.sha! });
    expect(Buffer.from(blob.data.content, 'base64').toString()).toBe('hi\n');
    const run = await inst.rest.checks.create({ owner: 'acme', repo: 'shop', name: 'migration-guard', head_sha: 'h'.repeat(40), status: 'in_progress' });
    await inst.rest.checks.update({ owner: 'acme', repo: 'shop', check_run_id: run.data.id, conclusion: 'failure', output: { title: 't', summary: 's' } });
    expect(gh.state.repos.get('acme/shop')!.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    const created = await inst.rest.issues.createComment({ owner: 'acme', repo: 'shop', issue_number: 7, body: 'from the app' });
    expect(created.data.user?.login).toBe('migration-guard[bot]');
    expect(gh.violations).toEqual([]);
    expect(gh.state.responseViolations).toEqual([]);
    expect(gh.state.unimplemented).toEqual([]);
  });
});
