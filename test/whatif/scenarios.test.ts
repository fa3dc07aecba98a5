/**
 * Every what-if loads, runs and moves the tally in a pinned direction. The
 * golden file of each (tallies, who flipped and the terms that moved them,
 * tallies by bloc) is the `compare` report against the baseline.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../src/analysis/compare.js';
import { comparisonToText } from '../../src/report/compare-text.js';
import { BASE, ROOT, solved } from './helpers.js';

/** Expected direction of the least-equilibrium tally against the baseline (35). */
const DIRECTIONS: Record<string, 'up' | 'down'> = {
  'verification.yaml': 'up',
  'threshold.yaml': 'up',
  'accountability.yaml': 'up',
  'enforcement.yaml': 'down',
  'differentiation.yaml': 'up',
  'no-race-narrative.yaml': 'up',
  'race-cooling.yaml': 'up',
  'usa-signs.yaml': 'up',
  'china-signs.yaml': 'up',
  'club-compatible.yaml': 'up',
  'full-prescription.yaml': 'up',
};

describe('what-if scenarios', () => {
  const base = solved(BASE);

  it('the baseline is the calibrated 35 of 85 with USA and CHN abstaining', () => {
    expect(base.equilibria.least.signed).toBe(35);
    expect(base.states.find((s) => s.id === 'USA')!.signs).toBe(false);
    expect(base.states.find((s) => s.id === 'CHN')!.signs).toBe(false);
  });

  for (const [name, direction] of Object.entries(DIRECTIONS)) {
    it(`${name}: extends the baseline, changes only its lever, moves ${direction}`, async () => {
      const file = `scenarios/what-if/${name}`;
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      expect(text).toMatch(/^extends: \.\.\/a-coruna-2026\.yaml$/m);
      // A what-if never forces a tally: no weights, no biases, no state edits.
      expect(text).not.toMatch(/^(weights|states|roster):/m);
      expect(text).not.toMatch(/bias/);
      const other = solved(file);
      const c = compareRuns(base, other);
      if (direction === 'up') {
        expect(c.other.least).toBeGreaterThan(c.base.least);
        expect(c.left).toEqual([]);
      } else {
        expect(c.other.least).toBeLessThan(c.base.least);
        expect(c.joined).toEqual([]);
      }
      // Extremal equilibria stay ordered.
      expect(c.other.greatest).toBeGreaterThanOrEqual(c.other.least);
      await expect(comparisonToText(c)).toMatchFileSnapshot(`__snapshots__/${name.replace(/\.yaml$/, '')}.txt`);
    });
  }

  it('names the propositions it tests in every description', () => {
    for (const name of Object.keys(DIRECTIONS)) {
      const d = solved(`scenarios/what-if/${name}`).scenario.description;
      expect(d, name).toMatch(/\b(A[1-6]|U[1-5]|C[1-4]|M1|R1)\b/);
    }
  });

  it('verification: TUR joins through relief from its rivals, CZE and PAN follow by momentum', () => {
    const c = compareRuns(base, solved('scenarios/what-if/verification.yaml'));
    expect(c.joined.map((f) => f.id)).toEqual(['CZE', 'PAN', 'TUR']);
    const tur = c.joined.find((f) => f.id === 'TUR')!;
    expect(
      tur.terms
        .slice(0, 3)
        .map((t) => t.id)
        .sort(),
    ).toEqual(['exposure', 'momentum', 'restraint']);
    expect(c.joined.find((f) => f.id === 'CZE')!.terms[0].id).toBe('momentum');
  });

  it('enforcement: the adoption cost (A4) pushes the leavers out', () => {
    const c = compareRuns(base, solved('scenarios/what-if/enforcement.yaml'));
    expect(c.left.length).toBe(7);
    // Six leave for the adoption cost itself; one more follows them out (momentum: the cascade).
    expect(c.left.filter((f) => f.terms[0].id === 'adoption').length).toBe(6);
    for (const f of c.left) expect(['adoption', 'momentum']).toContain(f.terms[0].id);
  });

  it('differentiation with neutral interpretation: weaponization (C2) falls for the joiners, China stays out', () => {
    const other = solved('scenarios/what-if/differentiation.yaml');
    const c = compareRuns(base, other);
    expect(c.joined.length).toBeGreaterThan(15);
    const byWeaponization = c.joined.filter((f) => f.terms[0].id === 'weaponization' || f.terms[0].id === 'momentum');
    expect(byWeaponization.length).toBe(c.joined.length);
    expect(other.states.find((s) => s.id === 'CHN')!.signs).toBe(false);
  });

  it('USA signing: its allies follow it (alignment), China does not', () => {
    const other = solved('scenarios/what-if/usa-signs.yaml');
    const c = compareRuns(base, other);
    for (const id of ['ROU', 'CZE']) expect(c.joined.find((f) => f.id === id)!.terms[0].id).toBe('alignment');
    expect(other.states.find((s) => s.id === 'CHN')!.signs).toBe(false);
  });

  it('the full prescription (R1) beats every single lever but leaves the United States out', () => {
    const full = solved('scenarios/what-if/full-prescription.yaml');
    for (const name of Object.keys(DIRECTIONS)) {
      if (name === 'full-prescription.yaml') continue;
      expect(full.equilibria.least.signed).toBeGreaterThanOrEqual(
        solved(`scenarios/what-if/${name}`).equilibria.least.signed,
      );
    }
    expect(full.states.find((s) => s.id === 'USA')!.signs).toBe(false);
  });
});
