/** `sweep --vary date=LO:HI:STEPS`: the world moved to each date, as `run --set date=` has it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/analysis/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { dateOfDay, dayNumber } from '../../src/scenario/dated.js';
import { parseVary } from '../../src/sweep/vary-spec.js';
import { cli, ROOT } from '../cli/run-cli.js';

const DATED = 'test/fixtures/scenarios/dated/base.yaml';

describe('a sweep over dates', () => {
  it('reads the date range as whole days and writes dates back', () => {
    expect(parseVary('date=2023-01-01:2023-01-11:3', true)).toEqual({
      path: 'date',
      lo: dayNumber('2023-01-01'),
      hi: dayNumber('2023-01-11'),
      steps: 3,
    });
    expect(dateOfDay(dayNumber('2024-02-29'))).toBe('2024-02-29');
    expect(dateOfDay(dayNumber('2024-02-29') + 0.4)).toBe('2024-02-29');
    expect(() => parseVary('date=2023-13-01:2024-01-01:3', true)).toThrow(/must be dates YYYY-MM-DD/);
  });

  it('gives at each date the tallies `run --set date=` gives, the same bytes on 1 and 2 workers', async () => {
    const args = [
      'sweep',
      DATED,
      '--vary',
      'date=2022-06-01:2026-02-05:9',
      '--vary',
      'declaration.verification=0:1:2',
      '--track',
      'AAA',
      '--format',
      'csv',
    ];
    const one = await cli([...args, '--workers', '1']);
    const two = await cli([...args, '--workers', '2']);
    expect(one.stderr).not.toMatch(/error/i);
    expect(one.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const [header, ...rows] = one.stdout.trim().split('\n');
    const cols = header.split(',');
    expect(rows).toHaveLength(18);
    const seen = new Set<string>();
    for (const line of rows) {
      const cell = Object.fromEntries(line.split(',').map((v, k) => [cols[k], v]));
      seen.add(cell.date);
      const run = runScenario(
        loadScenario(`${ROOT}/${DATED}`, {
          overrides: [`date=${cell.date}`, `declaration.verification=${cell['declaration.verification']}`],
        }),
      );
      expect([Number(cell.least), Number(cell.greatest)]).toEqual([
        run.equilibria.least.signed,
        run.equilibria.greatest.signed,
      ]);
      expect(Number(cell['AAA.least'])).toBe(run.states.find((s) => s.id === 'AAA')!.signs ? 1 : 0);
    }
    expect(seen.size).toBe(9);
    // The fixture's AAA changes its mind within the range: the sweep sees both sides.
    expect(new Set(rows.map((r) => r.split(',')[cols.indexOf('AAA.least')])).size).toBe(2);
  });

  it('refuses a date outside the timeline in one line, exit 2', async () => {
    const r = await cli(['sweep', DATED, '--vary', 'date=2021-06-01:2026-02-05:5']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('2021-06-01');
  });

  it('plots against the date, the axis labelled with dates', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'signatory-date-plot-'));
    try {
      const out = path.join(dir, 'dates.csv');
      const sweep = await cli(['sweep', DATED, '--vary', 'date=2022-06-01:2026-02-05:9', '--out', out]);
      expect(sweep.status).toBe(0);
      const plot = await cli(['plot', out, '--x', 'date', '--z', 'least']);
      expect(plot.status).toBe(0);
      // Ticks at the first of January of each year in the range.
      expect(plot.stdout).toMatch(/2023-01-01 +2024-01-01 +2025-01-01 +2026-01-01/);
      // The tally falls from 3 to 1 within the range: both levels are drawn, as steps.
      expect(plot.stdout).toContain('(whole values: steps)');
      expect(plot.stdout).toMatch(/^3 ┤●/m);
      expect(plot.stdout).toMatch(/^1 ┤ *·*●/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses, as bad input, a varied path that does not exist at one of the dates', async () => {
    // Argentina has a patron from 2023-12-10 on; at 2023-01-01 there is no deference to set.
    const r = await cli([
      'sweep',
      'scenarios/dated/a-coruna-2026.yaml',
      '--vary',
      'date=2023-01-01:2025-01-01:3',
      '--vary',
      'states.ARG.patron.deference=0:1:2',
      '--workers',
      '1',
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('states.ARG.patron.deference cannot be set at 2023-01-01');
    expect(r.stderr).not.toContain('internal error');
  });
});
