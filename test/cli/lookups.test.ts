/**
 * Forgiving lookups: a state is named by its id in any case or by its
 * English name wherever a user names one, and an unknown command, option or
 * state gets the same "did you mean" (src/scenario/suggest.ts).
 */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTarget } from '../../src/analysis/seek.js';
import { findState, foldName, stateIndexOf } from '../../src/scenario/find-state.js';
import { cli, ROOT } from './run-cli.js';

const BASE = path.join(ROOT, 'scenarios', 'a-coruna-2026.yaml');
const VERIFICATION = path.join(ROOT, 'scenarios', 'what-if', 'verification.yaml');

const STATES = [
  { id: 'USA', name: 'United States' },
  { id: 'CHN', name: 'China' },
  { id: 'CIV', name: "Côte d'Ivoire" },
  { id: 'TTO', name: 'Trinidad and Tobago' },
  { id: 'GBR', name: 'United Kingdom' },
];

describe('findState', () => {
  it('finds a state by id in any case, or by English name', () => {
    expect(findState(STATES, 'USA')).toBe(0);
    expect(findState(STATES, 'usa')).toBe(0);
    expect(findState(STATES, 'United States')).toBe(0);
    expect(findState(STATES, '  united   STATES ')).toBe(0);
    expect(findState(STATES, "cote d'ivoire")).toBe(2);
    expect(findState(STATES, 'Côte d’Ivoire')).toBe(2);
    expect(findState(STATES, 'United')).toBe(-1);
    expect(findState(STATES, '')).toBe(-1);
  });

  it('prefers the exact id, and refuses a name two states share', () => {
    const twins = [
      { id: 'usa', name: 'A' },
      { id: 'USA', name: 'B' },
      { id: 'X', name: 'Same' },
      { id: 'Y', name: 'same' },
    ];
    expect(findState(twins, 'USA')).toBe(1);
    expect(findState(twins, 'usa')).toBe(0);
    expect(findState(twins, 'Usa')).toBe(-1);
    expect(() => stateIndexOf(twins, 'Usa')).toThrow("'Usa' names 2 states (usa, USA); give the id");
    expect(() => stateIndexOf(twins, 'SAME')).toThrow("'SAME' names 2 states (X, Y); give the id");
  });

  it('suggests from ids and names alike', () => {
    expect(() => stateIndexOf(STATES, 'Untied States')).toThrow(
      `unknown state 'Untied States' (did you mean "United States"?)`,
    );
    expect(() => stateIndexOf(STATES, 'CNH')).toThrow(`(did you mean "CHN"?)`);
    expect(() => stateIndexOf(STATES, 'Atlantis')).toThrow(
      /^unknown state 'Atlantis'; expected a state id or English name/,
    );
  });

  it('finds every state of the baseline by any casing of its id or name', async () => {
    const { loadScenario } = await import('../../src/scenario/load.js');
    const { states } = loadScenario(BASE);
    const recase = (s: string, flips: boolean[]) =>
      [...s].map((c, k) => (flips[k % flips.length] ? c.toUpperCase() : c.toLowerCase())).join('');
    fc.assert(
      fc.property(
        fc.nat(states.length - 1),
        fc.array(fc.boolean(), { minLength: 1 }),
        fc.boolean(),
        (i, flips, byName) => {
          const s = states[i];
          expect(findState(states, recase(byName ? s.name : s.id, flips))).toBe(i);
        },
      ),
    );
    // No two of its states share a folded id or name, so no lookup is ambiguous.
    expect(new Set(states.flatMap((s) => [foldName(s.id), foldName(s.name)])).size).toBe(states.length * 2);
  });
});

describe('seek targets name states by id or name', () => {
  it('reads names, with commas between states and "and" inside a name', () => {
    expect(parseTarget('usa sign').mustSign).toEqual(['usa']);
    expect(parseTarget('United States, China sign')).toEqual({ mustSign: ['United States', 'China'] });
    expect(parseTarget('signed>=43 and Trinidad and Tobago sign')).toEqual({
      minSigned: 43,
      mustSign: ['Trinidad and Tobago'],
    });
    expect(parseTarget('Trinidad and Tobago,USA sign and signed>=40')).toEqual({
      minSigned: 40,
      mustSign: ['Trinidad and Tobago', 'USA'],
    });
    expect(() => parseTarget('Trinidad and Tobago')).toThrow(/cannot read 'Trinidad and Tobago'/);
    expect(() => parseTarget('USA sign or CHN sign')).toThrow(/cannot read 'USA sign or CHN'/);
  });
});

describe('the CLI', () => {
  it('explains a state named in lower case or by its English name', async () => {
    const byId = await cli(['explain', BASE, 'USA', '--no-flips']);
    expect(byId.status).toBe(0);
    expect(byId.stdout).toMatch(/^USA — United States: abstains/);
    for (const name of ['usa', 'United States', 'united states']) {
      const r = await cli(['explain', BASE, name, '--no-flips']);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(byId.stdout);
    }
  });

  it('refuses an unknown state with a suggestion, exit 2', async () => {
    const r = await cli(['explain', BASE, 'Untied States']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^signatory: unknown state 'Untied States' \(did you mean "United States"\?\)/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('--fix takes an id in any case or a name', async () => {
    const upper = await cli(['run', BASE, '--fix', 'USA=sign']);
    expect(upper.stdout).toContain('Held fixed: USA=sign');
    for (const fix of ['usa=sign', 'United States=sign']) {
      const r = await cli(['run', BASE, '--fix', fix]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(upper.stdout);
    }
    const typo = await cli(['run', BASE, '--fix', 'Untied States=sign']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('did you mean "United States"?');
  });

  it('compare --state takes an id in any case or a name', async () => {
    const upper = await cli(['compare', BASE, VERIFICATION, '--state', 'CHN']);
    expect(upper.status).toBe(0);
    expect(upper.stdout).toContain('CHN');
    const lower = await cli(['compare', BASE, VERIFICATION, '--state', 'china']);
    expect(lower.stdout).toBe(upper.stdout);
    const typo = await cli(['compare', BASE, VERIFICATION, '--state', 'Chnia']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('--state: unknown state \'Chnia\' (did you mean "China"?)');
  });

  it("seek 'usa sign' is seek 'USA sign', and a state named twice is refused", async () => {
    const upper = await cli(['seek', BASE, '--target', 'USA sign']);
    expect(upper.status).toBe(0);
    expect(upper.stdout).toMatch(/^Seek: USA sign /);
    for (const target of ['usa sign', 'United States sign']) {
      const r = await cli(['seek', BASE, '--target', target]);
      expect(r.stdout).toBe(upper.stdout);
    }
    const spaced = await cli(['seek', BASE, '--target', 'USA CHN sign']);
    expect(spaced.status).toBe(2);
    expect(spaced.stderr).toContain("'USA CHN' is not one state; separate states with commas ('USA,CHN sign')");
    const twice = await cli(['seek', BASE, '--target', 'usa,United States sign']);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain('state USA is named twice');
  });

  it('subgame takes names, and refuses one state named twice', async () => {
    const upper = await cli(['subgame', BASE, 'USA', 'CHN']);
    const named = await cli(['subgame', BASE, 'United States', 'china']);
    expect(named.status).toBe(0);
    expect(named.stdout).toBe(upper.stdout);
    const same = await cli(['subgame', BASE, 'usa', 'USA']);
    expect(same.status).toBe(2);
    expect(same.stderr).toContain('got USA twice');
  });

  it('sweep --track names its columns by id', async () => {
    const r = await cli(['sweep', BASE, '--vary', 'declaration.verification=0:1:2', '--track', 'usa,China']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toContain(',USA.least,USA.greatest,USA.p,CHN.least,CHN.greatest,CHN.p');
  });

  it.each([
    [['rn'], `unknown command 'rn' (did you mean "run"?)`],
    [['seke', BASE], `unknown command 'seke' (did you mean "seek"?)`],
    [['run', BASE, '--round'], `Unknown option '--round' (did you mean "--rounds"?)`],
    [['run', BASE, '--jsno'], `Unknown option '--jsno' (did you mean "--json"?)`],
    [['compare', BASE, VERIFICATION, '--sate', 'USA'], `Unknown option '--sate' (did you mean "--state"?)`],
  ])('%j suggests the nearest name', async (argv, message) => {
    const r = await cli(argv);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('suggests nothing for a word far from every name', async () => {
    const r = await cli(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toContain('did you mean');
  });
});
