/**
 * Inputs for variance-based sensitivity analysis: the Sobol low-discrepancy
 * sequence (Sobol 1967) with the direction numbers of Joe & Kuo (2008,
 * "new-joe-kuo-6.21201", the first 21 dimensions), randomised by a seeded
 * digital shift (each coordinate's bits XORed with a random 32-bit word,
 * which keeps every (t, m, s)-net property of the sequence and makes
 * repeated runs independent estimates); and the inverse CDFs that turn a
 * uniform draw into a normal (truncated to the input's range) or
 * triangular input.
 */
import { randomStream } from '../random/stream.js';

/** s (degree), a (polynomial coefficients) and m (initial direction numbers) of dimensions 2 to 21 (Joe & Kuo 2008). */
const JOE_KUO: ReadonlyArray<readonly [number, number, readonly number[]]> = [
  [1, 0, [1]],
  [2, 1, [1, 3]],
  [3, 1, [1, 3, 1]],
  [3, 2, [1, 1, 1]],
  [4, 1, [1, 1, 3, 3]],
  [4, 4, [1, 3, 5, 13]],
  [5, 2, [1, 1, 5, 5, 17]],
  [5, 4, [1, 1, 5, 5, 5]],
  [5, 7, [1, 1, 7, 11, 19]],
  [5, 11, [1, 1, 5, 1, 1]],
  [5, 13, [1, 1, 1, 3, 11]],
  [5, 14, [1, 3, 5, 5, 31]],
  [6, 1, [1, 3, 3, 9, 7, 49]],
  [6, 13, [1, 1, 1, 15, 21, 21]],
  [6, 16, [1, 3, 1, 13, 27, 49]],
  [6, 19, [1, 1, 1, 15, 7, 5]],
  [6, 22, [1, 3, 1, 15, 13, 25]],
  [6, 25, [1, 1, 5, 5, 19, 61]],
  [7, 1, [1, 3, 7, 11, 23, 15, 103]],
  [7, 4, [1, 3, 7, 13, 13, 15, 69]],
];

/** Dimensions the sequence is defined for here. */
export const SOBOL_MAX_DIMENSIONS = JOE_KUO.length + 1;
const BITS = 32;

/** Direction numbers v[k] (k = 0..31, as 32-bit integers) of dimension `dim` (0-based). */
function directions(dim: number): Uint32Array {
  const v = new Uint32Array(BITS);
  if (dim === 0) {
    for (let k = 0; k < BITS; k++) v[k] = 2 ** (BITS - 1 - k);
    return v;
  }
  const [s, a, m] = JOE_KUO[dim - 1];
  for (let k = 0; k < s; k++) v[k] = m[k] * 2 ** (BITS - 1 - k);
  for (let k = s; k < BITS; k++) {
    let x = (v[k - s] ^ (v[k - s] >>> s)) >>> 0;
    for (let j = 1; j < s; j++) if ((a >>> (s - 1 - j)) & 1) x = (x ^ v[k - j]) >>> 0;
    v[k] = x;
  }
  return v;
}

/**
 * The first `n` points of the d-dimensional Sobol sequence in Gray-code
 * order (Antonov & Saleev 1979), as rows of `out` (n·d, row-major), each
 * coordinate in [0, 1). With a `seed`, every dimension is XORed with a
 * random word from that seed's stream (a digital shift); without, the
 * plain sequence, starting at 0.
 */
export function sobolPoints(n: number, d: number, seed?: number): Float64Array {
  if (d > SOBOL_MAX_DIMENSIONS)
    throw new RangeError(`the Sobol sequence is defined here for at most ${SOBOL_MAX_DIMENSIONS} dimensions, got ${d}`);
  const v = Array.from({ length: d }, (_, j) => directions(j));
  const shift = new Uint32Array(d);
  if (seed !== undefined) {
    const u = randomStream(`${seed}/sobol-shift`);
    for (let j = 0; j < d; j++) shift[j] = u.uint32();
  }
  const x = new Uint32Array(d);
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      // The lowest zero bit of i − 1 picks the direction number that changes.
      let c = 0;
      let value = i - 1;
      while (value & 1) {
        value = Math.floor(value / 2);
        c++;
      }
      for (let j = 0; j < d; j++) x[j] = (x[j] ^ v[j][c]) >>> 0;
    }
    for (let j = 0; j < d; j++) out[i * d + j] = ((x[j] ^ shift[j]) >>> 0) / 2 ** BITS;
  }
  return out;
}

/** How an input is distributed over its --vary range [lo, hi]. */
export type InputDistribution =
  | { kind: 'uniform' }
  /** A normal truncated to [lo, hi]. */
  | { kind: 'normal'; mean: number; sd: number }
  /** A triangle on [lo, hi] peaking at `mode`. */
  | { kind: 'triangular'; mode: number };

/** The standard normal CDF Φ, through erfc (fractional error below 1.2e-7: far finer than a sample needs). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** The complementary error function by the Chebyshev fit of Press et al., Numerical Recipes (§6.2). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Φ⁻¹ by Acklam's rational approximation (relative error below 1.15e-9), for p in (0, 1). */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return (
      -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/** The input value for a uniform draw u in [0, 1): the distribution's quantile on [lo, hi]. */
export function inputQuantile(u: number, lo: number, hi: number, dist: InputDistribution): number {
  if (dist.kind === 'uniform') return lo + (hi - lo) * u;
  if (dist.kind === 'triangular') {
    const { mode } = dist;
    const f = (mode - lo) / (hi - lo);
    return u < f ? lo + Math.sqrt(u * (hi - lo) * (mode - lo)) : hi - Math.sqrt((1 - u) * (hi - lo) * (hi - mode));
  }
  const { mean, sd } = dist;
  const pl = normalCdf((lo - mean) / sd);
  const ph = normalCdf((hi - mean) / sd);
  const p = Math.min(1 - 1e-16, Math.max(1e-16, pl + u * (ph - pl)));
  return Math.min(hi, Math.max(lo, mean + sd * normalQuantile(p)));
}
