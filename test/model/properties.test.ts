import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/model/compile.js';
import { DECLARATION_PARAMETERS, WORLD_PARAMETERS } from '../../src/model/inputs.js';
import type { Scenario } from '../../src/model/scenario.js';
import { isSupermodular, netGain } from '../../src/solve/game.js';
import { extremalEquilibria, isEquilibrium } from '../../src/solve/nash.js';
import { scenarioArb } from './random-scenario.js';

const tallies = (s: Scenario) => {
  const eq = extremalEquilibria(compileScenario(s).game);
  return [eq.least.signed, eq.greatest.signed] as const;
};

describe('equilibrium properties on random scenarios', () => {
  it('with non-negative weights the compiled game is supermodular', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        expect(isSupermodular(compileScenario(s).game)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('both extremal profiles are equilibria: no state gains by deviating', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const game = compileScenario(s).game;
        const eq = extremalEquilibria(game);
        expect(isEquilibrium(game, eq.least.profile)).toBe(true);
        expect(isEquilibrium(game, eq.greatest.profile)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('any equilibrium reached from a random start lies between the least and the greatest', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }), (s, start) => {
        const game = compileScenario(s).game;
        const eq = extremalEquilibria(game);
        const x = Uint8Array.from(s.states, (_, i) => (start[i] ? 1 : 0));
        // Round-robin best response with ties abstaining; bounded, it converges or we skip.
        for (let sweep = 0; sweep < 200; sweep++) {
          let changed = false;
          for (let i = 0; i < game.n; i++) {
            const best = netGain(game, x, i) > 1e-12 ? 1 : 0;
            if (best !== x[i]) {
              x[i] = best;
              changed = true;
            }
          }
          if (!changed) break;
        }
        if (!isEquilibrium(game, x)) return;
        for (let i = 0; i < game.n; i++) {
          expect(eq.least.profile[i]).toBeLessThanOrEqual(x[i]);
          expect(x[i]).toBeLessThanOrEqual(eq.greatest.profile[i]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('monotone comparative statics (docs/model.md)', () => {
  const params = [
    ...DECLARATION_PARAMETERS.map((p) => ({ section: 'declaration' as const, ...p })),
    ...WORLD_PARAMETERS.filter((p) => p.monotonicity !== 'none').map((p) => ({ section: 'world' as const, ...p })),
  ].filter((p) => p.monotonicity === 'raises' || p.monotonicity === 'lowers');

  it('covers the parameters the design names', () => {
    expect(params.map((p) => p.key).sort()).toEqual(
      ['accountability', 'clubCompatibility', 'humanControl', 'neutralInterpretation', 'raceIntensity', 'raceShock', 'thresholdClarity', 'thresholdStrictness', 'verification'].sort(),
    );
  });

  for (const p of params) {
    it(`raising ${p.key} ${p.monotonicity === 'raises' ? 'never lowers' : 'never raises'} either extremal tally`, () => {
      fc.assert(
        fc.property(scenarioArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (s, x, y) => {
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          const at = (v: number): Scenario => ({ ...s, [p.section]: { ...s[p.section], [p.key]: v } });
          const [leastLo, greatestLo] = tallies(at(lo));
          const [leastHi, greatestHi] = tallies(at(hi));
          if (p.monotonicity === 'raises') {
            expect(leastHi).toBeGreaterThanOrEqual(leastLo);
            expect(greatestHi).toBeGreaterThanOrEqual(greatestLo);
          } else {
            expect(leastHi).toBeLessThanOrEqual(leastLo);
            expect(greatestHi).toBeLessThanOrEqual(greatestLo);
          }
        }),
        { numRuns: 150 },
      );
    });
  }
});
