/** `compare --state` and `--base-date`: one state's change of Δ term by term, between two dates of one scenario. */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/analysis/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { cli, ROOT } from './run-cli.js';

const DATED = 'test/fixtures/scenarios/dated/base.yaml';

describe('signatory compare between two dates', () => {
  it('decomposes a named state’s change term by term, the terms adding up to the change of Δ', async () => {
    const r = await cli([
      'compare',
      DATED,
      DATED,
      '--base-date',
      '2022-06-01',
      '--state',
      'AAA',
      '--state',
      'CCC',
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.states.map((s: { id: string }) => s.id)).toEqual(['AAA', 'CCC']);
    for (const st of j.states) {
      const sum = st.terms.reduce((acc: number, t: { change: number }) => acc + t.change, 0);
      expect(sum).toBeCloseTo(st.deltaOther - st.deltaBase, 9);
    }
    // The same numbers as running the scenario at each date.
    const early = runScenario(loadScenario(`${ROOT}/${DATED}`, { overrides: ['date=2022-06-01'] }));
    const late = runScenario(loadScenario(`${ROOT}/${DATED}`));
    const aaa = (run: typeof early) => run.states.find((s) => s.id === 'AAA')!;
    expect(j.states[0].deltaBase).toBeCloseTo(aaa(early).delta, 9);
    expect(j.states[0].deltaOther).toBeCloseTo(aaa(late).delta, 9);
    expect(j.states[0].signsBase).toBe(aaa(early).signs);
  });

  it('prints the decomposition in the plain report', async () => {
    const r = await cli(['compare', DATED, DATED, '--base-date', '2022-06-01', '--state', 'AAA']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^AAA — Aland: .* term by term:$/m);
    expect(r.stdout).toContain('baseline (intercept + own bias)');
  });

  it('refuses a state missing from a scenario, and a date outside the coverage, with exit 2', async () => {
    const missing = await cli(['compare', DATED, DATED, '--state', 'ZZZ']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("unknown state 'ZZZ'");
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const early = await cli(['compare', DATED, DATED, '--base-date', '1999-01-01']);
    expect(early.status).toBe(2);
    expect(early.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('run names the date it evaluates, and says when a scenario has no dated values', async () => {
    const dated = await cli(['run', DATED, '--set', 'date=2023-06-01', '--json']);
    expect(JSON.parse(dated.stdout).date).toBe('2023-06-01');
    expect((await cli(['run', DATED, '--set', 'date=2023-06-01'])).stdout).toMatch(/^At 2023-06-01$/m);
    const undated = await cli(['run', 'scenarios/a-coruna-2026.yaml', '--set', 'date=2024-12-02']);
    expect(undated.stdout).toContain('At 2024-12-02 (the scenario has no dated values: the same world at every date)');
  });
});
