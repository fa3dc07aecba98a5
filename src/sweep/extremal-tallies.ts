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
 * Tie rules as in nash.ts: the least equilibrium signs iff Δ > tol, the
 * greatest keeps signing iff Δ ≥ −tol, tol = TIE_TOLERANCE·(1 + |a_i|).
 */
import type { LinearGame } from '../solve/game.js';
import { TIE_TOLERANCE, type FixedActions, type NashWorkspace } from '../solve/nash.js';

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
