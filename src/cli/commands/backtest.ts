import { backtest, type BacktestOptions } from '../../calibrate/backtest.js';
import { jsonDeep } from '../../report/format.js';
import { backtestToMarkdown, backtestToText } from '../../report/backtest-text.js';
import { parseCommandArgs, write, type Command } from '../command.js';
import { SCENARIO_HELP, SCENARIO_OPTIONS } from '../scenario-args.js';
import { UsageError } from '../usage-error.js';
import { checkEventFiles, loadEvents, panelPrior, panelRidge } from '../panel-calibration.js';

export const backtestCommand: Command = {
  name: 'backtest',
  summary: 'leave one event out, refit the panel on the others and predict it, beside two baselines',
  help: `Usage: signatory backtest FILE FILE... [--ridge R] [--prior equal-effect|scenario|zero] [--json | --markdown]

For each event FILE in turn: fits the panel calibration (calibrate FILE FILE...)
to the other events and predicts the left-out one with the fitted game: the
least and greatest pure equilibria and the least logit QRE, against the
observed number of signers, the share of the named states whose action the
least equilibrium gets right and the AUC of the QRE probabilities over them.
Beside it, two baselines: persistence (each state does what it did at the
chronologically previous event) and a logistic on the single attribute that
fits the training events best. Then the in-sample fit of every event.
See docs/calibration.md, "Backtest".

Options:
  --ridge R            ridge per squared standardised unit (default 1)
  --prior P            centre of the ridge: equal-effect, scenario (the first event's weights) or zero
  --json               print JSON (the same numbers)
  --markdown           print the tables as Markdown
--set and --fix apply to every FILE.
${SCENARIO_HELP}
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('backtest', argv, {
      ...SCENARIO_OPTIONS,
      ridge: { type: 'string' },
      prior: { type: 'string' },
      json: { type: 'boolean' },
      markdown: { type: 'boolean' },
    });
    if (values.help) return (write(io, this.help), 0);
    if (positionals.length < 2)
      throw new UsageError(`expected at least two event FILEs, got ${positionals.length}`, 'backtest');
    if (values.json && values.markdown) throw new UsageError('choose one of --json and --markdown', 'backtest');
    checkEventFiles('backtest', positionals, io.cwd, 0);
    const options: BacktestOptions = {
      ridge: panelRidge('backtest', values.ridge),
      prior: panelPrior('backtest', values.prior),
    };
    const result = backtest(loadEvents(positionals, values, io.cwd), options);
    if (values.json) {
      write(io, JSON.stringify(jsonDeep({ files: positionals, ...result }), null, 2));
    } else write(io, values.markdown ? backtestToMarkdown(result) : backtestToText(result));
    return 0;
  },
};
