/**
 * The least and greatest pure Nash equilibria of a supermodular game, for
 * sweeps: the same equilibria as `monotoneSolve` (src/solve/nash.ts) but
 * found by Gauss–Seidel instead of Jacobi updates, which needs about half
 * the passes over the states. In a supermodular game any sequence of
 * upward best responses from all-abstain stays below the least equilibrium
 * and stops on it (Topkis 1979), so the order of updates changes the path,
 * never the equilibrium; likewise downward from all-sign. The round-by-round
 * path of the cascade, which does depend on the order, is not produced:
 * reports that show it use `extremalEquilibria`.
 *
 * Before the Gauss–Seidel passes, a threshold walk does most of the work
 * in one pass: with the rivals' part fixed, state i joins once the number
 * of signers T passes a threshold (Granovetter 1978), so the states are
 * sorted by threshold (counting sort: thresholds are integers 0..N) and
 * signed in that order while T allows. Every flip is checked with the exact
 * Δ, and the passes that follow catch whatever the walk missed (flips set
 * off by rivals), so the walk only saves time, never changes the result.
 *
 * Tie rules as in nash.ts: the least equilibrium signs iff Δ > tol, the
 * greatest keeps signing iff Δ ≥ −tol, tol = TIE_TOLERANCE·(1 + |a_i|).
 */
import type { LinearGame } from '../solve/game.js';
import { nashWorkspace, TIE_TOLERANCE, type FixedActions, type NashWorkspace } from '../solve/nash.js';

/** Buffers of the threshold walk, beside the profile and local sums of a NashWorkspace. */
export interface TallyWorkspace extends NashWorkspace {
  key: Int32Array;
  count: Int32Array;
  order: Int32Array;
}

export function tallyWorkspace(n: number): TallyWorkspace {
  return { ...nashWorkspace(n), key: new Int32Array(n), count: new Int32Array(n + 2), order: new Int32Array(n) };
}

/** Sorts the states with key ≥ 0 by key (ascending), into ws.order; returns how many. */
function sortByKey(ws: TallyWorkspace, n: number): number {
  const { key, count, order } = ws;
  count.fill(0);
  let len = 0;
  for (let i = 0; i < n; i++) if (key[i] >= 0) (count[key[i] + 1]++, len++);
  for (let k = 1; k < count.length; k++) count[k] += count[k - 1];
  for (let i = 0; i < n; i++) if (key[i] >= 0) order[count[key[i]]++] = i;
  return len;
}

/** Least equilibrium into ws.s; returns the number of signers. */
export function leastTally(game: LinearGame, fixed: FixedActions, ws: NashWorkspace): number {
  const { n, a, m, colPtr, row, tval } = game;
  const { s, local } = ws;
  const scale = n > 1 ? 1 / (n - 1) : 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    local[i] = 0;
    s[i] = fixed[i] === 1 ? 1 : 0;
    total += s[i];
  }
  if (total > 0) for (let j = 0; j < n; j++) if (s[j] === 1) for (let k = colPtr[j]; k < colPtr[j + 1]; k++) local[row[k]] += tval[k];
  if (isTallyWorkspace(ws)) {
    // Threshold of state i: the least T with m_i·T/(N − 1) > tol − a_i − local_i.
    const key = ws.key;
    for (let i = 0; i < n; i++) {
      key[i] = -1;
      if (s[i] === 1 || fixed[i] !== -1) continue;
      const ai = a[i];
      const need = TIE_TOLERANCE * (1 + (ai < 0 ? -ai : ai)) - ai - local[i];
      const slope = m[i] * scale;
      key[i] = need < 0 ? 0 : slope > 0 ? Math.min(n + 1, Math.floor(need / slope) + 1) : n + 1;
    }
    const len = sortByKey(ws, n);
    const order = ws.order;
    for (let p = 0; p < len && key[order[p]] <= total; p++) {
      const i = order[p];
      const ai = a[i];
      if (ai + m[i] * total * scale + local[i] > TIE_TOLERANCE * (1 + (ai < 0 ? -ai : ai))) {
        s[i] = 1;
        total++;
        for (let k = colPtr[i]; k < colPtr[i + 1]; k++) local[row[k]] += tval[k];
      }
    }
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < n; i++) {
      if (s[i] === 1 || fixed[i] !== -1) continue;
      const ai = a[i];
      const delta = ai + m[i] * total * scale + local[i];
      if (delta > TIE_TOLERANCE * (1 + (ai < 0 ? -ai : ai))) {
        s[i] = 1;
        total++;
        for (let k = colPtr[i]; k < colPtr[i + 1]; k++) local[row[k]] += tval[k];
        changed = true;
      }
    }
  }
  return total;
}

/** Greatest equilibrium into ws.s; returns the number of signers. */
export function greatestTally(game: LinearGame, fixed: FixedActions, ws: NashWorkspace): number {
  const { n, a, m, colPtr, row, tval } = game;
  const { s, local } = ws;
  const scale = n > 1 ? 1 / (n - 1) : 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    local[i] = 0;
    s[i] = fixed[i] === 0 ? 0 : 1;
    total += s[i];
  }
  for (let j = 0; j < n; j++) if (s[j] === 1) for (let k = colPtr[j]; k < colPtr[j + 1]; k++) local[row[k]] += tval[k];
  if (isTallyWorkspace(ws)) {
    // State i leaves while m_i·(T − 1)/(N − 1) < −tol − a_i − local_i, i.e. while T < need/slope + 1:
    // walk the states by that bound, highest first (key = N + 1 − bound, ascending).
    const key = ws.key;
    for (let i = 0; i < n; i++) {
      key[i] = -1;
      if (s[i] === 0 || fixed[i] !== -1) continue;
      const ai = a[i];
      const need = -TIE_TOLERANCE * (1 + (ai < 0 ? -ai : ai)) - ai - local[i];
      const slope = m[i] * scale;
      const bound = need <= 0 ? 0 : slope > 0 ? Math.min(n + 1, Math.ceil(need / slope + 1)) : n + 1;
      key[i] = n + 1 - bound;
    }
    const len = sortByKey(ws, n);
    const order = ws.order;
    for (let p = 0; p < len && n + 1 - key[order[p]] >= total; p++) {
      const i = order[p];
      const ai = a[i];
      if (ai + m[i] * (total - 1) * scale + local[i] < -TIE_TOLERANCE * (1 + (ai < 0 ? -ai : ai))) {
        s[i] = 0;
        total--;
        for (let k = colPtr[i]; k < colPtr[i + 1]; k++) local[row[k]] -= tval[k];
      }
    }
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < n; i++) {
      if (s[i] === 0 || fixed[i] !== -1) continue;
      const ai = a[i];
      const delta = ai + m[i] * (total - 1) * scale + local[i];
      if (delta < -TIE_TOLERANCE * (1 + (ai < 0 ? -ai : ai))) {
        s[i] = 0;
        total--;
        for (let k = colPtr[i]; k < colPtr[i + 1]; k++) local[row[k]] -= tval[k];
        changed = true;
      }
    }
  }
  return total;
}

function isTallyWorkspace(ws: NashWorkspace): ws is TallyWorkspace {
  return (ws as TallyWorkspace).key !== undefined;
}
