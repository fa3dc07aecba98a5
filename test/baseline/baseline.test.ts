import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { calibrate, DEFAULT_CALIBRATION } from '../../src/calibrate/calibrate.js';
import { explainState } from '../../src/analysis/explain.js';
import { runScenario } from '../../src/analysis/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { cli, ROOT } from '../cli/run-cli.js';

const BASELINE = 'scenarios/a-coruna-2026.yaml';
const PRIOR = 'scenarios/base/a-coruna-2026-prior.yaml';
const OBSERVED = new Set<string>(parse(readFileSync(path.join(ROOT, PRIOR), 'utf8')).observed.signed);

describe('the A Coruña baseline reproduces the observed 35:50', () => {
  let json: { total: number; equilibrium: { least: { signed: number; signers: string[] } } };
  beforeAll(async () => {
    json = JSON.parse((await cli(['run', BASELINE, '--json'])).stdout);
  });

  it('85 attendees, a least equilibrium of exactly 35, neither USA nor CHN', () => {
    expect(OBSERVED.size).toBe(35);
    expect(json.total).toBe(85);
    expect(json.equilibrium.least.signed).toBe(35);
    expect(json.equilibrium.least.signers).not.toContain('USA');
    expect(json.equilibrium.least.signers).not.toContain('CHN');
  });

  it('at least 30 of the model’s 35 signers really signed', () => {
    const real = json.equilibrium.least.signers.filter((id: string) => OBSERVED.has(id));
    expect(real.length).toBeGreaterThanOrEqual(30);
  });

  it('the plain report says the same', async () => {
    const plain = (await cli(['run', BASELINE])).stdout;
    expect(plain).toContain('35 sign · 50 abstain (of 85)');
    const abstain = plain.slice(plain.indexOf('Abstain'));
    expect(abstain).toContain('USA');
    expect(abstain).toContain('CHN');
  });

  it('golden: the full JSON report for the baseline and its seed', async () => {
    await expect(JSON.stringify(json, null, 2) + '\n').toMatchFileSnapshot('golden/a-coruna-2026.run.json');
  });
});

describe('explanations a reader of the article recognises', () => {
  const run = runScenario(loadScenario(path.join(ROOT, BASELINE)));
  const costs = (id: string) =>
    explainState(run, id, false)
      .contributions.filter((c) => c.id !== 'intercept' && c.id !== 'bias' && c.value < 0)
      .map((c) => c.id);

  it('the United States: the race (restraint, U1) first, club governance (U2) among its three largest costs', () => {
    const us = costs('USA');
    expect(us[0]).toBe('restraint');
    expect(us.slice(0, 3)).toContain('club');
  });

  it('China: rules as a weapon (C2) and unilateral restraint (C3) are its two largest costs', () => {
    expect(costs('CHN').slice(0, 2)).toEqual(['weaponization', 'restraint']);
  });

  it('no state carries a bias: the outcome comes from attributes and fitted weights', () => {
    expect(run.scenario.states.every((s) => s.bias === 0)).toBe(true);
  });
});

describe('calibration of the baseline', () => {
  it('recalibrating the uncalibrated scenario reproduces the baseline weights', () => {
    const prior = loadScenario(path.join(ROOT, PRIOR));
    const baseline = loadScenario(path.join(ROOT, BASELINE));
    const result = calibrate(prior, DEFAULT_CALIBRATION);
    expect(result.impliedSigned).toBe(35);
    for (const [id, w] of Object.entries(result.weights)) {
      // The baseline file stores 6 significant digits.
      expect(Math.abs(baseline.weights[id] - w)).toBeLessThanOrEqual(Math.abs(w) * 1e-5 + 1e-9);
    }
  });

  it('signatory calibrate reports weights, standard errors and agreement', async () => {
    const r = await cli(['calibrate', BASELINE, '--cv', '5']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/restraint\s+[\d.]+\s+[\d.]+/);
    expect(r.stdout).toMatch(/Cross-validated \(5-fold\)/);
    expect(r.stdout).toMatch(/Least equilibrium of the calibrated game \(35 signers\)/);
  });
});
