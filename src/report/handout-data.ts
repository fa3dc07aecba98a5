/**
 * What a handout shows, gathered from the analysis modules: the solved
 * scenario, its tally by bloc, the chosen states' explanations (terms and
 * what would flip them), the cascade, and with a second scenario the
 * comparison. The document builders (handout-html.ts, handout-md.ts) only
 * format this; nothing here solves a game itself, it calls src/analysis.
 */
import { blocBreakdown, type BlocTally } from '../analysis/blocs.js';
import { cascadeOf, type Cascade } from '../analysis/cascade.js';
import { compareRuns, type Comparison } from '../analysis/compare.js';
import { explainState, type Explanation } from '../analysis/explain.js';
import { majorityOf, type RunResult } from '../analysis/run.js';
import { findEntry, type GlossaryEntry } from '../app/glossary.js';

export interface Handout {
  run: RunResult;
  /** Signers needed for a majority of the states present. */
  majority: number;
  blocs: BlocTally[];
  /** The chosen states, in the order asked. */
  states: Explanation[];
  cascade: Cascade;
  /** With a second scenario: it solved, and the comparison (the chosen states present in both decomposed). */
  compare?: { run: RunResult; comparison: Comparison };
  /** The glossary entries of the words the handout uses. */
  glossary: GlossaryEntry[];
}

/** States a handout explains unless told otherwise: the United States and China, those the scenario has. */
export const DEFAULT_STATES: readonly string[] = ['USA', 'CHN'];

export function defaultHandoutStates(scenario: Pick<RunResult['scenario'], 'states'>): string[] {
  return DEFAULT_STATES.filter((id) => scenario.states.some((s) => s.id === id));
}

/** The words a handout uses, as the glossary names them. */
export const HANDOUT_WORDS = [
  'delta',
  'least',
  'greatest',
  'qre',
  'lambda',
  'interval',
  'p-majority',
  'cascade',
  'flip',
];

/** The glossary entry of a word the handout uses (the glossary holds every one; a test checks it). */
export function word(id: string): GlossaryEntry {
  const entry = findEntry(id);
  if (!entry) throw new Error(`no glossary entry '${id}'`);
  return entry;
}

/**
 * Gathers a handout.
 * @param stateIds ids of the states to explain (as the scenario spells them)
 * @param other the second scenario, solved, for the comparison section
 */
export function handoutOf(run: RunResult, stateIds: readonly string[], other?: RunResult): Handout {
  const handout: Handout = {
    run,
    majority: majorityOf(run.scenario.states.length),
    blocs: blocBreakdown(run),
    states: stateIds.map((id) => explainState(run, id, true)),
    cascade: cascadeOf(run),
    glossary: HANDOUT_WORDS.map(word),
  };
  if (other) {
    const inOther = new Set(other.states.map((s) => s.id));
    handout.compare = {
      run: other,
      comparison: compareRuns(
        run,
        other,
        stateIds.filter((id) => inOther.has(id)),
      ),
    };
  }
  return handout;
}
