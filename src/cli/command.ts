/** The shape every `signatory` command shares. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CommandIo } from '../app/io.js';
import type { LocalizedMessage } from '../errors/input-error.js';
import { closest, didYouMean } from '../scenario/suggest.js';
import { printable } from '../text/printable.js';
import { UsageError } from './usage-error.js';

export type { CommandIo };

export interface Command {
  name: string;
  /** One line for `signatory --help`. */
  summary: string;
  /** The full `signatory NAME --help` text. */
  help: string;
  run(argv: string[], io: CommandIo): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

const knownOptions = (options: Options) => [...Object.keys(options), 'help'].map((name) => `--${name}`);

/** " (did you mean \"--rounds\"?)" after parseArgs' "Unknown option '--round'", or the empty string. */
function optionHint(message: string, options: Options): string {
  const unknown = /^Unknown option '(--?[^']*)'/.exec(message);
  if (!unknown) return '';
  return didYouMean(unknown[1].split('=')[0], knownOptions(options));
}

/** parseArgs' message as a catalogue key, for the two mistakes a user makes most: an unknown option, a missing value. */
function localizedParseError(message: string, options: Options): LocalizedMessage | undefined {
  const unknown = /^Unknown option '(--?[^']*)'/.exec(message);
  if (unknown) {
    const word = unknown[1];
    const suggestion = closest(word.split('=')[0], knownOptions(options));
    return { key: 'cli.unknownOption', params: { word }, ...(suggestion !== undefined ? { suggestion } : {}) };
  }
  const missing = /^Option '(-\w, )?(--[^ ']+)[^']*' argument missing/.exec(message);
  if (missing) return { key: 'cli.missingValue', params: { word: missing[2] } };
  return undefined;
}

/** parseArgs with the command's options plus --help; errors become UsageErrors; an unknown option gets "did you mean". */
export function parseCommandArgs<T extends Options>(command: string, argv: string[], options: T) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const message = (error as Error).message.split('\n')[0].replace(/\. To specify a positional argument.*$/, '');
    throw new UsageError(message + optionHint(message, options), command, localizedParseError(message, options));
  }
}

/** Collects repeatable string options into an array. */
export function many(value: string | boolean | (string | boolean)[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/**
 * Writes a report to stdout, ending with a line feed. Every control
 * character but line feed and tab is escaped (src/text/printable.ts): a
 * report quotes names and descriptions from files, and in a JSON report the
 * escape is the JSON escape of the same character.
 */
export function write(io: CommandIo, text: string): void {
  const safe = printable(text);
  io.stdout.write(safe.endsWith('\n') ? safe : safe + '\n');
}
