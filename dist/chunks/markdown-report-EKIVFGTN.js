import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  ruleDocsUrl
} from "./chunk-ZCZCFGZS.js";
import "./chunk-HQM6YGGO.js";
import {
  planFor,
  renderJobSummary
} from "./chunk-BQW4RP54.js";
import {
  defaultRuleLookup
} from "./chunk-NVAEBWL5.js";
import {
  buildPlan
} from "./chunk-YRNP52AJ.js";
import "./chunk-YJLFCJFM.js";
import {
  DEFAULT_PG_VERSION
} from "./chunk-BCDIPO2D.js";
import "./chunk-ATWPWNJZ.js";
import "./chunk-ZFBFSYF7.js";
import "./chunk-M7F56F33.js";
import "./chunk-2FJ3R25C.js";
import "./chunk-6ZNHY3OX.js";
import "./chunk-KRQTM44P.js";
import "./chunk-7BJ6A35V.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-QGIMEMHQ.js";
import "./chunk-BKYH3ZIB.js";
import "./chunk-ZGDBGMMU.js";

// src/report/markdown-report.ts
function renderMarkdownReport(result, opts = {}) {
  const ruleById = opts.ruleById ?? defaultRuleLookup;
  const plan = planFor(result, () => buildPlan(result.migrations, { pgVersion: opts.pgVersion ?? result.report.pgVersion ?? DEFAULT_PG_VERSION }));
  return renderJobSummary(result, plan, {
    approvalRisk: opts.approvalRisk ?? "DANGEROUS",
    docsUrl: (id) => ruleDocsUrl(id),
    ruleTitle: (id) => ruleById(id)?.title
  });
}
export {
  renderMarkdownReport
};
