// The PR comment and the job summary. The comment must stay under GitHub's 65,536-character
// limit: summaries come first, and when it is too long the details of the least risky
// migrations are left out first (the job summary and the JSON report keep everything).
import type { ApprovalRecord, CheckResult } from '../../check/types.js';
import { riskRank } from '../../core/risk.js';
import type { Risk } from '../../core/types.js';
import type { Plan } from '../../plan/types.js';
import {
  approvalBlock, errorsBlock, footer, headline, migrationDetails, migrationStub, migrationsTable, planOverview,
  type SectionOptions,
} from './sections.js';
import { cutOutsideFences } from './escape.js';

/** Hidden marker that identifies the comment, so it is found and updated in place. */
export const COMMENT_MARKER = '<!-- migration-guard -->';
/** GitHub rejects comment bodies longer than this. */
export const GITHUB_COMMENT_LIMIT = 65_536;
export const DEFAULT_MAX_LENGTH = 65_000;

export interface CommentOptions {
  maxLength?: number;
  approval?: ApprovalRecord | null;
  approvalRisk: Risk;
  approvalVoidedReason?: string;
  docsUrl?: (id: string) => string;
  ruleTitle?: (id: string) => string | undefined;
  reportLinks?: { jobSummary?: string; artifact?: string };
}

export function defaultDocsUrl(id: string): string {
  return `https://github.com/migration-guard/migration-guard/blob/main/docs/rules.md#${id}`;
}

function sectionOptions(o: CommentOptions): SectionOptions {
  return {
    approval: o.approval ?? null,
    approvalRisk: o.approvalRisk,
    ...(o.approvalVoidedReason ? { approvalVoidedReason: o.approvalVoidedReason } : {}),
    docsUrl: o.docsUrl ?? defaultDocsUrl,
    ruleTitle: o.ruleTitle ?? (() => undefined),
    ...(o.reportLinks ? { reportLinks: o.reportLinks } : {}),
  };
}

interface Layout {
  /** Rows of the migrations table to show (undefined: all). */
  tableRows?: number;
  /** Migration indexes whose details are replaced by a one-line stub. */
  stubbed: Set<number>;
  /** Drop the plan overview (only when nothing else fits). */
  noOverview?: boolean;
}

function assemble(result: CheckResult, plan: Plan, o: SectionOptions, layout: Layout, marker: boolean, cut: boolean): string {
  const blocks: string[] = [];
  if (marker) blocks.push(COMMENT_MARKER);
  blocks.push(headline(result));
  const approval = approvalBlock(result, o);
  if (approval) blocks.push(approval);
  const table = migrationsTable(result, layout.tableRows);
  if (table) blocks.push(table);
  const errors = errorsBlock(result);
  if (errors) blocks.push(errors);
  if (cut) {
    const where = [o.reportLinks?.jobSummary ? `[job summary](${o.reportLinks.jobSummary})` : 'job summary', o.reportLinks?.artifact ? `[JSON report](${o.reportLinks.artifact})` : 'JSON report'];
    blocks.push(`> [!NOTE]\n> This comment is shortened to fit GitHub's size limit: details of the least risky migrations are left out. The ${where.join(' and the ')} have everything.`);
  }
  if (!layout.noOverview) {
    const overview = planOverview(plan, result.planVerification);
    if (overview) blocks.push(overview);
  }
  const details = result.migrations.map((a, i) => (layout.stubbed.has(i) ? migrationStub(a.report) : migrationDetails(a, plan, o, result.planVerification?.plan.status === 'failed')));
  if (details.length) blocks.push('### Migrations', details.join('\n\n'));
  blocks.push(footer(result, o));
  return blocks.join('\n\n') + '\n';
}

/** The sticky PR comment, at most `maxLength` characters (default 65,000). */
export function renderComment(result: CheckResult, plan: Plan, opts: CommentOptions): string {
  const o = sectionOptions(opts);
  const max = Math.min(opts.maxLength ?? DEFAULT_MAX_LENGTH, GITHUB_COMMENT_LIMIT);
  const layout: Layout = { stubbed: new Set() };
  let body = assemble(result, plan, o, layout, true, false);
  if (body.length <= max) return body;

  // Least risky first; among equals, the later migration first.
  const order = result.migrations
    .map((a, i) => ({ i, rank: riskRank(a.report.risk) }))
    .sort((x, y) => x.rank - y.rank || y.i - x.i)
    .map((x) => x.i);
  for (const i of order) {
    layout.stubbed.add(i);
    body = assemble(result, plan, o, layout, true, true);
    if (body.length <= max) return body;
  }
  // Still too long: many migrations. Shorten the table, then drop the overview.
  let rows = result.migrations.length;
  while (body.length > max && rows > 10) {
    rows = Math.floor(rows / 2);
    layout.tableRows = rows;
    body = assemble(result, plan, o, layout, true, true);
  }
  if (body.length > max) {
    layout.noOverview = true;
    body = assemble(result, plan, o, layout, true, true);
  }
  if (body.length > max) {
    // Last resort: keep the head (marker, headline, approval state) and cut the rest.
    const tail = '\n\n…(cut to fit GitHub\'s size limit; see the job summary)\n';
    body = cutOutsideFences(body, max - tail.length) + tail;
  }
  return body;
}

/** The same content for the Actions job summary: no size limit, no marker. */
export function renderJobSummary(result: CheckResult, plan: Plan, opts: CommentOptions): string {
  return assemble(result, plan, sectionOptions(opts), { stubbed: new Set() }, false, false);
}
