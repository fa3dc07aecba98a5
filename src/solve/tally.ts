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

/** Above this many states the recursion runs on the window of k where the mass is above WINDOW_EPSILON. */
export const WINDOW_FROM = 1000;
/**
 * Entries below this are dropped from the window's ends. An entry leaves the
 * window at most once and each end moves one step per state at most, so the
 * mass dropped, and with it the L1 error of the whole distribution (each step
 * is a convex combination), is at most 2(N + 1)·WINDOW_EPSILON: 2·10⁻¹⁴ for
 * 10,000 states.
 */
export const WINDOW_EPSILON = 1e-18;

/**
 * The same distribution written into `pmf` (length N + 1), without
 * allocating; returns it. Exact up to N = WINDOW_FROM; above, the recursion
 * only visits the k where the mass is above WINDOW_EPSILON (about
 * 18 standard deviations wide, so O(N·√N) instead of O(N²)).
 */
export function poissonBinomialInto(p: ArrayLike<number>, pmf: Float64Array): Float64Array {
  const n = p.length;
  pmf.fill(0);
  pmf[0] = 1;
  if (n <= WINDOW_FROM) {
    for (let i = 0; i < n; i++) {
      const q = p[i];
      for (let k = i + 1; k >= 1; k--) pmf[k] = pmf[k] * (1 - q) + pmf[k - 1] * q;
      pmf[0] *= 1 - q;
    }
    return pmf;
  }
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < n; i++) {
    const q = p[i];
    hi++;
    for (let k = hi; k > lo; k--) pmf[k] = pmf[k] * (1 - q) + pmf[k - 1] * q;
    pmf[lo] *= 1 - q;
    while (lo < hi && pmf[lo] < WINDOW_EPSILON) pmf[lo++] = 0;
    while (hi > lo && pmf[hi] < WINDOW_EPSILON) pmf[hi--] = 0;
  }
  return pmf;
}

/**
 * The distribution of the number of signers among N states when exactly
 * `absent` of them do not take part, which ones being unknown: absence
 * independent of the choices and equally likely to fall on any `absent` of
 * the N. pmf[k] = [z_a^absent z_s^k] Π_i (p_i z_s + 1 − p_i + z_a) / C(N, absent),
 * k = 0..N − absent: the Poisson-binomial recursion with a third outcome.
 * With absent = 0 it is `poissonBinomial`.
 */
export function poissonBinomialGivenAbsent(p: ArrayLike<number>, absent: number): Float64Array {
  const n = p.length;
  if (!Number.isInteger(absent) || absent < 0 || absent > n)
    throw new RangeError(`absent must be a whole number in [0, ${n}], got ${absent}`);
  if (absent === 0) return poissonBinomial(p);
  const width = n + 1;
  // table[a * width + k]: a absent and k signers among the states so far.
  const table = new Float64Array((absent + 1) * width);
  table[0] = 1;
  for (let i = 0; i < n; i++) {
    const q = p[i];
    for (let a = Math.min(i + 1, absent); a >= 0; a--) {
      for (let k = Math.min(i + 1, n - a); k >= 0; k--) {
        let v = table[a * width + k] * (1 - q);
        if (k > 0) v += table[a * width + k - 1] * q;
        if (a > 0) v += table[(a - 1) * width + k];
        table[a * width + k] = v;
      }
    }
  }
  const pmf = table.slice(absent * width, absent * width + n - absent + 1);
  let total = 0;
  for (let k = 0; k < pmf.length; k++) total += pmf[k];
  for (let k = 0; k < pmf.length; k++) pmf[k] /= total;
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
  let mean = 0;
  for (let i = 0; i < p.length; i++) mean += p[i];
  return summariseTally(poissonBinomial(p), mean);
}

/** Mean (Σ k·pmf[k] unless given), mode and central 90% interval of a distribution of the tally. */
export function summariseTally(pmf: Float64Array, knownMean?: number): TallyDistribution {
  let mean = 0;
  if (knownMean === undefined) for (let k = 0; k < pmf.length; k++) mean += k * pmf[k];
  else mean = knownMean;
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
