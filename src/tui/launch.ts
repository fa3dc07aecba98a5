/** Placeholder entry of the terminal UI until the Ink explorer lands: prints the plain report. */
import type { CommandIo } from '../cli/command.js';
import { runCommand } from '../cli/commands/run.js';

export async function launchTui(file: string, io: CommandIo): Promise<number> {
  return runCommand.run([file], io);
}
