import { parseTarget, seek, type Target } from '../../analysis/seek.js';
import { seekToJson, seekToText } from '../../report/seek-text.js';
import { many, parseCommandArgs, write, type Command } from '../command.js';
import { loadFromArgs, noExtraArguments, requireFile, SCENARIO_HELP, SCENARIO_OPTIONS } from '../scenario-args.js';
import { UsageError } from '../usage-error.js';
import { InputError } from '../../errors/input-error.js';

/** The --target expression; a malformed one is a usage error of seek (with its help hint). */
function targetOption(text: string): Target {
  try {
    return parseTarget(text);
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(error.message, 'seek');
    throw error;
  }
}

export const seekCommand: Command = {
  name: 'seek',
  summary: 'the inverse what-if: the smallest change to the text that meets a target',
  help: `Usage: signatory seek FILE --target EXPR [--allow world] [--json] [--set PATH=VALUE]... [--fix ID=ACTION]...

Searches the declaration parameters (and with --allow world the race
intensity and race narrative) for the smallest change from the scenario's
values (L1 distance, each parameter in [0, 1]) whose least equilibrium meets
the target, or says plainly that no setting within bounds reaches it. The
search uses the monotone structure of the game and says whether its answer
is exact or an upper bound on the minimum.

Targets:
  signed>=N                  at least N signers
  ID[,ID…] sign              every named state signs, e.g. USA,CHN sign
  signed>=N and ID,… sign    both
  ID[,ID…] abstain           every named state abstains (alone: the search
                             then moves each parameter the other way)
A state is named by its id in any case or its English name, states
separated by commas: 'usa, China sign', 'Trinidad and Tobago sign'.

Options:
  --target EXPR        the target (required)
  --allow world        also move world.raceIntensity and world.raceShock
  --json               print one JSON object instead of the plain report
${SCENARIO_HELP}

Example:
  signatory seek scenarios/a-coruna-2026.yaml --target 'signed>=43'
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('seek', argv, {
      ...SCENARIO_OPTIONS,
      target: { type: 'string' },
      allow: { type: 'string', multiple: true },
      json: { type: 'boolean' },
    });
    if (values.help) return (write(io, this.help), 0);
    const file = requireFile('seek', positionals);
    noExtraArguments('seek', positionals, 1);
    if (values.target === undefined) throw new UsageError('--target is required, e.g. --target "signed>=43"', 'seek');
    const allow = many(values.allow);
    for (const a of allow) if (a !== 'world') throw new UsageError(`--allow takes 'world', got '${a}'`, 'seek');
    const target = targetOption(String(values.target));
    const scenario = loadFromArgs(file, values, io.cwd);
    const n = scenario.states.length;
    if (target.minSigned !== undefined && target.minSigned > n)
      throw new UsageError(`target signed>=${target.minSigned}: the scenario has only ${n} states`, 'seek');
    const result = seek(scenario, target, { allowWorld: allow.includes('world') });
    write(io, values.json ? JSON.stringify(seekToJson(result), null, 2) : seekToText(result));
    return 0;
  },
};
