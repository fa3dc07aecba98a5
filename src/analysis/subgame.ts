/**
 * The two-player subgame of two named states (default USA and CHN) with
 * everyone else held at the least equilibrium.
 */
import { InputError } from '../errors/input-error.js';
import { restraintRelief } from '../model/compile.js';
import { netGain } from '../solve/game.js';
import { analyzeSubgame, type PlayerPayoffs, type SubgameResult } from '../solve/subgame.js';
import { stateIndex } from './explain.js';
import type { RunResult } from './run.js';

export interface ScenarioSubgame extends SubgameResult {
  ids: [string, string];
  players: [PlayerPayoffs, PlayerPayoffs];
}

/**
 * E_i, the gain to i from j's credible restraint while i abstains: the
 * restraint j's signature commits it to, scaled by how far it can be
 * trusted (assurance a = v·b) and weighted like the restraint term — the
 * term's own rival part for j, K_j·a (docs/model.md, "The two-player
 * subgame").
 */
export function restraintGain(run: RunResult, j: number): number {
  return restraintRelief(run.compiled, j);
}

export function scenarioSubgame(run: RunResult, id1: string, id2: string): ScenarioSubgame {
  const { scenario, compiled } = run;
  const i = stateIndex(scenario, id1);
  const j = stateIndex(scenario, id2);
  if (i === j) throw new InputError(`a subgame needs two different states, got '${id1}' twice`);
  const profile = Float64Array.from(run.equilibria.least.profile);
  const player = (me: number, other: number): PlayerPayoffs => {
    const x = profile.slice();
    x[other] = 0;
    const alphaHat = netGain(compiled.game, x, me);
    x[other] = 1;
    const withOther = netGain(compiled.game, x, me);
    return { alphaHat, W: withOther - alphaHat, E: restraintGain(run, other) };
  };
  const players: [PlayerPayoffs, PlayerPayoffs] = [player(i, j), player(j, i)];
  return { ids: [scenario.states[i].id, scenario.states[j].id], players, ...analyzeSubgame(players[0], players[1]) };
}
