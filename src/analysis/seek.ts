/**
 * The inverse what-if (`signatory seek`): the smallest change to the
 * declaration (and, if allowed, the world) whose least equilibrium meets a
 * target such as `signed>=43`, `USA,CHN sign`, or both.
 *
 * Why the search can be smart: Δ_i is nondecreasing in every 'raises'
 * parameter and nonincreasing in every 'lowers' one, and every interaction
 * is a complement, so the least equilibrium moves monotonically in them
 * (Topkis). Both kinds of target are up-sets of profiles, so in the
 * "favourable" order (raises up, lowers down) the feasible set of those
 * parameters is an up-set. A target of states that abstain
 * (`GBR abstain`) is a down-set of profiles: the same holds with the
 * favourable order reversed (raises down, lowers up), so the search runs
 * unchanged in that order; it cannot be combined with the up-set targets,
 * which pull the other way. Three consequences:
 *  1. If the most favourable corner fails, no setting within bounds does.
 *  2. An optimal change only ever moves parameters in their favourable
 *     direction (moving back can only lose), by t_k ≥ 0 with L1 cost Σ t_k.
 *  3. Lower bound: a change of cost B has every t_k ≤ B, so it is feasible
 *     only if u(B) = (min(B, cap_k))_k is; the least B with u(B) feasible
 *     (found by bisection) bounds the minimum from below.
 * An upper bound comes from a feasible point found by greedy coordinate
 * shrinking (bisection on each parameter's flip threshold given the others)
 * from two starts, then pairwise exchanges (drop or halve one parameter,
 * buy the difference with another). When the bounds meet, the answer is
 * exact; otherwise it is an upper bound and the gap is reported.
 * Two-sided parameters (enforcement, differentiation) break monotonicity,
 * so they are scanned on a grid (plus their current values), each grid
 * point searched as above in order of its lower bound (branch and bound),
 * and the winner's two-sided values refined toward their current values.
 *
 * Pure: the search never prints.
 */
import { InputError } from '../errors/input-error.js';
import { compileScenario, compiler } from '../model/compile.js';
import {
  DECLARATION_KEYS,
  DECLARATION_PARAMETERS,
  WORLD_PARAMETERS,
  type Declaration,
  type ParameterInfo,
  type World,
} from '../model/inputs.js';
import { WORLD_PAYOFF_KEYS } from '../model/names.js';
import type { Scenario } from '../model/scenario.js';
import { isSupermodular } from '../solve/game.js';
import { extremalEquilibria } from '../solve/nash.js';
import { leastTally, tallyWorkspace } from '../solve/warm-nash.js';
import { findState } from '../scenario/find-state.js';
import { stateIndex } from './explain.js';
import { fixedActions, runScenario, type RunResult } from './run.js';

/**
 * A target: at least `minSigned` signers and every state in `mustSign`
 * signing; or every state in `mustAbstain` abstaining (alone).
 */
export interface Target {
  minSigned?: number;
  mustSign: string[];
  mustAbstain?: string[];
}

const TARGET_FORMS =
  "'signed>=N', 'STATE[,STATE…] sign' (ids in any case or English names), or both joined by 'and' (e.g. 'signed>=43 and USA,CHN sign'); or 'STATE[,STATE…] abstain' alone";

/**
 * Parses a target expression strictly. Throws an InputError naming what was
 * wrong (exit code 2 in the CLI).
 * @example parseTarget('signed>=43 and USA,CHN sign')
 */
export function parseTarget(expr: string): Target {
  const text = expr.trim();
  if (!text) throw new InputError(`empty target: expected ${TARGET_FORMS}`);
  const pieces = text.split(/\s+and\s+/);
  const target: Target = { mustSign: [] };
  let sawCount = false;
  let sawSign = false;
  for (let k = 0; k < pieces.length; k++) {
    let clause = pieces[k].trim();
    // 'and' inside a state's name ("Trinidad and Tobago sign"): join the pieces until a clause ends.
    while (!/^signed\s*>=/.test(clause) && !/\s(signs?|abstains?)$/.test(clause) && k + 1 < pieces.length)
      clause = `${clause} and ${pieces[++k].trim()}`;
    const count = /^signed\s*>=\s*(\S+)$/.exec(clause);
    if (count) {
      if (sawCount) throw new InputError(`target '${expr}': 'signed>=N' is given twice`);
      sawCount = true;
      const n = Number(count[1]);
      if (!/^\d+$/.test(count[1]) || !Number.isSafeInteger(n))
        throw new InputError(`target '${expr}': expected a whole number ≥ 0 after 'signed>=', got '${count[1]}'`);
      target.minSigned = n;
      continue;
    }
    const sign = /^([^,]+(?:,[^,]+)*)\s+(signs?|abstains?)$/.exec(clause);
    if (sign) {
      const abstain = sign[2].startsWith('abstain');
      const word = abstain ? 'abstain' : 'sign';
      if (abstain ? target.mustAbstain : sawSign)
        throw new InputError(`target '${expr}': 'ID,… ${word}' is given twice; list every state in one clause`);
      const ids = sign[1].split(',').map((s) => s.trim().replace(/\s+/g, ' '));
      const verb = ids.find((id) => /(^|\s)(sign|signs|signed|abstain|abstains)(\s|$)/i.test(id));
      if (verb !== undefined) throw new InputError(`target '${expr}': cannot read '${verb}'; expected ${TARGET_FORMS}`);
      const dup = ids.find((id, k) => ids.indexOf(id) !== k);
      if (dup) throw new InputError(`target '${expr}': state '${dup}' is named twice`);
      if (abstain) target.mustAbstain = ids;
      else {
        sawSign = true;
        target.mustSign = ids;
      }
      continue;
    }
    throw new InputError(`target '${expr}': cannot read '${clause}'; expected ${TARGET_FORMS}`);
  }
  if (target.mustAbstain && (sawSign || sawCount))
    throw new InputError(
      `target '${expr}': 'ID,… abstain' cannot be combined with 'signed>=N' or 'ID,… sign' (they pull the text opposite ways)`,
    );
  return target;
}

/** The target as text, in the canonical form parseTarget reads. */
export function targetToText(t: Target): string {
  const parts: string[] = [];
  if (t.minSigned !== undefined) parts.push(`signed>=${t.minSigned}`);
  if (t.mustSign.length) parts.push(`${t.mustSign.join(',')} sign`);
  if (t.mustAbstain?.length) parts.push(`${t.mustAbstain.join(',')} abstain`);
  return parts.join(' and ');
}

/** A parameter the search may move. */
export interface SeekParameter {
  path: string;
  section: 'declaration' | 'world';
  key: string;
  label: string;
  monotonicity: 'raises' | 'lowers' | 'two-sided';
  /** The scenario's value. */
  value: number;
}

/** The declaration parameters, plus world raceIntensity and raceShock when `allowWorld`. */
export function seekParameters(scenario: Scenario, allowWorld = false): SeekParameter[] {
  const pick = (section: 'declaration' | 'world', list: readonly ParameterInfo[]) =>
    list
      .filter((p) => p.monotonicity !== 'none')
      .map((p) => ({
        path: `${section}.${p.key}`,
        section,
        key: p.key,
        label: p.label,
        monotonicity: p.monotonicity as SeekParameter['monotonicity'],
        value: (scenario[section] as unknown as Record<string, number>)[p.key],
      }));
  return [...pick('declaration', DECLARATION_PARAMETERS), ...(allowWorld ? pick('world', WORLD_PARAMETERS) : [])];
}

/**
 * The least equilibrium at other declaration and world values, fast: the
 * model's incremental compiler recomputes only the terms the changed
 * values feed, and the warm-started solver reuses the last cascade's order.
 */
export function leastEvaluator(scenario: Scenario): (declaration: Declaration, world: World) => Uint8Array {
  const incremental = compiler(scenario);
  const setters = [
    ...DECLARATION_KEYS.map((key) => [incremental.setter(`declaration.${key}`)!, (d: Declaration) => d[key]] as const),
    ...WORLD_PAYOFF_KEYS.map(
      (key) => [incremental.setter(`world.${key}`)!, (_: Declaration, w: World) => w[key]] as const,
    ),
  ];
  const fixed = fixedActions(scenario);
  const ws = tallyWorkspace(scenario.states.length);
  return (declaration, world) => {
    for (const [set, read] of setters) set(read(declaration, world));
    incremental.recompile();
    const game = incremental.game;
    if (!isSupermodular(game)) return extremalEquilibria(game, fixed).least.profile;
    leastTally(game, fixed, ws);
    return ws.s;
  };
}

export interface SeekChange {
  path: string;
  label: string;
  from: number;
  to: number;
}

export interface SeekResult {
  target: Target;
  /** Paths the search could move. */
  searched: string[];
  /** 'met': the scenario already meets it; 'found': a change does; 'infeasible': no setting within bounds does. */
  status: 'met' | 'found' | 'infeasible';
  /** Parameters changed (status 'found'). */
  changes: SeekChange[];
  /** L1 distance of the change. */
  distance: number;
  /** A proven lower bound on the minimal distance (over the grid of `gridded`). */
  lowerBound: number;
  /**
   * True when the lower bound meets the distance (within the tolerance): the
   * answer is the minimum — over the scanned grid of `gridded` when that is
   * not empty, since two-sided values between grid points are not searched.
   */
  exact: boolean;
  /**
   * Two-sided parameters scanned only on a grid (plus their current values):
   * 'infeasible', `exact` and `lowerBound` then hold over that grid, not over
   * every value in [0, 1].
   */
  gridded: string[];
  /** The run at the answer ('met', 'found') or at the most favourable corner found ('infeasible'). */
  run: RunResult;
  /** Versus the scenario's least equilibrium. */
  joined: string[];
  left: string[];
  /** Target states that do not take their target decision in `run` (do not sign; with `mustAbstain`, do not abstain). */
  missing: string[];
  /** Which search was used, in words. */
  search: string;
  /** Number of equilibrium solves. */
  evaluations: number;
  /** False when the game is not supermodular: monotonicity then does not hold and nothing is proven. */
  supermodular: boolean;
}

export interface SeekOptions {
  allowWorld?: boolean;
  /** Grid step for the two-sided parameters (default 0.1). */
  gridStep?: number;
  /** Bisection tolerance on each parameter (default 1e-4). */
  tolerance?: number;
}

/** Values are reported to this many decimals, rounded in the favourable direction so feasibility survives. */
const DECIMALS = 4;

export function seek(scenario: Scenario, target: Target, options: SeekOptions = {}): SeekResult {
  const step = options.gridStep ?? 0.1;
  const tol = options.tolerance ?? 1e-4;
  const n = scenario.states.length;
  if (target.minSigned !== undefined && target.minSigned > n)
    throw new InputError(`target signed>=${target.minSigned}: the scenario has only ${n} states`);
  const abstaining = target.mustAbstain ?? [];
  if (abstaining.length && (target.minSigned !== undefined || target.mustSign.length))
    throw new InputError(
      `target '${targetToText(target)}': 'ID,… abstain' cannot be combined with 'signed>=N' or 'ID,… sign'`,
    );
  const resolve = (ids: string[], word: string) => {
    const found = ids.map((id) => {
      // 'USA CHN sign': several states without the commas between them.
      const words = id.split(' ');
      if (
        findState(scenario.states, id) < 0 &&
        words.length > 1 &&
        words.every((w) => findState(scenario.states, w) >= 0)
      )
        throw new InputError(
          `target: '${id}' is not one state; separate states with commas ('${words.join(',')} ${word}')`,
        );
      return stateIndex(scenario, id);
    });
    // States named by name or in another case are reported by their ids.
    const twice = found.find((i, k) => found.indexOf(i) !== k);
    if (twice !== undefined)
      throw new InputError(`target '${targetToText(target)}': state ${scenario.states[twice].id} is named twice`);
    return found;
  };
  const must = resolve(target.mustSign, 'sign');
  const mustNot = resolve(abstaining, 'abstain');
  target = {
    ...target,
    mustSign: must.map((i) => scenario.states[i].id),
    ...(abstaining.length ? { mustAbstain: mustNot.map((i) => scenario.states[i].id) } : {}),
  };
  // Toward abstaining, the favourable direction of every monotone parameter is reversed.
  const towardSign = mustNot.length === 0;
  const params = seekParameters(scenario, options.allowWorld);
  const mono = params.filter((p) => p.monotonicity !== 'two-sided');
  const two = params.filter((p) => p.monotonicity === 'two-sided');
  const up = mono.map((p) => (p.monotonicity === 'raises') === towardSign);
  const cap = mono.map((p, k) => (up[k] ? 1 - p.value : p.value));
  const evaluate = leastEvaluator(scenario);
  const supermodular = isSupermodular(compileScenario(scenario).game);
  let evaluations = 0;

  const valuesOf = (t: ArrayLike<number>, tv: ArrayLike<number>): Record<string, number> => {
    const out: Record<string, number> = {};
    mono.forEach((p, k) => (out[p.path] = up[k] ? Math.min(1, p.value + t[k]) : Math.max(0, p.value - t[k])));
    two.forEach((p, k) => (out[p.path] = tv[k]));
    return out;
  };
  const meets = (profile: Uint8Array): boolean => {
    for (const i of must) if (profile[i] !== 1) return false;
    for (const i of mustNot) if (profile[i] !== 0) return false;
    if (target.minSigned !== undefined) {
      let s = 0;
      for (let i = 0; i < n; i++) s += profile[i];
      if (s < target.minSigned) return false;
    }
    return true;
  };
  const feasible = (t: ArrayLike<number>, tv: ArrayLike<number>): boolean => {
    const values = valuesOf(t, tv);
    const declaration = { ...scenario.declaration };
    const world = { ...scenario.world };
    for (const p of params)
      (p.section === 'declaration'
        ? (declaration as unknown as Record<string, number>)
        : (world as unknown as Record<string, number>))[p.key] = values[p.path];
    evaluations++;
    return meets(evaluate(declaration, world));
  };
  const sum = (t: ArrayLike<number>) => Array.from(t).reduce((x, y) => x + y, 0);
  const twoCost = (tv: ArrayLike<number>) => two.reduce((acc, p, k) => acc + Math.abs(tv[k] - p.value), 0);

  const finish = (
    status: SeekResult['status'],
    t: Float64Array,
    tv: number[],
    lowerBound: number,
    search: string,
  ): SeekResult => {
    const values = valuesOf(t, tv);
    let next: Scenario = { ...scenario, declaration: { ...scenario.declaration }, world: { ...scenario.world } };
    const changes: SeekChange[] = [];
    for (const p of params) {
      const v = values[p.path];
      if (Math.abs(v - p.value) <= 1e-12) continue;
      changes.push({ path: p.path, label: p.label, from: p.value, to: v });
      next = { ...next, [p.section]: { ...next[p.section], [p.key]: v } };
    }
    const run = runScenario(next);
    const baseProfile = evaluate(scenario.declaration, scenario.world).slice();
    evaluations++;
    const ids = scenario.states.map((s) => s.id);
    const least = run.equilibria.least.profile;
    const distance = changes.reduce((acc, c) => acc + Math.abs(c.to - c.from), 0);
    return {
      target,
      searched: params.map((p) => p.path),
      gridded: two.map((p) => p.path),
      status,
      changes: status === 'infeasible' ? [] : changes,
      distance: status === 'infeasible' ? Infinity : distance,
      lowerBound: status === 'infeasible' ? Infinity : Math.min(lowerBound, distance),
      // Each changed coordinate carries at most one bisection tolerance plus one rounding unit of slack.
      exact: status === 'infeasible' || status === 'met' || distance - lowerBound <= (2 * changes.length + 2) * tol,
      run,
      joined: ids.filter((_, i) => least[i] === 1 && baseProfile[i] === 0),
      left: ids.filter((_, i) => least[i] === 0 && baseProfile[i] === 1),
      missing: [...must.filter((i) => least[i] !== 1), ...mustNot.filter((i) => least[i] !== 0)].map((i) => ids[i]),
      search,
      evaluations,
      supermodular,
    };
  };

  const zero = new Float64Array(mono.length);
  const current = two.map((p) => p.value);
  if (feasible(zero, current))
    return finish('met', zero, current, 0, 'none needed: the scenario already meets the target');

  // The two-sided grid: every multiple of the step, plus the current value.
  const axis = (p: SeekParameter) => {
    const pts = new Set<number>([p.value]);
    for (let g = 0; g <= Math.round(1 / step); g++) pts.add(Math.min(1, Number((g * step).toFixed(10))));
    return [...pts].sort((x, y) => x - y);
  };
  let combos: number[][] = [[]];
  for (const p of two) combos = combos.flatMap((c) => axis(p).map((v) => [...c, v]));
  const corner = Float64Array.from(cap);
  const gridWords = two.length
    ? `${two.map((p) => p.key).join(' × ')} scanned on a grid of step ${step} plus current values (${combos.length} points)`
    : 'no two-sided parameter';

  const open = combos.filter((tv) => feasible(corner, tv));
  if (open.length === 0) {
    // Report the best that can be had: the corner at the current two-sided values.
    return finish(
      'infeasible',
      corner,
      current,
      Infinity,
      `most favourable corner of every monotone parameter; ${gridWords}: none meets the target`,
    );
  }

  /** Least B with u(B) = min(B, cap) feasible, by bisection (u(max cap) = corner is feasible). */
  const budgetBound = (tv: number[]): number => {
    let lo = 0;
    let hi = Math.max(0, ...cap);
    const u = (b: number) => Float64Array.from(cap, (c) => Math.min(b, c));
    if (feasible(u(lo), tv)) return 0;
    while (hi - lo > tol) {
      const mid = (lo + hi) / 2;
      if (feasible(u(mid), tv)) hi = mid;
      else lo = mid;
    }
    return lo;
  };
  const bounded = open
    .map((tv) => ({ tv, budget: budgetBound(tv), cost: twoCost(tv) }))
    .map((b) => ({ ...b, lower: b.cost + b.budget }));
  bounded.sort((x, y) => x.lower - y.lower || x.cost - y.cost);

  /** Pushes coordinate k back toward the scenario value as far as feasibility allows. */
  const shrink = (t: Float64Array, tv: number[], k: number): void => {
    if (t[k] <= 0) return;
    const saved = t[k];
    t[k] = 0;
    if (feasible(t, tv)) return;
    let lo = 0;
    let hi = saved;
    while (hi - lo > tol) {
      t[k] = (lo + hi) / 2;
      if (feasible(t, tv)) hi = t[k];
      else lo = t[k];
    }
    t[k] = hi;
  };
  const shrinkAll = (t: Float64Array, tv: number[], order: number[]) => {
    for (const k of order) shrink(t, tv, k);
    return t;
  };
  const forward = mono.map((_, k) => k);
  /** Greedy shrink from two starts, then pairwise exchanges until no move gains. */
  const localSearch = (tv: number[], budget: number): Float64Array => {
    const starts = [
      shrinkAll(Float64Array.from(cap), tv, forward),
      shrinkAll(Float64Array.from(cap), tv, [...forward].reverse()),
      shrinkAll(
        Float64Array.from(cap, (c) => Math.min(budget + tol, c)),
        tv,
        forward,
      ),
    ].filter((t) => feasible(t, tv));
    let best = starts.reduce((x, y) => (sum(y) < sum(x) ? y : x));
    for (let pass = 0; pass < 4; pass++) {
      let improved = false;
      for (let k = 0; k < mono.length; k++) {
        if (best[k] <= 0) continue;
        for (const keep of [0, 0.5]) {
          for (let l = 0; l < mono.length; l++) {
            if (l === k) continue;
            const t = best.slice();
            t[k] = best[k] * keep;
            t[l] = cap[l];
            if (!feasible(t, tv)) continue;
            shrink(t, tv, l);
            shrinkAll(t, tv, forward);
            if (sum(t) < sum(best) - tol) {
              best = t;
              improved = true;
            }
          }
        }
      }
      if (!improved) break;
    }
    return best;
  };

  /**
   * The separable bound: a feasible t lies below the corner, so raising every
   * other coordinate to its cap keeps it feasible; hence t_k ≥ m_k, the least
   * t_k that works with all others at the corner, and Σ t_k ≥ Σ m_k.
   */
  const strengthen = (b: (typeof bounded)[number]) => {
    let needed = 0;
    for (let k = 0; k < mono.length; k++) {
      const t = Float64Array.from(cap);
      shrink(t, b.tv, k);
      needed += t[k] > 0 ? t[k] - tol : 0;
    }
    b.lower = Math.max(b.lower, b.cost + needed);
  };
  let bestT: Float64Array | undefined;
  let bestTv = current;
  let bestCost = Infinity;
  const REFINED = 8;
  let refined = 0;
  let unsearched = 0;
  for (const b of bounded) {
    if (b.lower >= bestCost - tol) break;
    strengthen(b);
    if (b.lower >= bestCost - tol) continue;
    if (refined >= REFINED) {
      unsearched++;
      continue;
    }
    refined++;
    const t = localSearch(b.tv, b.budget);
    const cost = b.cost + sum(t);
    if (cost < bestCost) {
      bestCost = cost;
      bestT = t;
      bestTv = b.tv;
    }
  }
  const lowerBound = Math.min(...bounded.map((b) => b.lower));
  let t = bestT!;
  let tv = [...bestTv];
  // Off the grid: move each two-sided value toward its current value while the target holds.
  two.forEach((p, k) => {
    if (tv[k] === p.value) return;
    for (let s = 1; s <= 10; s++) {
      const trial = [...tv];
      trial[k] = tv[k] + ((p.value - tv[k]) * s) / 10;
      if (feasible(t, trial)) tv = trial;
      else break;
    }
  });
  t = shrinkAll(t, tv, forward);
  // Round to reported precision in the favourable direction; keep the unrounded point if rounding ever failed.
  const unit = 10 ** DECIMALS;
  const rounded = Float64Array.from(t, (x, k) => Math.min(cap[k], Math.ceil(x * unit - 1e-9) / unit));
  if (feasible(rounded, tv)) t = rounded;
  const search =
    `branch and bound over the monotone structure: ${gridWords}; for each, the most favourable corner, ` +
    `lower bounds by bisection on an L∞ budget and from each parameter's own threshold with the others at the corner, ` +
    `and an upper bound by greedy coordinate shrinking ` +
    `(bisection on each parameter's threshold) with pairwise exchanges; ${refined} grid point${refined === 1 ? '' : 's'} searched in order of lower bound` +
    (unsearched > 0 ? ` (${unsearched} more with a lower bound below the answer left unsearched)` : '');
  return finish('found', t, tv, lowerBound, search);
}
