import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  loadConfig,
  parseConfig
} from "./chunk-NTVTLWBC.js";
import "./chunk-UBPJFDOA.js";
import "./chunk-CRPVOVPB.js";
import {
  CONFIG_FILE_NAMES
} from "./chunk-FC3R3YAT.js";
import {
  ConfigError
} from "./chunk-QKDHYJIW.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-ZGDBGMMU.js";
export {
  CONFIG_FILE_NAMES,
  ConfigError,
  loadConfig,
  parseConfig
};
