import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  package_default
} from "./chunk-HQM6YGGO.js";

// src/report/tool-info.ts
var TOOL_NAME = "migration-guard";
var manifest = package_default;
var TOOL_VERSION = manifest.version;
var FALLBACK_PROJECT_URL = "https://github.com/migration-guard/migration-guard";
var PROJECT_URL = projectUrl();
function projectUrl() {
  if (manifest.homepage && /^https?:\/\//.test(manifest.homepage)) return manifest.homepage.replace(/#.*$/, "").replace(/\/$/, "");
  const repo = typeof manifest.repository === "string" ? manifest.repository : manifest.repository?.url;
  const m = repo?.match(/github\.com[/:]([^/]+\/[^/.#]+)/) ?? repo?.match(/^github:([^/]+\/[^/.#]+)/) ?? repo?.match(/^([\w.-]+\/[\w.-]+)$/);
  return m ? `https://github.com/${m[1]}` : FALLBACK_PROJECT_URL;
}
function ruleDocsUrl(ruleId, base = PROJECT_URL) {
  return `${base}/blob/main/docs/rules.md#${encodeURIComponent(ruleId)}`;
}

export {
  TOOL_NAME,
  TOOL_VERSION,
  PROJECT_URL,
  ruleDocsUrl
};
