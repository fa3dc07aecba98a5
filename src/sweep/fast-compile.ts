/**
 * A fast recompiler for sweeps. `compileScenario` builds the game from term
 * objects (one small object per state and term); a sweep rewrites only the
 * parameter-dependent arrays (a, m and the values of B, whose sparsity
 * pattern is fixed) in place, with the built-in terms inlined. The
 * arithmetic is written in the same order as the terms in
 * src/model/terms.ts, so the numbers are the same as `compileScenario`'s
 * (test/sweep/fast-compile.test.ts checks it).
 *
 * Any other term (a scenario's custom terms) is evaluated per state through
 * its own `linear(ctx)`, with one context object per state kept and reused
 * (its state, declaration and world are a private copy that the setters
 * write), and its weighted parts are summed in term order like the inlined
 * ones, so a custom term keeps a scenario on the fast path. A custom term is
 * recomputed only when an input its expression names changes.
 *
 * Inputs are held as mutable columns; a path setter writes one of them.
 * Paths this module does not know (rival weights, a patron's deference…)
 * have no setter: callers fall back to `compileScenario` (see
 * point-model.ts).
 */
import { compileScenario, feltRace } from '../model/compile.js';
import { DECLARATION_KEYS, STATE_ATTRIBUTES, type Declaration } from '../model/inputs.js';
import type { Scenario } from '../model/scenario.js';
import { BUILTIN_TERMS, type DerivedQuantities, type Term, type TermContext } from '../model/terms.js';
import { expressionNames } from '../scenario/expression/custom-term.js';
import { parseExpressionTree } from '../scenario/expression/restricted-math.js';
import { compileTree, type CompiledExpression } from '../scenario/expression/compile.js';
import { degreeIn } from '../scenario/expression/degree.js';
import { namesUsed, toSafeTree, type SafeNode } from '../scenario/expression/safe-tree.js';
import { copyScenario } from '../scenario/paths.js';
import type { LinearGame } from '../solve/game.js';

/** The built-in terms inlined below, by id; a built-in term not listed here makes a scenario not fast-compilable. */
const INLINED = ['reputation', 'momentum', 'alignment', 'humanControl', 'adoption', 'restraint', 'exposure', 'ambiguity', 'blame', 'grayZone', 'weaponization', 'club'] as const;
const [REPUTATION, MOMENTUM, ALIGNMENT, HUMAN_CONTROL, ADOPTION, RESTRAINT, EXPOSURE, AMBIGUITY, BLAME, GRAY_ZONE, WEAPONIZATION, CLUB] = INLINED.map((_, k) => k);
/** Code of each inlined built-in term object (custom terms are not in it, even under a built-in id). */
const TERM_CODES = new Map(BUILTIN_TERMS.filter((t) => (INLINED as readonly string[]).includes(t.id)).map((t) => [t, INLINED.indexOf(t.id as (typeof INLINED)[number])] as const));
/** Code of a term evaluated through its own `linear(ctx)` (custom terms). */
const GENERIC = -1;

const DECLARATION_INDEX = new Map(DECLARATION_KEYS.map((k, i) => [k as string, i] as const));
const declarationIndex = (key: keyof Declaration): number => DECLARATION_INDEX.get(key)!;
const D_VERIFICATION = declarationIndex('verification');
const D_CLARITY = declarationIndex('thresholdClarity');
const D_STRICTNESS = declarationIndex('thresholdStrictness');
const D_ACCOUNTABILITY = declarationIndex('accountability');
const D_ENFORCEMENT = declarationIndex('enforcement');
const D_DIFFERENTIATION = declarationIndex('differentiation');
const D_NEUTRAL = declarationIndex('neutralInterpretation');
const D_HUMAN_CONTROL = declarationIndex('humanControl');
const D_CLUB = declarationIndex('clubCompatibility');
const WORLD_FIELDS = ['raceIntensity', 'raceShock', 'lambda', 'seed'] as const;
/** Columns per state: the numeric attributes, then bias. */
const STATE_FIELDS = [...STATE_ATTRIBUTES, 'bias'] as const;
const STATE_INDEX = new Map(STATE_FIELDS.map((k, i) => [k as string, i] as const));
const BIAS = STATE_INDEX.get('bias')!;
/** Column of a state attribute, by name (never by position: the attribute list may grow). */
const column = (name: (typeof STATE_FIELDS)[number]): number => STATE_INDEX.get(name)!;
const [CAP, PACE, SIZE, THREAT, RATIF, GRAY, CAUTION, WFEAR, CLUB_OPT, HCV, NORM, RACE_EXP] = (
  ['capability', 'pace', 'size', 'threat', 'ratification', 'grayZone', 'treatyCaution', 'weaponizationFear', 'clubOption', 'humanControlValue', 'normSensitivity', 'raceExposure'] as const
).map(column);

/** A custom term of proved degree ≤ 1 compiled over the fast compiler's columns. */
interface DirectTerm {
  readonly f: CompiledExpression;
  /** The expression's variable slots, reused for every state. */
  readonly values: Float64Array;
  /** Slots filled per state, and the column each reads. */
  readonly perStateSlot: Int32Array;
  readonly perStateCol: readonly Float64Array[];
  /** Slots filled once per recompile (declaration, world, derived quantities). */
  readonly global: readonly (readonly [number, () => number])[];
  /** Slots of rivalShare, signShare, patronSigns (−1 when unused). */
  readonly rivals: number;
  readonly momentum: number;
  readonly patron: number;
}

/** Sets one input to a value. */
export type Setter = (value: number) => void;

export interface FastCompiler {
  /** The game, whose a, m, val and tval are rewritten by `recompile`. */
  readonly game: LinearGame;
  /** Current logit precision λ (world.lambda may be varied). */
  lambda(): number;
  /** A setter for a path, or undefined if this compiler cannot vary it. */
  setter(path: string): Setter | undefined;
  /** Rewrites the game's arrays from the current inputs, without allocating. */
  recompile(): void;
}

/** True when every term is either inlined here or has a linear form to evaluate (custom terms). */
export function isFastCompilable(scenario: Pick<Scenario, 'terms'>): boolean {
  return scenario.terms.every((t) => TERM_CODES.has(t) || typeof t.linear === 'function');
}

const INTERACTION = ['rivalShare', 'signShare', 'patronSigns'] as const;
const INTERACTION_SET: ReadonlySet<string> = new Set(INTERACTION);

/** A custom term's checked expression tree, parsed again from its text; undefined for any other term. */
function customTree(term: Term, customAttributes: ReadonlySet<string>): SafeNode | undefined {
  const expression = (term as { expression?: unknown }).expression;
  if (typeof expression !== 'string') return undefined;
  try {
    return toSafeTree(parseExpressionTree(expression), expressionNames(customAttributes));
  } catch {
    return undefined;
  }
}

/**
 * The inputs an expression reads, as setter keys (`declaration.<key>`,
 * `world.<key>`, `state.<attribute>`), from the names it uses; undefined
 * when a name is not known here.
 */
function inputsOf(names: ReadonlySet<string>, customAttributes: ReadonlySet<string>): ReadonlySet<string> | undefined {
  const keys = new Set<string>();
  for (const name of names) {
    if ((STATE_ATTRIBUTES as readonly string[]).includes(name) || customAttributes.has(name) || name === 'bias') keys.add(`state.${name}`);
    else if (DECLARATION_INDEX.has(name)) keys.add(`declaration.${name}`);
    else if (name === 'raceIntensity' || name === 'raceShock') keys.add(`world.${name}`);
    else if (name === 'bindingness') keys.add('declaration.enforcement');
    else if (name === 'assurance') keys.add('declaration.verification').add('declaration.enforcement');
    else if (name === 'meanCapability') keys.add('state.capability');
    else if (name === 'race') keys.add('world.raceIntensity').add('world.raceShock').add('state.raceExposure');
    else if (name === 'deference') keys.add('state.patron.deference');
    else if (!INTERACTION_SET.has(name)) return undefined;
  }
  return keys;
}

/** Builds a fast compiler at the scenario's own values; the scenario is not modified. */
export function fastCompiler(scenario: Scenario): FastCompiler {
  if (!isFastCompilable(scenario)) throw new RangeError('scenario has a term without a linear form: use compileScenario');
  const base = compileScenario(scenario);
  const { structure, game } = base;
  const n = scenario.states.length;
  const terms = scenario.terms;
  const codes = Int32Array.from(terms, (t) => TERM_CODES.get(t) ?? GENERIC);
  const termWeights = Float64Array.from(scenario.terms, (t) => scenario.weights[t.id]);
  let intercept = scenario.weights.intercept;
  const decl = Float64Array.from(DECLARATION_KEYS, (k) => scenario.declaration[k as keyof Declaration]);
  const world = Float64Array.from(WORLD_FIELDS, (k) => scenario.world[k]);
  const cols = STATE_FIELDS.map((f) => Float64Array.from(scenario.states, (s) => s[f]));
  const deference = Float64Array.from(scenario.states, (s) => s.patron?.deference ?? 0);
  const rivalCoef = new Float64Array(n);
  const patronCoef = new Float64Array(n);

  // For each CSR slot of B: which rival share (or −1) and whether the patron adds to it,
  // in the order makeGame sums duplicate entries (rivals first, then the patron).
  const nnz = game.val.length;
  const slotRival = new Int32Array(nnz).fill(-1);
  const slotPatron = new Uint8Array(nnz);
  const slotOf = (i: number, j: number): number => {
    for (let k = game.rowPtr[i]; k < game.rowPtr[i + 1]; k++) if (game.col[k] === j) return k;
    throw new RangeError(`no slot for (${i}, ${j})`);
  };
  const slotRow = new Int32Array(nnz);
  for (let i = 0; i < n; i++) {
    for (let k = game.rowPtr[i]; k < game.rowPtr[i + 1]; k++) slotRow[k] = i;
    for (let r = structure.rivalPtr[i]; r < structure.rivalPtr[i + 1]; r++) slotRival[slotOf(i, structure.rivalCol[r])] = r;
    const p = structure.patron[i];
    if (p >= 0 && p !== i) slotPatron[slotOf(i, p)] = 1;
  }
  const weightIndex = new Map(terms.map((t, k) => [t.id, k] as const));

  // Each term's weighted parts w·f per state, kept so that a point which changes one
  // declaration knob recomputes only the terms that read it. The sums are then redone in
  // term order, the order compileScenario adds them in, so the result is the same bits.
  const T = codes.length;
  const hasConstant = (code: number): boolean => code !== MOMENTUM;
  const hasMomentum = (code: number): boolean => code === MOMENTUM || code === GENERIC;
  const hasRivals = (code: number): boolean => code === RESTRAINT || code === EXPOSURE || code === GENERIC;
  const hasPatron = (code: number): boolean => code === ALIGNMENT || code === GENERIC;
  const partA = Array.from({ length: T }, (_, t) => (hasConstant(codes[t]) ? new Float64Array(n) : new Float64Array(0)));
  const partM = Array.from({ length: T }, (_, t) => (hasMomentum(codes[t]) ? new Float64Array(n) : new Float64Array(0)));
  const partR = Array.from({ length: T }, (_, t) => (hasRivals(codes[t]) ? new Float64Array(n) : new Float64Array(0)));
  const partP = Array.from({ length: T }, (_, t) => (hasPatron(codes[t]) ? new Float64Array(n) : new Float64Array(0)));
  /**
   * What a term must redo: FULL (every part), or RIVALS_ONLY (restraint and exposure when
   * only verification moved: their cost, kept in `cost`, does not read it, so only the
   * rival part w·(cost·assurance) changes and a is left as it is).
   */
  const RIVALS_ONLY = 1;
  const FULL = 2;
  const dirty = new Uint8Array(T).fill(FULL);
  /** Restraint's and exposure's cost per state, as last computed (empty for other terms). */
  const cost = Array.from({ length: T }, (_, t) => (codes[t] === RESTRAINT || codes[t] === EXPOSURE ? new Float64Array(n) : new Float64Array(0)));
  let baselineDirty = true;
  // a is summed through stages: stage[0] = intercept + bias, stage[t + 1] = stage[t] + term
  // t's part (a copy when the term adds nothing), stage[T] being game.a itself. The additions
  // are those of a plain left-to-right sum, so the bits are the same, and a change to term t
  // re-adds from stage[t] on only.
  const stage = Array.from({ length: T + 1 }, (_, t) => (t === T ? game.a : new Float64Array(n)));
  // Sums still to redo: kept across calls, so a term that throws (a custom term gone
  // non-linear at these values) leaves nothing half-done for the next recompile.
  /** First term whose constant part changed since a was last summed (T: none; stage 0 is redone with baselineDirty). */
  let firstA = T;
  let pendingM = true;
  let pendingRivals = true;
  let pendingPatron = true;
  let pendingB = true;
  /** Position in tval of each CSR slot of val (refreshTranspose's permutation, inverted). */
  const tslot = new Int32Array(nnz);
  for (let k = 0; k < nnz; k++) tslot[game.transposePerm[k]] = k;
  /** Positions in scenario.terms of the terms with a given code. */
  const termsOf = (...wanted: number[]): number[] => [...codes.keys()].filter((t) => wanted.includes(codes[t]));

  // Custom terms: one reused context per state over a private copy of the inputs, which
  // the setters keep equal to the columns. Derived quantities and the felt race are
  // refreshed once per recompile that evaluates a custom term, as compileScenario has them.
  const mirror = copyScenario(scenario);
  const derived: DerivedQuantities = { bindingness: 0, assurance: 0, meanCapability: 0 };
  const raceCol = new Float64Array(n);
  const contexts: TermContext[] = mirror.states.map((state) => ({ state, declaration: mirror.declaration, world: mirror.world, derived, race: 0 }));
  let contextsFresh = false;
  const customAttributes = new Set(scenario.states.flatMap((s) => Object.keys(s.extra)));
  /** Columns of the custom attributes (NaN where a state has none, as custom-term.ts reads them). */
  const extraCols = new Map([...customAttributes].map((name) => [name, Float64Array.from(mirror.states, (st) => st.extra[name] ?? NaN)] as const));
  const trees = terms.map((t, k) => (codes[k] === GENERIC ? customTree(t, customAttributes) : undefined));
  const genericInputs = trees.map((tree) => (tree === undefined ? undefined : inputsOf(namesUsed(tree), customAttributes)));
  /** Positions of the custom terms that read a setter key (and of those whose inputs are unknown: any key). */
  const customReaders = (key: string): number[] => [...codes.keys()].filter((t) => codes[t] === GENERIC && (genericInputs[t] === undefined || genericInputs[t]!.has(key)));
  const direct = trees.map((tree, k) => (tree !== undefined && genericInputs[k] !== undefined ? directTerm(tree) : undefined));

  /**
   * A custom term of proved degree 0 or 1, evaluated here on its own compiled tree with
   * the slots filled straight from the columns: the arithmetic of custom-term.ts's
   * linearOrProblem (f at 0, then f with one interaction quantity at 1, minus f at 0),
   * without its context reads and result objects. Unproved degrees go through linear().
   */
  function directTerm(tree: SafeNode): DirectTerm | undefined {
    if (degreeIn(tree, INTERACTION_SET) === 'unknown') return undefined;
    const used = [...namesUsed(tree)];
    const slots = new Map(used.map((name, i) => [name, i] as const));
    const values = new Float64Array(used.length);
    const perState: [number, Float64Array][] = [];
    const global: [number, () => number][] = [];
    for (const name of used) {
      const slot = slots.get(name)!;
      const f = STATE_INDEX.get(name);
      if (f !== undefined) perState.push([slot, cols[f]]);
      else if (extraCols.has(name)) perState.push([slot, extraCols.get(name)!]);
      else if (name === 'deference') perState.push([slot, deference]);
      else if (name === 'race') perState.push([slot, raceCol]);
      else if (DECLARATION_INDEX.has(name)) {
        const k = DECLARATION_INDEX.get(name)!;
        global.push([slot, () => decl[k]]);
      } else if (name === 'raceIntensity') global.push([slot, () => world[0]]);
      else if (name === 'raceShock') global.push([slot, () => world[1]]);
      else if (name === 'bindingness') global.push([slot, () => derived.bindingness]);
      else if (name === 'assurance') global.push([slot, () => derived.assurance]);
      else if (name === 'meanCapability') global.push([slot, () => derived.meanCapability]);
      else if (!INTERACTION_SET.has(name)) return undefined;
    }
    const f: CompiledExpression = compileTree(tree, (name) => slots.get(name)!);
    const [rivals, momentum, patron] = INTERACTION.map((name) => slots.get(name) ?? -1);
    return { f, values, perStateSlot: Int32Array.from(perState, (e) => e[0]), perStateCol: perState.map((e) => e[1]), global, rivals, momentum, patron };
  }

  function refreshContexts(): void {
    if (contextsFresh) return;
    const { declaration, world, states } = mirror;
    // derivedQuantities and feltRace of compile.ts, without allocating.
    derived.bindingness = (1 + declaration.enforcement) / 2;
    derived.assurance = declaration.verification * derived.bindingness;
    let capSum = 0;
    for (let i = 0; i < n; i++) capSum = capSum + states[i].capability;
    derived.meanCapability = n ? capSum / n : 0;
    for (let i = 0; i < n; i++) contexts[i].race = raceCol[i] = feltRace(world, states[i]);
    contextsFresh = true;
  }

  function recomputeTerm(t: number): void {
    const w = termWeights[t];
    const A = partA[t];
    const v = decl[D_VERIFICATION];
    const theta = decl[D_CLARITY];
    const sigma = decl[D_STRICTNESS];
    const e = decl[D_ENFORCEMENT];
    const d = decl[D_DIFFERENTIATION];
    const bindingness = (1 + e) / 2;
    const assurance = v * bindingness;
    const cap = cols[CAP];
    const pace = cols[PACE];
    switch (codes[t]) {
      case REPUTATION: {
        const ns = cols[NORM];
        for (let i = 0; i < n; i++) A[i] = w * ns[i];
        break;
      }
      case MOMENTUM: {
        const ns = cols[NORM];
        const M = partM[t];
        for (let i = 0; i < n; i++) M[i] = w * ns[i];
        break;
      }
      case ALIGNMENT: {
        const P = partP[t];
        for (let i = 0; i < n; i++) {
          const dd = deference[i];
          A[i] = w * -dd;
          P[i] = w * (2 * dd);
        }
        break;
      }
      case HUMAN_CONTROL: {
        const hcv = cols[HCV];
        const h = decl[D_HUMAN_CONTROL];
        for (let i = 0; i < n; i++) A[i] = w * (hcv[i] * h);
        break;
      }
      case ADOPTION: {
        const size = cols[SIZE];
        const ratif = cols[RATIF];
        const load = sigma + e;
        for (let i = 0; i < n; i++) A[i] = w * ((-size[i] * ratif[i] * load) / 2);
        break;
      }
      case RESTRAINT: {
        const R = partR[t];
        const C = cost[t];
        const rx = cols[RACE_EXP];
        const rho = world[0];
        const mu = world[1];
        let capSum = 0;
        for (let i = 0; i < n; i++) capSum = capSum + cap[i];
        const meanCapability = n ? capSum / n : 0;
        // σ_eff = 1 − θ·(1 − σ), as effectiveStrictness in terms.ts.
        const strictness = 1 - theta * (1 - sigma);
        for (let i = 0; i < n; i++) {
          const race = Math.min(1, rho + mu * rx[i]);
          const burden = 1 + d * (cap[i] - meanCapability);
          const c = cap[i] * pace[i] * race * strictness * bindingness * burden;
          C[i] = c;
          A[i] = w * -c;
          R[i] = w * (c * assurance);
        }
        break;
      }
      case EXPOSURE: {
        const R = partR[t];
        const C = cost[t];
        const threat = cols[THREAT];
        for (let i = 0; i < n; i++) {
          const c = threat[i] * bindingness;
          C[i] = c;
          A[i] = w * -c;
          R[i] = w * (c * assurance);
        }
        break;
      }
      case AMBIGUITY: {
        const caution = cols[CAUTION];
        const vague = 1 - theta;
        for (let i = 0; i < n; i++) A[i] = w * (-pace[i] * caution[i] * vague);
        break;
      }
      case BLAME: {
        const open = 1 - decl[D_ACCOUNTABILITY];
        for (let i = 0; i < n; i++) A[i] = w * (-cap[i] * pace[i] * open);
        break;
      }
      case GRAY_ZONE: {
        const gray = cols[GRAY];
        const exposed = 1 - theta * (1 - sigma);
        for (let i = 0; i < n; i++) A[i] = w * (-gray[i] * exposed);
        break;
      }
      case WEAPONIZATION: {
        const fear = cols[WFEAR];
        const open = 1 - decl[D_NEUTRAL];
        const equal = 1 - d;
        for (let i = 0; i < n; i++) A[i] = w * (-fear[i] * open * equal);
        break;
      }
      case CLUB: {
        const club = cols[CLUB_OPT];
        const rival = 1 - decl[D_CLUB];
        for (let i = 0; i < n; i++) A[i] = w * (-club[i] * rival);
        break;
      }
      case GENERIC: {
        refreshContexts();
        const M = partM[t];
        const R = partR[t];
        const P = partP[t];
        const d = direct[t];
        if (d === undefined) {
          const term = terms[t];
          // The products compileScenario forms: weight × each part.
          for (let i = 0; i < n; i++) {
            const part = term.linear(contexts[i]);
            A[i] = w * part.constant;
            M[i] = w * part.momentum;
            R[i] = w * part.rivals;
            P[i] = w * part.patron;
          }
          break;
        }
        const { f, values, perStateSlot, perStateCol, global } = d;
        for (let g = 0; g < global.length; g++) values[global[g][0]] = global[g][1]();
        const slots = perStateSlot.length;
        for (let i = 0; i < n; i++) {
          for (let k = 0; k < slots; k++) values[perStateSlot[k]] = perStateCol[k][i];
          const c = f(values);
          let rv = 0;
          let mv = 0;
          let pv = 0;
          if (d.rivals >= 0) {
            values[d.rivals] = 1;
            rv = f(values) - c;
            values[d.rivals] = 0;
          }
          if (d.momentum >= 0) {
            values[d.momentum] = 1;
            mv = f(values) - c;
            values[d.momentum] = 0;
          }
          if (d.patron >= 0) {
            values[d.patron] = 1;
            pv = f(values) - c;
            values[d.patron] = 0;
          }
          if (!(Number.isFinite(c) && Number.isFinite(rv) && Number.isFinite(mv) && Number.isFinite(pv))) {
            // linear() throws the loader's message for a non-finite value.
            const part = terms[t].linear(contexts[i]);
            A[i] = w * part.constant;
            M[i] = w * part.momentum;
            R[i] = w * part.rivals;
            P[i] = w * part.patron;
            continue;
          }
          A[i] = w * c;
          M[i] = w * mv;
          R[i] = w * rv;
          P[i] = w * pv;
        }
        break;
      }
    }
  }

  /** Restraint's or exposure's rival part from its kept cost, at the current assurance (the same products as recomputeTerm). */
  function recomputeRivals(t: number): void {
    const w = termWeights[t];
    const R = partR[t];
    const C = cost[t];
    const assurance = decl[D_VERIFICATION] * ((1 + decl[D_ENFORCEMENT]) / 2);
    for (let i = 0; i < n; i++) R[i] = w * (C[i] * assurance);
  }

  function recompile(): void {
    contextsFresh = false;
    for (let t = 0; t < T; t++) {
      const flag = dirty[t];
      if (flag === 0) continue;
      if (flag === RIVALS_ONLY) {
        recomputeRivals(t);
        dirty[t] = 0;
        pendingRivals = pendingB = true;
        continue;
      }
      recomputeTerm(t);
      dirty[t] = 0;
      if (t < firstA) firstA = t;
      const code = codes[t];
      if (hasMomentum(code)) pendingM = true;
      if (hasRivals(code)) pendingRivals = pendingB = true;
      if (hasPatron(code)) pendingPatron = pendingB = true;
    }
    const m = game.m;
    // A zero weight adds ±0, which changes nothing: skipped, as below.
    if (baselineDirty) {
      baselineDirty = false;
      const bias = cols[BIAS];
      const a0 = stage[0];
      for (let i = 0; i < n; i++) a0[i] = intercept + bias[i];
      firstA = 0;
    }
    if (firstA < T) {
      for (let t = firstA; t < T; t++) {
        const from = stage[t];
        const to = stage[t + 1];
        const A = partA[t];
        if (A.length === 0 || termWeights[t] === 0) to.set(from);
        else for (let i = 0; i < n; i++) to[i] = from[i] + A[i];
      }
      firstA = T;
    }
    if (pendingM) {
      pendingM = false;
      m.fill(0);
      for (let t = 0; t < T; t++) {
        const M = partM[t];
        if (M.length === 0 || termWeights[t] === 0) continue;
        for (let i = 0; i < n; i++) m[i] += M[i];
      }
    }
    if (!pendingB) return;
    pendingB = false;
    if (nnz === 0) {
      pendingRivals = pendingPatron = false;
      return;
    }
    if (pendingRivals) {
      pendingRivals = false;
      rivalCoef.fill(0);
      for (let t = 0; t < T; t++) {
        const R = partR[t];
        if (R.length === 0 || termWeights[t] === 0) continue;
        for (let i = 0; i < n; i++) rivalCoef[i] += R[i];
      }
    }
    if (pendingPatron) {
      pendingPatron = false;
      patronCoef.fill(0);
      for (let t = 0; t < T; t++) {
        const P = partP[t];
        if (P.length === 0 || termWeights[t] === 0) continue;
        for (let i = 0; i < n; i++) patronCoef[i] += P[i];
      }
    }
    const { val, tval } = game;
    const share = structure.rivalShare;
    for (let k = 0; k < nnz; k++) {
      const i = slotRow[k];
      let x = 0;
      const r = slotRival[k];
      if (r >= 0) x = x + rivalCoef[i] * share[r];
      if (slotPatron[k]) x = x + patronCoef[i];
      val[k] = x;
      tval[tslot[k]] = x;
    }
  }

  /** A setter that marks the terms reading the input as dirty, when the value changes. */
  const marking = (write: (x: number) => void, read: () => number, terms: number[], baseline = false, rivalTerms: readonly number[] = []): Setter => {
    const full = Int32Array.from(terms);
    const rivals = Int32Array.from(rivalTerms.filter((t) => !terms.includes(t)));
    return (x) => {
      if (read() === x) return;
      write(x);
      for (let k = 0; k < full.length; k++) dirty[full[k]] = FULL;
      for (let k = 0; k < rivals.length; k++) if (dirty[rivals[k]] === 0) dirty[rivals[k]] = RIVALS_ONLY;
      if (baseline) baselineDirty = true;
    };
  };
  const DECLARATION_READERS: Record<string, number[]> = {
    // Restraint and exposure read verification only through assurance in their rival part: see RIVALS_ONLY.
    verification: [],
    thresholdClarity: [RESTRAINT, AMBIGUITY, GRAY_ZONE],
    thresholdStrictness: [ADOPTION, RESTRAINT, GRAY_ZONE],
    accountability: [BLAME],
    enforcement: [ADOPTION, RESTRAINT, EXPOSURE],
    differentiation: [RESTRAINT, WEAPONIZATION],
    neutralInterpretation: [WEAPONIZATION],
    humanControl: [HUMAN_CONTROL],
    clubCompatibility: [CLUB],
  };
  const STATE_READERS: Record<string, number[]> = {
    capability: [RESTRAINT, BLAME],
    pace: [RESTRAINT, AMBIGUITY, BLAME],
    size: [ADOPTION],
    threat: [EXPOSURE],
    ratification: [ADOPTION],
    grayZone: [GRAY_ZONE],
    treatyCaution: [AMBIGUITY],
    weaponizationFear: [WEAPONIZATION],
    clubOption: [CLUB],
    humanControlValue: [HUMAN_CONTROL],
    normSensitivity: [REPUTATION, MOMENTUM],
    raceExposure: [RESTRAINT],
    bias: [],
  };

  function setter(path: string): Setter | undefined {
    const parts = path.split('.');
    if (parts.length === 2 && parts[0] === 'declaration' && DECLARATION_INDEX.has(parts[1])) {
      const k = DECLARATION_INDEX.get(parts[1])!;
      const key = parts[1] as keyof Declaration;
      const readers = [...termsOf(...DECLARATION_READERS[key]), ...customReaders(`declaration.${key}`)];
      const rivalReaders = key === 'verification' ? termsOf(RESTRAINT, EXPOSURE) : [];
      return marking((x) => void (decl[k] = mirror.declaration[key] = x), () => decl[k], readers, false, rivalReaders);
    }
    if (parts.length === 2 && parts[0] === 'world') {
      const k = WORLD_FIELDS.indexOf(parts[1] as (typeof WORLD_FIELDS)[number]);
      if (k < 0) return undefined;
      const key = WORLD_FIELDS[k];
      const readers = [...(k < 2 ? termsOf(RESTRAINT) : []), ...customReaders(`world.${key}`)];
      return marking((x) => void (world[k] = mirror.world[key] = x), () => world[k], readers);
    }
    if (parts.length === 2 && parts[0] === 'weights') {
      if (parts[1] === 'intercept') return marking((x) => void (intercept = x), () => intercept, [], true);
      const k = weightIndex.get(parts[1]);
      return k === undefined ? undefined : marking((x) => void (termWeights[k] = x), () => termWeights[k], [k], true);
    }
    if (parts.length === 3 && parts[0] === 'states') {
      const i = structure.index.get(parts[1]);
      if (i === undefined) return undefined;
      const attr = parts[2];
      const state = mirror.states[i];
      const readers = customReaders(`state.${attr}`);
      const f = STATE_INDEX.get(attr);
      if (f !== undefined) {
        const col = cols[f];
        const name = attr as (typeof STATE_FIELDS)[number];
        return marking((x) => void (col[i] = state[name] = x), () => col[i], [...termsOf(...STATE_READERS[attr]), ...readers], attr === 'bias');
      }
      // A custom attribute: only custom terms read it.
      if (!Object.hasOwn(state.extra, attr)) return undefined;
      const extra = state.extra;
      const col = extraCols.get(attr)!;
      return marking((x) => void (extra[attr] = col[i] = x), () => extra[attr], readers);
    }
    return undefined;
  }

  return { game, lambda: () => world[2], setter, recompile };
}

/** Largest difference tolerated between the fast and the reference compilation (rounding only). */
const AGREEMENT = 1e-12;

/**
 * Checks the fast compiler against `compileScenario` at the scenario's
 * values and with each path moved to a probe value. The inlined terms copy
 * the formulas of terms.ts; if those change and this module is not updated,
 * the check fails and the sweep falls back to `compileScenario` (slower,
 * never wrong). Leaves the compiler at the scenario's values.
 */
export function agreesWithCompile(scenario: Scenario, compiler: FastCompiler, paths: readonly string[], probe: (path: string) => { value: number; apply: (s: Scenario) => Scenario }): boolean {
  const same = (s: Scenario): boolean => {
    compiler.recompile();
    const ref = compileScenario(s).game;
    const g = compiler.game;
    const close = (x: Float64Array, y: Float64Array): boolean => x.length === y.length && x.every((v, k) => Math.abs(v - y[k]) <= AGREEMENT * (1 + Math.abs(y[k])));
    return close(g.a, ref.a) && close(g.m, ref.m) && close(g.val, ref.val) && close(g.tval, ref.tval);
  };
  if (!same(scenario)) return false;
  for (const path of paths) {
    const set = compiler.setter(path);
    if (!set) return false;
    const { value, apply } = probe(path);
    const original = apply(scenario);
    set(value);
    const ok = same(original);
    set(compileValue(scenario, path));
    if (!ok) return false;
  }
  compiler.recompile();
  return true;
}

/** A path's value in the scenario, for the paths the fast compiler knows. */
function compileValue(scenario: Scenario, path: string): number {
  const [head, key, attr] = path.split('.');
  if (head === 'declaration') return scenario.declaration[key as keyof Declaration];
  if (head === 'world') return scenario.world[key as 'raceIntensity'];
  if (head === 'weights') return scenario.weights[key];
  const state = scenario.states.find((s) => s.id === key)!;
  if (attr === 'bias') return state.bias;
  if ((STATE_ATTRIBUTES as readonly string[]).includes(attr)) return state[attr as (typeof STATE_ATTRIBUTES)[number]];
  return state.extra[attr];
}
