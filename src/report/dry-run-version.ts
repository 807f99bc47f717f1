// The server a dry-run ran on beside the version the migrations target: the embedded engine
// runs one major version whatever `pgVersion` says, so every format names both.
import type { DryRunResult } from '../core/types.js';

/** `PostgreSQL 18.6, target 16`: the server the dry-run ran on and the target major. */
export function serverAndTarget(d: Pick<DryRunResult, 'serverVersion' | 'targetPgVersion'>): string {
  return `PostgreSQL ${d.serverVersion}${d.targetPgVersion !== undefined ? `, target ${d.targetPgVersion}` : ''}`;
}
