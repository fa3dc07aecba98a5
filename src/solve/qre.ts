/**
 * Logit quantal response equilibrium (McKelvey & Palfrey 1995) of the
 * binary game: p_i = Λ(λ · Δ_i(p)), where Δ_i(p) is the exact expected net
 * gain because Δ is linear in the others' actions.
 *
 * In a supermodular game the map p ↦ Λ(λΔ(p)) is monotone, so Gauss–Seidel
 * iteration from p = 0 rises to the least fixed point and from p = 1 falls
 * to the greatest (Tarski); every QRE lies between the two. Iteration stops
 * on the residual, and a Newton step on the full system speeds up the slow
 * approach near a bifurcation (dense up to 400 free states, matrix-free
 * GMRES above).
 *
 * A game with a negative interaction has no such bounds: its QRE is the one
 * on the principal branch, traced by continuation in λ from the centroid at
 * λ = 0 (`qre-continuation.ts`, the method of Gambit's gambit-logit), and
 * `least` and `greatest` are that one point.
 */
import { gainChange, isSupermodular, netGain, type LinearGame } from './game.js';
import { noFixedActions, type FixedActions } from './nash.js';
import { gmres } from './linear.js';
import { certifiedLeastQre } from './qre-certified.js';
import { traceQre } from './qre-continuation.js';

/** Residual max_i |p_i − Λ(λΔ_i(p))| at which a fixed point is accepted. */
export const QRE_TOLERANCE = 1e-12;
const MAX_SWEEPS = 200_000;
const NEWTON_EVERY = 25;
/** Above this many free states the monotone solver's Newton step is matrix-free (GMRES) instead of dense. */
const NEWTON_DENSE_LIMIT = 400;

export interface QreBranch {
  p: Float64Array;
  residual: number;
  iterations: number;
  converged: boolean;
}

export interface QreResult {
  lambda: number;
  /**
   * monotone: least and greatest QRE of a supermodular game (they bound
   * every QRE); continuation: the principal branch's QRE (least and greatest
   * are the same point).
   */
  method: 'monotone' | 'continuation';
  least: QreBranch;
  greatest: QreBranch;
}

export function logistic(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

function isFree(fixed: FixedActions | undefined, i: number): boolean {
  return !fixed || fixed[i] === -1;
}

/** max_i |p_i − Λ(λΔ_i(p))| over free states. */
export function qreResidual(game: LinearGame, lambda: number, p: Float64Array, fixed?: FixedActions): number {
  let total = 0;
  for (let j = 0; j < game.n; j++) total += p[j];
  let worst = 0;
  for (let i = 0; i < game.n; i++) {
    if (!isFree(fixed, i)) continue;
    worst = Math.max(worst, Math.abs(p[i] - logistic(lambda * netGain(game, p, i, total))));
  }
  return worst;
}

/** One Gauss–Seidel sweep with relaxation ω; returns the largest change. */
function sweep(
  game: LinearGame,
  lambda: number,
  p: Float64Array,
  fixed: FixedActions | undefined,
  omega: number,
  total: { t: number },
): number {
  let change = 0;
  for (let i = 0; i < game.n; i++) {
    if (!isFree(fixed, i)) continue;
    const target = logistic(lambda * netGain(game, p, i, total.t));
    const next = p[i] + omega * (target - p[i]);
    change = Math.max(change, Math.abs(next - p[i]));
    total.t += next - p[i];
    p[i] = next;
  }
  return change;
}

/**
 * One Newton step on F(p) = p − Λ(λΔ(p)) over the free states (dense
 * Gaussian elimination: N is a few hundred at most). Returns null if the
 * system is singular.
 */
function newtonStep(game: LinearGame, lambda: number, p: Float64Array, fixed?: FixedActions): Float64Array | null {
  const n = game.n;
  const free: number[] = [];
  for (let i = 0; i < n; i++) if (isFree(fixed, i)) free.push(i);
  const k = free.length;
  if (k === 0) return p.slice();
  if (k > NEWTON_DENSE_LIMIT) return sparseNewtonStep(game, lambda, p, free);
  const pos = new Int32Array(n).fill(-1);
  free.forEach((i, r) => (pos[i] = r));
  let total = 0;
  for (let j = 0; j < n; j++) total += p[j];
  const scale = n > 1 ? 1 / (n - 1) : 0;
  const J = new Float64Array(k * (k + 1));
  for (let r = 0; r < k; r++) {
    const i = free[r];
    const q = logistic(lambda * netGain(game, p, i, total));
    const slope = lambda * q * (1 - q);
    const row = r * (k + 1);
    // dΔ_i/dp_j = m_i/(N−1) + B_ij for j ≠ i.
    for (let c = 0; c < k; c++) if (c !== r) J[row + c] = -slope * game.m[i] * scale;
    for (let e = game.rowPtr[i]; e < game.rowPtr[i + 1]; e++) {
      const c = pos[game.col[e]];
      if (c >= 0) J[row + c] -= slope * game.val[e];
    }
    J[row + r] = 1;
    J[row + k] = -(p[i] - q);
  }
  for (let c = 0; c < k; c++) {
    let pivot = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(J[r * (k + 1) + c]) > Math.abs(J[pivot * (k + 1) + c])) pivot = r;
    if (Math.abs(J[pivot * (k + 1) + c]) < 1e-300) return null;
    if (pivot !== c) {
      for (let x = 0; x <= k; x++) {
        const tmp = J[c * (k + 1) + x];
        J[c * (k + 1) + x] = J[pivot * (k + 1) + x];
        J[pivot * (k + 1) + x] = tmp;
      }
    }
    const d = J[c * (k + 1) + c];
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = J[r * (k + 1) + c] / d;
      if (f === 0) continue;
      for (let x = c; x <= k; x++) J[r * (k + 1) + x] -= f * J[c * (k + 1) + x];
    }
  }
  const next = p.slice();
  for (let r = 0; r < k; r++)
    next[free[r]] = Math.min(1, Math.max(0, p[free[r]] + J[r * (k + 1) + k] / J[r * (k + 1) + r]));
  return next;
}

/**
 * The same Newton step without forming the Jacobian: J = I − D·(∂Δ/∂p) over
 * the free states, D = diag(λ q(1 − q)), applied in O(N + links) per GMRES
 * iteration.
 */
function sparseNewtonStep(game: LinearGame, lambda: number, p: Float64Array, free: number[]): Float64Array | null {
  const n = game.n;
  const k = free.length;
  let total = 0;
  for (let j = 0; j < n; j++) total += p[j];
  const slope = new Float64Array(k);
  const rhs = new Float64Array(k);
  for (let r = 0; r < k; r++) {
    const i = free[r];
    const q = logistic(lambda * netGain(game, p, i, total));
    slope[r] = lambda * q * (1 - q);
    rhs[r] = q - p[i];
  }
  const w = new Float64Array(n);
  const multiply = (v: Float64Array, out: Float64Array) => {
    let sum = 0;
    for (let r = 0; r < k; r++) {
      w[free[r]] = v[r];
      sum += v[r];
    }
    for (let r = 0; r < k; r++) out[r] = v[r] - slope[r] * gainChange(game, w, free[r], sum);
  };
  const { x, converged } = gmres(multiply, rhs, { tolerance: 1e-12, restart: 60, maxIterations: 2000 });
  if (!converged) return null;
  const next = p.slice();
  for (let r = 0; r < k; r++) next[free[r]] = Math.min(1, Math.max(0, p[free[r]] + x[r]));
  return next;
}

function solveBranch(game: LinearGame, lambda: number, start: 0 | 1, fixed: FixedActions | undefined): QreBranch {
  const n = game.n;
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) p[i] = isFree(fixed, i) ? start : fixed![i];
  const total = { t: p.reduce((x, y) => x + y, 0) };
  let residual = Infinity;
  for (let it = 1; it <= MAX_SWEEPS; it++) {
    sweep(game, lambda, p, fixed, 1, total);
    if (it % 5 === 0 || it < 5) {
      residual = qreResidual(game, lambda, p, fixed);
      if (residual <= QRE_TOLERANCE) return { p, residual, iterations: it, converged: true };
    }
    if (it % NEWTON_EVERY === 0) {
      const next = newtonStep(game, lambda, p, fixed);
      if (next) {
        // In the monotone case the iterates approach the extremal fixed point
        // from one side; a Newton step that crosses back is not taken.
        let sideOk = true;
        for (let i = 0; i < n; i++) if (start === 0 ? next[i] < p[i] - 1e-9 : next[i] > p[i] + 1e-9) sideOk = false;
        const r = qreResidual(game, lambda, next, fixed);
        if (sideOk && r < residual) {
          p.set(next);
          total.t = p.reduce((x, y) => x + y, 0);
          residual = r;
          if (residual <= QRE_TOLERANCE) return { p, residual, iterations: it, converged: true };
        }
      }
    }
  }
  residual = qreResidual(game, lambda, p, fixed);
  return { p, residual, iterations: MAX_SWEEPS, converged: residual <= 1e-9 };
}

/** Least and greatest logit QRE at precision λ ≥ 0. */
export function logitQre(game: LinearGame, lambda: number, fixed?: FixedActions): QreResult {
  if (!(lambda >= 0) || !Number.isFinite(lambda))
    throw new RangeError(`lambda must be a finite number ≥ 0, got ${lambda}`);
  if (isSupermodular(game))
    return {
      lambda,
      method: 'monotone',
      least: solveBranch(game, lambda, 0, fixed),
      greatest: solveBranch(game, lambda, 1, fixed),
    };
  return principalQre(game, lambda, fixed);
}

/** The principal branch's QRE at λ, as a QreResult whose least and greatest are the same point. */
export function principalQre(game: LinearGame, lambda: number, fixed?: FixedActions): QreResult {
  const traced = traceQre(game, [lambda], fixed);
  const point = traced.points[0];
  const branch: QreBranch = {
    p: point.p,
    residual: point.residual,
    iterations: traced.steps,
    converged: point.converged,
  };
  return { lambda, method: 'continuation', least: branch, greatest: { ...branch, p: point.p.slice() } };
}

/** Largest Gauss–Seidel change at which `leastQreInto` stops: well under QRE_TOLERANCE's residual scale times the contraction. */
const STEP_TOLERANCE = 1e-13;
/** Sweeps of `leastQreInto` before handing over to the Newton-accelerated solver. */
const WARM_SWEEPS = 2_000;
/** Gauss–Seidel sweeps from p = 0 before the certified Newton steps (qre-certified.ts) are tried. */
const NEWTON_AFTER = 1;
/** The sweeps' lower bound handed to the certified Newton steps, and all-free actions for a call
 * without fixed ones (kept between calls: no allocation per point). */
let lo = new Float64Array(0);
let allFree = noFixedActions(0);

/**
 * The least QRE into `p` without allocating, for sweeps: the same fixed
 * point as `logitQre(...).least` (Gauss–Seidel from p = 0 rises
 * monotonically to the least fixed point in a supermodular game, Tarski).
 * After NEWTON_AFTER sweeps, Newton steps with a certificate that they
 * reached the least fixed point (qre-certified.ts); where the certificate
 * fails, the sweeps go on, stopping on the step size. It hands over to
 * `logitQre` (with its Newton steps) when the plain iteration is slow, near
 * a bifurcation, or when the game is not supermodular (then the principal
 * branch's QRE). Returns whether the solver reached its tolerance: false
 * means `p` is not a QRE.
 */
export function leastQreInto(
  game: LinearGame,
  lambda: number,
  fixed: FixedActions | undefined,
  supermodular: boolean,
  p: Float64Array,
): boolean {
  const { n, a, m, rowPtr, col, val } = game;
  if (supermodular) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      p[i] = fixed && fixed[i] !== -1 ? fixed[i] : 0;
      total += p[i];
    }
    const scale = n > 1 ? 1 / (n - 1) : 0;
    for (let round = 0; round < WARM_SWEEPS; round++) {
      if (round === NEWTON_AFTER) {
        // Newton from here, certified to land on the least QRE; otherwise on as if not tried.
        if (lo.length !== n) lo = new Float64Array(n);
        if (!fixed && allFree.length !== n) allFree = noFixedActions(n);
        lo.set(p);
        if (certifiedLeastQre(game, lambda, fixed ?? allFree, lo, p)) return true;
        p.set(lo);
      }
      let change = 0;
      for (let i = 0; i < n; i++) {
        if (fixed && fixed[i] !== -1) continue;
        let delta = a[i] + m[i] * (total - p[i]) * scale;
        for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) delta += val[k] * p[col[k]];
        const next = logistic(lambda * delta);
        const step = next - p[i];
        total += step;
        p[i] = next;
        if (step > change) change = step;
        else if (-step > change) change = -step;
      }
      if (change <= STEP_TOLERANCE) return true;
    }
  }
  const branch = logitQre(game, lambda, fixed).least;
  p.set(branch.p);
  return branch.converged;
}
