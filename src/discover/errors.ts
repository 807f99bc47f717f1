// Bad input found while discovering migrations (not a git repository, an unknown ref, an
// unreadable plan). Callers print `format()` and exit; the message already names the thing.
export class DiscoverError extends Error {
  constructor(
    message: string,
    /** The path the problem is about, when there is one. */
    readonly path?: string,
    readonly line = 1,
    readonly column = 1,
  ) {
    super(message);
    this.name = 'DiscoverError';
  }

  format(): string {
    return this.path ? `${this.path}:${this.line}:${this.column}: ${this.message}` : this.message;
  }
}
