/**
 * The two-player subgame between two named states with everyone else held
 * at an equilibrium, classified by Jervis's (1978) reading of the security
 * dilemma (docs/model.md, 'The two-state subgame (after Jervis)'). With
 * C = sign and level payoffs
 *
 *   R = u(C,C) = α̂ + W + E,  S = u(C,D) = α̂,  T = u(D,C) = E,  P = u(D,D) = 0,
 *
 * where α̂ is the player's net gain of signing when the other abstains, W the
 * change in it when the other signs, and E ≥ 0 the gain from the other's
 * credible restraint while one abstains oneself (a level payoff: it never
 * changes an equilibrium, only the game's type).
 */
export type GameType =
  'Harmony' | "Prisoner's Dilemma" | 'Deadlock' | 'Stag Hunt' | 'Chicken' | 'Leader' | 'no interdependence' | 'other';

export interface PlayerPayoffs {
  /** Net gain of signing when the other abstains. */
  alphaHat: number;
  /** How much the other's signature raises one's net gain of signing. */
  W: number;
  /** Gain from the other's credible restraint when one abstains. */
  E: number;
}

export interface Ordinal {
  R: number;
  S: number;
  T: number;
  P: number;
}

export interface SubgameResult {
  payoffs: [Ordinal, Ordinal];
  types: [GameType, GameType];
  /** Pure equilibria as [action1, action2] with 1 = sign. */
  equilibria: Array<[0 | 1, 0 | 1]>;
  /** When both (sign, sign) and (abstain, abstain) are equilibria: which risk-dominates. */
  riskDominant?: 'sign-sign' | 'abstain-abstain' | 'neither';
  /** For a Stag Hunt player: the probability the other must sign for signing to pay, −α̂/W. */
  assuranceThreshold: [number | null, number | null];
  notes: string[];
}

export function levelPayoffs(x: PlayerPayoffs): Ordinal {
  return { R: x.alphaHat + x.W + x.E, S: x.alphaHat, T: x.E, P: 0 };
}

/** Classifies one player's payoffs by the table in docs/model.md, 'The two-state subgame (after Jervis)'. */
export function classifyPlayer(o: Ordinal): GameType {
  const rt = o.R > o.T;
  const sp = o.S > o.P;
  if (o.R === o.T && o.S === o.P && o.R === o.S) return 'no interdependence';
  if (rt && sp && o.R > o.P) return 'Harmony';
  if (!rt && !sp) return o.R > o.P ? "Prisoner's Dilemma" : o.R < o.P ? 'Deadlock' : 'other';
  if (rt && !sp && o.R > o.P) return 'Stag Hunt';
  if (!rt && sp) return o.R > o.S ? 'Chicken' : o.R < o.S ? 'Leader' : 'other';
  return 'other';
}

export function analyzeSubgame(p1: PlayerPayoffs, p2: PlayerPayoffs): SubgameResult {
  const o: [Ordinal, Ordinal] = [levelPayoffs(p1), levelPayoffs(p2)];
  const players = [p1, p2];
  const types = players.map((x, k) => (x.W === 0 && x.E === 0 ? 'no interdependence' : classifyPlayer(o[k]))) as [
    GameType,
    GameType,
  ];
  // u_k(own, other): own sign & other sign = R, own sign & other abstain = S, ...
  const u = (k: number, own: 0 | 1, other: 0 | 1) => (own ? (other ? o[k].R : o[k].S) : other ? o[k].T : o[k].P);
  const equilibria: Array<[0 | 1, 0 | 1]> = [];
  for (const a1 of [1, 0] as const) {
    for (const a2 of [1, 0] as const) {
      // Ties abstain: a player signs only if signing is strictly better.
      const best1 = u(0, 1, a2) > u(0, 0, a2) ? 1 : 0;
      const best2 = u(1, 1, a1) > u(1, 0, a1) ? 1 : 0;
      const ok1 = a1 === best1 || u(0, 1, a2) === u(0, 0, a2);
      const ok2 = a2 === best2 || u(1, 1, a1) === u(1, 0, a1);
      if (ok1 && ok2) equilibria.push([a1, a2]);
    }
  }
  const has = (x: 0 | 1, y: 0 | 1) => equilibria.some(([a, b]) => a === x && b === y);
  let riskDominant: SubgameResult['riskDominant'];
  if (has(1, 1) && has(0, 0)) {
    const cc = (o[0].R - o[0].T) * (o[1].R - o[1].T);
    const dd = (o[0].P - o[0].S) * (o[1].P - o[1].S);
    riskDominant = cc > dd ? 'sign-sign' : dd > cc ? 'abstain-abstain' : 'neither';
  }
  const assuranceThreshold = players.map((x, k) =>
    types[k] === 'Stag Hunt' && x.W > 0 ? -x.alphaHat / x.W : null,
  ) as [number | null, number | null];
  const notes: string[] = [];
  if (players.every((x) => x.W >= 0 && x.E >= 0)) {
    notes.push('With complements (W ≥ 0) and E ≥ 0, Chicken and Leader cannot arise: they need W < 0.');
  }
  if (types[0] !== types[1]) notes.push(`The players see different games: ${types[0]} and ${types[1]}.`);
  return { payoffs: o, types, equilibria, riskDominant, assuranceThreshold, notes };
}
