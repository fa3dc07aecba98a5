import { parseCommandArgs, write, type Command } from '../command.js';
import { writeRunReport } from '../run-report.js';
import { loadFromArgs, noExtraArguments, requireFile, SCENARIO_HELP, SCENARIO_OPTIONS } from '../scenario-args.js';

export const runCommand: Command = {
  name: 'run',
  summary: 'solve a scenario: equilibria, QRE and the signing tally',
  help: `Usage: signatory run FILE [--json] [--rounds] [--set PATH=VALUE]... [--fix ID=ACTION]...

Solves the scenario: the least and greatest pure Nash equilibria, the logit
quantal response equilibrium and the exact distribution of the tally.

Options:
  --json               print one JSON object instead of the plain report
  --rounds             show the cascade: who signs in which round, from no signatures,
                       and who tipped each later signer
${SCENARIO_HELP}
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('run', argv, {
      ...SCENARIO_OPTIONS,
      json: { type: 'boolean' },
      rounds: { type: 'boolean' },
    });
    if (values.help) return (write(io, this.help), 0);
    const file = requireFile('run', positionals);
    noExtraArguments('run', positionals, 1);
    writeRunReport(io, loadFromArgs(file, values, io.cwd), { json: values.json, rounds: values.rounds });
    return 0;
  },
};
