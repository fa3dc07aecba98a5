import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedActions } from '../../src/analysis/run.js';
import { DECLARATION_KEYS, STATE_ATTRIBUTES } from '../../src/model/inputs.js';
import { loadScenario } from '../../src/scenario/load.js';
import { resolvePath, withValues } from '../../src/scenario/paths.js';
import { monotoneSolve, nashWorkspace } from '../../src/solve/nash.js';
import { leastQreInto, logitQre } from '../../src/solve/qre.js';
import { greatestTally, leastTally, tallyWorkspace } from '../../src/solve/warm-nash.js';
import { isSupermodular } from '../../src/solve/game.js';
import { compiler as fastCompiler } from '../../src/model/compile.js';
import { expectSameGame } from './same-game.js';
import { scenarioArb } from './random-scenario.js';
import { makeCustomTerm } from '../../src/scenario/expression/custom-term.js';
import type { Scenario } from '../../src/model/scenario.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const files = [
  'scenarios/examples/stag-hunt.yaml',
  'scenarios/examples/threshold-crowd.yaml',
  'scenarios/base/a-coruna-2026-prior.yaml',
];

describe.each(files)('incremental compiler on %s', (file) => {
  const scenario = loadScenario(path.join(root, file));
  const ids = scenario.states.map((s) => s.id);
  const paths = [
    ...DECLARATION_KEYS.map((k) => `declaration.${k}`),
    'world.raceIntensity',
    'world.raceShock',
    'weights.restraint',
    'weights.momentum',
    'weights.intercept',
    `states.${ids[0]}.capability`,
    `states.${ids[ids.length - 1]}.normSensitivity`,
    `states.${ids[0]}.bias`,
  ];

  it('produces the same a, m and B as compileScenario at any parameter values (property)', () => {
    const compiler = fastCompiler(scenario);
    const setters = paths.map((p) => compiler.setter(p)!);
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: paths.length, maxLength: paths.length }),
        fc.array(fc.boolean(), { minLength: paths.length, maxLength: paths.length }),
        (values, use) => {
          const chosen: Record<string, number> = {};
          paths.forEach((p, k) => {
            if (use[k]) chosen[p] = values[k];
          });
          // Unchosen paths go back to the scenario's value, so the compiler sees both changes and no-changes.
          const target = withValues(scenario, chosen);
          paths.forEach((p, k) => setters[k](p in chosen ? chosen[p] : resolvePath(scenario, p).get(scenario)));
          expectSameGame(compiler, target);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives the sweep solvers the equilibria and QRE of src/solve (property)', () => {
    const compiler = fastCompiler(scenario);
    const set = compiler.setter('declaration.verification')!;
    const setStrict = compiler.setter('declaration.thresholdStrictness')!;
    const fixed = fixedActions(scenario);
    const ws = nashWorkspace(scenario.states.length);
    const p = new Float64Array(scenario.states.length);
    const tws = tallyWorkspace(scenario.states.length);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (v, s) => {
        set(v);
        setStrict(s);
        compiler.recompile();
        const g = compiler.game;
        const least = monotoneSolve(g, 1, fixed, ws);
        const leastProfile = ws.s.slice();
        const greatest = monotoneSolve(g, -1, fixed, ws);
        const greatestProfile = ws.s.slice();
        expect(leastTally(g, fixed, tws)).toBe(least);
        expect(tws.s).toEqual(leastProfile);
        expect(greatestTally(g, fixed, tws)).toBe(greatest);
        expect(tws.s).toEqual(greatestProfile);
        leastQreInto(g, scenario.world.lambda, fixed, true, p);
        const reference = logitQre(g, scenario.world.lambda, fixed).least.p;
        for (let i = 0; i < g.n; i++) expect(Math.abs(p[i] - reference[i])).toBeLessThan(1e-9);
      }),
      { numRuns: 40 },
    );
  });
});

describe('sweep point model', () => {
  it('sets every declaration, world, weight and state path through the incremental compiler on the A Coruña baseline', async () => {
    const { pointModel } = await import('../../src/sweep/point-model.js');
    const scenario = loadScenario(path.join(root, 'scenarios', 'a-coruna-2026.yaml'));
    const paths = [
      ...DECLARATION_KEYS.map((k) => `declaration.${k}`),
      'world.raceIntensity',
      'world.raceShock',
      'weights.restraint',
      'states.USA.capability',
      'states.CHN.bias',
    ];
    expect(pointModel(scenario, paths, ['USA']).fast).toBe(true);
    // Rival weights change the game's structure: compiled afresh each point.
    expect(pointModel(scenario, ['states.USA.rivals.CHN'], []).fast).toBe(false);
  });
});

describe('incremental recompile', () => {
  // Declaration, world, weights (built-in and intercept) and state columns (attributes and bias).
  const scenario = loadScenario(path.join(root, 'scenarios', 'a-coruna-2026.yaml'));
  const ids = scenario.states.map((s) => s.id);
  const paths = [
    ...DECLARATION_KEYS.map((k) => `declaration.${k}`),
    'world.raceIntensity',
    'world.raceShock',
    'world.lambda',
    ...scenario.terms.map((t) => `weights.${t.id}`),
    'weights.intercept',
    ...[ids[0], ids[1], ids[ids.length - 1]].flatMap((id) =>
      [...STATE_ATTRIBUTES, 'bias'].map((a) => `states.${id}.${a}`),
    ),
    ...scenario.states
      .filter((s) => s.patron)
      .slice(0, 3)
      .map((s) => `states.${s.id}.patron.deference`),
  ];

  it('gives compileScenario’s game after each recompile of a random sequence of setter calls (property)', () => {
    const step = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record({
          path: fc.integer({ min: 0, max: paths.length - 1 }),
          value: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 0.5)),
        }),
      },
      { weight: 1, arbitrary: fc.constant('recompile' as const) },
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
        const compiler = fastCompiler(scenario);
        const setters = paths.map((p) => compiler.setter(p)!);
        expect(setters.every((s) => s !== undefined)).toBe(true);
        const chosen: Record<string, number> = {};
        for (const s of [...steps, 'recompile' as const]) {
          if (s === 'recompile') expectSameGame(compiler, withValues(scenario, chosen));
          else {
            chosen[paths[s.path]] = s.value;
            setters[s.path](s.value);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("the compiler's supermodular flag", () => {
  it('follows m and B as a weight turns them negative and back, without a scan of the game', () => {
    const scenario = loadScenario(path.join(root, 'scenarios', 'a-coruna-2026.yaml'));
    const compiler = fastCompiler(scenario);
    // With verification, so that the rivals' assurance, and with it B's rival entries, is not 0.
    compiler.setter('declaration.verification')!(1);
    const flag = () => {
      compiler.recompile();
      expect(compiler.supermodular()).toBe(isSupermodular(compiler.game));
      return compiler.supermodular();
    };
    expect(flag()).toBe(true);
    // A negative momentum weight makes m negative (the baseline's states all have normSensitivity > 0),
    // a negative restraint weight the rival entries of B.
    for (const term of ['momentum', 'restraint']) {
      const set = compiler.setter(`weights.${term}`)!;
      set(-1);
      expect(flag()).toBe(false);
      set(scenario.weights[term]);
      expect(flag()).toBe(true);
    }
  });
});

describe('incremental compiler on random scenarios with custom terms', () => {
  const expressions = [
    '-threat * (1 - assurance * rivalShare)',
    'normSensitivity * signShare - 0.1',
    'deference * patronSigns + race * effectiveStrictness',
    'capability > meanCapability ? -pace : bindingness * rivalShare',
  ];

  it('gives compileScenario’s game after random setter sequences over every path (property)', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.subarray(expressions),
        fc.array(fc.tuple(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 25 }),
        (base, chosen, steps) => {
          const custom = chosen.map((expression, k) =>
            makeCustomTerm({ id: `custom${k}`, label: `custom ${k}`, propositions: [], expression }, new Set()),
          );
          const scenario: Scenario = {
            ...base,
            terms: [...base.terms, ...custom],
            weights: { ...base.weights, ...Object.fromEntries(custom.map((t, k) => [t.id, 0.5 + k])) },
          };
          const paths = [
            ...DECLARATION_KEYS.map((k) => `declaration.${k}`),
            'world.raceIntensity',
            'world.raceShock',
            ...scenario.terms.map((t) => `weights.${t.id}`),
            'weights.intercept',
            ...scenario.states.flatMap((s) =>
              [...STATE_ATTRIBUTES, 'bias', ...(s.patron ? ['patron.deference'] : [])].map(
                (a) => `states.${s.id}.${a}`,
              ),
            ),
          ];
          const c = fastCompiler(scenario);
          const values: Record<string, number> = {};
          for (const [k, v] of steps) {
            const p = paths[k % paths.length];
            c.setter(p)!(v);
            values[p] = v;
          }
          expectSameGame(c, withValues(scenario, values));
        },
      ),
      { numRuns: 150 },
    );
  });
});
