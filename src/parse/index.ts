// The parse stage: migration SQL -> statements with file, line and column (see docs/design.md).
//   await initParser();                                  // once per process
//   const read = await readSqlFile(abs, 'db/0001.sql');  // or decodeSql(bytes, path)
//   if (read.ok) parseSource({ path: 'db/0001.sql', text: read.text }, { placeholders });
export { initParser } from './wasm.js';
export { dynamicExecutes } from './plpgsql.js';
export { parseSource, topLevelStatements, type ParseOptions } from './parse-source.js';
export { placeholderStandIns } from './preprocess.js';
export { readSqlFile, decodeSql, MAX_SQL_BYTES, type ReadResult } from './read.js';
export { MAX_COMMENT_DEPTH } from './guard.js';
