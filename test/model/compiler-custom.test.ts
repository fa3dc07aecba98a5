/**
 * The fast recompiler with custom terms: the same a, m and B as
 * compileScenario (same bits), setters for custom attributes, the fast path
 * kept in the sweep, and a custom `exposure` giving the built-in's game.
 */
import fc from 'fast-check';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/model/compile.js';
import { DECLARATION_KEYS } from '../../src/model/inputs.js';
import { makeCustomTerm } from '../../src/scenario/expression/custom-term.js';
import { loadScenario, parseScenarioText } from '../../src/scenario/load.js';
import { resolvePath, withValues } from '../../src/scenario/paths.js';
import { compiler as fastCompiler } from '../../src/model/compile.js';
import { pointModel, pointOutcome } from '../../src/sweep/point-model.js';
import { baseDoc, INLINE, toYaml } from '../scenario/scenario-text.js';
import { expectSameGame } from './same-game.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const fixture = (name: string): string => path.join(root, 'test', 'sweep', 'fixtures', name);

// The private mathjs instance is created on first use (slow on a loaded machine): outside any test's timeout.
beforeAll(
  () => void makeCustomTerm({ id: 'warm', label: 'warm', propositions: [], expression: '1' }, new Set()),
  60_000,
);

describe('fast recompiler with custom terms', () => {
  const scenario = () => loadScenario(fixture('custom-terms.yaml'));
  const paths = [
    ...DECLARATION_KEYS.map((k) => `declaration.${k}`),
    'world.raceIntensity',
    'world.raceShock',
    'weights.restraint',
    'weights.lobbyCost',
    'weights.crowd',
    'weights.unproved',
    'weights.intercept',
    'states.USA.capability',
    'states.CHN.raceExposure',
    'states.USA.normSensitivity',
    'states.CHN.bias',
    'states.USA.lobby',
    'states.CHN.lobby',
    'states.FRA.lobby',
  ];

  it('starts from compileScenario’s game', () => {
    const s = scenario();
    expect(s.terms.map((t) => t.id)).toEqual(
      expect.arrayContaining(['lobbyCost', 'lobbyRelief', 'crowd', 'patronPull', 'unproved']),
    );
    expectSameGame(fastCompiler(s), s);
  });

  it('produces the same a, m and B as compileScenario at any values, custom attributes included (property)', () => {
    const s = scenario();
    const compiler = fastCompiler(s);
    const setters = paths.map((p) => compiler.setter(p));
    expect(setters.every((x) => x !== undefined)).toBe(true);
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: paths.length, maxLength: paths.length }),
        fc.array(fc.boolean(), { minLength: paths.length, maxLength: paths.length }),
        (values, use) => {
          const chosen: Record<string, number> = {};
          paths.forEach((p, k) => {
            if (use[k]) chosen[p] = values[k];
          });
          paths.forEach((p, k) => setters[k]!(p in chosen ? chosen[p] : resolvePath(s, p).get(s)));
          expectSameGame(compiler, withValues(s, chosen));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('leaves the scenario it was built from untouched', () => {
    const s = scenario();
    const compiler = fastCompiler(s);
    compiler.setter('states.USA.lobby')!(0.1);
    compiler.setter('declaration.verification')!(0.9);
    compiler.recompile();
    expect(s.states.find((x) => x.id === 'USA')!.extra.lobby).toBe(0.8);
    expect(s.declaration.verification).toBe(0);
  });

  it('has no setter for attributes the scenario does not declare', () => {
    const compiler = fastCompiler(scenario());
    expect(compiler.setter('states.USA.noSuchThing')).toBeUndefined();
    expect(compiler.setter('weights.noSuchTerm')).toBeUndefined();
  });

  it('keeps the sweep on the fast path with custom terms and custom attribute paths', () => {
    const s = scenario();
    expect(pointModel(s, ['declaration.verification', 'states.USA.lobby', 'weights.crowd'], ['USA']).fast).toBe(true);
    // Rival weights change the game's structure: compiled afresh each point.
    expect(pointModel(s, ['states.USA.rivals.CHN'], []).fast).toBe(false);
  });
});

describe('a custom term re-creating exposure', () => {
  const builtIn = loadScenario(path.join(root, 'scenarios', 'a-coruna-2026.yaml'));
  const custom = loadScenario(fixture('exposure-custom.yaml'));
  const knobs = ['declaration.verification', 'declaration.enforcement', 'world.raceIntensity', 'states.USA.threat'];

  it('has the built-in term’s weight', () => {
    expect(custom.weights.exposureCustom).toBe(builtIn.weights.exposure);
    expect(custom.weights.exposure).toBe(0);
  });

  it('compiles fast to the same bits as compileScenario, and to the built-in game up to rounding (property)', () => {
    const compiler = fastCompiler(custom);
    const setters = knobs.map((p) => compiler.setter(p)!);
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: knobs.length, maxLength: knobs.length }),
        (values) => {
          const chosen = Object.fromEntries(knobs.map((p, k) => [p, values[k]]));
          knobs.forEach((_, k) => setters[k](values[k]));
          expectSameGame(compiler, withValues(custom, chosen));
          const reference = compileScenario(withValues(builtIn, chosen)).game;
          // K·a versus the custom term's f(R=1) − f(R=0) = −K·(1 − a) + K: equal up to rounding.
          for (const key of ['a', 'm', 'val', 'tval'] as const) {
            const x = compiler.game[key];
            const y = reference[key];
            expect(x.length).toBe(y.length);
            for (let k = 0; k < x.length; k++)
              expect(Math.abs(x[k] - y[k])).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(y[k])));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('gives the same sweep outcomes as the built-in term, both on the fast path', () => {
    const paths = ['declaration.verification', 'declaration.enforcement'];
    const a = pointModel(builtIn, paths, ['USA', 'CHN']);
    const b = pointModel(custom, paths, ['USA', 'CHN']);
    expect(a.fast).toBe(true);
    expect(b.fast).toBe(true);
    const outA = pointOutcome(2);
    const outB = pointOutcome(2);
    for (let v = 0; v <= 10; v++) {
      for (let e = 0; e <= 10; e += 2) {
        for (const m of [a, b]) {
          m.set(0, v / 10);
          m.set(1, e / 10);
        }
        a.solve('both', outA);
        b.solve('both', outB);
        expect([outB.least, outB.greatest, [...outB.trackLeast], [...outB.trackGreatest]]).toEqual([
          outA.least,
          outA.greatest,
          [...outA.trackLeast],
          [...outA.trackGreatest],
        ]);
        expect(Math.abs(outB.qreMean - outA.qreMean)).toBeLessThan(1e-9);
        expect(Math.abs(outB.pMajority - outA.pMajority)).toBeLessThan(1e-9);
      }
    }
  });
});

describe('a custom term that turns non-linear at swept values', () => {
  // Linear at verification 0 (the loader's check passes), rivalShare^1.5 at verification 0.5.
  const doc = baseDoc();
  (doc.declaration as Record<string, number>).verification = 0;
  doc.terms = [{ id: 'bent', label: 'Bent', expression: 'threat * rivalShare ^ (1 + verification)', weight: 1 }];
  const scenario = parseScenarioText(toYaml(doc), INLINE);

  it('throws from recompile like compileScenario, and recovers when the value goes back', () => {
    const compiler = fastCompiler(scenario);
    const set = compiler.setter('declaration.verification')!;
    expectSameGame(compiler, scenario);
    set(0.5);
    expect(() => compileScenario(withValues(scenario, { 'declaration.verification': 0.5 }))).toThrow(/not linear/);
    expect(() => compiler.recompile()).toThrow(/not linear/);
    set(0);
    expectSameGame(compiler, scenario);
    // The sweep's point model uses the same compiler and refuses the point the same way.
    const model = pointModel(scenario, ['declaration.verification'], []);
    expect(model.fast).toBe(true);
    model.set(0, 0.5);
    expect(() => model.solve('nash', pointOutcome(0))).toThrow(/not linear/);
  });
});

describe('a custom term that is not finite at swept values', () => {
  const doc = baseDoc();
  doc.terms = [{ id: 'steep', label: 'Steep', expression: 'threat / verification * rivalShare', weight: 1 }];
  const scenario = parseScenarioText(toYaml(doc), INLINE);

  it('throws the loader’s message from recompile, like compileScenario', () => {
    const compiler = fastCompiler(scenario);
    const set = compiler.setter('declaration.verification')!;
    expectSameGame(compiler, scenario);
    set(0);
    expect(() => compileScenario(withValues(scenario, { 'declaration.verification': 0 }))).toThrow(
      /custom term "steep" evaluates to/,
    );
    expect(() => compiler.recompile()).toThrow(/custom term "steep" evaluates to/);
    // The bad value is still set: the next recompile refuses again, never a stale game.
    expect(() => compiler.recompile()).toThrow(/custom term "steep" evaluates to/);
    set(0.25);
    expectSameGame(compiler, withValues(scenario, { 'declaration.verification': 0.25 }));
  });
});
