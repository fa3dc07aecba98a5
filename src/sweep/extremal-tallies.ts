/**
 * The least and greatest pure Nash equilibria of a supermodular game, for
 * sweeps: the same equilibria as `monotoneSolve` (src/solve/nash.ts) but
 * found by Gauss–Seidel instead of Jacobi updates, over a shrinking list of
 * the states that can still switch. In a supermodular game any sequence of
 * upward best responses from all-abstain stays below the least equilibrium
 * and stops on it (Topkis 1979), so the order of updates changes the path,
 * never the equilibrium; likewise downward from all-sign. The round-by-round
 * path of the cascade, which does depend on the order, is not produced:
 * reports that show it use `extremalEquilibria`.
 *
 * Tie rules as in nash.ts: the least equilibrium signs iff Δ > tol, the
 * greatest keeps signing iff Δ ≥ −tol, tol = TIE_TOLERANCE·(1 + |a_i|).
 */
import type { LinearGame } from '../solve/game.js';
import { nashWorkspace, TIE_TOLERANCE, type FixedActions, type NashWorkspace } from '../solve/nash.js';

/** A NashWorkspace plus the list of states that may still switch. */
export interface TallyWorkspace extends NashWorkspace {
  candidates: Int32Array;
}

export function tallyWorkspace(n: number): TallyWorkspace {
  return { ...nashWorkspace(n), candidates: new Int32Array(n) };
}

/** Least equilibrium into ws.s; returns the number of signers. */
export function leastTally(game: LinearGame, fixed: FixedActions, ws: TallyWorkspace): number {
  const { n, a, m, colPtr, row, tval } = game;
  const { s, local, candidates } = ws;
  const scale = n > 1 ? 1 / (n - 1) : 0;
  let total = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    local[i] = 0;
    s[i] = fixed[i] === 1 ? 1 : 0;
    total += s[i];
    if (fixed[i] === -1) candidates[count++] = i;
  }
  if (total > 0) for (let j = 0; j < n; j++) if (s[j] === 1) for (let k = colPtr[j]; k < colPtr[j + 1]; k++) local[row[k]] += tval[k];
  for (let changed = true; changed; ) {
    changed = false;
    for (let c = 0; c < count; ) {
      const i = candidates[c];
      const ai = a[i];
      if (ai + m[i] * total * scale + local[i] > TIE_TOLERANCE * (1 + (ai < 0 ? -ai : ai))) {
        s[i] = 1;
        total++;
        for (let k = colPtr[i]; k < colPtr[i + 1]; k++) local[row[k]] += tval[k];
        // A signer never leaves on the way up: drop it from the list.
        candidates[c] = candidates[--count];
        changed = true;
      } else c++;
    }
  }
  return total;
}

/** Greatest equilibrium into ws.s; returns the number of signers. */
export function greatestTally(game: LinearGame, fixed: FixedActions, ws: TallyWorkspace): number {
  const { n, a, m, colPtr, row, tval } = game;
  const { s, local, candidates } = ws;
  const scale = n > 1 ? 1 / (n - 1) : 0;
  let total = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    local[i] = 0;
    s[i] = fixed[i] === 0 ? 0 : 1;
    total += s[i];
    if (fixed[i] === -1) candidates[count++] = i;
  }
  for (let j = 0; j < n; j++) if (s[j] === 1) for (let k = colPtr[j]; k < colPtr[j + 1]; k++) local[row[k]] += tval[k];
  for (let changed = true; changed; ) {
    changed = false;
    for (let c = 0; c < count; ) {
      const i = candidates[c];
      const ai = a[i];
      if (ai + m[i] * (total - 1) * scale + local[i] < -TIE_TOLERANCE * (1 + (ai < 0 ? -ai : ai))) {
        s[i] = 0;
        total--;
        for (let k = colPtr[i]; k < colPtr[i + 1]; k++) local[row[k]] -= tval[k];
        candidates[c] = candidates[--count];
        changed = true;
      } else c++;
    }
  }
  return total;
}
