#!/usr/bin/env node
/**
 * The `signatory` command line. A thin shell: it parses arguments, calls the
 * core and prints. Bad input (an InputError) ends with one line on stderr and
 * exit code 2; any other error is the program's fault: exit code 1.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SCENARIO, packageVersion } from '../app/package.js';
import { InputError, type LocalizedMessage } from '../errors/input-error.js';
import {
  currentLanguage,
  LANGUAGES,
  languageFromEnv,
  parseLanguage,
  setLanguage,
  type Language,
} from '../i18n/language.js';
import { COMMAND_SUMMARIES_ZH_HANT } from '../i18n/command-summaries.js';
import { isMessageKey, t } from '../i18n/messages.js';
import { ScenarioError } from '../scenario/errors.js';
import { closest, didYouMean } from '../scenario/suggest.js';
import { printableLine } from '../text/printable.js';
import type { CommandIo } from './command.js';
import { COMMANDS } from './commands/index.js';
import { UsageError } from './usage-error.js';

/** Where a user error points for help: its command's --help, or none for a bad scenario input. */
function helpHint(error: InputError, command: string | undefined): string {
  if (error instanceof ScenarioError) return '';
  const name = error instanceof UsageError ? error.command : command;
  return name ? t('cli.seeHelp', { command: name }) : t('cli.seeMainHelp');
}

/** A localized message in the current language, or undefined when a key is not in the catalogue. */
function localize(m: LocalizedMessage): string | undefined {
  if (!isMessageKey(m.key)) return undefined;
  const inner = m.inner ? localize(m.inner) : undefined;
  if (m.inner && inner === undefined) return undefined;
  const hint = m.suggestion !== undefined ? t('cli.didYouMean', { word: m.suggestion }) : '';
  return t(m.key, { ...m.params, hint, ...(inner !== undefined ? { message: inner } : {}) });
}

/** An input error's one line: in English as raised, in another language through the catalogue where it has the message. */
function errorText(error: InputError, language: Language): string {
  const text = language !== 'en' && error.localized ? localize(error.localized) : undefined;
  return text ?? error.message;
}

/**
 * Takes the global `--lang VALUE` / `--lang=VALUE` out of the arguments
 * (anywhere before a `--`), and chooses the language: that value, else the
 * locale of the environment. An unknown value is a usage error.
 */
export function chooseLanguage(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): { argv: string[]; language: Language } {
  const rest: string[] = [];
  let given: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--lang') {
      if (i + 1 >= argv.length)
        throw new UsageError("option '--lang' needs a value: en or zh-Hant", undefined, {
          key: 'cli.missingValue',
          params: { word: '--lang' },
        });
      given = argv[++i];
    } else if (arg.startsWith('--lang=')) given = arg.slice('--lang='.length);
    else rest.push(arg);
  }
  if (given === undefined) return { argv: rest, language: languageFromEnv(env) };
  const language = parseLanguage(given);
  if (language === undefined) {
    const word = given.slice(0, 40);
    const suggestion = closest(given, LANGUAGES);
    throw new UsageError(
      `unknown language '${word}'${didYouMean(given, LANGUAGES)}; expected one of: ${LANGUAGES.join(', ')}`,
      undefined,
      {
        key: 'cli.unknownLanguage',
        params: { word, list: LANGUAGES.join(', ') },
        ...(suggestion !== undefined ? { suggestion } : {}),
      },
    );
  }
  return { argv: rest, language };
}

/** A command's one-line summary in the current language. */
function summaryOf(c: { name: string; summary: string }): string {
  return currentLanguage() === 'zh-Hant' ? (COMMAND_SUMMARIES_ZH_HANT[c.name] ?? c.summary) : c.summary;
}

async function mainHelp(): Promise<string> {
  const commands = await Promise.all(COMMANDS.map((c) => c.load()));
  const width = Math.max(...commands.map((c) => c.name.length));
  return `signatory ${packageVersion()} — ${t('help.tagline')}

${t('help.usage')}

${t('help.noCommand')}

${t('help.commands')}
${commands.map((c) => `  ${c.name.padEnd(width)}  ${summaryOf(c)}`).join('\n')}

  signatory COMMAND --help    ${t('help.commandHelp')}
  signatory --version         ${t('help.version')}

${t('help.lang')}
`;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  // The language is the shells' one setting for the whole call (src/i18n/language.ts), put back after it.
  const before = currentLanguage();
  try {
    return await runMain(argv, io);
  } finally {
    setLanguage(before);
  }
}

async function runMain(argv: string[], io: CommandIo): Promise<number> {
  let language: Language = languageFromEnv(io.env);
  let entry: (typeof COMMANDS)[number] | undefined;
  try {
    setLanguage(language);
    ({ argv, language } = chooseLanguage(argv, io.env));
    setLanguage(language);
    const [first, ...rest] = argv;
    entry = COMMANDS.find((c) => c.name === first);
    if (first === '--version' || first === '-v') {
      io.stdout.write(`${packageVersion()}\n`);
      return 0;
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      io.stdout.write(await mainHelp());
      return 0;
    }
    if (first === undefined) {
      if (io.stdin.isTTY && io.stdout.isTTY) {
        const { launchTui } = await import('../tui/launch.js');
        return await launchTui(DEFAULT_SCENARIO, io);
      }
      const { runCommand } = await import('./commands/run.js');
      return await runCommand.run([DEFAULT_SCENARIO], io);
    }
    if (!entry) {
      const names = COMMANDS.map((c) => c.name);
      const suggestion = closest(first, names);
      throw new UsageError(
        `unknown command '${first}'${didYouMean(first, names)} (commands: ${names.join(', ')})`,
        undefined,
        {
          key: 'cli.unknownCommand',
          params: { word: first, list: names.join(', ') },
          ...(suggestion !== undefined ? { suggestion } : {}),
        },
      );
    }
    return await (await entry.load()).run(rest, io);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr.write(
        `${t('cli.prefix')}${printableLine(errorText(error, language))}${helpHint(error, entry?.name)}\n`,
      );
      return 2;
    }
    const e = error as NodeJS.ErrnoException;
    if (e && (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED')) return 0;
    io.stderr.write(
      `${t('cli.prefix')}${t('cli.internal', { message: printableLine(e?.message ?? String(error)) })}\n`,
    );
    if (io.env.SIGNATORY_DEBUG) io.stderr.write(`${e?.stack ?? ''}\n`);
    return 1;
  }
}

function isEntryPoint(): boolean {
  if (!process.argv[1]) return false;
  try {
    // npm's bin link is a symlink to this file.
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

const invokedDirectly = isEntryPoint();
if (invokedDirectly) {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  const code = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    cwd: process.cwd(),
    env: process.env,
  });
  process.exitCode = code;
}
