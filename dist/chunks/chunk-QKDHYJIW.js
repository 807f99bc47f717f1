import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/config/errors.ts
var ConfigError = class extends Error {
  constructor(message, file, line = 1, column = 1) {
    super(message);
    this.file = file;
    this.line = line;
    this.column = column;
    this.name = "ConfigError";
  }
  file;
  line;
  column;
  /** `file:line:col: message`, the form every other error of ours takes. */
  format() {
    return `${this.file}:${this.line}:${this.column}: ${this.message}`;
  }
};

export {
  ConfigError
};
