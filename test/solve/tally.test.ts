import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  poissonBinomial,
  probabilityAtLeast,
  summariseTally,
  tallyDistribution,
  WINDOW_EPSILON,
} from '../../src/solve/tally.js';

function bruteForce(p: number[]): number[] {
  const out = new Array(p.length + 1).fill(0);
  for (let mask = 0; mask < 1 << p.length; mask++) {
    let prob = 1;
    let k = 0;
    p.forEach((q, i) => {
      const on = (mask >> i) & 1;
      prob *= on ? q : 1 - q;
      k += on;
    });
    out[k] += prob;
  }
  return out;
}

describe('Poisson-binomial tally distribution', () => {
  it('equals brute-force enumeration for N ≤ 12, sums to 1, has mean Σp', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 0, maxLength: 12 }), (p) => {
        const pmf = poissonBinomial(p);
        const exact = bruteForce(p);
        exact.forEach((v, k) => expect(pmf[k]).toBeCloseTo(v, 12));
        expect(pmf.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
        const mean = pmf.reduce((acc, v, k) => acc + v * k, 0);
        expect(mean).toBeCloseTo(
          p.reduce((x, y) => x + y, 0),
          10,
        );
      }),
      { numRuns: 200 },
    );
  });
  it('N = 16 against enumeration', () => {
    const p = Array.from({ length: 16 }, (_, i) => (i + 0.5) / 16);
    const pmf = poissonBinomial(p);
    bruteForce(p).forEach((v, k) => expect(pmf[k]).toBeCloseTo(v, 13));
  });
  it('a certain outcome has a degenerate interval', () => {
    const d = tallyDistribution([1, 1, 0, 1]);
    expect(d.mean).toBe(3);
    expect(d.mode).toBe(3);
    expect(d.interval90).toEqual([3, 3]);
    expect(probabilityAtLeast(d.pmf, 3)).toBe(1);
    expect(probabilityAtLeast(d.pmf, 4)).toBe(0);
  });
  it('the 90% interval of ten fair coins is [2, 8]', () => {
    // CDF(2) = 56/1024 ≥ 0.05 > CDF(1); CDF(8) = 1013/1024 ≥ 0.95 > CDF(7) = 968/1024.
    expect(tallyDistribution(new Array(10).fill(0.5)).interval90).toEqual([2, 8]);
  });
});

describe('the windowed recursion above 1,000 states', () => {
  it('stays within its stated L1 error bound of the exact recursion (N = 3,000 and 5,000)', () => {
    for (const n of [3000, 5000]) {
      let s = n;
      const next = () => {
        s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
        return s / 2 ** 32;
      };
      // A mix of near-certain, near-impossible and uncertain states, as a QRE gives.
      const p = Array.from({ length: n }, () => {
        const u = next();
        return u < 0.3 ? next() * 1e-6 : u > 0.7 ? 1 - next() * 1e-6 : next();
      });
      const exact = new Float64Array(n + 1);
      exact[0] = 1;
      for (let i = 0; i < n; i++) {
        for (let k = i + 1; k >= 1; k--) exact[k] = exact[k] * (1 - p[i]) + exact[k - 1] * p[i];
        exact[0] *= 1 - p[i];
      }
      const windowed = poissonBinomial(p);
      let l1 = 0;
      for (let k = 0; k <= n; k++) l1 += Math.abs(windowed[k] - exact[k]);
      expect(l1).toBeLessThanOrEqual(2 * (n + 1) * WINDOW_EPSILON + 1e-12);
      const summary = tallyDistribution(p);
      const exactSummary = summariseTally(
        exact,
        p.reduce((a, b) => a + b, 0),
      );
      expect(summary.interval90).toEqual(exactSummary.interval90);
      expect(summary.mode).toBe(exactSummary.mode);
    }
  });
});
