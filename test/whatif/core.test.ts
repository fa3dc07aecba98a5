/** The pure cores behind seek and the cascade view. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
  it.each(['signed=43', 'signed>=-1', 'signed>=4.5', 'USA CHN sign', 'USA,USA sign', 'and', 'USA sign or CHN sign'])('rejects %j', (t) => {
    expect(() => parseTarget(t)).toThrow(RangeError);
  });
});

describe('leastEvaluator', () => {
  it('agrees with the full compile-and-solve at random parameter values of the baseline', () => {
    const base = solved(BASE).scenario;
    const evaluate = leastEvaluator(base);
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(fc.tuple(unit, unit, unit, unit, unit, unit), ([v, e, d, n, h, r]) => {
        const values = { 'declaration.verification': v, 'declaration.enforcement': e, 'declaration.differentiation': d, 'declaration.neutralInterpretation': n, 'declaration.humanControl': h, 'world.raceIntensity': r };
        const changed = withValues(base, values);
        const fast = evaluate(changed.declaration, changed.world);
        expect(Array.from(fast)).toEqual(Array.from(runScenario(changed).equilibria.least.profile));
      }),
      { numRuns: 25 },
    );
  });
});

describe('seek (core)', () => {
  it('the answer meets the target and no coordinate can be pulled back alone', () => {
    const scenario = solved(FIXTURE).scenario;
    const r = seek(scenario, parseTarget('signed>=2'));
    expect(r.status).toBe('found');
    expect(r.run.equilibria.least.signed).toBeGreaterThanOrEqual(2);
    expect(r.lowerBound).toBeLessThanOrEqual(r.distance + 1e-12);
    for (const c of r.changes) {
      const back = seek(withValues(scenario, { [c.path]: c.from }), parseTarget('signed>=2'));
      expect(back.distance).toBeGreaterThan(0.25);
    }
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
