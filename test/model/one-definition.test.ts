/**
 * A term is defined once: a dummy term given only as a definition is used
 * by run, the sweep's incremental compiler, seek, the subgame, explain and
 * calibration, with no other code aware of it.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainState } from '../../src/analysis/explain.js';
import { runScenario } from '../../src/analysis/run.js';
import { leastEvaluator } from '../../src/analysis/seek.js';
import { scenarioSubgame } from '../../src/analysis/subgame.js';
import { calibrate, DEFAULT_CALIBRATION } from '../../src/calibrate/calibrate.js';
import { compileScenario, termContributions } from '../../src/model/compile.js';
import type { Scenario } from '../../src/model/scenario.js';
import type { Term } from '../../src/model/terms.js';
import { loadScenario } from '../../src/scenario/load.js';
import { withValues } from '../../src/scenario/paths.js';
import { extremalEquilibria } from '../../src/solve/nash.js';
import { fixedActions } from '../../src/analysis/run.js';
import { pointModel, pointOutcome } from '../../src/sweep/point-model.js';
import { expectSameGame } from './same-game.js';
import { compiler } from '../../src/model/compile.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const base = loadScenario(path.join(root, 'scenarios', 'a-coruna-2026.yaml'));

/** Verification pays in proportion to a state's threat, more so when its rivals sign. */
const dummy: Term = {
  id: 'dummy',
  label: 'Dummy: verified security',
  propositions: [],
  formula: 'threat · v · (1 + R_i)',
  reads: ['threat', 'verification'],
  parts: ['constant', 'rivals'],
  kernel: (x, out) => {
    const v = x.declaration.verification;
    for (let i = 0; i < x.n; i++) {
      out.constant[i] = x.attribute.threat[i] * v;
      out.rivals[i] = x.attribute.threat[i] * v;
    }
  },
};
const withDummy: Scenario = { ...base, terms: [...base.terms, dummy], weights: { ...base.weights, dummy: 3 } };

describe('a term given only as its definition', () => {
  it('changes the compiled game by exactly its weighted parts', () => {
    const plain = compileScenario(withValues(base, { 'declaration.verification': 0.6 }));
    const more = compileScenario(withValues(withDummy, { 'declaration.verification': 0.6 }));
    const usa = withDummy.states.findIndex((s) => s.id === 'USA');
    expect(more.game.a[usa] - plain.game.a[usa]).toBeCloseTo(3 * withDummy.states[usa].threat * 0.6, 12);
    expect(more.terms.map((t) => t.term.id)).toContain('dummy');
  });

  it('is used by run and explain', () => {
    const s = withValues(withDummy, { 'declaration.verification': 1 });
    const run = runScenario(s);
    const explanation = explainState(run, 'UKR', false);
    const part = explanation.contributions.find((c) => c.id === 'dummy');
    expect(part).toBeDefined();
    expect(part!.value).toBeGreaterThan(0);
    expect(run.equilibria.least.signed).toBeGreaterThanOrEqual(
      runScenario(withValues(base, { 'declaration.verification': 1 })).equilibria.least.signed,
    );
  });

  it('takes the sweep’s incremental path, bit for bit as compileScenario', () => {
    const c = compiler(withDummy);
    const set = c.setter('declaration.verification')!;
    const setThreat = c.setter('states.UKR.threat')!;
    for (const [v, t] of [
      [0.3, 0.9],
      [1, 0.1],
      [0, 0.5],
    ]) {
      set(v);
      setThreat(t);
      expectSameGame(c, withValues(withDummy, { 'declaration.verification': v, 'states.UKR.threat': t }));
    }
    const model = pointModel(withDummy, ['declaration.verification'], ['UKR']);
    expect(model.fast).toBe(true);
    const out = pointOutcome(1);
    model.set(0, 1);
    model.solve('nash', out);
    const reference = extremalEquilibria(
      compileScenario(withValues(withDummy, { 'declaration.verification': 1 })).game,
      fixedActions(withDummy),
    );
    expect([out.least, out.greatest]).toEqual([reference.least.signed, reference.greatest.signed]);
  });

  it('is seen by seek’s evaluator, the subgame and calibration', () => {
    const evaluate = leastEvaluator(withDummy);
    const declaration = { ...withDummy.declaration, verification: 0.8 };
    const profile = evaluate(declaration, withDummy.world);
    const reference = extremalEquilibria(compileScenario({ ...withDummy, declaration }).game, fixedActions(withDummy))
      .least.profile;
    expect([...profile]).toEqual([...reference]);
    const noDummy = leastEvaluator(base)(declaration, base.world);
    expect([...profile].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual([...noDummy].reduce((a, b) => a + b, 0));

    const run = runScenario(withValues(withDummy, { 'declaration.verification': 0.5 }));
    const sub = scenarioSubgame(run, 'USA', 'CHN');
    // USA's payoff in the subgame (CHN abstaining, the rest at the least equilibrium) is the sum of
    // its term contributions there, the dummy's among them.
    const x = Float64Array.from(run.equilibria.least.profile);
    const usa = run.compiled.structure.index.get('USA')!;
    x[run.compiled.structure.index.get('CHN')!] = 0;
    const parts = termContributions(run.compiled, x, usa);
    expect(parts.dummy).toBeGreaterThan(0);
    const total = run.compiled.baseline[usa] + Object.values(parts).reduce((a, b) => a + b, 0);
    expect(sub.players[0].alphaHat).toBeCloseTo(total, 10);

    const fit = calibrate(withValues(withDummy, { 'declaration.verification': 0.5 }), {
      ...DEFAULT_CALIBRATION,
      ridge: 1,
      folds: 0,
    });
    expect(fit.estimates.map((e) => e.id)).toContain('dummy');
  });
});
