/**
 * The terminal UI proper (reached through launch.ts): loads the scenario,
 * draws the explorer on the terminal's alternate screen and hands the
 * terminal back as it was when the user quits.
 */
import { render } from 'ink';
import { statSync } from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import type { CommandIo } from '../app/io.js';
import { SCENARIOS_DIR } from '../app/package.js';
import { loadScenario } from '../scenario/load.js';
import { App } from './App.js';
import { themeFor } from './theme.js';

/** Switches to the alternate screen and back (xterm), so quitting leaves the shell's scrollback untouched. */
const ENTER_ALT_SCREEN = '\u001b[?1049h\u001b[H';
const LEAVE_ALT_SCREEN = '\u001b[?1049l';

/** Where the picker looks: the working directory's scenarios/ if it has one, else the packaged one. */
export function scenariosDirFor(cwd: string): string {
  const local = path.join(cwd, 'scenarios');
  return statSync(local, { throwIfNoEntry: false })?.isDirectory() ? local : SCENARIOS_DIR;
}

/** Opens the UI on `file`; resolves with the exit code once the user quits. */
export async function runTui(file: string, io: CommandIo): Promise<number> {
  const stdin = io.stdin as NodeJS.ReadStream;
  // Raw mode from the start: keys typed while the scenario loads wait in the
  // stream for Ink instead of being echoed, or lost when the tty switches modes.
  const raw = stdin.isTTY && typeof stdin.setRawMode === 'function';
  if (raw) stdin.setRawMode(true);
  let scenario;
  try {
    // Load first: a bad file is reported on stderr like any command's, before the screen changes.
    scenario = loadScenario(path.resolve(io.cwd, file));
  } catch (error) {
    if (raw) stdin.setRawMode(false);
    throw error;
  }
  const stdout = io.stdout as NodeJS.WriteStream;
  stdout.write(ENTER_ALT_SCREEN);
  const restore = () => stdout.write(LEAVE_ALT_SCREEN);
  process.once('exit', restore);
  try {
    const instance = render(
      createElement(App, { scenario, cwd: io.cwd, scenariosDir: scenariosDirFor(io.cwd), theme: themeFor(io.env) }),
      { stdin, stdout, stderr: io.stderr as NodeJS.WriteStream, exitOnCtrlC: true, patchConsole: false },
    );
    await instance.waitUntilExit();
    return 0;
  } finally {
    process.off('exit', restore);
    restore();
    if (raw) stdin.setRawMode(false);
  }
}
