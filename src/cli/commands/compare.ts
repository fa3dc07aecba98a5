import { compareRuns } from '../../analysis/compare.js';
import { runScenario } from '../../analysis/run.js';
import { comparisonToJson, comparisonToText } from '../../report/compare-text.js';
import { many, parseCommandArgs, write, type Command } from '../command.js';
import { loadFromArgs, noExtraArguments, requireFile, SCENARIO_HELP, SCENARIO_OPTIONS } from '../scenario-args.js';

export const compareCommand: Command = {
  name: 'compare',
  summary: 'two scenarios side by side: tallies, who flipped and why, tallies by bloc',
  help: `Usage: signatory compare BASE OTHER [--state ID]... [--base-date DATE] [--json] [--set PATH=VALUE]... [--fix ID=ACTION]...

Solves both scenarios and shows their tallies side by side (least and
greatest equilibria, QRE expectation with its 90% interval), the states that
flipped in each direction at the least equilibrium, for each of them the
terms whose contribution changed most, and the tallies by bloc.

Options:
  --state ID           decompose ID's change of Δ term by term, whether or not
                       it flips (repeatable)
  --base-date DATE     evaluate BASE at DATE (YYYY-MM-DD; a scenario with dated
                       values); with --set date=… for OTHER, this compares two
                       dates of one scenario
  --json               print one JSON object instead of the plain report
${SCENARIO_HELP}
                       (--set and --fix apply to OTHER only, so
                       \`compare F F --set ...\` is a quick what-if)

Examples:
  signatory compare scenarios/a-coruna-2026.yaml scenarios/what-if/verification.yaml
  signatory compare scenarios/a-coruna-2026.yaml scenarios/a-coruna-2026.yaml \\
    --base-date 2024-12-02 --state USA
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('compare', argv, {
      ...SCENARIO_OPTIONS,
      json: { type: 'boolean' },
      state: { type: 'string', multiple: true },
      'base-date': { type: 'string' },
    });
    if (values.help) return (write(io, this.help), 0);
    const baseFile = requireFile('compare', positionals, 0, 'BASE scenario file');
    const otherFile = requireFile('compare', positionals, 1, 'OTHER scenario file');
    noExtraArguments('compare', positionals, 2);
    const baseDate = values['base-date'] as string | undefined;
    const base = runScenario(
      loadFromArgs(baseFile, baseDate === undefined ? {} : { set: [`date=${baseDate}`] }, io.cwd),
    );
    const other = runScenario(loadFromArgs(otherFile, values, io.cwd));
    const c = compareRuns(base, other, many(values.state as string[] | undefined));
    write(io, values.json ? JSON.stringify(comparisonToJson(c), null, 2) : comparisonToText(c));
    return 0;
  },
};
