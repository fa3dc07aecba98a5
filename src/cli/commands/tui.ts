import { DEFAULT_SCENARIO } from '../../app/package.js';
import { launchTui } from '../../tui/launch.js';
import { parseCommandArgs, write, type Command } from '../command.js';
import { writeRunReport } from '../run-report.js';
import { loadFromArgs } from '../scenario-args.js';

export const tuiCommand: Command = {
  name: 'tui',
  summary: 'the interactive what-if explorer in the terminal (the default in a terminal)',
  help: `Usage: signatory tui [FILE]

Opens the terminal UI on FILE (default: the A Coruña 2026 baseline): move
the declaration and world parameters, fix states, see the tally, the
cascade and why each state signs or abstains; save the what-if as a new
scenario file. Press ? inside for the keys, q to quit. NO_COLOR turns
colours off. Off a terminal (piped input or output) it prints the plain
report instead, as \`signatory run FILE\` would.
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('tui', argv, {});
    if (values.help) return (write(io, this.help), 0);
    const file = positionals[0] ?? DEFAULT_SCENARIO;
    // Ink needs raw keyboard input and a screen to draw on; a pipe gets the report.
    if (!(io.stdin.isTTY && io.stdout.isTTY)) return (writeRunReport(io, loadFromArgs(file, {}, io.cwd)), 0);
    return launchTui(file, io);
  },
};
