/** compare, seek and run --rounds through the CLI, plain and --json, as a user runs them. */
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run-cli.js';
import { BASE, FIXTURE } from './helpers.js';

describe('signatory compare', () => {
  it('plain: tallies side by side, flips with their terms, blocs', async () => {
    const r = await cli(['compare', BASE, 'scenarios/what-if/enforcement.yaml']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/if states join in waves \(least eq\.\)\s+35\s+28\s+-7/);
    expect(r.stdout).toMatch(/90% interval, noisy choices \(QRE\)/);
    expect(r.stdout).toMatch(/Left \(7\)/);
    expect(r.stdout).toMatch(/DEU .*moved by adoption/);
    expect(r.stdout).toMatch(/By bloc/);
    expect(r.stdout).toMatch(/NATO\s+32/);
  });

  it('--json: stable keys and numbers', async () => {
    const r = await cli(['compare', BASE, 'scenarios/what-if/verification.yaml', '--json']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.base.least).toBe(35);
    expect(j.other.least).toBe(38);
    expect(j.change.least).toBe(3);
    expect(j.other.interval90).toHaveLength(2);
    expect(j.joined.map((f: { id: string }) => f.id)).toEqual(['CZE', 'PAN', 'TUR']);
    expect(j.left).toEqual([]);
    expect(j.blocs.find((b: { bloc: string }) => b.bloc === 'NATO').members).toBe(32);
  });

  it('--set applies to OTHER: a quick what-if against the same file', async () => {
    const r = await cli(['compare', BASE, BASE, '--set', 'world.raceShock=0', '--json']);
    expect(JSON.parse(r.stdout).other.least).toBe(38);
  });

  it('a missing file is a usage error (exit 2)', async () => {
    const r = await cli(['compare', BASE]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/missing OTHER scenario file/);
  });
});

describe('signatory seek', () => {
  it('known by construction: A needs h 0.2 → 0.5, exactly', async () => {
    const r = await cli(['seek', FIXTURE, '--target', 'A sign', '--json']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.status).toBe('found');
    expect(j.exact).toBe(true);
    expect(j.changes).toHaveLength(1);
    expect(j.changes[0].path).toBe('declaration.humanControl');
    expect(j.changes[0].to).toBeCloseTo(0.5, 3);
    expect(j.distance).toBeCloseTo(0.3, 3);
    expect(j.joined).toEqual(['A']);
  });

  it('known by construction: two signers need both levers, 0.3 + 0.3', async () => {
    const r = await cli(['seek', FIXTURE, '--target', 'signed>=2']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/L1 distance 0\.600\d — exact/);
    expect(r.stdout).toMatch(/declaration\.humanControl\s+0\.2000 → 0\.500\d/);
    expect(r.stdout).toMatch(/declaration\.clubCompatibility\s+0\.1000 → 0\.400\d/);
    expect(r.stdout).toMatch(/Search: branch and bound/);
  });

  it('no feasible answer: C never signs', async () => {
    const r = await cli(['seek', FIXTURE, '--target', 'signed>=3']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/No setting within bounds reaches the target/);
    const j = JSON.parse((await cli(['seek', FIXTURE, '--target', 'signed>=2 and C sign', '--json'])).stdout);
    expect(j.status).toBe('infeasible');
    expect(j.missing).toEqual(['C']);
    expect(j.distance).toBeNull();
  });

  it('two-sided parameters are searched on a grid, and the claims say so', async () => {
    // X and Y both sign only for enforcement in (0.33, 0.37), between grid points.
    const window = 'test/whatif/fixtures/enforcement-window.yaml';
    expect(
      JSON.parse((await cli(['run', window, '--set', 'declaration.enforcement=0.35', '--json'])).stdout).equilibrium
        .least.signed,
    ).toBe(2);
    const r = await cli(['seek', window, '--target', 'X,Y sign']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /No setting within bounds reaches the target with enforcement × differentiation\s+on the scanned grid\./,
    );
    const j = JSON.parse((await cli(['seek', window, '--target', 'X,Y sign', '--json'])).stdout);
    expect(j.status).toBe('infeasible');
    expect(j.gridded).toEqual(['declaration.enforcement', 'declaration.differentiation']);
  });

  it('already met: no change', async () => {
    const j = JSON.parse((await cli(['seek', BASE, '--target', 'signed>=30', '--json'])).stdout);
    expect(j.status).toBe('met');
    expect(j.changes).toEqual([]);
    expect(j.distance).toBe(0);
  });

  it('baseline, USA,CHN sign: out of reach, even with the world allowed; the United States is the one left out', async () => {
    for (const extra of [[], ['--allow', 'world']]) {
      const r = await cli(['seek', BASE, '--target', 'USA,CHN sign', '--json', ...extra]);
      expect(r.status).toBe(0);
      const j = JSON.parse(r.stdout);
      expect(j.status).toBe('infeasible');
      expect(j.missing).toEqual(['USA']);
      expect(j.searched.includes('world.raceIntensity')).toBe(extra.length > 0);
    }
  });

  it('baseline, signed>=43: a small change, and the lower bound below it', async () => {
    const j = JSON.parse((await cli(['seek', BASE, '--target', 'signed>=43', '--json'])).stdout);
    expect(j.status).toBe('found');
    expect(j.tally.least).toBeGreaterThanOrEqual(43);
    expect(j.distance).toBeLessThan(0.1);
    expect(j.lowerBound).toBeLessThanOrEqual(j.distance);
  });

  it.each([
    ['signed>43', /cannot read 'signed>43'/],
    ['signed>=forty', /whole number/],
    ['USA sign and USA sign', /given twice/],
    ['XYZ sign', /unknown state 'XYZ'/],
    ['signed>=200', /only 85 states/],
    ['', /empty target/],
  ])('a bad target %j is a usage error (exit 2)', async (target, message) => {
    const r = await cli(['seek', BASE, '--target', target]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('--allow takes only world; --target is required', async () => {
    expect((await cli(['seek', BASE, '--target', 'signed>=40', '--allow', 'weights'])).status).toBe(2);
    expect((await cli(['seek', BASE])).stderr).toMatch(/--target is required/);
  });
});

describe('signatory run --rounds', () => {
  it('plain: rounds and who tipped them', async () => {
    const r = await cli(['run', 'scenarios/what-if/usa-signs.yaml', '--rounds']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/held at sign from the start: USA/);
    expect(r.stdout).toMatch(/round 2 \(9 sign, 39 in all\)/);
    expect(r.stdout).toMatch(/r2 ROU: .* momentum \(30 signers\) \+ ties USA \+0\.342 \(r0\) = \+0\.214/);
    expect(r.stdout).toMatch(/r3 PAN: .* momentum \(39 signers\) = \+0\.037/);
  });

  it('--json: the cascade beside the usual report', async () => {
    const j = JSON.parse((await cli(['run', 'scenarios/examples/threshold-crowd.yaml', '--rounds', '--json'])).stdout);
    expect(j.equilibrium.least.rounds).toEqual([['S01'], ['S02'], ['S03'], ['S04'], ['S05'], ['S06'], ['S07']]);
    expect(j.cascade.rounds.map((r: { cumulative: number }) => r.cumulative)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(j.cascade.tipped.map((t: { id: string }) => t.id)).toEqual(['S02', 'S03', 'S04', 'S05', 'S06', 'S07']);
  });

  it('without --rounds the output is unchanged (no cascade key)', async () => {
    const j = JSON.parse((await cli(['run', BASE, '--json'])).stdout);
    expect(j.cascade).toBeUndefined();
  });
});
