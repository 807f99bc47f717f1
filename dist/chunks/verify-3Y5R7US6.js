import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  SEED_FORMAT,
  applyBase,
  applyUntraced,
  baseKey,
  cannotRunInTransaction,
  createRunnerTables,
  diffSnapshots,
  executeTraced,
  extensionsCreated,
  makeProvider,
  relationsNow,
  seedTables,
  takeSnapshot,
  toDbError
} from "./chunk-C6PQVXDS.js";
import {
  hashKey
} from "./chunk-BEXAK5HS.js";
import {
  columnShapeKey
} from "./chunk-MBFNBSKS.js";
import {
  fileTransaction,
  saysOutsideTransaction,
  saysOwnMigration,
  txControl
} from "./chunk-2FJ3R25C.js";
import {
  columnTypeSource,
  ident,
  parseSource
} from "./chunk-RRVIRGX7.js";
import {
  as,
  lockRank,
  nodeTag,
  relationName,
  stringList
} from "./chunk-UTBNT2LW.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-KBDENZBY.js";
import "./chunk-A3JI777A.js";
import "./chunk-GW7LTBFS.js";
import "./chunk-C4OQG7EQ.js";
import "./chunk-ZGDBGMMU.js";

// src/verify/session.ts
var VerifySession = class {
  provider;
  /** Extensions every image of this session loads: those the base and any reviewed migration create. */
  extensions = null;
  failsWithRows = /* @__PURE__ */ new Map();
  expected = /* @__PURE__ */ new Map();
  /** Review migrations whose column shapes were read already (by the dry-run's observer). */
  shapesRead = /* @__PURE__ */ new Set();
  saveWorthCpuMs;
  constructor(opts) {
    this.provider = makeProvider(opts);
    this.saveWorthCpuMs = opts.saveWorthCpuMs ?? SAVE_WORTH_CPU_MS;
  }
  /** Whether the work since `since` (cpuClock) cost enough to save its result as an image. */
  worthSaving(since) {
    return cpuClock() - since >= this.saveWorthCpuMs;
  }
  /**
   * Fixes the extensions of this session's images to those of `input` (the whole review):
   * a verification of one migration then opens the image the dry-run made, not one of its
   * own. Loading an extension only makes CREATE EXTENSION possible; the database is the same.
   */
  useExtensionsOf(input) {
    this.extensions ??= extensionsCreated([...input.base, ...input.review]);
  }
  extensionsFor(input, on) {
    const own = extensionsCreated([...input.base, ...on, ...input.review]);
    return this.extensions && own.every((e) => this.extensions.includes(e)) ? this.extensions : own;
  }
  /**
   * A sandbox holding `base` then `on` (the earlier migrations of the review, applied as
   * written), from an image when one is kept; a history that does not apply gives its reason.
   */
  async open(input, limits, on = []) {
    const extensions = this.extensionsFor(input, on);
    const key = baseKey([...input.base, ...on], extensions);
    if (on.length === 0) {
      const { sandbox, fromCache } = await this.provider.open(key, extensions);
      await createRunnerTables(sandbox, [...input.base, ...input.review], limits.statementTimeoutMs);
      if (fromCache) return { sandbox };
      return this.applied(sandbox, input.base, key, limits, input.base.length);
    }
    const saved = await this.provider.openSaved?.(key, extensions);
    if (saved) return { sandbox: saved.sandbox };
    const below = await this.open(input, limits);
    if ("reason" in below) return below;
    return this.applied(below.sandbox, on, key, limits, input.base.length + on.length);
  }
  /** `sandbox` after `migrations`, saved as `key`; closed, with the reason, when one fails. */
  async applied(sandbox, migrations, key, limits, total) {
    const work = cpuClock();
    const outcome = await applyBase(sandbox, migrations, limits, () => {
    });
    if (outcome.status !== "ok") {
      await sandbox.close();
      const e = outcome.error;
      return { reason: `the base history fails at ${e.path}:${e.line}:${e.column}: ${e.message}` };
    }
    if (total > 0 && this.worthSaving(work)) await this.provider.save(sandbox, key, { status: "ok", applied: total });
    return { sandbox };
  }
  /**
   * Like open(), with `seedRows` synthetic rows in every table. Seeding is the slow part of a
   * verification, and its rows are the same every time (seed.ts): the seeded database is
   * saved as an image of its own, keyed by the base's, and later ones start from it.
   */
  async openSeeded(input, limits, seedRows, on = []) {
    const extensions = this.extensionsFor(input, on);
    const key = hashKey([baseKey([...input.base, ...on], extensions), "seeded", SEED_FORMAT, String(seedRows)]);
    const saved = await this.provider.openSaved?.(key, extensions);
    if (saved) return { sandbox: saved.sandbox, seed: saved.meta, fromImage: true };
    const opened = await this.open(input, limits, on);
    if ("reason" in opened) return opened;
    const work = cpuClock();
    const seed = await seedTables(opened.sandbox, seedRows, limits.statementTimeoutMs);
    if (opened.sandbox.alive && seedRows > 0 && this.worthSaving(work)) await this.provider.save(opened.sandbox, key, seed);
    return { sandbox: opened.sandbox, seed, fromImage: false };
  }
  /** The schema after the reviewed migrations as written, on the base with no rows, or why there is none. */
  async expectedSchema(input, limits) {
    const known = this.expected.get(reviewKey(input));
    if (known) return known;
    const opened = await this.open(input, limits);
    if ("reason" in opened) return opened;
    try {
      return await applyReview(opened.sandbox, input, limits, "even without rows");
    } finally {
      await opened.sandbox.close();
    }
  }
  /** What a database holding the base and then the reviewed migrations, without rows, looked like (from the dry-run). */
  rememberSchema(input, schema) {
    this.expected.set(reviewKey(input), schema);
  }
  /** Why the reviewed migrations as written fail on the base with seeded rows, or undefined when they apply. */
  originalFailsWithRows(input, limits, seedRows, on = []) {
    const k = `${reviewKey({ base: [...input.base, ...on], review: input.review })} ${seedRows}`;
    let known = this.failsWithRows.get(k);
    if (!known) {
      known = (async () => {
        const opened = await this.openSeeded(input, limits, seedRows, on);
        if ("reason" in opened) return opened.reason;
        try {
          const r = await applyReview(opened.sandbox, input, limits, "with the seeded rows");
          return r instanceof Map ? void 0 : r.reason;
        } finally {
          await opened.sandbox.close();
        }
      })();
      this.failsWithRows.set(k, known);
    }
    return known;
  }
  async dispose() {
    await this.provider.dispose().catch(() => void 0);
  }
};
var SAVE_WORTH_CPU_MS = 200;
function cpuClock() {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e3;
}
async function applyReview(sandbox, input, limits, when) {
  for (const m of input.review) {
    if (m.up.errors.length > 0) return { reason: `${m.migration.up.path} does not parse` };
    let err;
    try {
      err = await applyUntraced(sandbox, m.up, m.migration.up.text, m.migration.transaction, limits);
    } catch (e) {
      err = { ...toDbError(e), path: m.migration.up.path, line: 1, column: 1 };
    }
    if (err) return { reason: `the migration itself fails on the engine ${when}, at ${err.path}:${err.line}: ${err.message}` };
  }
  return takeSnapshot(sandbox);
}
function reviewKey(input) {
  return hashKey([baseKey(input.base), ...input.review.flatMap((m) => [m.migration.id, m.migration.transaction, m.migration.up.text])]);
}
function sessionFor(opts) {
  return opts.session ? { session: opts.session, owned: false } : { session: new VerifySession(opts), owned: true };
}

// src/verify/suggestions.ts
var PLACEHOLDER = /(['"])<[A-Za-z][\w .-]*>\1/;
function runnableSuggestion(text, parse = {}) {
  if (!text || PLACEHOLDER.test(text)) return void 0;
  const parsed = parseSource({ path: "suggestion.sql", text }, parse);
  if (parsed.errors.length > 0) return void 0;
  const top = parsed.statements.filter((s) => !s.nestedIn);
  return top.length > 0 ? top : void 0;
}
function sqlOf(list) {
  return list.map((s) => `${s.text.trim().replace(/;\s*$/, "")};`).join("\n");
}
function placedParts(m, placements, serverVersion) {
  const mode = m.migration.transaction;
  const gone = new Set(placements.flatMap((p) => [...p.also]));
  const top = m.up.statements.filter((s) => !s.nestedIn && !gone.has(s.index));
  const parts = [];
  let run = [];
  let runFaithful = false;
  const part = (list, transaction, faithful) => {
    const statements = list.map((x) => x.s);
    const noEffect = fileTransaction(transaction, statements) === "none" ? localOutsideBlock(list) : void 0;
    return { text: sqlOf(statements), transaction, faithful, ...noEffect ? { noEffect } : {} };
  };
  const flush = () => {
    if (run.length) parts.push(part(run, mode, runFaithful));
    run = [];
    runFaithful = false;
  };
  const outside = (p) => p.sql.some((s) => cannotRunInTransaction(s, serverVersion));
  const mine = (list) => list.map((s) => ({ s, mine: true }));
  const inFile = (p) => {
    run.push(...mine(p.sql));
    runFaithful ||= outside(p);
  };
  const ownPart = (p, ahead = []) => {
    flush();
    const transaction = mode === "implicit" ? "implicit" : outside(p) || saysOutsideTransaction(p.suggestion) ? "none" : mode;
    parts.push(part(mine([...ahead, ...p.sql]), transaction, outside(p)));
  };
  const place = (p) => {
    if (saysOwnMigration(p.suggestion)) ownPart(p);
    else inFile(p);
  };
  const at = (index, runs) => placements.filter((p) => p.index === index && p.runs === runs);
  for (const s of top) {
    const ahead = at(s.index, "before");
    const instead = at(s.index, "instead")[0];
    if (instead && saysOwnMigration(instead.suggestion)) {
      for (const b of ahead.filter((b2) => saysOwnMigration(b2.suggestion))) place(b);
      ownPart(instead, ahead.filter((b) => !saysOwnMigration(b.suggestion)).flatMap((b) => b.sql));
    } else {
      for (const b of ahead) place(b);
      if (instead) inFile(instead);
      else run.push({ s, mine: false });
    }
    for (const a of at(s.index, "after")) place(a);
  }
  for (const p of [...at(void 0, "instead"), ...at(void 0, "after")]) place(p);
  flush();
  return parts.filter((p) => p.text !== "");
}
function localOutsideBlock(list) {
  let open = false;
  for (const { s, mine } of list) {
    const ctl = txControl(s);
    if (ctl === "begin") open = true;
    else if (ctl === "commit" || ctl === "rollback") open = false;
    const set = s.ast.VariableSetStmt;
    if (mine && !open && set?.is_local) {
      return `SET LOCAL ${set.name ?? ""} would run outside a transaction block, where it changes nothing (PostgreSQL: "SET LOCAL can only be used in transaction blocks")`;
    }
  }
  return void 0;
}
async function runPart(sandbox, path, part, limits, parse) {
  const parsed = parseSource({ path, text: part.text }, parse);
  if (!part.faithful) return applyUntraced(sandbox, parsed, part.text, part.transaction, limits);
  const out = await executeTraced({ sandbox, parsed, sourceText: part.text, transaction: part.transaction, pre: await relationsNow(sandbox), limits });
  return out.error ?? null;
}
var NO_PLACE = {
  nested: "it is about a statement inside another one, so there is no place to run it",
  rollback: "it is about the rollback file, so there is no place to run it",
  file: "it is about the file as a whole, not one statement of it, so there is no statement to run it before or in place of"
};
async function verifySuggestions(base, review, opts) {
  const out = { verified: 0, failed: 0, notRun: 0 };
  const seedRows = opts.seedRows ?? 100;
  const limits = { statementTimeoutMs: opts.statementTimeoutMs ?? 1e4, deadline: Date.now() + (opts.totalTimeoutMs ?? 12e4) };
  const jobs = review.flatMap(
    (m, i) => m.report.findings.map((f) => ({ m, i, f, sql: runnableSuggestion(f.suggestion, templateOptions(m.migration.layout)) })).filter((j) => !!j.sql).map((j) => ({
      ...j,
      // Taken now: a suggestion taken back loses where it went.
      place: { index: j.f.statement, sql: j.sql, suggestion: j.f.suggestion, runs: j.f.suggestionRuns ?? "instead", also: new Set((j.f.alsoReplaces ?? []).map((r) => r.statement)) }
    })).filter(({ f }) => {
      const inUp = f.path === void 0 || f.path === m.migration.up.path;
      if (f.statement !== void 0 && inUp && m.up.statements.some((s) => s.index === f.statement && !s.nestedIn)) return true;
      if (f.statement === void 0 && inUp && f.suggestionRuns !== "before" && !f.alsoReplaces?.length) return true;
      f.suggestionVerification = { status: "not-run", reason: !inUp ? NO_PLACE.rollback : f.statement === void 0 ? NO_PLACE.file : NO_PLACE.nested };
      out.notRun++;
      return false;
    })
  );
  if (jobs.length === 0) return out;
  let own;
  let inGroup;
  try {
    const { session, owned } = sessionFor(opts);
    if (owned) own = session;
    let ran = 0;
    const takeBack = (job, v) => {
      const words = opts.fallback(job.f);
      delete job.f.suggestionRuns;
      delete job.f.alsoReplaces;
      job.f.suggestion = `(the suggested SQL failed when run on ${v.engine}: ${v.reason}, so it is not shown)${words ? ` ${words}` : ""}`;
    };
    for (const job of jobs) {
      if (ran >= (opts.limit ?? 20) || Date.now() > limits.deadline) {
        job.f.suggestionVerification = { status: "not-run", reason: "the verification limit of this run was reached" };
        out.notRun++;
        continue;
      }
      ran++;
      job.f.suggestionVerification = await runPlaced(session, base, review.slice(0, job.i), job.m, [job.place], limits, seedRows, "the suggestion");
      const v = job.f.suggestionVerification;
      if (v.status === "verified") out.verified++;
      else if (v.status === "not-run") out.notRun++;
      else {
        out.failed++;
        takeBack(job, v);
      }
    }
    const runTogether = async (i, m, group) => {
      inGroup = group;
      const before = review.slice(0, i);
      const lines = (list) => list.map((j) => j.f.line).join(", ");
      if (Date.now() > limits.deadline) {
        for (const j of group) j.f.suggestionVerification = { status: "not-run", reason: `not run together with the other suggestions for this file (lines ${lines(group.filter((g) => g !== j))}): the verification time limit was reached` };
        out.verified -= group.length;
        out.notRun += group.length;
        return;
      }
      const all = await runPlaced(session, base, before, m, group.map((j) => j.place), limits, seedRows, "the suggestions together");
      if (all.status === "verified") return;
      if (all.status === "not-run") {
        for (const j of group) j.f.suggestionVerification = { status: "not-run", reason: `run together with the other suggestions for this file (lines ${lines(group.filter((g) => g !== j))}): ${all.reason}` };
        out.verified -= group.length;
        out.notRun += group.length;
        return;
      }
      const kept = [group[0]];
      for (const j of group.slice(1)) {
        if ((ran >= (opts.limit ?? 20) || Date.now() > limits.deadline) && kept.length + 1 < group.length) {
          j.f.suggestionVerification = { status: "not-run", reason: `together with the other suggestions for this file it failed (${all.reason}), and the verification limit was reached before the one that breaks was found` };
          out.verified--;
          out.notRun++;
          continue;
        }
        const trial = [...kept, j];
        const whole = trial.length === group.length;
        if (!whole) ran++;
        const v = whole ? all : await runPlaced(session, base, before, m, inFileOrder(trial).map((t) => t.place), limits, seedRows, "the suggestions together");
        if (v.status === "verified") {
          kept.push(j);
          continue;
        }
        out.verified--;
        if (v.status === "not-run") {
          j.f.suggestionVerification = v;
          out.notRun++;
          continue;
        }
        j.f.suggestionVerification = { ...v, reason: `applied together with the suggestion${kept.length > 1 ? "s" : ""} for line${kept.length > 1 ? "s" : ""} ${lines(kept)}, it fails: ${v.reason}` };
        out.failed++;
        takeBack(j, j.f.suggestionVerification);
      }
    };
    for (const [i, m] of review.entries()) {
      const alone = jobs.filter((j) => j.i === i && j.f.suggestionVerification?.status === "verified");
      const group = together(alone);
      if (group.length >= 2) await runTogether(i, m, group);
      for (const alt of alone.filter((j) => !group.some((g) => g.f === j.f))) {
        withdrawAlternative(alt, group, out, opts.fallback, takeBack);
      }
    }
    inGroup = void 0;
  } catch (e) {
    const reason = `the verification engine failed: ${e instanceof Error ? e.message : String(e)}`;
    for (const j of jobs) {
      if (!j.f.suggestionVerification) {
        j.f.suggestionVerification = { status: "not-run", reason };
        out.notRun++;
      } else if (inGroup?.some((g) => g.f === j.f) && j.f.suggestionVerification.status === "verified") {
        j.f.suggestionVerification = { status: "not-run", reason: `not run together with the other suggestions for this file: ${reason}` };
        out.verified--;
        out.notRun++;
      }
    }
  } finally {
    await own?.dispose();
  }
  return out;
}
async function runPlaced(session, base, before, m, placements, limits, seedRows, what) {
  const on = before.map((a) => ({ migration: a.migration, up: a.up, down: null }));
  const input = { base, review: [{ migration: m.migration, up: m.up, down: null }] };
  const opened = await session.openSeeded(input, limits, seedRows, on);
  if ("reason" in opened) return { status: "not-run", reason: opened.reason };
  const sandbox = opened.sandbox;
  let failure;
  let result;
  try {
    const where = { engine: sandbox.engine, serverVersion: sandbox.serverVersion, seededRows: opened.seed.tables.length > 0 ? seedRows : 0 };
    const parts = placedParts(m, placements, sandbox.serverVersion);
    let err = null;
    for (const part of parts) {
      if (part.noEffect) {
        err = { message: part.noEffect, sqlstate: "25P01" };
        break;
      }
      try {
        err = await runPart(sandbox, m.migration.up.path, part, limits, templateOptions(m.migration.layout));
      } catch (e) {
        err = toDbError(e);
      }
      if (err) break;
    }
    if (!err) return { status: "verified", ...where };
    failure = `${err.message} (SQLSTATE ${err.sqlstate})`;
    result = { status: "failed", ...where, reason: failure };
  } finally {
    await sandbox.close();
  }
  const own = await session.originalFailsWithRows(input, limits, seedRows, on);
  return own ? { status: "not-run", reason: `${own}; ${what} failed on them too (${failure})` } : result;
}
function sameSql(a, b) {
  const text = (p) => p.suggestion.replace(/\s+/g, " ").trim();
  return a.runs === b.runs && text(a) === text(b) && [...a.also].join() === [...b.also].join();
}
function claims(p) {
  return [...p.index === void 0 ? [] : [p.index], ...p.also];
}
function withdrawAlternative(alt, group, out, fallback, takeBack) {
  const mine = claims(alt.place);
  const chosen = group.find((g) => g.place.runs === "instead" && claims(g.place).some((c) => mine.includes(c)));
  if (!chosen) return;
  const v = chosen.f.suggestionVerification;
  if (sameSql(alt.place, chosen.place)) {
    if (v?.status === "verified") return;
    out.verified--;
    if (v?.status === "failed") {
      out.failed++;
      alt.f.suggestionVerification = { ...v };
      takeBack(alt, v);
    } else {
      out.notRun++;
      alt.f.suggestionVerification = v ? { ...v } : { status: "not-run", reason: "it was not run together with the other suggestions for this file" };
    }
    return;
  }
  const how = v?.status === "verified" ? `was verified${group.length > 1 ? " together with the other suggestions for this file" : ""} and is the one shown: apply one of them, not both` : `was tried first with the other suggestions for this file and is not shown either (${v?.status === "failed" ? "it failed" : "it was not run"}); this one was never run with them`;
  alt.f.suggestionVerification = { status: "not-run", reason: `it replaces the same statement as the suggestion of ${chosen.f.rule} (line ${chosen.f.line}), which ${how}` };
  out.verified--;
  out.notRun++;
  const words = fallback(alt.f);
  delete alt.f.suggestionRuns;
  delete alt.f.alsoReplaces;
  alt.f.suggestion = `(its SQL is not shown: the suggestion of ${chosen.f.rule} at line ${chosen.f.line} replaces the same statement)${words ? ` ${words}` : ""}`;
}
var FILE_END = Number.MAX_SAFE_INTEGER;
function templateOptions(layout) {
  return layout === "pop" ? { goTemplates: true } : {};
}
function inFileOrder(jobs) {
  return [...jobs].sort((a, b) => (a.place.index ?? FILE_END) - (b.place.index ?? FILE_END));
}
function together(jobs) {
  const replacing = inFileOrder(jobs.filter((j) => j.place.runs === "instead"));
  const adding = inFileOrder(jobs.filter((j) => j.place.runs !== "instead"));
  const taken = /* @__PURE__ */ new Set();
  const absorbedBy = /* @__PURE__ */ new Map();
  const out = [];
  for (const j of replacing) {
    const claimed = claims(j.place);
    if (claimed.some((c) => taken.has(c))) continue;
    for (const c of claimed) taken.add(c);
    for (const c of j.place.also) absorbedBy.set(c, j.place.index);
    out.push(j);
  }
  for (const j of adding) {
    const index = j.place.index;
    out.push(index !== void 0 && absorbedBy.has(index) ? { ...j, place: { ...j.place, index: absorbedBy.get(index) } } : j);
  }
  return out;
}

// src/verify/plan.ts
var SUE = lockRank("ShareUpdateExclusiveLock");
function lockViolation(step, traces, base) {
  const maintenance = /No online alternative/i.test(step.prose);
  for (const t of traces) {
    const rewritten = (t.rewrittenTables ?? []).filter((r) => base.has(r));
    if (!maintenance && rewritten.length > 0) return `step ${step.id} rewrote ${rewritten.join(", ")}, which the plan does not say`;
  }
  const validatesOnly = step.sql.every((s) => /^\s*ALTER\s+TABLE\b[^;]*\bVALIDATE\s+CONSTRAINT\b/i.test(s));
  if (validatesOnly) {
    const strong = traces.flatMap((t) => t.locks).find((l) => l.preExisting && l.kind === "table" && lockRank(l.mode) > SUE);
    if (strong) return `step ${step.id} took ${strong.mode} on ${strong.relation}; the plan says SHARE UPDATE EXCLUSIVE`;
  }
  return void 0;
}
async function runStep(sandbox, step, limits, parse) {
  if (step.sql.length === 0) return { traces: [] };
  const text = step.sql.map((s) => `${s};`).join("\n");
  const parsed = parseSource({ path: `step ${step.id}`, text }, parse);
  if (parsed.errors.length > 0) return { error: `step ${step.id} does not parse: ${parsed.errors[0].message}`, traces: [] };
  const pre = await relationsNow(sandbox);
  const out = await executeTraced({ sandbox, parsed, sourceText: text, transaction: step.transaction === "one" ? "wrapped" : "none", pre, limits });
  if (out.error) {
    const stmt = parsed.statements.find((s) => s.line === out.error.line);
    return { error: `step ${step.id} failed: ${out.error.message} (SQLSTATE ${out.error.sqlstate})${stmt ? ` in: ${stmt.text.split("\n")[0].slice(0, 120)}` : ""}`, traces: out.traces };
  }
  return { traces: out.traces };
}
async function runPhase(sandbox, phase, limits, base, parse) {
  for (const step of phase.steps) {
    const r = await runStep(sandbox, step, limits, parse(step.source.path));
    const failure = r.error ?? lockViolation(step, r.traces, base);
    if (failure) return { failure, step: step.id };
  }
  return void 0;
}
async function runRollback(sandbox, phase, before, limits, parse) {
  const text = (phase.rollbackSql ?? []).map((s) => `${s};`).join("\n");
  const pop = phase.steps.map((s) => parse(s.source.path)).find((o) => o.goTemplates) ?? {};
  const parsed = parseSource({ path: `rollback of ${phase.name}`, text }, pop);
  if (parsed.errors.length > 0) return `the rollback SQL does not parse: ${parsed.errors[0].message}`;
  const err = await applyUntraced(sandbox, parsed, text, "none", limits, true);
  if (err) {
    const stmt = parsed.statements.find((s) => s.line === err.line);
    return `the rollback SQL failed: ${err.message} (SQLSTATE ${err.sqlstate})${stmt ? ` in: ${stmt.text.split("\n")[0].slice(0, 120)}` : ""}`;
  }
  const differences = diffSnapshots(before, await takeSnapshot(sandbox), "after the rollback");
  if (differences.length === 0) return void 0;
  return `the rollback SQL does not undo the phase: ${differences.slice(0, 5).join("; ")}${differences.length > 5 ? ` (and ${differences.length - 5} more)` : ""}`;
}
async function verifyPlan(doc, input, opts) {
  const notRun = (reason) => ({ plan: { status: "not-run", reason }, phases: doc.phases.map(() => ({ status: "not-run", reason })), rollbacks: doc.phases.map(() => ({ status: "not-run", reason })) });
  if (doc.phases.every((p) => p.steps.every((s) => s.sql.length === 0))) return notRun("the plan has no SQL to run");
  const seedRows = opts.seedRows ?? 100;
  const limits = { statementTimeoutMs: opts.statementTimeoutMs ?? 1e4, deadline: Date.now() + (opts.totalTimeoutMs ?? 12e4) };
  let own;
  let sandbox;
  try {
    const { session, owned } = sessionFor(opts);
    if (owned) own = session;
    const expected = await session.expectedSchema(input, limits);
    if (!(expected instanceof Map)) return notRun(expected.reason);
    const b = await session.openSeeded(input, limits, seedRows);
    if ("reason" in b) return notRun(b.reason);
    sandbox = b.sandbox;
    const rows = b.seed.tables.length > 0 ? seedRows : 0;
    const layouts = new Map(input.review.map((r) => [r.migration.up.path, r.migration.layout]));
    const parse = (path) => templateOptions(layouts.get(path) ?? "plain");
    const where = { engine: sandbox.engine, serverVersion: sandbox.serverVersion, seededRows: rows };
    const base = new Set([...(await relationsNow(sandbox)).values()].map((r) => r.name));
    const phases = [];
    const rollbacks = [];
    let failure;
    for (const [i, phase] of doc.phases.entries()) {
      if (failure) {
        phases.push({ status: "not-run", reason: "an earlier phase failed" });
        rollbacks.push({ status: "not-run", reason: "an earlier phase failed" });
        continue;
      }
      const undo = (phase.rollbackSql ?? []).length > 0;
      const before = undo ? await takeSnapshot(sandbox) : void 0;
      const ran = await runPhase(sandbox, phase, limits, base, parse);
      if (ran) {
        failure = ran.failure;
        phases.push({ status: "failed", ...where, reason: ran.failure, step: ran.step });
        rollbacks.push({ status: "not-run", reason: "the phase failed" });
        continue;
      }
      phases.push({ status: "verified", ...where });
      if (!before) {
        rollbacks.push({ status: "not-run", reason: "the phase has no rollback SQL" });
        continue;
      }
      let broke = await runRollback(sandbox, phase, before, limits, parse);
      if (!broke) {
        const again = await runPhase(sandbox, phase, limits, base, parse);
        if (again) broke = `after the rollback, the phase does not run again: ${again.failure}`;
      }
      if (broke && Date.now() >= limits.deadline) {
        const reason = "the verification total time limit was reached";
        const rest = doc.phases.slice(i + 1).map(() => ({ status: "not-run", reason }));
        return { plan: { status: "not-run", reason }, phases: [...phases, ...rest], rollbacks: [...rollbacks, { status: "not-run", reason }, ...rest] };
      }
      rollbacks.push(broke ? { status: "failed", ...where, reason: broke } : { status: "verified", ...where });
      if (broke) {
        await sandbox.close();
        sandbox = void 0;
        const fresh = await session.openSeeded(input, limits, seedRows);
        if ("reason" in fresh) return { ...notRun(fresh.reason), rollbacks: [...rollbacks, ...doc.phases.slice(i + 1).map(() => ({ status: "not-run", reason: fresh.reason }))] };
        sandbox = fresh.sandbox;
        for (const done of doc.phases.slice(0, i + 1)) {
          const r = await runPhase(sandbox, done, limits, base, parse);
          if (r) throw new Error(`phase ${done.name} failed when run again on a fresh database: ${r.failure}`);
        }
      }
    }
    if (failure) {
      await sandbox.close();
      sandbox = void 0;
      const fails = await session.originalFailsWithRows(input, limits, seedRows);
      if (fails) return notRun(`${fails}; the plan failed on them too (${failure})`);
      return { plan: { status: "failed", ...where, reason: failure }, phases, rollbacks };
    }
    const differences = diffSnapshots(expected, await takeSnapshot(sandbox), "after the plan");
    if (differences.length > 0) {
      const reason = `the schema after the last phase differs from what the migration produces: ${differences.slice(0, 5).join("; ")}${differences.length > 5 ? ` (and ${differences.length - 5} more)` : ""}`;
      return { plan: { status: "failed", ...where, reason }, phases, rollbacks };
    }
    return { plan: { status: "verified", ...where }, phases, rollbacks };
  } catch (e) {
    return notRun(`the verification engine failed: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await sandbox?.close();
    await own?.dispose();
  }
}

// src/dryrun/column-shape.ts
var COLUMN = `
  select a.attnum::int as attnum, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as notnull, pg_get_expr(d.adbin, d.adrelid) as def,
         a.attidentity::text as identity, a.attgenerated::text as generated, c.relkind::text as relkind,
         exists (select 1 from pg_inherits h where h.inhparent = c.oid) as has_children,
         (select s.oid::regclass::text from pg_depend dep join pg_class s on s.oid = dep.objid and s.relkind = 'S'
           where dep.classid = 'pg_class'::regclass and dep.refobjid = c.oid and dep.refobjsubid = a.attnum and dep.deptype = 'a' limit 1) as owned_sequence
    from pg_attribute a join pg_class c on c.oid = a.attrelid
    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
   where a.attrelid = to_regclass($1::text) and a.attname = $2::text and not a.attisdropped`;
var INDEXES = `
  select ic.relname as name, pg_get_indexdef(i.indexrelid) as def, k.conname, k.contype::text as contype,
         coalesce(k.condeferrable, false) as deferrable, coalesce(k.condeferred, false) as deferred
    from pg_index i join pg_class ic on ic.oid = i.indexrelid
    left join pg_constraint k on k.conindid = i.indexrelid and k.conrelid = i.indrelid and k.contype in ('p', 'u', 'x')
   where i.indrelid = to_regclass($1::text)
     and ($2::int2 = any (i.indkey::int2[])
          or exists (select 1 from pg_depend dep where dep.classid = 'pg_class'::regclass and dep.objid = i.indexrelid
                       and dep.refclassid = 'pg_class'::regclass and dep.refobjid = i.indrelid and dep.refobjsubid = $2::int))
   order by ic.relname`;
var CONSTRAINTS = `
  select k.conname as name, pg_get_constraintdef(k.oid) as def, k.convalidated as validated
    from pg_constraint k
   where k.conrelid = to_regclass($1::text) and k.contype in ('c', 'f') and $2::int2 = any (k.conkey)
   order by k.conname`;
var BLOCKERS = `
  select 'foreign key ' || quote_ident(k.conname) || ' of ' || k.conrelid::regclass::text || ' references it' as why
    from pg_constraint k where k.contype = 'f' and k.confrelid = to_regclass($1::text) and $2::int2 = any (k.confkey)
  union all
  select case dep.classid
           when 'pg_rewrite'::regclass then (select 'view ' || r.ev_class::regclass::text || ' uses it' from pg_rewrite r where r.oid = dep.objid)
           when 'pg_trigger'::regclass then (select 'trigger ' || quote_ident(t.tgname) || ' reads it' from pg_trigger t where t.oid = dep.objid and not t.tgisinternal)
           when 'pg_policy'::regclass then (select 'policy ' || quote_ident(p.polname) || ' reads it' from pg_policy p where p.oid = dep.objid)
           when 'pg_attrdef'::regclass then (select 'generated column ' || quote_ident(a.attname) || ' is computed from it'
                                               from pg_attrdef ad join pg_attribute a on a.attrelid = ad.adrelid and a.attnum = ad.adnum
                                              where ad.oid = dep.objid and ad.adnum <> $2::int2 and a.attgenerated <> '')
           when 'pg_statistic_ext'::regclass then (select 'statistics object ' || quote_ident(s.stxname) || ' reads it' from pg_statistic_ext s where s.oid = dep.objid)
         end
    from pg_depend dep
   where dep.refclassid = 'pg_class'::regclass and dep.refobjid = to_regclass($1::text) and dep.refobjsubid = $2::int
     and dep.classid in ('pg_rewrite'::regclass, 'pg_trigger'::regclass, 'pg_policy'::regclass, 'pg_attrdef'::regclass, 'pg_statistic_ext'::regclass)`;
async function readColumnShape(db, relation, column) {
  const [col] = await db.query(COLUMN, [relation, column]);
  if (!col) return void 0;
  const params = [relation, col.attnum];
  const indexes = await db.query(INDEXES, params);
  const constraints = await db.query(CONSTRAINTS, params);
  const blockers = (await db.query(BLOCKERS, params)).map((r) => r.why).filter((w) => !!w);
  if (col.identity) blockers.push("it is an identity column");
  if (col.generated) blockers.push("it is a generated column");
  if (col.relkind === "p") blockers.push("the table is partitioned");
  if (col.has_children) blockers.push("the table has inheritance children");
  for (const i of indexes) if (i.contype === "x") blockers.push(`exclusion constraint ${i.conname} reads it (an EXCLUDE constraint cannot be attached USING INDEX)`);
  const shape = {
    type: col.type,
    notNull: col.notnull,
    indexes: indexes.filter((i) => i.contype !== "x").map((i) => ({
      name: i.name,
      definition: i.def,
      ...i.conname && (i.contype === "p" || i.contype === "u") ? { constraint: { name: i.conname, kind: i.contype === "p" ? "primary-key" : "unique", deferrable: i.deferrable, deferred: i.deferred } } : {}
    })),
    constraints: constraints.map((c) => ({ name: c.name, definition: c.def, validated: c.validated })),
    blockers: [...new Set(blockers)]
  };
  if (col.def !== null) shape.default = col.def;
  if (col.owned_sequence) shape.ownedSequence = col.owned_sequence;
  return shape;
}

// src/verify/shapes.ts
function relationOf(table) {
  const dot = table.indexOf(".");
  return `${ident(table.slice(0, dot))}.${ident(table.slice(dot + 1))}`;
}
function shapeTargets(m) {
  const out = [];
  const beforeMigration = (index, table, column) => {
    const source = columnTypeSource(m.up.statements, index, table, column);
    if (source && "table" in source && !out.some(([tb, c]) => tb === source.table && c === source.column)) out.push([source.table, source.column, relationOf(source.table)]);
  };
  for (const s of m.up.statements) {
    if (s.nestedIn) continue;
    const t = nodeTag(s.ast);
    if (t?.[0] === "UpdateStmt") {
      const table = relationName(t[1].relation);
      for (const n of t[1].targetList ?? []) {
        const name = as(n, "ResTarget")?.name;
        if (table && name) beforeMigration(s.index, table, name);
      }
      continue;
    }
    if (t?.[0] === "RenameStmt") {
      const r = t[1];
      if (r.renameType === "OBJECT_COLUMN" && r.relation?.relname && r.subname) {
        const schema2 = r.relation.schemaname ?? "public";
        out.push([`${schema2}.${r.relation.relname}`, r.subname, `${ident(schema2)}.${ident(r.relation.relname)}`]);
      }
      continue;
    }
    if (!t || t[0] !== "AlterTableStmt") continue;
    const v = t[1];
    const rel = v.relation;
    if (!rel?.relname || v.objtype !== void 0 && v.objtype !== "OBJECT_TABLE") continue;
    const schema = rel.schemaname ?? "public";
    for (const c of v.cmds ?? []) {
      const cmd = as(c, "AlterTableCmd");
      if (cmd?.subtype === "AT_AlterColumnType" && cmd.name) out.push([`${schema}.${rel.relname}`, cmd.name, `${ident(schema)}.${ident(rel.relname)}`]);
      const con = cmd?.subtype === "AT_AddConstraint" ? as(cmd.def, "Constraint") : void 0;
      if (con?.contype === "CONSTR_PRIMARY") for (const k of stringList(con.keys)) beforeMigration(s.index, `${schema}.${rel.relname}`, k);
    }
  }
  return out;
}
async function readMigrationShapes(db, m) {
  const shapes = /* @__PURE__ */ new Map();
  for (const [table, column, relation] of shapeTargets(m)) {
    const shape = await readColumnShape(db, relation, column);
    if (shape) shapes.set(columnShapeKey(table, column), shape);
  }
  if (shapes.size > 0) m.columnShapes = shapes;
}
function hasShapeTargets(m) {
  return shapeTargets(m).length > 0;
}
async function readColumnShapes(base, review, opts) {
  if (!review.some((m) => hasShapeTargets(m) && !opts.session?.shapesRead.has(m.migration.id))) return;
  const limits = { statementTimeoutMs: opts.statementTimeoutMs ?? 1e4, deadline: Date.now() + (opts.totalTimeoutMs ?? 12e4) };
  let own;
  try {
    const { session, owned } = sessionFor(opts);
    if (owned) own = session;
    const asDryRun = (m) => ({ migration: m.migration, up: m.up, down: null });
    const input = { base, review: review.map(asDryRun) };
    const opened = await session.open(input, limits);
    if ("reason" in opened) return;
    const sandbox = opened.sandbox;
    try {
      let all = true;
      for (const m of review) {
        if (!session.shapesRead.has(m.migration.id)) await readMigrationShapes(sandbox, m);
        const err = m.up.errors.length > 0 ? { message: "does not parse" } : await applyUntraced(sandbox, m.up, m.migration.up.text, m.migration.transaction, limits).catch(() => ({ message: "failed" }));
        if (err) {
          all = false;
          break;
        }
      }
      if (all && !owned) session.rememberSchema(input, await takeSnapshot(sandbox));
    } finally {
      await sandbox.close();
    }
  } catch {
  } finally {
    await own?.dispose();
  }
}
export {
  VerifySession,
  hasShapeTargets,
  readColumnShapes,
  readMigrationShapes,
  runnableSuggestion,
  templateOptions,
  verifyPlan,
  verifySuggestions
};
