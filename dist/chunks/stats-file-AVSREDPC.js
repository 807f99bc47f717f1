import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  indexStatsSchema,
  parseStatsFile,
  serverStatsSchema,
  statsFileJsonSchema,
  statsFileV1Schema,
  statsFileV2Schema,
  tableStatsFromText,
  tableStatsSchema
} from "./chunk-UBPJFDOA.js";
import "./chunk-CRPVOVPB.js";
import "./chunk-ZGDBGMMU.js";
export {
  indexStatsSchema,
  parseStatsFile,
  serverStatsSchema,
  statsFileJsonSchema,
  statsFileV1Schema,
  statsFileV2Schema,
  tableStatsFromText,
  tableStatsSchema
};
