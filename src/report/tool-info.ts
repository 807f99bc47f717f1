// Who we are, for machine-readable reports: name, version (from package.json, bundled into
// dist by esbuild) and where the documentation lives.
import pkg from '../../package.json' with { type: 'json' };

export const TOOL_NAME = 'migration-guard';

const manifest = pkg as { version: string; homepage?: string; repository?: string | { url?: string } };

export const TOOL_VERSION: string = manifest.version;

/** Used until package.json names a homepage or repository. */
export const FALLBACK_PROJECT_URL = 'https://github.com/migration-guard/migration-guard';

/** The project's web address: package.json `homepage`, else its GitHub `repository`, else the fallback. */
export const PROJECT_URL: string = projectUrl();

function projectUrl(): string {
  if (manifest.homepage && /^https?:\/\//.test(manifest.homepage)) return manifest.homepage.replace(/#.*$/, '').replace(/\/$/, '');
  const repo = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  const m = repo?.match(/github\.com[/:]([^/]+\/[^/.#]+)/) ?? repo?.match(/^github:([^/]+\/[^/.#]+)/) ?? repo?.match(/^([\w.-]+\/[\w.-]+)$/);
  return m ? `https://github.com/${m[1]}` : FALLBACK_PROJECT_URL;
}

/** The page of docs/rules.md that documents a rule (GitHub renders `## rule-id` as `#rule-id`). */
export function ruleDocsUrl(ruleId: string, base: string = PROJECT_URL): string {
  return `${base}/blob/main/docs/rules.md#${encodeURIComponent(ruleId)}`;
}
