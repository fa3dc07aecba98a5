/**
 * A fast recompiler for sweeps. `compileScenario` builds the game from term
 * objects (one small object per state and term); a sweep rewrites only the
 * parameter-dependent arrays (a, m and the values of B, whose sparsity
 * pattern is fixed) in place, with the built-in terms inlined. The
 * arithmetic is written in the same order as the terms in
 * src/model/terms.ts, so the numbers are the same as `compileScenario`'s
 * (test/sweep/fast-compile.test.ts checks it).
 *
 * Inputs are held as mutable columns; a path setter writes one of them.
 * Scenarios with custom terms, or paths this module does not know (rival
 * weights, a patron's deference…), are not fast-compilable: callers fall
 * back to `compileScenario` (see point-model.ts).
 */
import { compileScenario } from '../model/compile.js';
import { DECLARATION_KEYS, STATE_ATTRIBUTES, type Declaration } from '../model/inputs.js';
import type { Scenario } from '../model/scenario.js';
import { BUILTIN_TERMS } from '../model/terms.js';
import { refreshTranspose, type LinearGame } from '../solve/game.js';

/** The built-in terms inlined below, by id; a built-in term not listed here makes a scenario not fast-compilable. */
const INLINED = ['reputation', 'momentum', 'alignment', 'humanControl', 'adoption', 'restraint', 'exposure', 'ambiguity', 'blame', 'grayZone', 'weaponization', 'club'] as const;
const [REPUTATION, MOMENTUM, ALIGNMENT, HUMAN_CONTROL, ADOPTION, RESTRAINT, EXPOSURE, AMBIGUITY, BLAME, GRAY_ZONE, WEAPONIZATION, CLUB] = INLINED.map((_, k) => k);
/** Code of each inlined built-in term object (custom terms are not in it, even under a built-in id). */
const TERM_CODES = new Map(BUILTIN_TERMS.filter((t) => (INLINED as readonly string[]).includes(t.id)).map((t) => [t, INLINED.indexOf(t.id as (typeof INLINED)[number])] as const));

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

/** True when every term of the scenario is a built-in one this module inlines. */
export function isFastCompilable(scenario: Pick<Scenario, 'terms'>): boolean {
  return scenario.terms.every((t) => TERM_CODES.has(t));
}

/** Builds a fast compiler at the scenario's own values. Throws if the scenario has custom terms. */
export function fastCompiler(scenario: Scenario): FastCompiler {
  if (!isFastCompilable(scenario)) throw new RangeError('scenario has custom terms: use compileScenario');
  const base = compileScenario(scenario);
  const { structure, game } = base;
  const n = scenario.states.length;
  const codes = Int32Array.from(scenario.terms, (t) => TERM_CODES.get(t)!);
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
  const weightIndex = new Map(scenario.terms.map((t, k) => [t.id, k] as const));

  // Each term's weighted parts w·f per state, kept so that a point which changes one
  // declaration knob recomputes only the terms that read it. The sums are then redone in
  // term order, the order compileScenario adds them in, so the result is the same bits.
  const T = codes.length;
  const hasConstant = (code: number): boolean => code !== MOMENTUM;
  const partA = Array.from({ length: T }, (_, t) => (hasConstant(codes[t]) ? new Float64Array(n) : new Float64Array(0)));
  const partM = Array.from({ length: T }, (_, t) => (codes[t] === MOMENTUM ? new Float64Array(n) : new Float64Array(0)));
  const partR = Array.from({ length: T }, (_, t) => (codes[t] === RESTRAINT || codes[t] === EXPOSURE ? new Float64Array(n) : new Float64Array(0)));
  const partP = Array.from({ length: T }, (_, t) => (codes[t] === ALIGNMENT ? new Float64Array(n) : new Float64Array(0)));
  const dirty = new Uint8Array(T).fill(1);
  let baselineDirty = true;
  /** Positions in scenario.terms of the terms with a given code. */
  const termsOf = (...wanted: number[]): number[] => [...codes.keys()].filter((t) => wanted.includes(codes[t]));

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
          const cost = cap[i] * pace[i] * race * strictness * bindingness * burden;
          A[i] = w * -cost;
          R[i] = w * (cost * assurance);
        }
        break;
      }
      case EXPOSURE: {
        const R = partR[t];
        const threat = cols[THREAT];
        for (let i = 0; i < n; i++) {
          const cost = threat[i] * bindingness;
          A[i] = w * -cost;
          R[i] = w * (cost * assurance);
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
    }
  }

  function recompile(): void {
    let changedA = baselineDirty;
    let changedM = false;
    let changedB = false;
    for (let t = 0; t < T; t++) {
      if (dirty[t] === 0) continue;
      dirty[t] = 0;
      recomputeTerm(t);
      changedA = true;
      if (codes[t] === MOMENTUM) changedM = true;
      if (codes[t] === RESTRAINT || codes[t] === EXPOSURE || codes[t] === ALIGNMENT) changedB = true;
    }
    baselineDirty = false;
    const { a, m } = game;
    // A zero weight adds ±0, which changes nothing: skipped, as below.
    if (changedA) {
      const bias = cols[BIAS];
      for (let i = 0; i < n; i++) a[i] = intercept + bias[i];
      for (let t = 0; t < T; t++) {
        const A = partA[t];
        if (A.length === 0 || termWeights[t] === 0) continue;
        for (let i = 0; i < n; i++) a[i] += A[i];
      }
    }
    if (changedM) {
      m.fill(0);
      for (let t = 0; t < T; t++) {
        const M = partM[t];
        if (M.length === 0 || termWeights[t] === 0) continue;
        for (let i = 0; i < n; i++) m[i] += M[i];
      }
    }
    if (!changedB || nnz === 0) return;
    rivalCoef.fill(0);
    patronCoef.fill(0);
    for (let t = 0; t < T; t++) {
      if (termWeights[t] === 0) continue;
      const R = partR[t];
      if (R.length > 0) for (let i = 0; i < n; i++) rivalCoef[i] += R[i];
      const P = partP[t];
      if (P.length > 0) for (let i = 0; i < n; i++) patronCoef[i] += P[i];
    }
    const val = game.val;
    for (let k = 0; k < nnz; k++) {
      const i = slotRow[k];
      let x = 0;
      const r = slotRival[k];
      if (r >= 0) x = x + rivalCoef[i] * structure.rivalShare[r];
      if (slotPatron[k]) x = x + patronCoef[i];
      val[k] = x;
    }
    refreshTranspose(game);
  }

  /** A setter that marks the terms reading the input as dirty, when the value changes. */
  const marking = (write: (x: number) => void, read: () => number, terms: number[], baseline = false): Setter => (x) => {
    if (read() === x) return;
    write(x);
    for (const t of terms) dirty[t] = 1;
    if (baseline) baselineDirty = true;
  };
  const DECLARATION_READERS: Record<string, number[]> = {
    verification: [RESTRAINT, EXPOSURE],
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
      return marking((x) => void (decl[k] = x), () => decl[k], termsOf(...DECLARATION_READERS[parts[1]]));
    }
    if (parts.length === 2 && parts[0] === 'world') {
      const k = WORLD_FIELDS.indexOf(parts[1] as (typeof WORLD_FIELDS)[number]);
      if (k < 0) return undefined;
      return marking((x) => void (world[k] = x), () => world[k], k < 2 ? termsOf(RESTRAINT) : []);
    }
    if (parts.length === 2 && parts[0] === 'weights') {
      if (parts[1] === 'intercept') return marking((x) => void (intercept = x), () => intercept, [], true);
      const k = weightIndex.get(parts[1]);
      return k === undefined ? undefined : marking((x) => void (termWeights[k] = x), () => termWeights[k], [k], true);
    }
    if (parts.length === 3 && parts[0] === 'states') {
      const i = structure.index.get(parts[1]);
      const f = STATE_INDEX.get(parts[2]);
      if (i === undefined || f === undefined) return undefined;
      const col = cols[f];
      return marking((x) => void (col[i] = x), () => col[i], termsOf(...STATE_READERS[parts[2]]), parts[2] === 'bias');
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
  return attr === 'bias' ? state.bias : state[attr as (typeof STATE_ATTRIBUTES)[number]];
}
