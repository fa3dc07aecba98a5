/**
 * Reads a sweep's results (CSV or JSON Lines, streamed) and averages one
 * output column over everything but one or two chosen columns: the data of
 * a line chart or a heatmap. Continuous designs (Latin hypercube, random)
 * are binned.
 */
import { dateOfDay, dayNumber } from '../scenario/dated.js';
import { didYouMean } from '../scenario/suggest.js';
import { lineReader } from './line-reader.js';
import { SweepError } from './sweep-error.js';

/** More distinct values than this on an axis: bin it. */
const MAX_DISTINCT = 60;
/** Bins of a binned axis. */
const BINS = 40;

export interface Axis {
  name: string;
  /** Values (bin centres when binned), ascending. */
  values: number[];
}

export interface PlotData {
  x: Axis;
  y?: Axis;
  z: string;
  /** mean[yi][xi] (one row when there is no y); NaN where no row fell. */
  mean: number[][];
  rows: number;
}

/** A cell as a number; a date (the `date` column of a date sweep) as its day number. */
const cellValue = (v: unknown): number =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? dayNumber(v) : Number(v);

/** An axis value as text: dates as YYYY-MM-DD, numbers to `digits` significant figures. */
export function axisLabel(axis: Pick<Axis, 'name'>, v: number, digits: number): string {
  if (!Number.isFinite(v)) return '–';
  return axis.name === 'date' ? dateOfDay(v) : String(Number(v.toPrecision(digits)));
}

type RowSource = (each: (get: (column: string) => number) => void) => Promise<string[]>;

/** Streams the rows of a results file; returns its columns. */
function rowsOf(file: string): RowSource {
  return async (each) => {
    const reader = lineReader(file);
    try {
      let first = await reader.next();
      if (first === undefined) throw new SweepError(`${file}: empty`);
      if (first.startsWith('{')) {
        let columns: string[] = [];
        let number = 0;
        for (let line: string | undefined = first; line !== undefined; line = await reader.next()) {
          number++;
          if (line.trim() === '') continue;
          let record: Record<string, unknown>;
          try {
            record = JSON.parse(line) as Record<string, unknown>;
          } catch {
            throw new SweepError(
              `${file}: line ${number} is not a JSON row (a torn line? plot the finished file, not its .partial)`,
            );
          }
          if (columns.length === 0) columns = Object.keys(record);
          each((c) => cellValue(record[c]));
        }
        return columns;
      }
      const header = first.split(',');
      const index = new Map(header.map((c, k) => [c, k] as const));
      first = undefined;
      for (let line = await reader.next(); line !== undefined; line = await reader.next()) {
        if (line === '') continue;
        const fields = line.split(',');
        each((c) => cellValue(fields[index.get(c) ?? -1]));
      }
      return header;
    } finally {
      reader.close();
    }
  };
}

/** The span of the finite values for a chart's scale: widened by ±0.5 when flat, [0, 1] when empty. */
export function valueRange(values: number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  return lo === hi ? [lo - 0.5, hi + 0.5] : [lo, hi];
}

interface Binner {
  axis: Axis;
  slot(v: number): number;
}

function binner(name: string, seen: Set<number>, min: number, max: number): Binner {
  if (seen.size <= MAX_DISTINCT) {
    const values = [...seen].sort((a, b) => a - b);
    const at = new Map(values.map((v, k) => [v, k] as const));
    return { axis: { name, values }, slot: (v) => at.get(v) ?? -1 };
  }
  const width = (max - min) / BINS || 1;
  return {
    axis: { name, values: Array.from({ length: BINS }, (_, k) => min + (k + 0.5) * width) },
    slot: (v) => Math.min(BINS - 1, Math.max(0, Math.floor((v - min) / width))),
  };
}

/** Averages column z over the rows, by x (and y). */
export async function plotData(file: string, x: string, z: string, y?: string): Promise<PlotData> {
  const source = rowsOf(file);
  const seenX = new Set<number>();
  const seenY = new Set<number>();
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  const columns = await source((get) => {
    const vx = get(x);
    if (seenX.size <= MAX_DISTINCT) seenX.add(vx);
    minX = Math.min(minX, vx);
    maxX = Math.max(maxX, vx);
    if (y !== undefined) {
      const vy = get(y);
      if (seenY.size <= MAX_DISTINCT) seenY.add(vy);
      minY = Math.min(minY, vy);
      maxY = Math.max(maxY, vy);
    }
  });
  const asked: [string, string][] = [
    ['--x', x],
    ['--z', z],
    ...(y === undefined ? [] : [['--y', y] as [string, string]]),
  ];
  for (const [option, c] of asked) {
    if (!columns.includes(c))
      throw new SweepError(
        `${option} ${c}: ${file} has no column '${c}'${didYouMean(c, columns)} (columns: ${columns.join(', ')})`,
      );
  }
  const bx = binner(x, seenX, minX, maxX);
  const by = y === undefined ? undefined : binner(y, seenY, minY, maxY);
  const ny = by ? by.axis.values.length : 1;
  const sum = Array.from({ length: ny }, () => new Float64Array(bx.axis.values.length));
  const count = Array.from({ length: ny }, () => new Float64Array(bx.axis.values.length));
  let rows = 0;
  await source((get) => {
    const i = bx.slot(get(x));
    const j = by ? by.slot(get(y!)) : 0;
    const v = get(z);
    if (i < 0 || j < 0 || !Number.isFinite(v)) return;
    sum[j][i] += v;
    count[j][i]++;
    rows++;
  });
  const mean = sum.map((row, j) => Array.from(row, (s, i) => (count[j][i] > 0 ? s / count[j][i] : NaN)));
  return { x: bx.axis, ...(by ? { y: by.axis } : {}), z, mean, rows };
}
