import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  ruleDocsUrl
} from "./chunk-ZCZCFGZS.js";
import "./chunk-HQM6YGGO.js";
import {
  renderJobSummary
} from "./chunk-TYFQS2RL.js";
import {
  defaultRuleLookup
} from "./chunk-PLFU5V7P.js";
import {
  buildPlan
} from "./chunk-K4YEWV3P.js";
import "./chunk-J5VOLU4Z.js";
import "./chunk-YZNHLSLL.js";
import "./chunk-QGNSZB3M.js";
import {
  DEFAULT_PG_VERSION
} from "./chunk-O6AHY4CV.js";
import "./chunk-M7F56F33.js";
import "./chunk-2FJ3R25C.js";
import "./chunk-UE3NT7ZQ.js";
import "./chunk-QWU7ZTZL.js";
import "./chunk-UTBNT2LW.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-BDVNOOZC.js";
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
