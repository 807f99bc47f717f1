// Statements newer than the bundled parser: libpg-query carries PostgreSQL 18's grammar, so a
// command added later fails with "syntax error at or near ..." although the user's SQL is
// valid. Said as it is: the parser is older than the SQL, the file is not wrong.

/** Commands that start a statement in a PostgreSQL release newer than the parser's grammar. */
const NEWER_COMMANDS: Readonly<Record<string, number>> = {
  REPACK: 19,
};

/** The grammar libpg-query 18 carries. */
const PARSER_PG_VERSION = 18;

/**
 * A clearer message for a syntax error at the first word of a statement that is a command of a
 * newer PostgreSQL, or undefined for a real syntax error. `statementStart` is true when only
 * whitespace, comments or `;` come before `offset` in the statement.
 */
export function newerSyntaxMessage(text: string, offset: number, message: string, statementStart: boolean): string | undefined {
  if (!statementStart || !/^syntax error at or near /.test(message)) return undefined;
  const word = /^[A-Za-z_]+/.exec(text.slice(offset))?.[0]?.toUpperCase();
  const since = word ? NEWER_COMMANDS[word] : undefined;
  if (!word || since === undefined) return undefined;
  return `${word} (PostgreSQL ${since}) is not supported by this parser version (PostgreSQL ${PARSER_PG_VERSION} grammar): the statement is valid SQL for PostgreSQL ${since}+ but could not be checked; review it by hand`;
}
