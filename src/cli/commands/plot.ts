import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { chartSvg } from '../../sweep/chart-svg.js';
import { heatmap, lineChart, scatterChart, scatterMap } from '../../sweep/chart-text.js';
import { metaPath, readMeta } from '../../sweep/meta.js';
import { findOutcome } from '../../sweep/outcomes.js';
import { plotData, type PlotData } from '../../sweep/plot-data.js';
import { SweepError } from '../../sweep/sweep-error.js';
import { parseCommandArgs, write, type Command } from '../command.js';
import { checkFolder, samePath, wholeNumber, writeThroughPartial } from '../options.js';
import { requireFile } from '../scenario-args.js';
import { UsageError } from '../usage-error.js';

/**
 * The SVG never replaces the RESULTS file or its receipt (real paths, a
 * symlink counts), nor a directory; an existing SVG only with --force.
 */
function checkSvgTarget(target: string, given: string, results: string, force: boolean): void {
  if (existsSync(target) && statSync(target).isDirectory())
    throw new UsageError(`--svg ${given} is a directory; give a file name`, 'plot');
  const written = [target, `${target}.partial`];
  const input = [results, metaPath(results)].find((f) => written.some((w) => samePath(w, f)));
  if (input)
    throw new UsageError(`--svg ${given} would write over ${path.basename(input)}, the results it plots`, 'plot');
  if (existsSync(target) && !force) throw new UsageError(`--svg ${given} exists; pass --force to replace it`, 'plot');
}

/** The design range of each varied path, from the run receipt beside the results (none without one). */
function designRanges(file: string): Record<string, [number, number]> {
  if (!existsSync(metaPath(file))) return {};
  try {
    return Object.fromEntries(readMeta(file).plan.design.factors.map((f) => [f.path, [f.lo, f.hi]]));
  } catch (error) {
    // A results file plots without its receipt: the axes then span the data.
    if (error instanceof SweepError) return {};
    throw error;
  }
}

function textChart(data: PlotData): string {
  if (data.points) return data.y ? scatterMap(data) : scatterChart(data);
  return data.y ? heatmap(data) : lineChart(data);
}

export const plotCommand: Command = {
  name: 'plot',
  summary: 'chart a sweep: a line (one input) or a heatmap (two), in the terminal or as SVG',
  help: `Usage: signatory plot RESULTS --x PATH [--y PATH] [--z OUTCOME] [--svg FILE.svg]

Reads a sweep's output (CSV or JSON Lines) and draws the mean of one outcome
(default least) against one varied input (a line chart) or two (a heatmap),
averaging over every other input and replication. An axis spans the design
range recorded in the run receipt (RESULTS.meta.json), ticks sit at round
numbers, and a tally is drawn as steps on an integer axis. An axis with
more than 60 values (a Latin hypercube, a random design) is cut into 40 bins.

Options:
  --x PATH             the input across, e.g. declaration.verification
  --y PATH             a second input, up: a heatmap
  --z OUTCOME          the outcome: least, greatest, qre_mean, p_majority, USA.p … (default least;
                       'signatory sweep --list-outcomes FILE' lists them)
  --bins N             cut an axis with more than N values into N bins
  --scatter            every row as a point (for Latin hypercube and random designs)
  --svg FILE.svg       also write the chart as SVG
  --force              replace an existing FILE.svg (never the RESULTS file or its receipt)
  --no-text            skip the terminal chart (only with --svg)

Example:
  signatory plot results.csv --x declaration.verification --y declaration.thresholdClarity --z qre_mean --svg map.svg
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('plot', argv, {
      x: { type: 'string' },
      y: { type: 'string' },
      z: { type: 'string' },
      bins: { type: 'string' },
      scatter: { type: 'boolean' },
      svg: { type: 'string' },
      'no-text': { type: 'boolean' },
      force: { type: 'boolean' },
    });
    if (values.help) return (write(io, this.help), 0);
    const file = path.resolve(io.cwd, requireFile('plot', positionals, 0, 'RESULTS file'));
    if (values.x === undefined) throw new UsageError('--x PATH is required', 'plot');
    if (values['no-text'] && values.svg === undefined)
      throw new UsageError('--no-text needs --svg FILE.svg: without it the command would draw nothing', 'plot');
    if (values.svg !== undefined && !/\.svg$/i.test(values.svg))
      throw new UsageError(`--svg ${values.svg}: the chart is SVG, so the file name must end in .svg`, 'plot');
    const bins = values.bins === undefined ? undefined : wholeNumber('plot', '--bins', values.bins, 40, 2);
    if (!existsSync(file)) throw new UsageError(`${positionals[0]}: no such file`, 'plot');
    if (!statSync(file).isFile()) throw new UsageError(`${positionals[0]}: not a file`, 'plot');
    if (values.svg !== undefined) {
      checkFolder('plot', '--svg', values.svg, path.resolve(io.cwd, values.svg));
      checkSvgTarget(path.resolve(io.cwd, values.svg), values.svg, file, values.force === true);
    }
    let data;
    try {
      // An outcome's older name (an alias) reads the column of the name it stands for.
      const outcome = findOutcome(values.z ?? 'least');
      data = await plotData(file, {
        x: values.x,
        ...(values.y === undefined ? {} : { y: values.y }),
        z: outcome?.name ?? values.z!,
        ...(bins === undefined ? {} : { bins }),
        ranges: designRanges(file),
        scatter: Boolean(values.scatter),
        integer: Boolean(outcome?.integer),
      });
    } catch (error) {
      if (error instanceof SweepError) throw new UsageError(error.message.replace(io.cwd + path.sep, ''), 'plot');
      throw error;
    }
    if (!values['no-text']) write(io, textChart(data));
    if (values.svg !== undefined) {
      writeThroughPartial('plot', '--svg', values.svg, path.resolve(io.cwd, values.svg), chartSvg(data));
      io.stderr.write(`signatory: wrote ${values.svg}\n`);
    }
    return 0;
  },
};
