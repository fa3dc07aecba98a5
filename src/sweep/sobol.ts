/**
 * Variance-based sensitivity (Sobol' 1993) of any function of d inputs over
 * a box: first-order indices S1 (the share of the output variance explained
 * by one input alone) and total indices ST (by one input with all its
 * interactions).
 *
 * Sampling after Saltelli (2002): two independent N × d matrices A and B,
 * and for each input i the matrix A_B^i (A with column i from B): N(d + 2)
 * evaluations. Estimators from Saltelli et al. (2010), table 2: S1 by
 * their (b), V_i = mean(f(B)·(f(A_B^i) − f(A))); ST by Jansen (1999),
 * mean((f(A) − f(A_B^i))²)/2. Confidence intervals by a percentile
 * bootstrap over the N sample rows (Archer, Saltelli & Sobol' 1997).
 * Second-order indices S_ij (optional) from the matrices B_A^i (B with
 * column i from A), N more evaluations per input (Saltelli 2002):
 * V^c_ij = mean(f(B_A^i)·f(A_B^j) − f(A)·f(B)), S_ij = V^c_ij/V − S_i − S_j.
 */
import { inputQuantile, sobolPoints, type InputDistribution } from './low-discrepancy.js';
import { stream } from './seeds.js';

/** The range of one input. */
export interface Bounds {
  lo: number;
  hi: number;
}

export interface SobolOptions {
  /** Base sample size N: the function is evaluated N·(d + 2) times. */
  n: number;
  bounds: readonly Bounds[];
  seed: number;
  /** Bootstrap resamples for the confidence intervals (0: none). @default 200 */
  bootstrap?: number;
  /** Confidence level of the intervals. @default 0.95 */
  confidence?: number;
  /** Second-order indices too: N more evaluations per input, N·(2d + 2) in all (Saltelli 2002). */
  secondOrder?: boolean;
  /**
   * Where the base sample comes from: seeded pseudo-random draws, or the
   * Sobol sequence in 2d dimensions with a seeded digital shift (A the
   * first d coordinates, B the last d). @default 'random'
   */
  sampler?: 'random' | 'sobol';
  /** Each input's distribution over its [lo, hi] (uniform when absent). */
  distributions?: readonly InputDistribution[];
}

export interface SobolIndices {
  first: number[];
  total: number[];
  /** [low, high] per input; equal to the estimate when there is no bootstrap. */
  firstInterval: [number, number][];
  totalInterval: [number, number][];
  /** Second-order indices by pair of inputs i < j, with their intervals (with `secondOrder`). */
  second?: SecondOrder[];
  /** Output mean and variance over A and B. */
  mean: number;
  variance: number;
  evaluations: number;
}

/** The second-order index of inputs i and j: the share of variance their interaction alone explains. */
export interface SecondOrder {
  i: number;
  j: number;
  index: number;
  interval: [number, number];
}

/** Evaluations f(A), f(B) and f(A_B^i) of a Saltelli design. */
export interface SaltelliSample {
  fA: Float64Array;
  fB: Float64Array;
  /** fAB[i][j] = f(row j of A_B^i). */
  fAB: Float64Array[];
  /** fBA[i][j] = f(row j of B_A^i, B with column i from A): for second-order indices. */
  fBA?: Float64Array[];
}

/** Evaluates f on the Saltelli design; x is reused between calls, so f must not keep it. */
export function saltelliSample(
  f: (x: Float64Array) => number,
  options: Pick<SobolOptions, 'n' | 'bounds' | 'seed' | 'secondOrder' | 'sampler' | 'distributions'>,
): SaltelliSample {
  const { n, bounds } = options;
  const d = bounds.length;
  const A = new Float64Array(n * d);
  const B = new Float64Array(n * d);
  const value = (u: number, j: number): number => {
    const dist = options.distributions?.[j];
    return dist && dist.kind !== 'uniform'
      ? inputQuantile(u, bounds[j].lo, bounds[j].hi, dist)
      : bounds[j].lo + (bounds[j].hi - bounds[j].lo) * u;
  };
  if (options.sampler === 'sobol') {
    const P = sobolPoints(n, 2 * d, options.seed);
    for (let r = 0; r < n; r++)
      for (let j = 0; j < d; j++) {
        A[r * d + j] = value(P[r * 2 * d + j], j);
        B[r * d + j] = value(P[r * 2 * d + d + j], j);
      }
  } else {
    const u = stream(`${options.seed}/saltelli`).uniform;
    for (let r = 0; r < n; r++) for (let j = 0; j < d; j++) A[r * d + j] = value(u(), j);
    for (let r = 0; r < n; r++) for (let j = 0; j < d; j++) B[r * d + j] = value(u(), j);
  }
  const x = new Float64Array(d);
  const fA = new Float64Array(n);
  const fB = new Float64Array(n);
  const fAB = Array.from({ length: d }, () => new Float64Array(n));
  const fBA = options.secondOrder ? Array.from({ length: d }, () => new Float64Array(n)) : undefined;
  for (let r = 0; r < n; r++) {
    x.set(A.subarray(r * d, r * d + d));
    fA[r] = f(x);
    x.set(B.subarray(r * d, r * d + d));
    fB[r] = f(x);
    for (let i = 0; i < d; i++) {
      x.set(A.subarray(r * d, r * d + d));
      x[i] = B[r * d + i];
      fAB[i][r] = f(x);
    }
    // B_A^i after every A_B^i of the row: without second order, the calls are exactly those above.
    if (fBA)
      for (let i = 0; i < d; i++) {
        x.set(B.subarray(r * d, r * d + d));
        x[i] = A[r * d + i];
        fBA[i][r] = f(x);
      }
  }
  return { fA, fB, fAB, ...(fBA ? { fBA } : {}) };
}

/** S1 and ST from the evaluations of the rows `rows` (all rows when omitted). */
export function sobolEstimates(
  sample: SaltelliSample,
  rows?: Int32Array,
): { first: number[]; total: number[]; second: number[]; mean: number; variance: number } {
  const { fA, fB, fAB } = sample;
  const n = rows ? rows.length : fA.length;
  const at = (r: number): number => (rows ? rows[r] : r);
  // Outputs are centred on their mean first: an output far from zero (a tally near 40 that
  // varies by ±1) otherwise swamps the S1 estimator with noise (Saltelli et al. 2010, §3).
  let sum = 0;
  for (let r = 0; r < n; r++) sum += fA[at(r)] + fB[at(r)];
  const mean = sum / (2 * n);
  let sumSq = 0;
  for (let r = 0; r < n; r++) {
    const a = fA[at(r)] - mean;
    const b = fB[at(r)] - mean;
    sumSq += a * a + b * b;
  }
  const variance = sumSq / (2 * n);
  const first: number[] = [];
  const total: number[] = [];
  for (const col of fAB) {
    let vi = 0;
    let vti = 0;
    for (let r = 0; r < n; r++) {
      const j = at(r);
      vi += (fB[j] - mean) * (col[j] - fA[j]);
      const diff = fA[j] - col[j];
      vti += diff * diff;
    }
    first.push(variance > 0 ? vi / n / variance : 0);
    total.push(variance > 0 ? vti / (2 * n) / variance : 0);
  }
  // Saltelli (2002): f(B_A^i) and f(A_B^j) share inputs i and j only, so their covariance is the
  // closed variance V_i + V_j + V_ij; the pair's own share is that less both first-order shares.
  const second: number[] = [];
  const { fBA } = sample;
  if (fBA)
    for (let i = 0; i < fAB.length; i++)
      for (let j = i + 1; j < fAB.length; j++) {
        let vc = 0;
        for (let r = 0; r < n; r++) {
          const k = at(r);
          vc += (fBA[i][k] - mean) * (fAB[j][k] - mean) - (fA[k] - mean) * (fB[k] - mean);
        }
        second.push(variance > 0 ? vc / n / variance - first[i] - first[j] : 0);
      }
  return { first, total, second, mean, variance };
}

/** The pairs i < j of d inputs, in the order the second-order estimates come. */
function pairsOf(d: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < d; i++) for (let j = i + 1; j < d; j++) out.push([i, j]);
  return out;
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Sobol' first-order and total indices of f over the box, with bootstrap intervals. */
export function sobolIndices(f: (x: Float64Array) => number, options: SobolOptions): SobolIndices {
  const sample = saltelliSample(f, options);
  return sobolFromSample(sample, options);
}

/** The indices and their bootstrap intervals from an evaluated sample. */
export function sobolFromSample(
  sample: SaltelliSample,
  options: Pick<SobolOptions, 'seed' | 'bootstrap' | 'confidence'>,
): SobolIndices {
  const n = sample.fA.length;
  const d = sample.fAB.length;
  const est = sobolEstimates(sample);
  const resamples = options.bootstrap ?? 200;
  const alpha = (1 - (options.confidence ?? 0.95)) / 2;
  const firsts: number[][] = Array.from({ length: d }, () => []);
  const totals: number[][] = Array.from({ length: d }, () => []);
  const seconds: number[][] = est.second.map(() => []);
  const u = stream(`${options.seed}/bootstrap`);
  const rows = new Int32Array(n);
  for (let b = 0; b < resamples; b++) {
    for (let r = 0; r < n; r++) rows[r] = u.below(n);
    const e = sobolEstimates(sample, rows);
    for (let i = 0; i < d; i++) {
      firsts[i].push(e.first[i]);
      totals[i].push(e.total[i]);
    }
    e.second.forEach((s, k) => seconds[k].push(s));
  }
  const interval = (draws: number[], point: number): [number, number] => {
    if (draws.length === 0) return [point, point];
    const sorted = [...draws].sort((x, y) => x - y);
    return [percentile(sorted, alpha), percentile(sorted, 1 - alpha)];
  };
  return {
    first: est.first,
    total: est.total,
    firstInterval: est.first.map((s, i) => interval(firsts[i], s)),
    totalInterval: est.total.map((s, i) => interval(totals[i], s)),
    ...(sample.fBA
      ? {
          second: pairsOf(d).map(([i, j], k) => ({
            i,
            j,
            index: est.second[k],
            interval: interval(seconds[k], est.second[k]),
          })),
        }
      : {}),
    mean: est.mean,
    variance: est.variance,
    evaluations: n * (sample.fBA ? 2 * d + 2 : d + 2),
  };
}

/** Base sample sizes below this rarely give stable indices (Saltelli et al. 2010 use 500 to 1000 and more). */
export const STABLE_N = 500;
/** A 95 % interval wider than this says the estimate is not settled. */
const WIDE_INTERVAL = 0.2;

/**
 * What a reader should know before trusting the indices: a small N, wide
 * intervals, an output that barely varies. Plain sentences, no printing.
 */
export function sobolWarnings(r: SobolIndices, n: number): string[] {
  const out: string[] = [];
  const widths = [...r.firstInterval, ...r.totalInterval].map(([lo, hi]) => hi - lo);
  const widest = widths.length > 0 ? Math.max(...widths) : 0;
  if (n < STABLE_N)
    out.push(
      `N = ${n} is small for stable Sobol' indices (N of ${STABLE_N} to 1000 or more is usual): read the intervals, and raise --n`,
    );
  else if (widest > WIDE_INTERVAL)
    out.push(`the widest 95% interval spans ${widest.toFixed(2)}: the indices are not settled at N = ${n}; raise --n`);
  const sd = Math.sqrt(r.variance);
  const scale = Math.max(1, Math.abs(r.mean));
  if (r.variance > 0 && sd < 1e-3 * scale)
    out.push(
      `the output barely varies (sd ${sd.toExponential(2)} around ${Number(r.mean.toPrecision(4))}): the indices apportion a spread that small` +
        (sd < 1e-9 * scale
          ? ', at the level of solver tolerance: they describe numerical noise'
          : ', which may not matter'),
    );
  return out;
}

/** True when an index estimate lies outside [0, 1], which only estimation error can produce. */
export const outsideUnit = (s: number): boolean => s < 0 || s > 1;
