import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeGame } from '../../src/solve/game.js';
import { monotoneSolve, nashWorkspace, noFixedActions } from '../../src/solve/nash.js';
import { greatestTally, leastTally, tallyWorkspace } from '../../src/solve/warm-nash.js';

type Spec = { n: number; a: number[]; m: number[]; edges: { i: number; j: number; v: number }[]; fixed: number[] };

const build = ({ a, m, edges }: Spec) =>
  makeGame(
    a,
    m,
    edges.filter((e) => e.i !== e.j).map((e) => ({ i: e.i, j: e.j, value: e.v })),
  );

/** monotoneSolve's least and greatest equilibria (tallies and profiles). */
function reference(game: ReturnType<typeof makeGame>, f: Int8Array) {
  const ref = nashWorkspace(game.n);
  const least = monotoneSolve(game, 1, f, ref);
  const leastProfile = ref.s.slice(0, game.n);
  const greatest = monotoneSolve(game, -1, f, ref);
  return { least, leastProfile, greatest, greatestProfile: ref.s.slice(0, game.n) };
}

function expectSame(game: ReturnType<typeof makeGame>, f: Int8Array, ws: ReturnType<typeof tallyWorkspace>) {
  const r = reference(game, f);
  expect(leastTally(game, f, ws)).toBe(r.least);
  expect(ws.s.slice(0, game.n)).toEqual(r.leastProfile);
  expect(greatestTally(game, f, ws, true)).toBe(r.greatest);
  expect(ws.s.slice(0, game.n)).toEqual(r.greatestProfile);
}

/** A random supermodular game: m ≥ 0, sparse B ≥ 0, some states held fixed; values on a coarse grid so exact ties occur. */
const games = fc.integer({ min: 1, max: 60 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    a: fc.array(
      fc.integer({ min: -8, max: 8 }).map((k) => k / 4),
      { minLength: n, maxLength: n },
    ),
    m: fc.array(
      fc.oneof(
        fc.constant(0),
        fc.integer({ min: 0, max: 8 }).map((k) => k / 2),
      ),
      { minLength: n, maxLength: n },
    ),
    edges: fc.array(
      fc.record({ i: fc.nat(n - 1), j: fc.nat(n - 1), v: fc.integer({ min: 0, max: 4 }).map((k) => k / 4) }),
      { maxLength: 3 * n },
    ),
    fixed: fc.array(fc.constantFrom(-1, -1, -1, -1, 0, 1), { minLength: n, maxLength: n }),
  }),
);

describe('sweep equilibrium solver', () => {
  it('finds the same least and greatest equilibria as monotoneSolve, from fresh and reused workspaces (property)', () => {
    fc.assert(
      fc.property(games, ({ n, a, m, edges, fixed }) => {
        const game = makeGame(
          a,
          m,
          edges.filter((e) => e.i !== e.j).map((e) => ({ i: e.i, j: e.j, value: e.v })),
        );
        const f = Int8Array.from(fixed);
        const ref = nashWorkspace(n);
        const least = monotoneSolve(game, 1, f, ref);
        const leastProfile = ref.s.slice();
        const greatest = monotoneSolve(game, -1, f, ref);
        // The greatest solve alone, and above the least equilibrium just found (its floor).
        for (const aboveLeast of [false, true])
          for (const ws of [tallyWorkspace(n), tallyWorkspace(n)]) {
            expect(leastTally(game, f, ws)).toBe(least);
            expect(ws.s).toEqual(leastProfile);
            expect(greatestTally(game, f, ws, aboveLeast)).toBe(greatest);
            expect(ws.s).toEqual(ref.s);
          }
      }),
      { numRuns: 500 },
    );
  });

  it('reproduces the Granovetter (1978) crowd: thresholds 0..99 cascade to 100', () => {
    const n = 100;
    // Δ_i = −(t_i − ½)·w + w·(others signing), w per other signer: m_i = w·(N − 1).
    const w = 1;
    const game = makeGame(
      Array.from({ length: n }, (_, t) => -(t - 0.5) * w),
      new Array(n).fill(w * (n - 1)),
      [],
    );
    const ws = tallyWorkspace(n);
    expect(leastTally(game, new Int8Array(n).fill(-1), ws)).toBe(100);
    const gap = makeGame(
      Array.from({ length: n }, (_, t) => -((t === 1 ? 2 : t) - 0.5) * w),
      new Array(n).fill(w * (n - 1)),
      [],
    );
    expect(leastTally(gap, new Int8Array(n).fill(-1), ws)).toBe(1);
  });

  it('gives the same equilibria on one workspace carried across unrelated games, whatever order it remembers (property)', () => {
    fc.assert(
      fc.property(fc.array(games, { minLength: 2, maxLength: 6 }), (specs) => {
        const ws = tallyWorkspace(60);
        for (const spec of specs) {
          const game = build(spec);
          expectSame(game, Int8Array.from(spec.fixed), ws);
          // Twice: the second solve starts from this game's own cascade.
          expectSame(game, Int8Array.from(spec.fixed), ws);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same equilibria along a path of nearby games (warm orders nearly right)', () => {
    const n = 40;
    const ws = tallyWorkspace(n);
    const edges = Array.from({ length: 60 }, (_, k) => ({
      i: (k * 7) % n,
      j: (k * 13 + 5) % n,
      value: ((k % 4) + 1) / 8,
    })).filter((e) => e.i !== e.j);
    for (let step = 0; step <= 200; step++) {
      const shift = (step - 100) / 50;
      const a = Array.from({ length: n }, (_, i) => -((i % 17) - 8) / 4 + shift);
      const m = Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 0 : (i % 7) / 2));
      const f = new Int8Array(n).fill(-1);
      if (step % 3 === 0) f[step % n] = (step % 2) as 0 | 1;
      expectSame(makeGame(a, m, edges), f, ws);
    }
  });

  it('breaks exact ties as monotoneSolve does: Granovetter crowds on the tie', () => {
    const ws = tallyWorkspace(100);
    for (const n of [2, 3, 10, 100]) {
      for (const w of [1, 0.5, 0.25, 3]) {
        // Δ_i = −(t_i − ½)·w + w·(others signing): half-integer thresholds, no ties.
        expectSame(
          makeGame(
            Array.from({ length: n }, (_, t) => -(t - 0.5) * w),
            new Array(n).fill(w * (n - 1)),
            [],
          ),
          noFixedActions(n),
          ws,
        );
        // Integer thresholds: Δ_i = 0 exactly when t_i others sign.
        expectSame(
          makeGame(
            Array.from({ length: n }, (_, t) => -t * w),
            new Array(n).fill(w * (n - 1)),
            [],
          ),
          noFixedActions(n),
          ws,
        );
        // Ties through B instead of the mean field.
        const chain = Array.from({ length: n - 1 }, (_, i) => ({ i: i + 1, j: i, value: w }));
        expectSame(
          makeGame(
            Array.from({ length: n }, (_, t) => (t === 0 ? 0 : -w)),
            new Array(n).fill(0),
            chain,
          ),
          noFixedActions(n),
          ws,
        );
      }
    }
    // All-tie crowd: a_i = 0, m_i = 0: nobody signs in the least, everybody stays in the greatest.
    const zero = makeGame(new Array(5).fill(0), new Array(5).fill(0), []);
    expect(leastTally(zero, noFixedActions(5), ws)).toBe(0);
    expect(greatestTally(zero, noFixedActions(5), ws)).toBe(5);
  });

  it('handles n = 1, n = 2 and all-fixed games', () => {
    const ws = tallyWorkspace(2);
    for (const a0 of [-1, 0, 1e-13, 1]) {
      const one = makeGame([a0], [2], []);
      for (const f of [-1, 0, 1]) expectSame(one, Int8Array.of(f), ws);
    }
    for (const [a0, a1, b] of [
      [-1, -1, 1],
      [-0.5, -0.5, 0.5],
      [0, -1, 1],
      [-1, 2, 0],
    ]) {
      const two = makeGame(
        [a0, a1],
        [0, 1],
        b > 0
          ? [
              { i: 0, j: 1, value: b },
              { i: 1, j: 0, value: b },
            ]
          : [],
      );
      for (const f0 of [-1, 0, 1]) for (const f1 of [-1, 0, 1]) expectSame(two, Int8Array.of(f0, f1), ws);
    }
    const fixedGame = makeGame([1, -1, 0.5], [1, 1, 0], [{ i: 0, j: 2, value: 1 }]);
    const allFixed = Int8Array.of(0, 1, 0);
    const ws3 = tallyWorkspace(3);
    expect(leastTally(fixedGame, allFixed, ws3)).toBe(1);
    expect(Array.from(ws3.s)).toEqual([0, 1, 0]);
    expect(greatestTally(fixedGame, allFixed, ws3)).toBe(1);
    expect(Array.from(ws3.s)).toEqual([0, 1, 0]);
  });
});
