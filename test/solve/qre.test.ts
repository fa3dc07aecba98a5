import { describe, expect, it } from 'vitest';
import { makeGame } from '../../src/solve/game.js';
import { logitQre } from '../../src/solve/qre.js';

const twoByTwo = (a1: number, a2: number, w12: number, w21: number) =>
  makeGame(
    [a1, a2],
    [0, 0],
    [
      { i: 0, j: 1, value: w12 },
      { i: 1, j: 0, value: w21 },
    ],
  );

describe('logit QRE known answers (docs/model.md)', () => {
  it("Gambit's constant-sum 2×2 at λ = 1, 2, 3", () => {
    // Δ1 = p2 (u1(1,·) − u1(2,·)), Δ2 = 1 − p1.
    const game = twoByTwo(0, 1, 1, -1);
    const expected: Array<[number, number, number]> = [
      [1, 0.643, 0.5883],
      [2, 0.7727, 0.6117],
      [3, 0.8595, 0.6038],
    ];
    for (const [lambda, p1, p2] of expected) {
      const q = logitQre(game, lambda);
      expect(q.method).toBe('continuation');
      expect(q.least.converged).toBe(true);
      expect(Math.abs(q.least.p[0] - p1)).toBeLessThan(1e-3);
      expect(Math.abs(q.least.p[1] - p2)).toBeLessThan(1e-3);
    }
  });
  it("symmetric Prisoner's Dilemma (T5 R3 P1 S0) at four λ", () => {
    // Δ = (S − P) + p·((R − T) − (S − P)) = −1 − p: a negative interaction.
    const game = twoByTwo(-1, -1, -1, -1);
    const expected: Array<[number, number]> = [
      [0.5, 0.338648202366453],
      [1, 0.226750644834348],
      [2, 0.0997884839704471],
      [5, 0.00648083385910579],
    ];
    for (const [lambda, p] of expected) {
      const q = logitQre(game, lambda);
      expect(q.least.p[0]).toBeCloseTo(p, 12);
      expect(q.greatest.p[1]).toBeCloseTo(p, 12);
    }
  });
  it('pure coordination: ½ below λ = 2, the upper branch at λ = 3 and 20', () => {
    const game = twoByTwo(-1, -1, 2, 2);
    expect(logitQre(game, 1.5).least.p[0]).toBeCloseTo(0.5, 9);
    expect(logitQre(game, 1.5).greatest.p[0]).toBeCloseTo(0.5, 9);
    expect(logitQre(game, 3).greatest.p[0]).toBeCloseTo(0.929279818320055, 12);
    expect(logitQre(game, 20).greatest.p[0]).toBeCloseTo(0.9999999979388462, 14);
  });
  it('symmetric stag hunt α = −1, W = 3 (unique QRE)', () => {
    const game = twoByTwo(-1, -1, 3, 3);
    const expected: Array<[number, number]> = [
      [0.5, 0.597947864582],
      [1, 0.804153953124],
      [2, 0.979735521399],
    ];
    for (const [lambda, p] of expected) {
      const q = logitQre(game, lambda);
      expect(q.method).toBe('monotone');
      expect(q.least.p[0]).toBeCloseTo(p, 11);
      expect(q.greatest.p[0]).toBeCloseTo(p, 11);
    }
  });
  it('λ = 0 is uniform randomisation', () => {
    const q = logitQre(twoByTwo(5, -5, 1, 1), 0);
    expect(Array.from(q.least.p)).toEqual([0.5, 0.5]);
  });
  it('rejects a negative λ', () => {
    expect(() => logitQre(twoByTwo(0, 0, 0, 0), -1)).toThrow(/lambda/);
  });
});
