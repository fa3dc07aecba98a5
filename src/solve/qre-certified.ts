/**
 * Newton's method for the least logit QRE of a supermodular game, with a
 * certificate that the fixed point it lands on is the least one; for sweeps,
 * where the plain monotone iteration (qre.ts, `leastQreInto`) spends most of
 * a point's time in calls to `Math.exp`.
 *
 * The map is F_i(p) = Λ(λ·Δ_i(p)), monotone in a supermodular game. Start
 * from `lo`, Gauss–Seidel sweeps up from p = 0 (one, NEWTON_AFTER in
 * qre.ts), so lo ≤ p_least (Tarski). Newton steps on G(p) = p − F(p) solve
 * (I − D·J)·δ = F(p) − p, D = diag(λ·F(1 − F)), J = ∂Δ/∂p: the mean-field
 * part m_i/(N − 1) for every other state plus the sparse B. The matrix is
 * K − u·1ᵀ with K = I + D·diag(m)/(N − 1) − D·B sparse and u = D·m/(N − 1),
 * so δ comes from K·x = F(p) − p and K·y = u by Sherman–Morrison, both by
 * Gauss–Seidel sweeps on K, which cost no `exp`; each is solved only as far
 * as the current residual needs (an inexact Newton method with forcing term
 * min(10⁻², residual): superlinear; Dembo, Eisenstat & Steihaug 1982).
 *
 * Certificate. Let p be the Newton iterate with residual r = F(p) − p, and
 * take the box X = [min(lo, p − η), p + η] ∩ [0, 1]ᴺ, η = CERTIFY_RADIUS.
 * On X, |F_i(x) − F_i(y)| ≤ Σ_j M_ij |x_j − y_j| with M_ij = c_i·|J_ij|,
 * c_i = λ·max q(1 − q) over the values F_i takes on X (bounded through
 * Λ' ≤ 1/4 from F_i(p) and the box's width, no further `exp`). For any
 * v > 0, F is a contraction on X in the norm max_i |x_i|/v_i with factor
 * ρ = max_i (Mv)_i/v_i (Collatz–Wielandt); v is 1, then M·1, M²·1, M³·1
 * (each plus a floor that keeps it positive), until ρ < RHO_MAX. Then the
 * ball of radius R = 2‖r‖_v/(1 − ρ) around p (twice Banach's, for the
 * rounding of the bound) is mapped into itself, so it holds a fixed point
 * p̂, and if that ball lies within X then the least QRE, which is ≥ lo and
 * ≤ p̂, lies in X too, where F has only one fixed point: p̂ is the least
 * QRE, and ‖p − p_least‖ ≤ R·max v ≤ η. The residual carries an allowance
 * for its own rounding, and any NaN refuses the certificate. When any of
 * this fails (near a bifurcation, where the contraction is lost), the
 * caller goes on with the monotone iteration as if Newton had not been
 * tried.
 */
import type { LinearGame } from './game.js';
import type { FixedActions } from './nash.js';

/** Residual max_i |F_i(p) − p_i| at which Newton stops (the monotone iteration stops on a step of 1e-13). */
const NEWTON_RESIDUAL = 1e-14;
const NEWTON_MAX_STEPS = 8;
/** Gauss–Seidel sweeps at most for one Newton step's linear system. */
const LINEAR_MAX_SWEEPS = 60;
/** Half-width η of the box around the Newton iterate in which the certificate must hold. */
const CERTIFY_RADIUS = 1e-9;
/** Largest contraction factor accepted by the certificate (below 1, with room for the rounding of the bound). */
const RHO_MAX = 0.98;

/** Scratch arrays, kept between calls (one per process: sweeps solve one point at a time). */
interface Scratch {
  n: number;
  f: Float64Array;
  d: Float64Array;
  delta: Float64Array;
  v: Float64Array;
  w: Float64Array;
  c: Float64Array;
}
const arrays = (n: number): Scratch => ({
  n,
  f: new Float64Array(n),
  d: new Float64Array(n),
  delta: new Float64Array(n),
  v: new Float64Array(n),
  w: new Float64Array(n),
  c: new Float64Array(n),
});
let scratch = arrays(0);

function workspace(n: number): Scratch {
  if (scratch.n !== n) scratch = arrays(n);
  return scratch;
}

/** Λ(x) = 1/(1 + e^−x), written so that neither branch overflows. */
function logistic(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** max q(1 − q) over q in [lo, hi] ∩ [0, 1]. */
function maxVariance(lo: number, hi: number): number {
  const a = lo < 0 ? 0 : lo;
  const b = hi > 1 ? 1 : hi;
  if (a <= 0.5 && b >= 0.5) return 0.25;
  const q = b < 0.5 ? b : a;
  return q * (1 - q);
}

/**
 * Newton from `p` (which holds `lo` on entry) to the least QRE, certified.
 * Returns true with the least QRE in `p`; false leaves `p` unspecified
 * (the caller restarts from its copy of `lo`).
 */
export function certifiedLeastQre(
  game: LinearGame,
  lambda: number,
  fixed: FixedActions,
  lo: Float64Array,
  p: Float64Array,
): boolean {
  const { n, a, m, rowPtr, col, val } = game;
  if (!(lambda >= 0 && lambda < Infinity)) return false;
  const ws = workspace(n);
  // v, w and c serve the linear solves here, the certificate after.
  const { f, d, delta, v: x, w: y, c: diagonalInverse } = ws;
  const scale = n > 1 ? 1 / (n - 1) : 0;
  for (let step = 0; ; step++) {
    // F(p), the residual and D at p.
    let total = 0;
    for (let i = 0; i < n; i++) total += p[i];
    let residual = 0;
    for (let i = 0; i < n; i++) {
      if (fixed[i] !== -1) {
        f[i] = p[i];
        d[i] = 0;
        continue;
      }
      let gain = a[i] + m[i] * (total - p[i]) * scale;
      for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) gain += val[k] * p[col[k]];
      const q = logistic(lambda * gain);
      f[i] = q;
      d[i] = lambda * q * (1 - q);
      const r = q - p[i];
      // NaN (an infinite input) gives up here: no certificate is attempted.
      if (!(r <= 1 && r >= -1)) return false;
      if (r > residual) residual = r;
      else if (-r > residual) residual = -r;
    }
    if (residual <= NEWTON_RESIDUAL) break;
    if (step === NEWTON_MAX_STEPS) return false;
    // (I − D·J)·δ = F(p) − p. With K = I + D·diag(m)/(N − 1) − D·B and u = D·m/(N − 1), the
    // matrix is K − u·1ᵀ: δ = x + y·(1ᵀx)/(1 − 1ᵀy) with K·x = F(p) − p and K·y = u
    // (Sherman–Morrison), both by Gauss–Seidel on the sparse K, to a change of forcing·residual.
    const tolerance = Math.min(1e-2, residual) * residual;
    for (let i = 0; i < n; i++) {
      const u = d[i] * m[i] * scale;
      const inverse = 1 / (1 + u);
      diagonalInverse[i] = inverse;
      x[i] = (f[i] - p[i]) * inverse;
      y[i] = u * inverse;
    }
    let solved = false;
    for (let sweep = 0; sweep < LINEAR_MAX_SWEEPS && !solved; sweep++) {
      let change = 0;
      for (let i = 0; i < n; i++) {
        const start = rowPtr[i];
        const end = rowPtr[i + 1];
        if (start === end || d[i] === 0) continue;
        let gx = 0;
        let gy = 0;
        for (let k = start; k < end; k++) {
          gx += val[k] * x[col[k]];
          gy += val[k] * y[col[k]];
        }
        const inverse = diagonalInverse[i];
        const nx = (f[i] - p[i] + d[i] * gx) * inverse;
        const ny = d[i] * (m[i] * scale + gy) * inverse;
        const moved = Math.max(Math.abs(nx - x[i]), Math.abs(ny - y[i]) * residual);
        x[i] = nx;
        y[i] = ny;
        if (moved > change) change = moved;
      }
      solved = change <= tolerance;
      if (!(change < 1e3)) return false;
    }
    if (!solved) return false;
    let sx = 0;
    let sy = 0;
    for (let i = 0; i < n; i++) {
      sx += x[i];
      sy += y[i];
    }
    if (!(sy < 1)) return false;
    const t = sx / (1 - sy);
    for (let i = 0; i < n; i++) delta[i] = x[i] + y[i] * t;
    for (let i = 0; i < n; i++) {
      if (fixed[i] !== -1) continue;
      const next = p[i] + delta[i];
      p[i] = next < 0 ? 0 : next > 1 ? 1 : next;
    }
  }
  return certify(game, lambda, fixed, lo, p, ws);
}

/** The certificate of the file's comment, at a Newton iterate p with F(p) in f. */
function certify(
  game: LinearGame,
  lambda: number,
  fixed: FixedActions,
  lo: Float64Array,
  p: Float64Array,
  { f, v, w, c }: Scratch,
): boolean {
  const { n, a, m, rowPtr, col, val } = game;
  const scale = n > 1 ? 1 / (n - 1) : 0;
  // The box X: below, min(lo, p − η); above, p + η; a fixed state does not move.
  // widthBelow_j = p_j − X_lo_j, widthAbove_j = X_hi_j − p_j, as v and w for now.
  let below = 0;
  let above = 0;
  for (let j = 0; j < n; j++) {
    if (fixed[j] !== -1) {
      v[j] = w[j] = 0;
      continue;
    }
    const low = Math.max(0, Math.min(lo[j], p[j] - CERTIFY_RADIUS));
    v[j] = p[j] - low;
    w[j] = Math.min(1, p[j] + CERTIFY_RADIUS) - p[j];
    below += v[j];
    above += w[j];
  }
  // c_i from the range of F_i on X: F_i(p) ± (λ/4)·(|J|·width)_i, |J_ij| = m_i/(N − 1) + B_ij (all ≥ 0).
  for (let i = 0; i < n; i++) {
    if (fixed[i] !== -1) continue;
    let down = m[i] * (below - v[i]) * scale;
    let up = m[i] * (above - w[i]) * scale;
    for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
      down += val[k] * v[col[k]];
      up += val[k] * w[col[k]];
    }
    c[i] = lambda * maxVariance(f[i] - (lambda / 4) * down, f[i] + (lambda / 4) * up) * 1.000001;
  }
  // ρ = max_i (Mv)_i / v_i, first for v = 1 (M's largest row sum), then for v = M^k·1 plus a
  // floor that keeps it positive, k = 1, 2, 3, until ρ < RHO_MAX.
  for (let i = 0; i < n; i++) v[i] = fixed[i] === -1 ? 1 : 0;
  let rho = Infinity;
  for (let round = 0; round < 4; round++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += v[j];
    rho = 0;
    let top = 0;
    for (let i = 0; i < n; i++) {
      if (fixed[i] !== -1) {
        w[i] = 0;
        continue;
      }
      let g = m[i] * (sum - v[i]) * scale;
      for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) g += val[k] * v[col[k]];
      const image = c[i] * g;
      w[i] = image;
      if (image > top) top = image;
      if (image > rho * v[i]) rho = image / v[i];
    }
    if (rho < RHO_MAX) break;
    if (top === 0) top = 1;
    for (let i = 0; i < n; i++) v[i] = fixed[i] === -1 ? w[i] / top + 1e-3 : 0;
  }
  // The residual as computed plus a bound on its rounding: Δ_i adds terms of size at most
  // |a_i| + m_i + Σ_j B_ij, each within a few ulps, and Λ' ≤ 1/4.
  let norm = 0;
  for (let i = 0; i < n; i++) {
    if (fixed[i] !== -1) continue;
    let size = Math.abs(a[i]) + m[i];
    for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) size += val[k];
    const slack = 1e-15 * (1 + lambda * size);
    norm = Math.max(norm, (Math.abs(f[i] - p[i]) + slack) / v[i]);
  }
  // Written so that a NaN anywhere (an infinite input) refuses the certificate.
  if (!(rho < RHO_MAX) || !(norm < Infinity)) return false;
  // Ball radius in the v-norm, twice Banach's, for the rounding of the residual and the bound.
  const radius = (2 * norm) / (1 - rho);
  // The ball within X: |x_i − p_i| ≤ radius·v_i ≤ η on each side (X reaches at least η, or to 0 or 1).
  for (let i = 0; i < n; i++) {
    if (fixed[i] !== -1) continue;
    const reach = radius * v[i];
    if (!(reach <= CERTIFY_RADIUS)) return false;
  }
  return true;
}
