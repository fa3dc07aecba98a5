/**
 * What the date control offers on a dated scenario: the dates `[` and `]`
 * step through, and the dated changes around the current date, read from
 * the scenario's timeline (the values themselves are always re-resolved
 * by the core's atDate).
 */
import type { Scenario } from '../model/scenario.js';
import { changeDates } from '../scenario/dated.js';
import { dateProblem } from '../scenario/timeline.js';

/**
 * The dates the control steps through, sorted: every date at which a dated
 * value changes, the dates of the events, the scenario's own date and the
 * ends of the timeline's coverage — only those inside the coverage. None
 * for an undated scenario.
 */
export function dateStops(scenario: Scenario, eventDates: readonly string[]): string[] {
  const timeline = scenario.timeline;
  if (!timeline) return [];
  const all = new Set<string>([...changeDates(scenario), ...eventDates]);
  for (const d of [scenario.date, timeline.start, timeline.end]) if (d !== undefined) all.add(d);
  return [...all].filter((d) => dateProblem(timeline, d) === undefined).sort();
}

/** One dated change, as the timeline pane lists it. */
export interface ChangeNote {
  /** First day in force. */
  from: string;
  /** `world` or the state's id. */
  who: string;
  reason: string;
}

function notes(scenario: Scenario): ChangeNote[] {
  const timeline = scenario.timeline;
  if (!timeline) return [];
  const out: ChangeNote[] = timeline.world.map((c) => ({ from: c.from, who: 'world', reason: c.reason }));
  for (const [id, changes] of Object.entries(timeline.states))
    for (const c of changes) out.push({ from: c.from, who: id, reason: c.reason });
  return out;
}

/**
 * The changes of the last change date on or before `date` (`since`) and of
 * the first one after it (`next`), each list in the order written.
 */
export function changesAround(
  scenario: Scenario,
  date: string | undefined,
): { since: ChangeNote[]; next: ChangeNote[] } {
  const all = notes(scenario);
  const days = changeDates(scenario);
  const sinceDay = date === undefined ? undefined : [...days].reverse().find((d) => d <= date);
  const nextDay = date === undefined ? days[0] : days.find((d) => d > date);
  return { since: all.filter((n) => n.from === sinceDay), next: all.filter((n) => n.from === nextDay) };
}
