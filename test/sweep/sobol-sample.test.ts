/** sensitivity --save-sample, sweep --design over it, sensitivity --analyse: the indices of a sample run elsewhere. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli as runCli, ROOT } from '../cli/run-cli.js';

const STAG = path.join(ROOT, 'scenarios', 'examples', 'stag-hunt.yaml');
const dir = mkdtempSync(path.join(os.tmpdir(), 'signatory-sample-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (...args: string[]) => runCli(args, { cwd: dir });
const BASE = [
  'sensitivity',
  STAG,
  '--vary',
  'declaration.verification=0:1',
  '--vary',
  'world.raceIntensity=0:1',
  '--n',
  '60',
];

describe('a Sobol sample saved, run as a sweep design and analysed', () => {
  it('gives the indices of the in-process run (to the rounding of the files)', async () => {
    const save = await cli(...BASE, '--second-order', '--save-sample', 'sample.csv');
    expect(save.status, save.stderr).toBe(0);
    const lines = readFileSync(path.join(dir, 'sample.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('declaration.verification,world.raceIntensity');
    expect(lines).toHaveLength(1 + 60 * (2 * 2 + 2));
    const sweep = await cli(
      'sweep',
      STAG,
      '--design',
      'sample.csv',
      '--track',
      'RED',
      '--out',
      'res.csv',
      '--workers',
      '2',
    );
    expect(sweep.status, sweep.stderr).toBe(0);
    const analysed = await cli(...BASE, '--second-order', '--analyse', 'res.csv', '--output', 'RED.p', '--json');
    expect(analysed.status, analysed.stderr).toBe(0);
    const direct = await cli(...BASE, '--second-order', '--output', 'RED.p', '--json');
    const [a, b] = [JSON.parse(analysed.stdout), JSON.parse(direct.stdout)];
    expect(a.evaluations).toBe(b.evaluations);
    a.inputs.forEach((input: { first: number; total: number }, i: number) => {
      expect(input.first).toBeCloseTo(b.inputs[i].first, 3);
      expect(input.total).toBeCloseTo(b.inputs[i].total, 3);
    });
    expect(a.second[0].index).toBeCloseTo(b.second[0].index, 3);
  });

  it('refuses results that do not match the sample, naming --analyse, exit 2', async () => {
    const smaller = await cli(...BASE.slice(0, -1), '30', '--analyse', 'res.csv', '--output', 'RED.p');
    expect(smaller.status).toBe(2);
    expect(smaller.stderr).toContain('--analyse res.csv: point 120 is beyond');
    const larger = await cli(
      ...BASE.slice(0, -1),
      '100',
      '--second-order',
      '--analyse',
      'res.csv',
      '--output',
      'RED.p',
    );
    expect(larger.status).toBe(2);
    expect(larger.stderr).toContain('has no value of RED.p');
    const untracked = await cli(...BASE, '--second-order', '--analyse', 'res.csv', '--output', 'BLU.p');
    expect(untracked.status).toBe(2);
    expect(untracked.stderr).toContain("no column 'BLU.p'");
    const morris = await cli(...BASE, '--method', 'morris', '--save-sample', 'm.csv');
    expect(morris.status).toBe(2);
    const again = await cli(...BASE, '--save-sample', 'sample.csv');
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('--save-sample sample.csv exists');
    const yaml = await cli(...BASE, '--save-sample', 'sample.yaml');
    expect(yaml.status).toBe(2);
  });
});
