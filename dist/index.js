import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  renderJson,
  renderSarif,
  verdict
} from "./chunks/chunk-QWNBOI35.js";
import {
  readStatsFromUrl
} from "./chunks/chunk-YWX34JRL.js";
import "./chunks/chunk-ZCZCFGZS.js";
import "./chunks/chunk-HQM6YGGO.js";
import {
  ACTIONS_BOT,
  RULE_IDS,
  STATUS_CONTEXT,
  STICKY_MARKER,
  apiRepoFiles,
  buildOctokit,
  checkPullRequest,
  configErrorLine,
  configErrorMarkdown,
  configOnRef,
  findStickyComments,
  handleApprovalComment,
  parseApprovalCommand,
  parseApprovers,
  parsePermissionLevel,
  parseRisk,
  parseState,
  publishConfigErrorComment,
  readConfigText,
  readRepoFile,
  renderSummary,
  requestTimeoutFromEnv,
  reviewMergeGroup,
  reviewPullRequest,
  setCommitStatus,
  tokenIdentity,
  voidedReason,
  writeIntervalFromEnv
} from "./chunks/chunk-YPGMTMRV.js";
import {
  fsRepoFiles,
  renderAnnotations,
  runCheck
} from "./chunks/chunk-L7Z44GLS.js";
import "./chunks/chunk-BBEK6YX4.js";
import "./chunks/chunk-Q2FU2UXF.js";
import "./chunks/chunk-TDEUNMES.js";
import "./chunks/chunk-MRESAA5M.js";
import "./chunks/chunk-MBFNBSKS.js";
import {
  loadConfig
} from "./chunks/chunk-JDTEEXS6.js";
import "./chunks/chunk-TGAEFO6I.js";
import "./chunks/chunk-4I7UKKAC.js";
import {
  ConfigError
} from "./chunks/chunk-QKDHYJIW.js";
import {
  tableStatsFromText
} from "./chunks/chunk-UBPJFDOA.js";
import "./chunks/chunk-CRPVOVPB.js";
import "./chunks/chunk-LHUFNNUF.js";
import "./chunks/chunk-YZNHLSLL.js";
import "./chunks/chunk-UHER332N.js";
import "./chunks/chunk-M7F56F33.js";
import "./chunks/chunk-2FJ3R25C.js";
import "./chunks/chunk-YRNUPKXT.js";
import "./chunks/chunk-RRVIRGX7.js";
import "./chunks/chunk-UTBNT2LW.js";
import {
  withMajorVersion
} from "./chunks/chunk-O6AHY4CV.js";
import {
  RISKS
} from "./chunks/chunk-GAJUOGXM.js";
import "./chunks/chunk-KBDENZBY.js";
import "./chunks/chunk-A3JI777A.js";
import "./chunks/chunk-ZGDBGMMU.js";

// src/action/main.ts
import { mkdir as mkdir2, readFile, writeFile as writeFile2 } from "node:fs/promises";
import path from "node:path";

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text, addEOL = false) {
    this._buffer += text;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header, data, colspan, rowspan } = cell;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";

// node_modules/@actions/io/lib/io-util.js
import * as fs2 from "fs";
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs2.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs2.constants.O_RDONLY;

// node_modules/@actions/exec/lib/toolrunner.js
var IS_WINDOWS2 = process.platform === "win32";

// node_modules/@actions/core/lib/platform.js
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function notice(message, properties = {}) {
  issueCommand("notice", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}

// node_modules/@actions/github/lib/context.js
import { readFileSync, existsSync as existsSync2 } from "fs";
import { EOL as EOL5 } from "os";
var Context = class {
  /**
   * Hydrate the context from the environment
   */
  constructor() {
    var _a, _b, _c;
    this.payload = {};
    if (process.env.GITHUB_EVENT_PATH) {
      if (existsSync2(process.env.GITHUB_EVENT_PATH)) {
        this.payload = JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH, { encoding: "utf8" }));
      } else {
        const path2 = process.env.GITHUB_EVENT_PATH;
        process.stdout.write(`GITHUB_EVENT_PATH ${path2} does not exist${EOL5}`);
      }
    }
    this.eventName = process.env.GITHUB_EVENT_NAME;
    this.sha = process.env.GITHUB_SHA;
    this.ref = process.env.GITHUB_REF;
    this.workflow = process.env.GITHUB_WORKFLOW;
    this.action = process.env.GITHUB_ACTION;
    this.actor = process.env.GITHUB_ACTOR;
    this.job = process.env.GITHUB_JOB;
    this.runAttempt = parseInt(process.env.GITHUB_RUN_ATTEMPT, 10);
    this.runNumber = parseInt(process.env.GITHUB_RUN_NUMBER, 10);
    this.runId = parseInt(process.env.GITHUB_RUN_ID, 10);
    this.apiUrl = (_a = process.env.GITHUB_API_URL) !== null && _a !== void 0 ? _a : `https://api.github.com`;
    this.serverUrl = (_b = process.env.GITHUB_SERVER_URL) !== null && _b !== void 0 ? _b : `https://github.com`;
    this.graphqlUrl = (_c = process.env.GITHUB_GRAPHQL_URL) !== null && _c !== void 0 ? _c : `https://api.github.com/graphql`;
  }
  get issue() {
    const payload = this.payload;
    return Object.assign(Object.assign({}, this.repo), { number: (payload.issue || payload.pull_request || payload).number });
  }
  get repo() {
    if (process.env.GITHUB_REPOSITORY) {
      const [owner, repo] = process.env.GITHUB_REPOSITORY.split("/");
      return { owner, repo };
    }
    if (this.payload.repository) {
      return {
        owner: this.payload.repository.owner.login,
        repo: this.payload.repository.name
      };
    }
    throw new Error("context.repo requires a GITHUB_REPOSITORY environment variable like 'owner/repo'");
  }
};

// node_modules/@actions/github/lib/github.js
var context = new Context();

// src/action/inputs.ts
var InputError = class extends Error {
  constructor(input, message) {
    super(`input "${input}": ${message}`);
    this.input = input;
    this.name = "InputError";
  }
  input;
};
function parseInputs(get) {
  const text = (name) => get(name).trim();
  const optional = (name) => text(name) || void 0;
  const token = text("github-token");
  if (!token) throw new InputError("github-token", "is empty; give it `${{ github.token }}` (the default) or a token with pull-requests and statuses write access");
  const pg = optional("pg-version");
  let pgVersion;
  if (pg !== void 0) {
    pgVersion = Number(pg);
    if (!Number.isInteger(pgVersion) || pgVersion < 9 || pgVersion > 19) throw new InputError("pg-version", `"${pg}" is not a Postgres major version (9 to 19)`);
  }
  const failOnText = optional("fail-on");
  let failOn;
  if (failOnText !== void 0) {
    failOn = failOnText.toLowerCase() === "never" ? "never" : parseRisk(failOnText) ?? void 0;
    if (!failOn) throw new InputError("fail-on", `"${failOnText}" is not one of ${[...RISKS, "never"].join(", ")}`);
  }
  const approvalText = optional("approval-risk");
  let approvalRisk;
  if (approvalText !== void 0) {
    approvalRisk = parseRisk(approvalText) ?? void 0;
    if (!approvalRisk) throw new InputError("approval-risk", `"${approvalText}" is not one of ${RISKS.join(", ")}`);
  }
  const permText = text("approver-permission") || "write";
  const approverPermission = parsePermissionLevel(permText);
  if (!approverPermission) throw new InputError("approver-permission", `"${permText}" is not one of read, triage, write, maintain, admin`);
  let approvers;
  try {
    approvers = parseApprovers(list(get("approvers")));
  } catch (e) {
    throw new InputError("approvers", e.message);
  }
  const engineText = optional("dry-run-engine");
  if (engineText !== void 0 && !["pglite", "url", "local"].includes(engineText)) {
    throw new InputError("dry-run-engine", `"${engineText}" is not one of pglite, url, local`);
  }
  const dryRunEngine = engineText;
  const databaseUrl = optional("database-url");
  if (dryRunEngine === "url" && !databaseUrl) throw new InputError("database-url", "is needed when dry-run-engine is url");
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new InputError("database-url", "must start with postgres:// or postgresql://");
  const statsDatabaseUrl = optional("stats-database-url");
  if (statsDatabaseUrl && !/^postgres(ql)?:\/\//.test(statsDatabaseUrl)) throw new InputError("stats-database-url", "must start with postgres:// or postgresql://");
  return {
    migrations: list(get("migrations")),
    ...optional("table-stats") ? { tableStats: optional("table-stats") } : {},
    ...statsDatabaseUrl ? { statsDatabaseUrl } : {},
    ...optional("config") ? { configFile: optional("config") } : {},
    workingDirectory: text("working-directory") || ".",
    ...pgVersion !== void 0 ? { pgVersion } : {},
    ...failOn ? { failOn } : {},
    ...optionalBool(get, "dry-run") !== void 0 ? { dryRun: optionalBool(get, "dry-run") } : {},
    ...dryRunEngine ? { dryRunEngine } : {},
    ...databaseUrl ? { databaseUrl } : {},
    token,
    comment: optionalBool(get, "comment") ?? true,
    ...approvalRisk ? { approvalRisk } : {},
    approverPermission,
    approvers,
    allowAuthorApproval: optionalBool(get, "allow-author-approval") ?? false,
    allowContributorApproval: optionalBool(get, "allow-contributor-approval") ?? false,
    statusContext: text("status-context") || "migration-guard",
    ...optional("report-file") ? { reportFile: optional("report-file") } : {},
    ...optional("sarif-file") ? { sarifFile: optional("sarif-file") } : {}
  };
}
function list(value) {
  return value.split(/[\n,]/).map((s) => s.trim()).filter((s) => s.length > 0);
}
function optionalBool(get, name) {
  const v = get(name).trim();
  if (!v) return void 0;
  if (["true", "True", "TRUE"].includes(v)) return true;
  if (["false", "False", "FALSE"].includes(v)) return false;
  throw new InputError(name, `"${v}" is not a boolean (true or false)`);
}

// src/action/read-only.ts
var FORK_DOCS = "https://github.com/migration-guard/migration-guard/blob/main/docs/action.md#forks";
function isWriteRefused(e) {
  if (!e || typeof e !== "object" || !("status" in e)) return false;
  const err = e;
  const method = (err.request?.method ?? "").toUpperCase();
  if (err.status !== 403 || method === "GET" || method === "") return false;
  if (/rate limit/i.test(err.message) || err.response?.headers?.["retry-after"] || err.response?.headers?.["x-ratelimit-remaining"] === "0") return false;
  return true;
}
function once(run2) {
  const results = /* @__PURE__ */ new Map();
  return (changes) => {
    const key = JSON.stringify(changes);
    let result = results.get(key);
    if (!result) {
      result = run2(changes);
      results.set(key, result);
    }
    return result;
  };
}
async function reviewWithoutWrites(octokit, repo, pr, settings, runChecks, refused) {
  const { changes, result, hasMigrations, risk, needsApproval, contentHash: hash } = await checkPullRequest(octokit, repo, pr, settings, runChecks, () => {
  });
  const state = parseState((await findStickyComments(octokit, repo, pr.number, STICKY_MARKER, settings.identity))[0]?.body);
  const approval = state?.approval && state.approval.contentHash === hash ? state.approval : null;
  const approved = !needsApproval || approval !== null;
  const status = risk === null ? { state: "success", description: "No migration changes" } : !needsApproval ? { state: "success", description: `Migrations reviewed: ${risk}, no approval needed` } : approval ? { state: "success", description: `${risk} migrations approved by @${approval.approver}` } : { state: "failure", description: `${risk} migrations need /approve-migration` };
  let statusWritten = false;
  if (!/\/statuses\//.test(refused.request?.url ?? "")) {
    try {
      await setCommitStatus(octokit, repo, pr.headSha, status, settings.statusContext ?? STATUS_CONTEXT);
      statusWritten = true;
    } catch {
      statusWritten = false;
    }
  }
  const where = refused.request?.method && refused.request.url ? ` to ${refused.request.method} ${refused.request.url.replace(/^https?:\/\/[^/]+/, "").replace(/\?.*$/, "")}` : "";
  const missing = statusWritten ? "no review comment (the status is set)" : "no review comment and no migration-guard status";
  const notice2 = `migration-guard could not write to this pull request (GitHub answered 403${where}: ${refused.message.split(" - ")[0]}), so there is ${missing}; the review is in the annotations, the job summary, the outputs and the reports. Pull requests from forks get a read-only token: to get the comment, the status and approvals, run migration-guard on pull_request_target (${FORK_DOCS}), or grant the job pull-requests: write and statuses: write.`;
  return {
    kind: hasMigrations ? "reviewed" : "no-migrations",
    result,
    changes,
    risk,
    needsApproval,
    approved,
    approval,
    voided: null,
    contentHash: hash,
    status,
    comment: null,
    notice: notice2
  };
}

// src/action/job-failure.ts
function jobFailure(outcome, failOn, what = "Migrations") {
  if (outcome.risk === null || failOn === "never" || outcome.approved) return null;
  const v = verdict(outcome.result, failOn);
  if (v.exitCode === 0) return null;
  return `${what} are ${outcome.risk} (fail-on: ${failOn}: ${v.reasons.join(", ")}) and not approved. ${outcome.status.description}`;
}

// src/action/table-stats.ts
async function withTableStats(config, inputs, read) {
  if (!inputs.tableStats && !inputs.statsDatabaseUrl) return config;
  const stats = new Map(config.tableStats);
  if (inputs.tableStats) {
    let text;
    try {
      text = await read(inputs.tableStats);
    } catch (e) {
      throw new Error(`input "table-stats": cannot read ${inputs.tableStats}: ${e.code ?? String(e)}`);
    }
    const r = tableStatsFromText(text);
    if (!r.ok) throw new Error(`input "table-stats": ${inputs.tableStats}: ${r.message}`);
    for (const [k, v] of r.stats) stats.set(k, v);
  }
  if (inputs.statsDatabaseUrl) {
    setSecret(inputs.statsDatabaseUrl);
    try {
      const file = await readStatsFromUrl(inputs.statsDatabaseUrl);
      for (const [k, v] of Object.entries(file.tables)) stats.set(k.toLowerCase(), v);
      info(`read the sizes of ${Object.keys(file.tables).length} tables from ${file.source}`);
    } catch (e) {
      warning(`could not read table stats from stats-database-url, so there are no estimates from it: ${e.message}`);
    }
  }
  return { ...config, tableStats: stats };
}

// src/action/base-tree.ts
async function changesScope(octokit, repo, baseSha, changes, workspaceFiles, log) {
  return { kind: "changes", changes, base: await baseTree(octokit, repo, baseSha, workspaceFiles, log), readBase: (p) => readRepoFile(octokit, repo, p, baseSha) };
}
async function baseTree(octokit, repo, baseSha, workspaceFiles, log) {
  const files = apiRepoFiles(octokit, repo, baseSha, /* @__PURE__ */ new Map(), workspaceFiles);
  try {
    await files.list();
    return files;
  } catch (e) {
    log(`the base commit ${baseSha.slice(0, 7)}'s files could not be listed (${e instanceof Error ? e.message : String(e)}): every edit of an applied migration counts as one`);
    return null;
  }
}

// src/action/main.ts
var PR_ACTIONS = /* @__PURE__ */ new Set(["opened", "synchronize", "reopened", "ready_for_review"]);
async function main() {
  let inputs;
  try {
    inputs = parseInputs((name) => getInput(name));
  } catch (e) {
    if (e instanceof InputError) return setFailed(e.message);
    throw e;
  }
  setSecret(inputs.token);
  const repo = context.repo;
  const retryBase = Number(process.env.MIGRATION_GUARD_RETRY_BASE_MS);
  const octokit = buildOctokit(inputs.token, {
    baseUrl: process.env.GITHUB_API_URL || "https://api.github.com",
    ...Number.isFinite(retryBase) && retryBase >= 0 && process.env.MIGRATION_GUARD_RETRY_BASE_MS ? { retryBaseMs: retryBase } : {},
    requestTimeoutMs: requestTimeoutFromEnv(),
    writeIntervalMs: writeIntervalFromEnv(),
    log: (m) => info(m)
  });
  const payload = context.payload;
  switch (context.eventName) {
    case "pull_request":
    case "pull_request_target": {
      const rebased = payload.action === "edited" && Boolean(payload.changes?.base);
      if (!PR_ACTIONS.has(String(payload.action)) && !rebased) {
        info(`pull_request ${String(payload.action)}: nothing to review (runs on ${[...PR_ACTIONS].join(", ")})`);
        return;
      }
      return onPullRequest(octokit, repo, inputs);
    }
    case "issue_comment":
      return onComment(octokit, repo, inputs);
    case "merge_group":
      if (payload.action !== "checks_requested") return info(`merge_group ${String(payload.action)}: nothing to review (runs on checks_requested)`);
      return onMergeGroup(octokit, repo, inputs);
    default:
      warning(`migration-guard reviews pull requests: run it on pull_request, issue_comment and merge_group events, not ${context.eventName}.`);
  }
}
async function onPullRequest(octokit, repo, inputs) {
  const pr = context.payload.pull_request;
  const headSha = pr.head.sha;
  try {
    const workdir = path.resolve(workspace(), inputs.workingDirectory);
    const { trusted, config } = await configFromBase(octokit, repo, inputs, pr.base.sha);
    const settings = {
      ...reviewSettings(inputs, config, await tokenIdentity(octokit)),
      gate: { config, baseConfig: trusted.base, headConfig: await readConfigText(octokit, repo, headSha, configPath(inputs)), readHead: (p) => readRepoFile(octokit, repo, p, headSha), ...statsInput(inputs) }
    };
    const files = fsRepoFiles(workdir);
    const dryRun = inputs.dryRun ?? config.dryRun.enabled;
    const prRef = { number: pr.number, headSha, baseSha: pr.base.sha, author: pr.user.login };
    const runChecks = once(async (changes) => runCheck({ files, config, scope: await changesScope(octokit, repo, pr.base.sha, changes, files, (m) => info(m)), dryRun }));
    let outcome;
    try {
      outcome = await reviewPullRequest(octokit, repo, prRef, settings, runChecks);
    } catch (e) {
      if (!isWriteRefused(e)) throw e;
      const readOnly = await reviewWithoutWrites(octokit, repo, prRef, settings, runChecks, e);
      warning(readOnly.notice);
      outcome = readOnly;
    }
    const { reportPath, sarifPath } = await writeReports(outcome.result, inputs);
    publishAnnotations(outcome.result);
    if (outcome.kind === "reviewed") {
      const summary2 = renderSummary(outcome.result, {
        pgVersion: config.pgVersion,
        approvalRisk: config.approvalRisk,
        approval: outcome.approval,
        ...outcome.voided ? { voidedReason: voidedReason(outcome.voided) } : {}
      });
      await summary.addRaw(summary2, true).write();
    } else {
      await summary.addRaw("### migration-guard\n\nThis pull request changes no migration.\n", true).write();
    }
    setOutput("risk", outcome.risk ?? "NONE");
    setOutput("approved", String(outcome.approved));
    setOutput("needs-approval", String(outcome.needsApproval));
    setOutput("report", reportPath);
    setOutput("sarif", sarifPath);
    setOutput("comment-url", outcome.comment?.url ?? "");
    info(`status ${settings.statusContext}: ${outcome.status.state} \u2014 ${outcome.status.description}`);
    if (outcome.voided) warning(`The approval by @${outcome.voided.approver} was voided: the migrations changed since.`);
    const failOn = inputs.failOn ?? config.failOn;
    const failure = jobFailure(outcome, failOn);
    if (failure) setFailed(failure);
  } catch (e) {
    if (e instanceof ConfigError) return failOnConfigError(octokit, repo, inputs, e, { sha: headSha, pullNumber: pr.number });
    const message = describeError(e);
    try {
      await setCommitStatus(octokit, repo, headSha, { state: "failure", description: `migration-guard could not finish: ${message}` }, inputs.statusContext);
    } catch (statusError) {
      warning(`could not set the ${inputs.statusContext} status: ${describeError(statusError)}`);
    }
    setFailed(message);
  }
}
async function failOnConfigError(octokit, repo, inputs, e, on = {}) {
  const file = path.isAbsolute(e.file) ? path.relative(workspace(), e.file).split(path.sep).join("/") : e.file;
  const error2 = new ConfigError(e.message, file, e.line, e.column);
  error(`configuration error: ${error2.message}`, { title: "migration-guard: configuration error", file, startLine: error2.line, startColumn: error2.column });
  process.exitCode = ExitCode.Failure;
  await summary.addRaw(`${configErrorMarkdown(error2)}
`, true).write();
  if (on.sha) {
    try {
      await setCommitStatus(octokit, repo, on.sha, { state: "failure", description: configErrorLine(error2) }, inputs.statusContext);
    } catch (statusError) {
      warning(`could not set the ${inputs.statusContext} status: ${describeError(statusError)}`);
    }
  }
  if (on.pullNumber !== void 0 && inputs.comment) {
    try {
      await publishConfigErrorComment(octokit, repo, on.pullNumber, await tokenIdentity(octokit), error2);
    } catch (commentError) {
      warning(`could not say so in the pull request's comment: ${describeError(commentError)}`);
    }
  }
}
async function onComment(octokit, repo, inputs) {
  const payload = context.payload;
  if (!payload.issue || !payload.comment) return info("issue_comment event without an issue or comment: nothing to do");
  try {
    const config = await configFor(inputs);
    const candidate = String(payload.action) === "created" && Boolean(payload.issue.pull_request) && parseApprovalCommand(payload.comment.body ?? "") !== null;
    const settings = reviewSettings(inputs, config, candidate ? await tokenIdentity(octokit) : ACTIONS_BOT);
    const current = candidate ? await currentComment(octokit, repo, payload.comment.id) : null;
    if (current && !("gone" in current) && current.body !== (payload.comment.body ?? "")) {
      setOutput("approved", "false");
      return info("Not an approval: the comment was edited since this run was triggered; only a comment as written approves");
    }
    if (current && "gone" in current) {
      setOutput("approved", "false");
      return info(`Not an approval: ${current.gone}`);
    }
    const outcome = await handleApprovalComment(
      octokit,
      repo,
      {
        action: String(payload.action),
        issueNumber: payload.issue.number,
        isPullRequest: Boolean(payload.issue.pull_request),
        comment: {
          id: payload.comment.id,
          body: current?.body ?? payload.comment.body ?? "",
          user: current?.user ?? payload.comment.user,
          ...current?.createdAt ? { createdAt: current.createdAt } : {}
        }
      },
      settings
    );
    setOutput("approved", String(outcome.kind === "accepted"));
    switch (outcome.kind) {
      case "ignored":
        info(`Not an approval: ${outcome.reason}`);
        break;
      case "accepted":
        info(`Approval recorded: ${outcome.status.description}`);
        break;
      case "refused":
      case "not-needed":
        notice(`Approval not recorded: ${outcome.reason}`);
        break;
    }
  } catch (e) {
    if (e instanceof ConfigError) return failOnConfigError(octokit, repo, inputs, e);
    setFailed(describeError(e));
  }
}
async function onMergeGroup(octokit, repo, inputs) {
  const group = context.payload.merge_group;
  try {
    const { trusted, config } = await configFromBase(octokit, repo, inputs, group.base_sha);
    const settings = reviewSettings(inputs, config, await tokenIdentity(octokit));
    const files = fsRepoFiles(path.resolve(workspace(), inputs.workingDirectory));
    const dryRun = inputs.dryRun ?? config.dryRun.enabled;
    const outcome = await reviewMergeGroup(
      octokit,
      repo,
      { headSha: group.head_sha, baseSha: group.base_sha, headRef: group.head_ref },
      {
        approvalRisk: config.approvalRisk,
        identity: settings.identity,
        statusContext: settings.statusContext,
        ...settings.targetUrl ? { targetUrl: settings.targetUrl } : {},
        log: (m) => info(m),
        gate: { config, baseConfig: trusted.base, headConfig: await readConfigText(octokit, repo, group.head_sha, configPath(inputs)), readHead: (p) => readRepoFile(octokit, repo, p, group.head_sha), ...statsInput(inputs) }
      },
      async (changes) => runCheck({ files, config, scope: await changesScope(octokit, repo, group.base_sha, changes, files, (m) => info(m)), dryRun })
    );
    const { reportPath, sarifPath } = await writeReports(outcome.result, inputs);
    publishAnnotations(outcome.result);
    const summary2 = outcome.risk === null ? "### migration-guard\n\nThis merge queue entry changes no migration.\n" : renderSummary(outcome.result, { pgVersion: config.pgVersion, approvalRisk: config.approvalRisk, approval: outcome.approval });
    await summary.addRaw(summary2, true).write();
    setOutput("risk", outcome.risk ?? "NONE");
    setOutput("approved", String(outcome.approved));
    setOutput("needs-approval", String(outcome.needsApproval));
    setOutput("report", reportPath);
    setOutput("sarif", sarifPath);
    setOutput("comment-url", "");
    info(`status ${settings.statusContext} on ${group.head_sha.slice(0, 7)}: ${outcome.status.state} \u2014 ${outcome.status.description}`);
    const failOn = inputs.failOn ?? config.failOn;
    const failure = jobFailure(outcome, failOn, "Merge queue: migrations");
    if (failure) setFailed(failure);
  } catch (e) {
    if (e instanceof ConfigError) return failOnConfigError(octokit, repo, inputs, e, { sha: group.head_sha });
    const message = describeError(e);
    try {
      await setCommitStatus(octokit, repo, group.head_sha, { state: "failure", description: `migration-guard could not finish: ${message}` }, inputs.statusContext);
    } catch (statusError) {
      warning(`could not set the ${inputs.statusContext} status: ${describeError(statusError)}`);
    }
    setFailed(message);
  }
}
async function currentComment(octokit, repo, id) {
  try {
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/issues/comments/{comment_id}", { owner: repo.owner, repo: repo.repo, comment_id: id });
    if (!data.user) return { gone: "the comment has no author (deleted account)" };
    return { body: data.body ?? "", user: { login: data.user.login, type: data.user.type }, createdAt: data.created_at };
  } catch (e) {
    if (e.status === 404) return { gone: "the comment no longer exists" };
    throw e;
  }
}
function workspace() {
  return process.env.GITHUB_WORKSPACE ?? process.cwd();
}
async function configFromBase(octokit, repo, inputs, baseSha) {
  const trusted = await trustedConfig(octokit, repo, inputs, baseSha);
  const config = await withTableStats(withInputs(trusted.config, inputs), inputs, async (file) => {
    if (context.eventName === "pull_request_target") return readFile(path.resolve(workspace(), file), "utf8");
    const text = await readRepoFile(octokit, repo, path.posix.normalize(file.replace(/\\/g, "/")).replace(/^(\.\/)+/, ""), baseSha);
    if (text === null) throw Object.assign(new Error(`no such file on the base commit`), { code: "ENOENT" });
    return text;
  });
  return { trusted, config };
}
async function trustedConfig(octokit, repo, inputs, baseSha) {
  if (context.eventName === "pull_request_target") return { config: await workspaceConfig(inputs), base: await readConfigText(octokit, repo, baseSha, configPath(inputs)) };
  const { config, source } = await configOnRef(octokit, repo, baseSha, `on the base branch, ${baseSha.slice(0, 7)}`, configPath(inputs));
  return { config, base: source };
}
function statsInput(inputs) {
  return inputs.tableStats ? { statsFiles: [path.posix.normalize(inputs.tableStats.replace(/\\/g, "/")).replace(/^(\.\/)+/, "")] } : {};
}
function configPath(inputs) {
  return inputs.configFile ? path.posix.normalize(inputs.configFile.replace(/\\/g, "/")).replace(/^(\.\/)+/, "") : void 0;
}
async function workspaceConfig(inputs) {
  const explicit = inputs.configFile ? path.resolve(workspace(), inputs.configFile) : void 0;
  return (await loadConfig(workspace(), explicit, { ruleIds: RULE_IDS })).config;
}
async function configFor(inputs) {
  const config = withInputs(await workspaceConfig(inputs), inputs);
  return withTableStats(config, inputs, (file) => readFile(path.resolve(workspace(), file), "utf8"));
}
function withInputs(config, inputs) {
  return {
    // The input names a major only, as --pg-version does: the file's minor was of another target.
    ...inputs.pgVersion !== void 0 ? withMajorVersion(config, inputs.pgVersion) : config,
    ...inputs.failOn && inputs.failOn !== "never" ? { failOn: inputs.failOn } : {},
    ...inputs.approvalRisk ? { approvalRisk: inputs.approvalRisk } : {},
    ...inputs.migrations.length > 0 ? { migrations: inputs.migrations.map((p) => ({ path: p.replace(/^\.\//, "").replace(/\/+$/, "") })) } : {},
    dryRun: {
      ...config.dryRun,
      ...inputs.dryRun !== void 0 ? { enabled: inputs.dryRun } : {},
      ...inputs.dryRunEngine ? { engine: inputs.dryRunEngine } : {},
      ...inputs.databaseUrl ? { databaseUrl: inputs.databaseUrl, engine: inputs.dryRunEngine ?? "url" } : {}
    }
  };
}
function reviewSettings(inputs, config, identity) {
  const policy = {
    approvalRisk: config.approvalRisk,
    minPermission: inputs.approverPermission,
    approvers: inputs.approvers,
    allowAuthor: inputs.allowAuthorApproval,
    allowContributors: inputs.allowContributorApproval
  };
  const server = process.env.GITHUB_SERVER_URL ?? "https://github.com";
  const runId = process.env.GITHUB_RUN_ID;
  return {
    policy,
    identity,
    comment: inputs.comment,
    statusContext: inputs.statusContext,
    pgVersion: config.pgVersion,
    ...runId && process.env.GITHUB_REPOSITORY ? { targetUrl: `${server}/${process.env.GITHUB_REPOSITORY}/actions/runs/${runId}` } : {},
    log: (m) => info(m)
  };
}
async function writeReports(result, inputs) {
  const dir = process.env.RUNNER_TEMP || process.cwd();
  const reportPath = path.resolve(workspace(), inputs.reportFile ?? path.join(dir, "migration-guard.json"));
  const sarifPath = path.resolve(workspace(), inputs.sarifFile ?? path.join(dir, "migration-guard.sarif"));
  await mkdir2(path.dirname(reportPath), { recursive: true });
  await mkdir2(path.dirname(sarifPath), { recursive: true });
  await writeFile2(reportPath, renderJson(result));
  await writeFile2(sarifPath, JSON.stringify(renderSarif(result), null, 2) + "\n");
  return { reportPath, sarifPath };
}
function publishAnnotations(result) {
  for (const a of renderAnnotations(result)) {
    const props = { title: a.title, file: a.path, startLine: a.line, startColumn: a.column };
    if (a.endLine !== void 0) props.endLine = a.endLine;
    if (a.level === "error") error(a.message, props);
    else if (a.level === "warning") warning(a.message, props);
    else notice(a.message, props);
  }
}
function describeError(e) {
  if (e && typeof e === "object" && "status" in e && "message" in e) {
    const err = e;
    const where = err.request?.method && err.request.url ? ` (${err.request.method} ${err.request.url.replace(/\?.*$/, "")})` : "";
    return `GitHub answered ${err.status}: ${err.message}${where}`;
  }
  return e instanceof Error ? e.message : String(e);
}
async function run() {
  try {
    await main();
  } catch (e) {
    setFailed(describeError(e));
  }
}

// src/action/index.ts
await run();
