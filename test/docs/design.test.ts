// The documents point somewhere: every relative link in README.md and docs/*.md names a file
// that exists (README once linked a DESIGN.md that was not in the repository), and
// docs/report-schema.json is the JSON Schema the code exports.
// After changing src/report/json-schema.ts: MG_UPDATE_SCHEMA=1 npx vitest run test/docs/design.test.ts
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportJsonSchema } from '../../src/report/json-schema.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DOCS = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

describe('documents', () => {
  it.each(DOCS)('%s: every relative link and named document exists', (doc) => {
    const text = readFileSync(path.join(ROOT, doc), 'utf8');
    const targets = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:/.test(t));
    for (const t of targets) expect(existsSync(path.join(ROOT, path.dirname(doc), t)), `${doc} links ${t}`).toBe(true);
    // A document named in prose (`DESIGN.md`) must exist too.
    for (const m of text.matchAll(/\b([A-Z][A-Za-z-]*\.md)\b/g)) {
      const name = m[1]!;
      expect(existsSync(path.join(ROOT, name)) || existsSync(path.join(ROOT, 'docs', name)), `${doc} names ${name}`).toBe(true);
    }
  });

  it('README links the design document', () => {
    expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain('](docs/design.md)');
  });

  it('docs/report-schema.json is the schema the code exports', () => {
    const file = path.join(ROOT, 'docs', 'report-schema.json');
    const current = `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
    if (process.env.MG_UPDATE_SCHEMA) writeFileSync(file, current);
    expect(readFileSync(file, 'utf8'), 'regenerate: MG_UPDATE_SCHEMA=1 npx vitest run test/docs/design.test.ts').toBe(current);
  });
});
