/**
 * Random scenarios for property tests, built directly as model inputs (no
 * loader): every attribute in [0,1], non-negative weights and rival weights,
 * so every interaction is a complement.
 */
import fc from 'fast-check';
import {
  DECLARATION_KEYS,
  STATE_ATTRIBUTES,
  type Declaration,
  type StateInput,
  type Weights,
  type World,
} from '../../src/model/inputs.js';
import type { Scenario } from '../../src/model/scenario.js';
import { BUILTIN_TERMS } from '../../src/model/terms.js';

const unit = fc.double({ min: 0, max: 1, noNaN: true });

export const declarationArb: fc.Arbitrary<Declaration> = fc
  .tuple(...DECLARATION_KEYS.map(() => unit))
  .map((xs) => Object.fromEntries(DECLARATION_KEYS.map((k, i) => [k, xs[i]])) as unknown as Declaration);

export const scenarioArb: fc.Arbitrary<Scenario> = fc.integer({ min: 2, max: 10 }).chain((n) =>
  fc
    .record({
      declaration: declarationArb,
      world: fc.record({
        raceIntensity: unit,
        raceShock: unit,
        lambda: fc.double({ min: 0, max: 20, noNaN: true }),
        seed: fc.constant(1),
      }),
      weights: fc.tuple(
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 2, noNaN: true }), {
          minLength: BUILTIN_TERMS.length,
          maxLength: BUILTIN_TERMS.length,
        }),
      ),
      attrs: fc.array(fc.array(unit, { minLength: STATE_ATTRIBUTES.length, maxLength: STATE_ATTRIBUTES.length }), {
        minLength: n,
        maxLength: n,
      }),
      bias: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
      rivals: fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }), {
        minLength: n,
        maxLength: n,
      }),
      patrons: fc.array(fc.tuple(fc.integer({ min: -1, max: n - 1 }), unit), { minLength: n, maxLength: n }),
    })
    .map(({ declaration, world, weights, attrs, bias, rivals, patrons }): Scenario => {
      const ids = Array.from({ length: n }, (_, i) => `S${i}`);
      const w: Weights = { intercept: weights[0] };
      BUILTIN_TERMS.forEach((t, k) => (w[t.id] = weights[1][k]));
      const states: StateInput[] = ids.map((id, i) => {
        const s = Object.fromEntries(STATE_ATTRIBUTES.map((a, k) => [a, attrs[i][k]])) as unknown as StateInput;
        s.id = id;
        s.name = id;
        s.bias = bias[i];
        s.rivals = Object.fromEntries(
          rivals[i].map((x, j) => [ids[j], x]).filter(([, x], j) => j !== i && (x as number) > 0.5),
        );
        const [p, d] = patrons[i];
        if (p >= 0 && p !== i) s.patron = { id: ids[p], deference: d };
        s.blocs = [];
        s.extra = {};
        return s;
      });
      return {
        name: 'random',
        description: '',
        declaration,
        world: world as World,
        weights: w,
        states,
        terms: BUILTIN_TERMS,
        fixed: {},
        uncertainty: [],
      };
    }),
);
