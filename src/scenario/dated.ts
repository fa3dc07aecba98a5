/**
 * A scenario at another date. The loader keeps a scenario's dated values
 * (`Scenario.timeline`), so the date can change after loading: `atDate`
 * re-resolves the world and every state with a history for the new date.
 */
import type { Scenario } from '../model/scenario.js';
import { copyScenario } from './paths.js';
import { checkEvaluationDate, resolveInPlace } from './timeline.js';

export { isIsoDate } from './timeline.js';

/**
 * The scenario evaluated at `date` (`YYYY-MM-DD`): every dated world and
 * state value takes the value in force that day (the undated value before
 * any change). Values without dated changes, including ones set since
 * loading, are kept; values with dated changes are re-resolved. Pure: the
 * input is never changed. Throws a ScenarioError (`file: date: expected …`)
 * for a malformed date or one outside the timeline's coverage.
 * @example atDate(scenario, '2024-12-02')
 */
export function atDate(scenario: Scenario, date: string, file = '--set'): Scenario {
  const checked = checkEvaluationDate(scenario, date, file);
  const copy = copyScenario(scenario);
  resolveInPlace(copy, checked);
  return copy;
}

/** The dates at which some dated value changes, in order (for timelines and UIs). */
export function changeDates(scenario: Scenario): string[] {
  const timeline = scenario.timeline;
  if (!timeline) return [];
  const dates = new Set<string>(timeline.world.map((c) => c.from));
  for (const changes of Object.values(timeline.states)) for (const c of changes) dates.add(c.from);
  return [...dates].sort();
}

const DAY_MS = 86_400_000;

/** Whole days from 1970-01-01 to a `YYYY-MM-DD` date (UTC): the number a sweep varies the date as. */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** The `YYYY-MM-DD` date of a day number, rounded to the nearest whole day. */
export function dateOfDay(day: number): string {
  return new Date(Math.round(day) * DAY_MS).toISOString().slice(0, 10);
}
