/** A mistake on the command line: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    /** The command whose `--help` the user should read. */
    readonly command?: string,
  ) {
    super(message);
  }
}
