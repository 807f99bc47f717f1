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
} from "./chunk-B4L4BM2W.js";
import {
  hashKey
} from "./chunk-2AUCPTE4.js";
import {
  columnShapeKey
} from "./chunk-TA7Q6LOO.js";
import {
  saysOutsideTransaction,
  saysOwnMigration
} from "./chunk-2FJ3R25C.js";
import {
  columnTypeSource,
  ident,
  parseSource
} from "./chunk-MWFXC2FY.js";
import {
  as,
  lockRank,
  nodeTag,
  relationName
} from "./chunk-CTL3ZZCH.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-QGIMEMHQ.js";
import "./chunk-BKYH3ZIB.js";
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
async function runStep(sandbox, step, limits) {
  if (step.sql.length === 0) return { traces: [] };
  const text = step.sql.map((s) => `${s};`).join("\n");
  const parsed = parseSource({ path: `step ${step.id}`, text });
  if (parsed.errors.length > 0) return { error: `step ${step.id} does not parse: ${parsed.errors[0].message}`, traces: [] };
  const pre = await relationsNow(sandbox);
  const out = await executeTraced({ sandbox, parsed, sourceText: text, transaction: step.transaction === "one" ? "wrapped" : "none", pre, limits });
  if (out.error) {
    const stmt = parsed.statements.find((s) => s.line === out.error.line);
    return { error: `step ${step.id} failed: ${out.error.message} (SQLSTATE ${out.error.sqlstate})${stmt ? ` in: ${stmt.text.split("\n")[0].slice(0, 120)}` : ""}`, traces: out.traces };
  }
  return { traces: out.traces };
}
async function verifyPlan(doc, input, opts) {
  const notRun = (reason) => ({ plan: { status: "not-run", reason }, phases: doc.phases.map(() => ({ status: "not-run", reason })) });
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
    const where = { engine: sandbox.engine, serverVersion: sandbox.serverVersion, seededRows: rows };
    const base = new Set([...(await relationsNow(sandbox)).values()].map((r) => r.name));
    const phases = [];
    let failure;
    for (const phase of doc.phases) {
      if (failure) {
        phases.push({ status: "not-run", reason: "an earlier phase failed" });
        continue;
      }
      for (const step of phase.steps) {
        const r = await runStep(sandbox, step, limits);
        failure = r.error ?? lockViolation(step, r.traces, base);
        if (failure) {
          phases.push({ status: "failed", ...where, reason: failure, step: step.id });
          break;
        }
      }
      if (!failure) phases.push({ status: "verified", ...where });
    }
    if (failure) {
      await sandbox.close();
      sandbox = void 0;
      const fails = await session.originalFailsWithRows(input, limits, seedRows);
      if (fails) return notRun(`${fails}; the plan failed on them too (${failure})`);
      return { plan: { status: "failed", ...where, reason: failure }, phases };
    }
    const differences = diffSnapshots(expected, await takeSnapshot(sandbox), "after the plan");
    if (differences.length > 0) {
      const reason = `the schema after the last phase differs from what the migration produces: ${differences.slice(0, 5).join("; ")}${differences.length > 5 ? ` (and ${differences.length - 5} more)` : ""}`;
      return { plan: { status: "failed", ...where, reason }, phases };
    }
    return { plan: { status: "verified", ...where }, phases };
  } catch (e) {
    return notRun(`the verification engine failed: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await sandbox?.close();
    await own?.dispose();
  }
}

// src/verify/suggestions.ts
var PLACEHOLDER = /(['"])<[A-Za-z][\w .-]*>\1/;
function runnableSuggestion(text) {
  if (!text || PLACEHOLDER.test(text)) return void 0;
  const parsed = parseSource({ path: "suggestion.sql", text });
  if (parsed.errors.length > 0) return void 0;
  const top = parsed.statements.filter((s) => !s.nestedIn);
  return top.length > 0 ? top : void 0;
}
function sqlOf(list) {
  return list.map((s) => `${s.text.trim().replace(/;\s*$/, "")};`).join("\n");
}
function suggestionParts(m, index, replacement, suggestion, runs, also) {
  const top = m.up.statements.filter((s) => !s.nestedIn && !also.has(s.index));
  const at = index === void 0 ? top.length : top.findIndex((s) => s.index === index);
  const before = top.slice(0, at);
  const after = runs === "before" ? top.slice(at) : top.slice(at + 1);
  const mode = m.migration.transaction;
  const outside = replacement.some((s) => cannotRunInTransaction(s));
  if (!saysOwnMigration(suggestion)) return [{ text: sqlOf([...before, ...replacement, ...after]), transaction: mode, faithful: outside }];
  return [
    { text: sqlOf(before), transaction: mode, faithful: false },
    { text: sqlOf(replacement), transaction: outside || saysOutsideTransaction(suggestion) ? "none" : mode, faithful: outside },
    { text: sqlOf(after), transaction: mode, faithful: false }
  ].filter((p) => p.text !== "");
}
async function runPart(sandbox, path, part, limits) {
  const parsed = parseSource({ path, text: part.text });
  if (!part.faithful) return applyUntraced(sandbox, parsed, part.text, part.transaction, limits);
  const out = await executeTraced({ sandbox, parsed, sourceText: part.text, transaction: part.transaction, pre: await relationsNow(sandbox), limits });
  return out.error ?? null;
}
var NO_PLACE = "it is about a statement inside another one, or about the rollback file, so there is no place to run it";
async function verifySuggestions(base, review, opts) {
  const out = { verified: 0, failed: 0, notRun: 0 };
  const seedRows = opts.seedRows ?? 100;
  const limits = { statementTimeoutMs: opts.statementTimeoutMs ?? 1e4, deadline: Date.now() + (opts.totalTimeoutMs ?? 12e4) };
  const jobs = review.flatMap(
    (m, i) => m.report.findings.map((f) => ({ m, i, f, sql: runnableSuggestion(f.suggestion) })).filter((j) => !!j.sql).filter(({ f }) => {
      const inUp = f.path === void 0 || f.path === m.migration.up.path;
      if (f.statement !== void 0 && inUp && m.up.statements.some((s) => s.index === f.statement && !s.nestedIn)) return true;
      if (f.statement === void 0 && inUp && f.suggestionRuns !== "before" && !f.alsoReplaces?.length) return true;
      f.suggestionVerification = { status: "not-run", reason: NO_PLACE };
      out.notRun++;
      return false;
    })
  );
  if (jobs.length === 0) return out;
  let own;
  try {
    const { session, owned } = sessionFor(opts);
    if (owned) own = session;
    let ran = 0;
    for (const job of jobs) {
      if (ran >= (opts.limit ?? 20) || Date.now() > limits.deadline) {
        job.f.suggestionVerification = { status: "not-run", reason: "the verification limit of this run was reached" };
        out.notRun++;
        continue;
      }
      ran++;
      job.f.suggestionVerification = await runOne(session, base, review.slice(0, job.i), job.m, job.f, job.sql, limits, seedRows);
      const v = job.f.suggestionVerification;
      if (v.status === "verified") out.verified++;
      else if (v.status === "not-run") out.notRun++;
      else {
        out.failed++;
        const words = opts.fallback(job.f);
        delete job.f.suggestionRuns;
        delete job.f.alsoReplaces;
        job.f.suggestion = `(the suggested SQL failed when run on ${v.engine}: ${v.reason}, so it is not shown)${words ? ` ${words}` : ""}`;
      }
    }
  } catch (e) {
    for (const j of jobs) {
      if (!j.f.suggestionVerification) {
        j.f.suggestionVerification = { status: "not-run", reason: `the verification engine failed: ${e instanceof Error ? e.message : String(e)}` };
        out.notRun++;
      }
    }
  } finally {
    await own?.dispose();
  }
  return out;
}
async function runOne(session, base, before, m, f, sql, limits, seedRows) {
  const on = before.map((a) => ({ migration: a.migration, up: a.up, down: null }));
  const input = { base, review: [{ migration: m.migration, up: m.up, down: null }] };
  const opened = await session.openSeeded(input, limits, seedRows, on);
  if ("reason" in opened) return { status: "not-run", reason: opened.reason };
  const sandbox = opened.sandbox;
  let failure;
  let result;
  try {
    const where = { engine: sandbox.engine, serverVersion: sandbox.serverVersion, seededRows: opened.seed.tables.length > 0 ? seedRows : 0 };
    const parts = suggestionParts(m, f.statement, sql, f.suggestion, f.suggestionRuns ?? "instead", new Set((f.alsoReplaces ?? []).map((r) => r.statement)));
    let err = null;
    for (const part of parts) {
      try {
        err = await runPart(sandbox, m.migration.up.path, part, limits);
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
  return own ? { status: "not-run", reason: `${own}; the suggestion failed on them too (${failure})` } : result;
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
  for (const s of m.up.statements) {
    if (s.nestedIn) continue;
    const t = nodeTag(s.ast);
    if (t?.[0] === "UpdateStmt") {
      const table = relationName(t[1].relation);
      for (const n of t[1].targetList ?? []) {
        const name = as(n, "ResTarget")?.name;
        const source = table && name ? columnTypeSource(m.up.statements, s.index, table, name) : void 0;
        if (source && "table" in source && !out.some(([tb, c]) => tb === source.table && c === source.column)) out.push([source.table, source.column, relationOf(source.table)]);
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
  verifyPlan,
  verifySuggestions
};
