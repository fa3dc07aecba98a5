/**
 * Linear solvers for the QRE solvers' Newton and continuation steps: dense
 * LU with partial pivoting for small systems, and restarted GMRES (Saad &
 * Schultz 1986) driven by a matrix–vector product for large sparse ones, so
 * that no N × N matrix is formed when N is in the thousands.
 */

/** Above this many unknowns the solvers switch from dense LU to matrix-free GMRES. */
export const DENSE_LIMIT = 40;

/**
 * Solves A x = b in place for a dense row-major k × k matrix (overwritten).
 * Returns x, or null when A is numerically singular.
 */
export function denseSolve(A: Float64Array, b: Float64Array, k: number): Float64Array | null {
  const x = Float64Array.from(b);
  let scale = 0;
  for (let i = 0; i < A.length; i++) scale = Math.max(scale, Math.abs(A[i]));
  const tiny = (scale || 1) * 1e-14;
  for (let c = 0; c < k; c++) {
    let pivot = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(A[r * k + c]) > Math.abs(A[pivot * k + c])) pivot = r;
    if (!(Math.abs(A[pivot * k + c]) > tiny)) return null;
    if (pivot !== c) {
      for (let j = 0; j < k; j++) {
        const t = A[c * k + j];
        A[c * k + j] = A[pivot * k + j];
        A[pivot * k + j] = t;
      }
      const t = x[c];
      x[c] = x[pivot];
      x[pivot] = t;
    }
    const d = A[c * k + c];
    for (let r = c + 1; r < k; r++) {
      const f = A[r * k + c] / d;
      if (f === 0) continue;
      for (let j = c; j < k; j++) A[r * k + j] -= f * A[c * k + j];
      x[r] -= f * x[c];
    }
  }
  for (let r = k - 1; r >= 0; r--) {
    let s = x[r];
    for (let j = r + 1; j < k; j++) s -= A[r * k + j] * x[j];
    x[r] = s / A[r * k + r];
  }
  for (let r = 0; r < k; r++) if (!Number.isFinite(x[r])) return null;
  return x;
}

export interface GmresOptions {
  /** Relative residual ‖b − Ax‖/‖b‖ to reach. */
  tolerance?: number;
  restart?: number;
  maxIterations?: number;
}

/**
 * Restarted GMRES for A x = b, with A given by `multiply(v, out)` (out = A v).
 * Returns x and whether the tolerance was reached. Memory: (restart + 2)
 * vectors of length k.
 */
export function gmres(
  multiply: (v: Float64Array, out: Float64Array) => void,
  b: Float64Array,
  options: GmresOptions = {},
): { x: Float64Array; converged: boolean; iterations: number } {
  const k = b.length;
  const tolerance = options.tolerance ?? 1e-13;
  const restart = Math.min(options.restart ?? 60, Math.max(1, k));
  const maxIterations = options.maxIterations ?? 20 * restart;
  const x = new Float64Array(k);
  const bNorm = norm(b);
  if (bNorm === 0) return { x, converged: true, iterations: 0 };
  const V: Float64Array[] = Array.from({ length: restart + 1 }, () => new Float64Array(k));
  const H = new Float64Array((restart + 1) * restart);
  const cs = new Float64Array(restart);
  const sn = new Float64Array(restart);
  const g = new Float64Array(restart + 1);
  const w = new Float64Array(k);
  let iterations = 0;
  while (iterations < maxIterations) {
    multiply(x, w);
    for (let i = 0; i < k; i++) V[0][i] = b[i] - w[i];
    let beta = norm(V[0]);
    if (beta / bNorm <= tolerance) return { x, converged: true, iterations };
    for (let i = 0; i < k; i++) V[0][i] /= beta;
    g.fill(0);
    g[0] = beta;
    let used = 0;
    for (let j = 0; j < restart && iterations < maxIterations; j++, iterations++) {
      multiply(V[j], w);
      // Modified Gram–Schmidt.
      for (let i = 0; i <= j; i++) {
        const h = dot(w, V[i]);
        H[i * restart + j] = h;
        for (let t = 0; t < k; t++) w[t] -= h * V[i][t];
      }
      const h = norm(w);
      H[(j + 1) * restart + j] = h;
      if (h > 0) for (let t = 0; t < k; t++) V[j + 1][t] = w[t] / h;
      for (let i = 0; i < j; i++) {
        const a = H[i * restart + j];
        const c = H[(i + 1) * restart + j];
        H[i * restart + j] = cs[i] * a + sn[i] * c;
        H[(i + 1) * restart + j] = -sn[i] * a + cs[i] * c;
      }
      const a = H[j * restart + j];
      const c = H[(j + 1) * restart + j];
      const r = Math.hypot(a, c);
      cs[j] = r === 0 ? 1 : a / r;
      sn[j] = r === 0 ? 0 : c / r;
      H[j * restart + j] = r;
      H[(j + 1) * restart + j] = 0;
      g[j + 1] = -sn[j] * g[j];
      g[j] = cs[j] * g[j];
      used = j + 1;
      if (Math.abs(g[j + 1]) / bNorm <= tolerance || h === 0) break;
    }
    // Back substitution for y, then x += V y.
    const y = new Float64Array(used);
    for (let i = used - 1; i >= 0; i--) {
      let s = g[i];
      for (let t = i + 1; t < used; t++) s -= H[i * restart + t] * y[t];
      y[i] = H[i * restart + i] === 0 ? 0 : s / H[i * restart + i];
    }
    for (let i = 0; i < used; i++) for (let t = 0; t < k; t++) x[t] += y[i] * V[i][t];
    beta = Math.abs(g[used]);
    if (beta / bNorm <= tolerance) {
      multiply(x, w);
      let r = 0;
      for (let i = 0; i < k; i++) r += (b[i] - w[i]) ** 2;
      if (Math.sqrt(r) / bNorm <= tolerance * 10) return { x, converged: true, iterations };
    }
  }
  return { x, converged: false, iterations };
}

export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export function norm(a: Float64Array): number {
  return Math.sqrt(dot(a, a));
}
