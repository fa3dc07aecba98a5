/** Helpers of calibrate's panel mode and of backtest: event files, panel options, the panel fit printed. */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { interceptForTally } from '../calibrate/calibrate.js';
import { eventKind, weightsForKind } from '../calibrate/panel.js';
import { gameStructure } from '../model/compile.js';
import { modelFitRows } from '../calibrate/backtest.js';
import { calibratePanel, DEFAULT_PANEL, PANEL_PRIORS, type PanelOptions, type PanelPrior } from '../calibrate/panel.js';
import type { Scenario } from '../model/scenario.js';
import { jsonDeep } from '../report/format.js';
import { panelToText } from '../report/panel-text.js';
import { write, type CommandIo } from './command.js';
import { samePath, writeThroughPartial } from './options.js';
import { loadFromArgs, loadWithChain } from './scenario-args.js';
import { UsageError } from './usage-error.js';

/** Positionals that are not files are reported as unexpected arguments (the single-file usage's message). */
export function checkEventFiles(command: string, files: readonly string[], cwd: string, from = 1): void {
  files.forEach((file, k) => {
    if (k < from) return;
    const resolved = path.resolve(cwd, file);
    if (!existsSync(resolved) || !statSync(resolved).isFile()) {
      throw new UsageError(
        `unexpected argument '${file}': not a scenario file (several FILEs are fitted as a panel)`,
        command,
      );
    }
  });
}

export function loadEvents(
  files: readonly string[],
  values: { set?: unknown; fix?: unknown },
  cwd: string,
): Scenario[] {
  return files.map((file) => loadFromArgs(file, values, cwd));
}

/** The events and every file they are built from (their extends and roster chains), as absolute paths. */
function loadEventsWithChains(
  files: readonly string[],
  values: { set?: unknown; fix?: unknown },
  cwd: string,
): { scenarios: Scenario[]; chain: string[] } {
  const loaded = files.map((file) => loadWithChain(file, values, cwd));
  return { scenarios: loaded.map((l) => l.scenario), chain: loaded.flatMap((l) => l.chain) };
}

export function panelRidge(command: string, value: string | undefined): number {
  if (value === undefined) return DEFAULT_PANEL.ridge;
  const x = Number(value);
  if (value === 'auto')
    throw new UsageError('--ridge auto chooses the ridge of a single event; in panel mode give a number ≥ 0', command);
  if (!Number.isFinite(x) || x < 0) throw new UsageError(`--ridge expects a number ≥ 0, got '${value}'`, command);
  return x;
}

export function panelPrior(command: string, value: string | undefined): PanelPrior {
  const prior = (value ?? DEFAULT_PANEL.prior) as PanelPrior;
  if (!PANEL_PRIORS.includes(prior))
    throw new UsageError(`--prior expects ${PANEL_PRIORS.join(', ')}, got '${value}'`, command);
  return prior;
}

/** Refuses an OUT that is one of the inputs, or that exists without --force. */
export function checkWriteTarget(
  outFile: string,
  given: string,
  inputs: readonly string[],
  force: boolean | undefined,
): void {
  if (existsSync(outFile) && statSync(outFile).isDirectory())
    throw new UsageError(`--write ${given} is a directory; give a file name`, 'calibrate');
  // Real paths (samePath): a symlink or a parent folder reached another way is still the input.
  const targets = [outFile, `${outFile}.partial`];
  const input = inputs.find((f) => targets.some((t) => samePath(t, f)));
  if (input)
    throw new UsageError(
      `--write would overwrite the input ${path.basename(input)} (the scenario or a file of its extends chain); choose another file`,
      'calibrate',
    );
  if (existsSync(outFile) && !force) throw new UsageError(`${given} exists; pass --force to replace it`, 'calibrate');
}

/**
 * Writes a scenario file beside its target ('wx': never over a file that is
 * there) and renames it into place, so a failure never leaves half a file.
 */
export function writeScenarioFile(outFile: string, header: string, doc: object): void {
  writeThroughPartial('calibrate', '--write', outFile, outFile, header + stringify(doc, { lineWidth: 100 }));
}

/** Runs the panel calibration and prints it. */
export function runPanelCalibration(
  files: readonly string[],
  values: {
    set?: unknown;
    fix?: unknown;
    ridge?: string;
    prior?: string;
    json?: boolean;
    profile?: string;
    cv?: string;
    write?: string;
    force?: boolean;
    name?: string;
  },
  io: CommandIo,
): number {
  if (values.cv !== undefined)
    throw new UsageError('--cv cross-validates a single event; for several events use signatory backtest', 'calibrate');
  const outFile = values.write === undefined ? undefined : path.resolve(io.cwd, values.write);
  const options: PanelOptions = {
    ridge: panelRidge('calibrate', values.ridge),
    prior: panelPrior('calibrate', values.prior),
    ...(values.profile !== undefined ? { profileTerm: values.profile === 'none' ? null : values.profile } : {}),
  };
  const { scenarios, chain } = loadEventsWithChains(files, values, io.cwd);
  // Never a file any event is built from, even with --force.
  if (outFile) checkWriteTarget(outFile, values.write!, chain, values.force);
  const result = calibratePanel(scenarios, options);
  const rows = modelFitRows(scenarios, result);
  if (values.json) {
    write(
      io,
      JSON.stringify(
        jsonDeep({ mode: 'panel', files: [...files], options, ...result, inSample: rows }),
        (_, v) => (v === Infinity ? null : v),
        2,
      ),
    );
  } else write(io, panelToText(result, rows));
  if (outFile) writePanelScenario(outFile, files, scenarios[scenarios.length - 1], result, values, io);
  return 0;
}

/**
 * `--write OUT` in panel mode: a scenario extending the LAST file with the
 * panel's term weights and its kind's intercept, that intercept then moved
 * (bisection; the tally is monotone in it) so the least equilibrium's tally
 * equals the event's observed number of signers, as a single-event
 * calibration anchors it. The header records the command and both
 * intercepts.
 */
function writePanelScenario(
  outFile: string,
  files: readonly string[],
  target: Scenario,
  result: ReturnType<typeof calibratePanel>,
  values: { ridge?: string; prior?: string; name?: string; write?: string },
  io: CommandIo,
): void {
  const kind = eventKind(target);
  const { weights } = weightsForKind(result, kind);
  const observed = target.observed;
  const signed = observed?.counts?.signed ?? observed?.signed.length;
  let anchored = weights.intercept;
  let note = `# No observed number of signers in ${path.basename(files[files.length - 1])}: the ${kind} intercept is the panel's.\n`;
  if (signed !== undefined) {
    const { interval, nearest } = interceptForTally(
      { ...target, weights },
      gameStructure(target.states),
      signed,
      weights.intercept,
    );
    anchored = nearest;
    note =
      `# Intercept (${kind}): panel ${Number(weights.intercept.toPrecision(6))}, moved to ${Number(anchored.toPrecision(6))} so the least equilibrium has ` +
      (interval
        ? `the observed ${signed} signers (window ${interval.map((x) => Number(x.toPrecision(6))).join(' to ')}).\n`
        : `the nearest tally to the observed ${signed} (no intercept gives it exactly).\n`);
  }
  const rounded = Object.fromEntries(
    Object.entries({ ...weights, intercept: anchored }).map(([k, v]) => [k, Number(v.toPrecision(6))]),
  );
  const relative = path
    .relative(path.dirname(outFile), path.resolve(io.cwd, files[files.length - 1]))
    .split(path.sep)
    .join('/');
  const command = [
    'signatory calibrate',
    ...files.map((f) => path.relative(io.cwd, path.resolve(io.cwd, f))),
    values.ridge ? `--ridge ${values.ridge}` : '',
    values.prior ? `--prior ${values.prior}` : '',
    values.name ? `--name ${JSON.stringify(values.name)}` : '',
    `--write ${path.relative(io.cwd, outFile)}`,
  ]
    .filter(Boolean)
    .join(' ');
  const header = `# Weights fitted to ${files.length} events jointly by: ${command}\n${note}`;
  const doc = {
    name: values.name ?? `${target.name}, panel-calibrated`,
    description: `${target.description.trim()} Weights fitted by signatory calibrate to ${files.length} events jointly.`,
    extends: relative.startsWith('.') ? relative : `./${relative}`,
    weights: rounded,
  };
  writeScenarioFile(outFile, header, doc);
  io.stderr.write(`wrote ${values.write}\n`);
}
