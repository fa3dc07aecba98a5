import { explainState } from '../../analysis/explain.js';
import { runScenario } from '../../analysis/run.js';
import { jsonNumber } from '../../report/format.js';
import { explanationToText } from '../../report/explain-text.js';
import { parseCommandArgs, write, type Command } from '../command.js';
import { loadFromArgs, noExtraArguments, requireFile, SCENARIO_HELP, SCENARIO_OPTIONS } from '../scenario-args.js';

export const explainCommand: Command = {
  name: 'explain',
  summary: 'why a state signs or abstains, term by term, and what would flip it',
  help: `Usage: signatory explain FILE ID [--json] [--no-flips] [--set PATH=VALUE]... [--fix ID=ACTION]...

Each payoff term's contribution to the state's net gain of signing at the
least equilibrium, and for every declaration and world parameter the value
at which its equilibrium decision flips (or "no flip in range"). ID is the
state's id in any case or its English name (USA, usa, "United States").

Options:
  --json               print JSON
  --no-flips           skip the flip thresholds (faster)
${SCENARIO_HELP}
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('explain', argv, {
      ...SCENARIO_OPTIONS,
      json: { type: 'boolean' },
      'no-flips': { type: 'boolean' },
    });
    if (values.help) return (write(io, this.help), 0);
    const file = requireFile('explain', positionals);
    const id = requireFile('explain', positionals, 1, 'state ID');
    noExtraArguments('explain', positionals, 2);
    const run = runScenario(loadFromArgs(file, values, io.cwd));
    const e = explainState(run, id, !values['no-flips']);
    if (values.json) {
      write(
        io,
        JSON.stringify(
          {
            ...e,
            delta: jsonNumber(e.delta),
            contributions: e.contributions.map((c) => ({ ...c, value: jsonNumber(c.value) })),
            flips: e.flips.map((f) => ({
              ...f,
              nearest: f.nearest === null ? null : jsonNumber(f.nearest),
              flips: f.flips.map((x) => ({ ...x, at: jsonNumber(x.at) })),
            })),
          },
          null,
          2,
        ),
      );
    } else write(io, explanationToText(e));
    return 0;
  },
};
