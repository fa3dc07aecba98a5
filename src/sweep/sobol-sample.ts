/**
 * A Sobol sample taken elsewhere: `sensitivity --save-sample` writes the
 * points of the Saltelli design in evaluation order (a design file for
 * `sweep --design`, so they can run on a cluster), and `--analyse` reads
 * the sweep's results back into the evaluations the estimators take.
 */
import { rowsOf } from './plot-data.js';
import { saltelliSample, type SaltelliSample, type SobolOptions } from './sobol.js';
import { SweepError } from './sweep-error.js';

/** The points f would be evaluated at, in order: per sample row A, B, A_B^1 … A_B^d (then B_A^1 … B_A^d). */
export function samplePoints(
  options: Pick<SobolOptions, 'n' | 'bounds' | 'seed' | 'secondOrder' | 'sampler' | 'distributions'>,
): number[][] {
  const rows: number[][] = [];
  saltelliSample((x) => {
    rows.push(Array.from(x));
    return 0;
  }, options);
  return rows;
}

/**
 * The evaluations of a saved sample from a sweep over its points: column
 * `outcome` by design point (the mean over replications), laid out as
 * `samplePoints` ordered them. Points missing or beyond the sample are refused.
 */
export async function sampleFromResults(
  file: string,
  given: string,
  outcome: string,
  d: number,
  n: number,
  secondOrder: boolean,
): Promise<SaltelliSample> {
  const k = secondOrder ? 2 * d + 2 : d + 2;
  const total = n * k;
  const sum = new Float64Array(total);
  const count = new Float64Array(total);
  let beyond = -1;
  const columns = await rowsOf(file)((get) => {
    const p = get('point');
    const v = get(outcome);
    if (!Number.isInteger(p) || p < 0 || p >= total) {
      if (beyond < 0) beyond = p;
      return;
    }
    if (Number.isFinite(v)) {
      sum[p] += v;
      count[p]++;
    }
  });
  for (const c of ['point', outcome])
    if (!columns.includes(c))
      throw new SweepError(
        `--analyse ${given}: no column '${c}' (a sweep's output with the outcome: --track a state's)`,
      );
  const plan = `N·(${secondOrder ? '2d + 2' : 'd + 2'}) = ${total} points for --n ${n} and ${d} inputs`;
  if (beyond >= 0)
    throw new SweepError(
      `--analyse ${given}: point ${beyond} is beyond the sample's ${plan}; give the --n, --vary and --second-order of --save-sample`,
    );
  const missing = count.findIndex((c) => c === 0);
  if (missing >= 0)
    throw new SweepError(`--analyse ${given}: point ${missing} has no value of ${outcome}; the sample has ${plan}`);
  const y = (p: number): number => sum[p] / count[p];
  const fA = new Float64Array(n);
  const fB = new Float64Array(n);
  const fAB = Array.from({ length: d }, () => new Float64Array(n));
  const fBA = secondOrder ? Array.from({ length: d }, () => new Float64Array(n)) : undefined;
  for (let r = 0; r < n; r++) {
    fA[r] = y(r * k);
    fB[r] = y(r * k + 1);
    for (let i = 0; i < d; i++) {
      fAB[i][r] = y(r * k + 2 + i);
      if (fBA) fBA[i][r] = y(r * k + 2 + d + i);
    }
  }
  return { fA, fB, fAB, ...(fBA ? { fBA } : {}) };
}
