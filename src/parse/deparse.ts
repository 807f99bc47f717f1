// Printing a syntax tree back as SQL (pgsql-deparser), loaded the first time something is
// printed: most runs print nothing (a lint whose findings need no rewritten SQL), and the
// deparser is about 0.4 MB of JavaScript that every run would otherwise compile at start. It
// is an external package of the built dist/ (scripts/build.mjs copies it beside the bundles),
// required here synchronously, since the rules that print SQL are synchronous.
import { createRequire } from 'node:module';
import type { Node } from '@pgsql/types';

type Deparser = { deparseSync: (node: Node, opts: { pretty: boolean }) => string };

let deparser: Deparser | undefined;

/** The node as SQL text, as pgsql-deparser's deparseSync prints it (throws where it throws). */
export function deparseSync(node: Node, opts: { pretty: boolean }): string {
  deparser ??= createRequire(import.meta.url)('pgsql-deparser') as Deparser;
  return deparser.deparseSync(node, opts);
}
