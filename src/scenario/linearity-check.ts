/**
 * Load-time check of custom terms at the scenario's own parameter values,
 * for every state: a term that is not linear in the others' actions there,
 * or not finite, is refused with the term's location.
 */
import { derivedQuantities, feltRace } from '../model/compile.js';
import type { Scenario } from '../model/scenario.js';
import type { LocatedTerm } from './build-terms.js';
import { errorAt } from './located.js';

export function checkCustomTerms(scenario: Scenario, terms: readonly LocatedTerm[]): void {
  if (terms.length === 0) return;
  const { declaration, world, states } = scenario;
  const derived = derivedQuantities(declaration, states);
  for (const state of states) {
    const ctx = { state, declaration, world, derived, race: feltRace(world, state) };
    for (const { term, expressionAt } of terms) {
      const result = term.linearOrProblem(ctx);
      if (typeof result === 'string') throw errorAt(expressionAt, `expected a finite term linear in rivalShare, signShare and patronSigns: ${result}`);
    }
  }
}
