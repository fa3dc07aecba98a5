/**
 * Bad input: a file, value or option the user gave that the program cannot
 * use. Every error of this kind (ScenarioError, SweepError and the CLI's
 * UsageError derive from it) ends a command with its one-line message and
 * exit code 2. Any other error, a RangeError included, is a fault of the
 * program: exit code 1 and "internal error".
 */
export class InputError extends Error {
  override name = 'InputError';
}
