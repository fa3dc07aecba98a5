/** Builders of small valid scenario documents for the loader tests. */
import { stringify } from 'yaml';
import { BUILTIN_TERM_IDS } from '../../src/model/terms.js';
import { DECLARATION_KEYS, STATE_ATTRIBUTES } from '../../src/model/inputs.js';

export type Doc = Record<string, unknown>;

export function stateDoc(id: string, value = 0.5, extra: Doc = {}): Doc {
  return { id, name: `${id}land`, ...Object.fromEntries(STATE_ATTRIBUTES.map((a) => [a, value])), ...extra };
}

/** A valid three-state scenario as plain data (a fresh copy each call). */
export function baseDoc(): Doc {
  return {
    name: 'Base',
    description: 'three states',
    declaration: Object.fromEntries(DECLARATION_KEYS.map((k) => [k, 0.5])),
    world: { raceIntensity: 0.5, raceShock: 0.2, lambda: 10, seed: 7 },
    weights: { intercept: 0, ...Object.fromEntries(BUILTIN_TERM_IDS.map((id) => [id, 1])) },
    states: [
      stateDoc('AAA', 0.6, { rivals: { BBB: 1 } }),
      stateDoc('BBB', 0.4, { rivals: { AAA: 1 } }),
      stateDoc('CCC', 0.3, { patron: { id: 'AAA', deference: 0.5 } }),
    ],
    fix: { CCC: 'sign' },
    observed: { signed: ['CCC'] },
  };
}

export const toYaml = (doc: unknown): string => stringify(doc);

/** Where inline texts pretend to live, so relative `extends` find the fixtures. */
export const FIXTURES = 'test/fixtures/scenarios';
export const INLINE = `${FIXTURES}/inline.yaml`;
