import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  ruleDocsUrl
} from "./chunk-ZCZCFGZS.js";
import "./chunk-HQM6YGGO.js";
import {
  planFor,
  renderJobSummary
} from "./chunk-NERLK6YZ.js";
import {
  defaultRuleLookup
} from "./chunk-TRQ5RGOX.js";
import {
  buildPlan
} from "./chunk-5BQ6DS2H.js";
import "./chunk-TA7Q6LOO.js";
import {
  DEFAULT_PG_VERSION
} from "./chunk-BCDIPO2D.js";
import "./chunk-Q2OHSGXS.js";
import "./chunk-FJSWYJIY.js";
import "./chunk-M7F56F33.js";
import "./chunk-2FJ3R25C.js";
import "./chunk-E6MAL5MB.js";
import "./chunk-MWFXC2FY.js";
import "./chunk-CTL3ZZCH.js";
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
