/**
 * Pure Nash equilibria of the binary signing game.
 *
 * In a supermodular game (every interaction a complement) simultaneous
 * best-response iteration from all-abstain climbs to the least pure Nash
 * equilibrium and from all-sign descends to the greatest (Topkis 1979;
 * Milgrom & Roberts 1990); every other equilibrium lies between them. From
 * all-abstain the path is Granovetter's (1978) threshold cascade.
 *
 * Tie rules (docs/model.md, 'The tie rule'): the least equilibrium signs
 * iff Δ > 0, the greatest keeps signing iff Δ ≥ 0, so each is the extremal
 * one even when a state is exactly indifferent.
 *
 * With a negative interaction the game is not supermodular: the solver falls
 * back to round-robin best response with cycle detection and says so.
 */
import { isSupermodular, netGain, netGains, type LinearGame } from './game.js';

/** −1 free, 0 held at abstain, 1 held at sign, per state. */
export type FixedActions = Int8Array;

/** Relative slack on Δ comparisons, so that rounding never flips an exact tie. */
export const TIE_TOLERANCE = 1e-12;

export interface EquilibriumPath {
  /** States that switched in each round, in order (round 1 first). */
  rounds: number[][];
}

export interface PureEquilibrium {
  /** Action per state, 1 sign / 0 abstain. */
  profile: Uint8Array;
  signed: number;
  /** Round-by-round path from the starting profile (Jacobi updates). */
  rounds: number[][];
  /**
   * False when round-robin best response cycled from this start: `profile`
   * is then the last profile visited, not an equilibrium.
   */
  found: boolean;
}

export type SolverMethod = 'monotone' | 'round-robin';

export interface ExtremalEquilibria {
  method: SolverMethod;
  /** Least equilibrium (monotone) or the one reached from all-abstain (round-robin). */
  least: PureEquilibrium;
  /** Greatest equilibrium (monotone) or the one reached from all-sign (round-robin). */
  greatest: PureEquilibrium;
  /** False when round-robin best response cycled: then no pure equilibrium was found from that start. */
  converged: boolean;
  /** Why the fallback was used, when it was. */
  note?: string;
}

/** Reusable buffers, so a sweep can solve millions of points without allocating. */
export interface NashWorkspace {
  s: Uint8Array;
  local: Float64Array;
  flips: Int32Array;
}

export function nashWorkspace(n: number): NashWorkspace {
  return { s: new Uint8Array(n), local: new Float64Array(n), flips: new Int32Array(n) };
}

export function noFixedActions(n: number): FixedActions {
  return new Int8Array(n).fill(-1);
}

function tolerance(x: number): number {
  return TIE_TOLERANCE * (1 + Math.abs(x));
}

/**
 * Monotone simultaneous best response from all-abstain (direction +1) or
 * all-sign (direction −1). Returns the number of signers; fills ws.s with the
 * profile. When `rounds` is given, records who switched in each round.
 */
export function monotoneSolve(
  game: LinearGame,
  direction: 1 | -1,
  fixed: FixedActions | undefined,
  ws: NashWorkspace,
  rounds?: number[][],
): number {
  const { n, a, m, colPtr, row, tval } = game;
  const { s, local, flips } = ws;
  const start = direction === 1 ? 0 : 1;
  const scale = n > 1 ? 1 / (n - 1) : 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const f = fixed ? fixed[i] : -1;
    s[i] = f === -1 ? start : f;
    total += s[i];
    local[i] = 0;
  }
  for (let j = 0; j < n; j++) {
    if (s[j] === 0) continue;
    for (let k = colPtr[j]; k < colPtr[j + 1]; k++) local[row[k]] += tval[k];
  }
  for (;;) {
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (s[i] !== start || (fixed && fixed[i] !== -1)) continue;
      const delta = a[i] + m[i] * (total - s[i]) * scale + local[i];
      const tol = tolerance(a[i]);
      const switches = direction === 1 ? delta > tol : delta < -tol;
      if (switches) flips[count++] = i;
    }
    if (count === 0) break;
    const to = 1 - start;
    const sign = direction;
    for (let c = 0; c < count; c++) {
      const j = flips[c];
      s[j] = to;
      for (let k = colPtr[j]; k < colPtr[j + 1]; k++) local[row[k]] += sign * tval[k];
    }
    total += sign * count;
    if (rounds) rounds.push(Array.from(flips.subarray(0, count)));
  }
  return total;
}

/**
 * Round-robin (Gauss–Seidel) best response in index order from a start
 * profile, for games that are not supermodular. Stops at a pure equilibrium
 * or when a profile repeats at the end of a sweep (a best-response cycle).
 */
export function roundRobinSolve(
  game: LinearGame,
  startAction: 0 | 1,
  fixed: FixedActions | undefined,
  maxSweeps = 10_000,
): { profile: Uint8Array; rounds: number[][]; converged: boolean } {
  const n = game.n;
  const s = new Uint8Array(n);
  for (let i = 0; i < n; i++) s[i] = fixed && fixed[i] !== -1 ? fixed[i] : startAction;
  const seen = new Set<string>();
  const rounds: number[][] = [];
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    const key = Buffer.from(s).toString('base64');
    if (seen.has(key)) return { profile: s, rounds, converged: false };
    seen.add(key);
    const changed: number[] = [];
    let total = countSigned(s);
    for (let i = 0; i < n; i++) {
      if (fixed && fixed[i] !== -1) continue;
      const delta = netGain(game, s, i, total);
      // Ties abstain, as in the game's definition.
      const best = delta > tolerance(game.a[i]) ? 1 : 0;
      if (best !== s[i]) {
        total += best - s[i];
        s[i] = best;
        changed.push(i);
      }
    }
    if (changed.length === 0) return { profile: s, rounds, converged: true };
    rounds.push(changed);
  }
  return { profile: s, rounds, converged: false };
}

function countSigned(profile: Uint8Array): number {
  let t = 0;
  for (let i = 0; i < profile.length; i++) t += profile[i];
  return t;
}

/**
 * The least and greatest pure Nash equilibria, with the round-by-round path
 * of each. Falls back to round-robin best response (and says so) when the
 * game has a negative interaction.
 */
export function extremalEquilibria(game: LinearGame, fixed?: FixedActions): ExtremalEquilibria {
  if (!isSupermodular(game)) {
    const low = roundRobinSolve(game, 0, fixed);
    const high = roundRobinSolve(game, 1, fixed);
    return {
      method: 'round-robin',
      least: { profile: low.profile, signed: countSigned(low.profile), rounds: low.rounds, found: low.converged },
      greatest: {
        profile: high.profile,
        signed: countSigned(high.profile),
        rounds: high.rounds,
        found: high.converged,
      },
      converged: low.converged && high.converged,
      note:
        'a negative interaction makes the game non-supermodular: round-robin best response from all-abstain and all-sign' +
        (low.converged && high.converged
          ? ' (both converged; other equilibria may exist)'
          : ' cycled: no pure equilibrium found from at least one start'),
    };
  }
  const ws = nashWorkspace(game.n);
  const leastRounds: number[][] = [];
  const leastSigned = monotoneSolve(game, 1, fixed, ws, leastRounds);
  const leastProfile = ws.s.slice();
  const greatestRounds: number[][] = [];
  const greatestSigned = monotoneSolve(game, -1, fixed, ws, greatestRounds);
  return {
    method: 'monotone',
    least: { profile: leastProfile, signed: leastSigned, rounds: leastRounds, found: true },
    greatest: { profile: ws.s.slice(), signed: greatestSigned, rounds: greatestRounds, found: true },
    converged: true,
  };
}

/**
 * True when no free state gains by deviating from the profile (with the
 * tolerance of the tie rules): signers have Δ ≥ 0, abstainers Δ ≤ 0.
 */
export function isEquilibrium(game: LinearGame, profile: ArrayLike<number>, fixed?: FixedActions): boolean {
  const deltas = netGains(game, profile);
  for (let i = 0; i < game.n; i++) {
    if (fixed && fixed[i] !== -1) continue;
    const tol = tolerance(game.a[i]) * 10;
    if (profile[i] === 1 && deltas[i] < -tol) return false;
    if (profile[i] === 0 && deltas[i] > tol) return false;
  }
  return true;
}
