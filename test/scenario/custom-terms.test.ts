import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCustomTerm, type CustomTerm } from '../../src/scenario/expression/custom-term.js';
import { compileScenario } from '../../src/model/compile.js';
import { InputError } from '../../src/errors/input-error.js';
import { columnsOf, feltRace } from '../../src/model/names.js';
import { BUILTIN_TERM_IDS } from '../../src/model/terms.js';
import { extremalEquilibria } from '../../src/solve/nash.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { loadScenario, parseScenarioText } from '../../src/scenario/load.js';
import { withValues } from '../../src/scenario/paths.js';
import { baseDoc, FIXTURES, INLINE, stateDoc, toYaml, type Doc } from './scenario-text.js';

// The private mathjs instance is created on first use (slow on a loaded machine): do it outside any test's timeout.
beforeAll(
  () => void makeCustomTerm({ id: 'warm', label: 'warm', propositions: [], expression: '1' }, new Set()),
  60_000,
);

function withTerm(expression: string, extra: Doc = {}): string {
  const doc = baseDoc();
  doc.terms = [{ id: 'custom', label: 'Custom', expression, weight: 1 }];
  Object.assign(doc, extra);
  return toYaml(doc);
}

function refusal(expression: string): ScenarioError {
  try {
    parseScenarioText(withTerm(expression), INLINE);
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error(`expression ${JSON.stringify(expression)} was accepted`);
}

describe('hostile expressions are refused with a clear message', () => {
  const hostile: [string, string][] = [
    ['constructor', 'unknown name "constructor"'],
    ['a.constructor', 'property access or indexing'],
    ['x["constructor"]', 'property access or indexing'],
    ['threat["constructor"]', 'property access or indexing'],
    ['import({}, {})', 'function "import" is not allowed'],
    ['createUnit("foo")', 'function "createUnit" is not allowed'],
    ['evaluate("1")', 'function "evaluate" is not allowed'],
    ['parse("1")', 'function "parse" is not allowed'],
    ['compile("1")', 'function "compile" is not allowed'],
    ['simplify("x")', 'function "simplify" is not allowed'],
    ['f(x) = x', 'function definitions'],
    ['[1,2][1]', 'property access or indexing'],
    ['[1,2]', 'lists or matrices'],
    ['{a: 1}', 'objects'],
    ['matrix([1])', 'function "matrix" is not allowed'],
    ['cos.constructor', 'property access or indexing'],
    ['1:3', 'ranges'],
    ['a = 1', 'assignment'],
    ['threat; 1', 'several statements'],
    ['threat\n1', 'several statements'],
    ['"text"', 'only numbers are allowed as constants'],
    ['5 cm', 'unknown name "cm"'],
    ['threat to pace', 'operator "to" is not allowed'],
    ['3!', 'operator "!" is not allowed'],
    ['threat | pace', 'operator "|" is not allowed'],
    ["threat'", `operator "'" is not allowed`],
    ['threat .* pace', 'operator ".*" is not allowed'],
    ['1e400', 'constants must be finite'],
    ['capabilty * pace', 'unknown name "capabilty" (did you mean "capability"?)'],
    ['lobby', 'unknown name "lobby"'],
    ['abs', '"abs" is a function'],
    ['sqrt(1, 2)', 'function "sqrt" takes 1 argument, got 2'],
    ['threat(1)', 'function "threat" is not allowed'],
    ['help(sin)', 'function "help" is not allowed'],
    ['chain(1)', 'function "chain" is not allowed'],
    ['x'.repeat(501), 'limited to 500 characters, got 501'],
    [`${'('.repeat(1000)}1${')'.repeat(1000)}`, 'limited to 500 characters'],
    [`${'('.repeat(200)}1${')'.repeat(200)}`, 'nesting deeper than 32 levels'],
    ['', 'expected a non-empty string'],
    ['threat +', 'syntax error'],
    ['(threat', 'syntax error'],
    ['end = 1', 'syntax error: Cannot assign to symbol "end"'],
    ['1 / 0', 'evaluates to Infinity'],
    ['sqrt(-threat)', 'evaluates to NaN'],
  ];
  it.each(hostile)('%s', (expression, message) => {
    const error = refusal(expression);
    expect(error.file).toBe(INLINE);
    expect(error.path).toBe('terms[0].expression');
    expect(error.message).toContain(message);
    expect(error.message).not.toContain('\n');
  });

  it('refuses a non-string expression and bad ids', () => {
    expect(refusal(42 as unknown as string).message).toContain('expected a non-empty string, got 42');
    const doc = baseDoc();
    doc.terms = [{ id: 'threat', expression: '1', weight: 1 }];
    expect(() => parseScenarioText(toYaml(doc), INLINE)).toThrow(
      'terms[0].id: expected a new term id, but "threat" is already a name',
    );
    doc.terms = [{ id: 'bad-id', expression: '1', weight: 1 }];
    expect(() => parseScenarioText(toYaml(doc), INLINE)).toThrow('terms[0].id: expected a term id');
  });
});

describe('non-linear interactions are refused', () => {
  it.each([
    'rivalShare * signShare',
    'rivalShare^2',
    'rivalShare * rivalShare',
    'abs(rivalShare - 0.5)',
    'signShare > 0.5 ? 1 : 0',
    'patronSigns / (1 + signShare)',
    'exp(signShare)',
    // Vanish at every fixed check point (0, 1 and 0.37 or 0.61 or 0.83): only the drawn points see them.
    'rivalShare*(rivalShare-0.37)*(rivalShare-1)',
    'signShare*(signShare-0.61)*(signShare-1)',
    'patronSigns*(patronSigns-0.83)*(patronSigns-1) + rivalShare',
  ])('%s', (expression) => {
    const error = refusal(expression);
    expect(error.path).toBe('terms[0].expression');
    expect(error.message).toContain(
      'custom term "custom" is not linear in rivalShare, signShare and patronSigns for state AAA',
    );
  });

  it('a cubic through the fixed check points is refused wherever its roots are', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99 }), (a, b) => {
        const error = refusal(
          `rivalShare*(rivalShare-0.${String(a).padStart(2, '0')})*(rivalShare-0.${String(b).padStart(2, '0')})`,
        );
        expect(error.message).toContain('is not linear in rivalShare, signShare and patronSigns');
      }),
      { numRuns: 30 },
    );
  });

  it('accepts forms that are linear at every parameter value', () => {
    for (const expression of [
      'rivalShare',
      '-threat * (1 - assurance * rivalShare)',
      '2 * (signShare + patronSigns) / 4',
      'threat > 0.5 ? rivalShare : -signShare',
      'max(0, rivalShare)',
    ]) {
      expect(() => parseScenarioText(withTerm(expression), INLINE), expression).not.toThrow();
    }
  });

  it('throws an InputError (a user error) from the compiler when a term is non-linear only at other values', () => {
    const s = parseScenarioText(withTerm('threat > 0.9 ? rivalShare * signShare : rivalShare'), INLINE);
    const term = s.terms.find((t) => t.id === 'custom')!;
    const hot = withValues(s, { 'states.AAA.threat': 0.95 });
    expect(() => compileScenario(hot)).toThrow(InputError);
    expect(() => compileScenario(hot)).toThrow('custom term "custom" is not linear');
    const linear = (term as CustomTerm).linearAt(columnsOf(s.states, s.declaration, s.world), 0);
    expect(typeof linear === 'string' ? linear : linear.rivals).toBe(1);
  });
});

describe('custom terms in the game', () => {
  it('reproduce the exposure term exactly', () => {
    const doc = baseDoc();
    doc.terms = [
      {
        id: 'exposure2',
        label: 'Exposure again',
        expression: '-(threat * bindingness) * (1 - assurance * rivalShare)',
        weight: 0,
      },
    ];
    const s = parseScenarioText(toYaml(doc), INLINE);
    const compiled = compileScenario(s);
    const builtin = compiled.terms.find((c) => c.term.id === 'exposure')!;
    const custom = compiled.terms.find((c) => c.term.id === 'exposure2')!;
    for (const key of ['constant', 'momentum', 'rivals', 'patron'] as const) {
      for (let i = 0; i < s.states.length; i++) expect(custom[key][i], `${key}[${i}]`).toBeCloseTo(builtin[key][i], 14);
    }
    const a = compileScenario(withValues(s, { 'weights.exposure': 1, 'weights.exposure2': 0 })).game;
    const b = compileScenario(withValues(s, { 'weights.exposure': 0, 'weights.exposure2': 1 })).game;
    for (let i = 0; i < a.n; i++) expect(b.a[i]).toBeCloseTo(a.a[i], 14);
    expect(b.val.length).toBe(a.val.length);
    for (let k = 0; k < a.val.length; k++) expect(b.val[k]).toBeCloseTo(a.val[k], 14);
  });

  it('loads the tech-lobby example with its weights', () => {
    const s = loadScenario(`${FIXTURES}/tech-lobby.yaml`);
    expect(s.terms.map((t) => t.id)).toEqual([...BUILTIN_TERM_IDS, 'lobbyCost', 'lobbyRelief']);
    expect(s.weights.lobbyCost).toBe(0.5);
    expect(s.weights.lobbyRelief).toBe(0.25);
    expect(s.states.map((x) => x.extra.lobby)).toEqual([0.8, 0.4, 0]);
    const compiled = compileScenario(s);
    const cost = compiled.terms.find((c) => c.term.id === 'lobbyCost')!;
    const relief = compiled.terms.find((c) => c.term.id === 'lobbyRelief')!;
    expect(cost.constant[0]).toBeCloseTo(-0.8 * feltRace(s.world, s.states[0].raceExposure), 14);
    expect(relief.rivals[0]).toBeCloseTo(0.8 * compiled.derived.assurance, 14);
    expect(relief.constant[0]).toBe(0);
  });

  /** Granovetter (1978): join when at least t_i others have, as α_i = −(t_i − ½) and one unit per other signer. */
  function granovetter(thresholds: number[]): string {
    const n = thresholds.length;
    return toYaml({
      name: 'Granovetter crowd',
      declaration: baseDoc().declaration,
      world: { raceIntensity: 0, raceShock: 0, lambda: 1, seed: 1 },
      attributes: { threshold: { description: 'others needed before joining', min: 0, max: 1000 } },
      weights: { intercept: 0, ...Object.fromEntries(BUILTIN_TERM_IDS.map((id) => [id, 0])) },
      terms: [
        { id: 'hesitation', label: 'Own threshold', expression: '-(threshold - 0.5)', weight: 1 },
        { id: 'crowd', label: 'Others joining', expression: 'signShare', weight: n - 1 },
      ],
      states: thresholds.map((t, i) => stateDoc(`P${i}`, 0, { threshold: t })),
    });
  }

  it('a crowd of custom terms only gives Granovetter’s cascade', () => {
    const uniform = Array.from({ length: 100 }, (_, i) => i);
    const s = parseScenarioText(granovetter(uniform), INLINE);
    const { game } = compileScenario(s);
    expect(game.a[0]).toBeCloseTo(0.5, 14);
    expect(game.a[99]).toBeCloseTo(-98.5, 12);
    expect(game.m[5]).toBeCloseTo(99, 12);
    expect(game.val.length).toBe(0);
    const all = extremalEquilibria(game);
    expect(all.least.signed).toBe(100);
    expect(all.least.rounds.length).toBe(100);

    const broken = [...uniform];
    broken[1] = 2;
    expect(extremalEquilibria(compileScenario(parseScenarioText(granovetter(broken), INLINE)).game).least.signed).toBe(
      1,
    );
  });
});
