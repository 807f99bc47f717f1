import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  ruleDocsUrl
} from "./chunk-ZCZCFGZS.js";
import "./chunk-HQM6YGGO.js";
import {
  renderJobSummary
} from "./chunk-Q2FU2UXF.js";
import {
  defaultRuleLookup
} from "./chunk-TDEUNMES.js";
import {
  buildPlan
} from "./chunk-MRESAA5M.js";
import "./chunk-MBFNBSKS.js";
import "./chunk-YZNHLSLL.js";
import "./chunk-UHER332N.js";
import "./chunk-M7F56F33.js";
import "./chunk-2FJ3R25C.js";
import "./chunk-YRNUPKXT.js";
import "./chunk-RRVIRGX7.js";
import "./chunk-UTBNT2LW.js";
import {
  DEFAULT_PG_VERSION
} from "./chunk-O6AHY4CV.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-KBDENZBY.js";
import "./chunk-A3JI777A.js";
import "./chunk-ZGDBGMMU.js";

// src/report/markdown-report.ts
function renderMarkdownReport(result, opts = {}) {
  const ruleById = opts.ruleById ?? defaultRuleLookup;
  const plan = result.plan ?? buildPlan(result.migrations, { pgVersion: opts.pgVersion ?? result.report.pgVersion ?? DEFAULT_PG_VERSION });
  return renderJobSummary(result, plan, {
    approvalRisk: opts.approvalRisk ?? "DANGEROUS",
    docsUrl: (id) => ruleDocsUrl(id),
    ruleTitle: (id) => ruleById(id)?.title
  });
}
export {
  renderMarkdownReport
};
