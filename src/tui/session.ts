/**
 * A what-if session: the scenario as loaded, the date its world is at,
 * the user's changes to it (parameter values and fixed states), and the
 * core's answer for the current point. Pure: every edit returns a new
 * session; the UI holds one in use-scenario-state.ts and only draws it.
 * The game itself is always solved by the core (runScenario,
 * scenarioSubgame, blocBreakdown), and the date resolved by atDate.
 */
import { blocBreakdown, type BlocTally } from '../analysis/blocs.js';
import { runScenario, type RunResult } from '../analysis/run.js';
import { scenarioSubgame, type ScenarioSubgame } from '../analysis/subgame.js';
import { compileScenario, gameStructure, type GameStructure } from '../model/compile.js';
import type { FixedAction } from '../model/inputs.js';
import type { Scenario } from '../model/scenario.js';
import { atDate, isIsoDate } from '../scenario/dated.js';
import { ScenarioError } from '../scenario/errors.js';
import { SLIDERS, sliderValue, stepValue } from './parameters.js';

/** A state's fix as the UI offers it: held at sign, held at abstain, or free to best-respond. */
export type FixChoice = FixedAction | 'free';

/** The pair whose 2×2 subgame the Why pane classifies (docs/model.md, 'The two-state subgame (after Jervis)'). */
export const SUBGAME_PAIR: readonly [string, string] = ['USA', 'CHN'];

export interface Session {
  /** The scenario as loaded, at its own date: what `R` returns to and what a saved what-if extends. */
  loaded: Scenario;
  /** The loaded scenario at the current date (`loaded` itself until the date moves): what `r` returns a slider to. */
  base: Scenario;
  structure: GameStructure;
  /** Changed parameter values by scenario path; only paths that differ from base. */
  values: Readonly<Record<string, number>>;
  /** Fixes that differ from base.fixed, by state id. */
  fixes: Readonly<Record<string, FixChoice>>;
  /** base with the changes applied. */
  scenario: Scenario;
  run: RunResult;
  /** States whose least-equilibrium decision changed with the last edit: id → signs now. */
  flipped: ReadonlyMap<string, boolean>;
  /** The US–China subgame, when the scenario has both. */
  subgame?: ScenarioSubgame;
  blocs: BlocTally[];
  /** Signers in the least equilibrium before the last edit. */
  previousSigned?: number;
  /** The date before the last edit, when that edit moved the date. */
  previousDate?: string;
}

export type Edit =
  | { kind: 'set'; path: string; value: number }
  /** Moves a slider by a step from its value at the time the edit is applied (key repeats never read a stale value). */
  | { kind: 'step'; path: string; delta: number }
  | { kind: 'reset'; path: string }
  | { kind: 'resetAll' }
  | { kind: 'fix'; id: string; choice: FixChoice }
  /** free → sign → abstain → free, from the state's fix at the time the edit is applied. */
  | { kind: 'cycleFix'; id: string }
  | { kind: 'load'; scenario: Scenario }
  /** Moves the whole world (dated states and world values) to a date; a date the scenario refuses changes nothing. */
  | { kind: 'date'; date: string }
  /** Moves to the next (+1) or previous (−1) of `stops` from the date at the time the edit is applied. */
  | { kind: 'stepDate'; direction: 1 | -1; stops: readonly string[] };

function applyChanges(base: Scenario, values: Record<string, number>, fixes: Record<string, FixChoice>): Scenario {
  const declaration = { ...base.declaration };
  const world = { ...base.world };
  for (const [path, value] of Object.entries(values)) {
    const [section, key] = path.split('.');
    if (section === 'declaration') (declaration as unknown as Record<string, number>)[key] = value;
    else if (section === 'world') (world as unknown as Record<string, number>)[key] = value;
  }
  const fixed: Record<string, FixedAction> = { ...base.fixed };
  for (const [id, choice] of Object.entries(fixes)) {
    if (choice === 'free') delete fixed[id];
    else fixed[id] = choice;
  }
  return { ...base, declaration, world, fixed };
}

function solve(
  loaded: Scenario,
  base: Scenario,
  structure: GameStructure,
  values: Record<string, number>,
  fixes: Record<string, FixChoice>,
  previous?: RunResult,
  previousDate?: string,
): Session {
  const scenario = applyChanges(base, values, fixes);
  // The structure (rivals, patrons) never changes with a slider: compile only the values.
  const run = runScenario(scenario, compileScenario(scenario, structure));
  const flipped = new Map<string, boolean>();
  if (previous) run.states.forEach((s, i) => previous.states[i].signs !== s.signs && flipped.set(s.id, s.signs));
  const ids = new Set(scenario.states.map((s) => s.id));
  const subgame = SUBGAME_PAIR.every((id) => ids.has(id))
    ? scenarioSubgame(run, SUBGAME_PAIR[0], SUBGAME_PAIR[1])
    : undefined;
  return {
    loaded,
    base,
    structure,
    values,
    fixes,
    scenario,
    run,
    flipped,
    subgame,
    blocs: blocBreakdown(run),
    previousSigned: previous?.equilibria.least.signed,
    previousDate,
  };
}

/** A fresh session on a loaded scenario, with no changes. */
export function openSession(loaded: Scenario): Session {
  return solve(loaded, loaded, gameStructure(loaded.states), {}, {});
}

/** True when the scenario has dated data (a `timeline`), so its date can move. */
export function isDated(scenario: Scenario): boolean {
  return scenario.timeline !== undefined;
}

/** What the date keys say on a scenario without dated data. */
export const UNDATED = 'This scenario is undated: it has no dated values (no `timeline`), so its date cannot move.';

/**
 * Why the loaded scenario cannot be looked at on `date`, in one line, or
 * undefined when it can: an undated scenario, a malformed date, or one
 * outside the timeline's coverage (atDate's own check).
 */
export function dateRefusal(session: Session, date: string): string | undefined {
  if (!isDated(session.loaded)) return UNDATED;
  const shown = JSON.stringify(date.length > 24 ? `${date.slice(0, 23)}…` : date);
  if (!isIsoDate(date)) return `Not a date: ${shown}. Type YYYY-MM-DD, a real calendar day.`;
  try {
    atDate(session.loaded, date, 'date');
    return undefined;
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    const { start, end } = session.loaded.timeline ?? {};
    return start && end ? `${date} is outside the timeline's coverage, ${start} to ${end}.` : `Date: ${error.expected}`;
  }
}

/** The world keys some dated change sets: moving the date re-resolves them, as atDate does. */
function datedWorldPaths(scenario: Scenario): Set<string> {
  const paths = new Set<string>();
  for (const change of scenario.timeline?.world ?? []) {
    for (const key of Object.keys(change.set.numbers)) paths.add(`world.${key}`);
  }
  return paths;
}

/**
 * The session with the whole world moved to `date`: the loaded scenario
 * evaluated there by the core (atDate), its structure (rivals, patrons)
 * recompiled, the user's fixes and parameter changes kept — except a
 * change on a world value that has dated values, which the date decides,
 * as atDate does with a value set earlier. Throws a ScenarioError for a
 * date the scenario refuses.
 */
export function moveToDate(session: Session, date: string): Session {
  const { loaded } = session;
  const base = date === loaded.date ? loaded : atDate(loaded, date, 'date');
  const dated = datedWorldPaths(loaded);
  const values: Record<string, number> = {};
  for (const [path, value] of Object.entries(session.values)) {
    const spec = SLIDERS.find((s) => s.path === path);
    if (dated.has(path) || (spec && sliderValue(base, spec) === value)) continue;
    values[path] = value;
  }
  return solve(loaded, base, gameStructure(base.states), values, { ...session.fixes }, session.run, session.base.date);
}

/** The next (+1) or previous (−1) of the sorted `stops` from `date`, or undefined at the end. */
export function stepStop(stops: readonly string[], date: string | undefined, direction: 1 | -1): string | undefined {
  if (direction > 0) return date === undefined ? stops[0] : stops.find((d) => d > date);
  if (date === undefined) return undefined;
  for (let k = stops.length - 1; k >= 0; k--) if (stops[k] < date) return stops[k];
  return undefined;
}

/** The session after one edit, solved by the core. */
export function applyEdit(session: Session, edit: Edit): Session {
  const { loaded, base, structure, run } = session;
  switch (edit.kind) {
    case 'load':
      return openSession(edit.scenario);
    case 'date':
    case 'stepDate': {
      const date = edit.kind === 'date' ? edit.date : stepStop(edit.stops, base.date, edit.direction);
      if (date === undefined || date === base.date || !isDated(loaded)) return session;
      try {
        return moveToDate(session, date);
      } catch (error) {
        if (error instanceof ScenarioError) return session;
        throw error;
      }
    }
    case 'set':
    case 'step': {
      const spec = SLIDERS.find((s) => s.path === edit.path);
      if (!spec) throw new RangeError(`no slider for '${edit.path}'`);
      const value = edit.kind === 'set' ? edit.value : stepValue(spec, sliderValue(session.scenario, spec), edit.delta);
      if (value === sliderValue(session.scenario, spec)) return session;
      const values = { ...session.values };
      if (value === sliderValue(base, spec)) delete values[edit.path];
      else values[edit.path] = value;
      return solve(loaded, base, structure, values, session.fixes, run);
    }
    case 'reset': {
      if (!(edit.path in session.values)) return session;
      const { [edit.path]: _dropped, ...values } = session.values;
      return solve(loaded, base, structure, values, session.fixes, run);
    }
    case 'resetAll':
      // Everything back as loaded, the date too.
      if (base === loaded) return solve(loaded, base, structure, {}, {}, run);
      return solve(loaded, loaded, gameStructure(loaded.states), {}, {}, run, base.date);
    case 'fix':
    case 'cycleFix': {
      const choice = edit.kind === 'fix' ? edit.choice : nextFix(fixOf(session, edit.id));
      if (choice === fixOf(session, edit.id)) return session;
      const fixes = { ...session.fixes };
      const inBase: FixChoice = fixedIn(base, edit.id);
      if (choice === inBase) delete fixes[edit.id];
      else fixes[edit.id] = choice;
      return solve(loaded, base, structure, session.values, fixes, run);
    }
  }
}

/** A state's fix in a scenario, read as an own property (a state may be called `constructor`). */
function fixedIn(scenario: Scenario, id: string): FixChoice {
  return Object.hasOwn(scenario.fixed, id) ? scenario.fixed[id] : 'free';
}

/** The fix a state has now. */
export function fixOf(session: Session, id: string): FixChoice {
  return fixedIn(session.scenario, id);
}

/** free → sign → abstain → free: one key walks through the three choices. */
export function nextFix(choice: FixChoice): FixChoice {
  return choice === 'free' ? 'sign' : choice === 'sign' ? 'abstain' : 'free';
}

/** True when the date differs from the loaded scenario's. */
export function isDateMoved(session: Session): boolean {
  return session.base !== session.loaded && session.base.date !== session.loaded.date;
}

/** True when the session differs from the loaded scenario. */
export function isChanged(session: Session): boolean {
  return Object.keys(session.values).length > 0 || Object.keys(session.fixes).length > 0 || isDateMoved(session);
}
