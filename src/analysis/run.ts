/**
 * A scenario solved: both extremal pure equilibria, the logit QRE and the
 * exact tally distribution, and each state's decision with its terms.
 * Pure: shells (CLI, TUI, sweeps) format this, they never compute it.
 */
import { compileScenario, termContributions, type CompiledScenario } from '../model/compile.js';
import type { Scenario } from '../model/scenario.js';
import { netGains } from '../solve/game.js';
import { extremalEquilibria, noFixedActions, type ExtremalEquilibria, type FixedActions } from '../solve/nash.js';
import { logitQre, type QreResult } from '../solve/qre.js';
import { pureEquilibria } from '../solve/enumerate.js';
import { probabilityAtLeast, tallyDistribution, type TallyDistribution } from '../solve/tally.js';

export interface StateOutcome {
  id: string;
  name: string;
  blocs: string[];
  /** Decision in the least equilibrium. */
  signs: boolean;
  /** Decision in the greatest equilibrium. */
  signsGreatest: boolean;
  /** Net gain of signing at the least equilibrium. */
  delta: number;
  /** Weighted contribution of each term to delta, by term id (plus `baseline`: intercept + bias). */
  terms: Record<string, number>;
  /** Probability of signing in the least logit QRE. */
  pSign: number;
  fixed?: 'sign' | 'abstain';
  /** Round of the cascade from all-abstain in which the state signed (1-based), if it did. */
  round?: number;
}

export interface RunResult {
  scenario: Scenario;
  compiled: CompiledScenario;
  fixed: FixedActions;
  equilibria: ExtremalEquilibria;
  qre: QreResult;
  /** Tally distribution of the least QRE. */
  tally: TallyDistribution;
  /** P(tally ≥ majority of attendees) in the least QRE. */
  pMajority: number;
  /**
   * Every pure equilibrium, by enumeration, when the game is not
   * supermodular (no least/greatest to bound them) and at most
   * `ENUMERATION_LIMIT` states are free; otherwise undefined.
   */
  allPure?: Uint8Array[];
  states: StateOutcome[];
}

export function fixedActions(scenario: Pick<Scenario, 'states' | 'fixed'>): FixedActions {
  const fixed = noFixedActions(scenario.states.length);
  scenario.states.forEach((s, i) => {
    // Own properties only: a state called `constructor` or `toString` is not held by Object.prototype.
    const f = Object.hasOwn(scenario.fixed, s.id) ? scenario.fixed[s.id] : undefined;
    if (f) fixed[i] = f === 'sign' ? 1 : 0;
  });
  return fixed;
}

export function majorityOf(n: number): number {
  return Math.floor(n / 2) + 1;
}

export function runScenario(scenario: Scenario, compiled: CompiledScenario = compileScenario(scenario)): RunResult {
  const fixed = fixedActions(scenario);
  const equilibria = extremalEquilibria(compiled.game, fixed);
  const qre = logitQre(compiled.game, scenario.world.lambda, fixed);
  const allPure = equilibria.method === 'monotone' ? undefined : pureEquilibria(compiled.game, fixed);
  const tally = tallyDistribution(qre.least.p);
  const least = equilibria.least.profile;
  const deltas = netGains(compiled.game, least);
  const roundOf = new Map<number, number>();
  equilibria.least.rounds.forEach((r, k) => r.forEach((i) => roundOf.set(i, k + 1)));
  const states = scenario.states.map((s, i): StateOutcome => {
    const terms = termContributions(compiled, least, i);
    const outcome: StateOutcome = {
      id: s.id,
      name: s.name,
      blocs: s.blocs,
      signs: least[i] === 1,
      signsGreatest: equilibria.greatest.profile[i] === 1,
      delta: deltas[i],
      terms: { baseline: compiled.baseline[i], ...terms },
      pSign: qre.least.p[i],
    };
    if (fixed[i] !== -1) outcome.fixed = fixed[i] === 1 ? 'sign' : 'abstain';
    if (roundOf.has(i)) outcome.round = roundOf.get(i);
    return outcome;
  });
  return {
    scenario,
    compiled,
    fixed,
    equilibria,
    qre,
    tally,
    pMajority: probabilityAtLeast(tally.pmf, majorityOf(scenario.states.length)),
    states,
    ...(allPure ? { allPure } : {}),
  };
}

/** Ids of the states that sign in a profile. */
export function signerIds(scenario: Pick<Scenario, 'states'>, profile: ArrayLike<number>): string[] {
  return scenario.states.filter((_, i) => profile[i] === 1).map((s) => s.id);
}
