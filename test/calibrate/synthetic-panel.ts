/**
 * A synthetic panel for the panel-calibration and backtest tests: one
 * population of states with random attributes, several events (different
 * declarations and race values, two kinds with their own intercepts), each
 * outcome simulated from the game with known weights, then partly hidden.
 *
 * Simulation. Each event's outcome is drawn from the game's logit QRE:
 * every state signs independently with its equilibrium probability
 * p_i = Λ(λ·Δ_i(p)) (the game of incomplete information with logit
 * shocks). With λ = 2 and weights this size, λ·max m_i/4 < 1, so the QRE is
 * unique and "the least QRE" signatory predicts with is the one the data
 * come from. The states have no rivals and no patrons: the remaining
 * interaction (momentum, a share over all the others) is so spread out
 * that the realised share of signers the estimator sees is the
 * equilibrium share up to O(1/√N), so the pseudo-likelihood at the
 * observed profile estimates the same weights.
 *
 * Hiding. Some states are absent: not asked, so they abstain in the game,
 * are never named and are counted under `counts.absent`. Of the others,
 * some are not named (at random, or, as in a UN vote's record, only
 * signers go unnamed). Only the counts of the unnamed are kept.
 */
import seedrandom from 'seedrandom';
import { stringify } from 'yaml';
import { compileScenario } from '../../src/model/compile.js';
import {
  DECLARATION_KEYS,
  STATE_ATTRIBUTES,
  type Declaration,
  type StateInput,
  type Weights,
} from '../../src/model/inputs.js';
import type { EventKind, Scenario } from '../../src/model/scenario.js';
import { BUILTIN_TERMS } from '../../src/model/terms.js';
import { noFixedActions } from '../../src/solve/nash.js';
import { logitQre } from '../../src/solve/qre.js';

/** The true term weights (Δ units); `club` is negative on purpose: a term without interactions may be. */
export const TRUE_WEIGHTS: Record<string, number> = {
  reputation: 1.0,
  momentum: 1.5,
  alignment: 0,
  humanControl: 1.2,
  adoption: 1.0,
  restraint: 1.0,
  exposure: 0.8,
  ambiguity: 0.8,
  blame: 0.6,
  grayZone: 1.0,
  weaponization: 0.7,
  club: -0.8,
};
export const TRUE_INTERCEPTS: Record<EventKind, number> = { 'un-vote': 0.6, 'summit-declaration': -0.4 };
export const LAMBDA = 2;

export interface EventSpec {
  kind: EventKind;
  date: string;
  /**
   * Who is named: 'random', a share `hidden` of the states left unnamed at
   * random; 'dissent', like a UN vote's record: every state that did not
   * sign is named, and a share `hidden` of the signers is not.
   */
  naming: 'random' | 'dissent';
  hidden: number;
  /** Share of the states absent (drawn first, independently of everything else; always unnamed). */
  absent: number;
  /** Declaration values that replace the random ones (to spread the events' shares of signers). */
  declaration?: Partial<Declaration>;
}

/**
 * Two UN-vote-like events (every non-signer named, most signers not, some
 * absent), a summit with a random third unnamed and a fully named summit.
 * The human-control channel differs between the events of a kind, so their
 * shares of signers differ: momentum (normSensitivity × share of others
 * signing) is then not the same column as reputation (normSensitivity).
 */
export const DEFAULT_SPECS: EventSpec[] = [
  {
    kind: 'un-vote',
    date: '2023-06-01',
    naming: 'dissent',
    hidden: 0.9,
    absent: 0.08,
    declaration: { humanControl: 0.9 },
  },
  {
    kind: 'un-vote',
    date: '2024-06-01',
    naming: 'dissent',
    hidden: 0.9,
    absent: 0.05,
    declaration: { humanControl: 0.1 },
  },
  {
    kind: 'summit-declaration',
    date: '2025-02-01',
    naming: 'random',
    hidden: 0.4,
    absent: 0,
    declaration: { humanControl: 0.1 },
  },
  {
    kind: 'summit-declaration',
    date: '2026-02-01',
    naming: 'random',
    hidden: 0,
    absent: 0,
    declaration: { humanControl: 0.9 },
  },
];

export interface SyntheticEvent {
  /** The event as the estimator sees it: outcome partly hidden, weights not the truth. */
  scenario: Scenario;
  /** The full simulated profile (absent states abstain). */
  profile: Uint8Array;
  /** The equilibrium probabilities it was drawn from. */
  p: Float64Array;
  absent: Set<string>;
}

function population(n: number, rng: () => number): StateInput[] {
  return Array.from({ length: n }, (_, i) => {
    const s = Object.fromEntries(
      STATE_ATTRIBUTES.map((a) => [a, Math.round(rng() * 1000) / 1000]),
    ) as unknown as StateInput;
    s.id = `S${String(i).padStart(3, '0')}`;
    s.name = s.id;
    s.bias = 0;
    s.rivals = {};
    s.blocs = [];
    s.extra = {};
    return s;
  });
}

/** The equilibrium probabilities (absent states held at abstain) and a profile drawn from them. */
function draw(
  scenario: Scenario,
  absent: ReadonlySet<number>,
  rng: () => number,
): { p: Float64Array; profile: Uint8Array } {
  const { game } = compileScenario(scenario);
  const fixed = noFixedActions(game.n);
  for (const i of absent) fixed[i] = 0;
  const qre = logitQre(game, scenario.world.lambda, fixed);
  const p = qre.least.p;
  return { p, profile: Uint8Array.from(p, (x) => (rng() < x ? 1 : 0)) };
}

/**
 * The synthetic panel. Every event starts from weights of 1 (not the truth);
 * `truth` gives the scenario with the true weights for each event.
 */
export function syntheticPanel(
  seed: string,
  n = 400,
  specs: readonly EventSpec[] = DEFAULT_SPECS,
  trueWeights = TRUE_WEIGHTS,
): { events: SyntheticEvent[]; truth: Scenario[] } {
  const rng = seedrandom.alea(seed);
  const states = population(n, rng);
  const events: SyntheticEvent[] = [];
  const truth: Scenario[] = [];
  specs.forEach((spec, e) => {
    const declaration = {
      ...(Object.fromEntries(DECLARATION_KEYS.map((k) => [k, Math.round(rng() * 100) / 100])) as Declaration),
      ...spec.declaration,
    };
    const weights: Weights = { ...trueWeights, intercept: TRUE_INTERCEPTS[spec.kind] };
    const base: Scenario = {
      name: `Synthetic event ${e + 1}`,
      description: 'A synthetic event simulated from known weights.',
      declaration,
      world: {
        raceIntensity: Math.round(rng() * 100) / 100,
        raceShock: Math.round(rng() * 50) / 100,
        lambda: LAMBDA,
        seed: 7,
      },
      weights,
      states: states.map((s) => ({ ...s, rivals: {}, blocs: [], extra: {} })),
      terms: BUILTIN_TERMS,
      fixed: {},
      uncertainty: [],
      date: spec.date,
      event: { kind: spec.kind, instrument: `Synthetic instrument ${e + 1} (SYN/${e + 1})` },
    };
    truth.push(base);
    // Who was absent (independently of everything), then who is named.
    const absent = new Set<number>();
    for (let i = 0; i < n; i++) if (rng() < spec.absent) absent.add(i);
    const { p, profile } = draw(base, absent, rng);
    const hidden = new Set<number>(absent);
    for (let i = 0; i < n; i++) {
      if (absent.has(i)) continue;
      const candidate = spec.naming === 'random' || profile[i] === 1;
      if (candidate && rng() < spec.hidden) hidden.add(i);
    }
    const ids = states.map((s) => s.id);
    const signed = ids.filter((_, i) => !hidden.has(i) && profile[i] === 1);
    const notSigned = ids.filter((_, i) => !hidden.has(i) && profile[i] === 0);
    const total = profile.reduce((a, b) => a + b, 0);
    const scenario: Scenario = {
      ...base,
      weights: Object.fromEntries(Object.keys(weights).map((k) => [k, 1])) as Weights,
      observed: {
        signed,
        notSigned,
        counts: { signed: total, notSigned: n - total - absent.size, absent: absent.size },
      },
    };
    events.push({ scenario, profile, p, absent: new Set([...absent].map((i) => ids[i])) });
  });
  return { events, truth };
}

/** An event as a scenario file (YAML), for the CLI tests. */
export function eventYaml(scenario: Scenario): string {
  const doc = {
    name: scenario.name,
    description: scenario.description,
    date: scenario.date,
    event: scenario.event,
    declaration: scenario.declaration,
    world: scenario.world,
    weights: scenario.weights,
    states: scenario.states.map((s) =>
      Object.fromEntries([['id', s.id], ['name', s.name], ...STATE_ATTRIBUTES.map((a) => [a, s[a]])]),
    ),
    observed: scenario.observed,
  };
  return stringify(doc, { lineWidth: 0 });
}
