/**
 * The least and greatest pure Nash equilibria of a supermodular game with a
 * warm start, for sweeps and seek: the same equilibria as `monotoneSolve` (nash.ts) but
 * found by Gauss–Seidel instead of Jacobi updates, over a shrinking list of
 * the states that can still switch. In a supermodular game any sequence of
 * upward best responses from all-abstain stays below the least equilibrium
 * and stops on it (Topkis 1979), so the order of updates changes the path,
 * never the equilibrium; likewise downward from all-sign. The round-by-round
 * path of the cascade, which does depend on the order, is not produced:
 * reports that show it use `extremalEquilibria`.
 *
 * Warm order. A sweep solves many nearby games on one workspace, and the
 * states that switched at the last point mostly switch again, in much the
 * same order (the cascade follows the thresholds). So each solve first
 * offers the switch to the states of the previous solve's cascade, in their
 * order, which usually brings the whole cascade in one pass; the Gauss–Seidel
 * passes over every candidate then follow as before and stop only after a
 * full pass in which nobody switches. Every switch is an exact best response
 * (the same Δ comparison as the Jacobi solver) and the stopping test is the
 * same exact check of every remaining candidate, so the order can only save
 * work: the result is the extremal equilibrium whatever the workspace held.
 *
 * Floor. The greatest equilibrium lies above the least (Tarski 1955), and
 * so does every profile on the way down from all-sign: a state that signs
 * in the least equilibrium has Δ > tol there, hence Δ ≥ Δ(least) > tol ≥
 * −tol on the whole way down (Δ rises with the others' signatures), and
 * never leaves. `greatestTally` given the least equilibrium's profile
 * therefore checks only the states outside it: at the many points where
 * the two equilibria coincide its last pass checks nobody. (The margin
 * between the two tie rules, 2·tol, is orders of magnitude above the
 * rounding of Δ's few additions.)
 *
 * Tie rules as in nash.ts (docs/model.md, "The tie rule"): the least
 * equilibrium signs iff Δ > tol, the greatest keeps signing iff Δ ≥ −tol,
 * tol = TIE_TOLERANCE·(1 + |a_i|).
 */
import type { LinearGame } from './game.js';
import { nashWorkspace, TIE_TOLERANCE, type FixedActions, type NashWorkspace } from './nash.js';

/** A NashWorkspace plus the list of states that may still switch and the previous solves' cascades. */
export interface TallyWorkspace extends NashWorkspace {
  candidates: Int32Array;
  /** The last least solve's profile: the floor of a greatest solve that follows it. */
  floor: Uint8Array;
  /** The states that signed in the last least solve, in order (the first `leastSwitched`). */
  leastOrder: Int32Array;
  leastSwitched: number;
  /** The states that left in the last greatest solve, in order (the first `greatestSwitched`). */
  greatestOrder: Int32Array;
  greatestSwitched: number;
}

export function tallyWorkspace(n: number): TallyWorkspace {
  return {
    ...nashWorkspace(n),
    candidates: new Int32Array(n),
    floor: new Uint8Array(n),
    leastOrder: new Int32Array(n),
    leastSwitched: 0,
    greatestOrder: new Int32Array(n),
    greatestSwitched: 0,
  };
}

/** Least equilibrium into ws.s; returns the number of signers. */
export function leastTally(game: LinearGame, fixed: FixedActions, ws: TallyWorkspace): number {
  const { n, a, m, colPtr, row, tval } = game;
  const { s, local, candidates, leastOrder: order } = ws;
  const scale = n > 1 ? 1 / (n - 1) : 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    local[i] = 0;
    s[i] = fixed[i] === 1 ? 1 : 0;
    total += s[i];
  }
  if (total > 0)
    for (let j = 0; j < n; j++)
      if (s[j] === 1) for (let k = colPtr[j]; k < colPtr[j + 1]; k++) local[row[k]] += tval[k];
  // The previous cascade first, in its order; the list is rewritten in place with this one.
  let switched = 0;
  const hinted = ws.leastSwitched;
  for (let h = 0; h < hinted; h++) {
    const i = order[h];
    if (i >= n || fixed[i] !== -1 || s[i] === 1) continue;
    const ai = a[i];
    if (ai + m[i] * total * scale + local[i] > TIE_TOLERANCE * (1 + (ai < 0 ? -ai : ai))) {
      s[i] = 1;
      total++;
      for (let k = colPtr[i]; k < colPtr[i + 1]; k++) local[row[k]] += tval[k];
      order[switched++] = i;
    }
  }
  // Then Gauss–Seidel passes over the states still abstaining, until a pass in which nobody
  // switches. A signer never leaves on the way up: each pass keeps only the abstainers.
  let count = 0;
  for (let i = 0; i < n; i++) if (fixed[i] === -1 && s[i] === 0) candidates[count++] = i;
  for (let moved = count > 0; moved;) {
    moved = false;
    let kept = 0;
    for (let c = 0; c < count; c++) {
      const i = candidates[c];
      const ai = a[i];
      if (ai + m[i] * total * scale + local[i] > TIE_TOLERANCE * (1 + (ai < 0 ? -ai : ai))) {
        s[i] = 1;
        total++;
        for (let k = colPtr[i]; k < colPtr[i + 1]; k++) local[row[k]] += tval[k];
        order[switched++] = i;
        moved = true;
      } else candidates[kept++] = i;
    }
    count = kept;
  }
  ws.leastSwitched = switched;
  ws.floor.set(s);
  return total;
}

/**
 * Greatest equilibrium into ws.s; returns the number of signers. With
 * `aboveLeast`, ws.floor must hold the least equilibrium of this same game
 * (the `leastTally` just before): its signers are not checked (see Floor).
 */
export function greatestTally(game: LinearGame, fixed: FixedActions, ws: TallyWorkspace, aboveLeast = false): number {
  const { n, a, m, colPtr, row, tval } = game;
  const { s, local, candidates, greatestOrder: order } = ws;
  // Without the least equilibrium, nobody is known to stay: an all-abstain floor.
  const floor = aboveLeast ? ws.floor : ws.floor.fill(0);
  const scale = n > 1 ? 1 / (n - 1) : 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    local[i] = 0;
    s[i] = fixed[i] === 0 ? 0 : 1;
    total += s[i];
  }
  for (let j = 0; j < n; j++) if (s[j] === 1) for (let k = colPtr[j]; k < colPtr[j + 1]; k++) local[row[k]] += tval[k];
  let switched = 0;
  const hinted = ws.greatestSwitched;
  for (let h = 0; h < hinted; h++) {
    const i = order[h];
    if (i >= n || fixed[i] !== -1 || s[i] === 0 || floor[i] === 1) continue;
    const ai = a[i];
    if (ai + m[i] * (total - 1) * scale + local[i] < -TIE_TOLERANCE * (1 + (ai < 0 ? -ai : ai))) {
      s[i] = 0;
      total--;
      for (let k = colPtr[i]; k < colPtr[i + 1]; k++) local[row[k]] -= tval[k];
      order[switched++] = i;
    }
  }
  let count = 0;
  for (let i = 0; i < n; i++) if (fixed[i] === -1 && s[i] === 1 && floor[i] === 0) candidates[count++] = i;
  for (let moved = count > 0; moved;) {
    moved = false;
    let kept = 0;
    for (let c = 0; c < count; c++) {
      const i = candidates[c];
      const ai = a[i];
      if (ai + m[i] * (total - 1) * scale + local[i] < -TIE_TOLERANCE * (1 + (ai < 0 ? -ai : ai))) {
        s[i] = 0;
        total--;
        for (let k = colPtr[i]; k < colPtr[i + 1]; k++) local[row[k]] -= tval[k];
        order[switched++] = i;
        moved = true;
      } else candidates[kept++] = i;
    }
    count = kept;
  }
  ws.greatestSwitched = switched;
  return total;
}
