/**
 * Resolving dated values: the world and every state with a history take
 * the values in force at a date (every change with `from` ≤ date applies,
 * in date order, ties as written). Only what a change can set is touched;
 * every other value of the scenario stays as it is.
 */
import type { DatedChange, DatedValues, Scenario, Timeline, UncertainInput } from '../model/scenario.js';
import { STATE_ATTRIBUTES } from '../model/inputs.js';
import { ScenarioError } from './errors.js';
import { quote } from './describe.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written `YYYY-MM-DD`. */
export function isIsoDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

/** What a date must look like, for messages. */
export const DATE_FORM = 'a date YYYY-MM-DD (a real calendar day)';

/** Why a date cannot be the evaluation date of a scenario with this timeline, or undefined when it can. */
export function dateProblem(timeline: Pick<Timeline, 'start' | 'end'> | undefined, date: string): string | undefined {
  if (timeline?.start !== undefined && timeline.end !== undefined && (date < timeline.start || date > timeline.end)) {
    return `expected a date within the timeline's coverage [${timeline.start}, ${timeline.end}], got ${date}`;
  }
  return undefined;
}

/** Checks an evaluation date (form and coverage); throws a ScenarioError at `file: date`. */
export function checkEvaluationDate(scenario: Scenario, date: unknown, file: string): string {
  if (!isIsoDate(date)) {
    const shown = typeof date === 'string' ? quote(date) : String(date);
    throw new ScenarioError(file, 'date', `expected ${DATE_FORM}, got ${shown}`);
  }
  const problem = dateProblem(scenario.timeline, date);
  if (problem) throw new ScenarioError(file, 'date', problem);
  return date;
}

function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The undated values with every change in force at `date` laid over them. */
function fold(undated: DatedValues, changes: readonly DatedChange[], date: string): DatedValues {
  const numbers: Record<string, number> = {};
  const uncertain: Record<string, UncertainInput> = {};
  for (const [k, v] of Object.entries(undated.numbers)) setOwn(numbers, k, v);
  for (const [k, u] of Object.entries(undated.uncertain)) setOwn(uncertain, k, u);
  const out: DatedValues = { numbers, uncertain };
  if (undated.rivals !== undefined) out.rivals = undated.rivals;
  if (undated.patron !== undefined) out.patron = undated.patron;
  if (undated.blocs !== undefined) out.blocs = undated.blocs;
  for (const change of changes) {
    if (change.from > date) continue;
    const set = change.set;
    for (const [k, v] of Object.entries(set.numbers)) {
      setOwn(numbers, k, v);
      const u = own(set.uncertain, k);
      if (u) setOwn(uncertain, k, u);
      else delete uncertain[k];
    }
    if (set.rivals !== undefined) out.rivals = set.rivals;
    if (set.patron !== undefined) {
      out.patron = set.patron;
      const u = own(set.uncertain, 'patron.deference');
      if (u) setOwn(uncertain, 'patron.deference', u);
      else delete uncertain['patron.deference'];
    }
    if (set.blocs !== undefined) out.blocs = set.blocs;
  }
  return out;
}

const copyUncertain = (u: UncertainInput): UncertainInput => ({ ...u, distribution: { ...u.distribution } });

/**
 * Sets the scenario's date and re-resolves, in place, every value its
 * timeline dates. Links to states not in the scenario are dropped. The
 * uncertainty of dated paths is replaced by that of the values in force,
 * placed after the other entries in a fixed order (world, then states in
 * scenario order), so the result does not depend on earlier dates.
 * The date is not checked here (see checkEvaluationDate).
 */
export function resolveInPlace(scenario: Scenario, date: string): void {
  scenario.date = date;
  const timeline = scenario.timeline;
  if (!timeline) return;
  const touched = new Set<string>();
  const fresh: UncertainInput[] = [];

  const world = fold(timeline.undated.world, timeline.world, date);
  const worldValues = scenario.world as unknown as Record<string, number>;
  for (const [k, v] of Object.entries(world.numbers)) {
    worldValues[k] = v;
    touched.add(`world.${k}`);
  }
  for (const k of Object.keys(world.numbers)) {
    const u = own(world.uncertain, k);
    if (u) fresh.push(copyUncertain(u));
  }

  const present = new Set(scenario.states.map((s) => s.id));
  const attributes: ReadonlySet<string> = new Set(STATE_ATTRIBUTES);
  for (const state of scenario.states) {
    const changes = own(timeline.states, state.id);
    const undated = own(timeline.undated.states, state.id);
    if (!changes || !undated) continue;
    const values = fold(undated, changes, date);
    const prefix = `states.${state.id}.`;
    for (const [k, v] of Object.entries(values.numbers)) {
      if (attributes.has(k)) (state as unknown as Record<string, number>)[k] = v;
      else if (k === 'bias') state.bias = v;
      else setOwn(state.extra, k, v);
      touched.add(prefix + k);
    }
    if (values.rivals !== undefined) {
      const rivals: Record<string, number> = {};
      for (const [id, w] of Object.entries(values.rivals))
        if (present.has(id) && id !== state.id) setOwn(rivals, id, w);
      state.rivals = rivals;
    }
    let keepDeference = false;
    if (values.patron !== undefined) {
      touched.add(`${prefix}patron.deference`);
      const patron = values.patron;
      if (patron && present.has(patron.id) && patron.id !== state.id) {
        state.patron = { ...patron };
        keepDeference = true;
      } else delete state.patron;
    }
    if (values.blocs !== undefined) state.blocs = [...values.blocs];
    for (const k of Object.keys(values.numbers)) {
      const u = own(values.uncertain, k);
      if (u) fresh.push(copyUncertain(u));
    }
    const deference = own(values.uncertain, 'patron.deference');
    if (keepDeference && deference) fresh.push(copyUncertain(deference));
  }
  scenario.uncertainty = [...scenario.uncertainty.filter((u) => !touched.has(u.path)), ...fresh];
}
