import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldsOf } from '../../src/calibrate/calibrate.js';
import { firstUint32, firstUint32Keyed, permutation, randomStream } from '../../src/random/stream.js';

describe('randomStream', () => {
  it('gives the same numbers for the same seed, a number or its string', () => {
    const draw = (seed: number | string) => {
      const s = randomStream(seed);
      return [s.uniform(), s.uint32(), s.below(7), s.normal(), ...s.shuffle([1, 2, 3, 4, 5])];
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).toEqual(draw('42'));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('is seedrandom Alea: pinned values, so a change of algorithm or library shows', () => {
    const s = randomStream(2026);
    expect(s.uniform()).toBe(0.5517789574805647);
    expect(s.uniform()).toBe(0.6370094574522227);
    expect(s.uint32()).toBe(2839708641);
    expect(s.below(10)).toBe(3);
    expect(s.normal()).toBe(-1.7693431121022405);
    expect(Array.from(permutation(10, randomStream('shuffle')))).toEqual([7, 9, 2, 1, 4, 6, 0, 3, 5, 8]);
  });

  it('uniform in [0, 1), below(n) in 0..n−1 and every value reached', () => {
    const s = randomStream('ranges');
    const seen = new Set<number>();
    let bad = 0;
    for (let k = 0; k < 10_000; k++) {
      const u = s.uniform();
      const b = s.below(6);
      const w = s.uint32();
      if (
        !(u >= 0 && u < 1) ||
        !(Number.isInteger(b) && b >= 0 && b < 6) ||
        !(Number.isInteger(w) && w >= 0 && w < 2 ** 32)
      )
        bad++;
      seen.add(b);
    }
    expect(bad).toBe(0);
    expect(seen.size).toBe(6);
  });

  it('normal draws have mean 0 and variance 1', () => {
    const s = randomStream('normal');
    const n = 50_000;
    let sum = 0;
    let squares = 0;
    let finite = 0;
    for (let k = 0; k < n; k++) {
      const x = s.normal();
      if (Number.isFinite(x)) finite++;
      sum += x;
      squares += x * x;
    }
    const mean = sum / n;
    expect(finite).toBe(n);
    // Standard errors: 1/√n ≈ 0.0045 for the mean, √(2/n) ≈ 0.0063 for the variance.
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(squares / n - mean * mean - 1)).toBeLessThan(0.03);
  });

  it('shuffle reorders in place into a permutation, arrays and typed arrays alike', () => {
    const s = randomStream('perm');
    const items = ['a', 'b', 'c', 'd', 'e', 'f'];
    const same = s.shuffle(items);
    expect(same).toBe(items);
    expect([...items].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    const p = permutation(100, s);
    expect(Array.from(p).sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(Array.from(permutation(0, s))).toEqual([]);
    expect(Array.from(permutation(1, s))).toEqual([0]);
  });

  it('shuffle is uniform: each of the 6 orders of 3 items about equally often', () => {
    const s = randomStream('uniform-shuffle');
    const counts = new Map<string, number>();
    const n = 60_000;
    for (let k = 0; k < n; k++) {
      const key = s.shuffle([0, 1, 2]).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    // Expected 10,000 each, standard deviation ≈ 91.
    for (const c of counts.values()) expect(Math.abs(c - n / 6)).toBeLessThan(500);
  });
});

describe('calibration folds', () => {
  it('are deterministic in the seed, balanced, and change with it', () => {
    const a = foldsOf(85, 5, 2026);
    expect(foldsOf(85, 5, 2026)).toEqual(a);
    expect(foldsOf(85, 5, 2027)).not.toEqual(a);
    const sizes = [0, 1, 2, 3, 4].map((f) => a.filter((x) => x === f).length);
    expect(sizes).toEqual([17, 17, 17, 17, 17]);
    const uneven = foldsOf(23, 4, 1);
    expect([0, 1, 2, 3].map((f) => uneven.filter((x) => x === f).length).sort()).toEqual([5, 6, 6, 6]);
  });
});

describe('firstUint32', () => {
  it("equals the library stream's first uint32 for every key tried", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (key) => {
        expect(firstUint32(key)).toBe(randomStream(key).uint32());
      }),
      { numRuns: 2000 },
    );
    for (let master = 0; master < 3; master++)
      for (let point = 0; point < 400; point += 7)
        for (let r = 0; r < 3; r++) {
          const key = `${master * 12345}/${point}/${r}`;
          expect(firstUint32(key)).toBe(randomStream(key).uint32());
        }
  });
});

describe('firstUint32Keyed', () => {
  it('equals firstUint32 of the spelled-out key `PREFIX${a}/${b}`', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 12 }),
        fc.oneof(fc.nat(), fc.constantFrom(0, 9, 10, 99, 100, 2 ** 31, 2 ** 53 - 1)),
        fc.oneof(fc.nat(), fc.constantFrom(0, 10, 1_000_000_007)),
        (prefix, a, b) => {
          expect(firstUint32Keyed(prefix)(a, b)).toBe(firstUint32(`${prefix}${a}/${b}`));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
