/**
 * An event's observed outcome resolved against its states
 * (docs/calibration.md, "Partial observations"): who is known to have
 * signed or not, and the unnamed group known only through its counts.
 *
 * - Old form (`signed`, maybe `total`): every state not named under
 *   `signed` did not sign. Complete.
 * - Extended form (`signed`, `notSigned`, `counts`): named states are
 *   known; the others form one group of u states of which, by the counts,
 *   k signed, m did not and a were absent (k = counts.signed − named
 *   signers, m = counts.notSigned − named non-signers, a = counts.absent).
 *   A group whose members all share one status (only signers, only
 *   non-signers or only absentees) is resolved: its members are known.
 *
 * States held by `fix` are not observations of a choice: they stay out of
 * the likelihood, and an unnamed held state is taken to have acted as held
 * (its action is removed from the group's counts).
 */
import type { Scenario } from '../model/scenario.js';
import { fixedActions } from '../analysis/run.js';
import { InputError } from '../errors/input-error.js';

/** Status of a state in an observation. */
export const SIGNED = 1;
export const NOT_SIGNED = 0;
/** Named neither way: a member of the unnamed group. */
export const UNNAMED = -1;
/** Known (by the counts) to have been absent: not asked. */
export const ABSENT = -2;

export interface UnnamedGroup {
  /** Indices of the free states in the group. */
  members: number[];
  /** How many of them signed, did not sign, were absent (adding up to members.length). */
  signed: number;
  notSigned: number;
  absent: number;
}

export interface EventObservation {
  /** Per state: SIGNED, NOT_SIGNED, UNNAMED or ABSENT. Held states carry their held action. */
  status: Int8Array;
  /** Per state: held by `fix` (−1: free, else the held action). */
  fixed: Int8Array;
  /** The unnamed group, or null when every state's status is known. */
  group: UnnamedGroup | null;
  /**
   * The others' actions each state is taken to respond to: the observed
   * action of a known state; for an unnamed state the group's share of
   * signers, k/u (an absent state does not sign).
   */
  beliefs: Float64Array;
  /** Totals over every state that takes part. */
  counts: { signed: number; notSigned: number; absent: number };
  /** Probability that a state was present: 1 when known, (u − a)/u in the group, 0 when absent. */
  present: Float64Array;
}

export function observationOf(scenario: Scenario, what = 'the scenario'): EventObservation {
  const observed = scenario.observed;
  if (!observed) throw new InputError(`${what} has no \`observed\` outcome to calibrate to`);
  const n = scenario.states.length;
  const index = new Map(scenario.states.map((s, i) => [s.id, i]));
  const fixed = fixedActions(scenario);
  const status = new Int8Array(n).fill(UNNAMED);
  const name = (id: string, value: number) => {
    const i = index.get(id);
    if (i === undefined) throw new InputError(`${what}: observed names "${id}", which does not take part`);
    if (status[i] !== UNNAMED) throw new InputError(`${what}: observed names "${id}" twice`);
    status[i] = value;
  };
  observed.signed.forEach((id) => name(id, SIGNED));
  const extended = observed.notSigned !== undefined || observed.counts !== undefined;
  (observed.notSigned ?? []).forEach((id) => name(id, NOT_SIGNED));
  const namedSigned = observed.signed.length;
  const namedNot = observed.notSigned?.length ?? 0;
  let counts: EventObservation['counts'];
  if (!extended) {
    counts = { signed: namedSigned, notSigned: n - namedSigned, absent: 0 };
  } else {
    const c = observed.counts ?? {};
    const absent = c.absent ?? 0;
    const signed = c.signed ?? n - absent - (c.notSigned ?? namedNot);
    const notSigned = c.notSigned ?? n - absent - signed;
    counts = { signed, notSigned, absent };
  }
  if (
    counts.signed + counts.notSigned + counts.absent !== n ||
    counts.signed < namedSigned ||
    counts.notSigned < namedNot ||
    counts.absent < 0
  ) {
    throw new InputError(
      `${what}: observed counts ${counts.signed} signed + ${counts.notSigned} not + ${counts.absent} absent do not fit ${n} states with ${namedSigned} named signers and ${namedNot} named non-signers`,
    );
  }
  // The unnamed: free ones form the group; held ones act as held.
  let k = counts.signed - namedSigned;
  let m = counts.notSigned - namedNot;
  const a = counts.absent;
  const members: number[] = [];
  for (let i = 0; i < n; i++) {
    if (status[i] !== UNNAMED) continue;
    if (fixed[i] === -1) members.push(i);
    else if (fixed[i] === 1) k--;
    else m--;
  }
  if (k < 0 || m < 0)
    throw new InputError(`${what}: the states held by \`fix\` among the unnamed do not fit the observed counts`);
  const beliefs = new Float64Array(n);
  const present = new Float64Array(n).fill(1);
  for (let i = 0; i < n; i++) {
    if (fixed[i] !== -1 && status[i] === UNNAMED) status[i] = fixed[i];
    if (status[i] >= 0) beliefs[i] = status[i];
  }
  let group: UnnamedGroup | null = null;
  const u = members.length;
  if (u > 0) {
    // The only statuses the group can have: if only one is possible, every member has it.
    if (k === u || m === u || a === u) {
      const value = k === u ? SIGNED : m === u ? NOT_SIGNED : ABSENT;
      for (const i of members) {
        status[i] = value;
        beliefs[i] = value === SIGNED ? 1 : 0;
        if (value === ABSENT) present[i] = 0;
      }
    } else {
      group = { members, signed: k, notSigned: m, absent: a };
      for (const i of members) {
        beliefs[i] = k / u;
        present[i] = (u - a) / u;
      }
    }
  }
  return { status, fixed, group, beliefs, counts, present };
}

/** Whether the observation names every state's action (no unnamed group). */
export function isComplete(observation: EventObservation): boolean {
  return observation.group === null;
}
