/**
 * The one vocabulary of outcome names: a sweep's output columns, the
 * outcome `sensitivity --output` studies, `plot --z` and `summary` all use
 * these names and nothing else. Whole-scenario outcomes are plain words
 * (`least`, `qre_mean`); a tracked state's are `ID.least`, `ID.greatest`,
 * `ID.p`. The older sensitivity spellings (`qre`, `pmajority`, `p:ID`,
 * `least:ID`, `greatest:ID`) are accepted as aliases and mean the same.
 */
import { didYouMean } from '../scenario/suggest.js';
import type { PointOutcome } from './point-model.js';
import type { SolverChoice } from './solver-choice.js';
import { SweepError } from './sweep-error.js';

/** Which solver computes an outcome. */
export type OutcomeSolver = 'nash' | 'qre';

interface OutcomeKind {
  /** The name of the whole-scenario outcome, or the suffix after `ID.` of a state's. */
  name: string;
  solver: OutcomeSolver;
  /** One line: what the number is. */
  meaning: string;
  /** The outcome's value; `t` is the tracked state's position. */
  read(o: PointOutcome, t: number): number;
  /** Whole numbers only (a tally or a 0/1 decision). */
  integer: boolean;
}

/** Outcomes of the whole scenario, in column order. */
export const SCENARIO_OUTCOMES: readonly OutcomeKind[] = [
  {
    name: 'least',
    solver: 'nash',
    meaning: 'signers in the least pure Nash equilibrium',
    read: (o) => o.least,
    integer: true,
  },
  {
    name: 'greatest',
    solver: 'nash',
    meaning: 'signers in the greatest pure Nash equilibrium',
    read: (o) => o.greatest,
    integer: true,
  },
  {
    name: 'qre_mean',
    solver: 'qre',
    meaning: 'expected number of signers in the least logit QRE',
    read: (o) => o.qreMean,
    integer: false,
  },
  {
    name: 'p_majority',
    solver: 'qre',
    meaning: 'P(signers ≥ majority of attendees) in the least logit QRE, from the exact tally distribution',
    read: (o) => o.pMajority,
    integer: false,
  },
];

/** Outcomes of one tracked state (`ID.least` …), in column order. */
export const STATE_OUTCOMES: readonly OutcomeKind[] = [
  {
    name: 'least',
    solver: 'nash',
    meaning: '1 if state ID signs in the least pure Nash equilibrium, else 0',
    read: (o, t) => o.trackLeast[t],
    integer: true,
  },
  {
    name: 'greatest',
    solver: 'nash',
    meaning: '1 if state ID signs in the greatest pure Nash equilibrium, else 0',
    read: (o, t) => o.trackGreatest[t],
    integer: true,
  },
  {
    name: 'p',
    solver: 'qre',
    meaning: "state ID's probability of signing in the least logit QRE",
    read: (o, t) => o.trackP[t],
    integer: false,
  },
];

/** Older names still accepted, and the names they stand for (`ID` a state id). */
export const OUTCOME_ALIASES: readonly (readonly [alias: string, name: string])[] = [
  ['qre', 'qre_mean'],
  ['pmajority', 'p_majority'],
  ['p:ID', 'ID.p'],
  ['least:ID', 'ID.least'],
  ['greatest:ID', 'ID.greatest'],
];

const solverRuns = (solver: SolverChoice, needs: OutcomeSolver): boolean => solver === 'both' || solver === needs;

/** The outcome columns of a sweep, in order, for the solver and tracked states. */
export function outcomeColumns(solver: SolverChoice, track: readonly string[]): string[] {
  const cols = SCENARIO_OUTCOMES.filter((k) => solverRuns(solver, k.solver)).map((k) => k.name);
  for (const id of track)
    for (const k of STATE_OUTCOMES) if (solverRuns(solver, k.solver)) cols.push(`${id}.${k.name}`);
  return cols;
}

/** A resolved outcome name. */
export interface Outcome {
  /** Its name in the vocabulary (an alias resolved), e.g. `USA.p`. */
  name: string;
  solver: OutcomeSolver;
  /** The state, for a state's outcome. */
  state?: string;
  integer: boolean;
  meaning: string;
  /** Reads the outcome from a solve that tracked only `state` (position 0). */
  read(o: PointOutcome): number;
}

/** Every name in the vocabulary, states written as `ID`, then the aliases: for hints and help. */
export const OUTCOME_FORMS: string = [
  ...SCENARIO_OUTCOMES.map((k) => k.name),
  ...STATE_OUTCOMES.map((k) => `ID.${k.name}`),
].join(', ');

function known(name: string): Outcome | undefined {
  const plain = OUTCOME_ALIASES.find(([a]) => a === name);
  if (plain) return known(plain[1]);
  const stateAlias = /^(p|least|greatest):([^:.]+)$/.exec(name);
  if (stateAlias) return known(`${stateAlias[2]}.${stateAlias[1]}`);
  const whole = SCENARIO_OUTCOMES.find((k) => k.name === name);
  if (whole) {
    const { solver, integer, meaning } = whole;
    return { name, solver, integer, meaning, read: (o) => whole.read(o, 0) };
  }
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const state = name.slice(0, dot);
  const kind = STATE_OUTCOMES.find((k) => k.name === name.slice(dot + 1));
  if (!kind) return undefined;
  return {
    name,
    solver: kind.solver,
    state,
    integer: kind.integer,
    meaning: kind.meaning.replace('ID', state),
    read: (o) => kind.read(o, 0),
  };
}

/** The outcome a name (or alias) stands for, or undefined. */
export function findOutcome(name: string): Outcome | undefined {
  return known(name.trim());
}

/**
 * The outcome named by `option` (e.g. `--output`); an unknown name is refused
 * naming the option, the forms and the nearest name (`states` for `ID.*`).
 */
export function parseOutcome(option: string, name: string, states: readonly string[] = []): Outcome {
  const outcome = findOutcome(name);
  if (outcome) return outcome;
  const names = [
    ...SCENARIO_OUTCOMES.map((k) => k.name),
    ...OUTCOME_ALIASES.filter(([a]) => !a.includes(':')).map(([a]) => a),
    ...states.flatMap((id) => STATE_OUTCOMES.map((k) => `${id}.${k.name}`)),
  ];
  throw new SweepError(`${option} '${name}': not an outcome; expected ${OUTCOME_FORMS}${didYouMean(name, names)}`);
}

/** The lines of `sweep --list-outcomes`: every name, with a one-line meaning. */
export function outcomeList(states: readonly string[], uncertain: readonly string[] = []): string[] {
  const width = 13;
  const lines = [
    'Outcomes (sweep columns, sensitivity --output, plot --z, summary --outcomes):',
    ...SCENARIO_OUTCOMES.map((k) => `  ${k.name.padEnd(width)} ${k.meaning} (--solver ${k.solver} or both)`),
    ...STATE_OUTCOMES.map(
      (k) => `  ${`ID.${k.name}`.padEnd(width)} ${k.meaning} (--track ID; --solver ${k.solver} or both)`,
    ),
    '',
    `States (ID): ${states.join(', ')}`,
    `Aliases: ${OUTCOME_ALIASES.map(([a, n]) => `${a} = ${n}`).join(', ')}`,
  ];
  if (uncertain.length > 0)
    lines.push('', 'Uncertain inputs (drawn per replication with --replications):', ...uncertain.map((p) => `  ${p}`));
  return lines;
}
