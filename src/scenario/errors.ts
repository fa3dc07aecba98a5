/**
 * The one error type of the scenario loader. Every bad input (a file, a
 * `--set` or `--fix` argument) becomes one `ScenarioError` whose message is a
 * single line a user can act on: `file: path: expected …`.
 */
import { InputError } from '../errors/input-error.js';

/** Control characters would break the one-line promise of the message. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) =>
    c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A problem with a scenario input: where it is and what was expected there. */
export class ScenarioError extends InputError {
  /** The file as the user gave it (or relative to cwd), or `--set` / `--fix`. */
  readonly file: string;
  /** Path inside the file with list indices, e.g. `states[12].capability`; empty for the whole file. */
  readonly path: string;
  /** What was expected, and what was found. */
  readonly expected: string;

  constructor(file: string, path: string, expected: string) {
    const parts = [file, path, expected].filter((p) => p !== '').map(oneLine);
    super(parts.join(': '));
    this.name = 'ScenarioError';
    this.file = file;
    this.path = path;
    this.expected = expected;
  }
}
