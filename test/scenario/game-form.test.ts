/**
 * Textbook games written with `game:` (scenarios/games/), solved end to end
 * and checked against their known equilibria and QRE. Sources in
 * docs/model.md, "Known answers"; the QRE values are the fixed points of
 * the games' own scalar equations, solved here by bisection, independently
 * of the solvers under test.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/analysis/run.js';
import { loadScenario, parseScenarioText } from '../../src/scenario/load.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { cli } from '../cli/run-cli.js';

const sig = (x: number) => 1 / (1 + Math.exp(-x));
const run = (name: string, sets: string[] = []) =>
  runScenario(loadScenario(`scenarios/games/${name}.yaml`, { overrides: sets }));
const signers = (r: ReturnType<typeof run>, p: ArrayLike<number>) =>
  r.scenario.states.filter((_, i) => p[i] === 1).map((s) => s.id);
/** The root of f on [0, 1] for f increasing. */
function root(f: (x: number) => number) {
  let lo = 0;
  let hi = 1;
  for (let it = 0; it < 200; it++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > 0) hi = mid;
    else lo = mid;
  }
  return (lo + hi) / 2;
}

describe('textbook games in the game form', () => {
  it('each ships in at most 10 lines (the PD and the stag hunt)', () => {
    for (const f of ['prisoners-dilemma', 'stag-hunt'])
      expect(readFileSync(`scenarios/games/${f}.yaml`, 'utf8').trimEnd().split('\n').length).toBeLessThanOrEqual(10);
  });

  it("Prisoner's Dilemma: mutual defection is the only equilibrium; P(cooperate) = 0.338648202366453 at λ = 0.5", () => {
    const r = run('prisoners-dilemma', ['world.lambda=0.5']);
    expect(r.allPure!.map((p) => signers(r, p))).toEqual([[]]);
    expect(r.qre.least.p[0]).toBeCloseTo(0.338648202366453, 12);
    expect(r.qre.least.p[1]).toBeCloseTo(0.338648202366453, 12);
  });

  it('stag hunt: nobody and both; QRE 0.804153953124 at λ = 1 on the upper branch', () => {
    const r = run('stag-hunt');
    expect(r.equilibria.least.signed).toBe(0);
    expect(r.equilibria.greatest.signed).toBe(2);
    expect(r.qre.greatest.p[0]).toBeCloseTo(0.804153953124, 11);
  });

  it('chicken: the two asymmetric pure equilibria, and the symmetric principal QRE p = σ(λ(1 − 10p))', () => {
    for (const lambda of [0.5, 1, 3, 10]) {
      const r = run('chicken', [`world.lambda=${lambda}`]);
      expect(r.allPure!.map((p) => signers(r, p))).toEqual([['ROW'], ['COL']]);
      const p = root((x) => x - sig(lambda * (1 - 10 * x)));
      expect(r.qre.method).toBe('continuation');
      expect(r.qre.least.p[0]).toBeCloseTo(p, 11);
      expect(r.qre.least.p[1]).toBeCloseTo(p, 11);
    }
  });

  it('battle of the sexes: both abstain and both sign; the mixed equilibrium is not pure', () => {
    const r = run('battle-of-the-sexes');
    expect(r.equilibria.method).toBe('monotone');
    expect(r.equilibria.least.signed).toBe(0);
    expect(r.equilibria.greatest.signed).toBe(2);
  });

  it('matching pennies: no pure equilibrium; the QRE is ½, ½ at every λ', () => {
    for (const lambda of [1, 5, 20]) {
      const r = run('matching-pennies', [`world.lambda=${lambda}`]);
      expect(r.allPure).toEqual([]);
      expect(r.qre.least.converged).toBe(true);
      expect(r.qre.least.p[0]).toBeCloseTo(0.5, 12);
      expect(r.qre.least.p[1]).toBeCloseTo(0.5, 12);
    }
  });

  it('asymmetric matching pennies (X = 9): the QRE of McKelvey & Palfrey’s scalar equation; ROW over-plays sign', () => {
    for (const lambda of [1, 2, 5, 10, 20]) {
      const r = run('asymmetric-matching-pennies', [`world.lambda=${lambda}`]);
      const p = root((x) => x - sig(lambda * (-1 + 10 * sig(lambda * (1 - 2 * x)))));
      expect(r.qre.least.p[0]).toBeCloseTo(p, 11);
      expect(r.qre.least.p[1]).toBeCloseTo(sig(lambda * (1 - 2 * p)), 11);
      // The own-payoff effect: Nash has ROW at ½; the QRE keeps it above.
      expect(r.qre.least.p[0]).toBeGreaterThan(0.5);
    }
  });

  it("Granovetter's crowd: thresholds 0..9 all join; P1 at 2 leaves only P0", () => {
    expect(run('granovetter-crowd').equilibria.least.signed).toBe(10);
    const text = readFileSync('scenarios/games/granovetter-crowd.yaml', 'utf8').replace(
      'P1: { threshold: 1 }',
      'P1: { threshold: 2 }',
    );
    const r = runScenario(parseScenarioText(text, 'scenarios/games/granovetter-crowd.yaml'));
    expect(r.equilibria.least.signed).toBe(1);
    expect(signers(r, r.equilibria.least.profile)).toEqual(['P0']);
  });

  it('assurance: nobody or everybody', () => {
    const r = run('assurance');
    expect(r.equilibria.least.signed).toBe(0);
    expect(r.equilibria.greatest.signed).toBe(5);
  });
});

describe('the game form refuses bad input with the path', () => {
  const bad = (yaml: string) => {
    try {
      parseScenarioText(yaml, 'g.yaml');
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      return (e as Error).message;
    }
    throw new Error('accepted');
  };
  it('names the entry', () => {
    expect(bad('name: g\ngame:\n  players: {A: {gain: x}}\n')).toMatch(
      /g\.yaml: game\.players\.A\.gain: expected a number/,
    );
    expect(bad('name: g\ngame:\n  players: {A: {with: {B: 1}}}\n')).toMatch(
      /game\.players\.A\.with\.B: expected another player/,
    );
    expect(bad('name: g\ngame:\n  players: {A: {threshold: 3}, B: {}}\n')).toMatch(/game\.players\.A\.threshold/);
    expect(bad('name: g\ngame:\n  players: {A: {gian: 1}}\n')).toMatch(/did you mean "gain"/);
    expect(bad('name: g\ngame:\n  players: [A, B]\n  payoffs: {sign: {sign: [1, 1]}}\n')).toMatch(
      /game\.payoffs\.sign\.abstain/,
    );
    expect(bad('name: g\ngame: {players: {A: {}}}\nstates: []\n')).toMatch(/either `game:` or `states:`/);
    expect(bad('name: g\ngame:\n  players: {A: {with: {B: 1, C: -1}}, B: {}, C: {}}\n')).toMatch(/one sign/);
  });
  it('exit code 2 from the CLI, one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'game-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      'name: g\ngame:\n  players: [A, B]\n  payoffs: {sign: {sign: [1, 1], abstain: [0, 0]}, abstain: {sign: [0, 0], abstain: [1, z]}}\n',
    );
    const r = await cli(['run', file]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('game.payoffs.abstain.abstain[1]: expected a number');
  });
});
