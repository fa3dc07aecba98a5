/**
 * Panel calibration (docs/calibration.md, "Panel calibration"): the
 * likelihood of an unnamed group's counts against enumeration, a synthetic
 * panel with known weights and partial observations recovered, the sign
 * constraint only on terms with interactions, the ridge in standardised
 * units, and the identification report.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { groupLikelihood } from '../../src/calibrate/group-likelihood.js';
import { calibratePanel, hasInteraction, type PanelResult } from '../../src/calibrate/panel.js';
import { BUILTIN_TERMS, type Term } from '../../src/model/terms.js';
import { poissonBinomial, poissonBinomialGivenAbsent } from '../../src/solve/tally.js';
import { DEFAULT_SPECS, syntheticPanel, TRUE_INTERCEPTS, TRUE_WEIGHTS } from './synthetic-panel.js';

/** Every split of the group into signed / not / absent, by enumeration: 3^u terms. */
function enumerate(p: number[], counts: { signed: number; notSigned: number; absent: number }) {
  const u = p.length;
  let total = 0;
  const signed = new Array<number>(u).fill(0);
  const present = new Array<number>(u).fill(0);
  const visit = (i: number, c: number[], w: number, cats: number[]): void => {
    if (i === u) {
      if (c[0] !== counts.signed || c[1] !== counts.notSigned || c[2] !== counts.absent) return;
      total += w;
      cats.forEach((cat, j) => {
        if (cat === 0) signed[j] += w;
        if (cat !== 2) present[j] += w;
      });
      return;
    }
    for (const cat of [0, 1, 2]) {
      const next = c.slice();
      next[cat]++;
      visit(i + 1, next, w * (cat === 0 ? p[i] : cat === 1 ? 1 - p[i] : 1), [...cats, cat]);
    }
  };
  visit(0, [0, 0, 0], 1, []);
  let ways = 1;
  for (let j = 1; j <= counts.absent; j++) ways = (ways * (u - counts.absent + j)) / j;
  return {
    logLikelihood: Math.log(total / ways),
    signed: signed.map((x) => x / total),
    present: present.map((x) => x / total),
  };
}

describe('the likelihood of an unnamed group (exact, by the extended Poisson-binomial recursion)', () => {
  const rng = seedrandom.alea('signatory-group-likelihood');
  it.each([
    [2, 2, 2],
    [3, 0, 3],
    [0, 4, 2],
    [6, 0, 0],
    [1, 5, 0],
    [2, 3, 1],
    [0, 0, 6],
  ])(
    'signed %i, not %i, absent %i of six: log L and the posteriors equal enumeration; the gradient is P(signed | counts) − p·P(present | counts)',
    (k, m, a) => {
      const p = Array.from({ length: 6 }, () => 0.05 + 0.9 * rng());
      const counts = { signed: k, notSigned: m, absent: a };
      const g = groupLikelihood(
        p,
        p.map((x) => 1 - x),
        counts,
      );
      const e = enumerate(p, counts);
      expect(g.logLikelihood).toBeCloseTo(e.logLikelihood, 11);
      g.postSigned.forEach((x, i) => expect(x).toBeCloseTo(e.signed[i], 11));
      g.postPresent.forEach((x, i) => expect(x).toBeCloseTo(e.present[i], 11));
      const eta = p.map((x) => Math.log(x / (1 - x)));
      const at = (v: number[]) => {
        const q = v.map((x) => 1 / (1 + Math.exp(-x)));
        return groupLikelihood(
          q,
          q.map((x) => 1 - x),
          counts,
          false,
        ).logLikelihood;
      };
      for (let i = 0; i < p.length; i++) {
        const up = eta.slice();
        const down = eta.slice();
        up[i] += 1e-6;
        down[i] -= 1e-6;
        expect((at(up) - at(down)) / 2e-6).toBeCloseTo(g.postSigned[i] - p[i] * g.postPresent[i], 6);
      }
    },
  );

  it('stays finite for 180 members with extreme probabilities (rescaled recursion)', () => {
    const p = Array.from({ length: 180 }, (_, i) => (i % 3 === 0 ? 1e-9 : 1 - 1e-9));
    const g = groupLikelihood(
      p,
      p.map((x) => 1 - x),
      { signed: 150, notSigned: 0, absent: 30 },
    );
    expect(Number.isFinite(g.logLikelihood)).toBe(true);
    expect(g.logLikelihood).toBeLessThan(0);
  });

  it('the tally given the number absent equals enumeration, and is the Poisson-binomial with none absent', () => {
    const p = [0.1, 0.7, 0.4, 0.9, 0.55];
    expect(Array.from(poissonBinomialGivenAbsent(p, 0))).toEqual(Array.from(poissonBinomial(p)));
    const pmf = poissonBinomialGivenAbsent(p, 2);
    expect(pmf.length).toBe(4);
    for (let k = 0; k <= 3; k++) {
      const e = enumerate(p, { signed: k, notSigned: 3 - k, absent: 2 });
      expect(pmf[k]).toBeCloseTo(Math.exp(e.logLikelihood), 12);
    }
    expect(pmf.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
  });
});

describe('a synthetic panel with known weights and partial observations is recovered', () => {
  // Four events of 400 states, two kinds; in the two UN-vote-like events every
  // non-signer is named and 90% of the signers and 5–8% absent states are not,
  // in one summit a random 40% is unnamed: only the counts of the unnamed are kept.
  const { events } = syntheticPanel('signatory-panel-recovery', 400, DEFAULT_SPECS);
  const scenarios = events.map((e) => e.scenario);
  const fit = calibratePanel(scenarios, { ridge: 0, prior: 'equal-effect', profilePoints: 9 });

  it('the panel really is partial: three events have an unnamed group, known only by its counts', () => {
    expect(fit.groups).toBe(3);
    expect(fit.rows - fit.choices).toBeGreaterThan(0.3 * fit.rows);
    expect(fit.converged).toBe(true);
  });

  // With no prior (ridge 0) the estimate is the maximum pseudo-likelihood
  // estimate: asymptotically normal around the truth with the inverse
  // Hessian as its variance. 4 sds leave each weight a two-sided chance of
  // 6e-5 of failing by chance (under 1e-3 for all thirteen together), while
  // an error of the method (a wrong group likelihood, beliefs or gradient)
  // shows up as a shift of many sds. The seed is fixed, so the test is
  // deterministic.
  it('every weight and both intercepts lie within four posterior sds of the truth, and momentum is separately identified', () => {
    for (const e of fit.estimates) {
      if (e.id === 'alignment') continue;
      expect(e.atBound, e.id).toBe(false);
      expect(Math.abs(e.weight - TRUE_WEIGHTS[e.id]), e.id).toBeLessThan(4 * e.posteriorSd!);
    }
    for (const i of fit.intercepts) {
      const truth = TRUE_INTERCEPTS[i.kind as keyof typeof TRUE_INTERCEPTS];
      expect(Math.abs(i.value - truth), i.kind).toBeLessThan(4 * i.posteriorSd!);
    }
    // One event cannot tell momentum (normSensitivity × share signing) from
    // reputation (normSensitivity); events with different shares can.
    const momentum = fit.estimates.find((e) => e.id === 'momentum')!;
    expect(momentum.posteriorSd!).toBeLessThan(1);
    expect(Math.abs(momentum.mostCorrelated!.r)).toBeLessThan(0.999);
  });

  it('a term that never varies (alignment: no patrons) is held at 0 and reported as constant', () => {
    const alignment = fit.estimates.find((e) => e.id === 'alignment')!;
    expect(alignment.constant).toBe(true);
    expect(alignment.weight).toBe(0);
    expect(alignment.posteriorSd).toBeNull();
    expect(fit.correlation.matrix[fit.correlation.ids.indexOf('alignment')].every((r) => r === null)).toBe(true);
  });

  it('a term without interactions comes out negative when the data say so (club, truth −0.8)', () => {
    const club = fit.estimates.find((e) => e.id === 'club')!;
    expect(club.nonNegative).toBe(false);
    expect(club.weight + 2 * club.posteriorSd!).toBeLessThan(0);
  });

  it('the identification report: robust s.e., correlations, and a profile whose best point is the estimate', () => {
    for (const e of fit.estimates.filter((x) => !x.constant)) {
      expect(e.robustSe!, e.id).toBeGreaterThan(0);
      expect(Number.isFinite(e.robustSe!)).toBe(true);
      // No prior: the shift from the prior is not defined.
      expect(e.priorSd).toBe(Infinity);
      expect(e.shift).toBeNull();
    }
    const { ids, matrix } = fit.correlation;
    ids.forEach((id, a) => {
      if (matrix[a][a] === null) return;
      expect(matrix[a][a]!).toBeCloseTo(1, 12);
      ids.forEach((_, b) => expect(matrix[a][b]).toBe(matrix[b][a]));
      const e = fit.estimates.find((x) => x.id === id)!;
      const best = Math.max(...matrix[a].filter((r, b) => b !== a && r !== null).map((r) => Math.abs(r!)));
      expect(Math.abs(e.mostCorrelated!.r)).toBe(best);
      expect(e.r2Others!).toBeGreaterThanOrEqual(best * best - 1e-9);
    });
    const profile = fit.profile!;
    expect(profile.term).toBe('momentum');
    expect(profile.points).toHaveLength(9);
    // The full fit maximises the likelihood, so no grid point beats it; the grid's best is the one next to the estimate.
    for (const pt of profile.points) expect(pt.logLikelihood).toBeLessThanOrEqual(fit.logLikelihood + 1e-6);
    const step = profile.points[1].value - profile.points[0].value;
    expect(Math.abs(profile.bestByLikelihood - profile.estimate)).toBeLessThanOrEqual(step);
    expect(profile.likelihoodInterval[0]).toBeLessThanOrEqual(profile.estimate);
    expect(profile.likelihoodInterval[1]).toBeGreaterThanOrEqual(profile.estimate);
  });
});

describe('non-negativity only where supermodularity needs it', () => {
  it('is decided by term.parts: a term with a momentum, rivals or patron part', () => {
    const flags = Object.fromEntries(BUILTIN_TERMS.map((t) => [t.id, hasInteraction(t)]));
    expect(flags).toEqual({
      reputation: false,
      momentum: true,
      alignment: true,
      humanControl: false,
      adoption: false,
      restraint: true,
      exposure: true,
      ambiguity: false,
      blame: false,
      grayZone: false,
      weaponization: false,
      club: false,
    });
    const custom = { ...BUILTIN_TERMS[0], id: 'lobby', parts: ['constant', 'patron'] } as Term;
    expect(hasInteraction(custom)).toBe(true);
  });

  it('a panel simulated with a negative momentum leaves momentum at its bound 0, every other term free', () => {
    const { events } = syntheticPanel('signatory-panel-negative-momentum', 300, DEFAULT_SPECS, {
      ...TRUE_WEIGHTS,
      momentum: -1.5,
    });
    const fit: PanelResult = calibratePanel(
      events.map((e) => e.scenario),
      { ridge: 0, prior: 'equal-effect', identification: false },
    );
    const momentum = fit.estimates.find((e) => e.id === 'momentum')!;
    expect(momentum.weight).toBe(0);
    expect(momentum.atBound).toBe(true);
    expect(momentum.posteriorSd).toBeNull();
    for (const e of fit.estimates)
      expect(e.nonNegative, e.id).toBe(hasInteraction(BUILTIN_TERMS.find((t) => t.id === e.id)!));
    expect(fit.estimates.find((e) => e.id === 'club')!.weight).toBeLessThan(0);
  });
});

describe('the ridge in standardised units', () => {
  const { events } = syntheticPanel('signatory-panel-ridge', 120, DEFAULT_SPECS.slice(2));
  const scenarios = events.map((e) => e.scenario);

  it('the prior sd of a weight is 1/(√r · sd of its column); the equal-effect prior gives every term the same effect per sd', () => {
    const fit = calibratePanel(scenarios, { ridge: 4, prior: 'equal-effect', identification: false });
    const varying = fit.estimates.filter((e) => !e.constant);
    for (const e of varying) expect(e.priorSd * Math.sqrt(4) * e.columnSd).toBeCloseTo(1, 12);
    const effects = varying.map((e) => e.prior * e.columnSd);
    for (const x of effects) expect(x).toBeCloseTo(effects[0], 12);
  });

  it('a very strong ridge pins every weight to its prior; shift measures the distance in prior sds', () => {
    const fit = calibratePanel(scenarios, { ridge: 1e8, prior: 'equal-effect', identification: false });
    for (const e of fit.estimates.filter((x) => !x.constant)) {
      expect(Math.abs(e.shift!), e.id).toBeLessThan(0.05);
      expect(e.shift!).toBeCloseTo((e.weight - e.prior) / e.priorSd, 12);
    }
  });

  it("prior zero and the first event's own weights are the other centres", () => {
    const zero = calibratePanel(scenarios, { ridge: 1e8, prior: 'zero', identification: false });
    for (const e of zero.estimates) expect(e.prior).toBe(0);
    const own = calibratePanel(scenarios, { ridge: 1e8, prior: 'scenario', identification: false });
    // The synthetic events start from weights of 1.
    for (const e of own.estimates.filter((x) => !x.constant)) expect(e.prior).toBe(1);
  });
});
