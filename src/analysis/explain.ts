/**
 * Why a state decides as it does: each term's contribution to its net gain
 * at the least equilibrium, sorted by size, and for every declaration and
 * world parameter the value at which its equilibrium decision would flip.
 */
import { InputError } from '../errors/input-error.js';
import { compileScenario, gameStructure, type GameStructure } from '../model/compile.js';
import { DECLARATION_PARAMETERS, WORLD_PARAMETERS, type ParameterInfo } from '../model/inputs.js';
import type { Scenario } from '../model/scenario.js';
import { flipThresholds, type FlipResult } from '../solve/flip.js';
import { monotoneSolve, nashWorkspace, extremalEquilibria } from '../solve/nash.js';
import { isSupermodular } from '../solve/game.js';
import { fixedActions, type RunResult } from './run.js';

export interface TermContribution {
  id: string;
  label: string;
  propositions: readonly string[];
  value: number;
}

export interface ParameterFlip extends FlipResult {
  parameter: string;
  label: string;
  value: number;
}

export interface Explanation {
  id: string;
  name: string;
  signs: boolean;
  delta: number;
  fixed?: 'sign' | 'abstain';
  /** Term contributions, largest magnitude first; `baseline` is intercept + bias. */
  contributions: TermContribution[];
  flips: ParameterFlip[];
}

/** Index of a state id, or an InputError naming the unknown id. */
export function stateIndex(scenario: Pick<Scenario, 'states'>, id: string): number {
  const i = scenario.states.findIndex((s) => s.id === id);
  if (i < 0) {
    const known = scenario.states.map((s) => s.id);
    throw new InputError(`unknown state '${id}' (the scenario has ${known.length} states: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''})`);
  }
  return i;
}

/** Decision of state i in the least equilibrium of the scenario with one parameter set to x. */
export function decisionAt(scenario: Scenario, structure: GameStructure, section: 'declaration' | 'world', key: string, i: number, x: number): boolean {
  const changed: Scenario = { ...scenario, [section]: { ...scenario[section], [key]: x } };
  const compiled = compileScenario(changed, structure);
  const fixed = fixedActions(scenario);
  if (!isSupermodular(compiled.game)) return extremalEquilibria(compiled.game, fixed).least.profile[i] === 1;
  const ws = nashWorkspace(compiled.game.n);
  monotoneSolve(compiled.game, 1, fixed, ws);
  return ws.s[i] === 1;
}

/** Parameters whose flip thresholds an explanation lists. */
export const EXPLAINED_PARAMETERS: ReadonlyArray<{ section: 'declaration' | 'world'; info: ParameterInfo }> = [
  ...DECLARATION_PARAMETERS.map((info) => ({ section: 'declaration' as const, info })),
  ...WORLD_PARAMETERS.filter((p) => p.key !== 'lambda').map((info) => ({ section: 'world' as const, info })),
];

export function parameterFlips(scenario: Scenario, i: number, structure: GameStructure = gameStructure(scenario.states)): ParameterFlip[] {
  return EXPLAINED_PARAMETERS.map(({ section, info }) => {
    const value = (scenario[section] as unknown as Record<string, number>)[info.key];
    const result = flipThresholds((x) => decisionAt(scenario, structure, section, info.key, i, x), value, info.min, info.max);
    return { parameter: `${section}.${info.key}`, label: info.label, value, ...result };
  });
}

export function explainState(run: RunResult, id: string, withFlips = true): Explanation {
  const i = stateIndex(run.scenario, id);
  const outcome = run.states[i];
  const termsById = new Map(run.compiled.terms.map((t) => [t.term.id, t.term]));
  const contributions: TermContribution[] = Object.entries(outcome.terms).map(([termId, value]) => {
    const term = termsById.get(termId);
    return {
      id: termId,
      label: term?.label ?? 'Intercept and state bias',
      propositions: term?.propositions ?? [],
      value,
    };
  });
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
