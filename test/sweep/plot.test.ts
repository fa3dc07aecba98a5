/** Plots people can read: round ticks, design-range axes, --bins, --scatter, steps, empty cells, legends, options. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_CELL, SHADES } from '../../src/sweep/chart-text.js';
import { dateTicks, roundAxis, tickStep, ticks } from '../../src/sweep/ticks.js';
import { cli as runCli, ROOT } from '../cli/run-cli.js';

const CROWD = path.join(ROOT, 'scenarios', 'examples', 'threshold-crowd.yaml');
const dir = mkdtempSync(path.join(os.tmpdir(), 'signatory-plot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (...args: string[]) => runCli(args, { cwd: dir });

/** The lines of a text chart's plot area (between the value labels and the frame). */
const bodyRows = (text: string): string[] => text.split('\n').filter((l) => /[│┤]/.test(l) && !l.includes('└'));

describe('ticks', () => {
  it('sit at round numbers inside the span', () => {
    expect(ticks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(ticks(0.01266, 0.9871)).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(ticks(33.71, 40.2, 4, true)).toEqual([34, 36, 38, 40]);
    expect(roundAxis(33.71, 40.2, 4, true)).toEqual({ lo: 32, hi: 42, ticks: [32, 34, 36, 38, 40, 42] });
    expect(roundAxis(3, 3, 4, true).ticks.every(Number.isInteger)).toBe(true);
  });

  it('of a date axis fall on the first of a year or a month', () => {
    const day = (d: string): number => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
    const text = (d: number): string => new Date(d * 86_400_000).toISOString().slice(0, 10);
    expect(dateTicks(day('2022-06-01'), day('2026-02-05')).map(text)).toEqual([
      '2023-01-01',
      '2024-01-01',
      '2025-01-01',
      '2026-01-01',
    ]);
    expect(dateTicks(day('2025-02-10'), day('2025-08-20')).map(text)).toEqual([
      '2025-03-01',
      '2025-05-01',
      '2025-07-01',
    ]);
  });

  it('are evenly spaced multiples of 1, 2, 2.5 or 5 × 10^k, within the span (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        fc.integer({ min: 2, max: 10 }),
        (lo, span, count) => {
          const hi = lo + span;
          const t = ticks(lo, hi, count);
          const step = tickStep(lo, hi, count);
          const mantissa = step / 10 ** Math.floor(Math.log10(step));
          expect([1, 2, 2.5, 5, 10].some((m) => Math.abs(mantissa - m) < 1e-9)).toBe(true);
          // Within the span, up to the precision of doubles at the span's magnitude.
          const tolerance = span * 1e-9 + Math.abs(lo) * 1e-12;
          for (const v of t) {
            expect(v).toBeGreaterThanOrEqual(lo - tolerance);
            expect(v).toBeLessThanOrEqual(hi + tolerance);
            expect(Math.abs(v / step - Math.round(v / step))).toBeLessThan(1e-6 + 1e-9 * Math.abs(v / step));
          }
          expect(t.length).toBeLessThanOrEqual(2 * count + 1);
        },
      ),
    );
  });
});

describe('signatory plot', () => {
  beforeAll(async () => {
    const lhs = await cli(
      'sweep',
      CROWD,
      '--lhs',
      '200',
      '--vary',
      'weights.momentum=0.5:1.5',
      '--vary',
      'declaration.verification=0:1',
      '--solver',
      'nash',
      '--out',
      'lhs.csv',
      '--workers',
      '1',
    );
    expect(lhs.status, lhs.stderr).toBe(0);
    const grid = await cli(
      'sweep',
      CROWD,
      '--vary',
      'weights.momentum=0.5:1.5:11',
      '--out',
      'grid.csv',
      '--workers',
      '1',
    );
    expect(grid.status, grid.stderr).toBe(0);
  });

  it('draws the axes over the design range from the receipt, with round ticks', async () => {
    const r = await cli('plot', 'lhs.csv', '--x', 'weights.momentum');
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const labels = lines[lines.length - 1].trim().split(/\s+/);
    // The design range 0.5:1.5, not the extremes of 200 hypercube points, ticked at round numbers.
    expect(labels).toEqual(['0.6', '0.8', '1', '1.2', '1.4']);
    const axisLine = lines[lines.length - 2];
    expect(axisLine.match(/┬/g)).toHaveLength(5);
    // Without its receipt the same file spans its data.
    writeFileSync(path.join(dir, 'bare.csv'), readFileSync(path.join(dir, 'lhs.csv')));
    const bare = await cli('plot', 'bare.csv', '--x', 'declaration.verification', '--z', 'least');
    expect(bare.status, bare.stderr).toBe(0);
  });

  it('--bins sets the bins of a continuous axis', async () => {
    const base = ['plot', 'lhs.csv', '--x', 'weights.momentum', '--y', 'declaration.verification'];
    const coarse = await cli(...base, '--bins', '8');
    expect(coarse.status, coarse.stderr).toBe(0);
    expect(bodyRows(coarse.stdout)).toHaveLength(8);
    const fine = await cli(...base);
    expect(bodyRows(fine.stdout)).toHaveLength(40);
    const bad = await cli(...base, '--bins', '1');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--bins');
  });

  it('--scatter draws every row: text and SVG', async () => {
    const line = await cli('plot', 'lhs.csv', '--x', 'weights.momentum', '--scatter', '--svg', 'scatter.svg');
    expect(line.status, line.stderr).toBe(0);
    expect(line.stdout).toContain('every row (200 rows)');
    expect(readFileSync(path.join(dir, 'scatter.svg'), 'utf8').match(/<circle /g)).toHaveLength(200);
    const map = await cli(
      'plot',
      'lhs.csv',
      '--x',
      'weights.momentum',
      '--y',
      'declaration.verification',
      '--scatter',
      '--svg',
      'map.svg',
    );
    expect(map.status, map.stderr).toBe(0);
    expect(map.stdout).toContain('at every row (200 rows');
    expect(readFileSync(path.join(dir, 'map.svg'), 'utf8').match(/<circle /g)).toHaveLength(200);
  });

  it('draws a tally as steps on an integer axis, a probability as a line', async () => {
    const tally = await cli('plot', 'grid.csv', '--x', 'weights.momentum', '--z', 'least', '--svg', 'tally.svg');
    expect(tally.status, tally.stderr).toBe(0);
    expect(tally.stdout).toContain('(whole values: steps)');
    const valueLabels = bodyRows(tally.stdout)
      .map((l) => l.split(/[│┤]/)[0].trim())
      .filter((s) => s !== '');
    expect(valueLabels.length).toBeGreaterThan(1);
    for (const v of valueLabels) expect(Number.isInteger(Number(v))).toBe(true);
    const svg = readFileSync(path.join(dir, 'tally.svg'), 'utf8');
    expect(svg).toMatch(/<path fill="none"[^>]* d="M[\d.]+,[\d.]+ H/);
    expect(svg).not.toContain('<polyline');
    const qre = await cli('plot', 'grid.csv', '--x', 'weights.momentum', '--z', 'qre_mean', '--svg', 'qre.svg');
    expect(qre.stdout).not.toContain('steps');
    expect(readFileSync(path.join(dir, 'qre.svg'), 'utf8')).toContain('<polyline');
  });

  it('shows an empty cell unlike the lowest shade, and a legend of the shades drawn', async () => {
    // A 3 × 3 grid with one cell missing and the lowest value at (0, 0).
    const rows = ['index,point,replication,a,b,seed,qre_mean'];
    let k = 0;
    for (const a of [0, 0.5, 1])
      for (const b of [0, 0.5, 1]) {
        if (a === 1 && b === 1) continue;
        rows.push(`${k},${k},0,${a},${b},1,${a + b}`);
        k++;
      }
    writeFileSync(path.join(dir, 'holes.csv'), rows.join('\n') + '\n');
    const r = await cli('plot', 'holes.csv', '--x', 'a', '--y', 'b', '--z', 'qre_mean', '--svg', 'holes.svg');
    expect(r.status, r.stderr).toBe(0);
    const body = bodyRows(r.stdout).map((l) => l.slice(l.search(/[│┤]/) + 1, l.lastIndexOf('│')));
    expect(body).toHaveLength(3);
    // Top row (b = 1): a = 0, 0.5 filled, a = 1 empty.
    expect(body[0].slice(4, 6)).toBe(EMPTY_CELL.repeat(2));
    // Bottom-left cell is the lowest value: the lowest shade, not a blank.
    expect(body[2].slice(0, 2)).toBe(SHADES[0].repeat(2));
    expect(SHADES).not.toContain(EMPTY_CELL);
    const legend = r.stdout.trim().split('\n').at(-1)!;
    for (const glyph of new Set(body.join('').replace(/ /g, ''))) expect(legend).toContain(`${glyph} `);
    expect(legend).toMatch(/^ {2}· 0–0\.3 {2}░ 0\.3–0\.6 .* █ 1\.2–1\.5 {2}\(blank: no rows\)$/);
    const svg = readFileSync(path.join(dir, 'holes.svg'), 'utf8');
    expect(svg).toContain('no rows');
  });

  it('refuses an --svg name that is not .svg and --no-text without --svg, writing nothing', async () => {
    const png = await cli('plot', 'grid.csv', '--x', 'weights.momentum', '--svg', 'chart.png');
    expect(png.status).toBe(2);
    expect(png.stderr).toContain('--svg chart.png');
    expect(png.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(path.join(dir, 'chart.png'))).toBe(false);
    const quiet = await cli('plot', 'grid.csv', '--x', 'weights.momentum', '--no-text');
    expect(quiet.status).toBe(2);
    expect(quiet.stderr).toContain('--no-text');
    expect(quiet.stdout).toBe('');
    const both = await cli('plot', 'grid.csv', '--x', 'weights.momentum', '--no-text', '--svg', 'only.svg');
    expect(both.status, both.stderr).toBe(0);
    expect(both.stdout).toBe('');
    expect(existsSync(path.join(dir, 'only.svg'))).toBe(true);
  });
});
