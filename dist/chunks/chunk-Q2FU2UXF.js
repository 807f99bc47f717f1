import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  DRY_RUN_FINDING_RULES,
  ROLLBACK_TEXT,
  blockingText,
  dataLossText,
  estimated,
  findStatement,
  performanceText,
  seedHeadline,
  seedSkipped,
  serverAndTarget,
  suggestionLabel
} from "./chunk-TDEUNMES.js";
import {
  rollbackShown,
  verificationLine
} from "./chunk-MRESAA5M.js";
import {
  formatRange
} from "./chunk-YZNHLSLL.js";
import {
  atLeast,
  blocksWrites,
  lockModeSql,
  riskRank
} from "./chunk-UTBNT2LW.js";

// src/report/markdown/escape.ts
function cell(text) {
  return inert(text.replace(/\r?\n/g, " ")).replace(/\|/g, "\\|").trim();
}
function code(text) {
  const flat = text.replace(/\r?\n/g, " ");
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((m) => m.length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}
function fenced(lang, body) {
  const longest = Math.max(2, ...(body.match(/`{3,}/g) ?? []).map((m) => m.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${lang}
${body}
${fence}`;
}
function prose(text) {
  return inert(text);
}
function copiesFromCell(text) {
  const t = text.trim();
  return !/[\r\n|]| {2}/.test(t) && inert(t) === entities(t);
}
function entities(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
var ZWSP = "\u200B";
function inert(text) {
  return entities(text).replace(/([[\]])/g, "\\$1").replace(/@/g, `@${ZWSP}`).replace(/#(?=\d)/g, `#${ZWSP}`).replace(/\b(https?|ftp)(?=:\/\/)/gi, `$1${ZWSP}`).replace(/\bwww\./gi, `www${ZWSP}.`);
}
function cutOutsideFences(text, max) {
  if (text.length <= max) return text;
  const limit = Math.max(0, text.lastIndexOf("\n", max));
  let open = null;
  let pos = 0;
  while (pos < limit) {
    const nl = text.indexOf("\n", pos);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(pos, end);
    const m = /^\s*(`{3,})/.exec(line);
    if (m) {
      if (!open) open = { at: pos, fence: m[1].length };
      else if (m[1].length >= open.fence && /^\s*`+\s*$/.test(line)) open = null;
    }
    pos = end + 1;
  }
  return text.slice(0, open ? open.at : limit);
}

// src/report/markdown/mermaid.ts
var MAX_BARS = 40;
function label(text) {
  return text.replace(/[:;#]/g, " ").replace(/\s+/g, " ").trim();
}
function lockGantt(dryRun, title) {
  let t = 0;
  const bars = [];
  for (const s of dryRun.statements) {
    const start = t;
    t += Math.max(0, s.durationMs);
    for (const lock of s.locks) {
      if (!lock.preExisting) continue;
      const end = start + Math.max(1, Math.round(lock.heldMs));
      bars.push({
        section: lock.relation,
        name: `${lockModeSql(lock.mode)} line ${s.line}`,
        start: Math.round(start),
        end: Math.max(Math.round(start) + 1, end),
        crit: blocksWrites(lock.mode)
      });
    }
  }
  if (bars.length === 0) return void 0;
  const shown = bars.slice(0, MAX_BARS);
  const sections = [...new Set(shown.map((b) => b.section))];
  const lines = ["gantt", `  title ${label(title)}`, "  dateFormat x", "  axisFormat %S.%L s"];
  for (const section of sections) {
    lines.push(`  section ${label(section)}`);
    for (const b of shown.filter((x) => x.section === section)) {
      lines.push(`  ${label(b.name)} :${b.crit ? "crit, " : ""}${b.start}, ${b.end}`);
    }
  }
  return lines.join("\n");
}

// src/report/markdown/impact.ts
var MAX_BARS2 = 30;
function impactBlock(m) {
  const impact = m.impact;
  if (!impact) return "";
  const blocking = blockingText(impact);
  const perf = performanceText(impact);
  if (blocking === void 0 && impact.dataLoss === "none" && impact.prerequisites.length === 0) return "";
  const rows = [["Risk", impact.risk]];
  if (blocking !== void 0) rows.push(["Estimated blocking time", cell(blocking)]);
  rows.push(["Data loss", cell(dataLossText(impact))]);
  if (perf) rows.push(["Performance impact", cell(perf)]);
  rows.push(["Rollback", ROLLBACK_TEXT[impact.rollback]]);
  if (impact.prerequisites.length) rows.push(["Do first", cell(impact.prerequisites.join("; "))]);
  const out = ["#### Impact", "", "| | |", "|---|---|", ...rows.map(([k, v]) => `| ${k} | ${v} |`)];
  const ops = estimated(m).filter((o) => o.estimate.durationMs >= 10 || o.estimate.lockMs > 0);
  if (ops.length) {
    out.push("", "| Line | Operation | Table | Runs | Lock | Blocks | Based on |", "|---|---|---|---|---|---|---|");
    for (const o of ops) {
      const e = o.estimate;
      out.push(`| ${o.line} | ${code(o.kind)} | ${codeCell(o.table ?? "")} | ${cell(formatRange(e.durationMs, e.low, e.high))} | ${blocksWrites(e.lock) ? "\u{1F534} " : ""}${lockModeSql(e.lock)} | ${e.blocks} | ${cell(e.basis)} |`);
    }
    const chart = estimatedGantt(m);
    if (chart) out.push("", fenced("mermaid", chart));
  }
  return out.join("\n");
}
function codeCell(text) {
  return code(text).replace(/\|/g, "\\|");
}
function label2(text) {
  return text.replace(/[^\p{L}\p{N}_ .()-]/gu, " ").replace(/\s+/g, " ").trim().slice(0, 80) || "?";
}
function estimatedGantt(m) {
  const ops = estimated(m).filter((o) => o.estimate.durationMs > 0).slice(0, MAX_BARS2);
  if (ops.length === 0) return void 0;
  let t = 0;
  const total = ops.reduce((a, o) => a + o.estimate.durationMs, 0);
  const lines = ["gantt", `  title ${label2(`Estimated locks on production, ${m.path}`)}`, "  dateFormat x", `  axisFormat ${total >= 6e4 ? "%M:%S" : "%S.%L s"}`];
  const tables = [...new Set(ops.map((o) => o.table ?? ""))];
  for (const table of tables) {
    lines.push(`  section ${label2(table)}`);
    t = 0;
    for (const o of ops) {
      const start = Math.round(t);
      t += o.estimate.durationMs;
      if ((o.table ?? "") !== table) continue;
      const crit = blocksWrites(o.estimate.lock) ? "crit, " : "";
      lines.push(`  ${label2(`${lockModeSql(o.estimate.lock)} line ${o.line} ${o.kind}`)} :${crit}${start}, ${Math.max(start + 1, Math.round(t))}`);
    }
  }
  return lines.join("\n");
}

// src/report/markdown/sections.ts
var RISK_ICON = { SAFE: "\u{1F7E2}", CAUTION: "\u{1F7E1}", DANGEROUS: "\u{1F534}" };
function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}
function dryRunFailed(m) {
  const d = m.dryRun;
  return (d?.status === "failed" || d?.status === "base-failed") && !m.findings.some((f) => DRY_RUN_FINDING_RULES.has(f.rule));
}
function headline(result) {
  const ms = result.report.migrations;
  const count = (r) => ms.filter((m) => m.risk === r).length;
  const findings = ms.reduce((n, m) => n + m.findings.length, 0);
  const parts = [
    plural(ms.length, "migration"),
    ...["DANGEROUS", "CAUTION", "SAFE"].filter((r) => count(r) > 0).map((r) => `${count(r)} ${r.toLowerCase()}`),
    plural(findings, "finding")
  ];
  const errors = result.report.errors.filter((e) => !e.rule).length;
  if (errors) parts.push(plural(errors, "parse error"));
  const other = result.report.errors.filter((e) => e.rule).length;
  if (other) parts.push(plural(other, "problem") + " outside any migration");
  const failed = ms.filter((m) => dryRunFailed(m)).length;
  if (failed) parts.push(plural(failed, "dry-run failure"));
  const risk = result.report.risk;
  if (ms.length === 0) return `## ${RISK_ICON.SAFE} migration-guard: no migrations in this change`;
  return `## ${RISK_ICON[risk]} migration-guard: ${risk}

${parts.join(" \xB7 ")}`;
}
function rollbackCell(m) {
  const status = m.rollback.status;
  const base = status === "present" ? "\u2705 present" : status === "missing" ? "\u274C missing" : "\u2796 not required";
  const checked = m.dryRun?.rollback?.status;
  if (status !== "present" || !checked || checked === "not-run") return base;
  return `${base} \xB7 ${checked === "exact" ? "restores the schema" : checked === "incomplete" ? "\u26A0\uFE0F incomplete" : "\u274C fails"}`;
}
function dryRunCell(d) {
  if (!d) return "not run";
  switch (d.status) {
    case "passed":
      return `\u2705 passed (${plural(d.statements.length, "statement")}, ${Math.round(d.durationMs)} ms)`;
    case "skipped":
      return `\u23ED\uFE0F skipped${d.reason ? `: ${d.reason}` : ""}`;
    case "base-failed":
      return `\u26A0\uFE0F base history failed${d.reason ? `: ${d.reason}` : ""}`;
    case "failed": {
      const err = d.statements.find((s) => s.error)?.error;
      return err ? `\u274C failed at line ${err.line}: ${err.message}` : `\u274C failed${d.reason ? `: ${d.reason}` : ""}`;
    }
  }
}
function migrationsTable(result, rows) {
  const ms = result.report.migrations;
  if (ms.length === 0) return "";
  const shown = rows === void 0 ? ms : ms.slice(0, rows);
  const lines = ["| Migration | Risk | Rollback | Dry-run |", "|---|---|---|---|"];
  for (const m of shown) {
    lines.push(`| ${code(m.path)} | ${RISK_ICON[m.risk]} ${m.risk} | ${cell(rollbackCell(m))} | ${cell(dryRunCell(m.dryRun))} |`);
  }
  if (shown.length < ms.length) lines.push(`| \u2026 and ${ms.length - shown.length} more | | | |`);
  return lines.join("\n");
}
function approvalBlock(result, o) {
  const risk = result.report.risk;
  if (!atLeast(risk, o.approvalRisk) || result.report.migrations.length === 0) return "";
  if (o.approval) {
    const a = o.approval;
    return `\u2705 **Approved** by @${a.approver} on ${a.at.slice(0, 10)} for ${code(a.headSha.slice(0, 7))}${a.reason ? `: ${prose(a.reason)}` : ""}`;
  }
  if (o.approvalVoidedReason) {
    return `\u26A0\uFE0F **The earlier approval no longer applies:** ${prose(o.approvalVoidedReason)}. This change needs a new approval: comment ${code("/approve-migration <reason>")}.`;
  }
  const failed = result.planVerification?.plan.status === "failed";
  return `\u26D4 **This change needs approval** before it can merge (risk ${risk}, threshold ${o.approvalRisk}): ${failed ? "the plan below failed its verification, so fix the migration" : "follow the plan below"}, or comment ${code("/approve-migration <reason>")}.`;
}
function errorsBlock(result) {
  const parse = result.report.errors.filter((e) => !e.rule);
  const other = result.report.errors.filter((e) => e.rule);
  const out = [];
  if (parse.length) out.push("**Parse errors** (the migration is DANGEROUS until it parses):", "", ...parse.map((e) => `- ${code(`${e.path}:${e.line}:${e.column}`)} ${prose(e.message)}`));
  if (other.length) {
    if (out.length) out.push("");
    out.push("**Outside any migration:**", "", ...other.map((e) => `- ${RISK_ICON[e.risk ?? "DANGEROUS"]} ${code(e.rule)} ${code(`${e.path}:${e.line}:${e.column}`)} ${prose(e.message)}`));
  }
  const notes = result.report.notes ?? [];
  if (notes.length) {
    if (out.length) out.push("");
    out.push(...notes.map((n) => `> \u2139\uFE0F ${n.path ? `${code(n.path)}: ` : ""}${prose(n.message)}`));
  }
  return out.join("\n");
}
function planOverview(plan, verification) {
  if (plan.phases.length === 0 && plan.notes.length === 0) return "";
  const v = verification?.plan;
  const out = [v?.status === "failed" ? "### Plan (failed verification: not safe as it is)" : "### Safe plan", ""];
  if (v?.status === "failed") out.push(`\u274C **This plan failed verification: do not run it as is.** ${prose(verificationLine(v))}`, "");
  else if (v) out.push(`${v.status === "verified" ? "\u2705 Run phase by phase, it ends in the schema the migrations produce: " : ""}${prose(verificationLine(v))}.`, "");
  plan.phases.forEach((p, i) => {
    const n = p.steps.filter((s) => s.sql.length > 0).length;
    const pv = verification?.phases[i];
    const mark = pv ? ` \u2014 ${pv.status === "verified" ? "\u2705" : pv.status === "failed" ? "\u274C" : "\u26AA"} ${prose(verificationLine(pv))}` : "";
    out.push(`${i + 1}. **${prose(p.title)}**${n ? ` (${plural(n, "step")})` : ""}${mark}`);
    if (p.appMustDo) out.push(`   - Before the next phase: ${prose(p.appMustDo)}`);
    out.push(`   - Roll back: ${prose(p.rollback)}`);
    const rv = verification?.rollbacks?.[i];
    const undo = rv && rollbackShown(p, rv);
    if (undo && "failed" in undo) out.push(`     ${rv.status === "failed" ? "\u274C" : "\u26AA"} ${prose(undo.failed)}`);
    else if (undo) out.push(`     \u2705 ${prose(undo.head)}`, "", indentBlock(fenced("sql", undo.sql.map((s) => `${s};`).join("\n")), "     "));
  });
  if (plan.notes.length) {
    out.push("", "<details><summary>Notes on the plan</summary>", "", ...plan.notes.map((n) => `- ${prose(n)}`), "", "</details>");
  }
  return out.join("\n");
}
function findingsTable(m, o) {
  if (m.findings.length === 0) return "_No findings._";
  const lines = ["| | Rule | Line | Why |", "|---|---|---|---|"];
  const below = [];
  for (const f of m.findings) {
    const title = o.ruleTitle(f.rule);
    const rule = `[${f.rule}](${o.docsUrl(f.rule)})${title ? `<br>${cell(title)}` : ""}`;
    const v = f.suggestionVerification;
    const checked = v && v.status !== "failed" ? ` _(${v.status === "verified" ? "" : "\u26AA "}${cell(verificationLine(v))})_` : "";
    let suggestion = "";
    if (f.suggestion && copiesFromCell(f.suggestion)) suggestion = `<br>**${suggestionLabel(f)}:** ${cell(f.suggestion)}${checked}`;
    else if (f.suggestion) {
      const label3 = `S${below.length + 1}`;
      suggestion = `<br>**${suggestionLabel(f)}:** the SQL ${label3} below${checked}`;
      below.push({ label: label3, head: `**${label3}** (line ${f.line}, ${code(f.rule)}):`, sql: f.suggestion.trim() });
    }
    const why = cell(f.message) + suggestion;
    const where = f.path && f.path !== m.path ? `${cell(f.path)}:${f.line}` : String(f.line);
    lines.push(`| ${RISK_ICON[f.risk]} | ${rule} | ${where} | ${why} |`);
  }
  for (const b of below) lines.push("", b.head, "", fenced("sql", b.sql));
  return lines.join("\n");
}
function statementText(a, index) {
  const s = findStatement(a, a.up.path, index);
  if (!s) return "";
  const flat = s.text.replace(/\s+/g, " ").trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}\u2026` : flat;
}
function locksBlock(a) {
  const d = a.report.dryRun;
  if (!d || d.statements.length === 0) return "";
  const rows = [];
  for (const s of d.statements) {
    const locks = s.locks.filter((l) => l.preExisting);
    for (const l of locks) {
      rows.push(
        `| ${s.line} | ${code(statementText(a, s.statement))} | ${code(l.relation)} | ${blocksWrites(l.mode) ? "\u{1F534} " : ""}${lockModeSql(l.mode)} | ${Math.round(l.heldMs)} ms | ${s.rewrites.includes(l.relation) ? "rewritten" : ""} |`
      );
    }
  }
  const head = `#### Dry-run (${d.engine}, ${prose(serverAndTarget(d))}): ${prose(dryRunCell(d))}`;
  const out = [head];
  if (d.seed && d.seed.rows > 0) {
    const tables = d.seed.tables.length ? ` (${d.seed.tables.map(code).join(", ")})` : "";
    const skipped = seedSkipped(d.seed);
    const headline2 = seedHeadline(d.seed);
    out.push("", `${prose(headline2.charAt(0).toUpperCase() + headline2.slice(1))}${tables}.${skipped.length ? ` Not seeded: ${skipped.map(prose).join("; ")}.` : ""}`);
  }
  const err = d.statements.find((s) => s.error)?.error;
  if (err) out.push("", `${code(`${err.path}:${err.line}:${err.column}`)} ${code(err.sqlstate)} ${prose(err.message)}`);
  if (d.rollback && d.rollback.status !== "exact" && d.rollback.status !== "not-run") {
    out.push("", `Rollback: ${d.rollback.status}${d.rollback.differences.length ? ` (${plural(d.rollback.differences.length, "difference")}, see the findings)` : ""}`);
  }
  if (rows.length === 0) {
    out.push("", "_No lock on a table that existed before the migration._");
    return out.join("\n");
  }
  out.push("", "| Line | Statement | Table | Lock | Held | |", "|---|---|---|---|---|---|", ...rows);
  const chart = lockGantt(d, `Locks held by ${a.report.path}`);
  if (chart) out.push("", fenced("mermaid", chart));
  return out.join("\n");
}
function stepBlock(step) {
  const how = step.sql.length === 0 ? "" : step.transactional ? step.sql.length > 1 ? " _(one transaction)_" : "" : " _(outside a transaction)_";
  const out = [`- line ${step.line} \xB7 ${code(step.operationKind)}${how}: ${prose(step.description)}`];
  if (step.sql.length) out.push("", indentBlock(fenced("sql", step.sql.map((s) => `${s};`).join("\n")), "  "));
  return out.join("\n");
}
function indentBlock(text, by) {
  return text.split("\n").map((l) => by + l).join("\n");
}
function planForMigration(plan, path) {
  const out = [];
  plan.phases.forEach((p, i) => {
    const steps = p.steps.filter((s) => s.migrationPath === path);
    if (steps.length === 0) return;
    out.push(`**${i + 1}. ${prose(p.title)}**`, "", ...steps.map(stepBlock), "");
  });
  if (out.length === 0) return "";
  return ["#### Plan for this migration", "", ...out].join("\n").trimEnd();
}
function migrationDetails(a, plan, o, planFailed = false) {
  const m = a.report;
  const summary = [
    `<b>${prose(m.path)}</b>`,
    `${RISK_ICON[m.risk]} ${m.risk}`,
    plural(m.findings.length, "finding"),
    ...a.up.errors.length ? ["parse error"] : [],
    ...dryRunFailed(m) ? ["dry-run failed"] : []
  ].join(" \xB7 ");
  const parts = [`<details${m.risk === "DANGEROUS" ? " open" : ""}><summary>${summary}</summary>`, ""];
  for (const e of a.up.errors) parts.push(`\u274C Does not parse: ${code(`${e.path}:${e.line}:${e.column}`)} ${prose(e.message)}`, "");
  parts.push("#### Findings", "", findingsTable(m, o));
  const impact = impactBlock(m);
  if (impact) parts.push("", impact);
  const locks = locksBlock(a);
  if (locks) parts.push("", locks);
  const planText = planForMigration(plan, m.path);
  if (planText) parts.push("", planFailed ? planText.replace("#### Plan for this migration", "#### Plan for this migration (failed verification: do not run it as is)") : planText);
  parts.push("", "</details>");
  return parts.join("\n");
}
function migrationStub(m) {
  return `- ${code(m.path)} ${RISK_ICON[m.risk]} ${m.risk}: details left out of this comment (see the job summary or the JSON report).`;
}
function footer(result, o) {
  const links = [
    o.reportLinks?.jobSummary ? `[job summary](${o.reportLinks.jobSummary})` : "",
    o.reportLinks?.artifact ? `[JSON report](${o.reportLinks.artifact})` : ""
  ].filter(Boolean);
  const approve = atLeast(result.report.risk, o.approvalRisk) ? `To approve ${o.approvalRisk === "DANGEROUS" ? "a DANGEROUS" : `a ${o.approvalRisk} or riskier`} change, someone allowed to approve comments ${code("/approve-migration <reason>")}; a new push to the migrations voids it.` : `Changes at ${o.approvalRisk} or above need ${code("/approve-migration <reason>")} from someone allowed to approve.`;
  return ["---", `<sub>${approve}${links.length ? ` Full report: ${links.join(" \xB7 ")}.` : ""} Generated by migration-guard.</sub>`].join("\n");
}

// src/report/markdown/index.ts
var COMMENT_MARKER = "<!-- migration-guard -->";
var GITHUB_COMMENT_LIMIT = 65536;
var DEFAULT_MAX_LENGTH = 65e3;
function defaultDocsUrl(id) {
  return `https://github.com/migration-guard/migration-guard/blob/main/docs/rules.md#${id}`;
}
function sectionOptions(o) {
  return {
    approval: o.approval ?? null,
    approvalRisk: o.approvalRisk,
    ...o.approvalVoidedReason ? { approvalVoidedReason: o.approvalVoidedReason } : {},
    docsUrl: o.docsUrl ?? defaultDocsUrl,
    ruleTitle: o.ruleTitle ?? (() => void 0),
    ...o.reportLinks ? { reportLinks: o.reportLinks } : {}
  };
}
function assemble(result, plan, o, layout, marker, cut) {
  const blocks = [];
  if (marker) blocks.push(COMMENT_MARKER);
  blocks.push(headline(result));
  const approval = approvalBlock(result, o);
  if (approval) blocks.push(approval);
  const table = migrationsTable(result, layout.tableRows);
  if (table) blocks.push(table);
  const errors = errorsBlock(result);
  if (errors) blocks.push(errors);
  if (cut) {
    const where = [o.reportLinks?.jobSummary ? `[job summary](${o.reportLinks.jobSummary})` : "job summary", o.reportLinks?.artifact ? `[JSON report](${o.reportLinks.artifact})` : "JSON report"];
    blocks.push(`> [!NOTE]
> This comment is shortened to fit GitHub's size limit: details of the least risky migrations are left out. The ${where.join(" and the ")} have everything.`);
  }
  if (!layout.noOverview) {
    const overview = planOverview(plan, result.planVerification);
    if (overview) blocks.push(overview);
  }
  const details = result.migrations.map((a, i) => layout.stubbed.has(i) ? migrationStub(a.report) : migrationDetails(a, plan, o, result.planVerification?.plan.status === "failed"));
  if (details.length) blocks.push("### Migrations", details.join("\n\n"));
  blocks.push(footer(result, o));
  return blocks.join("\n\n") + "\n";
}
function renderComment(result, plan, opts) {
  const o = sectionOptions(opts);
  const max = Math.min(opts.maxLength ?? DEFAULT_MAX_LENGTH, GITHUB_COMMENT_LIMIT);
  const layout = { stubbed: /* @__PURE__ */ new Set() };
  let body = assemble(result, plan, o, layout, true, false);
  if (body.length <= max) return body;
  const order = result.migrations.map((a, i) => ({ i, rank: riskRank(a.report.risk) })).sort((x, y) => x.rank - y.rank || y.i - x.i).map((x) => x.i);
  for (const i of order) {
    layout.stubbed.add(i);
    body = assemble(result, plan, o, layout, true, true);
    if (body.length <= max) return body;
  }
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
    const tail = "\n\n\u2026(cut to fit GitHub's size limit; see the job summary)\n";
    body = cutOutsideFences(body, max - tail.length) + tail;
  }
  return body;
}
function renderJobSummary(result, plan, opts) {
  return assemble(result, plan, sectionOptions(opts), { stubbed: /* @__PURE__ */ new Set() }, false, false);
}

export {
  code,
  fenced,
  prose,
  cutOutsideFences,
  approvalBlock,
  COMMENT_MARKER,
  defaultDocsUrl,
  renderComment,
  renderJobSummary
};
