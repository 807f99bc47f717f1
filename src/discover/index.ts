// The DISCOVER stage's public surface.
export { discoverMigrations, detectLayout, normalizePath, type DiscoveryResult, type MigrationSet, type DiscoverOptions } from './discover.js';
export { applyChanges, type AppliedChanges } from './changes.js';
export { gitChanges, parseNameStatus, type GitChanges } from './git.js';
export { fsRepoFiles, memoryRepoFiles } from './fs-files.js';
export { DiscoverError } from './errors.js';
export { rollbackMissingRisk, escalateRollbackMissing, DISCOVERY_RULES, type PathFinding } from './findings.js';
export { keepRanges, isBlankSql, decodeText } from './text.js';
export { compareVersions, compareDigits, naturalCompare } from './version.js';
