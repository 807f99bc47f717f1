// A usage error (exit code 2, one line), in a module of its own so main.ts can recognise it
// without loading the commands.
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
