/**
 * Why a state decides as it does: each term's contribution to its net gain
 * at the least equilibrium, sorted by size, and for every declaration and
 * world parameter the value at which its equilibrium decision would flip.
 */
import type { Scenario } from '../model/scenario.js';
import { stateIndexOf } from '../scenario/find-state.js';
import { parameterFlips, type ParameterFlip } from './parameter-flip.js';
import type { RunResult } from './run.js';

export interface TermContribution {
  id: string;
  label: string;
  propositions: readonly string[];
  value: number;
}

export interface Explanation {
  id: string;
  name: string;
  signs: boolean;
  delta: number;
  fixed?: 'sign' | 'abstain';
  /** Term contributions, largest magnitude first; `intercept` (shared by every state) and `bias` (the state's own) are listed apart. */
  contributions: TermContribution[];
  flips: ParameterFlip[];
}

/**
 * Index of the state a user names (its id in any case, or its English
 * name), or an InputError naming the unknown state with "did you mean".
 */
export function stateIndex(scenario: Pick<Scenario, 'states'>, id: string): number {
  return stateIndexOf(scenario.states, id);
}

export function explainState(run: RunResult, id: string, withFlips = true): Explanation {
  const i = stateIndex(run.scenario, id);
  const outcome = run.states[i];
  const termsById = new Map(run.compiled.terms.map((t) => [t.term.id, t.term]));
  const contributions: TermContribution[] = Object.entries(outcome.terms)
    .filter(([termId]) => termId !== 'baseline')
    .map(([termId, value]) => {
      const term = termsById.get(termId)!;
      return { id: termId, label: term.label, propositions: term.propositions, value };
    });
  // The baseline w0 + bias_i splits into the intercept every state shares and the state's own bias.
  contributions.push({
    id: 'intercept',
    label: 'Shared intercept (the same for every state)',
    propositions: [],
    value: run.scenario.weights.intercept,
  });
  const bias = run.scenario.states[i].bias;
  if (bias !== 0) contributions.push({ id: 'bias', label: `${outcome.id}'s own bias`, propositions: [], value: bias });
  contributions.sort((x, y) => Math.abs(y.value) - Math.abs(x.value) || x.id.localeCompare(y.id));
  return {
    id: outcome.id,
    name: outcome.name,
    signs: outcome.signs,
    delta: outcome.delta,
    fixed: outcome.fixed,
    contributions,
    flips: withFlips ? parameterFlips(run.scenario, i, run.compiled.structure) : [],
  };
}
