// The parse stage: migration SQL -> statements with file, line and column (see DESIGN.md).
export { initParser } from './wasm.js';
export { parseSource, type ParseOptions } from './parse-source.js';
export { readSqlFile, decodeSql, MAX_SQL_BYTES, type ReadResult } from './read.js';
