// `--format sarif`: SARIF 2.1.0 for GitHub code scanning and any other SARIF viewer. One run;
// the driver lists every rule of the registry (so viewers can show the docs of a rule that did
// not fire this time) plus pseudo-rules for parse errors and dry-run failures.
import type { CheckResult } from '../check/types.js';
import type { Risk, SuggestionRuns } from '../core/types.js';
import type { Rule } from '../analyze/rule.js';
import { allRules } from '../../rules/index.js';
import {
  collectDiagnostics,
  defaultRuleLookup,
  DRY_RUN_ERROR_RULE,
  PARSE_ERROR_RULE,
  suggestionLabel,
  type Diagnostic,
  type RuleLookup,
} from './diagnostics.js';
import { PROJECT_URL, ruleDocsUrl, TOOL_NAME, TOOL_VERSION } from './tool-info.js';

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifMessage {
  text: string;
  markdown?: string;
}

export interface SarifReportingDescriptor {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: SarifMessage;
  helpUri: string;
  defaultConfiguration: { level: SarifLevel };
  properties: { risk: Risk; tags: string[] };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: Array<{
    physicalLocation: {
      artifactLocation: { uri: string };
      region: { startLine: number; startColumn: number; endLine?: number; endColumn?: number };
    };
  }>;
  properties: { risk: Risk; suggestion?: string; suggestionRuns?: SuggestionRuns; sqlstate?: string };
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: Array<{
    tool: {
      driver: {
        name: string;
        version: string;
        semanticVersion: string;
        informationUri: string;
        rules: SarifReportingDescriptor[];
      };
    };
    columnKind: 'unicodeCodePoints';
    results: SarifResult[];
  }>;
}

export interface SarifOptions {
  /** The rules to describe in the driver; default: every rule in rules/. */
  rules?: readonly Rule[];
  ruleById?: RuleLookup;
  toolVersion?: string;
  /** Absolute URL of the project; rule help links point into its docs/rules.md. */
  projectUrl?: string;
}

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

export function sarifLevel(risk: Risk): SarifLevel {
  return risk === 'DANGEROUS' ? 'error' : risk === 'CAUTION' ? 'warning' : 'note';
}

export function renderSarif(result: CheckResult, opts: SarifOptions = {}): SarifLog {
  const lookup = opts.ruleById ?? defaultRuleLookup;
  const projectUrl = opts.projectUrl ?? PROJECT_URL;
  const version = opts.toolVersion ?? TOOL_VERSION;
  const diagnostics = collectDiagnostics(result, lookup);

  const descriptors: SarifReportingDescriptor[] = [];
  const indexOf = new Map<string, number>();
  const add = (d: SarifReportingDescriptor) => {
    if (indexOf.has(d.id)) return;
    indexOf.set(d.id, descriptors.length);
    descriptors.push(d);
  };
  for (const rule of opts.rules ?? allRules) add(ruleDescriptor(rule, projectUrl));
  add(pseudoDescriptor(PARSE_ERROR_RULE, 'The SQL does not parse', 'Postgres cannot parse this migration, so nothing in it was checked and it will fail when it runs.', 'Fix the SQL at the marked position; the message is the Postgres parser\'s own.', projectUrl));
  add(pseudoDescriptor(DRY_RUN_ERROR_RULE, 'The migration failed when it was run on a throwaway database', 'Running the migration (or its rollback) on a scratch Postgres failed, so it would fail in production too.', 'Fix the statement at the marked position; the message and SQLSTATE are the server\'s own.', projectUrl));
  // A finding from a rule the registry does not know (a plugin, a renamed rule) still needs a descriptor.
  for (const d of diagnostics) {
    if (!indexOf.has(d.ruleId)) {
      const rule = lookup(d.ruleId);
      add(rule ? ruleDescriptor(rule, projectUrl) : pseudoDescriptor(d.ruleId, d.ruleId, d.message, d.suggestion ?? 'See the rule documentation.', projectUrl, d.risk));
    }
  }

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version,
            semanticVersion: version,
            informationUri: projectUrl,
            rules: descriptors,
          },
        },
        columnKind: 'unicodeCodePoints',
        results: diagnostics.map((d) => sarifResult(d, indexOf.get(d.ruleId)!)),
      },
    ],
  };
}

function sarifResult(d: Diagnostic, ruleIndex: number): SarifResult {
  const text = d.suggestion ? `${d.message}\n\n${suggestionLabel(d)}: ${d.suggestion}` : d.message;
  const endKnown = d.endLine !== undefined && d.endColumn !== undefined && (d.endLine > d.line || d.endColumn > d.column);
  return {
    ruleId: d.ruleId,
    ruleIndex,
    level: sarifLevel(d.risk),
    message: { text },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathToUri(d.path) },
          region: {
            startLine: d.line,
            startColumn: d.column,
            ...(endKnown ? { endLine: d.endLine!, endColumn: d.endColumn! } : {}),
          },
        },
      },
    ],
    properties: {
      risk: d.risk,
      ...(d.suggestion ? { suggestion: d.suggestion } : {}),
      ...(d.suggestionRuns ? { suggestionRuns: d.suggestionRuns } : {}),
      ...(d.sqlstate ? { sqlstate: d.sqlstate } : {}),
    },
  };
}

function ruleDescriptor(rule: Rule, projectUrl: string): SarifReportingDescriptor {
  const { docs } = rule;
  const text = [
    docs.why,
    docs.lock ? `Lock: ${docs.lock}` : '',
    `Instead: ${docs.instead}`,
    `Bad:\n${docs.bad}`,
    `Good:\n${docs.good}`,
  ].filter(Boolean).join('\n\n');
  const markdown = [
    `**${rule.risk}** — ${rule.title}`,
    docs.why,
    docs.lock ? `**Lock:** ${docs.lock}` : '',
    `**Instead:** ${docs.instead}`,
    `Bad:\n\n\`\`\`sql\n${docs.bad}\n\`\`\``,
    `Good:\n\n\`\`\`sql\n${docs.good}\n\`\`\``,
  ].filter(Boolean).join('\n\n');
  return {
    id: rule.id,
    name: rule.id,
    shortDescription: { text: rule.title },
    fullDescription: { text: docs.why },
    help: { text, markdown },
    helpUri: ruleDocsUrl(rule.id, projectUrl),
    defaultConfiguration: { level: sarifLevel(rule.risk) },
    properties: { risk: rule.risk, tags: ['postgresql', 'migrations'] },
  };
}

function pseudoDescriptor(id: string, title: string, why: string, instead: string, projectUrl: string, risk: Risk = 'DANGEROUS'): SarifReportingDescriptor {
  return {
    id,
    name: id,
    shortDescription: { text: title },
    fullDescription: { text: why },
    help: { text: `${why}\n\nInstead: ${instead}`, markdown: `${why}\n\n**Instead:** ${instead}` },
    helpUri: ruleDocsUrl(id, projectUrl),
    defaultConfiguration: { level: sarifLevel(risk) },
    properties: { risk, tags: ['postgresql', 'migrations'] },
  };
}

/** A repository-relative path as a relative URI reference: each segment percent-encoded. */
export function pathToUri(path: string): string {
  return path.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
}
