/**
 * The cascade view: the round-by-round path from no signatures to the least
 * equilibrium, and for every state that signs in round r ≥ 2 the earlier
 * signers that tipped it.
 *
 * In the compiled game Δ_i(s) = a_i + m_i·(T − s_i)/(N − 1) + Σ_j B_ij·s_j,
 * an earlier signer j adds exactly B_ij + m_i/(N − 1) to i's net gain: its
 * bilateral weight (rival relief, patron) plus its share of norm momentum.
 * Those additions are what carried i from Δ ≤ 0 alone to Δ > 0 in its round,
 * so they are the honest answer to "who tipped it". Pure: no printing.
 */
import { netGain } from '../solve/game.js';
import type { RunResult } from './run.js';

/** One earlier signer's contribution to a later signer's net gain. */
export interface Tipper {
  id: string;
  /** Round in which it signed (0 = held at sign from the start). */
  round: number;
  /** B_ij: what its signature adds through rivalry relief and patronage. */
  bilateral: number;
  /** m_i/(N − 1): its share of the norm momentum. */
  momentum: number;
  /** bilateral + momentum. */
  total: number;
}

export interface CascadeStep {
  id: string;
  name: string;
  round: number;
  /** Δ_i with nobody else signing: deltaWhenSigned = deltaAlone + momentumTotal + Σ bilateral of its tippers. */
  deltaAlone: number;
  /** Δ_i at the profile of the round in which it signed (everyone who signed earlier). */
  deltaWhenSigned: number;
  /** Momentum from all earlier signers together: m_i · (earlier signers)/(N − 1). */
  momentumTotal: number;
  /** Every earlier signer with a bilateral tie to it (B_ij ≠ 0), largest contribution first (all of them unless capped). */
  tippers: Tipper[];
  /** Number of earlier signers (each adds the same momentum share). */
  earlierSigners: number;
}

export interface CascadeRound {
  round: number;
  ids: string[];
  /** Signers after the round. */
  cumulative: number;
}

export interface Cascade {
  /** False when the game is not supermodular: rounds are then round-robin sweeps and can switch both ways. */
  monotone: boolean;
  /** States held at sign from the start. */
  heldAtSign: string[];
  rounds: CascadeRound[];
  /** One entry per state signing in round ≥ 2, in round order. */
  tipped: CascadeStep[];
}

/**
 * The cascade of the least equilibrium of a solved scenario.
 * @param maxTippers how many tippers to keep per state (the largest), all when undefined
 */
export function cascadeOf(run: RunResult, maxTippers?: number): Cascade {
  const { scenario, compiled, equilibria, fixed } = run;
  const game = compiled.game;
  const ids = scenario.states.map((s) => s.id);
  const n = game.n;
  const scale = n > 1 ? 1 / (n - 1) : 0;
  const heldAtSign: number[] = [];
  for (let i = 0; i < n; i++) if (fixed[i] === 1) heldAtSign.push(i);
  const roundOf = new Int32Array(n).fill(-1);
  for (const i of heldAtSign) roundOf[i] = 0;
  const monotone = equilibria.method === 'monotone';
  const rounds: CascadeRound[] = [];
  let cumulative = heldAtSign.length;
  equilibria.least.rounds.forEach((r, k) => {
    cumulative += monotone ? r.length : 0;
    rounds.push({
      round: k + 1,
      ids: r.map((i) => ids[i]),
      cumulative: monotone ? cumulative : equilibria.least.signed,
    });
    if (monotone) for (const i of r) roundOf[i] = k + 1;
  });
  const tipped: CascadeStep[] = [];
  if (monotone) {
    const profile = new Float64Array(n);
    for (const i of heldAtSign) profile[i] = 1;
    const nobody = new Float64Array(n);
    equilibria.least.rounds.forEach((r, k) => {
      const round = k + 1;
      if (round >= 2) {
        for (const i of r) {
          const earlier: Tipper[] = [];
          let count = 0;
          const bilateral = new Map<number, number>();
          for (let e = game.rowPtr[i]; e < game.rowPtr[i + 1]; e++) bilateral.set(game.col[e], game.val[e]);
          for (let j = 0; j < n; j++) {
            if (j === i || profile[j] !== 1) continue;
            count++;
            const b = bilateral.get(j) ?? 0;
            if (b !== 0)
              earlier.push({
                id: ids[j],
                round: roundOf[j],
                bilateral: b,
                momentum: game.m[i] * scale,
                total: b + game.m[i] * scale,
              });
          }
          earlier.sort((x, y) => y.total - x.total || x.round - y.round || x.id.localeCompare(y.id));
          tipped.push({
            id: ids[i],
            name: scenario.states[i].name,
            round,
            deltaAlone: netGain(game, nobody, i),
            deltaWhenSigned: netGain(game, profile, i),
            momentumTotal: game.m[i] * count * scale,
            tippers: maxTippers === undefined ? earlier : earlier.slice(0, maxTippers),
            earlierSigners: count,
          });
        }
      }
      // Jacobi rounds: everyone in round r decided on the profile before r.
      for (const i of r) profile[i] = 1;
    });
  }
  return { monotone, heldAtSign: heldAtSign.map((i) => ids[i]), rounds, tipped };
}
