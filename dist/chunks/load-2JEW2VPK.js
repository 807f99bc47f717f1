import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  loadConfig,
  parseConfig
} from "./chunk-CYR363RC.js";
import "./chunk-7PDHHRXW.js";
import "./chunk-RJIW4HVH.js";
import {
  CONFIG_FILE_NAMES
} from "./chunk-CN43DROS.js";
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
