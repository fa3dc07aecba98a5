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

/** More distinct values than this on an axis (without `--bins`): bin it. */
const MAX_DISTINCT = 60;
/** Bins of a binned axis without `--bins`. */
const BINS = 40;

export interface Axis {
  name: string;
  /** Values (bin centres when binned), ascending. */
  values: number[];
  /** The span the axis covers: the design range from the run receipt when known, else the data's. */
  range?: [number, number];
  /** True when the values are bin centres. */
  binned?: boolean;
}

export interface PlotData {
  x: Axis;
  y?: Axis;
  z: string;
  /** mean[yi][xi] (one row when there is no y); NaN where no row fell. */
  mean: number[][];
  rows: number;
  /** The outcome takes whole values only (a tally, a decision): drawn as steps on an integer axis. */
  integer?: boolean;
  /** Every row's values, for a scatter chart (`--scatter`). */
  points?: { x: number[]; y?: number[]; z: number[] };
}

export interface PlotOptions {
  x: string;
  y?: string;
  z: string;
  /** Bins of an axis with more distinct values than this (default: 40 bins past 60 values). */
  bins?: number;
  /** Design ranges by column (from the run receipt): the span of an axis on that column. */
  ranges?: Readonly<Record<string, readonly [number, number]>>;
  /** Keep every row's (x, y, z) for a scatter chart. */
  scatter?: boolean;
  /** The outcome is whole-valued. */
  integer?: boolean;
}

/** A cell as a number; a date (the `date` column of a date sweep) as its day number. */
const cellValue = (v: unknown): number =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? dayNumber(v) : Number(v);

/** An axis value as text: dates as YYYY-MM-DD, numbers to `digits` significant figures. */
export function axisLabel(axis: Pick<Axis, 'name'>, v: number, digits: number): string {
  if (!Number.isFinite(v)) return '–';
  return axis.name === 'date' ? dateOfDay(v) : String(Number(v.toPrecision(digits)));
}

export type RowSource = (each: (get: (column: string) => number) => void) => Promise<string[]>;

/** Streams the rows of a results file; returns its columns. */
export function rowsOf(file: string): RowSource {
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

function binner(
  name: string,
  seen: Set<number>,
  min: number,
  max: number,
  options: Pick<PlotOptions, 'bins' | 'ranges'>,
): Binner {
  const design = options.ranges?.[name];
  // A design range that the data leave (a receipt from another run) would hide rows: the data's span then.
  const [lo, hi] = design && design[0] <= min && design[1] >= max ? design : [min, max];
  const range: [number, number] = [lo, hi];
  if (seen.size <= (options.bins ?? MAX_DISTINCT)) {
    const values = [...seen].sort((a, b) => a - b);
    const at = new Map(values.map((v, k) => [v, k] as const));
    return { axis: { name, values, range }, slot: (v) => at.get(v) ?? -1 };
  }
  const bins = options.bins ?? BINS;
  const width = (hi - lo) / bins || 1;
  return {
    axis: { name, values: Array.from({ length: bins }, (_, k) => lo + (k + 0.5) * width), range, binned: true },
    slot: (v) => Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / width))),
  };
}

/** Averages column z over the rows, by x (and y); with `scatter`, keeps every row too. */
export async function plotData(file: string, options: PlotOptions): Promise<PlotData> {
  const { x, y, z } = options;
  const source = rowsOf(file);
  const seenX = new Set<number>();
  const seenY = new Set<number>();
  const limit = options.bins ?? MAX_DISTINCT;
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  const columns = await source((get) => {
    const vx = get(x);
    if (seenX.size <= limit) seenX.add(vx);
    minX = Math.min(minX, vx);
    maxX = Math.max(maxX, vx);
    if (y !== undefined) {
      const vy = get(y);
      if (seenY.size <= limit) seenY.add(vy);
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
  const bx = binner(x, seenX, minX, maxX, options);
  const by = y === undefined ? undefined : binner(y, seenY, minY, maxY, options);
  const ny = by ? by.axis.values.length : 1;
  const sum = Array.from({ length: ny }, () => new Float64Array(bx.axis.values.length));
  const count = Array.from({ length: ny }, () => new Float64Array(bx.axis.values.length));
  const points = options.scatter
    ? { x: [] as number[], ...(y === undefined ? {} : { y: [] as number[] }), z: [] as number[] }
    : undefined;
  let rows = 0;
  await source((get) => {
    const vx = get(x);
    const i = bx.slot(vx);
    const vy = y === undefined ? 0 : get(y);
    const j = by ? by.slot(vy) : 0;
    const v = get(z);
    if (i < 0 || j < 0 || !Number.isFinite(v)) return;
    sum[j][i] += v;
    count[j][i]++;
    rows++;
    if (points) {
      points.x.push(vx);
      points.y?.push(vy);
      points.z.push(v);
    }
  });
  const mean = sum.map((row, j) => Array.from(row, (s, i) => (count[j][i] > 0 ? s / count[j][i] : NaN)));
  return {
    x: bx.axis,
    ...(by ? { y: by.axis } : {}),
    z,
    mean,
    rows,
    ...(options.integer ? { integer: true } : {}),
    ...(points ? { points } : {}),
  };
}
