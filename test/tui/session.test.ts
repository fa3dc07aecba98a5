/** The pure parts behind the explorer: the what-if session, bloc tallies, stepwise flip thresholds, theme. */
import { describe, expect, it } from 'vitest';
import { blocBreakdown, NO_BLOC } from '../../src/analysis/blocs.js';
import { parameterFlips } from '../../src/analysis/parameter-flip.js';
import { EXPLAINED_PARAMETER_COUNT, parameterFlip } from '../../src/analysis/parameter-flip.js';
import { runScenario } from '../../src/analysis/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { SLIDERS, stepValue } from '../../src/tui/parameters.js';
import { applyEdit, isChanged, openSession } from '../../src/tui/session.js';
import { sortStates } from '../../src/tui/state-order.js';
import { themeFor } from '../../src/tui/theme.js';
import { TWENTY } from './helpers.js';

const twenty = loadScenario(TWENTY);

describe('a what-if session', () => {
  it('opens on the core’s answer for the loaded scenario', () => {
    const s = openSession(twenty);
    expect(s.run.equilibria.least.signed).toBe(runScenario(twenty).equilibria.least.signed);
    expect(s.flipped.size).toBe(0);
    expect(isChanged(s)).toBe(false);
    expect(s.subgame?.ids).toEqual(['USA', 'CHN']);
  });

  it('records only changed values, solves at them, and lists who flipped', () => {
    let s = openSession(twenty);
    s = applyEdit(s, { kind: 'set', path: 'declaration.humanControl', value: 1 });
    s = applyEdit(s, { kind: 'step', path: 'world.raceIntensity', delta: -0.3 });
    expect(s.values).toEqual({ 'declaration.humanControl': 1, 'world.raceIntensity': 0.3 });
    const direct = runScenario({
      ...twenty,
      declaration: { ...twenty.declaration, humanControl: 1 },
      world: { ...twenty.world, raceIntensity: 0.3 },
    });
    expect(s.run.equilibria.least.signed).toBe(direct.equilibria.least.signed);
    const back = applyEdit(s, { kind: 'resetAll' });
    expect(back.values).toEqual({});
    expect(back.run.equilibria.least.signed).toBe(runScenario(twenty).equilibria.least.signed);
    // Flips are the difference between the two last solutions.
    for (const [id, signs] of back.flipped) {
      expect(back.run.states.find((x) => x.id === id)!.signs).toBe(signs);
      expect(s.run.states.find((x) => x.id === id)!.signs).toBe(!signs);
    }
  });

  it('a value set back to the loaded one is no longer a change', () => {
    let s = openSession(twenty);
    s = applyEdit(s, { kind: 'step', path: 'declaration.verification', delta: 0.1 });
    s = applyEdit(s, { kind: 'step', path: 'declaration.verification', delta: -0.1 });
    expect(s.values).toEqual({});
  });

  it('fixes cycle free → sign → abstain → free and hold the state there', () => {
    let s = openSession(twenty);
    s = applyEdit(s, { kind: 'cycleFix', id: 'USA' });
    expect(s.scenario.fixed.USA).toBe('sign');
    expect(s.run.states.find((x) => x.id === 'USA')!.signs).toBe(true);
    s = applyEdit(s, { kind: 'cycleFix', id: 'USA' });
    expect(s.run.states.find((x) => x.id === 'USA')!.signs).toBe(false);
    s = applyEdit(s, { kind: 'cycleFix', id: 'USA' });
    expect(s.fixes).toEqual({});
    expect(s.scenario.fixed.USA).toBeUndefined();
  });

  it('slider steps stay in bounds and never show float noise', () => {
    const v = SLIDERS.find((x) => x.path === 'declaration.verification')!;
    expect(stepValue(v, 0.2, 0.1)).toBe(0.3);
    expect(stepValue(v, 0.95, 0.1)).toBe(1);
    expect(stepValue(v, 0.05, -0.1)).toBe(0);
    const lambda = SLIDERS.find((x) => x.path === 'world.lambda')!;
    expect(stepValue(lambda, 0.5, -1)).toBe(0);
    expect(SLIDERS.map((x) => x.path)).toContain('world.raceShock');
    expect(SLIDERS.map((x) => x.path)).not.toContain('world.seed');
  });
});

describe('bloc breakdown', () => {
  it('counts each member of each bloc, and every state without a bloc once', () => {
    const run = runScenario(twenty);
    const blocs = blocBreakdown(run);
    const nato = blocs.find((b) => b.bloc === 'NATO')!;
    const members = run.states.filter((s) => s.blocs.includes('NATO'));
    expect(nato.members).toEqual(members.map((s) => s.id));
    expect(nato.signLeast).toBe(members.filter((s) => s.signs).length);
    expect(nato.signGreatest).toBeGreaterThanOrEqual(nato.signLeast);
    expect(nato.expected).toBeCloseTo(
      members.reduce((a, s) => a + s.pSign, 0),
      12,
    );
    const none = blocs.find((b) => b.bloc === NO_BLOC)!;
    expect(none.members.length).toBe(run.states.filter((s) => s.blocs.length === 0).length);
    expect(blocs[blocs.length - 1].bloc).toBe(NO_BLOC);
  });
});

describe('flip thresholds one parameter at a time', () => {
  it('give exactly what parameterFlips gives', () => {
    const i = twenty.states.findIndex((s) => s.id === 'CHN');
    const all = parameterFlips(twenty, i);
    expect(all).toHaveLength(EXPLAINED_PARAMETER_COUNT);
    for (let k = 0; k < EXPLAINED_PARAMETER_COUNT; k++) expect(parameterFlip(twenty, i, k)).toEqual(all[k]);
  });
});

describe('table order and theme', () => {
  it('sorts by Δ with the most eager signer first, by name A→Z, and reverses', () => {
    const states = runScenario(twenty).states;
    const byDelta = sortStates(states, { key: 'delta', reversed: false });
    expect(byDelta[0].delta).toBe(Math.max(...states.map((s) => s.delta)));
    const byName = sortStates(states, { key: 'name', reversed: true });
    expect(byName[0].name.localeCompare(byName[1].name)).toBeGreaterThan(0);
  });

  it('NO_COLOR turns every colour off; an empty NO_COLOR does not', () => {
    const plain = themeFor({ NO_COLOR: '1' });
    expect(plain.colour).toBe(false);
    expect(
      [plain.sign, plain.abstain, plain.range, plain.changed, plain.accent, plain.muted].every((c) => c === undefined),
    ).toBe(true);
    expect(themeFor({ NO_COLOR: '' }).colour).toBe(true);
    expect(themeFor({}).sign).toBe('green');
  });
});

describe('saving a what-if that frees a state its parent holds', () => {
  it('writes `free`, and the file loads back with the state released', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { saveWhatIf } = await import('../../src/tui/save.js');
    const parent = loadScenario(path.resolve('scenarios/what-if/usa-signs.yaml'));
    expect(parent.fixed.USA).toBe('sign');
    let s = openSession(parent);
    // Held at sign by the parent: one press holds it at abstain, the next frees it.
    while (s.scenario.fixed.USA !== undefined) s = applyEdit(s, { kind: 'cycleFix', id: 'USA' });
    const target = path.join(mkdtempSync(path.join(tmpdir(), 'signatory-free-')), 'freed.yaml');
    saveWhatIf(s, target);
    const saved = loadScenario(target);
    expect(saved.fixed.USA).toBeUndefined();
    expect(runScenario(saved).equilibria.least.signed).toBe(s.run.equilibria.least.signed);
  });
});

describe('saving a what-if over the scenario it extends', () => {
  it('is refused even when overwriting was agreed, and the parent is left as it was', async () => {
    const { copyFileSync, mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { saveWhatIf } = await import('../../src/tui/save.js');
    const parentFile = path.join(mkdtempSync(path.join(tmpdir(), 'signatory-self-')), 'twenty.yaml');
    copyFileSync(TWENTY, parentFile);
    const before = readFileSync(parentFile, 'utf8');
    const s = applyEdit(openSession(loadScenario(parentFile)), {
      kind: 'step',
      path: 'declaration.verification',
      delta: 0.1,
    });
    expect(() => saveWhatIf(s, parentFile, true)).toThrow('a what-if cannot replace the scenario it extends');
    expect(readFileSync(parentFile, 'utf8')).toBe(before);
  });
});
