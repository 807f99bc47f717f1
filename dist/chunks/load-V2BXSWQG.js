import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  loadConfig,
  parseConfig
} from "./chunk-S2NU5DVF.js";
import "./chunk-7PDHHRXW.js";
import "./chunk-RJIW4HVH.js";
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
