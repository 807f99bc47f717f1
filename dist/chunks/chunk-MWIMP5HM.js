import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  package_default
} from "./chunk-HQM6YGGO.js";

// src/core/version.ts
var VERSION = package_default.version;

export {
  VERSION
};
