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
    expect(r.stdout).toMatch(/sign · .* least equilibrium/);
    const j = JSON.parse((await cli(['run', STAG, '--json'])).stdout);
    expect(Array.isArray(j.equilibrium.least.signers)).toBe(true);
  });
});
