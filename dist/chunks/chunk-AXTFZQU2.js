import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/cli/formats.ts
var FORMATS = ["pretty", "json", "sarif", "github", "markdown"];

export {
  FORMATS
};
