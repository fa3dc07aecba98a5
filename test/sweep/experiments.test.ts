/** The experiments table (recorded draws), `signatory summary` and `sweep --design FILE.csv`. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { quantile } from '../../src/sweep/summary.js';
import { cli as runCli, ROOT } from '../cli/run-cli.js';

const UNCERTAIN = path.join(ROOT, 'test', 'sweep', 'fixtures', 'uncertain-stag-hunt.yaml');
const dir = mkdtempSync(path.join(os.tmpdir(), 'signatory-experiments-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (...args: string[]) => runCli(args, { cwd: dir });
const read = (name: string): string => readFileSync(path.join(dir, name), 'utf8');
const table = (text: string): string[][] =>
  text
    .trim()
    .split('\n')
    .map((l) => l.split(','));

const MC = ['sweep', UNCERTAIN, '--vary', 'world.raceShock=0:1:3', '--replications', '5', '--track', 'RED'];
const DRAWN = ['declaration.verification', 'world.raceIntensity'];

describe('the experiments table', () => {
  it('records each drawn uncertain value as a column, by default with --replications', async () => {
    const r = await cli(...MC, '--out', 'mc.csv', '--workers', '1');
    expect(r.status, r.stderr).toBe(0);
    const [header, ...rows] = table(read('mc.csv'));
    expect(header.slice(0, 7)).toEqual(['index', 'point', 'replication', 'world.raceShock', ...DRAWN, 'seed']);
    expect(rows).toHaveLength(15);
    // Drawn per replication: the values differ across a point's rows and stay within bounds.
    const verification = rows.map((row) => Number(row[4]));
    expect(new Set(verification).size).toBe(15);
    for (const v of verification) expect(v).toBeGreaterThanOrEqual(0);
    const meta = JSON.parse(read('mc.csv.meta.json'));
    expect(meta.plan.recorded).toEqual(DRAWN);
    expect(meta.columns).toEqual(header);
  });

  it('is the same with 2 workers and as 2 shards merged; --no-record-draws leaves only those columns out', async () => {
    const two = await cli(...MC, '--out', 'mc2.csv', '--workers', '2');
    expect(two.status, two.stderr).toBe(0);
    expect(read('mc2.csv')).toBe(read('mc.csv'));
    for (const k of [1, 2]) {
      const part = await cli(...MC, '--out', `part${k}.csv`, '--shard', `${k}/2`, '--workers', '1');
      expect(part.status, part.stderr).toBe(0);
    }
    const merged = await cli('merge', 'part1.csv', 'part2.csv', '--out', 'merged.csv');
    expect(merged.status, merged.stderr).toBe(0);
    expect(read('merged.csv')).toBe(read('mc.csv'));
    const off = await cli(...MC, '--no-record-draws', '--workers', '1');
    expect(off.status, off.stderr).toBe(0);
    const without = table(read('mc.csv')).map((row) => [...row.slice(0, 4), ...row.slice(6)].join(','));
    expect(off.stdout.trim()).toBe(without.join('\n'));
  });

  it('records the values the row was solved at', async () => {
    const [header, ...rows] = table(read('mc.csv'));
    for (const row of rows.slice(0, 3)) {
      const at = await cli(
        'sweep',
        UNCERTAIN,
        '--vary',
        `world.raceShock=${row[3]}:${row[3]}:1`,
        '--set',
        `declaration.verification=${row[4]}`,
        '--set',
        `world.raceIntensity=${row[5]}`,
        '--track',
        'RED',
        '--workers',
        '1',
      );
      expect(at.status, at.stderr).toBe(0);
      const [h, solved] = table(at.stdout);
      for (const outcome of ['qre_mean', 'RED.p'])
        expect(Number(solved[h.indexOf(outcome)])).toBeCloseTo(Number(row[header.indexOf(outcome)]), 5);
      for (const outcome of ['least', 'greatest'])
        expect(solved[h.indexOf(outcome)]).toBe(row[header.indexOf(outcome)]);
    }
  });

  it('refuses --record-draws with nothing to draw', async () => {
    const r = await cli('sweep', UNCERTAIN, '--vary', 'world.raceShock=0:1:2', '--record-draws');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--record-draws needs --replications');
  });
});

describe('signatory summary', () => {
  it('gives count, mean, sd, quantiles and a histogram per design point', async () => {
    const [header, ...rows] = table(read('mc.csv'));
    const r = await cli('summary', 'mc.csv', '--by', 'design', '--json');
    expect(r.status, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.rows).toBe(15);
    expect(s.outcomes).toEqual(['least', 'greatest', 'qre_mean', 'p_majority', 'RED.least', 'RED.greatest', 'RED.p']);
    expect(s.groups).toHaveLength(3);
    for (const g of s.groups) {
      expect(g.inputs['world.raceShock']).toBe([0, 0.5, 1][g.point]);
      for (const outcome of ['qre_mean', 'least']) {
        const xs = rows.filter((row) => Number(row[1]) === g.point).map((row) => Number(row[header.indexOf(outcome)]));
        const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
        const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
        const o = g.outcomes[outcome];
        expect(o.n).toBe(5);
        expect(o.mean).toBeCloseTo(mean, 9);
        expect(o.sd).toBeCloseTo(sd, 9);
        const sorted = [...xs].sort((a, b) => a - b);
        // Type 7 on five values: the 25 % quantile is the second smallest, the median the third, 95 % at 3.8.
        expect(o.quantiles['25']).toBeCloseTo(sorted[1], 9);
        expect(o.quantiles['50']).toBeCloseTo(sorted[2], 9);
        expect(o.quantiles['95']).toBeCloseTo(sorted[3] + 0.8 * (sorted[4] - sorted[3]), 9);
        expect(o.histogram.reduce((a: number, b: number) => a + b, 0)).toBe(5);
      }
    }
    expect(s.histograms.least.wholeValues).toBe(true);
  });

  it('prints text and CSV, over all rows or by design, and takes the outcome vocabulary', async () => {
    const text = await cli('summary', 'mc.csv', '--by', 'design');
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('Summary of mc.csv: 15 rows, 3 design points');
    expect(text.stdout).toContain('point 2: world.raceShock = 1');
    expect(text.stdout).toMatch(/^ {2}qre_mean +5 .*│[ ▁▂▃▄▅▆▇█]{10}│$/m);
    const csv = await cli('summary', 'mc.csv', '--csv', '--outcomes', 'qre,RED.p');
    expect(csv.status, csv.stderr).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('outcome,n,mean,sd,min,q05,q25,q50,q75,q95,max');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['qre_mean,15', 'RED.p,15']);
  });

  it('refuses a file without outcomes and an unknown outcome, exit 2, one line', async () => {
    writeFileSync(path.join(dir, 'points.csv'), 'declaration.verification\n0.5\n');
    for (const args of [
      ['points.csv'],
      ['mc.csv', '--outcomes', 'tally'],
      ['mc.csv', '--outcomes', 'BLU.p'],
      ['mc.csv', '--by', 'state'],
    ]) {
      const r = await cli('summary', ...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('quantile follows R type 7', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10], 0.95)).toBe(10);
    expect(quantile([0, 10], 0.05)).toBeCloseTo(0.5, 12);
  });
});

describe('sweep --design FILE.csv', () => {
  it('runs the points of a file: the same bytes as the grid with those points', async () => {
    const grid = await cli(
      'sweep',
      UNCERTAIN,
      '--vary',
      'declaration.enforcement=0:1:3',
      '--vary',
      'world.raceShock=0:1:2',
      '--replications',
      '2',
      '--workers',
      '1',
    );
    expect(grid.status, grid.stderr).toBe(0);
    writeFileSync(
      path.join(dir, 'design.csv'),
      'declaration.enforcement,world.raceShock\n0,0\n0,1\n0.5,0\n0.5,1\n1,0\n1,1\n',
    );
    const file = await cli('sweep', UNCERTAIN, '--design', 'design.csv', '--replications', '2', '--workers', '1');
    expect(file.status, file.stderr).toBe(0);
    expect(file.stdout).toBe(grid.stdout);
  });

  it('refuses a bad cell, a bad path and a mix with --vary in one line, exit 2', async () => {
    writeFileSync(path.join(dir, 'cell.csv'), 'declaration.enforcement\n0.5\nhigh\n');
    writeFileSync(path.join(dir, 'path.csv'), 'declaration.enforcment\n0.5\n');
    const cases = [
      [['--design', 'cell.csv'], "line 3, column declaration.enforcement: expected a number, got 'high'"],
      [['--design', 'path.csv'], 'declaration.enforcment'],
      [['--design', 'cell.csv', '--vary', 'world.raceShock=0:1:2'], 'not with --vary'],
    ] as const;
    for (const [args, message] of cases) {
      const r = await cli('sweep', UNCERTAIN, ...args);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
