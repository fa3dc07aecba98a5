/**
 * One scenario, re-solved at many input values: the sweep's inner loop.
 * `set` writes an input (a `--vary` factor or an uncertain input), `solve`
 * recompiles and solves into a reused outcome. With plain paths the fast
 * recompiler is used (built-in terms inlined, custom terms evaluated through
 * their compiled expressions; allocation-free when all terms are built in);
 * with paths it cannot vary (rival weights, a patron's deference) or if its
 * start-up check against `compileScenario` fails, each point is compiled
 * afresh with `compileScenario` on a private copy of the scenario.
 */
import { fixedActions, majorityOf } from '../analysis/run.js';
import { compileScenario } from '../model/compile.js';
import type { Scenario } from '../model/scenario.js';
import { isSupermodular, type LinearGame } from '../solve/game.js';
import { extremalEquilibria } from '../solve/nash.js';
import { greatestTally, leastTally, tallyWorkspace } from './extremal-tallies.js';
import { copyScenario, resolvePath, withValues } from '../scenario/paths.js';
import { agreesWithCompile, fastCompiler, isFastCompilable, type Setter } from './fast-compile.js';
import { atLeast, leastQre, qreWorkspace, tallyInto } from './least-qre.js';
import { hasNash, hasQre, type SolverChoice } from './plan.js';

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
  /** True when the allocation-free fast path is in use. */
  readonly fast: boolean;
}

export function pointOutcome(tracked: number): PointOutcome {
  return { least: 0, greatest: 0, qreMean: 0, pMajority: 0, trackLeast: new Uint8Array(tracked), trackGreatest: new Uint8Array(tracked), trackP: new Float64Array(tracked) };
}

/**
 * A point model over `paths`, reporting the `track`ed states. Bad paths and
 * unknown state ids throw (a ScenarioError, or a RangeError naming the id).
 */
export function pointModel(scenario: Scenario, paths: readonly string[], track: readonly string[], file?: string): PointModel {
  const copy = copyScenario(scenario);
  const accessors = paths.map((p) => resolvePath(copy, p, file));
  const ids = scenario.states.map((s) => s.id);
  const tracked = Int32Array.from(track, (id) => {
    const i = ids.indexOf(id);
    if (i < 0) throw new RangeError(`--track: no state '${id}' in the scenario`);
    return i;
  });
  const fixed = fixedActions(scenario);
  const majority = majorityOf(scenario.states.length);
  const n = scenario.states.length;
  const ws = tallyWorkspace(n);
  const qws = qreWorkspace(n);

  let setters: Setter[] | undefined;
  let compiler: ReturnType<typeof fastCompiler> | undefined;
  if (isFastCompilable(scenario)) {
    compiler = fastCompiler(copy);
    const fastSetters = paths.map((p) => compiler!.setter(p));
    if (fastSetters.every((s): s is Setter => s !== undefined)) {
      // A probe value inside each path's bounds, away from 0 and 1 where terms can vanish.
      const probe = (path: string) => {
        const a = accessors[paths.indexOf(path)];
        const lo = Number.isFinite(a.min) ? a.min : -1;
        const hi = Number.isFinite(a.max) ? a.max : 2;
        const value = a.integer ? Math.round(lo + 0.37 * Math.min(hi - lo, 1000)) : lo + 0.37 * (hi - lo);
        return { value, apply: (s: Scenario) => withValues(s, { [path]: value }) };
      };
      let agrees = false;
      try {
        agrees = agreesWithCompile(copy, compiler, paths, probe);
      } catch {
        // A probe the loader refuses: no check possible, so no fast path.
      }
      if (agrees) setters = fastSetters;
    }
  }
  const fast = setters !== undefined;

  function solveGame(game: LinearGame, lambda: number, solver: SolverChoice, out: PointOutcome): void {
    const supermodular = isSupermodular(game);
    if (hasNash(solver)) {
      if (supermodular) {
        out.least = leastTally(game, fixed, ws);
        for (let t = 0; t < tracked.length; t++) out.trackLeast[t] = ws.s[tracked[t]];
        out.greatest = greatestTally(game, fixed, ws);
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
      leastQre(game, lambda, fixed, supermodular, qws);
      let mean = 0;
      for (let i = 0; i < n; i++) mean += qws.p[i];
      tallyInto(qws);
      out.qreMean = mean;
      out.pMajority = atLeast(qws, majority);
      for (let t = 0; t < tracked.length; t++) out.trackP[t] = qws.p[tracked[t]];
    }
  }

  if (fast) {
    const fastCompile = compiler!;
    return {
      paths,
      fast,
      set: (k, value) => setters![k](value),
      solve(solver, out) {
        fastCompile.recompile();
        solveGame(fastCompile.game, fastCompile.lambda(), solver, out);
      },
    };
  }
  return {
    paths,
    fast,
    set: (k, value) => accessors[k].set(copy, value),
    solve(solver, out) {
      solveGame(compileScenario(copy).game, copy.world.lambda, solver, out);
    },
  };
}
