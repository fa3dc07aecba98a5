import { compareRuns } from '../../analysis/compare.js';
import { runScenario } from '../../analysis/run.js';
import { comparisonToJson, comparisonToText } from '../../report/compare-text.js';
import { parseCommandArgs, write, type Command } from '../command.js';
import { loadFromArgs, noExtraArguments, requireFile, SCENARIO_HELP, SCENARIO_OPTIONS } from '../scenario-args.js';

export const compareCommand: Command = {
  name: 'compare',
  summary: 'two scenarios side by side: tallies, who flipped and why, tallies by bloc',
  help: `Usage: signatory compare BASE OTHER [--json] [--set PATH=VALUE]... [--fix ID=ACTION]...

Solves both scenarios and shows their tallies side by side (least and
greatest equilibria, QRE expectation with its 90% interval), the states that
flipped in each direction at the least equilibrium, for each of them the
terms whose contribution changed most, and the tallies by bloc.

Options:
  --json               print one JSON object instead of the plain report
${SCENARIO_HELP}
                       (--set and --fix apply to OTHER only, so
                       \`compare F F --set ...\` is a quick what-if)

Example:
  signatory compare scenarios/a-coruna-2026.yaml scenarios/what-if/verification.yaml
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('compare', argv, { ...SCENARIO_OPTIONS, json: { type: 'boolean' } });
    if (values.help) return write(io, this.help), 0;
    const baseFile = requireFile('compare', positionals, 0, 'BASE scenario file');
    const otherFile = requireFile('compare', positionals, 1, 'OTHER scenario file');
    noExtraArguments('compare', positionals, 2);
    const base = runScenario(loadFromArgs(baseFile, {}, io.cwd));
    const other = runScenario(loadFromArgs(otherFile, values, io.cwd));
    const c = compareRuns(base, other);
    write(io, values.json ? JSON.stringify(comparisonToJson(c), null, 2) : comparisonToText(c));
    return 0;
  },
};
