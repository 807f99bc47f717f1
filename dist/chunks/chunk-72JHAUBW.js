import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/core/young-generation.ts
import { setFlagsFromString } from "node:v8";
setFlagsFromString("--semi-space-growth-factor=1");
