/**
 * The likelihood of an unnamed group's counts (docs/calibration.md,
 * "Partial observations").
 *
 * u states, each signing with its own probability p_i if present; we know
 * that k signed, m did not and a were absent, not who. Absence is taken to
 * be independent of the choice (a delegation missing from a vote says
 * nothing about how it would have voted) and falls on any a of the u
 * equally likely. Then, up to a factor that does not depend on the p_i,
 *
 *   L = [z_s^k z_n^m z_a^a] Π_i (p_i z_s + (1 − p_i) z_n + z_a),
 *
 * the sum over every split of the group of the probability of that split;
 * divided by C(u, a), the number of ways the absences can fall, it is the
 * probability of the observed counts given a absent, which is what
 * `groupLikelihood` returns (as a log).
 * With a = 0 this is the Poisson-binomial probability of exactly k signers
 * (src/solve/tally.ts); with m = 0 it is the elementary symmetric
 * polynomial e_{u−a}(p). The coefficient is computed by the Poisson-binomial
 * recursion extended to three outcomes, tracking the two smallest counts
 * (the third follows), so the cost is O(u · (t1 + 1) · (t2 + 1)).
 *
 * Gradient: with prefix and suffix tables, the product over all states but
 * i gives each state's posterior probability of having signed, not signed
 * or been absent, given the counts; for p_i = Λ(η_i),
 *
 *   ∂ log L / ∂η_i = P(signed_i | counts) − p_i · P(present_i | counts),
 *
 * the score of a logit choice with the unknown choice replaced by its
 * posterior expectation (Fisher's identity; the E-step of EM).
 */

export interface GroupCounts {
  signed: number;
  notSigned: number;
  absent: number;
}

export interface GroupLikelihood {
  logLikelihood: number;
  /** Posterior probability, given the counts, that member i signed. */
  postSigned: Float64Array;
  /** … that member i was present (signed or not). */
  postPresent: Float64Array;
}

/** Categories: 0 signed (weight p), 1 not signed (weight 1 − p), 2 absent (weight 1). */
type Category = 0 | 1 | 2;

interface Layout {
  /** The two tracked categories and their targets; the third is implied. */
  c1: Category;
  c2: Category;
  c3: Category;
  t1: number;
  t2: number;
  cells: number;
}

function layout(counts: GroupCounts): Layout {
  const targets = [counts.signed, counts.notSigned, counts.absent];
  const order = ([0, 1, 2] as Category[]).sort((x, y) => targets[x] - targets[y] || x - y);
  const [c1, c2, c3] = order;
  const t1 = targets[c1];
  const t2 = targets[c2];
  return { c1, c2, c3, t1, t2, cells: (t1 + 1) * (t2 + 1) };
}

/** log C(n, k). */
export function logBinomial(n: number, k: number): number {
  let s = 0;
  for (let j = 1; j <= k; j++) s += Math.log(n - k + j) - Math.log(j);
  return s;
}

function weight(c: Category, p: number, q: number): number {
  return c === 0 ? p : c === 1 ? q : 1;
}

/**
 * One step of the recursion: table `to` = table `from` × (w1 z1 + w2 z2 + w3),
 * truncated at the targets (tables of `cells` entries at offsets in `buf`),
 * rescaled so its largest entry is 1; returns the log of the scale.
 */
function step(
  buf: Float64Array,
  from: number,
  to: number,
  t1: number,
  t2: number,
  w1: number,
  w2: number,
  w3: number,
): number {
  const width = t2 + 1;
  let max = 0;
  for (let x = 0; x <= t1; x++) {
    const row = x * width;
    for (let y = 0; y <= t2; y++) {
      let v = buf[from + row + y] * w3;
      if (x > 0) v += buf[from + row - width + y] * w1;
      if (y > 0) v += buf[from + row + y - 1] * w2;
      buf[to + row + y] = v;
      if (v > max) max = v;
    }
  }
  if (max === 0 || !Number.isFinite(max)) return 0;
  const cells = (t1 + 1) * width;
  const inv = 1 / max;
  for (let c = 0; c < cells; c++) buf[to + c] *= inv;
  return Math.log(max);
}

/** Σ_{x1, y1} F[x1][y1] · B[x − x1][y − y1]: the coefficient at (x, y) of the product of two tables. */
function convolveAt(
  F: Float64Array,
  f: number,
  B: Float64Array,
  b: number,
  width: number,
  x: number,
  y: number,
): number {
  if (x < 0 || y < 0) return 0;
  let sum = 0;
  for (let x1 = 0; x1 <= x; x1++) {
    const fRow = f + x1 * width;
    const bRow = b + (x - x1) * width + y;
    for (let y1 = 0; y1 <= y; y1++) sum += F[fRow + y1] * B[bRow - y1];
  }
  return sum;
}

/**
 * log L of a group, and the members' posteriors when `withPosteriors`.
 * `p[i]` and `q[i]` are each member's probabilities of signing and not
 * signing (passed separately so that both keep their precision near 0 and 1).
 */
export function groupLikelihood(
  p: ArrayLike<number>,
  q: ArrayLike<number>,
  counts: GroupCounts,
  withPosteriors = true,
): GroupLikelihood {
  const u = p.length;
  if (
    counts.signed + counts.notSigned + counts.absent !== u ||
    counts.signed < 0 ||
    counts.notSigned < 0 ||
    counts.absent < 0
  ) {
    throw new RangeError(
      `group counts ${counts.signed} + ${counts.notSigned} + ${counts.absent} do not add up to its ${u} members`,
    );
  }
  const { c1, c2, c3, t1, t2, cells } = layout(counts);
  const width = t2 + 1;
  const w1 = new Float64Array(u);
  const w2 = new Float64Array(u);
  const w3 = new Float64Array(u);
  for (let i = 0; i < u; i++) {
    w1[i] = weight(c1, p[i], q[i]);
    w2[i] = weight(c2, p[i], q[i]);
    w3[i] = weight(c3, p[i], q[i]);
  }
  const postSigned = new Float64Array(u);
  const postPresent = new Float64Array(u);
  const logChoose = logBinomial(u, counts.absent);
  if (!withPosteriors) {
    const buf = new Float64Array(2 * cells);
    buf[0] = 1;
    let scale = 0;
    let cur = 0;
    for (let i = 0; i < u; i++) {
      const next = cells - cur;
      scale += step(buf, cur, next, t1, t2, w1[i], w2[i], w3[i]);
      cur = next;
    }
    return { logLikelihood: Math.log(buf[cur + cells - 1]) + scale - logChoose, postSigned, postPresent };
  }
  // Prefix tables F_i (members 0..i−1) and suffix tables B_i (members i..u−1), each at offset i·cells, with log scales.
  const F = new Float64Array((u + 1) * cells);
  const B = new Float64Array((u + 1) * cells);
  const fScale = new Float64Array(u + 1);
  const bScale = new Float64Array(u + 1);
  F[0] = 1;
  for (let i = 0; i < u; i++)
    fScale[i + 1] = fScale[i] + step(F, i * cells, (i + 1) * cells, t1, t2, w1[i], w2[i], w3[i]);
  B[u * cells] = 1;
  for (let i = u - 1; i >= 0; i--)
    bScale[i] = bScale[i + 1] + step(B, (i + 1) * cells, i * cells, t1, t2, w1[i], w2[i], w3[i]);
  const logLikelihood = Math.log(F[u * cells + cells - 1]) + fScale[u] - logChoose;
  const byCategory = [0, 0, 0];
  for (let i = 0; i < u; i++) {
    // The others must make up the targets less member i's own category.
    const f = i * cells;
    const b = (i + 1) * cells;
    byCategory[c3] = w3[i] * convolveAt(F, f, B, b, width, t1, t2);
    byCategory[c1] = w1[i] * convolveAt(F, f, B, b, width, t1 - 1, t2);
    byCategory[c2] = w2[i] * convolveAt(F, f, B, b, width, t1, t2 - 1);
    const total = byCategory[0] + byCategory[1] + byCategory[2];
    if (!(total > 0)) continue;
    postSigned[i] = byCategory[0] / total;
    postPresent[i] = (byCategory[0] + byCategory[1]) / total;
  }
  return { logLikelihood, postSigned, postPresent };
}
