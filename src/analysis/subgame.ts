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

export function scenarioSubgame(run: RunResult, id1: string, id2: string): ScenarioSubgame {
  const { scenario, compiled } = run;
  const i = stateIndex(scenario, id1);
  const j = stateIndex(scenario, id2);
  if (i === j)
    throw new InputError(
      `a subgame needs two different states, got ${scenario.states[i].id} twice (as '${id1}' and '${id2}')`,
    );
  const profile = Float64Array.from(run.equilibria.least.profile);
  const player = (me: number, other: number): PlayerPayoffs => {
    const x = profile.slice();
    x[other] = 0;
    const alphaHat = netGain(compiled.game, x, me);
    x[other] = 1;
    const withOther = netGain(compiled.game, x, me);
    // E: the restraint the other's signature commits it to, as far as it can be trusted (K_j·a,
    // weighted like the restraint term; docs/model.md, "The two-player subgame").
    return { alphaHat, W: withOther - alphaHat, E: restraintRelief(compiled, other) };
  };
  const players: [PlayerPayoffs, PlayerPayoffs] = [player(i, j), player(j, i)];
  return { ids: [scenario.states[i].id, scenario.states[j].id], players, ...analyzeSubgame(players[0], players[1]) };
}
