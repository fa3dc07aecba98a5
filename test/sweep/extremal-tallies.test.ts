import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeGame } from '../../src/solve/game.js';
import { monotoneSolve, nashWorkspace } from '../../src/solve/nash.js';
import { greatestTally, leastTally, tallyWorkspace } from '../../src/sweep/extremal-tallies.js';

/** A random supermodular game: m ≥ 0, sparse B ≥ 0, some states held fixed; values on a coarse grid so exact ties occur. */
const games = fc
  .integer({ min: 1, max: 30 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      a: fc.array(fc.integer({ min: -8, max: 4 }).map((k) => k / 4), { minLength: n, maxLength: n }),
      m: fc.array(fc.integer({ min: 0, max: 8 }).map((k) => k / 2), { minLength: n, maxLength: n }),
      edges: fc.array(fc.record({ i: fc.nat(n - 1), j: fc.nat(n - 1), v: fc.integer({ min: 0, max: 4 }).map((k) => k / 4) }), { maxLength: 3 * n }),
      fixed: fc.array(fc.constantFrom(-1, -1, -1, -1, 0, 1), { minLength: n, maxLength: n }),
    }),
  );

describe('sweep equilibrium solver', () => {
  it('finds the same least and greatest equilibria as monotoneSolve, from fresh and reused workspaces (property)', () => {
    fc.assert(
      fc.property(games, ({ n, a, m, edges, fixed }) => {
        const game = makeGame(a, m, edges.filter((e) => e.i !== e.j).map((e) => ({ i: e.i, j: e.j, value: e.v })));
        const f = Int8Array.from(fixed);
        const ref = nashWorkspace(n);
        const least = monotoneSolve(game, 1, f, ref);
        const leastProfile = ref.s.slice();
        const greatest = monotoneSolve(game, -1, f, ref);
        for (const ws of [tallyWorkspace(n), tallyWorkspace(n)]) {
          expect(leastTally(game, f, ws)).toBe(least);
          expect(ws.s).toEqual(leastProfile);
          expect(greatestTally(game, f, ws)).toBe(greatest);
          expect(ws.s).toEqual(ref.s);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reproduces the Granovetter crowd of ORACLES.md: thresholds 0..99 cascade to 100', () => {
    const n = 100;
    // Δ_i = −(t_i − ½)·w + w·(others signing), w per other signer: m_i = w·(N − 1).
    const w = 1;
    const game = makeGame(Array.from({ length: n }, (_, t) => -(t - 0.5) * w), new Array(n).fill(w * (n - 1)), []);
    const ws = tallyWorkspace(n);
    expect(leastTally(game, new Int8Array(n).fill(-1), ws)).toBe(100);
    const gap = makeGame(Array.from({ length: n }, (_, t) => -((t === 1 ? 2 : t) - 0.5) * w), new Array(n).fill(w * (n - 1)), []);
    expect(leastTally(gap, new Int8Array(n).fill(-1), ws)).toBe(1);
  });
});
