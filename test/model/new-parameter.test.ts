/**
 * A declaration parameter added in one place (DECLARATION_PARAMETERS) is
 * loaded, read by a term and varied by a sweep, with no other code aware
 * of it. The module is extended here the way a contributor would extend it.
 */
import { describe, expect, it, vi } from 'vitest';
import { fixedActions } from '../../src/analysis/run.js';
import { compileScenario } from '../../src/model/compile.js';
import { parseScenarioText } from '../../src/scenario/load.js';
import { withValues } from '../../src/scenario/paths.js';
import { extremalEquilibria } from '../../src/solve/nash.js';
import { pointModel, pointOutcome } from '../../src/sweep/point-model.js';
import { baseDoc, INLINE, toYaml } from '../scenario/scenario-text.js';

vi.mock('../../src/model/inputs.js', async (importOriginal) => {
  const inputs = await importOriginal<typeof import('../../src/model/inputs.js')>();
  const knob = {
    key: 'dummyKnob',
    label: 'Dummy knob',
    meaning: '0 off · 1 on',
    propositions: [],
    monotonicity: 'raises',
    min: 0,
    max: 1,
  };
  return {
    ...inputs,
    DECLARATION_PARAMETERS: [...inputs.DECLARATION_PARAMETERS, knob],
    DECLARATION_KEYS: [...inputs.DECLARATION_KEYS, 'dummyKnob'],
  };
});

describe('a tenth declaration parameter', () => {
  const doc = baseDoc();
  (doc.declaration as Record<string, number>).dummyKnob = 0;
  doc.terms = [
    { id: 'knobPull', label: 'Knob pull', expression: '2 * dummyKnob * threat * (1 + rivalShare)', weight: 1 },
  ];
  const scenario = parseScenarioText(toYaml(doc), INLINE);

  it('is loaded and required like the others', () => {
    expect(scenario.declaration).toHaveProperty('dummyKnob', 0);
    const missing = baseDoc();
    delete (missing.declaration as Record<string, number>).dummyKnob;
    expect(() => parseScenarioText(toYaml(missing), INLINE)).toThrow(/dummyKnob/);
  });

  it('is swept through the incremental compiler without a crash, with the equilibria of a fresh compile', () => {
    const model = pointModel(scenario, ['declaration.dummyKnob', 'declaration.verification'], []);
    expect(model.fast).toBe(true);
    const out = pointOutcome(0);
    const tallies: number[] = [];
    for (const v of [0, 0.25, 0.5, 1]) {
      model.set(0, v);
      model.set(1, 0.5);
      model.solve('nash', out);
      const reference = extremalEquilibria(
        compileScenario(withValues(scenario, { 'declaration.dummyKnob': v, 'declaration.verification': 0.5 })).game,
        fixedActions(scenario),
      );
      expect([out.least, out.greatest]).toEqual([reference.least.signed, reference.greatest.signed]);
      tallies.push(out.greatest);
    }
    // The knob only adds a gain: the greatest tally cannot fall as it rises.
    expect(tallies).toEqual([...tallies].sort((a, b) => a - b));
  });
});
