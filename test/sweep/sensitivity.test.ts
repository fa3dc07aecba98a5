import { describe, expect, it } from 'vitest';
import { morrisEffects } from '../../src/sweep/morris.js';
import { sobolIndices } from '../../src/sweep/sobol.js';

// Ishigami & Homma (1990), a = 7, b = 0.1 over U(−π, π)³: docs/model.md, 'Known-answer cases the tests use'.
const ishigami = (x: Float64Array): number =>
  Math.sin(x[0]) + 7 * Math.sin(x[1]) ** 2 + 0.1 * x[2] ** 4 * Math.sin(x[0]);
const box = [0, 1, 2].map(() => ({ lo: -Math.PI, hi: Math.PI }));

describe('Sobol indices (Saltelli sampling, Saltelli 2010 / Jansen estimators)', () => {
  const result = sobolIndices(ishigami, { n: 40_000, bounds: box, seed: 1, bootstrap: 100 });

  it('recover the Ishigami first-order indices', () => {
    [0.3139, 0.4424, 0].forEach((s, i) => expect(result.first[i]).toBeCloseTo(s, 1));
    [0.3139, 0.4424, 0].forEach((s, i) => expect(Math.abs(result.first[i] - s)).toBeLessThan(0.03));
  });

  it('recover the Ishigami total indices', () => {
    [0.5576, 0.4424, 0.2437].forEach((s, i) => expect(Math.abs(result.total[i] - s)).toBeLessThan(0.03));
  });

  it('give bootstrap intervals that bracket the estimates and the known values', () => {
    const known1 = [0.3139, 0.4424, 0];
    const knownT = [0.5576, 0.4424, 0.2437];
    for (let i = 0; i < 3; i++) {
      const [lo, hi] = result.firstInterval[i];
      expect(lo).toBeLessThanOrEqual(result.first[i]);
      expect(hi).toBeGreaterThanOrEqual(result.first[i]);
      expect(lo - 0.02).toBeLessThan(known1[i]);
      expect(hi + 0.02).toBeGreaterThan(known1[i]);
      const [tlo, thi] = result.totalInterval[i];
      expect(tlo - 0.02).toBeLessThan(knownT[i]);
      expect(thi + 0.02).toBeGreaterThan(knownT[i]);
    }
    expect(result.evaluations).toBe(40_000 * 5);
  });

  it('is deterministic for a seed', () => {
    const a = sobolIndices(ishigami, { n: 500, bounds: box, seed: 7, bootstrap: 10 });
    const b = sobolIndices(ishigami, { n: 500, bounds: box, seed: 7, bootstrap: 10 });
    expect(a).toEqual(b);
  });
});

describe('Morris elementary effects', () => {
  it('are exact for a linear function: μ* = |c|·range, σ = 0', () => {
    const c = [2, -3, 0];
    const bounds = [
      { lo: 0, hi: 1 },
      { lo: 0, hi: 2 },
      { lo: -1, hi: 1 },
    ];
    const r = morrisEffects((x) => c[0] * x[0] + c[1] * x[1] + c[2] * x[2], { trajectories: 20, bounds, seed: 3 });
    expect(r.effects[0].muStar).toBeCloseTo(2, 10);
    expect(r.effects[1].muStar).toBeCloseTo(6, 10);
    expect(r.effects[1].mu).toBeCloseTo(-6, 10);
    expect(r.effects[2].muStar).toBe(0);
    r.effects.forEach((e) => expect(e.sigma).toBeLessThan(1e-9));
    expect(r.evaluations).toBe(20 * 4);
  });

  it('rank the Ishigami inputs: x3 acts only through its interaction with x1 (μ* > 0, large σ)', () => {
    const r = morrisEffects(ishigami, { trajectories: 200, bounds: box, seed: 5 });
    expect(r.effects[0].muStar).toBeGreaterThan(0.5);
    expect(r.effects[1].muStar).toBeGreaterThan(0.5);
    expect(r.effects[2].sigma).toBeGreaterThan(0.5);
    expect(Math.abs(r.effects[2].mu)).toBeLessThan(r.effects[2].muStar);
  });
});
