import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/config/files.ts
var CONFIG_FILE_NAMES = [".migration-guard.yml", ".migration-guard.yaml", ".github/migration-guard.yml"];

// src/config/presets.ts
var PRESETS = ["squawk"];

export {
  CONFIG_FILE_NAMES,
  PRESETS
};
