/**
 * Compilation of a scenario into the linear game (a, m, B) the solvers see
 * (docs/model.md, "The compiled linear game"), keeping the per-term split for
 * explanations and calibration.
 *
 * There is one compiler. `compiler(scenario)` holds the inputs as columns
 * and the game's arrays; a setter writes one input and marks the terms that
 * read it (from each term's `reads`, through the name table of names.ts);
 * `recompile` re-runs those terms' kernels and re-adds only the sums their
 * parts feed. `compileScenario` is that compiler run once, so a sweep's
 * incremental recompile and a fresh compile of the changed scenario run the
 * same kernels and add the same numbers in the same order: the same bits
 * (test/model/compiler.test.ts checks it over random setter sequences).
 */
import { makeGame, type LinearGame } from '../solve/game.js';
import type { StateAttribute, StateInput, Weights, World } from './inputs.js';
import { STATE_ATTRIBUTES } from './inputs.js';
import {
  columnsOf,
  inputsOf,
  NAMES,
  refreshDerived,
  type Columns,
  type DerivedQuantities,
  type InputKey,
} from './names.js';
import type { Scenario } from './scenario.js';
import { PART_NAMES, type Parts, type Term } from './terms.js';

/** Unweighted linear parts of one term for every state. */
export interface TermColumns extends Parts {
  readonly term: Term;
  readonly weight: number;
}

/** The part of the game the parameters do not change: who is rival or patron of whom. */
export interface GameStructure {
  readonly ids: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  /** Normalised rival weights W_ij / Σ_j |W_ij|, as CSR. */
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
  readonly declaration: Scenario['declaration'];
  readonly world: World;
}

export type CompileInput = Pick<Scenario, 'states' | 'terms' | 'declaration' | 'world' | 'weights'>;

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

/** A term's weight; a term the weights do not name weighs 0 (docs/scenario-format.md). */
function weightOf(weights: Weights, term: Term): number {
  const w = Object.hasOwn(weights, term.id) ? weights[term.id] : 0;
  if (!Number.isFinite(w)) throw new RangeError(`weight of term '${term.id}' is ${w}; expected a finite number`);
  return w;
}

/** Sets one input to a value. */
export type Setter = (value: number) => void;

export interface Compiler {
  /** The game, whose a, m, val and tval `recompile` rewrites in place. */
  readonly game: LinearGame;
  readonly structure: GameStructure;
  /** The inputs, as the kernels read them. */
  readonly columns: Columns;
  /** A setter for a scenario path, or undefined if the path changes the game's structure (rival weights, patrons, …). */
  setter(path: string): Setter | undefined;
  /** Brings the game up to date with the inputs, recomputing only what they changed. */
  recompile(): void;
  /** isSupermodular(game) as of the last recompile, without scanning the game. */
  supermodular(): boolean;
  /** The current game with its per-term split, as fresh arrays. */
  snapshot(): CompiledScenario;
}

const EMPTY = new Float64Array(0);

/** The most terms one pass of a sum adds. */
const MAX_ADDENDS = 8;

/** Part numbers, in PART_NAMES order. */
const [CONSTANT, MOMENTUM, RIVALS, PATRON] = [0, 1, 2, 3];

/** True when two numbers have the same bits as far as arithmetic can tell (±0 apart, NaN equal). */
const same = (x: number, y: number): boolean => (x === y ? x !== 0 || 1 / x === 1 / y : x !== x && y !== y);

/** Builds the compiler at the scenario's values; the scenario is not modified. */
export function compiler(scenario: CompileInput, structure: GameStructure = gameStructure(scenario.states)): Compiler {
  const { states, terms } = scenario;
  const n = states.length;
  const T = terms.length;
  const x = columnsOf(states, scenario.declaration, scenario.world);
  const customAttributes: ReadonlySet<string> = new Set(x.extra.keys());

  // The sparsity pattern of B: rival entries, then the patron entry, duplicates summed (makeGame's order).
  const entries = [];
  for (let i = 0; i < n; i++) {
    for (let k = structure.rivalPtr[i]; k < structure.rivalPtr[i + 1]; k++)
      entries.push({ i, j: structure.rivalCol[k], value: 0 });
    const p = structure.patron[i];
    if (p >= 0 && p !== i) entries.push({ i, j: p, value: 0 });
  }
  const game = makeGame(new Float64Array(n), new Float64Array(n), entries);
  const nnz = game.val.length;
  const slotOf = (i: number, j: number): number => {
    for (let k = game.rowPtr[i]; k < game.rowPtr[i + 1]; k++) if (game.col[k] === j) return k;
    throw new Error(`internal: no slot (${i}, ${j}) in the compiled game`);
  };
  const slotRow = new Int32Array(nnz);
  const slotRival = new Int32Array(nnz).fill(-1);
  const slotPatron = new Uint8Array(nnz);
  for (let i = 0; i < n; i++) {
    for (let k = game.rowPtr[i]; k < game.rowPtr[i + 1]; k++) slotRow[k] = i;
    for (let r = structure.rivalPtr[i]; r < structure.rivalPtr[i + 1]; r++)
      slotRival[slotOf(i, structure.rivalCol[r])] = r;
    const p = structure.patron[i];
    if (p >= 0 && p !== i) slotPatron[slotOf(i, p)] = 1;
  }
  const tslot = new Int32Array(nnz);
  for (let k = 0; k < nnz; k++) tslot[game.transposePerm[k]] = k;

  const weights = Float64Array.from(terms, (t) => weightOf(scenario.weights, t));
  let intercept = scenario.weights.intercept ?? 0;
  if (!Number.isFinite(intercept)) throw new RangeError(`intercept is ${intercept}; expected a finite number`);
  const has = terms.map((t) => new Set(t.parts));
  /** Unweighted parts, as the kernels write them (absent parts stay 0). */
  const raw: Parts[] = terms.map(() => ({
    constant: new Float64Array(n),
    momentum: new Float64Array(n),
    rivals: new Float64Array(n),
    patron: new Float64Array(n),
  }));
  /**
   * The unweighted part by part number (PART_NAMES order) and term, empty for parts a term
   * does not have. The sums multiply each by its weight as they add it: w·f rounded, then
   * added, the same bits as a product kept in an array of its own.
   */
  const byPart: Float64Array[][] = PART_NAMES.map((p) => terms.map((_, t) => (has[t].has(p) ? raw[t][p] : EMPTY)));
  /** The part numbers each term's kernel writes. */
  const partsOf = terms.map((term) => Int32Array.from(term.parts, (p) => PART_NAMES.indexOf(p)));
  const reliefParts = Int32Array.of(RIVALS);

  // Which terms read which input, and how much of each a change of it redoes: FULL (the kernel)
  // or RELIEF (a relief term reached only through `assurance`: its rival part from its constant).
  const FULL = 2;
  const RELIEF = 1;
  const readers = new Map<InputKey, [number, number][]>();
  terms.forEach((term, t) => {
    const direct = term.relief
      ? inputsOf(
          term.reads.filter((name) => name !== 'assurance'),
          customAttributes,
        )
      : undefined;
    for (const key of inputsOf(term.reads, customAttributes)) {
      const level = direct && !direct.has(key) ? RELIEF : FULL;
      readers.set(key, [...(readers.get(key) ?? []), [t, level]]);
    }
  });
  const feedsDerived = new Set(
    [...NAMES.values()].filter((info) => info.kind === 'derived').flatMap((info) => info.inputs),
  );
  const feedsMean = new Set(NAMES.get('meanCapability')!.inputs);
  const feedsRace = new Set(NAMES.get('race')!.inputs);
  const refresh = { meanCapability: false, race: false };

  const dirty = new Uint8Array(T).fill(FULL);
  let derivedDirty = false;
  let baselineDirty = true;
  // a is summed through stages: stage[0] = intercept + bias, stage[t + 1] = stage[t] + w_t ·
  // term t's constant part, stage[T] being game.a: a change to term t re-adds from stage[t] on
  // only, with the additions of a plain left-to-right sum. The additions run up to MAX_ADDENDS
  // terms per pass (addStages), so only some stages are written: `valid` says which hold their
  // sum, and `kept` the stages a recompile has started from, which passes end on so the next
  // such recompile finds them.
  const stage = Array.from({ length: T + 1 }, (_, t) => (t === T ? game.a : new Float64Array(n)));
  const valid = new Uint8Array(T + 1);
  const kept = new Uint8Array(T + 1);
  kept[0] = kept[T] = 1;
  let firstA = 0;
  let pendingM = true;
  // Whether m and B have a negative entry, as recompile last wrote them (isSupermodular's test,
  // kept up to date by the passes that write m and B instead of a scan of both per point).
  let negativeM = false;
  let negativeB = false;
  let pendingRivals = true;
  let pendingPatron = true;
  const rivalCoef = new Float64Array(n);
  const patronCoef = new Float64Array(n);

  function recomputeTerm(t: number, level: number): void {
    const out = raw[t];
    if (level === FULL) terms[t].kernel(x, out);
    else {
      const { constant, rivals } = out;
      const a = x.derived.assurance;
      for (let i = 0; i < n; i++) rivals[i] = -constant[i] * a;
    }
    const parts = level === FULL ? partsOf[t] : reliefParts;
    for (let q = 0; q < parts.length; q++) {
      const part = parts[q];
      if (part === CONSTANT) firstA = Math.min(firstA, t);
      else if (part === MOMENTUM) pendingM = true;
      else if (part === RIVALS) pendingRivals = true;
      else pendingPatron = true;
    }
  }

  function recompile(): void {
    if (derivedDirty) {
      refreshDerived(x, refresh);
      derivedDirty = refresh.meanCapability = refresh.race = false;
    }
    for (let t = 0; t < T; t++) {
      const level = dirty[t];
      if (level === 0) continue;
      // Marked clean only once its kernel succeeded: a term that throws (a custom term gone
      // non-finite) throws again on the next recompile instead of leaving a stale game.
      recomputeTerm(t, level);
      dirty[t] = 0;
    }
    if (baselineDirty) {
      baselineDirty = false;
      const a0 = stage[0];
      for (let i = 0; i < n; i++) a0[i] = intercept + x.bias[i];
      valid[0] = 1;
      firstA = 0;
    }
    if (firstA < T) addStages();
    if (pendingM) {
      pendingM = false;
      sumInto(game.m, MOMENTUM);
      const mm = game.m;
      negativeM = false;
      for (let i = 0; i < n; i++) if (mm[i] < 0) negativeM = true;
    }
    if (!pendingRivals && !pendingPatron) return;
    if (pendingRivals) sumInto(rivalCoef, RIVALS);
    if (pendingPatron) sumInto(patronCoef, PATRON);
    pendingRivals = pendingPatron = false;
    const { val, tval } = game;
    const share = structure.rivalShare;
    let negative = false;
    for (let k = 0; k < nnz; k++) {
      const i = slotRow[k];
      let v = 0;
      const r = slotRival[k];
      if (r >= 0) v = v + rivalCoef[i] * share[r];
      if (slotPatron[k]) v = v + patronCoef[i];
      val[k] = v;
      tval[tslot[k]] = v;
      if (v < 0) negative = true;
    }
    negativeB = negative;
  }

  /** game.a from the first changed stage on: stage[t + 1] = stage[t] + w_t · term t's constant. */
  function addStages(): void {
    kept[firstA] = 1;
    // Start from the last stage at or before the first change that holds its sum.
    let t = firstA;
    while (valid[t] === 0) t--;
    for (let u = t + 1; u <= T; u++) valid[u] = 0;
    const byTerm = byPart[CONSTANT];
    let from = stage[t];
    while (t < T) {
      // Up to MAX_ADDENDS terms that add something (a part a term does not have, or a zero
      // weight, adds nothing), ending at the next kept stage.
      let count = 0;
      let end = t;
      while (end < T && count < MAX_ADDENDS) {
        if (byTerm[end].length > 0 && weights[end] !== 0) {
          addends[count] = byTerm[end];
          factors[count++] = weights[end];
        }
        end++;
        if (kept[end] === 1) break;
      }
      const to = stage[end];
      sumPass(from, count, to);
      valid[end] = 1;
      from = to;
      t = end;
    }
    firstA = T;
  }

  const addends: Float64Array[] = new Array<Float64Array>(MAX_ADDENDS).fill(EMPTY);
  const factors = new Float64Array(MAX_ADDENDS);
  /**
   * to = from + f₀·addends[0] + … + f_{count−1}·addends[count − 1], left to right for each
   * state, each product rounded before it is added (JavaScript never fuses a multiply-add).
   */
  function sumPass(from: Float64Array, count: number, to: Float64Array): void {
    const [A, B, C, D, E, F, G, H] = addends;
    const [a, b, c, d, e, f, g, h] = factors;
    switch (count) {
      case 0:
        to.set(from);
        break;
      case 1:
        for (let i = 0; i < n; i++) to[i] = from[i] + a * A[i];
        break;
      case 2:
        for (let i = 0; i < n; i++) to[i] = from[i] + a * A[i] + b * B[i];
        break;
      case 3:
        for (let i = 0; i < n; i++) to[i] = from[i] + a * A[i] + b * B[i] + c * C[i];
        break;
      case 4:
        for (let i = 0; i < n; i++) to[i] = from[i] + a * A[i] + b * B[i] + c * C[i] + d * D[i];
        break;
      case 5:
        for (let i = 0; i < n; i++) to[i] = from[i] + a * A[i] + b * B[i] + c * C[i] + d * D[i] + e * E[i];
        break;
      case 6:
        for (let i = 0; i < n; i++) to[i] = from[i] + a * A[i] + b * B[i] + c * C[i] + d * D[i] + e * E[i] + f * F[i];
        break;
      case 7:
        for (let i = 0; i < n; i++)
          to[i] = from[i] + a * A[i] + b * B[i] + c * C[i] + d * D[i] + e * E[i] + f * F[i] + g * G[i];
        break;
      default:
        for (let i = 0; i < n; i++)
          to[i] = from[i] + a * A[i] + b * B[i] + c * C[i] + d * D[i] + e * E[i] + f * F[i] + g * G[i] + h * H[i];
    }
  }

  /** target = 0 + the terms' weighted `part`, left to right, up to MAX_ADDENDS terms per pass. */
  function sumInto(target: Float64Array, part: number): void {
    const byTerm = byPart[part];
    let from: Float64Array = zeros;
    let count = 0;
    for (let t = 0; t < T; t++) {
      const P = byTerm[t];
      if (P.length === 0 || weights[t] === 0) continue;
      addends[count] = P;
      factors[count++] = weights[t];
      if (count === MAX_ADDENDS) {
        sumPass(from, count, target);
        from = target;
        count = 0;
      }
    }
    if (count > 0 || from === zeros) sumPass(from, count, target);
  }
  const zeros = new Float64Array(n);

  /** A setter writing one input, marking its readers, when the value changes. */
  const marking = (
    input: InputKey | undefined,
    read: () => number,
    write: (v: number) => void,
    extra?: () => void,
  ): Setter => {
    const entries = input === undefined ? [] : (readers.get(input) ?? []);
    const marked = Int32Array.from(entries, (e) => e[0]);
    const levels = Uint8Array.from(entries, (e) => e[1]);
    const derived = input !== undefined && feedsDerived.has(input);
    const mean = input !== undefined && feedsMean.has(input);
    const race = input !== undefined && feedsRace.has(input);
    return (v) => {
      if (same(read(), v)) return;
      write(v);
      for (let k = 0; k < marked.length; k++) if (dirty[marked[k]] < levels[k]) dirty[marked[k]] = levels[k];
      if (derived) {
        derivedDirty = true;
        if (mean) refresh.meanCapability = true;
        if (race) refresh.race = true;
      }
      extra?.();
    };
  };

  function setter(path: string): Setter | undefined {
    const parts = path.split('.');
    const [head, key] = parts;
    if (parts.length === 2 && head === 'declaration' && Object.hasOwn(x.declaration, key)) {
      const d = x.declaration as Record<string, number>;
      return marking(
        `declaration.${key}`,
        () => d[key],
        (v) => void (d[key] = v),
      );
    }
    if (parts.length === 2 && head === 'world' && Object.hasOwn(x.world, key)) {
      const w = x.world as unknown as Record<string, number>;
      return marking(
        `world.${key}`,
        () => w[key],
        (v) => void (w[key] = v),
      );
    }
    if (parts.length === 2 && head === 'weights') {
      if (key === 'intercept')
        return marking(
          undefined,
          () => intercept,
          (v) => void (intercept = v),
          () => void (baselineDirty = true),
        );
      const t = terms.findIndex((term) => term.id === key);
      if (t < 0) return undefined;
      return marking(
        undefined,
        () => weights[t],
        (v) => void (weights[t] = v),
        () => void (dirty[t] = FULL),
      );
    }
    if (head !== 'states' || parts.length < 3) return undefined;
    const i = structure.index.get(key);
    if (i === undefined) return undefined;
    const attr = parts.slice(2).join('.');
    if (attr === 'bias')
      return marking(
        'state.bias',
        () => x.bias[i],
        (v) => void (x.bias[i] = v),
        () => void (baselineDirty = true),
      );
    if (attr === 'patron.deference') {
      if (!states[i].patron) return undefined;
      return marking(
        'state.deference',
        () => x.deference[i],
        (v) => void (x.deference[i] = v),
      );
    }
    if ((STATE_ATTRIBUTES as readonly string[]).includes(attr)) {
      const column = x.attribute[attr as StateAttribute];
      return marking(
        `state.${attr}`,
        () => column[i],
        (v) => void (column[i] = v),
      );
    }
    const column = x.extra.get(attr);
    if (column && Object.hasOwn(states[i].extra, attr))
      return marking(
        `state.${attr}`,
        () => column[i],
        (v) => void (column[i] = v),
      );
    return undefined;
  }

  function snapshot(): CompiledScenario {
    recompile();
    const g: LinearGame = {
      ...game,
      a: game.a.slice(),
      m: game.m.slice(),
      val: game.val.slice(),
      tval: game.tval.slice(),
    };
    return {
      structure,
      game: g,
      derived: { ...x.derived },
      terms: terms.map((term, t) => ({
        term,
        weight: weights[t],
        constant: raw[t].constant.slice(),
        momentum: raw[t].momentum.slice(),
        rivals: raw[t].rivals.slice(),
        patron: raw[t].patron.slice(),
      })),
      baseline: stage[0].slice(),
      declaration: { ...x.declaration },
      world: { ...x.world },
    };
  }

  return { game, structure, columns: x, setter, recompile, snapshot, supermodular: () => !negativeM && !negativeB };
}

/**
 * Compiles the scenario at its own values. Pass a precomputed structure to
 * skip rebuilding it.
 */
export function compileScenario(
  scenario: CompileInput,
  structure: GameStructure = gameStructure(scenario.states),
): CompiledScenario {
  return compiler(scenario, structure).snapshot();
}

/** Weighted share of i's rivals that sign at (possibly mixed) profile x. */
export function rivalShareAt(structure: GameStructure, x: ArrayLike<number>, i: number): number {
  let r = 0;
  for (let k = structure.rivalPtr[i]; k < structure.rivalPtr[i + 1]; k++)
    r += structure.rivalShare[k] * x[structure.rivalCol[k]];
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
  return Float64Array.from(
    compiled.terms,
    (c) => c.constant[i] + c.momentum[i] * s + c.rivals[i] * r + c.patron[i] * sp,
  );
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

/**
 * The cost a state's signature commits it to under the term with role
 * 'restraint' (K_j·a, a its rivals' relief), weighted: what a rival is
 * spared when j signs credibly (Jervis's E). 0 without such a term.
 */
export function restraintRelief(compiled: CompiledScenario, j: number): number {
  const term = compiled.terms.find((c) => c.term.role === 'restraint');
  return term ? term.weight * term.rivals[j] : 0;
}
