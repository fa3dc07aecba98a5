/** `signatory sensitivity` and `signatory plot` through the CLI. */
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli as runCli, ROOT } from '../cli/run-cli.js';

const CROWD = path.join(ROOT, 'scenarios', 'examples', 'threshold-crowd.yaml');
const STAG = path.join(ROOT, 'scenarios', 'examples', 'stag-hunt.yaml');
const dir = mkdtempSync(path.join(os.tmpdir(), 'signatory-analysis-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in this process, in the test's folder. */
const cli = (...args: string[]) => runCli(args, { cwd: dir });

describe('signatory sensitivity', () => {
  it('finds an input that does nothing (Sobol, JSON)', async () => {
    // The crowd has no rivals, so verification (which only relieves rivals' restraint) cannot matter.
    const r = await cli(
      'sensitivity',
      CROWD,
      '--vary',
      'weights.momentum=0.5:1.5',
      '--vary',
      'declaration.verification=0:1',
      '--n',
      '300',
      '--bootstrap',
      '50',
      '--json',
    );
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.evaluations).toBe(300 * 4);
    const [momentum, verification] = out.inputs;
    expect(momentum.total).toBeGreaterThan(0.7);
    expect(verification.total).toBe(0);
    expect(verification.first).toBe(0);
  });

  it('screens with Morris and reports a state probability', async () => {
    const r = await cli(
      'sensitivity',
      STAG,
      '--vary',
      'declaration.verification=0:1',
      '--vary',
      'world.raceShock=0:1',
      '--method',
      'morris',
      '--n',
      '20',
      '--output',
      'p:RED',
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('declaration.verification');
    expect(r.stdout).toMatch(/μ\*/);
  });

  it('refuses a bad output or path in one line', async () => {
    const bad = await cli('sensitivity', STAG, '--vary', 'declaration.verification=0:1', '--output', 'tally');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--output 'tally'");
    const path = await cli('sensitivity', STAG, '--vary', 'states.RED.capabilty=0:1');
    expect(path.status).toBe(2);
    expect(path.stderr).toContain('states.RED.capabilty');
    expect(path.stderr.trim().split('\n')).toHaveLength(1);
    // A custom term linear at the scenario's values, not at others the sample visits.
    const nonlinear = await cli(
      'sensitivity',
      `${ROOT}/test/sweep/fixtures/nonlinear-when-swept.yaml`,
      '--vary',
      'declaration.verification=0:1',
      '--n',
      '10',
    );
    expect(nonlinear.status).toBe(2);
    expect(nonlinear.stderr).toContain('is not linear');
    expect(nonlinear.stderr).not.toContain('internal error');
    expect(nonlinear.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('signatory plot', () => {
  it('draws a heatmap and a line chart of a sweep, and writes SVG', async () => {
    const sweep = await cli(
      'sweep',
      STAG,
      '--vary',
      'declaration.verification=0:1:6',
      '--vary',
      'world.raceIntensity=0:1:5',
      '--out',
      'grid.csv',
      '--workers',
      '1',
    );
    expect(sweep.status, sweep.stderr).toBe(0);
    const heat = await cli(
      'plot',
      'grid.csv',
      '--x',
      'declaration.verification',
      '--y',
      'world.raceIntensity',
      '--z',
      'qre_mean',
      '--svg',
      'grid.svg',
    );
    expect(heat.status, heat.stderr).toBe(0);
    expect(heat.stdout).toContain('declaration.verification across, world.raceIntensity up');
    expect(heat.stdout.split('\n').filter((l) => l.includes('│'))).toHaveLength(5);
    const svg = readFileSync(path.join(dir, 'grid.svg'), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<rect x=/g)?.length).toBeGreaterThanOrEqual(30);
    const line = await cli('plot', 'grid.csv', '--x', 'world.raceIntensity');
    expect(line.status, line.stderr).toBe(0);
    expect(line.stdout).toContain('least (mean over 30 rows) against world.raceIntensity');
    const bad = await cli('plot', 'grid.csv', '--x', 'declaration.enforcement', '--svg', 'bad.svg');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("no column 'declaration.enforcement'");
    expect(existsSync(path.join(dir, 'bad.svg'))).toBe(false);
  });

  it('refuses a torn results file, a folder and a missing --svg folder in one line, exit 2', async () => {
    const sweep = await cli(
      'sweep',
      STAG,
      '--vary',
      'declaration.verification=0:1:3',
      '--out',
      'torn.jsonl',
      '--workers',
      '1',
    );
    expect(sweep.status, sweep.stderr).toBe(0);
    appendFileSync(path.join(dir, 'torn.jsonl'), '{"index":3,"po');
    const bad = [
      [['torn.jsonl', '--x', 'declaration.verification'], 'line 4 is not a JSON row'],
      [['.', '--x', 'declaration.verification'], 'not a file'],
      [['torn.jsonl', '--x', 'declaration.verification', '--svg', 'nowhere/chart.svg'], 'folder'],
    ] as const;
    for (const [args, message] of bad) {
      const r = await cli('plot', ...args);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
