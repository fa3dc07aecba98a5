/**
 * A resolved scenario: what the loader hands the model after `extends`,
 * rosters and overrides have been applied and every value validated.
 */
import type { Declaration, FixedAction, StateInput, Weights, World } from './inputs.js';
import type { Term } from './terms.js';

/** An uncertain input: a distribution to draw from in Monte Carlo replications. */
export type Distribution =
  | { kind: 'normal'; mean: number; sd: number }
  | { kind: 'uniform'; min: number; max: number };

export interface UncertainInput {
  /** Scenario path, e.g. `states.USA.capability` or `declaration.verification`. */
  path: string;
  distribution: Distribution;
  /** Draws are clamped to these bounds (an attribute's valid range). */
  min: number;
  max: number;
}

export interface Observed {
  /** Ids of the states that signed. */
  signed: string[];
  /** Number of states that attended (defaults to the roster size). */
  total?: number;
  /** Free-text source of the observation. */
  source?: string;
}

export interface Scenario {
  name: string;
  description: string;
  /** Absolute path of the file it was loaded from, if any. */
  file?: string;
  declaration: Declaration;
  world: World;
  weights: Weights;
  states: StateInput[];
  /** Every term of the game: the built-ins plus the scenario's custom terms. */
  terms: readonly Term[];
  /** States held to an action (`fix: {USA: sign}` or `--fix USA=sign`). */
  fixed: Record<string, FixedAction>;
  uncertainty: UncertainInput[];
  observed?: Observed;
}
