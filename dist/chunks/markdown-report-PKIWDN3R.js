import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  ruleDocsUrl
} from "./chunk-ZCZCFGZS.js";
import "./chunk-HQM6YGGO.js";
import {
  renderJobSummary
} from "./chunk-PTXCKEMP.js";
import {
  defaultRuleLookup
} from "./chunk-HG34RRO4.js";
import {
  buildPlan
} from "./chunk-XEF3333Q.js";
import "./chunk-EHH6CC44.js";
import {
  DEFAULT_PG_VERSION
} from "./chunk-45JDSWNU.js";
import "./chunk-2T3GAX63.js";
import "./chunk-YYT3UYLY.js";
import "./chunk-M7F56F33.js";
import "./chunk-JLES7RKZ.js";
import "./chunk-AXT75SFH.js";
import "./chunk-CUW4H2R5.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-QGIMEMHQ.js";
import "./chunk-BKYH3ZIB.js";
import "./chunk-ZGDBGMMU.js";

// src/report/markdown-report.ts
function renderMarkdownReport(result, opts = {}) {
  const ruleById = opts.ruleById ?? defaultRuleLookup;
  const plan = buildPlan(result.migrations, { pgVersion: opts.pgVersion ?? result.report.pgVersion ?? DEFAULT_PG_VERSION });
  return renderJobSummary(result, plan, {
    approvalRisk: opts.approvalRisk ?? "DANGEROUS",
    docsUrl: (id) => ruleDocsUrl(id),
    ruleTitle: (id) => ruleById(id)?.title
  });
}
export {
  renderMarkdownReport
};
