/**
 * Two solved scenarios side by side (`signatory compare BASE OTHER`): the
 * tallies, the states that flipped in each direction at the least
 * equilibrium, the terms whose change moved each of them, and the tally by
 * bloc. A flip is explained by the difference of term contributions
 * w_k·f_k(i, s) between the two least equilibria: it contains both the
 * direct effect of the changed parameters and the indirect one through the
 * others' changed decisions (momentum, rivals, patron). Pure: no printing.
 */
import { InputError } from '../errors/input-error.js';
import { findState, unknownState, unknownStateMessage } from '../scenario/find-state.js';
import { blocBreakdown } from './blocs.js';
import type { RunResult, StateOutcome } from './run.js';

export interface TallySummary {
  name: string;
  file?: string;
  total: number;
  least: number;
  greatest: number;
  /** Expected number of signers in the least logit QRE. */
  qreMean: number;
  /** Central 90% interval of the QRE tally. */
  interval90: [number, number];
  method: 'monotone' | 'round-robin';
}

export interface TermChange {
  /** Term id, or `baseline` for intercept + bias. */
  id: string;
  base: number;
  other: number;
  /** other − base: positive pushes toward signing. */
  change: number;
}

export interface FlippedState {
  id: string;
  name: string;
  direction: 'joins' | 'leaves';
  deltaBase: number;
  deltaOther: number;
  /** Held at an action in the other scenario (the flip is then imposed, not chosen). */
  fixedOther?: 'sign' | 'abstain';
  /** Every term's change, those pushing in the flip's direction first, largest first. */
  terms: TermChange[];
}

/** A named state's Δ in both scenarios and the change of each term's contribution, flipped or not. */
export interface StateChange {
  id: string;
  name: string;
  signsBase: boolean;
  signsOther: boolean;
  deltaBase: number;
  deltaOther: number;
  /** Every term's change, largest magnitude first; `baseline` is the intercept plus the state's bias. */
  terms: TermChange[];
}

export interface BlocComparison {
  bloc: string;
  members: number;
  base: { least: number; greatest: number; expected: number };
  other: { least: number; greatest: number; expected: number };
}

export interface Comparison {
  base: TallySummary;
  other: TallySummary;
  /** Abstain in BASE, sign in OTHER (least equilibria). */
  joined: FlippedState[];
  /** Sign in BASE, abstain in OTHER. */
  left: FlippedState[];
  /** States present in only one of the two scenarios. */
  onlyInBase: string[];
  onlyInOther: string[];
  blocs: BlocComparison[];
  /** The states asked for by id (`compare --state`), decomposed term by term. */
  states: StateChange[];
}

/** The tallies of a solved scenario. */
export function tallySummary(run: RunResult): TallySummary {
  return {
    name: run.scenario.name,
    ...(run.scenario.file ? { file: run.scenario.file } : {}),
    total: run.scenario.states.length,
    least: run.equilibria.least.signed,
    greatest: run.equilibria.greatest.signed,
    qreMean: run.tally.mean,
    interval90: [run.tally.interval90[0], run.tally.interval90[1]],
    method: run.equilibria.method,
  };
}

/** Term changes of one state, ordered so the ones that moved it in `direction` come first. */
export function termChanges(base: StateOutcome, other: StateOutcome, direction: 'joins' | 'leaves'): TermChange[] {
  const ids = [...new Set([...Object.keys(base.terms), ...Object.keys(other.terms)])];
  const sign = direction === 'joins' ? 1 : -1;
  return ids
    .map((id) => {
      const b = base.terms[id] ?? 0;
      const o = other.terms[id] ?? 0;
      return { id, base: b, other: o, change: o - b };
    })
    .sort((x, y) => sign * y.change - sign * x.change || x.id.localeCompare(y.id));
}

/** Each term's change for one state, largest magnitude first. */
export function stateChange(base: StateOutcome, other: StateOutcome): StateChange {
  const ids = [...new Set([...Object.keys(base.terms), ...Object.keys(other.terms)])];
  const terms = ids
    .map((id) => ({
      id,
      base: base.terms[id] ?? 0,
      other: other.terms[id] ?? 0,
      change: (other.terms[id] ?? 0) - (base.terms[id] ?? 0),
    }))
    .sort((x, y) => Math.abs(y.change) - Math.abs(x.change) || x.id.localeCompare(y.id));
  return {
    id: base.id,
    name: base.name,
    signsBase: base.signs,
    signsOther: other.signs,
    deltaBase: base.delta,
    deltaOther: other.delta,
    terms,
  };
}

/**
 * Compares two solved scenarios; `track` names states to decompose term by
 * term whether or not they flip (each must be in both, else an InputError).
 */
export function compareRuns(base: RunResult, other: RunResult, track: readonly string[] = []): Comparison {
  const otherById = new Map(other.states.map((s) => [s.id, s] as const));
  const baseIds = new Set(base.states.map((s) => s.id));
  const joined: FlippedState[] = [];
  const left: FlippedState[] = [];
  for (const b of base.states) {
    const o = otherById.get(b.id);
    if (!o || o.signs === b.signs) continue;
    const direction = o.signs ? 'joins' : 'leaves';
    const flipped: FlippedState = {
      id: b.id,
      name: b.name,
      direction,
      deltaBase: b.delta,
      deltaOther: o.delta,
      terms: termChanges(b, o, direction),
    };
    if (o.fixed) flipped.fixedOther = o.fixed;
    (direction === 'joins' ? joined : left).push(flipped);
  }
  const baseBlocs = blocBreakdown(base);
  const otherBlocs = new Map(blocBreakdown(other).map((r) => [r.bloc, r] as const));
  const blocs: BlocComparison[] = baseBlocs.map((r) => {
    const o = otherBlocs.get(r.bloc);
    return {
      bloc: r.bloc,
      members: r.members.length,
      base: { least: r.signLeast, greatest: r.signGreatest, expected: r.expected },
      other: o
        ? { least: o.signLeast, greatest: o.signGreatest, expected: o.expected }
        : { least: 0, greatest: 0, expected: 0 },
    };
  });
  for (const [bloc, o] of otherBlocs) {
    if (baseBlocs.some((r) => r.bloc === bloc)) continue;
    blocs.push({
      bloc,
      members: o.members.length,
      base: { least: 0, greatest: 0, expected: 0 },
      other: { least: o.signLeast, greatest: o.signGreatest, expected: o.expected },
    });
  }
  const baseById = new Map(base.states.map((s) => [s.id, s] as const));
  const states = track.map((given) => {
    // The state's id in any case, or its English name, as found in either scenario.
    const inBase = findState(base.states, given);
    const inOther = findState(other.states, given);
    if (inBase < 0 && inOther < 0)
      throw new InputError(`--state: ${unknownState(base.states, given)}`, {
        key: 'cli.optionPrefix',
        params: { option: '--state' },
        inner: unknownStateMessage(base.states, given),
      });
    const id = inBase >= 0 ? base.states[inBase].id : other.states[inOther].id;
    const b = baseById.get(id);
    const o = otherById.get(id);
    if (!b || !o) throw new InputError(`--state: '${id}' is not in ${!b ? 'BASE' : 'OTHER'}`);
    return stateChange(b, o);
  });
  return {
    base: tallySummary(base),
    other: tallySummary(other),
    states,
    joined,
    left,
    onlyInBase: base.states.filter((s) => !otherById.has(s.id)).map((s) => s.id),
    onlyInOther: other.states.filter((s) => !baseIds.has(s.id)).map((s) => s.id),
    blocs,
  };
}
