import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  ruleDocsUrl
} from "./chunk-ZCZCFGZS.js";
import "./chunk-HQM6YGGO.js";
import {
  renderJobSummary
} from "./chunk-NU2U44DZ.js";
import {
  defaultRuleLookup
} from "./chunk-CLOZ6XY2.js";
import {
  buildPlan
} from "./chunk-FEWWAD7D.js";
import "./chunk-2EFWLV63.js";
import {
  DEFAULT_PG_VERSION
} from "./chunk-45JDSWNU.js";
import "./chunk-2T3GAX63.js";
import "./chunk-HQ65UJES.js";
import "./chunk-M7F56F33.js";
import "./chunk-PP33Q3RZ.js";
import "./chunk-HR3UTUST.js";
import "./chunk-CUW4H2R5.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-JYYL5Z2X.js";
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
