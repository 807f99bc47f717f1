// docs/rules.md, rendered from the rules themselves: the same text the terminal and the PR
// comment show, so the page cannot drift from what the tool says. `## <id>` headings give the
// `#<id>` anchors that findings link to.
import type { Rule, RuleDocs } from '../analyze/rule.js';
import { PEER_RULES_WITHOUT_COUNTERPART } from './peer-rules.js';
import { byCodeUnit } from '../core/strings.js';

type Equivalents = NonNullable<RuleDocs['equivalents']>;

const RISK_MEANING: Record<Rule['risk'], string> = {
  SAFE: 'advice; nothing is blocked and no data is at risk',
  CAUTION: 'a short blocking lock or a performance cost; fine when done as planned',
  DANGEROUS: 'possible data loss, a migration that fails, or reads/writes blocked for a time that grows with the table',
};

/** A table cell: no line breaks, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/** Several names may be listed for one tool, separated by commas. */
function names(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

function squawkLink(name: string): string {
  return `[\`${name}\`](https://squawkhq.com/docs/${name})`;
}

function eugeneLink(id: string): string {
  return `[\`${id}\`](https://kaveland.no/eugene/hints/${id}/)`;
}

function hasEquivalent(eq: Equivalents | undefined): eq is Equivalents {
  return !!eq && (names(eq.squawk).length > 0 || names(eq.strongMigrations).length > 0 || names(eq.eugene).length > 0 || names(eq.pgfence).length > 0);
}

function equivalentLine(eq: Equivalents | undefined): string {
  if (!hasEquivalent(eq)) return 'none: this check is specific to migration-guard.';
  const parts: string[] = [];
  if (names(eq.squawk).length) parts.push(`squawk ${names(eq.squawk).map(squawkLink).join(', ')}`);
  if (names(eq.strongMigrations).length) parts.push(`strong_migrations ${names(eq.strongMigrations).map((n) => `\`${n}\``).join(', ')}`);
  if (names(eq.eugene).length) parts.push(`eugene ${names(eq.eugene).map(eugeneLink).join(', ')}`);
  if (names(eq.pgfence).length) parts.push(`pgfence ${names(eq.pgfence).join(', ')}`);
  return parts.join(' · ');
}

/** A fenced block that cannot be closed early by backticks inside the example. */
function sqlBlock(sql: string): string {
  const longest = Math.max(2, ...(sql.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}sql\n${sql.trimEnd()}\n${fence}`;
}

function ruleSection(rule: Rule): string {
  const d = rule.docs;
  const risk = rule.sizeSensitive
    ? `**Risk:** ${rule.risk} (size-aware: when table stats show a small table, its DANGEROUS findings become CAUTION)`
    : `**Risk:** ${rule.risk}`;
  const lines = [`## ${rule.id}`, '', `${rule.title}.`.replace(/\.\.$/, '.'), '', risk, ''];
  if (rule.enabledByDefault === false) lines.push(`**Default:** off — turn it on with \`rules: { ${rule.id}: on }\`${rule.presets?.length ? ` or \`preset: ${rule.presets.join(' / ')}\`` : ''}.`, '');
  else if (rule.presets?.length) lines.push(`**Default:** on (also part of \`preset: ${rule.presets.join(' / ')}\`).`, '');
  if (d.policy) lines.push(`**Why this default:** ${d.policy}`, '');
  if (d.lock) lines.push(`**Lock:** ${d.lock}`, '');
  lines.push(
    `**Why:** ${d.why}`, '',
    `**Instead:** ${d.instead}`, '',
    '**Bad:**', '', sqlBlock(d.bad), '',
    '**Good:**', '', sqlBlock(d.good), '',
    `**Equivalent in other tools:** ${equivalentLine(d.equivalents)}`, '',
    `Silence it for one statement with \`-- migration-guard-ignore ${rule.id}\` on the line before.`, '',
  );
  return lines.join('\n');
}

export function renderRulesMarkdown(rules: readonly Rule[]): string {
  const sorted = [...rules].sort((a, b) => byCodeUnit(a.id, b.id));
  const out: string[] = [
    '# migration-guard rules',
    '',
    '<!-- Generated from rules/*.ts by src/docs/rules-markdown.ts. Do not edit by hand: run `UPDATE_DOCS=1 npx vitest run test/docs`. -->',
    '',
    'Every finding names one of these rules. Each rule says why the operation is risky, which lock it takes, what to do instead, and shows a migration that triggers it next to one that does not (both are linted as part of the test suite).',
    '',
    'Risk levels:',
    '',
    ...(['SAFE', 'CAUTION', 'DANGEROUS'] as const).map((r) => `- **${r}**: ${RISK_MEANING[r]}.`),
    '',
    'Silence a finding for one statement with `-- migration-guard-ignore <rule-id>` on the line before it, or for a whole file with `-- migration-guard-ignore-file <rule-id>`; an ignore that silences nothing is reported as `unused-ignore`.',
    '',
    '## Contents',
    '',
    '| Rule | Risk | What it catches |',
    '|---|---|---|',
    ...sorted.map((r) => `| [\`${r.id}\`](#${r.id}) | ${r.risk} | ${cell(r.title)} |`),
    '',
  ];
  for (const rule of sorted) out.push(ruleSection(rule));

  const withEq = sorted.filter((r) => hasEquivalent(r.docs.equivalents));
  out.push(
    '## Equivalent rules in other tools',
    '',
    'For teams switching from another linter: the migration-guard rule that covers the same problem.',
    '',
    '| migration-guard | squawk | strong_migrations | eugene | pgfence |',
    '|---|---|---|---|---|',
    ...withEq.map((r) => {
      const eq = r.docs.equivalents!;
      const col = (list: string[], fmt: (s: string) => string) => (list.length ? list.map(fmt).join(', ') : '');
      return `| [\`${r.id}\`](#${r.id}) | ${col(names(eq.squawk), squawkLink)} | ${col(names(eq.strongMigrations), (n) => `\`${n}\``)} | ${col(names(eq.eugene), eugeneLink)} | ${col(names(eq.pgfence), (n) => n)} |`;
    }),
    '',
    '## Other tools\' rules with no counterpart here',
    '',
    'Each rule of the peers that no migration-guard rule lists as its equivalent, and why.',
    '',
    '| Tool | Rule | Why there is no counterpart |',
    '|---|---|---|',
    ...PEER_RULES_WITHOUT_COUNTERPART.map((p) => `| ${p.tool} | \`${cell(p.rule)}\` | ${cell(p.why)} |`),
    '',
    '## Policy rules: defaults and presets',
    '',
    'Some rules are a team\'s policy more than a hazard. Each states its default and why. `preset: squawk` in the config (or `--preset squawk` on the command line) turns on the rules that match squawk\'s defaults; settings under `rules:` still win over the preset.',
    '',
    '| Rule | Default | squawk preset | Why this default |',
    '|---|---|---|---|',
    ...sorted.filter((r) => r.enabledByDefault === false || r.presets?.length || r.docs.policy).map((r) =>
      `| [\`${r.id}\`](#${r.id}) | ${r.enabledByDefault === false ? 'off' : `on (${r.risk})`} | ${r.presets?.includes('squawk') ? 'on' : ''} | ${cell(r.docs.policy ?? '')} |`),
    '',
    '## Rules with no equivalent in other tools',
    '',
    ...sorted.filter((r) => !hasEquivalent(r.docs.equivalents)).map((r) => `- [\`${r.id}\`](#${r.id}): ${r.title}`),
    '',
  );
  return out.join('\n');
}
