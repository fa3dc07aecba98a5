/**
 * Compilation of a scenario at given parameter values into the linear game
 * (a, m, B) the solvers see, keeping the per-term split for explanations
 * and calibration.
 */
import { makeGame, type LinearGame, type SparseEntry } from '../solve/game.js';
import type { Declaration, StateInput, Weights, World } from './inputs.js';
import type { Scenario } from './scenario.js';
import type { DerivedQuantities, Term, TermContext } from './terms.js';

/** Unweighted linear parts of one term for every state. */
export interface TermColumns {
  readonly term: Term;
  readonly weight: number;
  readonly constant: Float64Array;
  readonly momentum: Float64Array;
  readonly rivals: Float64Array;
  readonly patron: Float64Array;
}

/** The part of the game the parameters do not change: who is rival or patron of whom. */
export interface GameStructure {
  readonly ids: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  /** Normalised rival weights W_ij / Σ_j W_ij, as CSR. */
  readonly rivalPtr: Int32Array;
  readonly rivalCol: Int32Array;
  readonly rivalShare: Float64Array;
  /** Index of each state's patron, −1 for none. */
  readonly patron: Int32Array;
}

export interface CompiledScenario {
  readonly structure: GameStructure;
  readonly game: LinearGame;
  readonly derived: DerivedQuantities;
  readonly terms: readonly TermColumns[];
  /** w0 + bias_i: the part of a_i that belongs to no term. */
  readonly baseline: Float64Array;
  readonly declaration: Declaration;
  readonly world: World;
}

export function gameStructure(states: readonly StateInput[]): GameStructure {
  const ids = states.map((s) => s.id);
  const index = new Map(ids.map((id, i) => [id, i] as const));
  const n = states.length;
  const rivalPtr = new Int32Array(n + 1);
  const cols: number[] = [];
  const shares: number[] = [];
  const patron = new Int32Array(n).fill(-1);
  states.forEach((state, i) => {
    const entries = Object.entries(state.rivals)
      .map(([id, w]) => [index.get(id), w] as const)
      .filter((e): e is readonly [number, number] => e[0] !== undefined && e[0] !== i && e[1] !== 0)
      .sort((x, y) => x[0] - y[0]);
    const total = entries.reduce((acc, [, w]) => acc + Math.abs(w), 0);
    for (const [j, w] of entries) {
      cols.push(j);
      shares.push(w / total);
    }
    rivalPtr[i + 1] = cols.length;
    if (state.patron) patron[i] = index.get(state.patron.id) ?? -1;
  });
  return { ids, index, rivalPtr, rivalCol: Int32Array.from(cols), rivalShare: Float64Array.from(shares), patron };
}

export function derivedQuantities(declaration: Declaration, states: readonly StateInput[]): DerivedQuantities {
  const bindingness = (1 + declaration.enforcement) / 2;
  const meanCapability = states.length ? states.reduce((acc, s) => acc + s.capability, 0) / states.length : 0;
  return { bindingness, assurance: declaration.verification * bindingness, meanCapability };
}

/** The felt race intensity ρ_i = min(1, ρ + μ · raceExposure_i) (U1, U5, M1). */
export function feltRace(world: World, state: StateInput): number {
  return Math.min(1, world.raceIntensity + world.raceShock * state.raceExposure);
}

function weightOf(weights: Weights, term: Term): number {
  const w = weights[term.id];
  if (w === undefined || !Number.isFinite(w)) throw new RangeError(`no weight for term '${term.id}'`);
  return w;
}

/**
 * Compiles the scenario at its own parameter values, or at the given
 * overrides. Pass a precomputed structure to skip rebuilding it.
 */
export function compileScenario(
  scenario: Pick<Scenario, 'states' | 'terms' | 'declaration' | 'world' | 'weights'>,
  structure: GameStructure = gameStructure(scenario.states),
): CompiledScenario {
  const { states, declaration, world, weights } = scenario;
  const n = states.length;
  const derived = derivedQuantities(declaration, states);
  const terms: TermColumns[] = scenario.terms.map((term) => ({
    term,
    weight: weightOf(weights, term),
    constant: new Float64Array(n),
    momentum: new Float64Array(n),
    rivals: new Float64Array(n),
    patron: new Float64Array(n),
  }));
  const baseline = new Float64Array(n);
  const a = new Float64Array(n);
  const m = new Float64Array(n);
  const rivalCoef = new Float64Array(n);
  const patronCoef = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const state = states[i];
    const ctx: TermContext = { state, declaration, world, derived, race: feltRace(world, state) };
    baseline[i] = weights.intercept + state.bias;
    a[i] = baseline[i];
    for (const cols of terms) {
      const part = cols.term.linear(ctx);
      cols.constant[i] = part.constant;
      cols.momentum[i] = part.momentum;
      cols.rivals[i] = part.rivals;
      cols.patron[i] = part.patron;
      a[i] += cols.weight * part.constant;
      m[i] += cols.weight * part.momentum;
      rivalCoef[i] += cols.weight * part.rivals;
      patronCoef[i] += cols.weight * part.patron;
    }
  }
  const entries: SparseEntry[] = [];
  for (let i = 0; i < n; i++) {
    for (let k = structure.rivalPtr[i]; k < structure.rivalPtr[i + 1]; k++) {
      entries.push({ i, j: structure.rivalCol[k], value: rivalCoef[i] * structure.rivalShare[k] });
    }
    const p = structure.patron[i];
    if (p >= 0 && p !== i) entries.push({ i, j: p, value: patronCoef[i] });
  }
  return { structure, game: makeGame(a, m, entries), derived, terms, baseline, declaration, world };
}

/** Weighted share of i's rivals that sign at (possibly mixed) profile x. */
export function rivalShareAt(structure: GameStructure, x: ArrayLike<number>, i: number): number {
  let r = 0;
  for (let k = structure.rivalPtr[i]; k < structure.rivalPtr[i + 1]; k++) r += structure.rivalShare[k] * x[structure.rivalCol[k]];
  return r;
}

/** Share of the other states that sign at profile x. */
export function othersShareAt(x: ArrayLike<number>, i: number, total?: number): number {
  const n = x.length;
  if (n <= 1) return 0;
  let t = total;
  if (t === undefined) {
    t = 0;
    for (let j = 0; j < n; j++) t += x[j];
  }
  return (t - x[i]) / (n - 1);
}

/** Each term's unweighted value f_k(i, x) for state i at profile x. */
export function termValues(compiled: CompiledScenario, x: ArrayLike<number>, i: number): Float64Array {
  const r = rivalShareAt(compiled.structure, x, i);
  const s = othersShareAt(x, i);
  const p = compiled.structure.patron[i];
  const sp = p >= 0 ? x[p] : 0;
  return Float64Array.from(compiled.terms, (c) => c.constant[i] + c.momentum[i] * s + c.rivals[i] * r + c.patron[i] * sp);
}

/** Weighted contribution w_k · f_k(i, x) of every term, by term id. */
export function termContributions(compiled: CompiledScenario, x: ArrayLike<number>, i: number): Record<string, number> {
  const values = termValues(compiled, x, i);
  const out: Record<string, number> = {};
  compiled.terms.forEach((c, k) => {
    out[c.term.id] = c.weight * values[k];
  });
  return out;
}
