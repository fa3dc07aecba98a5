/** seek toward abstaining ('GBR abstain'): the search in the reversed favourable order, checked against the full solve. */
import { describe, expect, it } from 'vitest';
import { parseTarget, seek, targetToText } from '../../src/analysis/seek.js';
import { runScenario } from '../../src/analysis/run.js';
import { InputError } from '../../src/errors/input-error.js';
import { withValues } from '../../src/scenario/paths.js';
import { cli } from '../cli/run-cli.js';
import { BASE, solved } from './helpers.js';

describe('parseTarget with abstain', () => {
  it('reads ID,… abstain and prints it back', () => {
    expect(parseTarget('GBR abstain')).toEqual({ mustSign: [], mustAbstain: ['GBR'] });
    expect(parseTarget(' GBR, FRA  abstains ')).toEqual({ mustSign: [], mustAbstain: ['GBR', 'FRA'] });
    expect(targetToText(parseTarget('GBR,FRA abstains'))).toBe('GBR,FRA abstain');
    expect(parseTarget('Trinidad and Tobago abstain')).toEqual({ mustSign: [], mustAbstain: ['Trinidad and Tobago'] });
  });
  it.each(['signed>=3 and GBR abstain', 'USA sign and GBR abstain', 'GBR abstain and GBR abstain', 'GBR,GBR abstain'])(
    'rejects %j',
    (t) => {
      expect(() => parseTarget(t)).toThrow(InputError);
    },
  );
});

describe('seek toward abstaining', () => {
  const scenario = solved(BASE).scenario;
  const signsAt = (values: Record<string, number>, id: string) =>
    runScenario(withValues(scenario, values)).states.find((s) => s.id === id)!.signs;

  it('finds a change after which the state abstains, each parameter moved as little as it can be', () => {
    expect(signsAt({}, 'GBR')).toBe(true);
    const r = seek(scenario, parseTarget('gbr abstain'));
    expect(r.target).toEqual({ mustSign: [], mustAbstain: ['GBR'] });
    expect(r.status).toBe('found');
    const moved = Object.fromEntries(r.changes.map((c) => [c.path, c.to]));
    expect(signsAt(moved, 'GBR')).toBe(false);
    expect(r.missing).toEqual([]);
    for (const c of r.changes) {
      const back = c.to - 0.01 * Math.sign(c.to - c.from);
      expect(signsAt({ ...moved, [c.path]: back }, 'GBR'), `${c.path} pulled back by 0.01`).toBe(true);
    }
    // Human control raises Δ: toward abstaining the search lowers it.
    const human = r.changes.find((c) => c.path === 'declaration.humanControl');
    if (human) expect(human.to).toBeLessThan(human.from);
    expect(r.lowerBound).toBeLessThanOrEqual(r.distance + 1e-12);
  });

  it('is met at once for a state that abstains already', () => {
    const r = seek(scenario, parseTarget('USA abstain'));
    expect(r.status).toBe('met');
    expect(r.changes).toEqual([]);
  });

  it('is what signatory seek --target "GBR abstain" prints', async () => {
    const out = await cli(['seek', BASE, '--target', 'GBR abstain', '--json']);
    expect(out.status, out.stderr).toBe(0);
    const json = JSON.parse(out.stdout) as { target: string; status: string; changes: unknown[] };
    const r = seek(scenario, parseTarget('GBR abstain'));
    expect(json.target).toBe('GBR abstain');
    expect(json.status).toBe('found');
    expect(json.changes).toEqual(r.changes);
    const bad = await cli(['seek', BASE, '--target', 'signed>=40 and GBR abstain']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("'ID,… abstain' cannot be combined");
  });
});
