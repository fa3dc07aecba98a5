import { existsSync } from 'node:fs';
import { TargetExistsError, writeWhole } from '../../app/write-file.js';
import path from 'node:path';
import { compileScenario } from '../../model/compile.js';
import { gameToNfg, NFG_MAX_PLAYERS } from '../../scenario/nfg.js';
import { parseCommandArgs, write, type Command } from '../command.js';
import { loadWithChain, noExtraArguments, requireFile, SCENARIO_HELP, SCENARIO_OPTIONS } from '../scenario-args.js';
import { samePath } from '../options.js';
import { UsageError } from '../usage-error.js';

export const exportCommand: Command = {
  name: 'export',
  summary: "write a scenario's game in another program's format (Gambit .nfg)",
  help: `Usage: signatory export FILE --nfg [--out OUT [--force]] [--set PATH=VALUE]... [--fix ID=ACTION]...

Writes the scenario's compiled game as a Gambit strategic-form file (.nfg,
"NFG 1 R"): every player's strategies are "sign" and "abstain", and a
player's payoff is its net gain of signing when it signs and 0 when it
abstains, which has the same equilibria and quantal response equilibria as
the scenario. At most ${NFG_MAX_PLAYERS} players (2^N profiles). States held by
--fix or fix: are written as ordinary players. 'signatory run FILE.nfg'
reads such a file back (see docs/scenario-format.md, "Gambit files").

Options:
  --nfg                Gambit's .nfg format (the only format for now; required)
  --out OUT            write OUT instead of printing; refuses an existing OUT
  --force              replace an existing OUT (never the scenario or a file it extends)
${SCENARIO_HELP}
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('export', argv, {
      ...SCENARIO_OPTIONS,
      nfg: { type: 'boolean' },
      out: { type: 'string' },
      force: { type: 'boolean' },
    });
    if (values.help) return (write(io, this.help), 0);
    const file = requireFile('export', positionals);
    noExtraArguments('export', positionals, 1);
    if (!values.nfg) throw new UsageError('give the format: --nfg', 'export');
    if (values.force && values.out === undefined) throw new UsageError('--force needs --out', 'export');
    const { scenario, chain } = loadWithChain(file, values, io.cwd);
    const n = scenario.states.length;
    if (n > NFG_MAX_PLAYERS)
      throw new UsageError(
        `${file} has ${n} states; a .nfg file is written for at most ${NFG_MAX_PLAYERS} (2^N profiles)`,
        'export',
      );
    const text = gameToNfg(
      compileScenario(scenario).game,
      scenario.name,
      scenario.states.map((s) => s.id),
      scenario.description,
    );
    if (values.out === undefined) return (write(io, text.replace(/\n$/, '')), 0);
    const out = path.resolve(io.cwd, values.out);
    if (chain.some((f) => samePath(f, out)))
      throw new UsageError(`--out ${values.out} is the scenario or a file it extends`, 'export');
    if (!values.force && existsSync(out))
      throw new UsageError(`--out ${values.out} exists (give --force to replace it)`, 'export');
    try {
      writeWhole(out, text, Boolean(values.force), `${out}.${process.pid}.partial`);
    } catch (error) {
      if (error instanceof TargetExistsError)
        throw new UsageError(`--out ${values.out} exists (give --force to replace it)`, 'export');
      const code = (error as NodeJS.ErrnoException).code;
      if (code) throw new UsageError(`cannot create --out ${values.out}: ${code}`, 'export');
      throw error;
    }
    return 0;
  },
};
