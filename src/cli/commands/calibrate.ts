import path from 'node:path';
import {
  calibrate,
  DEFAULT_CALIBRATION,
  PRIOR_KINDS,
  type CalibrationOptions,
  type PriorKind,
} from '../../calibrate/calibrate.js';
import { calibrationToText } from '../../report/calibrate-text.js';
import { jsonNumber } from '../../report/format.js';
import { parseCommandArgs, write, type Command } from '../command.js';
import { loadWithChain, noExtraArguments, requireFile, SCENARIO_HELP, SCENARIO_OPTIONS } from '../scenario-args.js';
import { UsageError } from '../usage-error.js';
import { checkEventFiles, checkWriteTarget, runPanelCalibration, writeScenarioFile } from '../panel-calibration.js';
import { observationOf } from '../../calibrate/observation.js';

function numberOption(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const x = Number(value);
  if (!Number.isFinite(x) || x < min)
    throw new UsageError(`--${name} expects a number ≥ ${min}, got '${value}'`, 'calibrate');
  return x;
}

export const calibrateCommand: Command = {
  name: 'calibrate',
  summary: "fit a scenario's weights to its observed outcome, or one set of weights to several events",
  help: `Usage: signatory calibrate FILE [--cv K] [--ridge R|auto] [--prior equal-effect|scenario|zero] [--json] [--write OUT [--force] [--name NAME]]
       signatory calibrate FILE FILE... [--ridge R] [--prior equal-effect|scenario|zero] [--profile TERM|none] [--json] [--write OUT [--force] [--name NAME]]

Fits the term weights to the scenario's \`observed\` outcome (who signed): the
pseudo-likelihood of the logit choices at the observed profile, a ridge-
regularised logistic regression on the term values with every weight ≥ 0,
with standard errors. Then sets the intercept so that the least equilibrium's
tally equals the observed number of signers (bisection: the tally is
monotone in the intercept).

Options:
  --cv K               K-fold cross-validated agreement (default: none)
  --ridge R|auto       ridge strength per squared unit of weight (default ${DEFAULT_CALIBRATION.ridge}), or auto:
                       the value on a grid with the best 5-fold held-out likelihood
  --prior P            centre of the ridge: equal-effect (every term's standard deviation
                       across states moves Δ equally), scenario (the file's weights) or
                       zero (default equal-effect)
  --json               print JSON
  --write OUT          write a scenario that extends FILE with the fitted weights
  --name NAME          the written scenario's name (default: FILE's name, calibrated)
  --force              allow --write to replace an existing OUT (never FILE itself)

Panel mode (several FILEs, or one with --panel or with a partial outcome): one
set of term weights for all the events, with an intercept per event kind
(un-vote, summit-declaration): the pooled pseudo-likelihood of every known
choice plus, for each event's unnamed states, the probability of its counts.
The ridge acts in standardised units (R per squared log-odds per standard
deviation of a term's values). Weights stay ≥ 0 only for terms with an
interaction. Prints the identification report: posterior sd and robust
(sandwich) s.e., shift from the prior, correlations of the term columns, a
profile likelihood of the momentum term, and the fitted game per event.
With --write OUT it writes a scenario that extends the LAST FILE with the
panel's weights and its kind's intercept, moved so that the least
equilibrium has the observed number of signers (--force, --name as above).
  --panel              panel mode for a single FILE
  --profile TERM|none  the term whose profile likelihood is reported (default: the momentum term)
--set and --fix apply to every FILE. See docs/calibration.md, "Panel calibration".
${SCENARIO_HELP}
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('calibrate', argv, {
      ...SCENARIO_OPTIONS,
      cv: { type: 'string' },
      ridge: { type: 'string' },
      prior: { type: 'string' },
      json: { type: 'boolean' },
      write: { type: 'string' },
      force: { type: 'boolean' },
      name: { type: 'string' },
      panel: { type: 'boolean' },
      profile: { type: 'string' },
    });
    if (values.help) return (write(io, this.help), 0);
    const file = requireFile('calibrate', positionals);
    if (positionals.length > 1 || values.panel) {
      checkEventFiles('calibrate', positionals, io.cwd);
      return runPanelCalibration(positionals, values, io);
    }
    noExtraArguments('calibrate', positionals, 1);
    if (values.profile !== undefined)
      throw new UsageError('--profile belongs to panel mode (several FILEs, or --panel)', 'calibrate');
    const prior = (values.prior ?? DEFAULT_CALIBRATION.prior) as PriorKind;
    if (!PRIOR_KINDS.includes(prior))
      throw new UsageError(`--prior expects ${PRIOR_KINDS.join(', ')}, got '${prior}'`, 'calibrate');
    const options: CalibrationOptions = {
      ridge:
        values.ridge === 'auto' ? 'auto' : numberOption('ridge', values.ridge, DEFAULT_CALIBRATION.ridge as number, 0),
      prior,
      folds: numberOption('cv', values.cv, 0, 0),
    };
    if (!Number.isInteger(options.folds) || options.folds === 1)
      throw new UsageError(`--cv expects a whole number of folds, at least 2, got '${values.cv}'`, 'calibrate');
    const outFile = values.write ? path.resolve(io.cwd, values.write) : undefined;
    const inFile = path.resolve(io.cwd, file);
    const { scenario, chain } = loadWithChain(file, values, io.cwd);
    // Never the input nor any file of its extends chain, even with --force.
    if (outFile) checkWriteTarget(outFile, values.write!, chain, values.force);
    // A partial outcome (states named neither way) needs the panel method's likelihood of the counts.
    if (scenario.observed && observationOf(scenario).group) {
      if (values.cv !== undefined || values.write !== undefined || values.ridge === 'auto') {
        throw new UsageError(
          `${file} has a partial outcome (some states named neither under signed nor notSigned): it is fitted by the panel method, which takes neither --cv, --write nor --ridge auto`,
          'calibrate',
        );
      }
      return runPanelCalibration([file], values, io);
    }
    const result = calibrate(scenario, options);
    if (values.json) {
      write(
        io,
        JSON.stringify(
          {
            scenario: scenario.name,
            options,
            ...result,
            weights: Object.fromEntries(Object.entries(result.weights).map(([k, v]) => [k, jsonNumber(v)])),
          },
          null,
          2,
        ),
      );
    } else write(io, calibrationToText(scenario.name, result, options));
    if (outFile) {
      const relative = path.relative(path.dirname(outFile), inFile).split(path.sep).join('/');
      const weights = Object.fromEntries(Object.entries(result.weights).map(([k, v]) => [k, Number(v.toPrecision(6))]));
      const doc = {
        name: values.name ?? `${scenario.name}, calibrated`,
        description: `${scenario.description.trim()} Weights fitted to the observed outcome by signatory calibrate.`,
        extends: relative.startsWith('.') ? relative : `./${relative}`,
        weights,
      };
      const header =
        `# Weights fitted by: signatory calibrate ${path.relative(io.cwd, inFile)} --ridge ${options.ridge} --prior ${options.prior}` +
        `${result.ridgeChoice ? ` (ridge chosen: ${result.ridge})` : ''}\n` +
        `# Least equilibrium with these weights: ${result.impliedSigned} signers (observed ${result.targetSigned}).\n`;
      writeScenarioFile(outFile, header, doc);
      io.stderr.write(`wrote ${values.write}\n`);
    }
    return 0;
  },
};
