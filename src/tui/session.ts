/**
 * A what-if session: the scenario as loaded, the user's changes to it
 * (parameter values and fixed states), and the core's answer for the
 * current point. Pure: every edit returns a new session; the UI holds one
 * in use-scenario-state.ts and only draws it. The game itself is always
 * solved by the core (runScenario, scenarioSubgame, blocBreakdown).
 */
import { blocBreakdown, type BlocTally } from '../analysis/blocs.js';
import { runScenario, type RunResult } from '../analysis/run.js';
import { scenarioSubgame, type ScenarioSubgame } from '../analysis/subgame.js';
import { compileScenario, gameStructure, type GameStructure } from '../model/compile.js';
import type { FixedAction } from '../model/inputs.js';
import type { Scenario } from '../model/scenario.js';
import { SLIDERS, sliderValue, stepValue } from './parameters.js';

/** A state's fix as the UI offers it: held at sign, held at abstain, or free to best-respond. */
export type FixChoice = FixedAction | 'free';

/** The pair whose 2×2 subgame the Why pane classifies (docs/model.md, 'The two-state subgame (after Jervis)'). */
export const SUBGAME_PAIR: readonly [string, string] = ['USA', 'CHN'];

export interface Session {
  /** The scenario as loaded: what `r`/`R` return to and what a saved what-if extends. */
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
  | { kind: 'load'; scenario: Scenario };

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

function solve(base: Scenario, structure: GameStructure, values: Record<string, number>, fixes: Record<string, FixChoice>, previous?: RunResult): Session {
  const scenario = applyChanges(base, values, fixes);
  // The structure (rivals, patrons) never changes with a slider: compile only the values.
  const run = runScenario(scenario, compileScenario(scenario, structure));
  const flipped = new Map<string, boolean>();
  if (previous) run.states.forEach((s, i) => previous.states[i].signs !== s.signs && flipped.set(s.id, s.signs));
  const ids = new Set(scenario.states.map((s) => s.id));
  const subgame = SUBGAME_PAIR.every((id) => ids.has(id)) ? scenarioSubgame(run, SUBGAME_PAIR[0], SUBGAME_PAIR[1]) : undefined;
  return {
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
  };
}

/** A fresh session on a loaded scenario, with no changes. */
export function openSession(base: Scenario): Session {
  return solve(base, gameStructure(base.states), {}, {});
}

/** The session after one edit, solved by the core. */
export function applyEdit(session: Session, edit: Edit): Session {
  const { base, structure, run } = session;
  switch (edit.kind) {
    case 'load':
      return openSession(edit.scenario);
    case 'set':
    case 'step': {
      const spec = SLIDERS.find((s) => s.path === edit.path);
      if (!spec) throw new RangeError(`no slider for '${edit.path}'`);
      const value = edit.kind === 'set' ? edit.value : stepValue(spec, sliderValue(session.scenario, spec), edit.delta);
      if (value === sliderValue(session.scenario, spec)) return session;
      const values = { ...session.values };
      if (value === sliderValue(base, spec)) delete values[edit.path];
      else values[edit.path] = value;
      return solve(base, structure, values, session.fixes, run);
    }
    case 'reset': {
      if (!(edit.path in session.values)) return session;
      const { [edit.path]: _dropped, ...values } = session.values;
      return solve(base, structure, values, session.fixes, run);
    }
    case 'resetAll':
      return solve(base, structure, {}, {}, run);
    case 'fix':
    case 'cycleFix': {
      const choice = edit.kind === 'fix' ? edit.choice : nextFix(fixOf(session, edit.id));
      if (choice === fixOf(session, edit.id)) return session;
      const fixes = { ...session.fixes };
      const inBase: FixChoice = base.fixed[edit.id] ?? 'free';
      if (choice === inBase) delete fixes[edit.id];
      else fixes[edit.id] = choice;
      return solve(base, structure, session.values, fixes, run);
    }
  }
}

/** The fix a state has now. */
export function fixOf(session: Session, id: string): FixChoice {
  return session.scenario.fixed[id] ?? 'free';
}

/** free → sign → abstain → free: one key walks through the three choices. */
export function nextFix(choice: FixChoice): FixChoice {
  return choice === 'free' ? 'sign' : choice === 'sign' ? 'abstain' : 'free';
}

/** True when the session differs from the loaded scenario. */
export function isChanged(session: Session): boolean {
  return Object.keys(session.values).length > 0 || Object.keys(session.fixes).length > 0;
}
