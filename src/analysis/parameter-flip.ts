/**
 * Flip thresholds: for one state and one declaration or world parameter,
 * the values at which its least-equilibrium decision changes, and when
 * none does, how far it stays from flipping at the range's closer end.
 * `parameterFlips` gives every parameter at once (about 65 × 11
 * equilibrium solves); an interactive shell that must stay responsive asks
 * for one parameter per tick with `parameterFlip`, with the same result.
 */
import { compileScenario, gameStructure, type GameStructure } from '../model/compile.js';
import { DECLARATION_PARAMETERS, WORLD_PARAMETERS, type ParameterInfo } from '../model/inputs.js';
import type { Scenario } from '../model/scenario.js';
import { flipThresholds, type FlipResult } from '../solve/flip.js';
import { isSupermodular, netGain } from '../solve/game.js';
import { extremalEquilibria, monotoneSolve, nashWorkspace } from '../solve/nash.js';
import { fixedActions } from './run.js';

export interface ParameterFlip extends FlipResult {
  parameter: string;
  label: string;
  value: number;
  /**
   * When no value in range flips the decision: the end of the range where
   * the state comes closest, and its Δ there (at that end's least
   * equilibrium). |Δ| is how far it stays from flipping.
   */
  closest?: { at: number; delta: number };
}

/** Parameters whose flip thresholds an explanation lists. */
export const EXPLAINED_PARAMETERS: ReadonlyArray<{ section: 'declaration' | 'world'; info: ParameterInfo }> = [
  ...DECLARATION_PARAMETERS.map((info) => ({ section: 'declaration' as const, info })),
  ...WORLD_PARAMETERS.filter((p) => p.key !== 'lambda').map((info) => ({ section: 'world' as const, info })),
];

/** Number of parameters whose flip thresholds an explanation lists. */
export const EXPLAINED_PARAMETER_COUNT = EXPLAINED_PARAMETERS.length;

function withParameter(scenario: Scenario, section: 'declaration' | 'world', key: string, x: number): Scenario {
  return { ...scenario, [section]: { ...scenario[section], [key]: x } };
}

/** The game and its least equilibrium (the round-robin result from all-abstain if not supermodular), one parameter set to x. */
function leastAt(
  scenario: Scenario,
  structure: GameStructure,
  section: 'declaration' | 'world',
  key: string,
  x: number,
) {
  const { game } = compileScenario(withParameter(scenario, section, key, x), structure);
  const fixed = fixedActions(scenario);
  if (!isSupermodular(game)) return { game, profile: extremalEquilibria(game, fixed).least.profile };
  const ws = nashWorkspace(game.n);
  monotoneSolve(game, 1, fixed, ws);
  return { game, profile: ws.s };
}

/** Decision of state i in the least equilibrium of the scenario with one parameter set to x. */
export function decisionAt(
  scenario: Scenario,
  structure: GameStructure,
  section: 'declaration' | 'world',
  key: string,
  i: number,
  x: number,
): boolean {
  return leastAt(scenario, structure, section, key, x).profile[i] === 1;
}

/** State i's Δ at the least equilibrium of the scenario with one parameter set to x. */
export function deltaAt(
  scenario: Scenario,
  structure: GameStructure,
  section: 'declaration' | 'world',
  key: string,
  i: number,
  x: number,
): number {
  const { game, profile } = leastAt(scenario, structure, section, key, x);
  return netGain(game, profile, i);
}

/** The flip thresholds of state i for the k-th of EXPLAINED_PARAMETERS. */
export function parameterFlip(
  scenario: Scenario,
  i: number,
  k: number,
  structure: GameStructure = gameStructure(scenario.states),
): ParameterFlip {
  const entry = EXPLAINED_PARAMETERS[k];
  if (!entry) throw new RangeError(`no explained parameter number ${k} (there are ${EXPLAINED_PARAMETERS.length})`);
  const { section, info } = entry;
  const value = (scenario[section] as unknown as Record<string, number>)[info.key];
  const result = flipThresholds(
    (x) => decisionAt(scenario, structure, section, info.key, i, x),
    value,
    info.min,
    info.max,
  );
  const flip: ParameterFlip = { parameter: `${section}.${info.key}`, label: info.label, value, ...result };
  if (result.flips.length === 0) {
    // The closer end: the larger Δ for a state that abstains throughout, the smaller for one that signs.
    const ends = [info.min, info.max].map((at) => ({
      at,
      delta: deltaAt(scenario, structure, section, info.key, i, at),
    }));
    flip.closest = ends.reduce((best, e) =>
      (result.current ? e.delta < best.delta : e.delta > best.delta) ? e : best,
    );
  }
  return flip;
}

/** The flip thresholds of state i for every explained parameter. */
export function parameterFlips(
  scenario: Scenario,
  i: number,
  structure: GameStructure = gameStructure(scenario.states),
): ParameterFlip[] {
  return EXPLAINED_PARAMETERS.map((_, k) => parameterFlip(scenario, i, k, structure));
}
