/** The pure cores behind seek and the cascade view. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/input-error.js';
import { cascadeOf } from '../../src/analysis/cascade.js';
import { leastEvaluator, parseTarget, seek, targetToText } from '../../src/analysis/seek.js';
import { runScenario } from '../../src/analysis/run.js';
import { withValues } from '../../src/scenario/paths.js';
import { BASE, FIXTURE, solved } from './helpers.js';

describe('parseTarget', () => {
  it('reads the three forms and prints them back', () => {
    expect(parseTarget('signed>=43')).toEqual({ minSigned: 43, mustSign: [] });
    expect(parseTarget(' USA, CHN  sign ')).toEqual({ mustSign: ['USA', 'CHN'] });
    expect(parseTarget('signed >= 43 and USA,CHN signs')).toEqual({ minSigned: 43, mustSign: ['USA', 'CHN'] });
    expect(targetToText(parseTarget('USA,CHN sign and signed>=43'))).toBe('signed>=43 and USA,CHN sign');
  });
  // 'USA CHN sign' reads as one state named "USA CHN" (names have blanks); seek refuses it (test/cli/lookups.test.ts).
  it.each(['signed=43', 'signed>=-1', 'signed>=4.5', 'USA,USA sign', 'and', 'USA sign or CHN sign'])(
    'rejects %j',
    (t) => {
      expect(() => parseTarget(t)).toThrow(InputError);
    },
  );
});

describe('leastEvaluator', () => {
  it('agrees with the full compile-and-solve at random parameter values of the baseline', () => {
    const base = solved(BASE).scenario;
    const evaluate = leastEvaluator(base);
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(fc.tuple(unit, unit, unit, unit, unit, unit), ([v, e, d, n, h, r]) => {
        const values = {
          'declaration.verification': v,
          'declaration.enforcement': e,
          'declaration.differentiation': d,
          'declaration.neutralInterpretation': n,
          'declaration.humanControl': h,
          'world.raceIntensity': r,
        };
        const changed = withValues(base, values);
        const fast = evaluate(changed.declaration, changed.world);
        expect(Array.from(fast)).toEqual(Array.from(runScenario(changed).equilibria.least.profile));
      }),
      { numRuns: 25 },
    );
  });
});

describe('seek (core)', () => {
  // Checked against the full compile-and-solve (runScenario), never against seek itself.
  const scenario = solved(FIXTURE).scenario;
  const least = (values: Record<string, number>) => runScenario(withValues(scenario, values)).equilibria.least.signed;
  const H = 'declaration.humanControl';
  const CC = 'declaration.clubCompatibility';
  const at = (values: Record<string, number>) => ({
    [H]: scenario.declaration.humanControl,
    [CC]: scenario.declaration.clubCompatibility,
    ...values,
  });
  const r = seek(scenario, parseTarget('signed>=2'));
  const moved = Object.fromEntries(r.changes.map((c) => [c.path, c.to]));

  it('the answer meets the target, and no change alone or pulled back a little does', () => {
    expect(r.status).toBe('found');
    // Only the two levers carry weight in this fixture: nothing else can help.
    expect(r.changes.map((c) => c.path).sort()).toEqual([CC, H]);
    expect(least(moved)).toBeGreaterThanOrEqual(2);
    expect(r.run.equilibria.least.signed).toBeGreaterThanOrEqual(2);
    for (const c of r.changes) {
      expect(least({ [c.path]: c.to }), `${c.path} alone`).toBeLessThan(2);
      expect(
        least({ ...moved, [c.path]: c.to - 0.01 * Math.sign(c.to - c.from) }),
        `${c.path} pulled back by 0.01`,
      ).toBeLessThan(2);
    }
    expect(r.distance).toBeCloseTo(
      r.changes.reduce((acc, c) => acc + Math.abs(c.to - c.from), 0),
      12,
    );
    expect(r.lowerBound).toBeLessThanOrEqual(r.distance + 1e-12);
  });

  it('no point of a 0.01 grid over both levers meets the target closer than the answer', () => {
    const step = 0.01;
    let best = Infinity;
    for (let i = 0; scenario.declaration.humanControl + i * step <= 1 + 1e-9; i++) {
      // Raising a lever only helps (the weights are positive): scan club compatibility up to the first success.
      for (let j = 0; scenario.declaration.clubCompatibility + j * step <= 1 + 1e-9; j++) {
        if (
          least(
            at({
              [H]: Math.min(1, scenario.declaration.humanControl + i * step),
              [CC]: Math.min(1, scenario.declaration.clubCompatibility + j * step),
            }),
          ) >= 2
        ) {
          best = Math.min(best, (i + j) * step);
          break;
        }
      }
    }
    // The grid's best is 0.31 + 0.31: the answer is no farther, and within a grid step per lever of it.
    expect(best).toBeCloseTo(0.62, 9);
    expect(r.distance).toBeLessThanOrEqual(best);
    expect(r.distance).toBeGreaterThan(best - 2 * step);
  });
});

describe('cascade', () => {
  it('every tipped state: Δ alone + momentum + ties = Δ when it signed, and Δ alone ≤ 0', () => {
    for (const file of [BASE, 'scenarios/what-if/usa-signs.yaml', 'scenarios/what-if/differentiation.yaml']) {
      const c = cascadeOf(solved(file));
      expect(c.monotone).toBe(true);
      expect(c.tipped.length).toBeGreaterThan(0);
      for (const t of c.tipped) {
        const ties = t.tippers.reduce((acc, x) => acc + x.bilateral, 0);
        expect(t.deltaAlone + t.momentumTotal + ties).toBeCloseTo(t.deltaWhenSigned, 9);
        expect(t.deltaWhenSigned).toBeGreaterThan(0);
        expect(t.round).toBeGreaterThanOrEqual(2);
      }
    }
  });
  it('the rounds add up to the least equilibrium', () => {
    const run = solved('scenarios/what-if/usa-signs.yaml');
    const c = cascadeOf(run);
    expect(c.rounds.at(-1)!.cumulative).toBe(run.equilibria.least.signed);
    expect(c.heldAtSign).toEqual(['USA']);
  });
});
