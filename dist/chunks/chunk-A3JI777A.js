import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/core/wasm-tier.ts
import { setFlagsFromString } from "node:v8";
setFlagsFromString("--liftoff-only");
setFlagsFromString("--wasm-tier-up-filter=2147483647");
setFlagsFromString("--wasm-lazy-validation");
