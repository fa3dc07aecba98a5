/**
 * The sweeps' least QRE by certified Newton steps (src/solve/qre-certified.ts)
 * against the plain monotone iteration from p = 0 (Tarski: it rises to the
 * least fixed point), and against the least root of the symmetric crowd's
 * scalar equation where three QREs coexist.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeGame, type LinearGame } from '../../src/solve/game.js';
import { noFixedActions } from '../../src/solve/nash.js';
import { certifiedLeastQre } from '../../src/solve/qre-certified.js';
import { leastQreInto, logistic } from '../../src/solve/qre.js';

/** Gauss–Seidel from p = 0 (fixed states held) until a sweep moves nothing by more than 1e-15. */
function monotoneLeast(game: LinearGame, lambda: number, fixed: Int8Array): Float64Array {
  const { n, a, m, rowPtr, col, val } = game;
  const p = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) total += p[i] = fixed[i] === -1 ? 0 : fixed[i];
  const scale = n > 1 ? 1 / (n - 1) : 0;
  for (let sweep = 0; sweep < 1_000_000; sweep++) {
    let change = 0;
    for (let i = 0; i < n; i++) {
      if (fixed[i] !== -1) continue;
      let gain = a[i] + m[i] * (total - p[i]) * scale;
      for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) gain += val[k] * p[col[k]];
      const next = logistic(lambda * gain);
      change = Math.max(change, Math.abs(next - p[i]));
      total += next - p[i];
      p[i] = next;
    }
    if (change <= 1e-15) break;
  }
  return p;
}

/** One Gauss–Seidel sweep from p = 0: the lower bound the sweeps hand to Newton. */
function oneSweep(game: LinearGame, lambda: number, fixed: Int8Array): Float64Array {
  const { n, a, m, rowPtr, col, val } = game;
  const p = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) total += p[i] = fixed[i] === -1 ? 0 : fixed[i];
  for (let i = 0; i < n; i++) {
    if (fixed[i] !== -1) continue;
    let gain = a[i] + (m[i] * (total - p[i])) / Math.max(1, n - 1);
    for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) gain += val[k] * p[col[k]];
    const next = logistic(lambda * gain);
    total += next - p[i];
    p[i] = next;
  }
  return p;
}

const maxDiff = (x: ArrayLike<number>, y: ArrayLike<number>): number => {
  let d = 0;
  for (let i = 0; i < x.length; i++) d = Math.max(d, Math.abs(x[i] - y[i]));
  return d;
};

/** A symmetric crowd of n states: Δ = a + m·(share of the others signing). */
const crowd = (n: number, a: number, m: number) => makeGame(new Array(n).fill(a), new Array(n).fill(m), []);

/** The roots of p = Λ(λ(a + m·p)) on [0, 1], by a fine scan and bisection. */
function symmetricRoots(lambda: number, a: number, m: number): number[] {
  const g = (p: number) => logistic(lambda * (a + m * p)) - p;
  const roots: number[] = [];
  const steps = 100_000;
  for (let k = 0; k < steps; k++) {
    let lo = k / steps;
    let hi = (k + 1) / steps;
    if (g(lo) === 0) roots.push(lo);
    if (g(lo) * g(hi) >= 0) continue;
    for (let it = 0; it < 200; it++) {
      const mid = (lo + hi) / 2;
      if (g(lo) * g(mid) <= 0) hi = mid;
      else lo = mid;
    }
    roots.push((lo + hi) / 2);
  }
  return roots;
}

describe('least QRE by certified Newton', () => {
  it('finds the least of three symmetric QREs of a coordination crowd, never a higher one', () => {
    // λ = 8, a = −2, m = 4: p = Λ(8(−2 + 4p)) has three roots (low, middle, high).
    const [lambda, a, m] = [8, -2, 4];
    const roots = symmetricRoots(lambda, a, m);
    expect(roots).toHaveLength(3);
    const game = crowd(30, a, m);
    const p = new Float64Array(30);
    expect(leastQreInto(game, lambda, undefined, true, p)).toBe(true);
    for (const q of p) expect(Math.abs(q - roots[0])).toBeLessThan(1e-12);
  });

  it('refuses to certify a fixed point above the least: Newton sent from above lands on the high QRE, the box holds the others', () => {
    const [lambda, a, m] = [8, -2, 4];
    const roots = symmetricRoots(lambda, a, m);
    const game = crowd(30, a, m);
    const fixed = noFixedActions(30);
    const lo = oneSweep(game, lambda, fixed);
    // Newton started near the high root converges there; the certificate must not accept it.
    const p = new Float64Array(30).fill(roots[2] + 1e-3);
    expect(certifiedLeastQre(game, lambda, fixed, lo, p)).toBe(false);
    // From the lower bound itself, Newton's answer is certified and is the least root.
    const q = lo.slice();
    expect(certifiedLeastQre(game, lambda, fixed, lo, q)).toBe(true);
    expect(maxDiff(q, new Float64Array(30).fill(roots[0]))).toBeLessThan(1e-12);
  });

  it('agrees with the monotone iteration from 0 on random supermodular games, whenever it certifies (property)', () => {
    const games = fc.integer({ min: 1, max: 40 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        a: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: n, maxLength: n }),
        m: fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: n, maxLength: n }),
        edges: fc.array(
          fc.record({ i: fc.nat(n - 1), j: fc.nat(n - 1), v: fc.double({ min: 0, max: 2, noNaN: true }) }),
          { maxLength: 2 * n },
        ),
        fixed: fc.array(fc.constantFrom(-1, -1, -1, -1, -1, 0, 1), { minLength: n, maxLength: n }),
        lambda: fc.double({ min: 0.1, max: 10, noNaN: true }),
      }),
    );
    let certified = 0;
    let runs = 0;
    fc.assert(
      fc.property(games, ({ n, a, m, edges, fixed, lambda }) => {
        const game = makeGame(
          a,
          m,
          edges.filter((e) => e.i !== e.j).map((e) => ({ i: e.i, j: e.j, value: e.v })),
        );
        const f = Int8Array.from(fixed);
        const reference = monotoneLeast(game, lambda, f);
        const lo = oneSweep(game, lambda, f);
        const p = lo.slice();
        runs++;
        if (certifiedLeastQre(game, lambda, f, lo, p)) {
          certified++;
          expect(maxDiff(p, reference)).toBeLessThan(1e-9);
        }
        // The sweeps' entry point, certified or not, gives the least QRE.
        const q = new Float64Array(n);
        expect(leastQreInto(game, lambda, f, true, q)).toBe(true);
        expect(maxDiff(q, reference)).toBeLessThan(1e-9);
      }),
      { numRuns: 300 },
    );
    // The certificate is not vacuous: it holds on most random games.
    expect(certified / runs).toBeGreaterThan(0.5);
  });

  it('certifies nothing from infinite or NaN arithmetic, nor at a negative λ', () => {
    const fixed = noFixedActions(2);
    // m near the largest double: the bound's sums overflow to Infinity and then NaN.
    const huge = makeGame([0, 0], [1e308, 1e308], []);
    expect(certifiedLeastQre(huge, 10, fixed, Float64Array.of(0.5, 1), Float64Array.of(0.5, 1))).toBe(false);
    const nan = makeGame([NaN, 0], [1, 1], []);
    expect(certifiedLeastQre(nan, 1, fixed, Float64Array.of(0, 0), Float64Array.of(0, 0))).toBe(false);
    const plain = crowd(2, -1, 1);
    expect(certifiedLeastQre(plain, -1, fixed, Float64Array.of(0, 0), Float64Array.of(0, 0))).toBe(false);
  });
});
