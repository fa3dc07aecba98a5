/**
 * Backtest of the panel calibration (docs/calibration.md, "Backtest"):
 * leave one event out, refit on the others, predict it; beside two
 * baselines the model must beat to claim anything, and the in-sample fit
 * per event. Pure: no printing.
 *
 * Predictions of the model are what `signatory run` computes with the
 * fitted weights: the least and greatest pure equilibria and the least
 * logit QRE — none of them uses the held-out event's outcome.
 *
 * - persistence ("as at the previous event"): each state does what it did
 *   at the chronologically previous event of the panel: its own action if it
 *   was known there; the share of signers among the present members of the
 *   unnamed group if it was in that group; the previous event's share of
 *   signers among those present if it did not take part. The first event
 *   has none.
 * - one-attribute logistic: P(sign) = Λ(α_kind + β·x), x the single state
 *   attribute whose logistic fits the training events best (pooled
 *   likelihood, the same partial observations), chosen on the training
 *   events only.
 *
 * The observed tally is the number of signers among those present; given
 * the choice probabilities its distribution is exact: Poisson-binomial over
 * the states whose choice is observed individually, times the distribution
 * of signers in the unnamed group given its number of absentees
 * (poissonBinomialGivenAbsent). The model's stated 90% interval is that of
 * the posterior predictive distribution: the same distribution averaged
 * over PREDICTIVE_DRAWS draws of the parameters from their posterior
 * (normal, the inverse penalised Hessian; weights that must be ≥ 0 cut at
 * 0), so it counts the uncertainty of the fit as well as the randomness of
 * the choices. The baselines' intervals count the latter only.
 */
import { runScenario } from '../analysis/run.js';
import { compileScenario } from '../model/compile.js';
import { STATE_ATTRIBUTES } from '../model/inputs.js';
import type { Weights } from '../model/inputs.js';
import type { Scenario } from '../model/scenario.js';
import { randomStream } from '../random/stream.js';
import { logitQre } from '../solve/qre.js';
import { poissonBinomial, poissonBinomialGivenAbsent, summariseTally } from '../solve/tally.js';
import { groupLikelihood } from './group-likelihood.js';
import { ABSENT, type EventObservation } from './observation.js';
import {
  buildProblem,
  calibratePanel,
  DEFAULT_PANEL,
  eventLabel,
  fitProblem,
  kindsOf,
  prepareEvents,
  shortLabel,
  weightsForKind,
  type PanelEventData,
  type PanelOptions,
  type PanelResult,
} from './panel.js';

/** Parameter draws behind the model's predictive interval. */
export const PREDICTIVE_DRAWS = 200;

export interface BacktestOptions {
  ridge: number;
  prior: PanelOptions['prior'];
}

export const DEFAULT_BACKTEST: BacktestOptions = { ridge: DEFAULT_PANEL.ridge, prior: DEFAULT_PANEL.prior };

/** Ridge on the one-attribute baseline's slope, in standardised units: only keeps it finite if the training choices are separable. */
export const BASELINE_RIDGE = 0.01;

export interface MethodPrediction {
  /** Least / greatest pure-equilibrium tally on the observed scale (signers expected to be present); null for baselines. */
  least: number | null;
  greatest: number | null;
  /** The same over every state that takes part (absence is not part of the game). */
  leastAll: number | null;
  greatestAll: number | null;
  /** Mean of the predicted number of signers among those present (for the model: the least QRE at the fitted weights). */
  mean: number;
  /** The stated central 90% interval: for the model the posterior predictive one (fit and choices uncertain), for a baseline that of its probabilities. */
  interval90: [number, number];
  /** The central 90% interval of the choices alone, at the fitted weights / the baseline's probabilities. */
  choiceInterval90: [number, number];
  /** Whether the observed number of signers lies in the interval. */
  withinInterval: boolean;
  /** Known states (named, or resolved by the counts) whose predicted action matches: least equilibrium for the model, P ≥ ½ for baselines. */
  knownRight: { correct: number; total: number };
  /** Area under the ROC curve of P(sign) over the known states; null when they all did the same. */
  auc: number | null;
  /** Log-probability of the observed outcome (known choices and the unnamed group's counts) under P(sign). */
  logScore: number;
  /** For the model: each known state's observed action, its least-equilibrium action and P(sign). */
  knownStates?: Array<{ id: string; observed: number; least: number; pSign: number }>;
}

export interface BacktestRow {
  /** Short label of the instrument. */
  event: string;
  name: string;
  kind: string;
  date?: string;
  observed: { signed: number; notSigned: number; absent: number; participants: number; known: number };
  model: MethodPrediction;
  /** Null for the first event (no previous one). */
  persistence: (MethodPrediction & { from: string }) | null;
  oneAttribute: MethodPrediction & { attribute: string; slope: number };
  /** E.g. that the event's kind was not among the training events and its intercept was borrowed. */
  notes: string[];
}

export interface BacktestResult {
  options: BacktestOptions;
  /** Events in chronological order. */
  events: string[];
  heldOut: BacktestRow[];
  inSample: BacktestRow[];
}

function auc(p: number[], y: number[]): number | null {
  const pos = p.filter((_, i) => y[i] === 1);
  const neg = p.filter((_, i) => y[i] === 0);
  if (pos.length === 0 || neg.length === 0) return null;
  let wins = 0;
  for (const a of pos) for (const b of neg) wins += a > b ? 1 : a === b ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

function convolve(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length - 1);
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) out[i + j] += a[i] * b[j];
  return out;
}

const clampP = (x: number) => Math.min(1 - 1e-15, Math.max(1e-15, x));

/** The exact distribution of the observed number of signers (among those present) when each state signs with p_i. */
function observedTallyPmf(observation: EventObservation, p: ArrayLike<number>): Float64Array {
  const { status, fixed, group } = observation;
  const inGroup = new Set(group?.members ?? []);
  const individual: number[] = [];
  for (let i = 0; i < status.length; i++) {
    if (inGroup.has(i) || status[i] === ABSENT) continue;
    individual.push(fixed[i] !== -1 ? fixed[i] : p[i]);
  }
  const pmf = poissonBinomial(individual);
  if (!group) return pmf;
  return convolve(
    pmf,
    poissonBinomialGivenAbsent(
      group.members.map((i) => clampP(p[i])),
      group.absent,
    ),
  );
}

/** The metrics of a vector of P(sign) (and, for the model, the pure equilibria and the predictive distribution) against an observation. */
function assess(
  observation: EventObservation,
  p: ArrayLike<number>,
  least?: ArrayLike<number>,
  greatest?: ArrayLike<number>,
  predictive?: Float64Array,
): MethodPrediction {
  const { status, fixed, group, present } = observation;
  const n = status.length;
  const known: number[] = [];
  const inGroup = new Set(group?.members ?? []);
  for (let i = 0; i < n; i++) if (!inGroup.has(i) && status[i] !== ABSENT && fixed[i] === -1) known.push(i);
  let logScore = 0;
  for (const i of known) logScore += status[i] === 1 ? Math.log(clampP(p[i])) : Math.log(clampP(1 - p[i]));
  if (group) {
    const gp = group.members.map((i) => clampP(p[i]));
    logScore += groupLikelihood(
      gp,
      gp.map((x) => 1 - x),
      group,
      false,
    ).logLikelihood;
  }
  const tally = summariseTally(observedTallyPmf(observation, p));
  const stated = predictive ? summariseTally(predictive).interval90 : tally.interval90;
  const observedSigned = observation.counts.signed;
  const onScale = (profile: ArrayLike<number> | undefined) => {
    if (!profile) return null;
    let s = 0;
    for (let i = 0; i < n; i++) s += profile[i] * present[i];
    return s;
  };
  const total = (profile: ArrayLike<number> | undefined) =>
    profile ? Array.from(profile).reduce((a, b) => a + b, 0) : null;
  const decided = least ?? Array.from(p, (x) => (x >= 0.5 ? 1 : 0));
  return {
    least: onScale(least),
    greatest: onScale(greatest),
    leastAll: total(least),
    greatestAll: total(greatest),
    mean: tally.mean,
    interval90: stated,
    choiceInterval90: tally.interval90,
    withinInterval: observedSigned >= stated[0] && observedSigned <= stated[1],
    knownRight: { correct: known.filter((i) => decided[i] === status[i]).length, total: known.length },
    auc: auc(
      known.map((i) => p[i]),
      known.map((i) => status[i]),
    ),
    logScore,
  };
}

type Fitted = Pick<PanelResult, 'termWeights' | 'intercepts' | 'covariance' | 'estimates'>;

/** Lower-triangular L with L·Lᵀ = A (n × n), a little jitter added if needed; null if that fails. */
function cholesky(A: number[][]): number[][] | null {
  const n = A.length;
  for (let jitter = 0, tries = 0; tries < 8; tries++, jitter = jitter === 0 ? 1e-12 : jitter * 100) {
    const L = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    let ok = true;
    for (let i = 0; i < n && ok; i++) {
      for (let j = 0; j <= i; j++) {
        let sum = A[i][j] + (i === j ? jitter * Math.max(1e-300, A[i][i]) : 0);
        for (let k = 0; k < j; k++) sum -= L[i][k] * L[j][k];
        if (i === j) {
          if (!(sum > 0)) {
            ok = false;
            break;
          }
          L[i][i] = Math.sqrt(sum);
        } else L[i][j] = sum / L[j][j];
      }
    }
    if (ok) return L;
  }
  return null;
}

/**
 * Weights drawn from the fit's posterior (normal; weights that must stay
 * ≥ 0 cut at 0), for an event of `kind`, from the stream keyed `key`.
 */
export function posteriorWeightDraws(fitted: Fitted, kind: string, draws: number, key: string): Weights[] {
  const { columns, matrix } = fitted.covariance;
  const mean = columns.map((c) =>
    c.startsWith('intercept:')
      ? fitted.intercepts.find((x) => `intercept:${x.kind}` === c)!.value
      : fitted.termWeights[c],
  );
  const varying = columns.map((_, j) => j).filter((j) => matrix[j][j] > 0);
  const L = cholesky(varying.map((a) => varying.map((b) => matrix[a][b])));
  const nonNegative = new Set(fitted.estimates.filter((e) => e.nonNegative).map((e) => e.id));
  const interceptColumns = columns.map((c, j) => (c.startsWith('intercept:') ? j : -1)).filter((j) => j >= 0);
  const own = columns.indexOf(`intercept:${kind}`);
  const stream = randomStream(key);
  const out: Weights[] = [];
  for (let d = 0; d < draws; d++) {
    const theta = mean.slice();
    if (L) {
      const z = varying.map(() => stream.normal());
      varying.forEach((j, r) => {
        let v = 0;
        for (let c = 0; c <= r; c++) v += L[r][c] * z[c];
        theta[j] += v;
      });
    }
    const weights: Record<string, number> = {};
    columns.forEach((c, j) => {
      if (!c.startsWith('intercept:')) weights[c] = nonNegative.has(c) ? Math.max(0, theta[j]) : theta[j];
    });
    const intercept =
      own >= 0 ? theta[own] : interceptColumns.reduce((a, j) => a + theta[j], 0) / Math.max(1, interceptColumns.length);
    out.push({ ...weights, intercept });
  }
  return out;
}

function modelPrediction(event: PanelEventData, fitted: Fitted, weights: Weights): MethodPrediction {
  const scenario: Scenario = { ...event.scenario, weights };
  const run = runScenario(scenario);
  // The posterior predictive distribution of the observed tally.
  const key = `${event.scenario.world.seed}/backtest/${eventLabel(event.scenario)}`;
  const draws = posteriorWeightDraws(fitted, event.kind, PREDICTIVE_DRAWS, key);
  let predictive: Float64Array | undefined;
  for (const w of draws) {
    const drawn: Scenario = { ...event.scenario, weights: w };
    const p = logitQre(compileScenario(drawn).game, drawn.world.lambda, run.fixed).least.p;
    const pmf = observedTallyPmf(event.observation, p);
    predictive ??= new Float64Array(pmf.length);
    for (let k = 0; k < pmf.length; k++) predictive[k] += pmf[k] / draws.length;
  }
  const prediction = assess(
    event.observation,
    run.qre.least.p,
    run.equilibria.least.profile,
    run.equilibria.greatest.profile,
    predictive,
  );
  const { status, fixed, group } = event.observation;
  const inGroup = new Set(group?.members ?? []);
  prediction.knownStates = event.scenario.states.flatMap((s, i) =>
    !inGroup.has(i) && status[i] !== ABSENT && fixed[i] === -1
      ? [{ id: s.id, observed: status[i], least: run.equilibria.least.profile[i], pSign: run.qre.least.p[i] }]
      : [],
  );
  return prediction;
}

/** P(sign) of each state of `event` by persistence from `previous`. */
function persistenceProbabilities(event: PanelEventData, previous: PanelEventData): Float64Array {
  const prev = previous.observation;
  const index = new Map(previous.scenario.states.map((s, i) => [s.id, i]));
  const present = prev.counts.signed + prev.counts.notSigned;
  const overall = present > 0 ? prev.counts.signed / present : 0.5;
  const groupShare = prev.group ? prev.group.signed / Math.max(1, prev.group.signed + prev.group.notSigned) : overall;
  const inGroup = new Set(prev.group?.members ?? []);
  return Float64Array.from(event.scenario.states, (s) => {
    const j = index.get(s.id);
    if (j === undefined) return overall;
    if (inGroup.has(j)) return groupShare;
    const st = prev.status[j];
    return st === 1 ? 1 : st === 0 ? 0 : overall;
  });
}

interface OneAttributeFit {
  attribute: string;
  kinds: string[];
  beta: Float64Array;
  logLikelihood: number;
}

/** The single attribute whose logistic (intercept per kind) fits `events` best. */
function fitOneAttribute(events: readonly PanelEventData[]): OneAttributeFit {
  const kinds = kindsOf(events.map((e) => e.scenario));
  let best: OneAttributeFit | null = null;
  for (const attribute of STATE_ATTRIBUTES) {
    const problem = buildProblem(
      events,
      kinds,
      [attribute],
      () => 1,
      (e, i, out) => (out[0] = events[e].scenario.states[i][attribute]),
      () => 0,
    );
    const K = problem.K;
    let mean = 0;
    for (let r = 0; r < problem.n; r++) mean += problem.X[r * K + K - 1];
    mean /= Math.max(1, problem.n);
    let v = 0;
    for (let r = 0; r < problem.n; r++) v += (problem.X[r * K + K - 1] - mean) ** 2;
    const sd = Math.sqrt(v / Math.max(1, problem.n));
    if (!(sd > 0)) continue;
    const precision = new Float64Array(K);
    precision[K - 1] = BASELINE_RIDGE * sd * sd;
    const fit = fitProblem(problem, {
      prior: new Float64Array(K),
      precision,
      nonNegative: new Array(K).fill(false),
      held: new Map(),
    });
    if (!best || fit.logLikelihood > best.logLikelihood)
      best = { attribute, kinds, beta: fit.beta, logLikelihood: fit.logLikelihood };
  }
  if (!best) throw new RangeError('no state attribute varies over the training events');
  return best;
}

function oneAttributePrediction(
  event: PanelEventData,
  fit: OneAttributeFit,
): MethodPrediction & { attribute: string; slope: number } {
  const nk = fit.kinds.length;
  const own = fit.kinds.indexOf(event.kind);
  const alpha = own >= 0 ? fit.beta[own] : fit.beta.slice(0, nk).reduce((a, b) => a + b, 0) / Math.max(1, nk);
  const slope = fit.beta[nk];
  const attribute = fit.attribute as (typeof STATE_ATTRIBUTES)[number];
  const p = Float64Array.from(event.scenario.states, (s) => 1 / (1 + Math.exp(-(alpha + slope * s[attribute]))));
  return { ...assess(event.observation, p), attribute: fit.attribute, slope };
}

function observedSummary(event: PanelEventData): BacktestRow['observed'] {
  const { counts, status, fixed } = event.observation;
  let known = 0;
  for (let i = 0; i < status.length; i++) if (fixed[i] === -1 && (status[i] === 0 || status[i] === 1)) known++;
  return { ...counts, participants: event.scenario.states.length, known };
}

/** Chronological order: by date, events without one after those with one, ties in the given order. */
function chronological(events: readonly PanelEventData[]): PanelEventData[] {
  return events
    .map((e, k) => ({ e, k }))
    .sort((a, b) => {
      const da = a.e.scenario.date;
      const db = b.e.scenario.date;
      if (da && db && da !== db) return da < db ? -1 : 1;
      if (da && !db) return -1;
      if (!da && db) return 1;
      return a.k - b.k;
    })
    .map((x) => x.e);
}

function row(
  event: PanelEventData,
  previous: PanelEventData | undefined,
  fitted: Fitted,
  baseline: OneAttributeFit,
  trainingKinds: readonly string[],
): BacktestRow {
  const notes: string[] = [];
  const { weights, borrowed } = weightsForKind(fitted, event.kind);
  if (borrowed || !trainingKinds.includes(event.kind)) {
    notes.push(
      `no ${event.kind} among the training events: the intercept is the mean of the training kinds' (${trainingKinds.join(', ')})`,
    );
  }
  return {
    event: shortLabel(event.scenario),
    name: event.scenario.name,
    kind: event.kind,
    ...(event.scenario.date ? { date: event.scenario.date } : {}),
    observed: observedSummary(event),
    model: modelPrediction(event, fitted, weights),
    persistence: previous
      ? { ...assess(event.observation, persistenceProbabilities(event, previous)), from: shortLabel(previous.scenario) }
      : null,
    oneAttribute: oneAttributePrediction(event, baseline),
    notes,
  };
}

/**
 * Leave-one-out backtest over the events (at least two), plus the in-sample
 * fit of every event. The events are put in chronological order first.
 */
export function backtest(scenarios: readonly Scenario[], options: BacktestOptions = DEFAULT_BACKTEST): BacktestResult {
  const events = chronological(prepareEvents(scenarios));
  if (events.length < 2) throw new RangeError('a backtest needs at least two events');
  const panelOptions: PanelOptions = {
    ridge: options.ridge,
    prior: options.prior,
    identification: false,
    profileTerm: null,
  };
  const heldOut = events.map((event, h) => {
    const training = events.filter((_, k) => k !== h);
    const fitted = calibratePanel(
      training.map((e) => e.scenario),
      panelOptions,
    );
    const baseline = fitOneAttribute(training);
    return row(event, events[h - 1], fitted, baseline, kindsOf(training.map((e) => e.scenario)));
  });
  const all = calibratePanel(
    events.map((e) => e.scenario),
    panelOptions,
  );
  const allBaseline = fitOneAttribute(events);
  const kinds = kindsOf(events.map((e) => e.scenario));
  const inSample = events.map((event, h) => row(event, events[h - 1], all, allBaseline, kinds));
  return { options, events: events.map((e) => shortLabel(e.scenario)), heldOut, inSample };
}

export interface ModelFitRow {
  event: string;
  kind: string;
  date?: string;
  observed: BacktestRow['observed'];
  model: MethodPrediction;
  notes: string[];
}

/** The model's in-sample prediction of each event (in the given order) with a panel fit's weights. */
export function modelFitRows(scenarios: readonly Scenario[], fitted: Fitted): ModelFitRow[] {
  return prepareEvents(scenarios).map((event) => {
    const { weights, borrowed } = weightsForKind(fitted, event.kind);
    return {
      event: shortLabel(event.scenario),
      kind: event.kind,
      ...(event.scenario.date ? { date: event.scenario.date } : {}),
      observed: observedSummary(event),
      model: modelPrediction(event, fitted, weights),
      notes: borrowed ? [`no ${event.kind} in the fit: the intercept is the mean of the fitted kinds'`] : [],
    };
  });
}
