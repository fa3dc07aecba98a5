/**
 * A scenario as plain data, for a worker thread: everything but the terms'
 * kernels (functions, which cannot cross a thread) is kept as it is; a
 * built-in term travels as its id and a custom term as the text it was
 * made from, and both are rebuilt on the other side exactly as the loader
 * builds them.
 */
import type { Scenario } from '../model/scenario.js';
import { BUILTIN_TERMS } from '../model/terms.js';
import { makeCustomTerm, type CustomTerm, type CustomTermSpec } from './expression/custom-term.js';

export type PlainTerm = { builtin: string } | { custom: CustomTermSpec };

export interface PlainScenario extends Omit<Scenario, 'terms'> {
  terms: PlainTerm[];
  /** The scenario's custom attributes (the keys of its states' `extra`), which custom terms may read. */
  customAttributes: string[];
}

function isCustom(term: Scenario['terms'][number]): term is CustomTerm {
  return typeof (term as Partial<CustomTerm>).expression === 'string';
}

/** The scenario with its terms as ids or expressions: structured-clone safe. */
export function toPlainScenario(scenario: Scenario): PlainScenario {
  const terms = scenario.terms.map((t): PlainTerm => {
    if (!isCustom(t)) return { builtin: t.id };
    const spec: CustomTermSpec = {
      id: t.id,
      label: t.label,
      propositions: [...t.propositions],
      expression: t.expression,
      formula: t.formula,
      ...(t.source !== undefined ? { source: t.source } : {}),
    };
    return { custom: spec };
  });
  const customAttributes = [...new Set(scenario.states.flatMap((s) => Object.keys(s.extra)))];
  return { ...scenario, terms, customAttributes };
}

/** The scenario again, its terms rebuilt: built-ins by id, custom terms from their expressions. */
export function fromPlainScenario(plain: PlainScenario): Scenario {
  const { customAttributes, terms, ...rest } = plain;
  const attributes = new Set(customAttributes);
  return {
    ...rest,
    terms: terms.map((t) => {
      if ('custom' in t) return makeCustomTerm(t.custom, attributes);
      const term = BUILTIN_TERMS.find((b) => b.id === t.builtin);
      if (!term) throw new RangeError(`no built-in term '${t.builtin}'`);
      return term;
    }),
  };
}
