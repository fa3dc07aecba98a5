/**
 * Flip thresholds one parameter at a time. `parameterFlips` (explain.ts)
 * computes all of them at once, about 65 × 11 equilibrium solves; an
 * interactive shell that must stay responsive asks for them one parameter
 * per tick instead, with the same result.
 */
import { gameStructure, type GameStructure } from '../model/compile.js';
import type { Scenario } from '../model/scenario.js';
import { flipThresholds } from '../solve/flip.js';
import { decisionAt, EXPLAINED_PARAMETERS, type ParameterFlip } from './explain.js';

/** Number of parameters whose flip thresholds an explanation lists. */
export const EXPLAINED_PARAMETER_COUNT = EXPLAINED_PARAMETERS.length;

/** The flip thresholds of state i for the k-th of EXPLAINED_PARAMETERS (same result as `parameterFlips(...)[k]`). */
export function parameterFlip(scenario: Scenario, i: number, k: number, structure: GameStructure = gameStructure(scenario.states)): ParameterFlip {
  const entry = EXPLAINED_PARAMETERS[k];
  if (!entry) throw new RangeError(`no explained parameter number ${k} (there are ${EXPLAINED_PARAMETERS.length})`);
  const { section, info } = entry;
  const value = (scenario[section] as unknown as Record<string, number>)[info.key];
  const result = flipThresholds((x) => decisionAt(scenario, structure, section, info.key, i, x), value, info.min, info.max);
  return { parameter: `${section}.${info.key}`, label: info.label, value, ...result };
}
