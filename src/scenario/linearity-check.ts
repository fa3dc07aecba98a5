/**
 * Load-time check of custom terms at the scenario's own parameter values,
 * for every state: a term that is not linear in the others' actions there,
 * or not finite, is refused with the term's location.
 */
import { columnsOf } from '../model/names.js';
import type { Scenario } from '../model/scenario.js';
import type { LocatedTerm } from './build-terms.js';
import { errorAt } from './located.js';

export function checkCustomTerms(scenario: Scenario, terms: readonly LocatedTerm[]): void {
  if (terms.length === 0) return;
  const { declaration, world, states } = scenario;
  const x = columnsOf(states, declaration, world);
  for (let i = 0; i < x.n; i++) {
    for (const { term, expressionAt } of terms) {
      const result = term.linearAt(x, i);
      if (typeof result === 'string')
        throw errorAt(
          expressionAt,
          `expected a finite term linear in rivalShare, signShare and patronSigns: ${result}`,
        );
    }
  }
}
