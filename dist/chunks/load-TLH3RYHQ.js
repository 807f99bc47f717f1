import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  loadConfig,
  parseConfig
} from "./chunk-LQWHMU3R.js";
import {
  CONFIG_FILE_NAMES
} from "./chunk-MPSRRXMA.js";
import "./chunk-XYMARAZM.js";
import "./chunk-3ZUQOVGA.js";
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
