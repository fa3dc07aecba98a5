/** A game with no pure equilibrium is reported as such: no "least equilibrium" headline, no signers in the JSON. */
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

const PENNIES = 'test/fixtures/scenarios/matching-pennies.yaml';
const STAG = 'scenarios/examples/stag-hunt.yaml';

describe('equilibrium headlines', () => {
  it('matching pennies: says best response cycles, lists the last profile as not an equilibrium', async () => {
    const r = await cli(['run', PENNIES]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('No pure equilibrium found: best response from all-abstain cycles.');
    expect(r.stdout).not.toContain('least equilibrium');
    expect(r.stdout).toContain('The last profile of the cycle from all-abstain (not an equilibrium):');
    const j = JSON.parse((await cli(['run', PENNIES, '--json'])).stdout);
    expect(j.equilibrium.least).toEqual({
      found: false,
      note: 'best response from all-abstain cycles: no pure equilibrium found',
    });
    expect(j.equilibrium.greatest.found).toBe(false);
    expect(j.equilibrium.least.signers).toBeUndefined();
  });

  it('a supermodular game keeps its least-equilibrium headline and signers', async () => {
    const r = await cli(['run', STAG]);
    expect(r.stdout).toMatch(/sign · .*\(least equilibrium\)/);
    const j = JSON.parse((await cli(['run', STAG, '--json'])).stdout);
    expect(Array.isArray(j.equilibrium.least.signers)).toBe(true);
  });
});

describe('the QRE in reports', () => {
  it('a game with a negative interaction reports the principal branch, with per-player probabilities of both branches', async () => {
    const r = await cli(['run', PENNIES, '--set', 'world.lambda=10']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Expected signers if choices are noisy (QRE, λ = 10, principal branch): ');
    const j = JSON.parse((await cli(['run', PENNIES, '--json', '--set', 'world.lambda=10'])).stdout);
    expect(j.qre.method).toBe('continuation');
    expect(j.qre.branch).toBe('principal');
    expect(j.qre.converged).toBe(true);
    expect(Object.keys(j.qre.pSignGreatest)).toEqual(Object.keys(j.qre.pSign));
  });

  it('JSON numbers are the full doubles: they read back as exactly the computed values', async () => {
    const { loadScenario } = await import('../../src/scenario/load.js');
    const { runScenario } = await import('../../src/analysis/run.js');
    const run = runScenario(loadScenario(STAG));
    const j = JSON.parse((await cli(['run', STAG, '--json'])).stdout);
    run.states.forEach((s) => {
      expect(Object.is(j.qre.pSign[s.id], s.pSign)).toBe(true);
      expect(Object.is(j.states.find((x: { id: string }) => x.id === s.id).delta, s.delta)).toBe(true);
    });
    expect(Object.is(j.qre.expectedSigned, run.tally.mean)).toBe(true);
  });
});

describe('an unconverged QRE is not presented as a result', () => {
  it('text and JSON say so and give no tally', async () => {
    const { loadScenario } = await import('../../src/scenario/load.js');
    const { runScenario } = await import('../../src/analysis/run.js');
    const { runToText } = await import('../../src/report/run-text.js');
    const { runToJson } = await import('../../src/report/run-json.js');
    const run = runScenario(loadScenario(STAG));
    run.qre.least = { ...run.qre.least, converged: false, residual: 3e-4 };
    const text = runToText(run);
    expect(text).toContain('not found, the solver stopped at residual 3.0e-4');
    expect(text).not.toMatch(/expected [0-9]/);
    const j = runToJson(run);
    expect(j.qre).toEqual({
      lambda: run.qre.lambda,
      method: 'monotone',
      converged: false,
      residual: 3e-4,
      note: 'the QRE solver did not reach its tolerance: no QRE is reported',
    });
    expect(j.states.every((s) => !('pSign' in s))).toBe(true);
  });
});
