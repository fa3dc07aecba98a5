/**
 * A resolved scenario: what the loader hands the model after `extends`,
 * rosters and overrides have been applied and every value validated.
 */
import type { Declaration, FixedAction, Patron, StateInput, Weights, World } from './inputs.js';
import type { Term } from './terms.js';

/** An uncertain input: a distribution to draw from in Monte Carlo replications. */
export type Distribution = { kind: 'normal'; mean: number; sd: number } | { kind: 'uniform'; min: number; max: number };

export interface UncertainInput {
  /** Scenario path, e.g. `states.USA.capability` or `declaration.verification`. */
  path: string;
  distribution: Distribution;
  /** Draws are clamped to these bounds (an attribute's valid range). */
  min: number;
  max: number;
}

/**
 * An observed outcome (docs/scenario-format.md, "Observed outcomes"). The
 * old form names the signers only (`signed`, `total`): every other state
 * that takes part did not sign, a complete observation. The extended form
 * names states on both sides (`notSigned`) and gives the totals (`counts`):
 * a state named on neither side is known only through the counts.
 */
export interface Observed {
  /** Ids of the states named as signers (for a UN vote: Yes). */
  signed: string[];
  /** Ids of the states named as not signing (for a UN vote: No or Abstain); extended form. */
  notSigned?: string[];
  /**
   * Totals over every state that takes part, named or not; extended form.
   * As loaded, all three are present and add up to the number of states
   * that take part (a count the file leaves out is the rest).
   */
  counts?: { signed?: number; notSigned?: number; absent?: number };
  /** Number of states that attended (defaults to the roster size); old form. */
  total?: number;
  /** Free-text source of the observation. */
  source?: string;
}

/** What kind of instrument an event is: a recorded UN vote or a summit's declaration. */
export type EventKind = 'un-vote' | 'summit-declaration';
export const EVENT_KINDS: readonly EventKind[] = ['un-vote', 'summit-declaration'];

/** The real instrument a scenario describes (event files under scenarios/events/). */
export interface EventInfo {
  kind: EventKind;
  /** The instrument's name, e.g. `A/RES/78/241`. */
  instrument: string;
  source?: string;
}

/**
 * Values a dated change sets, or (in `Timeline.undated`) the undated values
 * of everything the changes set. Absent keys are left alone.
 */
export interface DatedValues {
  /** Numbers by key: a state attribute, `bias` or a custom attribute; for the world, a world parameter. */
  numbers: Record<string, number>;
  /** The uncertain values among them (and a patron's deference, as `patron.deference`), by key. */
  uncertain: Record<string, UncertainInput>;
  /** Replaces the whole rival map. */
  rivals?: Record<string, number>;
  /** Replaces the patron; null: no patron. */
  patron?: Patron | null;
  /** Replaces the bloc list. */
  blocs?: string[];
}

/** A value change in force from a date on, with why and where it is known from. */
export interface DatedChange {
  /** First day in force (inclusive), `YYYY-MM-DD`. */
  from: string;
  set: DatedValues;
  reason: string;
  source: string;
}

/** The dated data of a scenario, kept so it can be evaluated at another date. */
export interface Timeline {
  /** Coverage: evaluation dates outside [start, end] are refused. Absent without a `timeline:` section. */
  start?: string;
  end?: string;
  /** The world's changes, in the order they apply (by date, then as written). */
  world: DatedChange[];
  /** Each taking-part state's changes, in the order they apply, by state id (states with a history only). */
  states: Record<string, DatedChange[]>;
  /** The undated values of everything the changes set. */
  undated: { world: DatedValues; states: Record<string, DatedValues> };
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
  /** The real instrument the scenario describes, when it is an event file. */
  event?: EventInfo;
  /** The date the scenario is evaluated at (`YYYY-MM-DD`); dated values are resolved for it. */
  date?: string;
  /** Dated values, when the scenario has any (or a `timeline:` coverage). */
  timeline?: Timeline;
}
