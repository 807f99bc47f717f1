// The Action's module contract for contributor tooling: `@github/local-action` loads the entry
// module and calls its exported `run()`; loading must not start a run by itself. The bundle
// (dist/index.js) is the same code with a one-line entry that calls run().
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const temp = mkdtempSync(path.join(tmpdir(), 'mg-entry-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('src/action/main.ts', () => {
  it('exports run() and does nothing until it is called', async () => {
    const event = path.join(temp, 'event.json');
    writeFileSync(event, JSON.stringify({ ref: 'refs/heads/main' }));
    writeFileSync(path.join(temp, 'output'), '');
    const saved = { ...process.env };
    Object.assign(process.env, {
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: event,
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_OUTPUT: path.join(temp, 'output'),
      GITHUB_API_URL: 'http://127.0.0.1:9',
      'INPUT_GITHUB-TOKEN': 'ghs_entry_test',
      INPUT_COMMENT: 'true',
      'INPUT_APPROVER-PERMISSION': 'write',
      'INPUT_ALLOW-AUTHOR-APPROVAL': 'false',
      'INPUT_STATUS-CONTEXT': 'migration-guard',
      'INPUT_WORKING-DIRECTORY': '.',
    });
    // @actions/github reads the runner's environment once, when first loaded; a worker may have
    // loaded it for an earlier test file (vitest does not isolate files), so read it again now.
    const github = await import('@actions/github');
    const context = github.context as unknown as Record<string, unknown>;
    const savedContext = { ...context };
    Object.assign(context, new (github.context.constructor as new () => object)());
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const mod = await import('../../src/action/main.js');
      expect(typeof mod.run).toBe('function');
      expect(written.join('')).toBe('');
      await mod.run();
      expect(written.join('')).toContain('::warning::migration-guard reviews pull requests: run it on pull_request, issue_comment and merge_group events, not push.');
      expect(process.exitCode ?? 0).toBe(0);
    } finally {
      spy.mockRestore();
      process.env = saved;
      Object.assign(context, savedContext);
    }
  });

  it('the bundle entry is only the call', () => {
    const entry = readFileSync(path.join(import.meta.dirname, '../../src/action/index.ts'), 'utf8');
    expect(entry).toMatch(/import \{ run \} from '\.\/main\.js';\s+await run\(\);\s*$/);
  });
});
