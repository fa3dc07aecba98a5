/**
 * The compiled binary-action game every solver works on:
 *
 *   Δ_i(s) = a_i + m_i · (T(s) − s_i) / (N − 1) + Σ_j B_ij · s_j
 *
 * with T(s) the number of signers and B sparse in CSR form. The transpose
 * (CSC) is kept beside it so a flip of j updates only the rows that depend
 * on j. Any binary-action game with linear interactions fits: a 2×2 game, a
 * Granovetter crowd, the 85-state baseline.
 */
export interface LinearGame {
  readonly n: number;
  /** Stand-alone net gain of signing. */
  readonly a: Float64Array;
  /** Mean-field coefficient on the share of the others that sign. */
  readonly m: Float64Array;
  /** CSR of B: row i's entries are rowPtr[i]..rowPtr[i+1]-1. */
  readonly rowPtr: Int32Array;
  readonly col: Int32Array;
  readonly val: Float64Array;
  /** CSC of B: the rows i with B_ij ≠ 0 for column j. */
  readonly colPtr: Int32Array;
  readonly row: Int32Array;
  readonly tval: Float64Array;
  /** tval[k] = val[transposePerm[k]], to refresh the transpose after rewriting val. */
  readonly transposePerm: Int32Array;
}

export interface SparseEntry {
  i: number;
  j: number;
  value: number;
}

/** Builds a game from dense stand-alone gains and a list of interactions (duplicates are summed). */
export function makeGame(a: ArrayLike<number>, m: ArrayLike<number>, entries: readonly SparseEntry[]): LinearGame {
  const n = a.length;
  if (m.length !== n) throw new RangeError(`m has length ${m.length}, expected ${n}`);
  const merged = new Map<number, number>();
  for (const { i, j, value } of entries) {
    if (i < 0 || i >= n || j < 0 || j >= n) throw new RangeError(`interaction (${i}, ${j}) outside 0..${n - 1}`);
    if (i === j) throw new RangeError(`interaction (${i}, ${i}) is a self-interaction`);
    const key = i * n + j;
    merged.set(key, (merged.get(key) ?? 0) + value);
  }
  const keys = [...merged.keys()].sort((x, y) => x - y);
  const rowPtr = new Int32Array(n + 1);
  const col = new Int32Array(keys.length);
  const val = new Float64Array(keys.length);
  keys.forEach((key, k) => {
    const i = Math.floor(key / n);
    rowPtr[i + 1]++;
    col[k] = key - i * n;
    val[k] = merged.get(key)!;
  });
  for (let i = 0; i < n; i++) rowPtr[i + 1] += rowPtr[i];
  return withTranspose(n, Float64Array.from(a), Float64Array.from(m), rowPtr, col, val);
}

/** Adds the CSC transpose to a CSR game. */
export function withTranspose(
  n: number,
  a: Float64Array,
  m: Float64Array,
  rowPtr: Int32Array,
  col: Int32Array,
  val: Float64Array,
): LinearGame {
  const nnz = col.length;
  const colPtr = new Int32Array(n + 1);
  for (let k = 0; k < nnz; k++) colPtr[col[k] + 1]++;
  for (let j = 0; j < n; j++) colPtr[j + 1] += colPtr[j];
  const fill = colPtr.slice(0, n);
  const row = new Int32Array(nnz);
  const tval = new Float64Array(nnz);
  const transposePerm = new Int32Array(nnz);
  for (let i = 0; i < n; i++) {
    for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
      const slot = fill[col[k]]++;
      row[slot] = i;
      tval[slot] = val[k];
      transposePerm[slot] = k;
    }
  }
  return { n, a, m, rowPtr, col, val, colPtr, row, tval, transposePerm };
}

/** Copies val into tval after val was rewritten in place (same sparsity pattern). */
export function refreshTranspose(game: LinearGame): void {
  const { tval, val, transposePerm } = game;
  for (let k = 0; k < tval.length; k++) tval[k] = val[transposePerm[k]];
}

/** Δ_i at a (possibly mixed) profile x ∈ [0,1]^N: the exact expectation, since Δ is linear in the others. */
export function netGain(game: LinearGame, x: ArrayLike<number>, i: number, total?: number): number {
  let t = total;
  if (t === undefined) {
    t = 0;
    for (let j = 0; j < game.n; j++) t += x[j];
  }
  let sum = game.a[i] + (game.n > 1 ? (game.m[i] * (t - x[i])) / (game.n - 1) : 0);
  for (let k = game.rowPtr[i]; k < game.rowPtr[i + 1]; k++) sum += game.val[k] * x[game.col[k]];
  return sum;
}

/**
 * The change of Δ_i along a direction w (W = Σ_j w_j): m_i·(W − w_i)/(N − 1)
 * + Σ_j B_ij·w_j, the Jacobian row of Δ applied to w (a_i drops out). The
 * QRE solvers' matrix-free Newton and continuation steps are built on it.
 */
export function gainChange(game: LinearGame, w: ArrayLike<number>, i: number, sum: number): number {
  const scale = game.n > 1 ? 1 / (game.n - 1) : 0;
  let g = game.m[i] * (sum - w[i]) * scale;
  for (let k = game.rowPtr[i]; k < game.rowPtr[i + 1]; k++) g += game.val[k] * w[game.col[k]];
  return g;
}

/** Δ for every state at profile x. */
export function netGains(game: LinearGame, x: ArrayLike<number>): Float64Array {
  let t = 0;
  for (let j = 0; j < game.n; j++) t += x[j];
  const out = new Float64Array(game.n);
  for (let i = 0; i < game.n; i++) out[i] = netGain(game, x, i, t);
  return out;
}

/**
 * True when every interaction is a complement (m ≥ 0, B ≥ 0): the game is
 * supermodular and best-response iteration finds the extremal equilibria.
 */
export function isSupermodular(game: LinearGame): boolean {
  for (let i = 0; i < game.n; i++) if (game.m[i] < 0) return false;
  for (let k = 0; k < game.val.length; k++) if (game.val[k] < 0) return false;
  return true;
}
