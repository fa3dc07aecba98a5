import { runScenario } from '../../analysis/run.js';
import { scenarioSubgame } from '../../analysis/subgame.js';
import { subgameToText } from '../../report/subgame-text.js';
import { parseCommandArgs, write, type Command } from '../command.js';
import { loadFromArgs, noExtraArguments, requireFile, SCENARIO_HELP, SCENARIO_OPTIONS } from '../scenario-args.js';
import { UsageError } from '../usage-error.js';

export const subgameCommand: Command = {
  name: 'subgame',
  summary: "the 2×2 game between two states, classified (Stag Hunt, Prisoner's Dilemma …)",
  help: `Usage: signatory subgame FILE [ID1 ID2] [--json] [--set PATH=VALUE]... [--fix ID=ACTION]...

Holds every other state at the least equilibrium, evaluates the 2×2 level
payoffs of the two states (default USA and CHN) and classifies each player's
game after Jervis (1978): Harmony, Stag Hunt, Prisoner's Dilemma, Deadlock,
Chicken or Leader; lists the pure equilibria and, where both (sign, sign)
and (abstain, abstain) are equilibria, which one risk-dominates.

Options:
  --json               print JSON
${SCENARIO_HELP}
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('subgame', argv, {
      ...SCENARIO_OPTIONS,
      json: { type: 'boolean' },
    });
    if (values.help) return (write(io, this.help), 0);
    const file = requireFile('subgame', positionals);
    const [id1, id2] = positionals.length >= 3 ? [positionals[1], positionals[2]] : ['USA', 'CHN'];
    if (positionals.length === 2) throw new UsageError('give two state ids, or none for USA and CHN', 'subgame');
    noExtraArguments('subgame', positionals, 3);
    if (id1 === id2) throw new UsageError(`a subgame needs two different states, got '${id1}' twice`, 'subgame');
    const run = runScenario(loadFromArgs(file, values, io.cwd));
    const g = scenarioSubgame(run, id1, id2);
    write(io, values.json ? JSON.stringify(g, null, 2) : subgameToText(g));
    return 0;
  },
};
