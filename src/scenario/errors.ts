/**
 * The one error type of the scenario loader. Every bad input (a file, a
 * `--set` or `--fix` argument) becomes one `ScenarioError` whose message is a
 * single line a user can act on: `file: path: expected …`, with every
 * control character from the file shown escaped (src/text/printable.ts).
 */
import { InputError, type LocalizedMessage } from '../errors/input-error.js';
import { printableLine } from '../text/printable.js';

/** A problem with a scenario input: where it is and what was expected there. */
export class ScenarioError extends InputError {
  /** The file as the user gave it (or relative to cwd), or `--set` / `--fix`. */
  readonly file: string;
  /** Path inside the file with list indices, e.g. `states[12].capability`; empty for the whole file. */
  readonly path: string;
  /** What was expected, and what was found. */
  readonly expected: string;

  constructor(file: string, path: string, expected: string, localized?: LocalizedMessage) {
    const parts = [file, path, expected].filter((p) => p !== '').map(printableLine);
    super(parts.join(': '), localized);
    this.name = 'ScenarioError';
    this.file = file;
    this.path = path;
    this.expected = expected;
  }
}
