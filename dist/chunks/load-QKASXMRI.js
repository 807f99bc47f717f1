import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  loadConfig,
  parseConfig
} from "./chunk-JDTEEXS6.js";
import "./chunk-TGAEFO6I.js";
import {
  CONFIG_FILE_NAMES
} from "./chunk-4I7UKKAC.js";
import {
  ConfigError
} from "./chunk-QKDHYJIW.js";
import "./chunk-UBPJFDOA.js";
import "./chunk-CRPVOVPB.js";
import "./chunk-O6AHY4CV.js";
import "./chunk-GAJUOGXM.js";
import "./chunk-ZGDBGMMU.js";
export {
  CONFIG_FILE_NAMES,
  ConfigError,
  loadConfig,
  parseConfig
};
