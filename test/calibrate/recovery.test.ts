import { describe, expect, it } from 'vitest';
import { calibrate } from '../../src/calibrate/calibrate.js';
import { compileScenario } from '../../src/model/compile.js';
import { STATE_ATTRIBUTES, type StateInput, type Weights } from '../../src/model/inputs.js';
import type { Scenario } from '../../src/model/scenario.js';
import { BUILTIN_TERMS } from '../../src/model/terms.js';
import { netGains } from '../../src/solve/game.js';
import { logitQre } from '../../src/solve/qre.js';
import { randomStream } from '../../src/random/stream.js';

/**
 * Simulate-then-fit: a large synthetic population with known weights plays
 * the game of incomplete information with logit shocks. Its equilibrium
 * choice probabilities p are the logit QRE; each state's choice is drawn
 * independently from p, and the estimator is given p as first-stage beliefs
 * (the two-step pseudo-likelihood estimator), then compared with the truth.
 */
const TERM_IDS = [
  'reputation',
  'alignment',
  'humanControl',
  'adoption',
  'exposure',
  'ambiguity',
  'blame',
  'grayZone',
  'weaponization',
  'club',
];
const TRUE: Record<string, number> = {
  reputation: 2,
  alignment: 1,
  humanControl: 1.5,
  adoption: 0.5,
  exposure: 1.2,
  ambiguity: 0.8,
  blame: 1,
  grayZone: 2,
  weaponization: 1.5,
  club: 0,
};

function syntheticScenario(n: number, rng: () => number): Scenario {
  const ids = Array.from({ length: n }, (_, i) => `X${i}`);
  const states: StateInput[] = ids.map((id, i) => {
    const s = Object.fromEntries(STATE_ATTRIBUTES.map((a) => [a, rng()])) as unknown as StateInput;
    s.id = id;
    s.name = id;
    s.bias = 0;
    s.blocs = [];
    s.extra = {};
    const rival = Math.floor(rng() * n);
    s.rivals = rival !== i ? { [ids[rival]]: 1 } : {};
    const patron = Math.floor(rng() * n);
    if (patron !== i && rng() < 0.5) s.patron = { id: ids[patron], deference: rng() };
    return s;
  });
  const weights: Weights = { intercept: 0.3 };
  for (const id of TERM_IDS) weights[id] = TRUE[id];
  return {
    name: 'synthetic',
    description: '',
    declaration: {
      verification: 0.5,
      thresholdClarity: 0.3,
      thresholdStrictness: 0.5,
      accountability: 0.4,
      enforcement: 0.5,
      differentiation: 0.2,
      neutralInterpretation: 0.3,
      humanControl: 0.6,
      clubCompatibility: 0.2,
    },
    world: { raceIntensity: 0.6, raceShock: 0.3, lambda: 2, seed: 7 },
    weights,
    states,
    terms: BUILTIN_TERMS.filter((t) => TERM_IDS.includes(t.id)),
    fixed: {},
    uncertainty: [],
  };
}

describe('calibration recovers known weights from data it generated', () => {
  it('within four standard errors for every weight, and the intercept matches the tally', () => {
    const rng = randomStream('signatory-calibration-recovery').uniform;
    const scenario = syntheticScenario(4000, rng);
    const p = logitQre(compileScenario(scenario).game, scenario.world.lambda).least.p;
    const s = Float64Array.from(p, (q) => (rng() < q ? 1 : 0));
    const observed = scenario.states.filter((_, i) => s[i] === 1).map((x) => x.id);
    const start: Scenario = {
      ...scenario,
      weights: Object.fromEntries(Object.keys(scenario.weights).map((k) => [k, 1])) as Weights,
      observed: { signed: observed },
    };
    const result = calibrate(start, { ridge: 0, prior: 'zero', folds: 0, beliefs: p });
    expect(result.converged).toBe(true);
    for (const e of result.estimates) {
      const truth = TRUE[e.id];
      if (e.se === null) {
        // At the bound: only acceptable where the truth is 0.
        expect(truth).toBe(0);
        continue;
      }
      expect(Math.abs(e.weight - truth)).toBeLessThan(4 * e.se);
      expect(e.se).toBeLessThan(0.5);
    }
    expect(result.impliedSigned).toBe(observed.length);
    // The intercept alone is loosely pinned down here: every term's feature has a positive mean and trades off
    // with it. Over 12 simulated data sets of this size its error had a standard deviation of 0.09 (mean +0.06),
    // so 0.3 is about three of them. What the fit does pin down is the index it sets, Δ_i at the beliefs: over
    // the same data sets its mean error stayed within ±0.04 (sd 0.016) and its root-mean-square error within
    // 0.045–0.088, where the true weights with the intercept off by 0.3 give 0.3 for both.
    expect(Math.abs(result.fittedIntercept - 0.3)).toBeLessThan(0.3);
    const index = (weights: Weights) => netGains(compileScenario({ ...scenario, weights }).game, p);
    const truth = index(scenario.weights);
    const errors = Array.from(index({ ...result.weights, intercept: result.fittedIntercept }), (d, i) => d - truth[i]);
    expect(Math.abs(errors.reduce((a, e) => a + e, 0) / errors.length)).toBeLessThan(0.08);
    expect(Math.sqrt(errors.reduce((a, e) => a + e * e, 0) / errors.length)).toBeLessThan(0.15);
  });

  it('k-fold cross-validation reports agreement over every state', () => {
    const rng = randomStream('signatory-cv').uniform;
    const scenario = syntheticScenario(300, rng);
    const p = logitQre(compileScenario(scenario).game, scenario.world.lambda).least.p;
    const s = Float64Array.from(p, (q) => (rng() < q ? 1 : 0));
    const withObserved: Scenario = {
      ...scenario,
      observed: { signed: scenario.states.filter((_, i) => s[i] === 1).map((x) => x.id) },
    };
    const result = calibrate(withObserved, { ridge: 1, prior: 'scenario', folds: 5 });
    expect(result.crossValidated?.total).toBe(300);
    // Benchmarks on the same draws: the true probabilities read as sign at p ≥ ½, and everyone given the majority
    // decision. Over 60 simulated data sets of 300 states, cross-validated agreement ranged from 17 below to 7
    // above the truth's (mean 5 below) and never exceeded the in-sample agreement by more than 1; the majority
    // decision got 157–194, the truth 217–250.
    const truthAgrees = p.reduce((acc, q, i) => acc + (q >= 0.5 === (s[i] === 1) ? 1 : 0), 0);
    const signers = s.reduce((acc, x) => acc + x, 0);
    const floor = truthAgrees - 25;
    expect(floor).toBeGreaterThan(Math.max(signers, 300 - signers));
    expect(result.crossValidated!.correct).toBeGreaterThanOrEqual(floor);
    expect(result.crossValidated!.correct).toBeLessThanOrEqual(result.pseudoAgreement.correct + 5);
  });
});
