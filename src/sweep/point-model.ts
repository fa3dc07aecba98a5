/**
 * One scenario, re-solved at many input values: the sweep's inner loop.
 * `set` writes an input (a `--vary` factor or an uncertain input), `solve`
 * brings the game up to date and solves into a reused outcome. Paths the
 * model's compiler can set (declaration, world, weights, a state's
 * attributes, bias or patron deference) go through its incremental
 * recompile; a path that changes the game's structure or the roster (rival
 * weights, the date) is applied to a private copy of the scenario and the
 * game compiled afresh at each point (the date, given as a day number, is
 * re-resolved with `atDate`). Both give the same game: the
 * incremental compiler is the same code as `compileScenario`.
 */
import { fixedActions, majorityOf } from '../analysis/run.js';
import { InputError } from '../errors/input-error.js';
import { compileScenario, compiler, type Setter } from '../model/compile.js';
import type { Scenario } from '../model/scenario.js';
import { isSupermodular, type LinearGame } from '../solve/game.js';
import { extremalEquilibria } from '../solve/nash.js';
import { leastQreInto } from '../solve/qre.js';
import { poissonBinomialInto, probabilityAtLeast } from '../solve/tally.js';
import { greatestTally, leastTally, tallyWorkspace } from '../solve/warm-nash.js';
import { atDate, dateOfDay } from '../scenario/dated.js';
import { copyScenario, resolvePath } from '../scenario/paths.js';
import { hasNash, hasQre, type SolverChoice } from './solver-choice.js';

export interface PointOutcome {
  /** Signers in the least and greatest pure equilibria. */
  least: number;
  greatest: number;
  /** Expected tally and P(tally ≥ majority) in the least logit QRE. */
  qreMean: number;
  pMajority: number;
  /** Tracked states: decision in the least and greatest equilibria, QRE probability. */
  trackLeast: Uint8Array;
  trackGreatest: Uint8Array;
  trackP: Float64Array;
}

export interface PointModel {
  /** The paths `set` addresses, in order. */
  readonly paths: readonly string[];
  /** Sets input k (an index into `paths`). */
  set(k: number, value: number): void;
  /** Recompiles at the current inputs and solves into `out`. */
  solve(solver: SolverChoice, out: PointOutcome): void;
  /** True when every path is set through the incremental compiler (no per-point compile). */
  readonly fast: boolean;
}

export function pointOutcome(tracked: number): PointOutcome {
  return {
    least: 0,
    greatest: 0,
    qreMean: 0,
    pMajority: 0,
    trackLeast: new Uint8Array(tracked),
    trackGreatest: new Uint8Array(tracked),
    trackP: new Float64Array(tracked),
  };
}

/**
 * A point model over `paths`, reporting the `track`ed states. Bad paths and
 * unknown state ids throw (a ScenarioError, or an InputError naming the id).
 */
export function pointModel(
  scenario: Scenario,
  paths: readonly string[],
  track: readonly string[],
  file?: string,
): PointModel {
  let copy = copyScenario(scenario);
  // The date (a day number) re-resolves the dated values; every other path is an accessor.
  const datePath = paths.indexOf('date');
  const accessors = paths.map((p, k) => (k === datePath ? undefined : resolvePath(copy, p, file)));
  const stored = new Float64Array(paths.length).fill(NaN);
  let date = scenario.date;
  let pendingDate = scenario.date;
  const ids = scenario.states.map((s) => s.id);
  const tracked = Int32Array.from(track, (id) => {
    const i = ids.indexOf(id);
    if (i < 0) throw new InputError(`--track: no state '${id}' in the scenario`);
    return i;
  });
  const fixed = fixedActions(scenario);
  const majority = majorityOf(scenario.states.length);
  const n = scenario.states.length;
  const ws = tallyWorkspace(n);
  const p = new Float64Array(n);
  const pmf = new Float64Array(n + 1);
  const incremental = compiler(copy);
  const setters = paths.map((path) => incremental.setter(path));
  const fast = setters.every((s): s is Setter => s !== undefined);

  function solveGame(
    game: LinearGame,
    supermodular: boolean,
    lambda: number,
    solver: SolverChoice,
    out: PointOutcome,
  ): void {
    if (hasNash(solver)) {
      if (supermodular) {
        out.least = leastTally(game, fixed, ws);
        for (let t = 0; t < tracked.length; t++) out.trackLeast[t] = ws.s[tracked[t]];
        out.greatest = greatestTally(game, fixed, ws, true);
        for (let t = 0; t < tracked.length; t++) out.trackGreatest[t] = ws.s[tracked[t]];
      } else {
        const eq = extremalEquilibria(game, fixed);
        out.least = eq.least.signed;
        out.greatest = eq.greatest.signed;
        for (let t = 0; t < tracked.length; t++) {
          out.trackLeast[t] = eq.least.profile[tracked[t]];
          out.trackGreatest[t] = eq.greatest.profile[tracked[t]];
        }
      }
    }
    if (hasQre(solver)) {
      if (leastQreInto(game, lambda, fixed, supermodular, p)) {
        let mean = 0;
        for (let i = 0; i < n; i++) mean += p[i];
        poissonBinomialInto(p, pmf);
        out.qreMean = mean;
        out.pMajority = probabilityAtLeast(pmf, majority);
        for (let t = 0; t < tracked.length; t++) out.trackP[t] = p[tracked[t]];
      } else {
        // Not a QRE: no numbers (the row says so with empty fields, or null in JSONL).
        out.qreMean = NaN;
        out.pMajority = NaN;
        out.trackP.fill(NaN);
      }
    }
  }

  if (fast) {
    return {
      paths,
      fast,
      set: (k, value) => setters[k]!(value),
      solve(solver, out) {
        incremental.recompile();
        solveGame(incremental.game, incremental.supermodular(), incremental.columns.world.lambda, solver, out);
      },
    };
  }
  return {
    paths,
    fast,
    set(k, value) {
      if (k === datePath) pendingDate = dateOfDay(value);
      else {
        stored[k] = value;
        accessors[k]!.set(copy, value);
      }
    },
    solve(solver, out) {
      if (pendingDate !== date && pendingDate !== undefined) {
        // A new date re-resolves the dated values; the other varied values are laid over them again.
        const moved = atDate(copy, pendingDate, file);
        for (let k = 0; k < paths.length; k++) {
          if (k === datePath || Number.isNaN(stored[k])) continue;
          try {
            accessors[k]!.set(moved, stored[k]);
          } catch (error) {
            // A path that exists at one date but not another (a patron's deference before the patron).
            const why = error instanceof Error ? error.message : String(error);
            throw new InputError(`${paths[k]} cannot be set at ${pendingDate}: ${why}`);
          }
        }
        copy = moved;
        date = pendingDate;
      }
      const { game } = compileScenario(copy);
      solveGame(game, isSupermodular(game), copy.world.lambda, solver, out);
    },
  };
}
