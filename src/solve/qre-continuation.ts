/**
 * The principal branch of the logit QRE, traced by homotopy continuation in
 * λ from λ = 0, where the unique QRE is the centroid p = ½ (McKelvey &
 * Palfrey 1995, Theorem 3). This is the method of Gambit's `gambit-logit`
 * (Turocy 2005): a predictor–corrector path follower in (strategy, λ)
 * space, parameterised by arc length so that it passes turning points,
 * with step-size control.
 *
 * Works for any binary-action game of the linear form, with or without
 * negative interactions. Unknowns are the log-odds z_i = ln(p_i/(1 − p_i))
 * of the free states, which keeps probabilities near 0 or 1 accurate at
 * large λ:
 *
 *   H_i(z, λ) = z_i − λ · Δ_i(σ(z)) = 0.
 *
 * Predictor: the unit tangent t (null vector of the Jacobian [∂H/∂z ∂H/∂λ],
 * oriented along the previous one). Corrector: Newton on H = 0 together with
 * the pseudo-arclength condition tᵀ(y − y_pred) = 0 (Keller 1977). Dense LU
 * below `DENSE_LIMIT` free states, matrix-free GMRES above it (each product
 * costs O(N + number of links)).
 */
import { gainChange, type LinearGame } from './game.js';
import type { FixedActions } from './nash.js';
import { DENSE_LIMIT, denseSolve, gmres } from './linear.js';

export interface ContinuationResult {
  /** The QRE at each requested λ, in the order asked. */
  points: Array<{ lambda: number; p: Float64Array; residual: number; converged: boolean }>;
  /** Predictor–corrector steps taken along the branch. */
  steps: number;
  /** Turning points passed (sign changes of dλ/ds): the branch folded back in λ. */
  turningPoints: number;
}

const MAX_STEPS = 200_000;
const CORRECTOR_ITERATIONS = 10;
/** Corrector tolerance on max |H_i| (log-odds units). */
const CORRECTOR_TOLERANCE = 1e-10;
const MIN_STEP = 1e-12;

function sigma(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * Traces the principal branch from λ = 0 and returns the QRE where it first
 * reaches each λ in `lambdas` (each ≥ 0, finite). Fixed states keep their
 * action; they are not unknowns.
 */
export function traceQre(
  game: LinearGame,
  lambdas: readonly number[],
  fixed?: FixedActions,
  options: { denseLimit?: number } = {},
): ContinuationResult {
  const denseLimit = options.denseLimit ?? DENSE_LIMIT;
  for (const l of lambdas)
    if (!(l >= 0) || !Number.isFinite(l)) throw new RangeError(`lambda must be a finite number ≥ 0, got ${l}`);
  const n = game.n;
  const free: number[] = [];
  for (let i = 0; i < n; i++) if (!fixed || fixed[i] === -1) free.push(i);
  const k = free.length;
  const pos = new Int32Array(n).fill(-1);
  free.forEach((i, r) => (pos[i] = r));
  const scale = n > 1 ? 1 / (n - 1) : 0;
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) p[i] = fixed && fixed[i] !== -1 ? fixed[i] : 0.5;
  const delta = new Float64Array(k);
  const slope = new Float64Array(k); // σ'(z_r) = p(1 − p)

  /** Sets p from z and fills delta (Δ at p) and slope. */
  const evaluate = (z: Float64Array) => {
    for (let r = 0; r < k; r++) p[free[r]] = sigma(z[r]);
    let total = 0;
    for (let j = 0; j < n; j++) total += p[j];
    for (let r = 0; r < k; r++) {
      const i = free[r];
      let d = game.a[i] + game.m[i] * (total - p[i]) * scale;
      for (let e = game.rowPtr[i]; e < game.rowPtr[i + 1]; e++) d += game.val[e] * p[game.col[e]];
      delta[r] = d;
      slope[r] = p[i] * (1 - p[i]);
    }
  };
  const residualOf = (z: Float64Array, lambda: number, out: Float64Array): number => {
    evaluate(z);
    let worst = 0;
    for (let r = 0; r < k; r++) {
      out[r] = z[r] - lambda * delta[r];
      worst = Math.max(worst, Math.abs(out[r]));
    }
    return worst;
  };
  // (∂Δ/∂p) w for w over free states (fixed states do not move): O(N + links).
  const wFull = new Float64Array(n);
  const gradDelta = (w: Float64Array, out: Float64Array) => {
    wFull.fill(0);
    let total = 0;
    for (let r = 0; r < k; r++) {
      wFull[free[r]] = w[r];
      total += w[r];
    }
    for (let r = 0; r < k; r++) out[r] = gainChange(game, wFull, free[r], total);
  };

  /**
   * Solves the bordered system [∂H/∂z ∂H/∂λ; cᵀ] x = rhs at the point last
   * evaluated (λ given): k + 1 unknowns.
   */
  const tmpW = new Float64Array(k);
  const tmpG = new Float64Array(k);
  const solveBordered = (lambda: number, c: Float64Array, rhs: Float64Array, tolerance = 1e-9): Float64Array | null => {
    const m = k + 1;
    if (k <= denseLimit) {
      const A = new Float64Array(m * m);
      const e = new Float64Array(k);
      for (let col = 0; col < k; col++) {
        // Column col of ∂H/∂z: e_col − λ (∂Δ/∂p) σ'_col e_col.
        e.fill(0);
        e[col] = slope[col];
        gradDelta(e, tmpG);
        for (let r = 0; r < k; r++) A[r * m + col] = (r === col ? 1 : 0) - lambda * tmpG[r];
      }
      for (let r = 0; r < k; r++) A[r * m + k] = -delta[r];
      for (let col = 0; col < m; col++) A[k * m + col] = c[col];
      return denseSolve(A, rhs, m);
    }
    const multiply = (v: Float64Array, out: Float64Array) => {
      for (let r = 0; r < k; r++) tmpW[r] = slope[r] * v[r];
      gradDelta(tmpW, tmpG);
      let last = 0;
      for (let r = 0; r < k; r++) {
        out[r] = v[r] - lambda * tmpG[r] - delta[r] * v[k];
        last += c[r] * v[r];
      }
      out[k] = last + c[k] * v[k];
    };
    const { x, converged } = gmres(multiply, rhs, { tolerance, restart: 80, maxIterations: 800 });
    return converged ? x : null;
  };

  const m = k + 1;
  const y = new Float64Array(m); // (z, λ); starts at the centroid, λ = 0
  const t = new Float64Array(m);
  t[k] = 1;
  const unitLast = new Float64Array(m);
  unitLast[k] = 1;
  const H = new Float64Array(k);

  /** Newton at fixed λ from z (in place): the branch's point at exactly that λ. */
  const solveAtLambda = (z: Float64Array, lambda: number) => {
    let worst = residualOf(z, lambda, H);
    for (let it = 0; it < 50 && worst > 1e-12; it++) {
      const rhs = new Float64Array(m);
      for (let r = 0; r < k; r++) rhs[r] = -H[r];
      const step = solveBordered(lambda, unitLast, rhs, 1e-10);
      if (!step) break;
      for (let r = 0; r < k; r++) z[r] += step[r];
      const next = residualOf(z, lambda, H);
      // Newton has stalled (rounding): stop; the residual below decides.
      if (!(next < worst) && next > 1e-12) break;
      worst = next;
    }
    // The equilibrium condition in probability units, as the other QRE solvers report it.
    evaluate(z);
    let residual = 0;
    for (let r = 0; r < k; r++) residual = Math.max(residual, Math.abs(p[free[r]] - sigma(lambda * delta[r])));
    return { p: p.slice(), residual, converged: residual <= 1e-12 };
  };

  const order = lambdas.map((l, i) => ({ l, i })).sort((a, b) => a.l - b.l);
  const points: ContinuationResult['points'] = new Array(lambdas.length);
  let next = 0;
  const answer = (z: Float64Array) => {
    while (next < order.length && order[next].l <= y[k]) {
      const target = order[next].l;
      const zz = z.slice(0, k);
      points[order[next].i] = { lambda: target, ...solveAtLambda(zz, target) };
      next++;
    }
  };
  // λ = 0 targets: the centroid.
  answer(y);
  if (k === 0) {
    while (next < order.length) {
      points[order[next].i] = { lambda: order[next].l, p: p.slice(), residual: 0, converged: true };
      next++;
    }
    return { points, steps: 0, turningPoints: 0 };
  }

  const maxLambda = order.length ? order[order.length - 1].l : 0;
  let steps = 0;
  let turningPoints = 0;
  // Unit tangent at the current point, oriented along the previous tangent.
  const tangent = (lambda: number, previous: Float64Array): Float64Array | null => {
    const rhs = new Float64Array(m);
    rhs[k] = 1;
    const v = solveBordered(lambda, previous, rhs);
    if (!v) return null;
    let s = 0;
    for (let r = 0; r < m; r++) s += v[r] * v[r];
    s = Math.sqrt(s);
    let d = 0;
    for (let r = 0; r < m; r++) d += v[r] * previous[r];
    const sign = d < 0 ? -1 : 1;
    for (let r = 0; r < m; r++) v[r] = (sign * v[r]) / s;
    return v;
  };
  residualOf(y.subarray(0, k) as Float64Array, 0, H);
  let tan = tangent(0, t);
  if (!tan) return failRemaining();
  t.set(tan);
  // Arc length grows with the size of the game (z ≈ λΔ over k states): step sizes are measured in
  // units of λ along the initial tangent, so a large game takes about as many steps as a small one.
  const perLambda = 1 / Math.max(t[k], 1e-12);
  let h = 0.1 * perLambda;
  const maxStep = Math.max(1, maxLambda / 4) * perLambda;
  const prev = new Float64Array(m);
  while (next < order.length && steps < MAX_STEPS) {
    steps++;
    const pred = new Float64Array(m);
    for (let r = 0; r < m; r++) pred[r] = y[r] + h * t[r];
    const cand = pred.slice();
    let ok = false;
    for (let it = 0; it < CORRECTOR_ITERATIONS; it++) {
      const worst = residualOf(cand.subarray(0, k) as Float64Array, cand[k], H);
      let arc = 0;
      for (let r = 0; r < m; r++) arc += t[r] * (cand[r] - pred[r]);
      if (worst <= CORRECTOR_TOLERANCE && Math.abs(arc) <= 1e-12) {
        ok = true;
        break;
      }
      const rhs = new Float64Array(m);
      for (let r = 0; r < k; r++) rhs[r] = -H[r];
      rhs[k] = -arc;
      const step = solveBordered(cand[k], t, rhs);
      if (!step) break;
      let size = 0;
      for (let r = 0; r < m; r++) {
        cand[r] += step[r];
        size = Math.max(size, Math.abs(step[r]));
      }
      if (!Number.isFinite(size) || size > 10 * h + 1) break;
    }
    if (ok) {
      residualOf(cand.subarray(0, k) as Float64Array, cand[k], H);
      tan = tangent(cand[k], t);
      // A sharp turn of the tangent means the step jumped: retry shorter.
      let cos = 0;
      if (tan) for (let r = 0; r < m; r++) cos += tan[r] * t[r];
      if (tan && cos > 0.95) {
        prev.set(y);
        if (Math.sign(tan[k]) !== Math.sign(t[k]) && tan[k] !== 0 && t[k] !== 0) turningPoints++;
        y.set(cand);
        t.set(tan);
        if (y[k] >= order[next].l) {
          // Interpolate to the first λ target passed, then solve at it exactly.
          while (next < order.length && order[next].l <= y[k]) {
            const target = order[next].l;
            const span = y[k] - prev[k];
            const f = span > 0 ? (target - prev[k]) / span : 1;
            const z = new Float64Array(k);
            for (let r = 0; r < k; r++) z[r] = prev[r] + f * (y[r] - prev[r]);
            points[order[next].i] = { lambda: target, ...solveAtLambda(z, target) };
            next++;
          }
        }
        h = Math.min(maxStep, h * 1.5);
        continue;
      }
    }
    h /= 2;
    if (h < MIN_STEP) break;
  }
  return failRemaining();

  function failRemaining(): ContinuationResult {
    while (next < order.length) {
      // The branch could not be followed to this λ: report the last point reached, unconverged.
      const z = y.slice(0, k);
      evaluate(z);
      let residual = 0;
      const target = order[next].l;
      for (let r = 0; r < k; r++) residual = Math.max(residual, Math.abs(p[free[r]] - sigma(target * delta[r])));
      points[order[next].i] = { lambda: target, p: p.slice(), residual, converged: false };
      next++;
    }
    return { points, steps, turningPoints };
  }
}
