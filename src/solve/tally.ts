/**
 * The exact distribution of the number of signers when each state signs
 * independently with its own probability (Poisson-binomial), by the O(N²)
 * recursion P_k ← P_k(1 − p) + P_{k−1} p — exact, no sampling.
 */
export interface TallyDistribution {
  /** pmf[k] = P(tally = k), k = 0..N. */
  pmf: Float64Array;
  mean: number;
  mode: number;
  /** Central 90% interval: smallest k with CDF ≥ 0.05 and with CDF ≥ 0.95. */
  interval90: [number, number];
}

export function poissonBinomial(p: ArrayLike<number>): Float64Array {
  return poissonBinomialInto(p, new Float64Array(p.length + 1));
}

/** The same distribution written into `pmf` (length N + 1), without allocating; returns it. */
export function poissonBinomialInto(p: ArrayLike<number>, pmf: Float64Array): Float64Array {
  const n = p.length;
  pmf.fill(0);
  pmf[0] = 1;
  for (let i = 0; i < n; i++) {
    const q = p[i];
    for (let k = i + 1; k >= 1; k--) pmf[k] = pmf[k] * (1 - q) + pmf[k - 1] * q;
    pmf[0] *= 1 - q;
  }
  return pmf;
}

function quantile(pmf: Float64Array, level: number): number {
  let cdf = 0;
  for (let k = 0; k < pmf.length; k++) {
    cdf += pmf[k];
    if (cdf >= level - 1e-12) return k;
  }
  return pmf.length - 1;
}

export function tallyDistribution(p: ArrayLike<number>): TallyDistribution {
  const pmf = poissonBinomial(p);
  let mean = 0;
  for (let i = 0; i < p.length; i++) mean += p[i];
  let mode = 0;
  for (let k = 1; k < pmf.length; k++) if (pmf[k] > pmf[mode]) mode = k;
  return { pmf, mean, mode, interval90: [quantile(pmf, 0.05), quantile(pmf, 0.95)] };
}

/** P(tally ≥ k). */
export function probabilityAtLeast(pmf: Float64Array, k: number): number {
  let sum = 0;
  for (let j = Math.max(0, Math.ceil(k)); j < pmf.length; j++) sum += pmf[j];
  return Math.min(1, sum);
}
