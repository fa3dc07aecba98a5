import { InputError, type LocalizedMessage } from '../errors/input-error.js';

/** A mistake on the command line: printed as one line with a pointer to the command's help, exit code 2. */
export class UsageError extends InputError {
  override name = 'UsageError';
  constructor(
    message: string,
    /** The command whose `--help` the user should read. */
    readonly command?: string,
    localized?: LocalizedMessage,
  ) {
    super(message, localized);
  }
}
