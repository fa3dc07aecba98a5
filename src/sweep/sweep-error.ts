/**
 * A problem with a sweep the user can fix: a bad `--vary` range, a resume
 * that does not match the interrupted run, a merge with missing rows. The
 * message is one line; the CLI prints it and exits with code 2.
 */
import { InputError } from '../errors/input-error.js';

export class SweepError extends InputError {
  override name = 'SweepError';
}
