/**
 * Calibration of a scenario's weights to an observed outcome (docs/calibration.md, 'Method').
 *
 * 1. Pseudo-likelihood: at the observed profile every state's choice is a
 *    logit choice on its term values, P(sign_i) = Λ(λ·(w0 + bias_i + Σ w_k f_k(i, s_obs))).
 *    Maximising that likelihood is a logistic regression on the term values
 *    (the pseudo-likelihood estimator for discrete games: Besag 1975;
 *    Aguirregabiria & Mira 2007; Bajari, Hong, Krainer & Nekipelov 2010). A
 *    ridge penalty centred on the scenario's prior weights regularises it:
 *    terms that the observed outcome cannot identify keep the stated prior
 *    instead of collapsing to 0. Every weight stays ≥ 0, so the game stays
 *    supermodular.
 * 2. Equilibrium: the intercept w0 is then set so that the least pure
 *    equilibrium's tally equals the observed number of signers. The tally is
 *    nondecreasing in w0, so bisection finds the whole interval of w0 that
 *    gives it; the midpoint is taken.
 */
import { compileScenario, gameStructure, termValues, type GameStructure } from '../model/compile.js';
import type { Weights } from '../model/inputs.js';
import type { Scenario } from '../model/scenario.js';
import { monotoneSolve, nashWorkspace } from '../solve/nash.js';
import { fixedActions } from '../analysis/run.js';
import { InputError } from '../errors/input-error.js';
import { permutation, randomStream } from '../random/stream.js';
import { fitLogistic, type LogisticFit, type LogisticProblem } from './logistic.js';

export type PriorKind = 'scenario' | 'zero' | 'equal-effect';
export const PRIOR_KINDS: readonly PriorKind[] = ['scenario', 'zero', 'equal-effect'];

export interface CalibrationOptions {
  /** Ridge strength (per squared unit of weight), or 'auto': chosen by cross-validated log-likelihood. */
  ridge: number | 'auto';
  /**
   * Centre of the penalty: the scenario's own weights; zero; or equal
   * effect — every term weighted so that one standard deviation of its
   * values across the states moves Δ equally (w_k = g / sd_k, g the
   * geometric mean of the sds), which makes the prior independent of the
   * terms' natural scales.
   */
  prior: PriorKind;
  /** Folds for cross-validated agreement (0 or 1: none). */
  folds: number;
  /**
   * The others' actions each state is taken to respond to. Default: the
   * observed profile (complete information). The two-step estimator of
   * games of incomplete information passes first-stage choice probabilities.
   */
  beliefs?: Float64Array;
}

/**
 * Defaults: a ridge of 1 is a Gaussian prior with standard deviation 1 (in
 * weight units) around the equal-effect weights. On the A Coruña outcome the
 * held-out likelihood keeps improving as the ridge falls (the choices are
 * nearly separable, so the weights would grow without bound), while the
 * cross-validated agreement is flat for ridges of 2 and below; 'auto'
 * reports that curve.
 */
export const DEFAULT_CALIBRATION: CalibrationOptions = { ridge: 1, prior: 'equal-effect', folds: 0 };

/** Ridge strengths tried by `ridge: 'auto'`: log-spaced, 0.1 to 100. */
export const RIDGE_GRID: readonly number[] = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100];
/** Folds used to choose the ridge when the caller asks for no cross-validation. */
const RIDGE_SELECTION_FOLDS = 5;

export interface RidgeChoice {
  ridge: number;
  /** Held-out log pseudo-likelihood of each candidate (same folds). */
  candidates: Array<{ ridge: number; heldOutLogLikelihood: number }>;
  folds: number;
}

export interface WeightEstimate {
  id: string;
  weight: number;
  /** Standard error in the weight's own units (Δ), null at the bound 0. */
  se: number | null;
  prior: number;
  atBound: boolean;
}

export interface Agreement {
  /** States whose predicted decision matches the observed one. */
  correct: number;
  total: number;
  /** Predicted signers that really signed. */
  truePositives: number;
  predictedSigners: number;
  observedSigners: number;
}

export interface CalibrationResult {
  lambda: number;
  estimates: WeightEstimate[];
  /** Intercept from the pseudo-likelihood fit, before matching the tally. */
  fittedIntercept: number;
  /** Intercept that makes the least equilibrium's tally equal the observed count. */
  intercept: number;
  /** All intercepts in this interval give the observed tally (null if none does exactly). */
  interceptInterval: [number, number] | null;
  targetSigned: number;
  /** Least-equilibrium tally at the chosen intercept. */
  impliedSigned: number;
  weights: Weights;
  logLikelihood: number;
  converged: boolean;
  /** Logit choice at the observed profile, P ≥ ½ read as sign, in sample. */
  pseudoAgreement: Agreement;
  /** Least equilibrium of the calibrated game against the observed profile. */
  equilibriumAgreement: Agreement;
  /** k-fold cross-validated agreement of the logit choice at the observed profile. */
  crossValidated?: Agreement & { folds: number };
  /** States excluded from the likelihood because they are held fixed. */
  excluded: string[];
  /** The ridge used, and how it was chosen when asked for 'auto'. */
  ridge: number;
  ridgeChoice?: RidgeChoice;
}

function standardDeviation(xs: number[]): number {
  if (xs.length === 0) return 0;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
}

interface Design {
  problem: LogisticProblem;
  rows: number[];
  termIds: string[];
}

function observedProfile(scenario: Scenario): Uint8Array {
  const observed = scenario.observed;
  if (!observed) throw new InputError('the scenario has no `observed` outcome to calibrate to');
  const signed = new Set(observed.signed);
  return Uint8Array.from(scenario.states, (s) => (signed.has(s.id) ? 1 : 0));
}

function buildDesign(
  scenario: Scenario,
  profile: Uint8Array,
  options: CalibrationOptions & { ridge: number },
  structure: GameStructure,
): Design {
  const beliefs = options.beliefs ?? profile;
  if (beliefs.length !== scenario.states.length)
    throw new RangeError(`beliefs have ${beliefs.length} entries for ${scenario.states.length} states`);
  const compiled = compileScenario(scenario, structure);
  const lambda = scenario.world.lambda;
  const termIds = compiled.terms.map((t) => t.term.id);
  const k = termIds.length + 1;
  const fixed = fixedActions(scenario);
  const rows = scenario.states.map((_, i) => i).filter((i) => fixed[i] === -1);
  const n = rows.length;
  const X = new Float64Array(n * k);
  const y = new Float64Array(n);
  const offset = new Float64Array(n);
  rows.forEach((i, r) => {
    // Columns are λ·f_k so the coefficients are the weights themselves.
    X[r * k] = lambda;
    const values = termValues(compiled, beliefs, i);
    values.forEach((v, c) => (X[r * k + c + 1] = lambda * v));
    y[r] = profile[i];
    offset[r] = lambda * scenario.states[i].bias;
  });
  const prior = new Float64Array(k);
  if (options.prior === 'scenario') {
    prior[0] = scenario.weights.intercept;
    termIds.forEach((id, c) => (prior[c + 1] = scenario.weights[id] ?? 0));
  } else if (options.prior === 'equal-effect') {
    const sds = termIds.map((_, c) => standardDeviation(rows.map((_, r) => X[r * k + c + 1] / lambda)));
    const positive = sds.filter((x) => x > 0);
    const g = positive.length ? Math.exp(positive.reduce((acc, x) => acc + Math.log(x), 0) / positive.length) : 1;
    // A term that never varies carries no information: its prior stays 0.
    sds.forEach((sd, c) => (prior[c + 1] = sd > 0 ? g / sd : 0));
  }
  return {
    rows,
    termIds,
    problem: {
      X,
      n,
      k,
      y,
      offset,
      ridge: options.ridge,
      prior,
      penalised: Array.from({ length: k }, (_, j) => j > 0),
      nonNegative: Array.from({ length: k }, (_, j) => j > 0),
    },
  };
}

function subset(p: LogisticProblem, keep: number[]): LogisticProblem {
  const X = new Float64Array(keep.length * p.k);
  keep.forEach((r, q) => X.set(p.X.subarray(r * p.k, (r + 1) * p.k), q * p.k));
  return {
    ...p,
    X,
    n: keep.length,
    y: Float64Array.from(keep, (r) => p.y[r]),
    offset: p.offset ? Float64Array.from(keep, (r) => p.offset![r]) : undefined,
  };
}

function linearPredictor(p: LogisticProblem, beta: Float64Array, r: number): number {
  let eta = p.offset ? p.offset[r] : 0;
  for (let j = 0; j < p.k; j++) eta += p.X[r * p.k + j] * beta[j];
  return eta;
}

function predictsSign(p: LogisticProblem, beta: Float64Array, r: number): boolean {
  return linearPredictor(p, beta, r) > 0;
}

/** Held-out log-likelihood of a ridge over k folds. */
function heldOutLogLikelihood(problem: LogisticProblem, fold: number[], folds: number, ridge: number): number {
  let ll = 0;
  for (let f = 0; f < folds; f++) {
    const train = fold.map((_, r) => r).filter((r) => fold[r] !== f);
    const part = fitLogistic(subset({ ...problem, ridge }, train), problem.prior);
    fold.forEach((g, r) => {
      if (g !== f) return;
      const eta = linearPredictor(problem, part.beta, r);
      ll += problem.y[r] * eta - (eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta)));
    });
  }
  return ll;
}

/** The ridge on RIDGE_GRID with the best held-out log-likelihood (ties: the stronger ridge). */
export function chooseRidge(problem: LogisticProblem, folds: number, seed: number): RidgeChoice {
  const fold = foldsOf(problem.n, folds, seed);
  const candidates = RIDGE_GRID.map((ridge) => ({
    ridge,
    heldOutLogLikelihood: heldOutLogLikelihood(problem, fold, folds, ridge),
  }));
  let best = candidates[0];
  for (const c of candidates) if (c.heldOutLogLikelihood >= best.heldOutLogLikelihood - 1e-9) best = c;
  return { ridge: best.ridge, candidates, folds };
}

function agreement(predicted: boolean[], observed: boolean[]): Agreement {
  let correct = 0;
  let tp = 0;
  predicted.forEach((p, i) => {
    if (p === observed[i]) correct++;
    if (p && observed[i]) tp++;
  });
  return {
    correct,
    total: predicted.length,
    truePositives: tp,
    predictedSigners: predicted.filter(Boolean).length,
    observedSigners: observed.filter(Boolean).length,
  };
}

/**
 * Deterministic fold assignment: the rows in a random order drawn from the
 * stream keyed `SEED/folds` (the scenario's world.seed), dealt to the folds
 * in turn, so fold sizes differ by at most one.
 */
export function foldsOf(n: number, folds: number, seed: number): number[] {
  const order = permutation(n, randomStream(`${seed}/folds`));
  const fold = new Array<number>(n);
  order.forEach((r, q) => (fold[r] = q % folds));
  return fold;
}

function leastTally(
  scenario: Scenario,
  structure: GameStructure,
  intercept: number,
): { signed: number; profile: Uint8Array } {
  const compiled = compileScenario({ ...scenario, weights: { ...scenario.weights, intercept } }, structure);
  const ws = nashWorkspace(compiled.game.n);
  const signed = monotoneSolve(compiled.game, 1, fixedActions(scenario), ws);
  return { signed, profile: ws.s.slice() };
}

/**
 * The interval of intercepts whose least-equilibrium tally equals the
 * target, by bisection on the monotone map w0 ↦ tally. Null when the tally
 * jumps over the target (a cascade): then the lowest w0 reaching at least
 * the target is returned as both ends' neighbour in `nearest`.
 */
export function interceptForTally(
  scenario: Scenario,
  structure: GameStructure,
  target: number,
  start: number,
): { interval: [number, number] | null; nearest: number } {
  const tally = (w0: number) => leastTally(scenario, structure, w0).signed;
  // Bracket: lo gives fewer than target (or the bottom), hi gives more.
  let step = 1;
  let lo = start;
  while (tally(lo) >= target && step < 1e6) {
    lo = start - step;
    step *= 2;
  }
  step = 1;
  let hi = start;
  while (tally(hi) <= target && step < 1e6) {
    hi = start + step;
    step *= 2;
  }
  const bisect = (a: number, b: number, reached: (t: number) => boolean) => {
    // Smallest w0 in (a, b] with reached(tally(w0)).
    for (let it = 0; it < 200 && b - a > 1e-12 * Math.max(1, Math.abs(b)); it++) {
      const mid = (a + b) / 2;
      if (reached(tally(mid))) b = mid;
      else a = mid;
    }
    return b;
  };
  const first = bisect(lo, hi, (t) => t >= target);
  const beyond = bisect(lo, hi, (t) => t > target);
  if (tally(first) !== target) return { interval: null, nearest: first };
  return { interval: [first, beyond], nearest: (first + beyond) / 2 };
}

export function calibrate(scenario: Scenario, options: CalibrationOptions = DEFAULT_CALIBRATION): CalibrationResult {
  if (!(scenario.world.lambda > 0)) throw new InputError('calibration needs world.lambda > 0: the logit choice scale');
  const profile = observedProfile(scenario);
  const structure = gameStructure(scenario.states);
  const design = buildDesign(
    scenario,
    profile,
    { ...options, ridge: options.ridge === 'auto' ? 0 : options.ridge },
    structure,
  );
  const { problem, rows, termIds } = design;
  let ridgeChoice: RidgeChoice | undefined;
  if (options.ridge === 'auto') {
    ridgeChoice = chooseRidge(
      problem,
      Math.min(options.folds >= 2 ? options.folds : RIDGE_SELECTION_FOLDS, problem.n),
      scenario.world.seed,
    );
    problem.ridge = ridgeChoice.ridge;
  }
  const fit: LogisticFit = fitLogistic(problem, problem.prior);
  const observedRows = rows.map((i) => profile[i] === 1);
  const pseudoAgreement = agreement(
    rows.map((_, r) => predictsSign(problem, fit.beta, r)),
    observedRows,
  );

  let crossValidated: CalibrationResult['crossValidated'];
  if (options.folds >= 2) {
    const folds = Math.min(options.folds, rows.length);
    const fold = foldsOf(rows.length, folds, scenario.world.seed);
    const predicted = new Array<boolean>(rows.length);
    for (let f = 0; f < folds; f++) {
      const train = rows.map((_, r) => r).filter((r) => fold[r] !== f);
      const test = rows.map((_, r) => r).filter((r) => fold[r] === f);
      const part = fitLogistic(subset(problem, train), problem.prior);
      for (const r of test) predicted[r] = predictsSign(problem, part.beta, r);
    }
    crossValidated = { ...agreement(predicted, observedRows), folds };
  }

  const weights: Weights = { ...scenario.weights, intercept: fit.beta[0] };
  termIds.forEach((id, c) => (weights[id] = fit.beta[c + 1]));
  const fitted: Scenario = { ...scenario, weights };
  const target = scenario.observed!.signed.length;
  const { interval, nearest } = interceptForTally(fitted, structure, target, fit.beta[0]);
  weights.intercept = nearest;
  const least = leastTally(fitted, structure, nearest);
  const equilibriumAgreement = agreement(
    Array.from(least.profile, (x) => x === 1),
    Array.from(profile, (x) => x === 1),
  );
  const estimates: WeightEstimate[] = termIds.map((id, c) => ({
    id,
    weight: fit.beta[c + 1],
    se: fit.se[c + 1],
    prior: problem.prior![c + 1],
    atBound: fit.atBound[c + 1],
  }));
  return {
    lambda: scenario.world.lambda,
    estimates,
    fittedIntercept: fit.beta[0],
    intercept: nearest,
    interceptInterval: interval,
    targetSigned: target,
    impliedSigned: least.signed,
    weights,
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    pseudoAgreement,
    equilibriumAgreement,
    crossValidated,
    excluded: scenario.states.filter((_, i) => !rows.includes(i)).map((s) => s.id),
    ridge: problem.ridge,
    ...(ridgeChoice ? { ridgeChoice } : {}),
  };
}
