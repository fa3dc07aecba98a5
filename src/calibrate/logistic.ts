/**
 * Logistic regression with a ridge penalty and optional non-negativity
 * bounds, by projected Newton with an active set (Bertsekas 1982). Responses
 * may be fractional (y ∈ [0,1]): given population choice probabilities the
 * estimator recovers the true coefficients exactly, which is the known-answer
 * test of the two-step pseudo-likelihood estimator for discrete games.
 */
export interface LogisticProblem {
  /** Row-major design matrix, n rows × k columns. */
  X: Float64Array;
  n: number;
  k: number;
  /** Responses in [0,1]. */
  y: Float64Array;
  /** Known offset added to each linear predictor (e.g. a state's bias). */
  offset?: Float64Array;
  /** Ridge penalty ½·ridge·(β_j − prior_j)² per penalised column. */
  ridge: number;
  /** Centre of the ridge penalty (a Gaussian prior's mean); 0 when absent. */
  prior?: Float64Array;
  /** Which columns the ridge penalises (the intercept usually not). */
  penalised: boolean[];
  /** Which columns must stay ≥ 0. */
  nonNegative: boolean[];
}

export interface LogisticFit {
  beta: Float64Array;
  /** Standard errors from the inverse penalised information on the free columns; null at a bound. */
  se: Array<number | null>;
  atBound: boolean[];
  logLikelihood: number;
  iterations: number;
  converged: boolean;
}

const MAX_ITERATIONS = 200;
const GRADIENT_TOLERANCE = 1e-11;

function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** log(1 + e^x) without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

function predictor(p: LogisticProblem, beta: Float64Array, i: number): number {
  let eta = p.offset ? p.offset[i] : 0;
  for (let j = 0; j < p.k; j++) eta += p.X[i * p.k + j] * beta[j];
  return eta;
}

/** Penalised negative log-likelihood. */
export function objective(p: LogisticProblem, beta: Float64Array): number {
  let f = 0;
  for (let i = 0; i < p.n; i++) {
    const eta = predictor(p, beta, i);
    f += softplus(eta) - p.y[i] * eta;
  }
  for (let j = 0; j < p.k; j++) {
    if (!p.penalised[j]) continue;
    const d = beta[j] - (p.prior ? p.prior[j] : 0);
    f += 0.5 * p.ridge * d * d;
  }
  return f;
}

function gradientAndHessian(p: LogisticProblem, beta: Float64Array): { g: Float64Array; H: Float64Array } {
  const { k } = p;
  const g = new Float64Array(k);
  const H = new Float64Array(k * k);
  for (let i = 0; i < p.n; i++) {
    const mu = sigmoid(predictor(p, beta, i));
    const w = mu * (1 - mu);
    const r = mu - p.y[i];
    for (let a = 0; a < k; a++) {
      const xa = p.X[i * k + a];
      g[a] += r * xa;
      for (let b = 0; b <= a; b++) H[a * k + b] += w * xa * p.X[i * k + b];
    }
  }
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < a; b++) H[b * k + a] = H[a * k + b];
    if (p.penalised[a]) {
      g[a] += p.ridge * (beta[a] - (p.prior ? p.prior[a] : 0));
      H[a * k + a] += p.ridge;
    }
  }
  return { g, H };
}

/** Solves the symmetric system restricted to the index set `free`; null if singular. */
function solveSubsystem(H: Float64Array, rhs: Float64Array, k: number, free: number[]): Float64Array | null {
  const m = free.length;
  const A = new Float64Array(m * (m + 1));
  free.forEach((a, r) => {
    free.forEach((b, c) => (A[r * (m + 1) + c] = H[a * k + b]));
    A[r * (m + 1) + m] = rhs[a];
  });
  for (let c = 0; c < m; c++) {
    let pivot = c;
    for (let r = c + 1; r < m; r++) if (Math.abs(A[r * (m + 1) + c]) > Math.abs(A[pivot * (m + 1) + c])) pivot = r;
    if (Math.abs(A[pivot * (m + 1) + c]) < 1e-14) return null;
    for (let x = 0; x <= m; x++)
      [A[c * (m + 1) + x], A[pivot * (m + 1) + x]] = [A[pivot * (m + 1) + x], A[c * (m + 1) + x]];
    for (let r = 0; r < m; r++) {
      if (r === c) continue;
      const f = A[r * (m + 1) + c] / A[c * (m + 1) + c];
      if (f !== 0) for (let x = c; x <= m; x++) A[r * (m + 1) + x] -= f * A[c * (m + 1) + x];
    }
  }
  const out = new Float64Array(k);
  free.forEach((a, r) => (out[a] = A[r * (m + 1) + m] / A[r * (m + 1) + r]));
  return out;
}

/** Inverse of H restricted to `free` (for standard errors). */
function inverseDiagonal(H: Float64Array, k: number, free: number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const a of free) {
    const e = new Float64Array(k);
    e[a] = 1;
    const col = solveSubsystem(H, e, k, free);
    if (col) out.set(a, col[a]);
  }
  return out;
}

export function fitLogistic(p: LogisticProblem, start?: Float64Array): LogisticFit {
  const { k } = p;
  const beta = start ? start.slice() : new Float64Array(k);
  for (let j = 0; j < k; j++) if (p.nonNegative[j] && beta[j] < 0) beta[j] = 0;
  let iterations = 0;
  let converged = false;
  for (; iterations < MAX_ITERATIONS; iterations++) {
    const { g, H } = gradientAndHessian(p, beta);
    // Active set: at the bound with the gradient pushing further down.
    const bound = Array.from({ length: k }, (_, j) => p.nonNegative[j] && beta[j] <= 0 && g[j] > 0);
    const free = [...Array(k).keys()].filter((j) => !bound[j]);
    let kkt = 0;
    for (const j of free) kkt = Math.max(kkt, Math.abs(g[j]));
    if (kkt < GRADIENT_TOLERANCE * Math.max(1, p.n)) {
      converged = true;
      break;
    }
    const step = solveSubsystem(H, g, k, free);
    if (!step) break;
    const f0 = objective(p, beta);
    let t = 1;
    let accepted = false;
    for (let ls = 0; ls < 60; ls++, t /= 2) {
      const trial = beta.slice();
      for (const j of free) {
        trial[j] = beta[j] - t * step[j];
        if (p.nonNegative[j] && trial[j] < 0) trial[j] = 0;
      }
      if (objective(p, trial) <= f0 + 1e-15 * Math.abs(f0)) {
        const moved = trial.some((v, j) => v !== beta[j]);
        beta.set(trial);
        accepted = moved;
        break;
      }
    }
    if (!accepted) {
      converged = kkt < 1e-6 * Math.max(1, p.n);
      break;
    }
  }
  const { g, H } = gradientAndHessian(p, beta);
  const atBound = Array.from({ length: k }, (_, j) => p.nonNegative[j] && beta[j] <= 0 && g[j] >= -1e-9);
  const free = [...Array(k).keys()].filter((j) => !atBound[j]);
  const inv = inverseDiagonal(H, k, free);
  const se = Array.from({ length: k }, (_, j) =>
    atBound[j] || !inv.has(j) ? null : Math.sqrt(Math.max(0, inv.get(j)!)),
  );
  let ll = 0;
  for (let i = 0; i < p.n; i++) {
    const eta = predictor(p, beta, i);
    ll += p.y[i] * eta - softplus(eta);
  }
  return { beta, se, atBound, logLikelihood: ll, iterations, converged };
}
