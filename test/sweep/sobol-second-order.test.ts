/** Second-order Sobol indices (Saltelli 2002), checked against Sobol's G-function and the Ishigami function. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sobolIndices } from '../../src/sweep/sobol.js';
import { cli, ROOT } from '../cli/run-cli.js';

// Sobol's G-function over [0, 1]^4: g = Π (|4x_i − 2| + a_i)/(1 + a_i), with known indices
// V_i = 1/(3(1 + a_i)²), V = Π(1 + V_i) − 1, S_i = V_i/V, S_ij = V_i·V_j/V, ST_i = V_i·Π_{j≠i}(1 + V_j)/V.
const a = [0, 1, 4.5, 9];
const g = (x: Float64Array): number => a.reduce((p, ai, i) => (p * (Math.abs(4 * x[i] - 2) + ai)) / (1 + ai), 1);
const Vi = a.map((ai) => 1 / (3 * (1 + ai) ** 2));
const V = Vi.reduce((p, v) => p * (1 + v), 1) - 1;
const knownFirst = Vi.map((v) => v / V);
const knownTotal = Vi.map((v, i) => (v * Vi.reduce((p, w, j) => (j === i ? p : p * (1 + w)), 1)) / V);

describe('second-order Sobol indices', () => {
  const r = sobolIndices(g, {
    n: 20_000,
    bounds: a.map(() => ({ lo: 0, hi: 1 })),
    seed: 3,
    bootstrap: 50,
    secondOrder: true,
  });

  it('recover the G-function first, total and second-order indices', () => {
    knownFirst.forEach((s, i) => expect(Math.abs(r.first[i] - s)).toBeLessThan(0.03));
    knownTotal.forEach((s, i) => expect(Math.abs(r.total[i] - s)).toBeLessThan(0.03));
    expect(r.second).toHaveLength(6);
    for (const p of r.second!) {
      const known = (Vi[p.i] * Vi[p.j]) / V;
      expect(Math.abs(p.index - known), `S${p.i + 1}${p.j + 1}`).toBeLessThan(0.03);
      expect(p.interval[0] - 0.02).toBeLessThan(known);
      expect(p.interval[1] + 0.02).toBeGreaterThan(known);
    }
    expect(r.evaluations).toBe(20_000 * (2 * 4 + 2));
  });

  it('find the one interaction of the Ishigami function, S13 = 0.2437', () => {
    const ishigami = (x: Float64Array): number =>
      Math.sin(x[0]) + 7 * Math.sin(x[1]) ** 2 + 0.1 * x[2] ** 4 * Math.sin(x[0]);
    const box = [0, 1, 2].map(() => ({ lo: -Math.PI, hi: Math.PI }));
    const s = sobolIndices(ishigami, { n: 20_000, bounds: box, seed: 1, bootstrap: 0, secondOrder: true });
    const [s12, s13, s23] = s.second!.map((p) => p.index);
    expect(Math.abs(s13 - 0.2437)).toBeLessThan(0.04);
    expect(Math.abs(s12)).toBeLessThan(0.03);
    expect(Math.abs(s23)).toBeLessThan(0.03);
  });

  it('leave the first-order sample untouched: the same S1 and ST with and without second order', () => {
    const box = a.map(() => ({ lo: 0, hi: 1 }));
    const without = sobolIndices(g, { n: 500, bounds: box, seed: 9, bootstrap: 10 });
    const withSecond = sobolIndices(g, { n: 500, bounds: box, seed: 9, bootstrap: 10, secondOrder: true });
    expect(withSecond.first).toEqual(without.first);
    expect(withSecond.total).toEqual(without.total);
    expect(without.second).toBeUndefined();
  });
});

describe('signatory sensitivity --second-order', () => {
  const STAG = path.join(ROOT, 'scenarios', 'examples', 'stag-hunt.yaml');
  const args = ['sensitivity', STAG, '--vary', 'declaration.verification=0:1', '--vary', 'world.raceIntensity=0:1'];

  it('reports every pair (text and JSON) at N·(2d + 2) solves', async () => {
    const json = await cli([
      ...args,
      '--vary',
      'world.raceShock=0:1',
      '--n',
      '50',
      '--bootstrap',
      '5',
      '--second-order',
      '--output',
      'RED.p',
      '--json',
    ]);
    expect(json.status, json.stderr).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(out.evaluations).toBe(50 * 8);
    expect(out.second.map((p: { inputs: string[] }) => p.inputs.join(' × '))).toEqual([
      'declaration.verification × world.raceIntensity',
      'declaration.verification × world.raceShock',
      'world.raceIntensity × world.raceShock',
    ]);
    const text = await cli([...args, '--n', '50', '--bootstrap', '5', '--second-order', '--output', 'RED.p']);
    expect(text.stdout).toMatch(/declaration\.verification × world\.raceIntensity +-?\d/);
    expect(text.stdout).toContain('S2: share the interaction of a pair explains');
  });

  it('goes with --method sobol only', async () => {
    const r = await cli([...args, '--method', 'morris', '--second-order']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--second-order goes with --method sobol');
  });
});
