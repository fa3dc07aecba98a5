import { existsSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chartSvg } from '../../sweep/chart-svg.js';
import { heatmap, lineChart } from '../../sweep/chart-text.js';
import { findOutcome } from '../../sweep/outcomes.js';
import { plotData } from '../../sweep/plot-data.js';
import { SweepError } from '../../sweep/sweep-error.js';
import { parseCommandArgs, write, type Command } from '../command.js';
import { checkFolder } from '../options.js';
import { requireFile } from '../scenario-args.js';
import { UsageError } from '../usage-error.js';

export const plotCommand: Command = {
  name: 'plot',
  summary: 'chart a sweep: a line (one input) or a heatmap (two), in the terminal or as SVG',
  help: `Usage: signatory plot RESULTS --x PATH [--y PATH] [--z COLUMN] [--svg FILE]

Reads a sweep's output (CSV or JSON Lines) and draws the mean of one column
(default least) against one varied input (a line chart) or two (a heatmap),
averaging over every other input and replication. Continuous designs (Latin
hypercube, random) are binned.

Options:
  --x PATH             the input across, e.g. declaration.verification
  --y PATH             a second input, up: a heatmap
  --z OUTCOME          the outcome: least, greatest, qre_mean, p_majority, USA.p … (default least;
                       'signatory sweep --list-outcomes FILE' lists them)
  --svg FILE           also write the chart as SVG
  --no-text            skip the terminal chart (with --svg)

Example:
  signatory plot results.csv --x declaration.verification --y declaration.thresholdClarity --z qre_mean --svg map.svg
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('plot', argv, {
      x: { type: 'string' },
      y: { type: 'string' },
      z: { type: 'string' },
      svg: { type: 'string' },
      'no-text': { type: 'boolean' },
    });
    if (values.help) return (write(io, this.help), 0);
    const file = path.resolve(io.cwd, requireFile('plot', positionals, 0, 'RESULTS file'));
    if (values.x === undefined) throw new UsageError('--x PATH is required', 'plot');
    if (!existsSync(file)) throw new UsageError(`${positionals[0]}: no such file`, 'plot');
    if (!statSync(file).isFile()) throw new UsageError(`${positionals[0]}: not a file`, 'plot');
    if (values.svg !== undefined) checkFolder('plot', '--svg', values.svg, path.resolve(io.cwd, values.svg));
    let data;
    try {
      // An outcome's older name (an alias) reads the column of the name it stands for.
      const z = values.z === undefined ? 'least' : (findOutcome(values.z)?.name ?? values.z);
      data = await plotData(file, values.x, z, values.y);
    } catch (error) {
      if (error instanceof SweepError) throw new UsageError(error.message.replace(io.cwd + path.sep, ''), 'plot');
      throw error;
    }
    if (!values['no-text']) write(io, data.y ? heatmap(data) : lineChart(data));
    if (values.svg !== undefined) {
      const target = path.resolve(io.cwd, values.svg);
      // Written beside and renamed: never a half-written chart.
      writeFileSync(`${target}.partial`, chartSvg(data));
      renameSync(`${target}.partial`, target);
      io.stderr.write(`signatory: wrote ${values.svg}\n`);
    }
    return 0;
  },
};
