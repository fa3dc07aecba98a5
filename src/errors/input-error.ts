/**
 * Bad input: a file, value or option the user gave that the program cannot
 * use. Every error of this kind (ScenarioError, SweepError and the CLI's
 * UsageError derive from it) ends a command with its one-line message and
 * exit code 2. Any other error, a RangeError included, is a fault of the
 * program: exit code 1 and "internal error".
 */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    message: string,
    /** The same message as a key of the shells' message catalogue (src/i18n) and its values, where it has one. */
    readonly localized?: LocalizedMessage,
  ) {
    super(message);
  }
}

/**
 * A message by catalogue key, for the shells to print in the reader's
 * language. `suggestion` is a "did you mean" word; `inner` a message this one
 * wraps, filled in as the value `message`.
 */
export interface LocalizedMessage {
  key: string;
  params: Readonly<Record<string, string | number>>;
  suggestion?: string;
  inner?: LocalizedMessage;
}
