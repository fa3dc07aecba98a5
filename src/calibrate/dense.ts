/** Small dense linear algebra for the panel fit: K × K systems, K ≈ 15. */

/** Solves A x = b (A n × n, row-major) by Gaussian elimination with partial pivoting; null if singular. */
export function solve(A: Float64Array, b: Float64Array, n: number): Float64Array | null {
  const M = new Float64Array(n * (n + 1));
  let scale = 0;
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      M[r * (n + 1) + c] = A[r * n + c];
      scale = Math.max(scale, Math.abs(A[r * n + c]));
    }
    M[r * (n + 1) + n] = b[r];
  }
  const tiny = 1e-13 * Math.max(scale, 1e-300);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r * (n + 1) + c]) > Math.abs(M[pivot * (n + 1) + c])) pivot = r;
    if (!(Math.abs(M[pivot * (n + 1) + c]) > tiny)) return null;
    if (pivot !== c)
      for (let x = 0; x <= n; x++)
        [M[c * (n + 1) + x], M[pivot * (n + 1) + x]] = [M[pivot * (n + 1) + x], M[c * (n + 1) + x]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r * (n + 1) + c] / M[c * (n + 1) + c];
      if (f !== 0) for (let x = c; x <= n; x++) M[r * (n + 1) + x] -= f * M[c * (n + 1) + x];
    }
  }
  return Float64Array.from({ length: n }, (_, r) => M[r * (n + 1) + n] / M[r * (n + 1) + r]);
}

/** The submatrix of A (k × k) on the indices `idx`. */
export function submatrix(A: Float64Array, k: number, idx: readonly number[]): Float64Array {
  const m = idx.length;
  const out = new Float64Array(m * m);
  idx.forEach((a, r) => idx.forEach((b, c) => (out[r * m + c] = A[a * k + b])));
  return out;
}

/** Inverse of A (n × n); null if singular. */
export function inverse(A: Float64Array, n: number): Float64Array | null {
  const out = new Float64Array(n * n);
  for (let c = 0; c < n; c++) {
    const e = new Float64Array(n);
    e[c] = 1;
    const col = solve(A, e, n);
    if (!col) return null;
    for (let r = 0; r < n; r++) out[r * n + c] = col[r];
  }
  return out;
}

/** Whether A (symmetric) is positive definite, by Cholesky. */
export function isPositiveDefinite(A: Float64Array, n: number): boolean {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = A[i * n + j];
      for (let k = 0; k < j; k++) sum -= L[i * n + k] * L[j * n + k];
      if (i === j) {
        if (!(sum > 0)) return false;
        L[i * n + i] = Math.sqrt(sum);
      } else L[i * n + j] = sum / L[j * n + j];
    }
  }
  return true;
}
