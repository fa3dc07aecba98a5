/** Helpers of calibrate's panel mode and of backtest: event files, panel options, the panel fit printed. */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { modelFitRows } from '../calibrate/backtest.js';
import {
  calibratePanel,
  DEFAULT_PANEL,
  PANEL_PRIORS,
  type PanelOptions,
  type PanelPrior,
} from '../calibrate/panel.js';
import type { Scenario } from '../model/scenario.js';
import { roundNumber } from '../report/format.js';
import { panelToText } from '../report/panel-text.js';
import { write, type CommandIo } from './command.js';
import { loadFromArgs } from './scenario-args.js';
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
  },
  io: CommandIo,
): number {
  if (values.cv !== undefined)
    throw new UsageError('--cv cross-validates a single event; for several events use signatory backtest', 'calibrate');
  if (values.write !== undefined)
    throw new UsageError(
      '--write writes the fit of a single event; in panel mode --json gives the weights by event kind',
      'calibrate',
    );
  const options: PanelOptions = {
    ridge: panelRidge('calibrate', values.ridge),
    prior: panelPrior('calibrate', values.prior),
    ...(values.profile !== undefined ? { profileTerm: values.profile === 'none' ? null : values.profile } : {}),
  };
  const scenarios = loadEvents(files, values, io.cwd);
  const result = calibratePanel(scenarios, options);
  const rows = modelFitRows(scenarios, result);
  if (values.json) {
    const round = (x: unknown): unknown =>
      typeof x === 'number'
        ? roundNumber(x)
        : Array.isArray(x)
          ? x.map(round)
          : x && typeof x === 'object'
            ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, round(v)]))
            : x;
    write(
      io,
      JSON.stringify(
        round({ mode: 'panel', files: [...files], options, ...result, inSample: rows }),
        (_, v) => (v === Infinity ? null : v),
        2,
      ),
    );
  } else write(io, panelToText(result, rows));
  return 0;
}
