import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  loadConfig,
  parseConfig
} from "./chunk-5ZNOQRKC.js";
import "./chunk-UBPJFDOA.js";
import "./chunk-CRPVOVPB.js";
import {
  CONFIG_FILE_NAMES
} from "./chunk-QLHDLUSU.js";
import {
  ConfigError
} from "./chunk-QKDHYJIW.js";
import "./chunk-CUM6X7PU.js";
import "./chunk-ZGDBGMMU.js";
export {
  CONFIG_FILE_NAMES,
  ConfigError,
  loadConfig,
  parseConfig
};
