import { describe, expect, it } from 'vitest';
import { makeGame, type SparseEntry } from '../../src/solve/game.js';
import { extremalEquilibria, isEquilibrium, noFixedActions } from '../../src/solve/nash.js';

/** Δ_i = α_i + w · Σ_{j≠i} a_j as a linear game (all-pairs interactions). */
function allPairs(alpha: number[], w = 1) {
  const entries: SparseEntry[] = [];
  alpha.forEach((_, i) => alpha.forEach((__, j) => i !== j && entries.push({ i, j, value: w })));
  return makeGame(
    alpha,
    alpha.map(() => 0),
    entries,
  );
}

/** Granovetter crowd: join when at least t_i others have; α_i = −(t_i − ½)·w via the mean field. */
function crowd(thresholds: number[]) {
  const n = thresholds.length;
  const w = 1;
  // m_i · (T − s_i)/(N − 1) = w · (number of others joining)
  return makeGame(
    thresholds.map((t) => -(t - 0.5) * w),
    thresholds.map(() => w * (n - 1)),
    [],
  );
}

const profile = (p: Uint8Array) => Array.from(p).join('');

describe('Granovetter (1978) crowds', () => {
  it('thresholds 0..99: everyone joins, one per round, 100 rounds', () => {
    const eq = extremalEquilibria(crowd([...Array(100).keys()]));
    expect(eq.least.signed).toBe(100);
    expect(eq.least.rounds).toHaveLength(100);
    expect(eq.least.rounds.every((r) => r.length === 1)).toBe(true);
  });
  it('the threshold-1 person at 2 instead: only 1 joins, in 1 round', () => {
    const t = [...Array(100).keys()];
    t[1] = 2;
    const eq = extremalEquilibria(crowd(t));
    expect(eq.least.signed).toBe(1);
    expect(eq.least.rounds).toHaveLength(1);
  });
  it('the threshold-1 person removed (N = 99): only 1 joins', () => {
    const t = [...Array(100).keys()].filter((x) => x !== 1);
    expect(extremalEquilibria(crowd(t)).least.signed).toBe(1);
  });
});

describe('three-player supermodular games S1–S3 and SH2 (docs/model.md)', () => {
  it('S1: least 100 via 000 → 100, greatest 111', () => {
    const eq = extremalEquilibria(allPairs([0.5, -1.5, -1.5]));
    expect(eq.method).toBe('monotone');
    expect(profile(eq.least.profile)).toBe('100');
    expect(eq.least.rounds).toEqual([[0]]);
    expect(profile(eq.greatest.profile)).toBe('111');
  });
  it('S2 (ties): least 000, greatest 111', () => {
    const eq = extremalEquilibria(allPairs([0, -1, -1]));
    expect(profile(eq.least.profile)).toBe('000');
    expect(eq.least.rounds).toEqual([]);
    expect(profile(eq.greatest.profile)).toBe('111');
  });
  it('S3: the cascade 000 → 100 → 110 → 111', () => {
    const eq = extremalEquilibria(allPairs([0.5, -0.5, -1.5]));
    expect(profile(eq.least.profile)).toBe('111');
    expect(eq.least.rounds).toEqual([[0], [1], [2]]);
    expect(profile(eq.greatest.profile)).toBe('111');
  });
  it('SH2: the two-player stag hunt has 00 and 11', () => {
    const eq = extremalEquilibria(allPairs([-1, -1], 3));
    expect(profile(eq.least.profile)).toBe('00');
    expect(profile(eq.greatest.profile)).toBe('11');
  });
  it('all pure equilibria of S1, S2, S3 by enumeration lie between the extremal ones', () => {
    const cases: Array<[number[], string[]]> = [
      [
        [0.5, -1.5, -1.5],
        ['100', '111'],
      ],
      [
        [0, -1, -1],
        ['000', '100', '111'],
      ],
      [[0.5, -0.5, -1.5], ['111']],
    ];
    for (const [alpha, expected] of cases) {
      const game = allPairs(alpha);
      const found: string[] = [];
      for (let bits = 0; bits < 8; bits++) {
        const p = Uint8Array.from([bits & 1, (bits >> 1) & 1, (bits >> 2) & 1].map((x) => x));
        if (isEquilibrium(game, p)) found.push(profile(p));
      }
      expect(found.sort()).toEqual(expected.sort());
    }
  });
});

describe('fixed states and non-supermodular games', () => {
  it('a state held at sign pulls the crowd along', () => {
    const game = allPairs([-0.5, -0.5, -0.5]);
    const fixed = noFixedActions(3);
    expect(extremalEquilibria(game, fixed).least.signed).toBe(0);
    fixed[0] = 1;
    const eq = extremalEquilibria(game, fixed);
    expect(profile(eq.least.profile)).toBe('111');
  });
  it('matching pennies cycles under round-robin and says so', () => {
    // Player 0 wants to match, player 1 to mismatch.
    const game = makeGame(
      [-0.5, 0.5],
      [0, 0],
      [
        { i: 0, j: 1, value: 1 },
        { i: 1, j: 0, value: -1 },
      ],
    );
    const eq = extremalEquilibria(game);
    expect(eq.method).toBe('round-robin');
    expect(eq.converged).toBe(false);
    expect(eq.note).toMatch(/non-supermodular/);
  });
  it('a substitutes game that has a pure equilibrium converges under round-robin', () => {
    // Each prefers to sign only if the other does not (Chicken-like free riding).
    const game = makeGame(
      [0.5, 0.5],
      [0, 0],
      [
        { i: 0, j: 1, value: -1 },
        { i: 1, j: 0, value: -1 },
      ],
    );
    const eq = extremalEquilibria(game);
    expect(eq.method).toBe('round-robin');
    expect(eq.converged).toBe(true);
    expect(isEquilibrium(game, eq.least.profile)).toBe(true);
    expect(isEquilibrium(game, eq.greatest.profile)).toBe(true);
  });
});
