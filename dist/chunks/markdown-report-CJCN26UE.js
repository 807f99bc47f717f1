import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  ruleDocsUrl
} from "./chunk-ZCZCFGZS.js";
import "./chunk-HQM6YGGO.js";
import {
  planFor,
  renderJobSummary
} from "./chunk-4MC3XWKK.js";
import {
  defaultRuleLookup
} from "./chunk-46WCHPGE.js";
import {
  buildPlan
} from "./chunk-R3XHRRWM.js";
import "./chunk-CNLOJ7MV.js";
import {
  DEFAULT_PG_VERSION
} from "./chunk-BCDIPO2D.js";
import "./chunk-IUXZYRAU.js";
import "./chunk-XLFHIRZD.js";
import "./chunk-M7F56F33.js";
import "./chunk-2FJ3R25C.js";
import "./chunk-PFL4GIEE.js";
import "./chunk-WUDUNKN3.js";
import "./chunk-PLFNNFNN.js";
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
