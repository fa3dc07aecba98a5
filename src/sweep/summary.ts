/**
 * Summary statistics of a sweep's outcomes across replications: count,
 * mean, standard deviation, quantiles (5, 25, 50, 75, 95 %) and a histogram
 * of each outcome, over all rows or per design point. Pure: rows in,
 * numbers out; the command formats them.
 */
import { findOutcome } from './outcomes.js';

export const QUANTILES = [5, 25, 50, 75, 95] as const;
/** Histogram bins of a continuous outcome. */
export const HISTOGRAM_BINS = 10;

export interface OutcomeSummary {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1); 0 for one row. */
  sd: number;
  min: number;
  max: number;
  /** By percent: '5', '25', '50', '75', '95'. Linear interpolation between order statistics (R type 7). */
  quantiles: Record<string, number>;
  /** Row counts per bin of the outcome's histogram (bins shared by every group, see `Histogram`). */
  histogram: number[];
}

/** The bins an outcome's histograms share: `bins` equal bins from `lo` to `hi`, or one per whole value. */
export interface Histogram {
  lo: number;
  hi: number;
  bins: number;
  /** True when each bin is one whole value lo, lo + 1, … hi. */
  wholeValues: boolean;
}

export interface SummaryGroup {
  /** The design point, when grouped by design. */
  point?: number;
  /** The design point's input values (its varied paths), when grouped by design. */
  inputs?: Record<string, number>;
  outcomes: Record<string, OutcomeSummary>;
}

export interface Summary {
  rows: number;
  outcomes: string[];
  histograms: Record<string, Histogram>;
  groups: SummaryGroup[];
}

/** Quantile p (0–1) of sorted values, R's type 7 (numpy's default). */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const k = Math.floor(h);
  return k + 1 < n ? sorted[k] + (h - k) * (sorted[k + 1] - sorted[k]) : sorted[n - 1];
}

function histogramOf(values: Float64Array[], integer: boolean): Histogram {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values)
    for (const x of v) {
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
  if (!Number.isFinite(lo)) return { lo: 0, hi: 0, bins: 1, wholeValues: false };
  const whole = integer && values.every((v) => v.every(Number.isInteger)) && hi - lo < 20;
  if (whole) return { lo, hi, bins: hi - lo + 1, wholeValues: true };
  return { lo, hi, bins: lo === hi ? 1 : HISTOGRAM_BINS, wholeValues: false };
}

function binOf(h: Histogram, x: number): number {
  if (h.wholeValues) return x - h.lo;
  if (h.hi === h.lo) return 0;
  return Math.min(h.bins - 1, Math.floor(((x - h.lo) / (h.hi - h.lo)) * h.bins));
}

function summarise(values: Float64Array, h: Histogram): OutcomeSummary {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const x of values) sum += x;
  const mean = n > 0 ? sum / n : NaN;
  let ss = 0;
  for (const x of values) ss += (x - mean) * (x - mean);
  const histogram = new Array<number>(h.bins).fill(0);
  for (const x of values) histogram[binOf(h, x)]++;
  return {
    n,
    mean,
    sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0,
    min: n > 0 ? sorted[0] : NaN,
    max: n > 0 ? sorted[n - 1] : NaN,
    quantiles: Object.fromEntries(QUANTILES.map((q) => [String(q), quantile(sorted, q / 100)])),
    histogram,
  };
}

/** A growable column of numbers. */
class Column {
  private data = new Float64Array(64);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/**
 * Collects rows (each a reader of its columns) and summarises `outcomes`,
 * over all rows or by the `point` column. A row whose outcome is not a
 * finite number does not count for that outcome.
 */
export function summaryCollector(outcomes: readonly string[], byDesign: boolean, inputs: readonly string[] = []) {
  const groups = new Map<number, Column[]>();
  const inputValues = new Map<number, Record<string, number>>();
  let rows = 0;
  return {
    add(get: (column: string) => number): void {
      const key = byDesign ? get('point') : 0;
      let columns = groups.get(key);
      if (!columns) {
        groups.set(key, (columns = outcomes.map(() => new Column())));
        if (byDesign) inputValues.set(key, Object.fromEntries(inputs.map((c) => [c, get(c)])));
      }
      outcomes.forEach((o, k) => {
        const v = get(o);
        if (Number.isFinite(v)) columns![k].push(v);
      });
      rows++;
    },
    result(): Summary {
      const keys = [...groups.keys()].sort((a, b) => a - b);
      const histograms = Object.fromEntries(
        outcomes.map((o, k) => [
          o,
          histogramOf(
            keys.map((g) => groups.get(g)![k].values()),
            Boolean(findOutcome(o)?.integer),
          ),
        ]),
      );
      return {
        rows,
        outcomes: [...outcomes],
        histograms,
        groups: keys.map((g) => ({
          ...(byDesign ? { point: g, inputs: inputValues.get(g)! } : {}),
          outcomes: Object.fromEntries(
            outcomes.map((o, k) => [o, summarise(groups.get(g)![k].values(), histograms[o])]),
          ),
        })),
      };
    },
  };
}
