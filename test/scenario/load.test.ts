import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/model/compile.js';
import { loadScenario, loadScenarioWithMeta, parseScenarioText } from '../../src/scenario/load.js';
import { resolvePath, withValues } from '../../src/scenario/paths.js';
import { scenarioDiffToYaml } from '../../src/scenario/serialize.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { baseDoc, FIXTURES, INLINE, toYaml } from './scenario-text.js';

describe('loading good files', () => {
  it('loads a YAML scenario with every feature', () => {
    const { scenario, provenance, chain } = loadScenarioWithMeta(`${FIXTURES}/small.yaml`);
    expect(scenario.name).toBe('Small');
    expect(scenario.states.map((s) => s.id)).toEqual(['AAA', 'BBB', 'CCC']);
    expect(scenario.states[1].bias).toBe(-0.2);
    expect(scenario.states[0].bias).toBe(0);
    expect(scenario.states[2].patron).toEqual({ id: 'AAA', deference: 0.6 });
    expect(scenario.states[2].blocs).toEqual(['North', 'Small']);
    expect(scenario.states[1].blocs).toEqual([]);
    expect(scenario.fixed).toEqual({ CCC: 'sign' });
    expect(scenario.observed).toEqual({ signed: ['CCC'], total: 3, source: 'made up' });
    expect(provenance).toEqual({ AAA: { capability: 'SIPRI 2024, rounded', pace: 'guess' } });
    expect(chain).toEqual([`${FIXTURES}/small.yaml`]);
    expect(scenario.file).toMatch(/small\.yaml$/);
    expect(() => compileScenario(scenario)).not.toThrow();
  });

  it('records uncertain values at their nominal value', () => {
    const s = loadScenario(`${FIXTURES}/small.yaml`);
    expect(s.declaration.humanControl).toBe(0.7);
    expect(s.world.raceShock).toBeCloseTo(0.2, 15);
    expect(s.states[1].capability).toBe(0.7);
    expect(s.uncertainty).toEqual([
      { path: 'declaration.humanControl', distribution: { kind: 'normal', mean: 0.7, sd: 0.1 }, min: 0, max: 1 },
      { path: 'world.raceShock', distribution: { kind: 'uniform', min: 0.1, max: 0.3 }, min: 0, max: 1 },
      { path: 'states.BBB.capability', distribution: { kind: 'normal', mean: 0.7, sd: 0.05 }, min: 0, max: 1 },
    ]);
  });

  it('merges an extends chain: child wins, states by id, observed whole, fix per key', () => {
    const { scenario: s, provenance, chain, raw } = loadScenarioWithMeta(`${FIXTURES}/child.yaml`);
    expect(chain).toEqual([`${FIXTURES}/small.yaml`, `${FIXTURES}/child.yaml`]);
    expect(s.name).toBe('Small, verified');
    expect(s.description).toBe('Three states, every feature once.');
    expect(s.declaration.verification).toBe(0.9);
    expect(s.declaration.thresholdClarity).toBe(0.6);
    expect(s.world.raceShock).toBe(0.25);
    expect(s.states.map((x) => x.id)).toEqual(['AAA', 'BBB', 'CCC', 'DDD']);
    expect(s.states[1].capability).toBe(0.75);
    expect(s.states[1].pace).toBe(0.6);
    expect(s.states[1].rivals).toEqual({ AAA: 1, CCC: 0.5 });
    expect(s.states[2].patron).toEqual({ id: 'AAA', deference: 0.2 });
    expect(s.fixed).toEqual({ DDD: 'abstain' });
    expect(s.observed).toEqual({ signed: ['DDD'] });
    // Only the uncertainty nobody overrode survives.
    expect(s.uncertainty.map((u) => u.path)).toEqual(['declaration.humanControl']);
    expect(provenance.CCC).toEqual({ normSensitivity: "teacher's guess" });
    expect((raw as { states: unknown[] }).states).toHaveLength(4);
  });

  it('reads a JSON scenario with a roster, the file overriding roster values', () => {
    const { scenario: s, chain } = loadScenarioWithMeta(`${FIXTURES}/with-roster.json`);
    expect(chain).toEqual([`${FIXTURES}/roster.yaml`, `${FIXTURES}/with-roster.json`]);
    expect(s.name).toBe('Roster user (JSON)');
    expect(s.states.map((x) => x.id)).toEqual(['XXX', 'YYY']);
    expect(s.states[1].threat).toBe(0.9);
    expect(s.states[0].rivals).toEqual({ YYY: 2 });
  });

  it('applies --set and --fix after merging', () => {
    const s = loadScenario(`${FIXTURES}/small.yaml`, {
      overrides: [
        'declaration.verification=0.8',
        'states.BBB.capability=0.1',
        'world.seed=9',
        'weights.club=0.5',
        'states.CCC.patron.deference=0.25',
        'states.AAA.rivals.CCC=0.3',
      ],
      fix: ['AAA=sign', 'CCC=free'],
    });
    expect(s.declaration.verification).toBe(0.8);
    expect(s.states[1].capability).toBe(0.1);
    expect(s.world.seed).toBe(9);
    expect(s.weights.club).toBe(0.5);
    expect(s.states[2].patron?.deference).toBe(0.25);
    expect(s.states[0].rivals).toEqual({ BBB: 1, CCC: 0.3 });
    expect(s.fixed).toEqual({ AAA: 'sign' });
    // A value set on the command line is certain.
    expect(s.uncertainty.map((u) => u.path)).toEqual(['declaration.humanControl', 'world.raceShock']);
  });

  it('parses text with extends resolved against the given file', () => {
    const s = parseScenarioText('extends: small.yaml\nname: Inline\nworld: {lambda: 3}\n', INLINE);
    expect(s.name).toBe('Inline');
    expect(s.world.lambda).toBe(3);
    expect(s.file).toBeUndefined();
  });

  it('removes a patron with null and overrides a custom term field by field', () => {
    const s = parseScenarioText(
      'extends: tech-lobby.yaml\nstates:\n  - id: CCC\n    patron: null\nterms:\n  - id: lobbyCost\n    expression: "-2 * lobby * race"\n',
      INLINE,
    );
    expect(s.states[2].patron).toBeUndefined();
    const term = s.terms.find((t) => t.id === 'lobbyCost')!;
    expect(term.label).toBe('Domestic tech lobby');
    expect(term.formula).toBe('-2 * lobby * race');
    expect(s.weights.lobbyCost).toBe(0.5);
  });

  it('loads a generated document', () => {
    const s = parseScenarioText(toYaml(baseDoc()), INLINE);
    expect(s.states).toHaveLength(3);
    expect(s.weights.intercept).toBe(0);
  });
});

describe('paths', () => {
  const s = loadScenario(`${FIXTURES}/tech-lobby.yaml`);

  it('gets and sets every kind of path', () => {
    const cases: [string, number, number][] = [
      ['declaration.enforcement', 0.2, 0.9],
      ['world.lambda', 8, 100],
      ['world.seed', 42, 3],
      ['weights.intercept', 0.1, -1],
      ['weights.lobbyCost', 0.5, 2],
      ['states.AAA.capability', 0.9, 0.3],
      ['states.AAA.bias', 0, -3],
      ['states.AAA.lobby', 0.8, 0.1],
      ['states.CCC.patron.deference', 0.6, 0.1],
      ['states.AAA.rivals.BBB', 1, 4],
      ['states.AAA.rivals.CCC', 0, 4],
    ];
    for (const [path, before, after] of cases) {
      const accessor = resolvePath(s, path);
      expect(accessor.get(s), path).toBe(before);
      const copy = withValues(s, { [path]: after });
      expect(accessor.get(copy), path).toBe(after);
      expect(accessor.get(s), `${path} untouched`).toBe(before);
    }
  });

  it('knows the bounds', () => {
    expect(resolvePath(s, 'declaration.verification')).toMatchObject({ min: 0, max: 1 });
    expect(resolvePath(s, 'world.lambda')).toMatchObject({ min: 0, max: 1000 });
    expect(resolvePath(s, 'world.seed')).toMatchObject({ min: 0, integer: true });
    expect(resolvePath(s, 'states.AAA.bias')).toMatchObject({ min: -Infinity, max: Infinity });
    expect(resolvePath(s, 'states.AAA.lobby')).toMatchObject({ min: 0, max: 1 });
  });

  it('names a bad path with a hint', () => {
    const cases: [string, string][] = [
      ['declaration.verificaton', 'did you mean "declaration.verification"?'],
      ['states.AAB.capability', 'did you mean "states.AAA"?'],
      ['states.AAA.capabilty', 'did you mean "states.AAA.capability"?'],
      ['wrld.lambda', 'did you mean "world"?'],
      ['weights.lobbyCst', 'did you mean "weights.lobbyCost"?'],
      ['states.AAA.patron.deference', 'AAA has none'],
      ['states.AAA.rivals.AAA', 'expected a rival state id'],
    ];
    for (const [path, hint] of cases) {
      const error = (() => {
        try {
          resolvePath(s, path, 'sweep.yaml');
        } catch (e) {
          return e;
        }
      })();
      expect(error, path).toBeInstanceOf(ScenarioError);
      expect((error as ScenarioError).file).toBe('sweep.yaml');
      expect((error as ScenarioError).path).toBe(path);
      expect((error as ScenarioError).message).toContain(hint);
    }
  });

  it('withValues validates and never mutates', () => {
    expect(() => withValues(s, { 'declaration.verification': 2 })).toThrow(
      '--set: declaration.verification: expected a number in [0, 1], got 2',
    );
    expect(() => withValues(s, { 'world.seed': 1.5 })).toThrow('expected an integer ≥ 0, got 1.5');
    expect(() => withValues(s, { 'states.AAA.bias': NaN })).toThrow('expected a finite number, got NaN');
    const copy = withValues(s, { 'states.BBB.lobby': 0.9 });
    expect(copy.uncertainty.map((u) => u.path)).not.toContain('states.BBB.lobby');
    expect(s.uncertainty.map((u) => u.path)).toContain('states.BBB.lobby');
  });
});

describe('what-if files', () => {
  it('write only the changes and load back to the same values', () => {
    const parent = loadScenario(`${FIXTURES}/small.yaml`);
    const changes = {
      'declaration.verification': 0.85,
      'world.raceIntensity': 0.1,
      'weights.exposure': 0.3,
      'states.BBB.capability': 0.123456789,
      'states.CCC.patron.deference': 0.05,
      'states.AAA.rivals.CCC': 0.7,
      'states.AAA.bias': -1.25,
    };
    const text = scenarioDiffToYaml('small.yaml', 'What if', 'verified', changes, { AAA: 'abstain' });
    expect(text).toContain('extends: small.yaml');
    expect(text).not.toContain('thresholdClarity');
    const child = parseScenarioText(text, INLINE);
    for (const [path, value] of Object.entries(changes)) expect(resolvePath(child, path).get(child), path).toBe(value);
    expect(child.fixed).toEqual({ CCC: 'sign', AAA: 'abstain' });
    expect(child.declaration.thresholdClarity).toBe(parent.declaration.thresholdClarity);
    expect(child.name).toBe('What if');
  });
});
