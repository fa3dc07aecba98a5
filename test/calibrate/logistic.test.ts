import { describe, expect, it } from 'vitest';
import { fitLogistic } from '../../src/calibrate/logistic.js';

describe('two-step pseudo-likelihood known answer (docs/model.md)', () => {
  it('recovers (β0, β1, δ) = (−1, 1, 1.5) from the population probabilities to 1e-10', () => {
    // Market (x1, x2) → equilibrium probabilities (P1, P2).
    const markets: Array<[number, number, number, number]> = [
      [0, 0, 0.402052135417705, 0.402052135417705],
      [0, 1, 0.505346116557311, 0.680923520802206],
      [1, 0, 0.680923520802206, 0.505346116557311],
      [1, 1, 0.75679621992977, 0.75679621992977],
    ];
    const rows: number[] = [];
    const y: number[] = [];
    for (const [x1, x2, p1, p2] of markets) {
      rows.push(1, x1, p2);
      y.push(p1);
      rows.push(1, x2, p1);
      y.push(p2);
    }
    const fit = fitLogistic({
      X: Float64Array.from(rows),
      n: 8,
      k: 3,
      y: Float64Array.from(y),
      ridge: 0,
      penalised: [false, false, false],
      nonNegative: [false, false, false],
    });
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.beta[0] + 1)).toBeLessThan(1e-10);
    expect(Math.abs(fit.beta[1] - 1)).toBeLessThan(1e-10);
    expect(Math.abs(fit.beta[2] - 1.5)).toBeLessThan(1e-10);
  });
});

describe('bounds and penalty', () => {
  it('a coefficient whose unconstrained estimate is negative sits at 0 with no standard error', () => {
    // y falls with x: the unconstrained slope is negative.
    const X: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < 50; i++) {
      const x = i / 49;
      X.push(1, x);
      y.push(0.8 - 0.6 * x);
    }
    const free = fitLogistic({
      X: Float64Array.from(X),
      n: 50,
      k: 2,
      y: Float64Array.from(y),
      ridge: 0,
      penalised: [false, false],
      nonNegative: [false, false],
    });
    expect(free.beta[1]).toBeLessThan(0);
    const bounded = fitLogistic({
      X: Float64Array.from(X),
      n: 50,
      k: 2,
      y: Float64Array.from(y),
      ridge: 0,
      penalised: [false, false],
      nonNegative: [false, true],
    });
    expect(bounded.beta[1]).toBe(0);
    expect(bounded.atBound[1]).toBe(true);
    expect(bounded.se[1]).toBeNull();
    expect(bounded.se[0]).toBeGreaterThan(0);
  });
  it('the ridge shrinks a coefficient toward 0', () => {
    const X: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < 40; i++) {
      const x = (i - 20) / 10;
      X.push(1, x);
      y.push(i % 3 === 0 ? 0 : x > 0 ? 1 : 0);
    }
    const args = {
      X: Float64Array.from(X),
      n: 40,
      k: 2,
      y: Float64Array.from(y),
      penalised: [false, true],
      nonNegative: [false, false],
    };
    const loose = fitLogistic({ ...args, ridge: 0.01 });
    const tight = fitLogistic({ ...args, ridge: 10 });
    expect(Math.abs(tight.beta[1])).toBeLessThan(Math.abs(loose.beta[1]));
  });
});
