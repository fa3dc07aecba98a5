/**
 * The least logit QRE and its tally distribution without allocating: the
 * sweep's hot path. Same fixed point as `logitQre(...).least` in
 * src/solve/qre.ts (Gauss–Seidel from p = 0 rises monotonically to the
 * least fixed point in a supermodular game, Tarski); it falls back to
 * `logitQre` (with its Newton steps) when the plain iteration is slow, near
 * a bifurcation, or when the game is not supermodular.
 */
import type { LinearGame } from '../solve/game.js';
import type { FixedActions } from '../solve/nash.js';
import { logistic, logitQre } from '../solve/qre.js';

/** Largest Gauss–Seidel change at which the iteration stops: well under QRE_TOLERANCE's residual scale times the contraction. */
const STEP_TOLERANCE = 1e-13;
/** Sweeps before handing over to the Newton-accelerated solver. */
const MAX_SWEEPS = 2_000;

export interface QreWorkspace {
  /** Probability of signing per state, at the least QRE. */
  p: Float64Array;
  /** Tally distribution: pmf[k] = P(k signers). */
  pmf: Float64Array;
}

export function qreWorkspace(n: number): QreWorkspace {
  return { p: new Float64Array(n), pmf: new Float64Array(n + 1) };
}

/** Solves the least QRE into ws.p; `supermodular` says whether monotone iteration applies. */
export function leastQre(game: LinearGame, lambda: number, fixed: FixedActions | undefined, supermodular: boolean, ws: QreWorkspace): void {
  const { n, a, m, rowPtr, col, val } = game;
  const p = ws.p;
  if (supermodular) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      p[i] = fixed && fixed[i] !== -1 ? fixed[i] : 0;
      total += p[i];
    }
    const scale = n > 1 ? 1 / (n - 1) : 0;
    for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
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
      if (change <= STEP_TOLERANCE) return;
    }
  }
  p.set(logitQre(game, lambda, fixed).least.p);
}

/** Fills ws.pmf with the Poisson-binomial distribution of ws.p (the recursion of src/solve/tally.ts). */
export function tallyInto(ws: QreWorkspace): void {
  const { p, pmf } = ws;
  const n = p.length;
  pmf.fill(0);
  pmf[0] = 1;
  for (let i = 0; i < n; i++) {
    const q = p[i];
    for (let k = i + 1; k >= 1; k--) pmf[k] = pmf[k] * (1 - q) + pmf[k - 1] * q;
    pmf[0] *= 1 - q;
  }
}

/** P(tally ≥ k) from ws.pmf. */
export function atLeast(ws: QreWorkspace, k: number): number {
  let sum = 0;
  for (let j = Math.max(0, Math.ceil(k)); j < ws.pmf.length; j++) sum += ws.pmf[j];
  return Math.min(1, sum);
}
