#!/usr/bin/env node
/**
 * The `signatory` command line. A thin shell: it parses arguments, calls the
 * core and prints. Bad input (an InputError) ends with one line on stderr and
 * exit code 2; any other error is the program's fault: exit code 1.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SCENARIO, packageVersion } from '../app/package.js';
import { InputError } from '../errors/input-error.js';
import { ScenarioError } from '../scenario/errors.js';
import { didYouMean } from '../scenario/suggest.js';
import { printableLine } from '../text/printable.js';
import type { CommandIo } from './command.js';
import { COMMANDS } from './commands/index.js';
import { UsageError } from './usage-error.js';

/** Where a user error points for help: its command's --help, or none for a bad scenario input. */
function helpHint(error: InputError, command: string | undefined): string {
  if (error instanceof ScenarioError) return '';
  const name = error instanceof UsageError ? error.command : command;
  return name ? ` (see 'signatory ${name} --help')` : " (see 'signatory --help')";
}

async function mainHelp(): Promise<string> {
  const commands = await Promise.all(COMMANDS.map((c) => c.load()));
  const width = Math.max(...commands.map((c) => c.name.length));
  return `signatory ${packageVersion()} — who would sign this declaration, and what would it take?

Usage: signatory [COMMAND] [ARGS]

With no command: the terminal UI on the A Coruña baseline when run in a
terminal, otherwise the plain report of that scenario.

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

  signatory COMMAND --help    options of one command
  signatory --version         the version
`;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [first, ...rest] = argv;
  const entry = COMMANDS.find((c) => c.name === first);
  try {
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
      throw new UsageError(`unknown command '${first}'${didYouMean(first, names)} (commands: ${names.join(', ')})`);
    }
    return await (await entry.load()).run(rest, io);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr.write(`signatory: ${printableLine(error.message)}${helpHint(error, entry?.name)}\n`);
      return 2;
    }
    const e = error as NodeJS.ErrnoException;
    if (e && (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED')) return 0;
    io.stderr.write(`signatory: internal error: ${printableLine(e?.message ?? String(error))}\n`);
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
