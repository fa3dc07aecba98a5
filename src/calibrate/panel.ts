/**
 * Panel calibration: one set of term weights fitted to several events
 * jointly (docs/calibration.md, "Panel calibration"). Pure: no printing.
 *
 * - Pooled pseudo-likelihood. In every event each state's choice is a logit
 *   choice on its term values at the observed profile, as in the
 *   single-event fit (calibrate.ts): P(sign_i) = Λ(λ·(w0_kind + bias_i +
 *   Σ_k w_k f_k(i, x))). The others' actions x are the observed ones; for
 *   an unnamed state, its group's share of signers.
 * - Partial observations. A named state enters as an individual choice. The
 *   unnamed group of an event enters through the likelihood of its counts
 *   (group-likelihood.ts): the probability that exactly k of its members
 *   signed and m did not, a having been absent — absence taken as "not
 *   asked", independent of the choice and equally likely to fall on any a
 *   of the group.
 * - One intercept per event kind (a UN vote, a summit declaration): the
 *   two kinds differ in who is asked and what a Yes costs. No per-event or
 *   per-state parameters.
 * - Ridge prior in standardised units: the penalty ½·r·sd_k²·(w_k − p_k)²,
 *   sd_k the standard deviation of term k's column (λ·f_k) over every row of
 *   the panel, so r = 1 is a prior standard deviation of one unit of
 *   log-odds per standard deviation of the term's values, the same for
 *   every term. The default centre (equal effect) gives every term the same
 *   effect per standard deviation, p_k = g/sd_k (g the geometric mean of the
 *   sds); its scale is consistent with the penalty's.
 * - Non-negativity only for terms with an interaction part (momentum,
 *   rivals or patron, read from `term.parts`), so every game stays
 *   supermodular; a term without interactions may come out negative.
 * - Optimiser: projected Newton with an active set on the penalised
 *   negative log-likelihood; the gradient is exact (the group's from the
 *   posteriors), the Hessian exact for the named choices and a central
 *   difference of the exact gradient for the groups.
 *
 * Identification report: posterior sds (inverse penalised Hessian), robust
 * sandwich s.e. (H⁻¹JH⁻¹, J the outer products of the scores of the
 * independent units: each named choice, each event's unnamed group), each
 * weight's shift from its prior in prior sds, the correlation of every term
 * column with the others, and a profile likelihood of the momentum term.
 */
import { compileScenario, termValues } from '../model/compile.js';
import type { Weights } from '../model/inputs.js';
import type { Scenario } from '../model/scenario.js';
import type { Term } from '../model/terms.js';
import { InputError } from '../errors/input-error.js';
import { inverse, isPositiveDefinite, solve, submatrix } from './dense.js';
import { groupLikelihood, type GroupCounts } from './group-likelihood.js';
import { observationOf, type EventObservation } from './observation.js';

export type PanelPrior = 'equal-effect' | 'scenario' | 'zero';
export const PANEL_PRIORS: readonly PanelPrior[] = ['equal-effect', 'scenario', 'zero'];

/** The kind of an event without an `event:` section. */
export const UNSPECIFIED_KIND = 'unspecified';

export interface PanelOptions {
  /** Ridge strength r per squared standardised unit (see above); 0: no prior. */
  ridge: number;
  /** Centre of the prior: equal effect, the first event's own weights, or zero. */
  prior: PanelPrior;
  /**
   * The term whose profile likelihood is reported: by default the first
   * term with a momentum part; null for none.
   */
  profileTerm?: string | null;
  /** Grid points of the profile (default 13). */
  profilePoints?: number;
  /** Compute the identification report (sandwich, correlations, profile). Default true. */
  identification?: boolean;
}

export const DEFAULT_PANEL: PanelOptions = { ridge: 1, prior: 'equal-effect' };

// ---------------------------------------------------------------------------
// A pooled problem: rows of features, named choices and unnamed groups.

export interface PanelGroup {
  rows: Int32Array;
  counts: GroupCounts;
}

export interface PanelProblem {
  /** Columns: one per event kind present, then the features. */
  K: number;
  columns: string[];
  n: number;
  /** Row-major n × K. */
  X: Float64Array;
  offset: Float64Array;
  /** 1 or 0 for a known choice, −1 for a member of an unnamed group. */
  y: Int8Array;
  groups: PanelGroup[];
  rowEvent: Int32Array;
  rowState: Int32Array;
}

export interface FitSpec {
  prior: Float64Array;
  /** Prior precision per column (0: unpenalised). */
  precision: Float64Array;
  nonNegative: boolean[];
  /** Columns held at a value (a profile, or a column that never varies). */
  held: Map<number, number>;
}

export interface RawFit {
  beta: Float64Array;
  logLikelihood: number;
  /** Penalised negative log-likelihood at beta. */
  objective: number;
  converged: boolean;
  iterations: number;
  /** Hessian of the objective, K × K. */
  hessian: Float64Array;
  atBound: boolean[];
  /** Columns neither held nor at their bound. */
  free: number[];
}

function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

function predictors(problem: PanelProblem, beta: Float64Array): Float64Array {
  const { n, K, X, offset } = problem;
  const eta = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    let e = offset[r];
    for (let j = 0; j < K; j++) e += X[r * K + j] * beta[j];
    eta[r] = e;
  }
  return eta;
}

function groupProbabilities(group: PanelGroup, eta: Float64Array): { p: Float64Array; q: Float64Array } {
  const p = Float64Array.from(group.rows, (r) => sigmoid(eta[r]));
  const q = Float64Array.from(group.rows, (r) => sigmoid(-eta[r]));
  return { p, q };
}

/** Log-likelihood and, when asked, its gradient; `parts` limits it to the named choices or the groups. */
function logLikelihood(
  problem: PanelProblem,
  beta: Float64Array,
  gradient: boolean,
  parts: 'all' | 'groups' = 'all',
): { value: number; grad: Float64Array } {
  const { n, K, X, y } = problem;
  const eta = predictors(problem, beta);
  const grad = new Float64Array(K);
  let value = 0;
  if (parts === 'all') {
    for (let r = 0; r < n; r++) {
      if (y[r] < 0) continue;
      value += y[r] * eta[r] - softplus(eta[r]);
      if (!gradient) continue;
      const res = y[r] - sigmoid(eta[r]);
      for (let j = 0; j < K; j++) grad[j] += res * X[r * K + j];
    }
  }
  for (const group of problem.groups) {
    const { p, q } = groupProbabilities(group, eta);
    const gl = groupLikelihood(p, q, group.counts, gradient);
    value += gl.logLikelihood;
    if (!gradient) continue;
    group.rows.forEach((r, t) => {
      const res = gl.postSigned[t] - p[t] * gl.postPresent[t];
      for (let j = 0; j < K; j++) grad[j] += res * X[r * K + j];
    });
  }
  return { value, grad };
}

function penalty(spec: FitSpec, beta: Float64Array): number {
  let f = 0;
  for (let j = 0; j < beta.length; j++) {
    const d = beta[j] - spec.prior[j];
    f += 0.5 * spec.precision[j] * d * d;
  }
  return f;
}

function objective(problem: PanelProblem, spec: FitSpec, beta: Float64Array): number {
  return -logLikelihood(problem, beta, false).value + penalty(spec, beta);
}

/** Gradient of the objective. */
function objectiveGradient(problem: PanelProblem, spec: FitSpec, beta: Float64Array): { f: number; g: Float64Array } {
  const { value, grad } = logLikelihood(problem, beta, true);
  const g = Float64Array.from(grad, (x) => -x);
  for (let j = 0; j < beta.length; j++) g[j] += spec.precision[j] * (beta[j] - spec.prior[j]);
  return { f: -value + penalty(spec, beta), g };
}

/** Hessian of the objective: exact for the named choices and the prior, central differences of the exact gradient for the groups. */
function objectiveHessian(problem: PanelProblem, spec: FitSpec, beta: Float64Array): Float64Array {
  const { n, K, X, y } = problem;
  const H = new Float64Array(K * K);
  const eta = predictors(problem, beta);
  for (let r = 0; r < n; r++) {
    if (y[r] < 0) continue;
    const p = sigmoid(eta[r]);
    const w = p * (1 - p);
    for (let a = 0; a < K; a++) {
      const xa = X[r * K + a] * w;
      if (xa === 0) continue;
      for (let b = 0; b <= a; b++) H[a * K + b] += xa * X[r * K + b];
    }
  }
  for (let a = 0; a < K; a++) for (let b = 0; b < a; b++) H[b * K + a] = H[a * K + b];
  if (problem.groups.length > 0) {
    const G = new Float64Array(K * K);
    for (let j = 0; j < K; j++) {
      const h = 1e-5 * Math.max(1, Math.abs(beta[j]));
      const up = beta.slice();
      const down = beta.slice();
      up[j] += h;
      down[j] -= h;
      const gu = logLikelihood(problem, up, true, 'groups').grad;
      const gd = logLikelihood(problem, down, true, 'groups').grad;
      for (let a = 0; a < K; a++) G[a * K + j] = -(gu[a] - gd[a]) / (2 * h);
    }
    for (let a = 0; a < K; a++) for (let b = 0; b < K; b++) H[a * K + b] += 0.5 * (G[a * K + b] + G[b * K + a]);
  }
  for (let j = 0; j < K; j++) H[j * K + j] += spec.precision[j];
  return H;
}

const MAX_ITERATIONS = 300;
const GRADIENT_TOLERANCE = 1e-9;

/** Projected Newton with an active set (bounds w ≥ 0 where asked), Levenberg damping when the Hessian is not positive definite. */
export function fitProblem(problem: PanelProblem, spec: FitSpec, start?: Float64Array): RawFit {
  const { K } = problem;
  const beta = start ? start.slice() : spec.prior.slice();
  for (const [j, v] of spec.held) beta[j] = v;
  for (let j = 0; j < K; j++) if (spec.nonNegative[j] && !spec.held.has(j) && beta[j] < 0) beta[j] = 0;
  const tolerance = GRADIENT_TOLERANCE * Math.max(1, problem.n);
  let iterations = 0;
  let converged = false;
  for (; iterations < MAX_ITERATIONS; iterations++) {
    const { f, g } = objectiveGradient(problem, spec, beta);
    const free = [...Array(K).keys()].filter(
      (j) => !spec.held.has(j) && !(spec.nonNegative[j] && beta[j] <= 0 && g[j] > 0),
    );
    let kkt = 0;
    for (const j of free) kkt = Math.max(kkt, Math.abs(g[j]));
    if (kkt < tolerance) {
      converged = true;
      break;
    }
    const H = objectiveHessian(problem, spec, beta);
    const Hf = submatrix(H, K, free);
    const gf = Float64Array.from(free, (j) => g[j]);
    const m = free.length;
    let direction: Float64Array | null = null;
    let maxDiag = 0;
    for (let r = 0; r < m; r++) maxDiag = Math.max(maxDiag, Math.abs(Hf[r * m + r]));
    for (let damping = 0, tries = 0; tries < 30; tries++) {
      const A = Hf.slice();
      for (let r = 0; r < m; r++) A[r * m + r] += damping;
      if (isPositiveDefinite(A, m)) {
        const d = solve(A, gf, m);
        if (d && d.every(Number.isFinite)) {
          direction = d;
          break;
        }
      }
      damping = damping === 0 ? 1e-8 * Math.max(1, maxDiag) : damping * 10;
    }
    if (!direction) break;
    let accepted = false;
    for (let t = 1, ls = 0; ls < 60; ls++, t /= 2) {
      const trial = beta.slice();
      free.forEach((j, r) => {
        trial[j] = beta[j] - t * direction![r];
        if (spec.nonNegative[j] && trial[j] < 0) trial[j] = 0;
      });
      const ft = objective(problem, spec, trial);
      if (ft <= f + 1e-15 * Math.abs(f)) {
        accepted = trial.some((v, j) => v !== beta[j]);
        beta.set(trial);
        break;
      }
    }
    if (!accepted) {
      converged = kkt < 1e-5 * Math.max(1, problem.n);
      break;
    }
  }
  const { g } = objectiveGradient(problem, spec, beta);
  const atBound = Array.from(
    { length: K },
    (_, j) => !spec.held.has(j) && spec.nonNegative[j] && beta[j] <= 0 && g[j] >= -1e-9,
  );
  const free = [...Array(K).keys()].filter((j) => !spec.held.has(j) && !atBound[j]);
  const ll = logLikelihood(problem, beta, false).value;
  return {
    beta,
    logLikelihood: ll,
    objective: -ll + penalty(spec, beta),
    converged,
    iterations,
    hessian: objectiveHessian(problem, spec, beta),
    atBound,
    free,
  };
}

/** Scores of the independent units (each named choice, each group) at beta: n_units × K. */
function unitScores(problem: PanelProblem, beta: Float64Array): Float64Array[] {
  const { n, K, X, y } = problem;
  const eta = predictors(problem, beta);
  const out: Float64Array[] = [];
  for (let r = 0; r < n; r++) {
    if (y[r] < 0) continue;
    const res = y[r] - sigmoid(eta[r]);
    out.push(Float64Array.from({ length: K }, (_, j) => res * X[r * K + j]));
  }
  for (const group of problem.groups) {
    const { p, q } = groupProbabilities(group, eta);
    const gl = groupLikelihood(p, q, group.counts, true);
    const s = new Float64Array(K);
    group.rows.forEach((r, t) => {
      const res = gl.postSigned[t] - p[t] * gl.postPresent[t];
      for (let j = 0; j < K; j++) s[j] += res * X[r * K + j];
    });
    out.push(s);
  }
  return out;
}

/** Posterior sds and covariance, and robust (sandwich) s.e., of the free columns; null (0 in the covariance) elsewhere. */
function uncertainty(
  problem: PanelProblem,
  fit: RawFit,
  robust: boolean,
): { posteriorSd: Array<number | null>; robustSe: Array<number | null>; covariance: number[][] } {
  const { K } = problem;
  const posteriorSd: Array<number | null> = new Array(K).fill(null);
  const robustSe: Array<number | null> = new Array(K).fill(null);
  const covariance = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  const m = fit.free.length;
  if (m === 0) return { posteriorSd, robustSe, covariance };
  const Hinv = inverse(submatrix(fit.hessian, K, fit.free), m);
  if (!Hinv) return { posteriorSd, robustSe, covariance };
  fit.free.forEach((j, r) => {
    posteriorSd[j] = Math.sqrt(Math.max(0, Hinv[r * m + r]));
    fit.free.forEach((l, c) => (covariance[j][l] = 0.5 * (Hinv[r * m + c] + Hinv[c * m + r])));
  });
  if (!robust) return { posteriorSd, robustSe, covariance };
  const J = new Float64Array(m * m);
  for (const s of unitScores(problem, fit.beta)) {
    for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) J[a * m + b] += s[fit.free[a]] * s[fit.free[b]];
  }
  // V = H⁻¹ J H⁻¹
  const HJ = new Float64Array(m * m);
  for (let a = 0; a < m; a++)
    for (let b = 0; b < m; b++) {
      let v = 0;
      for (let c = 0; c < m; c++) v += Hinv[a * m + c] * J[c * m + b];
      HJ[a * m + b] = v;
    }
  fit.free.forEach((j, a) => {
    let v = 0;
    for (let c = 0; c < m; c++) v += HJ[a * m + c] * Hinv[c * m + a];
    robustSe[j] = Math.sqrt(Math.max(0, v));
  });
  return { posteriorSd, robustSe, covariance };
}

// ---------------------------------------------------------------------------
// Events to a problem.

export interface PanelEventData {
  scenario: Scenario;
  observation: EventObservation;
  kind: string;
}

/** The kind of each event; kinds in a fixed order (un-vote, summit-declaration, unspecified). */
export function eventKind(scenario: Scenario): string {
  return scenario.event?.kind ?? UNSPECIFIED_KIND;
}

export function kindsOf(scenarios: readonly Scenario[]): string[] {
  const order = ['un-vote', 'summit-declaration', UNSPECIFIED_KIND];
  const present = new Set(scenarios.map(eventKind));
  return order.filter((k) => present.has(k));
}

export function eventLabel(scenario: Scenario): string {
  return scenario.event?.instrument ?? scenario.name;
}

/** A short label: the code in parentheses when it has one (`A/RES/78/241`), else the text before them. */
export function shortLabel(scenario: Scenario): string {
  const label = eventLabel(scenario);
  const codes = [...label.matchAll(/\(([^()]*\/[^()]*)\)/g)].map((m) => m[1]);
  if (codes.length) return codes[codes.length - 1];
  const head = label.split(' (')[0];
  return head.length > 40 ? `${head.slice(0, 39)}…` : head;
}

export function prepareEvents(scenarios: readonly Scenario[]): PanelEventData[] {
  if (scenarios.length === 0) throw new InputError('a panel needs at least one event');
  return scenarios.map((scenario) => {
    if (!(scenario.world.lambda > 0))
      throw new InputError(`${eventLabel(scenario)}: calibration needs world.lambda > 0: the logit choice scale`);
    return { scenario, observation: observationOf(scenario, eventLabel(scenario)), kind: eventKind(scenario) };
  });
}

/**
 * A pooled problem: for every event and every free state whose choice is
 * known or in the unnamed group, a row of `width` features written by
 * `features(e, i, out)`, after one indicator column per kind scaled by
 * `kindScale(e)`.
 */
export function buildProblem(
  events: readonly PanelEventData[],
  kinds: readonly string[],
  featureNames: readonly string[],
  kindScale: (e: number) => number,
  features: (e: number, i: number, out: Float64Array) => void,
  offsetOf: (e: number, i: number) => number,
): PanelProblem {
  const K = kinds.length + featureNames.length;
  const X: number[] = [];
  const offset: number[] = [];
  const y: number[] = [];
  const rowEvent: number[] = [];
  const rowState: number[] = [];
  const groups: PanelGroup[] = [];
  const row = new Float64Array(featureNames.length);
  events.forEach((event, e) => {
    const { observation } = event;
    const kindColumn = kinds.indexOf(event.kind);
    const groupRows: number[] = [];
    const inGroup = new Set(observation.group?.members ?? []);
    event.scenario.states.forEach((_, i) => {
      if (observation.fixed[i] !== -1) return;
      const status = observation.status[i];
      const grouped = inGroup.has(i);
      if (!grouped && status !== 0 && status !== 1) return;
      row.fill(0);
      features(e, i, row);
      for (let j = 0; j < kinds.length; j++) X.push(j === kindColumn ? kindScale(e) : 0);
      for (let j = 0; j < row.length; j++) X.push(row[j]);
      offset.push(offsetOf(e, i));
      if (grouped) groupRows.push(y.length);
      y.push(grouped ? -1 : status);
      rowEvent.push(e);
      rowState.push(i);
    });
    const group = observation.group;
    if (group)
      groups.push({
        rows: Int32Array.from(groupRows),
        counts: { signed: group.signed, notSigned: group.notSigned, absent: group.absent },
      });
  });
  return {
    K,
    columns: [...kinds.map((k) => `intercept:${k}`), ...featureNames],
    n: y.length,
    X: Float64Array.from(X),
    offset: Float64Array.from(offset),
    y: Int8Array.from(y),
    groups,
    rowEvent: Int32Array.from(rowEvent),
    rowState: Int32Array.from(rowState),
  };
}

function columnStats(problem: PanelProblem, j: number): { mean: number; sd: number } {
  const { n, K, X } = problem;
  let mean = 0;
  for (let r = 0; r < n; r++) mean += X[r * K + j];
  mean /= Math.max(1, n);
  let v = 0;
  for (let r = 0; r < n; r++) v += (X[r * K + j] - mean) ** 2;
  return { mean, sd: Math.sqrt(v / Math.max(1, n)) };
}

/** True when a term carries an interaction (its game coefficient must stay ≥ 0 for supermodularity). */
export function hasInteraction(term: Term): boolean {
  return term.parts.some((p) => p !== 'constant');
}

/** The model's pooled problem: columns λ·(kind indicator), λ·f_k(i, x) at the observed profile; offset λ·bias. */
export function modelProblem(events: readonly PanelEventData[]): {
  problem: PanelProblem;
  terms: readonly Term[];
  kinds: string[];
} {
  const first = events[0].scenario;
  const terms = first.terms;
  const ids = terms.map((t) => t.id).join(',');
  for (const { scenario } of events) {
    if (scenario.terms.map((t) => t.id).join(',') !== ids) {
      throw new InputError(
        `${eventLabel(scenario)}: every event of a panel needs the same terms (${terms.map((t) => t.id).join(', ')}), got ${scenario.terms.map((t) => t.id).join(', ')}`,
      );
    }
  }
  const kinds = kindsOf(events.map((e) => e.scenario));
  const compiled = events.map(({ scenario }) => compileScenario(scenario));
  const problem = buildProblem(
    events,
    kinds,
    terms.map((t) => t.id),
    (e) => events[e].scenario.world.lambda,
    (e, i, out) => {
      const lambda = events[e].scenario.world.lambda;
      const values = termValues(compiled[e], events[e].observation.beliefs, i);
      for (let k = 0; k < values.length; k++) out[k] = lambda * values[k];
    },
    (e, i) => events[e].scenario.world.lambda * events[e].scenario.states[i].bias,
  );
  return { problem, terms, kinds };
}

// ---------------------------------------------------------------------------
// The model's fit and its report.

export interface PanelTermEstimate {
  id: string;
  weight: number;
  /** Posterior sd (inverse penalised Hessian); null at the bound or when the term never varies. */
  posteriorSd: number | null;
  /** Robust sandwich s.e.; null where posteriorSd is. */
  robustSe: number | null;
  prior: number;
  /** Prior sd 1/(√r·sd_k); Infinity without a ridge. */
  priorSd: number;
  /** (weight − prior) / priorSd: how far the data moved the weight, in prior sds. */
  shift: number | null;
  /** Kept ≥ 0 because the term has an interaction part. */
  nonNegative: boolean;
  atBound: boolean;
  /** The term's column never varies over the panel: not identified, held at 0. */
  constant: boolean;
  /** sd of the column λ·f_k over the panel's rows. */
  columnSd: number;
  /** The other term whose column is most correlated with this one. */
  mostCorrelated: { id: string; r: number } | null;
  /** R² of this column on every other column (other terms and the kinds' intercepts). */
  r2Others: number | null;
}

export interface PanelIntercept {
  kind: string;
  value: number;
  posteriorSd: number | null;
  robustSe: number | null;
  events: number;
}

export interface ProfilePoint {
  value: number;
  /** Log-likelihood of the data with the term held at value and the rest at their posterior mode. */
  logLikelihood: number;
  /** The same plus the other terms' log prior (the term's own prior left out). */
  logPosterior: number;
}

export interface PanelProfile {
  term: string;
  estimate: number;
  prior: number;
  points: ProfilePoint[];
  /** Grid value with the highest log-likelihood, and with the highest log posterior. */
  bestByLikelihood: number;
  bestByPosterior: number;
  /** Grid values whose log-likelihood is within 1.92 (χ²₁ 95%) of the best. */
  likelihoodInterval: [number, number];
}

export interface PanelEventSummary {
  name: string;
  instrument: string;
  /** A short label: the instrument's code in parentheses (`A/RES/78/241`), else its name before them. */
  label: string;
  kind: string;
  date?: string;
  file?: string;
  participants: number;
  counts: { signed: number; notSigned: number; absent: number };
  /** States whose choice is known individually (named or resolved by the counts), free ones. */
  known: number;
  /** Size of the unnamed group (0 when none). */
  unnamed: number;
  /** The event's part of the log-likelihood. */
  logLikelihood: number;
  /** Known states whose logit choice at the observed profile (P ≥ ½) matches. */
  knownRight: number;
}

export interface PanelResult {
  ridge: number;
  prior: PanelPrior;
  estimates: PanelTermEstimate[];
  intercepts: PanelIntercept[];
  /** Term weights by id. */
  termWeights: Record<string, number>;
  /** The full weights (terms plus the kind's intercept) for each kind. */
  weightsByKind: Record<string, Weights>;
  logLikelihood: number;
  /** Log-likelihood plus log prior (up to a constant). */
  logPosterior: number;
  converged: boolean;
  iterations: number;
  /** Rows in the likelihood: known choices plus unnamed-group members. */
  rows: number;
  choices: number;
  groups: number;
  events: PanelEventSummary[];
  /**
   * Posterior covariance (inverse penalised Hessian) of the parameters, in
   * the order of `columns` (`intercept:KIND`, then the term ids); rows and
   * columns of a parameter at its bound or held are 0.
   */
  covariance: { columns: string[]; matrix: number[][] };
  /** Pearson correlations between the term columns over the panel's rows (null for a constant column). */
  correlation: { ids: string[]; matrix: Array<Array<number | null>> };
  profile: PanelProfile | null;
}

/** Prior, precisions and bounds of the model's problem. */
function modelSpec(
  problem: PanelProblem,
  terms: readonly Term[],
  kinds: readonly string[],
  first: Scenario,
  options: PanelOptions,
): { spec: FitSpec; sds: number[]; priorSd: number[] } {
  const nk = kinds.length;
  const K = problem.K;
  const sds = terms.map((_, t) => columnStats(problem, nk + t).sd);
  const positive = sds.filter((s) => s > 0);
  const g = positive.length ? Math.exp(positive.reduce((acc, s) => acc + Math.log(s), 0) / positive.length) : 1;
  const prior = new Float64Array(K);
  const precision = new Float64Array(K);
  const held = new Map<number, number>();
  const nonNegative = Array.from({ length: K }, (_, j) => j >= nk && hasInteraction(terms[j - nk]));
  terms.forEach((term, t) => {
    const j = nk + t;
    const sd = sds[t];
    if (!(sd > 0)) {
      held.set(j, 0);
      return;
    }
    prior[j] =
      options.prior === 'equal-effect' ? g / sd : options.prior === 'scenario' ? (first.weights[term.id] ?? 0) : 0;
    if (nonNegative[j] && prior[j] < 0) prior[j] = 0;
    precision[j] = options.ridge * sd * sd;
  });
  const priorSd = terms.map((_, t) =>
    options.ridge > 0 && sds[t] > 0 ? 1 / (Math.sqrt(options.ridge) * sds[t]) : Infinity,
  );
  return { spec: { prior, precision, nonNegative, held }, sds, priorSd };
}

function correlations(problem: PanelProblem, first: number, count: number): Array<Array<number | null>> {
  const { n, K, X } = problem;
  const stats = Array.from({ length: count }, (_, t) => columnStats(problem, first + t));
  const out: Array<Array<number | null>> = [];
  for (let a = 0; a < count; a++) {
    const row: Array<number | null> = [];
    for (let b = 0; b < count; b++) {
      if (!(stats[a].sd > 0) || !(stats[b].sd > 0)) {
        row.push(null);
        continue;
      }
      let c = 0;
      for (let r = 0; r < n; r++) c += (X[r * K + first + a] - stats[a].mean) * (X[r * K + first + b] - stats[b].mean);
      row.push(c / n / (stats[a].sd * stats[b].sd));
    }
    out.push(row);
  }
  return out;
}

/** R² of column j regressed on every other varying column (with a constant). */
function r2OnOthers(problem: PanelProblem, j: number): number | null {
  const { n, K, X } = problem;
  const stats = Array.from({ length: K }, (_, c) => columnStats(problem, c));
  if (!(stats[j].sd > 0)) return null;
  const others = [...Array(K).keys()].filter((c) => c !== j && stats[c].sd > 0);
  // With several kinds, the indicators sum to a constant once scaled alike: drop one to keep the system regular.
  const m = others.length;
  if (m === 0) return 0;
  const S = new Float64Array(m * m);
  const s = new Float64Array(m);
  let syy = 0;
  for (let r = 0; r < n; r++) {
    const yv = X[r * K + j] - stats[j].mean;
    syy += yv * yv;
    for (let a = 0; a < m; a++) {
      const xa = X[r * K + others[a]] - stats[others[a]].mean;
      s[a] += xa * yv;
      for (let b = 0; b <= a; b++) S[a * m + b] += xa * (X[r * K + others[b]] - stats[others[b]].mean);
    }
  }
  for (let a = 0; a < m; a++) for (let b = 0; b < a; b++) S[b * m + a] = S[a * m + b];
  // A tiny ridge keeps exactly collinear others (the kind indicators) solvable without changing the fit.
  let trace = 0;
  for (let a = 0; a < m; a++) trace += S[a * m + a];
  for (let a = 0; a < m; a++) S[a * m + a] += 1e-12 * (trace / m);
  const beta = solve(S, s, m);
  if (!beta) return 1;
  let explained = 0;
  for (let a = 0; a < m; a++) explained += beta[a] * s[a];
  return Math.min(1, Math.max(0, explained / syy));
}

function defaultProfileTerm(terms: readonly Term[]): string | null {
  return terms.find((t) => t.parts.includes('momentum'))?.id ?? null;
}

function profile(
  problem: PanelProblem,
  spec: FitSpec,
  fit: RawFit,
  j: number,
  termId: string,
  priorSd: number,
  posteriorSd: number | null,
  points: number,
): PanelProfile {
  const estimate = fit.beta[j];
  const prior = spec.prior[j];
  const spread = Number.isFinite(priorSd) ? priorSd : (posteriorSd ?? Math.max(1, Math.abs(estimate)));
  const lo = spec.nonNegative[j] ? 0 : Math.min(estimate, prior) - 2 * spread;
  const hi = Math.max(estimate, prior) + 2 * spread;
  const grid = Array.from({ length: points }, (_, q) => lo + ((hi - lo) * q) / (points - 1));
  const ownSpec: FitSpec = { ...spec, precision: Float64Array.from(spec.precision, (v, c) => (c === j ? 0 : v)) };
  const out: ProfilePoint[] = grid.map((value) => {
    const held = new Map(spec.held);
    held.set(j, value);
    const part = fitProblem(problem, { ...ownSpec, held }, fit.beta);
    return { value, logLikelihood: part.logLikelihood, logPosterior: -part.objective };
  });
  const best = (key: 'logLikelihood' | 'logPosterior') => out.reduce((a, b) => (b[key] > a[key] ? b : a));
  const top = best('logLikelihood');
  const inside = out.filter((p) => p.logLikelihood >= top.logLikelihood - 1.92).map((p) => p.value);
  return {
    term: termId,
    estimate,
    prior,
    points: out,
    bestByLikelihood: top.value,
    bestByPosterior: best('logPosterior').value,
    likelihoodInterval: [Math.min(...inside), Math.max(...inside)],
  };
}

/** Fits one set of term weights (and an intercept per event kind) to the events jointly. */
export function calibratePanel(scenarios: readonly Scenario[], options: PanelOptions = DEFAULT_PANEL): PanelResult {
  if (!(options.ridge >= 0) || !Number.isFinite(options.ridge))
    throw new InputError(`the ridge must be a finite number ≥ 0, got ${options.ridge}`);
  const events = prepareEvents(scenarios);
  const { problem, terms, kinds } = modelProblem(events);
  const nk = kinds.length;
  const { spec, sds, priorSd } = modelSpec(problem, terms, kinds, events[0].scenario, options);
  const fit = fitProblem(problem, spec);
  const identification = options.identification ?? true;
  const { posteriorSd, robustSe, covariance } = uncertainty(problem, fit, identification);
  const corr = identification ? correlations(problem, nk, terms.length) : terms.map(() => terms.map(() => null));
  const estimates: PanelTermEstimate[] = terms.map((term, t) => {
    const j = nk + t;
    let most: PanelTermEstimate['mostCorrelated'] = null;
    corr[t].forEach((r, u) => {
      if (u === t || r === null) return;
      if (!most || Math.abs(r) > Math.abs(most.r)) most = { id: terms[u].id, r };
    });
    const constant = !(sds[t] > 0);
    return {
      id: term.id,
      weight: fit.beta[j],
      posteriorSd: posteriorSd[j],
      robustSe: robustSe[j],
      prior: spec.prior[j],
      priorSd: priorSd[t],
      shift: Number.isFinite(priorSd[t]) ? (fit.beta[j] - spec.prior[j]) / priorSd[t] : null,
      nonNegative: spec.nonNegative[j],
      atBound: fit.atBound[j],
      constant,
      columnSd: sds[t],
      mostCorrelated: most,
      r2Others: identification && !constant ? r2OnOthers(problem, j) : null,
    };
  });
  const intercepts: PanelIntercept[] = kinds.map((kind, j) => ({
    kind,
    value: fit.beta[j],
    posteriorSd: posteriorSd[j],
    robustSe: robustSe[j],
    events: events.filter((e) => e.kind === kind).length,
  }));
  const termWeights = Object.fromEntries(terms.map((t, c) => [t.id, fit.beta[nk + c]]));
  const weightsByKind = Object.fromEntries(
    kinds.map((kind, j) => [kind, { ...termWeights, intercept: fit.beta[j] } as Weights]),
  );

  let profileResult: PanelProfile | null = null;
  const profileTerm = options.profileTerm === undefined ? defaultProfileTerm(terms) : options.profileTerm;
  if (identification && profileTerm !== null) {
    const t = terms.findIndex((term) => term.id === profileTerm);
    if (t < 0)
      throw new InputError(`no term '${profileTerm}' to profile (terms: ${terms.map((x) => x.id).join(', ')})`);
    if (!estimates[t].constant)
      profileResult = profile(
        problem,
        spec,
        fit,
        nk + t,
        profileTerm,
        priorSd[t],
        posteriorSd[nk + t],
        Math.max(3, options.profilePoints ?? 13),
      );
  }

  return {
    ridge: options.ridge,
    prior: options.prior,
    estimates,
    intercepts,
    termWeights,
    weightsByKind,
    logLikelihood: fit.logLikelihood,
    logPosterior: -fit.objective,
    converged: fit.converged,
    iterations: fit.iterations,
    rows: problem.n,
    choices: Array.from(problem.y).filter((v) => v >= 0).length,
    groups: problem.groups.length,
    events: eventSummaries(events, problem, fit.beta),
    covariance: { columns: problem.columns, matrix: covariance },
    correlation: { ids: terms.map((t) => t.id), matrix: corr },
    profile: profileResult,
  };
}

function eventSummaries(
  events: readonly PanelEventData[],
  problem: PanelProblem,
  beta: Float64Array,
): PanelEventSummary[] {
  const eta = predictors(problem, beta);
  return events.map((event, e) => {
    const sub: PanelProblem = restrictToEvent(problem, e);
    const ll = logLikelihood(sub, beta, false).value;
    let known = 0;
    let right = 0;
    for (let r = 0; r < problem.n; r++) {
      if (problem.rowEvent[r] !== e || problem.y[r] < 0) continue;
      known++;
      if ((eta[r] >= 0 ? 1 : 0) === problem.y[r]) right++;
    }
    const { scenario, observation } = event;
    return {
      name: scenario.name,
      instrument: eventLabel(scenario),
      label: shortLabel(scenario),
      kind: event.kind,
      ...(scenario.date ? { date: scenario.date } : {}),
      ...(scenario.file ? { file: scenario.file } : {}),
      participants: scenario.states.length,
      counts: observation.counts,
      known,
      unnamed: observation.group?.members.length ?? 0,
      logLikelihood: ll,
      knownRight: right,
    };
  });
}

/** The rows (and group) of one event. */
export function restrictToEvent(problem: PanelProblem, e: number): PanelProblem {
  return restrictRows(problem, (r) => problem.rowEvent[r] === e);
}

/** The problem restricted to the rows `keep` selects; a group is kept whole or dropped. */
export function restrictRows(problem: PanelProblem, keep: (r: number) => boolean): PanelProblem {
  const rows = [...Array(problem.n).keys()].filter(keep);
  const newIndex = new Map(rows.map((r, q) => [r, q]));
  const X = new Float64Array(rows.length * problem.K);
  rows.forEach((r, q) => X.set(problem.X.subarray(r * problem.K, (r + 1) * problem.K), q * problem.K));
  return {
    ...problem,
    n: rows.length,
    X,
    offset: Float64Array.from(rows, (r) => problem.offset[r]),
    y: Int8Array.from(rows, (r) => problem.y[r]),
    rowEvent: Int32Array.from(rows, (r) => problem.rowEvent[r]),
    rowState: Int32Array.from(rows, (r) => problem.rowState[r]),
    groups: problem.groups
      .filter((g) => g.rows.length > 0 && newIndex.has(g.rows[0]))
      .map((g) => ({ counts: g.counts, rows: Int32Array.from(g.rows, (r) => newIndex.get(r)!) })),
  };
}

/**
 * The weights for an event of `kind`: the term weights plus that kind's
 * intercept; for a kind the fit never saw, the mean of the fitted
 * intercepts (`borrowed`).
 */
export function weightsForKind(
  result: { termWeights: Record<string, number>; intercepts: ReadonlyArray<{ kind: string; value: number }> },
  kind: string,
): { weights: Weights; borrowed: boolean } {
  const own = result.intercepts.find((x) => x.kind === kind);
  const intercept = own
    ? own.value
    : result.intercepts.reduce((a, x) => a + x.value, 0) / Math.max(1, result.intercepts.length);
  return { weights: { ...result.termWeights, intercept }, borrowed: !own };
}
