import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeGame, netGain } from '../../src/solve/game.js';
import { logitQre, qreResidual } from '../../src/solve/qre.js';
import { traceQre } from '../../src/solve/qre-continuation.js';

const sig = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * Asymmetric matching pennies (McKelvey & Palfrey 1995, section 4; Ochs
 * 1995): row gets X on (U,L), 1 on (D,R); column gets 1 on (U,R) and (D,L).
 * With U and L as "sign": Δ1 = −1 + (X+1)·q, Δ2 = 1 − 2p. The QRE is unique
 * and solves the scalar equation p = σ(λ(−1 + (X+1)σ(λ(1 − 2p)))), whose
 * right side falls in p: bisection gives it to machine precision, an answer
 * independent of the continuation.
 */
function matchingPennies(X: number, lambda: number) {
  let lo = 0;
  let hi = 1;
  for (let it = 0; it < 200; it++) {
    const mid = (lo + hi) / 2;
    const f = sig(lambda * (-1 + (X + 1) * sig(lambda * (1 - 2 * mid))));
    if (mid > f) hi = mid;
    else lo = mid;
  }
  const p = (lo + hi) / 2;
  return [p, sig(lambda * (1 - 2 * p))];
}

describe('QRE by continuation from λ = 0', () => {
  it('asymmetric matching pennies, X ∈ {1, 4, 9}, λ ∈ {1, 2, 5, 10, 20}', () => {
    for (const X of [1, 4, 9]) {
      const game = makeGame(
        [-1, 1],
        [0, 0],
        [
          { i: 0, j: 1, value: X + 1 },
          { i: 1, j: 0, value: -2 },
        ],
      );
      const lambdas = [1, 2, 5, 10, 20];
      const traced = traceQre(game, lambdas);
      lambdas.forEach((lambda, t) => {
        const [p, q] = matchingPennies(X, lambda);
        const point = traced.points[t];
        expect(point.converged).toBe(true);
        expect(point.p[0]).toBeCloseTo(p, 11);
        expect(point.p[1]).toBeCloseTo(q, 11);
      });
    }
  });
});

function randomGame(n: number, links: number, seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const a = Array.from({ length: n }, () => 4 * next() - 2);
  const m = Array.from({ length: n }, () => 2 * next() - 1);
  const entries = [];
  for (let i = 0; i < n; i++)
    for (let t = 0; t < links; t++) {
      const j = Math.floor(next() * n);
      if (j !== i) entries.push({ i, j, value: 6 * next() - 3 });
    }
  return makeGame(a, m, entries);
}

describe('continuation on random games with negative interactions', () => {
  it('reaches a fixed point at every λ, the same one whichever λ are asked together', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        (n, links, seed, lambda) => {
          const game = randomGame(n, links, seed);
          const alone = traceQre(game, [lambda]).points[0];
          expect(alone.converged).toBe(true);
          expect(qreResidual(game, lambda, alone.p)).toBeLessThanOrEqual(1e-12);
          const together = traceQre(game, [lambda / 3, lambda]).points[1];
          for (let i = 0; i < n; i++) expect(together.p[i]).toBeCloseTo(alone.p[i], 9);
        },
      ),
      { numRuns: 150 },
    );
  });
  it('at small λ, where the QRE is unique, equals what plain iteration converges to', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const game = randomGame(8, 2, seed);
      const lambda = 0.05;
      const p = new Float64Array(8).fill(0.5);
      for (let it = 0; it < 2000; it++) {
        const next = Array.from({ length: 8 }, (_, i) => 1 / (1 + Math.exp(-lambda * netGain(game, p, i))));
        p.set(next);
      }
      const traced = traceQre(game, [lambda]).points[0];
      for (let i = 0; i < 8; i++) expect(traced.p[i]).toBeCloseTo(p[i], 12);
    }
  });
  it('matrix-free GMRES gives the dense solver’s answer', () => {
    for (const seed of [3, 7, 11]) {
      const game = randomGame(60, 3, seed);
      const dense = traceQre(game, [2, 6], undefined, { denseLimit: 1000 });
      const sparse = traceQre(game, [2, 6], undefined, { denseLimit: 0 });
      for (let t = 0; t < 2; t++) {
        expect(sparse.points[t].converged).toBe(true);
        for (let i = 0; i < 60; i++) expect(sparse.points[t].p[i]).toBeCloseTo(dense.points[t].p[i], 9);
      }
    }
  });
  it('holds fixed states at their action and solves for the rest', () => {
    const game = randomGame(6, 2, 99);
    const fixed = Int8Array.from([1, -1, 0, -1, -1, -1]);
    const point = traceQre(game, [4], fixed).points[0];
    expect(point.p[0]).toBe(1);
    expect(point.p[2]).toBe(0);
    expect(qreResidual(game, 4, point.p, fixed)).toBeLessThanOrEqual(1e-12);
  });
  it('logitQre uses it for a game with a negative interaction, and says so', () => {
    const game = makeGame(
      [-1, 1],
      [0, 0],
      [
        { i: 0, j: 1, value: 10 },
        { i: 1, j: 0, value: -2 },
      ],
    );
    const q = logitQre(game, 10);
    expect(q.method).toBe('continuation');
    expect(q.least.converged).toBe(true);
    expect(Array.from(q.least.p)).toEqual(Array.from(q.greatest.p));
    const [p] = matchingPennies(9, 10);
    expect(q.least.p[0]).toBeCloseTo(p, 11);
  });
});

describe('large games: the sparse paths', () => {
  it('600 strongly coupled states with negative links (the GMRES path): the traced QRE is a fixed point', () => {
    const game = randomGame(600, 3, 5);
    const q = logitQre(game, 4);
    expect(q.method).toBe('continuation');
    expect(q.least.converged).toBe(true);
    expect(qreResidual(game, 4, q.least.p)).toBeLessThanOrEqual(1e-12);
  });
  it('3,000 states, supermodular: least and greatest QRE through the matrix-free Newton step', () => {
    let s = 17;
    const next = () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
    const n = 3000;
    const entries = [];
    for (let i = 0; i < n; i++)
      for (let t = 0; t < 3; t++) {
        const j = Math.floor(next() * n);
        if (j !== i) entries.push({ i, j, value: 0.8 * next() });
      }
    const game = makeGame(
      Array.from({ length: n }, () => 2 * next() - 1.5),
      Array.from({ length: n }, () => 1.5 * next()),
      entries,
    );
    const q = logitQre(game, 4);
    expect(q.method).toBe('monotone');
    for (const branch of [q.least, q.greatest]) {
      expect(branch.converged).toBe(true);
      expect(qreResidual(game, 4, branch.p)).toBeLessThanOrEqual(1e-12);
    }
    for (let i = 0; i < n; i++) expect(q.least.p[i]).toBeLessThanOrEqual(q.greatest.p[i] + 1e-12);
  });
});
