// The configuration error, in a module of its own so the CLI can recognise it without loading
// the YAML parser and the schema.
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line = 1,
    readonly column = 1,
  ) {
    super(message);
    this.name = 'ConfigError';
  }

  /** `file:line:col: message`, the form every other error of ours takes. */
  format(): string {
    return `${this.file}:${this.line}:${this.column}: ${this.message}`;
  }
}
