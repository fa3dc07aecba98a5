import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { dateOfDay } from '../../scenario/dated.js';
import { histogramSvg } from '../../sweep/chart-svg.js';
import { lineReader } from '../../sweep/line-reader.js';
import { metaPath, readMeta } from '../../sweep/meta.js';
import { findOutcome, OUTCOME_FORMS } from '../../sweep/outcomes.js';
import { rowsOf } from '../../sweep/plot-data.js';
import { QUANTILES, summaryCollector, type Histogram, type Summary } from '../../sweep/summary.js';
import { SweepError } from '../../sweep/sweep-error.js';
import { parseCommandArgs, write, type Command } from '../command.js';
import { checkFolder, samePath, writeThroughPartial } from '../options.js';
import { requireFile } from '../scenario-args.js';
import { UsageError } from '../usage-error.js';

/** The columns of a results file: its CSV header or the keys of its first JSON row. */
async function columnsOf(file: string, given: string): Promise<string[]> {
  const reader = lineReader(file);
  try {
    const first = await reader.next();
    if (first === undefined || first.trim() === '') throw new UsageError(`${given}: empty`, 'summary');
    if (!first.startsWith('{')) return first.split(',');
    try {
      return Object.keys(JSON.parse(first) as object);
    } catch {
      throw new UsageError(`${given}: line 1 is not a JSON row`, 'summary');
    }
  } finally {
    reader.close();
  }
}

/** Varied paths from the run receipt, if there is one. */
function designInputs(file: string, columns: readonly string[]): string[] {
  if (!existsSync(metaPath(file))) return [];
  try {
    return readMeta(file)
      .plan.design.factors.map((f) => f.path)
      .filter((p) => columns.includes(p));
  } catch (error) {
    if (error instanceof SweepError) return [];
    throw error;
  }
}

/** A number to 4 significant figures, in scientific notation when small or large. */
export const sig = (x: number): string => {
  if (!Number.isFinite(x)) return String(x);
  if (x !== 0 && Math.abs(x) < 1e-3) return x.toExponential(3).replace(/\.?0+e/, 'e');
  return String(Number(x.toPrecision(4)));
};
/** A number for CSV and JSON: 12 significant figures, the same bytes on every machine. */
const exact = (x: number): number => Number(x.toPrecision(12));

const BARS = ' ▁▂▃▄▅▆▇█';
function sparkline(counts: number[]): string {
  const top = Math.max(1, ...counts);
  return counts.map((c) => (c === 0 ? BARS[0] : BARS[Math.max(1, Math.round((c / top) * (BARS.length - 1)))])).join('');
}

const inputText = (name: string, v: number): string => (name === 'date' ? dateOfDay(v) : sig(v));

function histogramNote(name: string, h: Histogram): string {
  return h.wholeValues
    ? `${name}: one bar per value ${h.lo} … ${h.hi}`
    : `${name}: ${h.bins} equal bins from ${sig(h.lo)} to ${sig(h.hi)}`;
}

function summaryText(s: Summary, given: string, byDesign: boolean): string {
  const width = Math.max(7, ...s.outcomes.map((o) => o.length));
  const head = ['n', 'mean', 'sd', ...QUANTILES.map((q) => `${q}%`)];
  const lines = [`Summary of ${given}: ${s.rows} rows${byDesign ? `, ${s.groups.length} design points` : ''}`, ''];
  for (const g of s.groups) {
    if (g.point !== undefined) {
      const inputs = Object.entries(g.inputs ?? {}).map(([k, v]) => `${k} = ${inputText(k, v)}`);
      lines.push(`point ${g.point}${inputs.length > 0 ? `: ${inputs.join(', ')}` : ''}`);
    }
    lines.push(`  ${'outcome'.padEnd(width)}${head.map((h) => h.padStart(11)).join('')}  histogram`);
    for (const o of s.outcomes) {
      const r = g.outcomes[o];
      const cells = [String(r.n), sig(r.mean), sig(r.sd), ...QUANTILES.map((q) => sig(r.quantiles[String(q)]))];
      lines.push(`  ${o.padEnd(width)}${cells.map((c) => ` ${c.padStart(10)}`).join('')}  │${sparkline(r.histogram)}│`);
    }
    lines.push('');
  }
  lines.push(
    'Histograms share their bins across groups:',
    ...s.outcomes.map((o) => `  ${histogramNote(o, s.histograms[o])}`),
  );
  return lines.join('\n');
}

function summaryCsv(s: Summary): string {
  const inputs = Object.keys(s.groups[0]?.inputs ?? {});
  const header = [
    ...(s.groups[0]?.point !== undefined ? ['point', ...inputs] : []),
    'outcome',
    'n',
    'mean',
    'sd',
    'min',
    ...QUANTILES.map((q) => `q${String(q).padStart(2, '0')}`),
    'max',
  ];
  const rows = s.groups.flatMap((g) =>
    s.outcomes.map((o) => {
      const r = g.outcomes[o];
      return [
        ...(g.point !== undefined
          ? [
              String(g.point),
              ...inputs.map((k) => (k === 'date' ? dateOfDay(g.inputs![k]) : String(exact(g.inputs![k])))),
            ]
          : []),
        o,
        String(r.n),
        ...[r.mean, r.sd, r.min, ...QUANTILES.map((q) => r.quantiles[String(q)]), r.max].map((x) => String(exact(x))),
      ].join(',');
    }),
  );
  return [header.join(','), ...rows].join('\n');
}

export const summaryCommand: Command = {
  name: 'summary',
  summary: "a sweep's outcomes across replications: mean, sd, quantiles, histogram (per design point)",
  help: `Usage: signatory summary RESULTS [--by design] [--json | --csv]

Summarises every outcome column of a sweep's output (CSV or JSON Lines):
count, mean, standard deviation, the 5, 25, 50, 75 and 95 % quantiles
(linear interpolation, as R's type 7 and numpy) and a histogram, over all
rows or, with --by design, for each design point across its replications.

Options:
  --by design          one summary per design point (its inputs from the run receipt)
  --outcomes NAMES     only these outcomes, e.g. qre_mean,USA.p (default: every outcome column)
  --json               print JSON
  --csv                print CSV: one line per design point and outcome
  --svg FILE.svg       also draw the histogram of the first outcome (all rows) as SVG
  --force              replace an existing FILE.svg (never RESULTS or its receipt)

Example:
  signatory sweep scenario.yaml --vary declaration.verification=0:1:3 --replications 200 --out mc.csv
  signatory summary mc.csv --by design
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('summary', argv, {
      by: { type: 'string' },
      outcomes: { type: 'string' },
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
      svg: { type: 'string' },
      force: { type: 'boolean' },
    });
    if (values.help) return (write(io, this.help), 0);
    const given = requireFile('summary', positionals, 0, 'RESULTS file');
    if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}'`, 'summary');
    if (values.by !== undefined && values.by !== 'design')
      throw new UsageError(`--by must be design, got '${values.by}'`, 'summary');
    if (values.json && values.csv) throw new UsageError('give --json or --csv, not both', 'summary');
    const file = path.resolve(io.cwd, given);
    const svgTarget = values.svg === undefined ? undefined : path.resolve(io.cwd, values.svg);
    if (values.force && svgTarget === undefined) throw new UsageError('--force goes with --svg', 'summary');
    if (svgTarget !== undefined) {
      if (!/\.svg$/i.test(values.svg!))
        throw new UsageError(`--svg ${values.svg}: the chart is SVG, so the file name must end in .svg`, 'summary');
      checkFolder('summary', '--svg', values.svg!, svgTarget);
      if ([file, metaPath(file)].some((f) => samePath(f, svgTarget) || samePath(f, `${svgTarget}.partial`)))
        throw new UsageError(`--svg ${values.svg} would write over the results it summarises`, 'summary');
      if (existsSync(svgTarget) && !values.force)
        throw new UsageError(`--svg ${values.svg} exists; pass --force to replace it`, 'summary');
    }
    if (!existsSync(file)) throw new UsageError(`${given}: no such file`, 'summary');
    if (!statSync(file).isFile()) throw new UsageError(`${given}: not a file`, 'summary');
    const columns = await columnsOf(file, given);
    const available = columns.filter((c) => findOutcome(c)?.name === c);
    let outcomes = available;
    if (values.outcomes !== undefined) {
      outcomes = values.outcomes.split(',').map((name) => {
        const o = findOutcome(name.trim());
        if (o === undefined)
          throw new UsageError(`--outcomes '${name}': not an outcome; expected ${OUTCOME_FORMS}`, 'summary');
        if (!columns.includes(o.name))
          throw new UsageError(
            `--outcomes ${name}: ${given} has no column '${o.name}' (its outcomes: ${available.join(', ')})`,
            'summary',
          );
        return o.name;
      });
    }
    if (outcomes.length === 0)
      throw new UsageError(`${given}: no outcome columns (expected a sweep's output: ${OUTCOME_FORMS})`, 'summary');
    const byDesign = values.by === 'design';
    if (byDesign && !columns.includes('point'))
      throw new UsageError(`--by design: ${given} has no 'point' column`, 'summary');
    const collector = summaryCollector(outcomes, byDesign, byDesign ? designInputs(file, columns) : []);
    try {
      await rowsOf(file)(collector.add);
    } catch (error) {
      if (error instanceof SweepError) throw new UsageError(error.message.replace(io.cwd + path.sep, ''), 'summary');
      throw error;
    }
    const s = collector.result();
    if (svgTarget !== undefined) {
      const o = s.outcomes[0];
      const counts = s.histograms[o] ? new Array<number>(s.histograms[o].bins).fill(0) : [];
      for (const g of s.groups) g.outcomes[o]?.histogram.forEach((c, k) => (counts[k] += c));
      const svg = histogramSvg(`${o} over ${s.rows} rows of ${path.basename(given)}`, o, s.histograms[o], counts);
      writeThroughPartial('summary', '--svg', values.svg!, svgTarget, svg);
      io.stderr.write(`signatory: wrote ${values.svg}\n`);
    }
    if (values.json)
      write(
        io,
        JSON.stringify({ file: given, ...s }, (_k, v: unknown) => (typeof v === 'number' ? exact(v) : v), 2),
      );
    else if (values.csv) write(io, summaryCsv(s));
    else write(io, summaryText(s, given, byDesign));
    return 0;
  },
};
