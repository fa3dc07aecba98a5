/** What the Sobol report tells a reader: warnings for small N and a flat output, small numbers, indices outside [0, 1]. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outsideUnit, sobolIndices, sobolWarnings } from '../../src/sweep/sobol.js';
import { cli, ROOT } from '../cli/run-cli.js';

const STAG = path.join(ROOT, 'scenarios', 'examples', 'stag-hunt.yaml');
const box = [0, 1, 2].map(() => ({ lo: -Math.PI, hi: Math.PI }));
const ishigami = (x: Float64Array): number =>
  Math.sin(x[0]) + 7 * Math.sin(x[1]) ** 2 + 0.1 * x[2] ** 4 * Math.sin(x[0]);

describe('sobolWarnings', () => {
  it('warns of a small N, and not of a large one with settled intervals', () => {
    const small = sobolIndices(ishigami, { n: 20, bounds: box, seed: 1, bootstrap: 50 });
    expect(sobolWarnings(small, 20).join('\n')).toContain('N = 20 is small');
    const large = sobolIndices(ishigami, { n: 5000, bounds: box, seed: 1, bootstrap: 50 });
    expect(sobolWarnings(large, 5000)).toEqual([]);
  });

  it('warns of an output that barely varies, and calls solver-tolerance spreads noise', () => {
    const flat = sobolIndices((x) => 0.5 + 1e-12 * x[0], { n: 600, bounds: box, seed: 1, bootstrap: 20 });
    const [warning] = sobolWarnings(flat, 600);
    expect(warning).toContain('barely varies');
    expect(warning).toContain('numerical noise');
    const small = sobolIndices((x) => 0.5 + 1e-5 * x[0], { n: 600, bounds: box, seed: 1, bootstrap: 20 });
    expect(sobolWarnings(small, 600)[0]).toMatch(/barely varies.*may not matter/);
  });

  it('marks only estimates outside [0, 1]', () => {
    expect([-0.01, 0, 0.5, 1, 1.03].map(outsideUnit)).toEqual([true, false, false, false, true]);
  });
});

describe('signatory sensitivity --method sobol report', () => {
  it('prints warnings, small numbers in scientific notation, never 0.000 or -0.000, and explains starred indices', async () => {
    const r = await cli([
      'sensitivity',
      STAG,
      '--vary',
      'declaration.verification=0:1',
      '--vary',
      'world.raceShock=0:1',
      '--n',
      '5',
      '--output',
      'BLU.p',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("warning: N = 5 is small for stable Sobol' indices");
    expect(r.stdout).not.toMatch(/(^|[^\d.])-?0\.000(?!\d)/m);
    expect(r.stdout).toMatch(/variance of BLU\.p: (\d\.\d+e-\d+|\d+\.\d{3})$/m);
    const starred = /\d\*/.test(r.stdout);
    expect(r.stdout.includes('* outside [0, 1]')).toBe(starred);
    const json = await cli([
      'sensitivity',
      STAG,
      '--vary',
      'declaration.verification=0:1',
      '--n',
      '5',
      '--output',
      'BLU.p',
      '--json',
    ]);
    const out = JSON.parse(json.stdout);
    expect(out.warnings[0]).toContain('N = 5 is small');
    expect(typeof out.mean).toBe('number');
  });
});
