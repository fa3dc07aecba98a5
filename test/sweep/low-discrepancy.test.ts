/**
 * The Sobol sequence, its digital shift and the input distributions of
 * `sensitivity --sampler sobol --dist …`: known points, the net property,
 * Ishigami indices closer than pseudo-random draws at the same N, and the
 * distributions' moments.
 */
import { describe, expect, it } from 'vitest';
import {
  inputQuantile,
  normalCdf,
  normalQuantile,
  sobolPoints,
  SOBOL_MAX_DIMENSIONS,
} from '../../src/sweep/low-discrepancy.js';
import { sobolIndices } from '../../src/sweep/sobol.js';
import { cli } from '../cli/run-cli.js';

describe('the Sobol sequence', () => {
  it('starts with the published points of its first two dimensions (Gray-code order)', () => {
    const p = sobolPoints(8, 2);
    const column = (j: number) => Array.from({ length: 8 }, (_, i) => p[i * 2 + j]);
    expect(column(0)).toEqual([0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125]);
    expect(column(1)).toEqual([0, 0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625]);
  });

  it('is a net: the first 2^m points fall one in each interval of length 2^-m, in every dimension, shifted or not', () => {
    for (const seed of [undefined, 7]) {
      const m = 8;
      const n = 2 ** m;
      const d = SOBOL_MAX_DIMENSIONS;
      const p = sobolPoints(n, d, seed);
      for (let j = 0; j < d; j++) {
        const cells = new Set<number>();
        for (let i = 0; i < n; i++) cells.add(Math.floor(p[i * d + j] * n));
        expect(cells.size, `dimension ${j + 1}`).toBe(n);
      }
      // The first two dimensions form a (0, 2)-sequence: every 16 × 16 cell holds one of the first 256 points.
      const cells = new Set<number>();
      for (let i = 0; i < n; i++) cells.add(Math.floor(p[i * d] * 16) * 16 + Math.floor(p[i * d + 1] * 16));
      expect(cells.size).toBe(256);
    }
  });

  it('estimates the Ishigami indices closer than pseudo-random draws at N = 2,048', () => {
    // Ishigami & Homma (1990), a = 7, b = 0.1, inputs uniform on [−π, π]: S1 = 0.3139, 0.4424, 0.
    const f = (x: Float64Array) => Math.sin(x[0]) + 7 * Math.sin(x[1]) ** 2 + 0.1 * x[2] ** 4 * Math.sin(x[0]);
    const bounds = [0, 1, 2].map(() => ({ lo: -Math.PI, hi: Math.PI }));
    const exact = [0.3139, 0.4424, 0];
    const error = (sampler: 'random' | 'sobol', seed: number) => {
      const r = sobolIndices(f, { n: 2048, bounds, seed, bootstrap: 0, sampler });
      return Math.max(...r.first.map((s, i) => Math.abs(s - exact[i])));
    };
    const seeds = [1, 2, 3, 4, 5];
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const qmc = mean(seeds.map((s) => error('sobol', s)));
    const mc = mean(seeds.map((s) => error('random', s)));
    expect(qmc).toBeLessThan(0.02);
    expect(qmc).toBeLessThan(mc);
  });
});

describe('input distributions', () => {
  it('Φ and Φ⁻¹ agree with known values and with each other', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 7);
    for (const p of [0.01, 0.2, 0.5, 0.77, 0.999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
  });

  it('a normal truncated to the range, and a triangle, have their moments', () => {
    const n = 20000;
    const draws = (dist: Parameters<typeof inputQuantile>[3], lo: number, hi: number) =>
      Array.from({ length: n }, (_, i) => inputQuantile((i + 0.5) / n, lo, hi, dist));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
    const wide = draws({ kind: 'normal', mean: 0.5, sd: 0.05 }, 0, 1);
    expect(mean(wide)).toBeCloseTo(0.5, 4);
    expect(sd(wide)).toBeCloseTo(0.05, 3);
    const cut = draws({ kind: 'normal', mean: 0, sd: 1 }, 0, 10);
    expect(mean(cut)).toBeCloseTo(Math.sqrt(2 / Math.PI), 3); // the half-normal mean
    expect(Math.min(...cut)).toBeGreaterThanOrEqual(0);
    const tri = draws({ kind: 'triangular', mode: 0.2 }, 0, 1);
    expect(mean(tri)).toBeCloseTo((0 + 0.2 + 1) / 3, 4);
  });
});

describe('signatory sensitivity --sampler sobol --dist', () => {
  const base = [
    'sensitivity',
    'scenarios/examples/stag-hunt.yaml',
    '--vary',
    'declaration.verification=0:1',
    '--vary',
    'world.raceIntensity=0:1',
    '--output',
    'qre_mean',
    '--n',
    '256',
    '--bootstrap',
    '20',
  ];
  it('runs, says which sample and distributions it used, and is reproducible', async () => {
    const args = [...base, '--sampler', 'sobol', '--dist', 'world.raceIntensity=normal:0.6:0.1', '--json'];
    const a = await cli(args);
    expect(a.status, a.stderr).toBe(0);
    const j = JSON.parse(a.stdout);
    expect(j.sampler).toBe('sobol');
    expect(j.inputs[1].distribution).toEqual({ kind: 'normal', mean: 0.6, sd: 0.1 });
    expect(j.inputs[0].distribution).toEqual({ kind: 'uniform' });
    expect((await cli(args)).stdout).toBe(a.stdout);
    const text = await cli([...base, '--sampler', 'sobol', '--dist', 'declaration.verification=triangular:0.2']);
    expect(text.stdout).toContain('sample: Sobol sequence');
    expect(text.stdout).toContain('declaration.verification triangular on [0, 1] peaking at 0.2');
  });
  it('refuses bad samplers and distributions with exit 2', async () => {
    for (const bad of [
      ['--sampler', 'halton'],
      ['--dist', 'world.lambda=normal:1:1'],
      ['--dist', 'world.raceIntensity=normal:0.5:0'],
      ['--dist', 'world.raceIntensity=triangular:2'],
      ['--dist', 'world.raceIntensity=beta:1:1'],
    ]) {
      const r = await cli([...base, ...bad]);
      expect(r.status, bad.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
